"""jieba's dictionary as the lost-character rule reads it: its words and counts, built once and
kept in letterkit's cache folder (reading jieba's own file takes a second or more), and the most
probable segmentation of a few characters by them.  Every other module of the rule reads these
tables; this one reads none of them."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from functools import lru_cache
from operator import add

from . import text as text_module
from .text import CJK

HAN = re.compile(f"^[{CJK}]+$")

# the last character of an organ's or a place's name (卫生健康局, 八卦岭片区) stands alone after a
# word when the whole name is not in the dictionary: never reported alone
NAME_ENDS = set("局委办厅部署院站所处科股队室馆会区县市省镇乡村街团")
NAME_ENDS |= set("方者性化式型率")  # and what makes a noun of the word before it: 协调方, 参与者, 规范化

CACHE_VERSION = "proof-missing-8l-t21a"


def dictionary() -> tuple[frozenset, dict, dict]:
    """From jieba's dictionary: its two-character words, its words of two to four characters with their
    counts, and
    for each character the share of its uses in which it is a word by itself."""
    return _tables()[:3]


def shortened_words() -> tuple[dict, float, dict]:
    """jieba's counts of single characters, the log of its total count, and its words of three or four
    characters by what is left when one inner character is taken out (散 of 集散中心: 集中心 →
    [(集散中心, 2)]): for inner_losses, built once with the rest."""
    return _tables()[3:6]


def longer_words() -> dict:
    """jieba's words of five or six characters (no name) by what is left when one inner character is
    taken out, when that is no word itself (可行研究 → 可行性研究): for long_losses."""
    return _tables()[6]


def idioms_shortened() -> dict:
    """jieba's idioms and set phrases of four characters (tags i, l: 因地制宜, 齐抓共管) by what is left when
    one inner character is taken out, when that is no word itself (因地宜 → 因地制宜): for idiom_losses."""
    return _tables()[8]


def word_tags() -> dict:
    """jieba's tag of each of its words of one or two characters (可 v, 已 d, 提取 v, 工程 n)."""
    return _tables()[9]


def adjectives() -> frozenset:
    """The single characters jieba's dictionary tags as adjectives (大, 高, 少): after a noun they say
    something of it by themselves (难度大, 质量高), which a word of the dictionary cannot tell."""
    return _tables()[7]


@lru_cache(maxsize=1)
def _tables() -> tuple:
    """dictionary()'s and shortened_words()'s tables.  Kept in letterkit's cache folder: reading
    jieba's dictionary takes a second or more, every run."""
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
    pairs, counts, inside, singles, short, longer = set(), {}, Counter(), {}, {}, {}
    names = set()  # words jieba tags as names of people, places, bodies or other proper names (王维虎, 桂花城)
    qualities = set()  # single characters it tags as adjectives
    idioms = set()  # idioms and set phrases of four characters (因地制宜, 齐抓共管)
    tags = {}  # the tag of each word of one or two characters (可 v, 已 d, 工程 n)
    with jieba.dt.get_dict_file() as lines:
        for line in lines:
            word, _, tag = (line.decode("utf-8").split() + ["", ""])[:3]
            if tag.startswith(("nr", "ns", "nt", "nz")):
                names.add(word)
            if tag == "a" and len(word) == 1:
                qualities.add(word)
            if tag in ("i", "l") and len(word) == 4 and HAN.match(word):
                idioms.add(word)
            if len(word) <= 2 and HAN.match(word):
                tags[word] = tag
    for word, count in jieba.dt.FREQ.items():
        if count and len(word) == 1 and HAN.match(word):
            singles[word] = count
        if count and 2 <= len(word) <= 4 and HAN.match(word):
            counts[word] = count
            if len(word) == 2:
                pairs.add(word)
            for ch in set(word):
                inside[ch] += count
            for k in range(1, len(word) - 1) if len(word) > 2 and word not in names else ():
                short.setdefault(word[:k] + word[k + 1:], []).append((word, k))
        if count and len(word) in (5, 6) and HAN.match(word) and word not in names:
            for k in range(1, len(word) - 1):
                if not jieba.dt.FREQ.get(word[:k] + word[k + 1:]):
                    longer.setdefault(word[:k] + word[k + 1:], set()).add(word)
    alone = {ch: jieba.dt.FREQ.get(ch, 0) / (jieba.dt.FREQ.get(ch, 0) + n + 1) for ch, n in inside.items()}
    short = {key: " ".join(sorted(word for word, _ in found)) for key, found in short.items()}  # strings load fast
    longer = {key: " ".join(sorted(found)) for key, found in longer.items()}
    less_one = {}
    for word in sorted(idioms, key=lambda w: (-counts.get(w, 0), w)):  # 千方计: 千方百计, the commoner
        for k in (1, 2):
            if word[:k] + word[k + 1:] not in counts:
                less_one.setdefault(word[:k] + word[k + 1:], word)
    result = (frozenset(pairs), counts, alone, singles, math.log(jieba.dt.total), short, longer, frozenset(qualities),
              less_one, tags)
    if path is not None:
        try:
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)  # whole or not at all, when two processes write it
        except OSError:
            pass  # only a cache
    return result


