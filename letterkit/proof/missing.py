"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba's dictionary (words with frequencies, shipped by the registry package; no list of ours)
says which strings are words.  A lost character leaves a single character standing between two
words, in no word itself.  It is reported only when the letter itself shows the whole word:
the character stands alone nowhere else, and either the whole word appears elsewhere in the
same surroundings (八卦岭片区) — "很可能" — or the character is rarely a word by itself in
jieba's counts and the whole word appears elsewhere at least twice (平台) — "可能".
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain
from operator import add

from .registry import Finding, rule
from . import text as text_module
from .text import CJK, MEMOS, prose

HAN = re.compile(f"^[{CJK}]+$")
RARELY_ALONE = 0.1  # share of a character's uses in jieba's counts where it is a word by itself
# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)
# the last character of an organ's or a place's name (卫生健康局, 八卦岭片区) stands alone after a
# word when the whole name is not in the dictionary: only the surer test may report it
NAME_ENDS = set("局委办厅部署院站所处科股队室馆会区县市省镇乡村街团")


STOPS = set("，。；：、！？")
CACHE_VERSION = "proof-missing-3"


@lru_cache(maxsize=1)
def dictionary() -> tuple[frozenset, dict, dict]:
    """From jieba's dictionary: its two-character words, its words of two to four characters with their
    counts, and
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
    from ..cache import jieba as private_jieba

    jieba = private_jieba()  # never the shared $TMPDIR/jieba.cache
    pairs, counts, inside = set(), {}, Counter()
    for word, count in jieba.dt.FREQ.items():
        if count and 2 <= len(word) <= 4 and HAN.match(word):
            counts[word] = count
            if len(word) == 2:
                pairs.add(word)
            for ch in set(word):
                inside[ch] += count
    alone = {ch: jieba.dt.FREQ.get(ch, 0) / (jieba.dt.FREQ.get(ch, 0) + n + 1) for ch, n in inside.items()}
    result = (frozenset(pairs), counts, alone)
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
    pairs, words, alone = dictionary()
    letter = "\n".join(paragraphs)
    found = [_paragraph(text) for text in paragraphs]
    seen = Counter(chain.from_iterable(paired for paired, _, _, _, _ in found))  # the two-character words of the letter
    after: dict[str, dict] = defaultdict(dict)   # c → {x: times} for each word c+x in the letter
    before: dict[str, dict] = defaultdict(dict)  # c → {x: times} for each word x+c
    for pair, times in seen.items():
        after[pair[0]][pair[1]] = times
        before[pair[1]][pair[0]] = times
    # cheapest first: a character in no two-character word with a neighbour, rarely a word alone,
    # inside its paragraph (not at either end), that can have been cut from a word of this
    # letter; then the longer words around it
    places = []
    for index, (text, (_, _, loose, padded, known)) in enumerate(zip(paragraphs, found)):
        for at in [at for at in loose if text[at] in after or text[at] in before]:
            lone = known.get(at)
            if lone is None:
                lone = known[at] = _lone(padded, at + PAD, words)
            if lone:
                places.append((index, at))
    times = Counter(paragraphs[index][at] for index, at in places)
    spans, start = [], 0  # where each paragraph stands in the letter
    for text in paragraphs:
        spans.append((start, start + len(text)))
        start += len(text) + 1
    held: dict[str, list] = {}

    def holding(word: str) -> list:  # the spans of the paragraphs that hold a two-character word
        if word not in held:
            held[word] = [span for span, entry in zip(spans, found) if word in entry[1]]
        return held[word]

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
        sure = [w for w, _ in wholes if share < 0.5 and (_clean(letter, left + w, 2, pairs, holding(w))
                                                         or _clean(letter, w + right, 0, pairs, holding(w)))]
        if sure:
            suspects.append((index, at, ch, sure[0], True))
        elif share < RARELY_ALONE and sum(n for _, n in wholes) >= 2 and ch not in NAME_ENDS:
            suspects.append((index, at, ch, max(wholes, key=lambda w: w[1])[0], False))
    return suspects


_paragraphs: dict = {}  # paragraph → _paragraph's answer: the letters of one office share many paragraphs
MEMOS.append(_paragraphs)
PAD = 4  # marks around a paragraph: no word runs across its ends


def _paragraph(text: str) -> tuple[list, set, list, str, dict]:
    """One paragraph's two-character words in order and as a set; the offsets of its characters (not at either
    end) in none of them and rarely a word alone; the paragraph padded; and offset → whether the
    character there is lone (filled as letters ask): the same in whatever letter it stands."""
    known = _paragraphs.get(text)
    if known is None:
        pairs = dictionary()[0]
        paired = [pair for pair in map(add, text, text[1:]) if pair in pairs]
        counted, rare = set(paired), rarely_alone()
        loose = [at for at, ch in enumerate(text[:-1]) if ch in rare and at
                 and text[at - 1:at + 1] not in counted and text[at:at + 2] not in counted]
        if len(_paragraphs) >= text_module.MOST_TEXTS:
            _paragraphs.clear()
        known = _paragraphs[text] = paired, counted, loose, "\n" * PAD + text + "\n" * PAD, {}
    return known


@lru_cache(maxsize=1)
def rarely_alone() -> frozenset:
    """The characters that are a word by themselves in under half of their uses."""
    return frozenset(ch for ch, share in dictionary()[2].items() if share < 0.5)


def _lone(t: str, i: int, W) -> bool:
    """Whether t[i], in no two-character word with a neighbour, is inside no longer word either,
    and a word ends just before it and a word (or a mark ending the phrase: 做好相关工。) starts
    just after it; not a mark before: 现、经 open sentences by themselves."""
    if t[i:i + 3] in W or t[i:i + 4] in W or t[i - 1:i + 2] in W or t[i - 1:i + 3] in W \
            or t[i - 2:i + 1] in W or t[i - 2:i + 2] in W or t[i - 3:i + 1] in W:
        return False  # inside a longer word
    return (t[i - 2:i] in W or t[i - 3:i] in W or t[i - 4:i] in W) \
        and (t[i + 1:i + 3] in W or t[i + 1:i + 4] in W or t[i + 1:i + 5] in W or t[i + 1] in STOPS)


def _clean(letter: str, phrase: str, at: int, pairs, spans) -> bool:
    """Whether the two-character word at phrase[at:at+2] stands as a word somewhere the phrase occurs:
    no two-character word overlaps it from either side (完善类改造 holds 善类 only as 完善|类).
    The phrase is looked for only in `spans`, the paragraphs that hold the word."""
    for first, end in spans:
        start = letter.find(phrase, first, end)
        while start >= 0:
            j = start + at
            if letter[j - 1:j + 1] not in pairs and letter[j + 1:j + 3] not in pairs:
                return True
            start = letter.find(phrase, start + 1, end)
    return False


@rule("lost-character", "warning", "missing", "词语中间漏了字（单字夹在两个词之间，本信别处写全了）",
      "按 jieba 自带词典（带词频）：一个字不在任何词里、孤零零夹在两个词之间，而本信别处把它写在一个词里"
      "（“平台”二十余次，“平”从不单用），多半是改稿时漏了字。两种把握：别处同样的上下文里写全了——“很可能”；"
      "这个字在 jieba 的词频里很少单独成词，且那个词别处出现两次以上——“可能”（机构、地名的末字不报）。"
      "在种子信上报 3 处，都是真漏字；在另外 18 封已发布的信上报 1 处，存疑。",
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
