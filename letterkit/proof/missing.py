"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba's dictionary (words with frequencies, shipped by the registry package; no list of ours)
says which strings are words.  A lost character leaves a single character standing between two
words, in no word itself.  It is reported only when the letter itself shows the whole word:
the character stands alone nowhere else, and either the whole word appears elsewhere in the
same surroundings (八卦岭片区) — "很可能" — or the character is rarely a word by itself in
jieba's counts and the whole word appears elsewhere at least twice (平台) — "可能".
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter, defaultdict
from functools import lru_cache

from .registry import Finding, rule
from .text import CJK, prose

HAN = re.compile(f"^[{CJK}]+$")
RARELY_ALONE = 0.1  # share of a character's uses in jieba's counts where it is a word by itself
# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)
# the last character of an organ's or a place's name (卫生健康局, 八卦岭片区) stands alone after a
# word when the whole name is not in the dictionary: only the surer test may report it
NAME_ENDS = set("局委办厅部署院站所处科股队室馆会区县市省镇乡村街团")


CACHE_VERSION = "proof-missing-1"


@lru_cache(maxsize=1)
def dictionary() -> tuple[frozenset, frozenset, dict]:
    """From jieba's dictionary: its two-character words, its three- and four-character words, and
    for each character the share of its uses in which it is a word by itself.  Kept in
    letterkit's cache folder: reading jieba's dictionary takes a second or more, every run."""
    import pickle

    from ..cache import cache_dir

    folder = cache_dir("proof")
    path = folder / f"{CACHE_VERSION}.pickle" if folder else None
    if path is not None and path.exists():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # a damaged or foreign cache file: build it again
            pass
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    pairs, longer, inside = set(), set(), Counter()
    for word, count in jieba.dt.FREQ.items():
        if count and 2 <= len(word) <= 4 and HAN.match(word):
            (pairs if len(word) == 2 else longer).add(word)
            for ch in set(word):
                inside[ch] += count
    alone = {ch: jieba.dt.FREQ.get(ch, 0) / (jieba.dt.FREQ.get(ch, 0) + n + 1) for ch, n in inside.items()}
    result = (frozenset(pairs), frozenset(longer), alone)
    if path is not None:
        try:
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)  # whole or not at all, when two processes write it
        except OSError:
            pass  # only a cache
    return result


def lost_characters(paragraphs: list[str]) -> list[tuple[int, int, str, str, bool]]:
    """(paragraph, offset, the lone character, the whole word seen elsewhere, sure) of each suspect.

    A character is lone when no word of jieba's dictionary covers it together with a neighbour
    and words end just before it and start just after it.  Set look-ups only, no segmenting:
    a thousand seed-sized drafts are checked in seconds."""
    pairs, longer, alone = dictionary()
    letter = "\n".join(paragraphs)
    seen = Counter(pair for pair in (letter[i:i + 2] for i in range(len(letter) - 1)) if pair in pairs)
    after: dict[str, dict] = defaultdict(dict)   # c → {x: times} for each word c+x in the letter
    before: dict[str, dict] = defaultdict(dict)  # c → {x: times} for each word x+c
    for pair, times in seen.items():
        after[pair[0]][pair[1]] = times
        before[pair[1]][pair[0]] = times
    fours = {letter[i:i + 4] for i in range(len(letter) - 3)}

    def word(text: str) -> bool:
        return text in pairs or text in longer

    def lone(text: str, at: int) -> bool:
        if any(word(text[at - k:at + m]) for k in range(0, 4) for m in range(1, 5) if 3 <= k + m <= 4 and at >= k):
            return False  # inside a longer word
        return any(word(text[at - k:at]) for k in (2, 3, 4) if at >= k) \
            and any(word(text[at + 1:at + 1 + k]) for k in (2, 3, 4) if at + k < len(text))

    # cheapest first: in no two-character word with a neighbour; a character that can have been
    # cut from a word of this letter; then the longer words around it
    places = [(index, at) for index, text in enumerate(paragraphs) for at in range(2, len(text) - 2)
              if text[at - 1:at + 1] not in pairs and text[at:at + 2] not in pairs]
    places = [(index, at) for index, at in places if alone.get(paragraphs[index][at], 1.0) < 0.5
              and (paragraphs[index][at] in after or paragraphs[index][at] in before)]
    places = [(index, at) for index, at in places if lone(paragraphs[index], at)]
    times = Counter(paragraphs[index][at] for index, at in places)
    suspects = []
    for index, at in places:
        text = paragraphs[index]
        ch, prev, nxt = text[at], text[at - 1], text[at + 1]
        if times[ch] > 1 or any(p.match(text[at:at + 40].split("。")[0]) for p in ALLOWED):
            continue
        wholes = [(ch + x, n) for x, n in after[ch].items() if x != nxt] + \
                 [(x + ch, n) for x, n in before[ch].items() if x != prev]
        share = alone.get(ch, 1.0)
        left, right = text[at - 2:at], text[at + 1:at + 3]
        sure = [w for w, _ in wholes if share < 0.5 and (left + w in fours or w + right in fours)]
        if sure:
            suspects.append((index, at, ch, sure[0], True))
        elif share < RARELY_ALONE and sum(n for _, n in wholes) >= 2 and ch not in NAME_ENDS:
            suspects.append((index, at, ch, max(wholes, key=lambda w: w[1])[0], False))
    return suspects


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