@lru_cache(maxsize=1)
def rarely_alone() -> frozenset:
    """The characters that are a word by themselves in under half of their uses."""
    return frozenset(ch for ch, share in dictionary()[2].items() if share < 0.5)


FUNCTION = set("的地得了着过和与及或等之在对为把被将并也都又而就是有个们从向于以不未没无")  # 不 of 室温不达标: a word
NO_LOSS = FUNCTION | NAME_ENDS | set("一二三四五六七八九十百千万亿年月日号第各全本该其")


def _han(ch: str) -> str:
    """The neighbour a word must have elsewhere to count as the same surroundings: a Chinese character
    (a mark or the paragraph's edge says nothing), else a character no letter holds."""
    return ch if ch and "\u4e00" <= ch <= "\u9fff" else "\x00"


RUN = re.compile(f"[{CJK}]+")  # no word runs across a mark, a digit or a Latin letter


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple:
    """text.sentences, kept for the few paragraphs read now: three tests split each paragraph."""
    return tuple(text_module.sentences(text))


def _by_sentence(text: str, function, memo: dict | None = None) -> tuple:
    """function's answer (lists of offsets, or of tuples starting with one) for each sentence of the
    text, the offsets moved to the paragraph's; a sentence without a Chinese character holds nothing.
    With `memo` (the caller's, for this function alone), put together once per paragraph: the
    letters of one office repeat whole paragraphs.  The answer is shared: never changed by a caller."""
    if memo is None:
        return _put_together(text, function)
    known = memo.get(text)
    if known is None:
        if len(memo) >= text_module.MOST_TEXTS:
            memo.clear()
        known = memo[text] = _put_together(text, function)
    return known


def _put_together(text: str, function) -> tuple:
    parts = [(start, sentence) for start, sentence in _sentences(text) if RUN.search(sentence)]
    if len(parts) == 1 and parts[0][0] == 0:
        return function(parts[0][1])
    found = None
    for start, sentence in parts:
        answer = function(sentence)
        if found is None:
            found = tuple([] for _ in answer)
        for into, items in zip(found, answer):
            into.extend(start + item if isinstance(item, int) else (start + item[0],) + item[1:] for item in items)
    return found if found is not None else function("")


def _logp(word: str, singles=None, words=None, total=None) -> float | None:
    """jieba's log probability of the word; a character it does not know is a very rare word."""
    if singles is None:
        singles, total, _ = shortened_words()
        words = dictionary()[1]
    count = singles.get(word) if len(word) == 1 else words.get(word)
    if count:
        return math.log(count) - total
    return -total if len(word) == 1 else None


@lru_cache(maxsize=8192)  # a few characters each: a few MB at most
def _segment(text: str) -> list[tuple[int, int]]:
    """The most probable segmentation of the text into jieba's words of up to four characters, as
    (start, end) pairs: jieba's own way (unigram counts), on the few characters around a suspect.
    Remembered per text (the same few characters are read by several tests and in every letter that
    repeats the sentence); the list is shared, never changed by a caller."""
    singles, total, _ = shortened_words()
    words = dictionary()[1]
    best, back = [0.0] + [-math.inf] * len(text), [0] * (len(text) + 1)
    log = math.log
    # the counts of the words of one to four characters ending at each place, looked up all at once
    pairs = list(map(add, text, text[1:]))
    ends = [list(map(singles.get, text)), [None] + list(map(words.get, pairs)),
            [None, None] + list(map(words.get, map(add, pairs, text[2:]))),
            [None, None, None] + list(map(words.get, map(add, pairs, pairs[2:])))]
    for k in range(1, len(text) + 1):
        count = ends[0][k - 1]
        best[k], back[k] = best[k - 1] + (log(count) - total if count else -total), k - 1
        for n in (2, 3, 4):
            count = ends[n - 1][k - 1] if k >= n else None
            if not count:
                continue
            p = log(count) - total
            if best[k - n] + p > best[k]:
                best[k], back[k] = best[k - n] + p, k - n
    tokens, k = [], len(text)
    while k:
        tokens.append((back[k], k))
        k = back[k]
    return tokens[::-1]


def _score(tokens: list[tuple[int, int]], text: str) -> float:
    return sum(_logp(text[s:e]) for s, e in tokens)


def _bounded(text: str, at: int, size: int) -> bool:
    """Whether jieba's segmentation of text[at:at + size] and a few characters around it starts a word
    at its first character and ends one at its last."""
    lo = max(0, at - 3)
    edges = {edge for token in _segment(text[lo:at + size + 3]) for edge in token}
    return at - lo in edges and at - lo + size in edges
