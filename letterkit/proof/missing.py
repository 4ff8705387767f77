"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba segments the letter with its own dictionary (word frequencies from the registry
package, no list of ours).  A lost character leaves a single character standing between two
ordinary words; it is reported only when the letter itself shows the whole word: the same
character inside one word elsewhere (平台 twenty times, never 平 alone), and either that word
in the same surroundings elsewhere (八卦岭片区) — "很可能" — or a character that is rarely a word
by itself in jieba's counts — "可能".
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from functools import lru_cache

from .registry import Finding, rule
from .text import CJK, prose

HAN = re.compile(f"^[{CJK}]+$")
RARELY_ALONE = 0.1  # share of a character's uses in jieba's counts where it is a word by itself
# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)


@lru_cache(maxsize=1)
def _jieba():
    """jieba, its word counts, and for each character the counts of the words it is part of."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    counts = jieba.dt.FREQ
    inside: Counter = Counter()
    for word, count in counts.items():
        if count and 2 <= len(word) <= 4:
            for ch in set(word):
                inside[ch] += count
    return jieba, counts, inside


def lost_characters(paragraphs: list[str]) -> list[tuple[int, int, str, str, bool]]:
    """(paragraph, offset, the lone character, the whole word seen elsewhere, sure) of each suspect."""
    jieba, counts, inside = _jieba()
    tokens = [list(jieba.cut(text, HMM=False)) for text in paragraphs]
    letter = "\n".join(paragraphs)
    uses: dict[str, Counter] = defaultdict(Counter)
    for words in tokens:
        for word in words:
            if HAN.match(word):
                for ch in set(word):
                    uses[ch][word] += 1
    lone = []  # (paragraph, offset, character): a single character between two words
    for index, (text, words) in enumerate(zip(paragraphs, tokens)):
        offset = 0
        for k, word in enumerate(words):
            at, offset = offset, offset + len(word)
            if len(word) == 1 and HAN.match(word) and 0 < k < len(words) - 1 \
                    and all(len(w) >= 2 and HAN.match(w) for w in (words[k - 1], words[k + 1])):
                lone.append((index, at, word))
    times_lone = Counter(ch for _, _, ch in lone)
    found = []
    for index, at, word in lone:
        text = paragraphs[index]
        if times_lone[word] > 1 or any(p.match(text[at:at + 40].split("。")[0]) for p in ALLOWED):
            continue
        left, right = text[at - 2:at], text[at + 1:at + 3]
        wholes = []  # (word elsewhere, times, the two characters restored here)
        for other, times in uses[word].items():
            if len(other) < 2:
                continue
            if other[0] == word and other[1] != text[at + 1:at + 2]:
                wholes.append((other, times, other[:2]))
            elif other[-1] == word and other[-2] != text[at - 1:at]:
                wholes.append((other, times, other[-2:]))
        wholes = [w for w in wholes if counts.get(w[2])]
        if not wholes:
            continue
        alone = counts.get(word, 0) / (counts.get(word, 0) + inside[word] + 1)
        sure = [w for w in wholes if left + w[2] in letter or w[2] + right in letter]
        if sure:
            found.append((index, at, word, sure[0][0], True))
        elif alone < RARELY_ALONE and sum(times for _, times, _ in wholes) >= 2:
            found.append((index, at, word, max(wholes, key=lambda w: w[1])[0], False))
    return found


@rule("lost-character", "warning", "missing", "词语中间漏了字（单字夹在两个词之间，本信别处写全了）",
      "用 jieba 的词典（带词频）分词：一个很少单独成词的字孤零零夹在两个常用词之间，而本信别处把它写在一个词里"
      "（“平台”二十余次，“平”从不单用），多半是改稿时漏了字。两种把握：别处同样的上下文里写全了——“很可能”；"
      "只是这个字在 jieba 的词频里很少单独成词——“可能”。在 18 封已发布的信上不报。",
      "5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台", "5G公共技术平台、华大九天模拟电路设计全流程EDA工具系统等平台")
def _lost(c):
    paragraphs = prose(c.data)
    texts = [text for _, text in paragraphs]
    for index, at, ch, whole, sure in lost_characters(texts):
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        how = "很可能" if sure else "可能"
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，{how}漏了字（本信别处写作“{whole}”）",
                      f"核对原稿，补上漏掉的字（如“{whole}”）", at)
