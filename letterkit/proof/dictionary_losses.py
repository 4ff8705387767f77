"""Losses jieba's dictionary alone can name, where the letter says nothing: a lone character inside
a word of three or four characters (打通消防道 → 消防通道: inner_losses), an idiom less an inner
character (因地宜 → 因地制宜: idiom_losses), a word of five or six less one (可行研究 → 可行性研究:
long_losses).  Each worked out a sentence at a time and remembered."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import compress, count
from operator import add

from . import text as text_module
from .dictionary import (
    FUNCTION, RUN, adjectives, _bounded, _by_sentence, dictionary, idioms_shortened, longer_words, rarely_alone,
    _score, _segment, shortened_words)
from .lone import RARELY_ALONE
from .quiet import NUMERAL, may_have_lost
from .text import MEMOS


def inner_losses(paragraphs: list[str]) -> list[tuple[int, int, str, str]]:
    """(paragraph, offset, the lone character, the word it would be in) of each place where the letter
    gives no evidence but jieba's dictionary does: the best segmentation of the written text leaves a
    character alone (道 of 打通消防道, 心 of 游客集中心), rarely a word by itself, and one character
    put back inside a word of three or four characters of the dictionary makes that word of it and its
    neighbours (消防通道, 集散中心), the repaired reading about as probable as the written one or more
    (INNER_GAIN) when the lone character ends the word, clearly more (INNER_GAIN_INSIDE) when it begins
    it: a lone first character is far more often a name or an abbreviation (城|公交, 高|成长).  Not
    beside another lone character (麦积, 助餐, 农房: a name or abbreviation, so 心理辅室 is missed too),
    nothing left alone around the repair, nothing may_have_lost leaves alone, no word jieba tags as a
    name (凌云凤), no short form the letter writes twice (专班).  Calibrated on the clean letters
    (READING.md); per paragraph, memoised."""
    letter = "\n".join(paragraphs)
    found = []
    for index, text in enumerate(paragraphs):
        for at, ch, word, written in _inner(text):
            if letter.count(written) == 1:  # written so twice: the letter's own usage (专班, 桂城街道)
                found.append((index, at, ch, word))
    return found


INNER_GAIN = -0.4  # log of how much less probable the repaired reading may be (clean letters: -0.63 the closest)
INNER_GAIN_INSIDE = 1.5  # the lone character first or inside the word: more probable (clean: 后|继无人 0.99, 城|市公交 0.63)
_inner_memo: dict = {}
_inner_paragraphs: dict = {}  # paragraph → _inner's answer, its sentences' put together
MEMOS.extend((_inner_memo, _inner_paragraphs))


def _inner(text: str) -> list[tuple[int, str, str, str]]:
    """inner_losses in one paragraph: (offset, the lone character, the word, the text it would repair),
    a sentence at a time (_paragraph)."""
    return _by_sentence(text, _inner_sentences, _inner_paragraphs)[0]


def _inner_sentences(sentence: str) -> tuple[list]:
    return (_inner_sentence(sentence),)


def _inner_sentence(text: str) -> list[tuple[int, str, str, str]]:
    known = _inner_memo.get(text)
    if known is not None:
        return known
    _, words, alone = dictionary()
    rare, short, qualities = rarely_alone(), shortened_words()[2], adjectives()  # 难度大: no 难度很大
    known, runs = [], None
    # cheap first, a whole paragraph at a time: a character seldom alone, in what a dictionary word less
    # one character reads (two or three characters beginning at i - 2 … i)
    twos = [False] + list(map(short.__contains__, map(add, text, text[1:]))) + [False]
    threes = [False, False] + list(map(short.__contains__, map(add, map(add, text, text[1:]), text[2:]))) + [False, False]
    for i in compress(count(), map(rare.__contains__, text)):
        ch = text[i]
        if ch in NUMERAL or not (twos[i] or twos[i + 1] or threes[i] or threes[i + 1] or threes[i + 2]) \
                or ch in qualities or not may_have_lost(text, i):
            continue
        if runs is None:  # the paragraph's runs of Chinese characters, each segmented when a suspect is in it
            runs = [(m.start(), m.end()) for m in RUN.finditer(text)]
            starts, singles, done = [r[0] for r in runs], set(), set()
        start, end = runs[bisect_right(starts, i) - 1]
        if start not in done:
            done.add(start)
            singles.update(start + s for s in _lone_in_run(text[start:end]))
        if i not in singles or any(j in singles and alone.get(text[j], 1.0) < 0.5 for j in (i - 1, i + 1)):
            continue  # two lone characters side by side: a name or an abbreviation (麦积, 助餐, 农房, 辅室 too)
        best = None
        for a, n in ((a, n) for n in (2, 3) for a in range(i + 1 - n, i + 1)):
            if a < 0 or a + n > len(text):
                continue
            least = INNER_GAIN if a + n == i + 1 else INNER_GAIN_INSIDE
            if a == i and alone.get(ch, 0.0) >= RARELY_ALONE and (i - 1 in singles or text[i - 1:i + 1] in words):
                continue  # 在岗培训: 岗, a word alone in a third of its uses, after a verb alone or making a word with
                # the character before (在岗, 对待岗) begins no lost 岗位; after a word (恢复灌面积) it may
            for word in short.get(text[a:a + n], "").split():
                k = next((k for k in range(n) if word[k] != text[a + k]), n - 1)  # where the character goes back
                if word[k] in NUMERAL:
                    continue
                lo, hi = max(0, a - 3), min(len(text), a + n + 3)
                repaired = text[lo:a] + word + text[a + n:hi]
                tokens2 = _segment(repaired)
                s0, e0 = a - lo, a - lo + len(word)
                if any(e - s == 1 and "\u4e00" <= repaired[s] <= "\u9fff" and repaired[s] not in FUNCTION
                       for s, e in tokens2 if s <= e0 and e >= s0):
                    continue  # the repair leaves another character alone (占|空比)
                gain = _score(tokens2, repaired) - _score(_segment(text[lo:hi]), text[lo:hi])
                if gain >= least and (best is None or gain > best[0]):
                    best = (gain, word, a, text[a:a + n])
        if best:
            known.append((i, ch, best[1], best[3]))
    if len(_inner_memo) >= text_module.MOST_TEXTS:
        _inner_memo.clear()
    _inner_memo[text] = known
    return known


_runs: dict = {}  # a run of Chinese characters → the offsets left alone: clauses repeat across letters
MEMOS.append(_runs)


def _lone_in_run(run: str) -> list[int]:
    known = _runs.get(run)
    if known is None:
        if len(_runs) >= text_module.MOST_TEXTS:
            _runs.clear()
        known = _runs[run] = [s for s, e in _segment(run) if e - s == 1]
    return known


IDIOM_GAIN = 4.0  # log of how much likelier the idiom makes the words around it (slips: 落实处 4.5, 因地宜 10.5;
# clean letters: 等边角 of 等边角地 3.0, the highest)
_idiom_memo: dict = {}
MEMOS.append(_idiom_memo)


def idiom_losses(paragraphs: list[str]) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset, the three characters, the idiom, the character lost) of each idiom or set phrase
    of four characters written less an inner character (因地宜, 循渐进, 齐抓管): three characters that are no
    word, make no word with the characters either side (积极|争取 holds 极争取), and read far likelier with the
    idiom put back (IDIOM_GAIN) — 问题在 (问题所在) and 先后出 (先进后出) do not."""
    index = _idiom_index()
    heads = _idiom_heads()
    pairs = dictionary()[0]
    found = []
    for number, text in enumerate(paragraphs):
        known = _idiom_memo.get(text)
        if known is None:
            known = []
            # the two characters at a, looked up all at once: few begin an idiom less one
            for a in compress(count(), map(heads.__contains__, map(add, text, text[1:]))):
                idiom = index.get(text[a:a + 3])
                if idiom is None or text[a - 1:a + 1] in pairs and a or text[a + 2:a + 4] in pairs or idiom in text[max(0, a - 1):a + 5]:
                    continue
                lo, hi = max(0, a - 3), min(len(text), a + 6)
                repaired = text[lo:a] + idiom + text[a + 3:hi]
                if _score(_segment(repaired), repaired) - _score(_segment(text[lo:hi]), text[lo:hi]) >= IDIOM_GAIN:
                    lost = next(idiom[k] for k in (1, 2) if idiom[:k] + idiom[k + 1:] == text[a:a + 3])
                    known.append((a, text[a:a + 3], idiom, lost))
            if len(_idiom_memo) >= text_module.MOST_TEXTS:
                _idiom_memo.clear()
            _idiom_memo[text] = known
        found += [(number, *entry) for entry in known]
    return found


# set phrases of official writing that jieba tags as plain words (实事求是: n), read as its idioms are
MORE_IDIOMS = ("实事求是", "精准施策", "统筹兼顾", "求真务实", "真抓实干", "攻坚克难", "担当作为")


@lru_cache(maxsize=1)
def _idiom_index() -> dict:
    """idioms_shortened() with MORE_IDIOMS less each inner character (实事是 → 实事求是)."""
    index, words = dict(idioms_shortened()), dictionary()[1]
    for idiom in MORE_IDIOMS:
        for k in (1, 2):
            if idiom[:k] + idiom[k + 1:] not in words:
                index.setdefault(idiom[:k] + idiom[k + 1:], idiom)
    return index


@lru_cache(maxsize=1)
def _idiom_heads() -> frozenset:
    """The first two characters of each of _idiom_index's keys."""
    return frozenset(key[:2] for key in _idiom_index())


def long_losses(paragraphs: list[str]) -> list[tuple[int, int, str, str]]:
    """(paragraph, offset, the dictionary word, what the letter writes) for four or five characters that
    are a word of five or six characters of jieba's dictionary less one inner character (可行研究报告:
    可行性研究) and no word themselves, written once in the letter.  No lone character is needed (可行|研究
    are both words): on the clean letters (READING.md) such a match was the planted slip and nothing else."""
    letter = "\n".join(paragraphs)
    found = []
    for index, text in enumerate(paragraphs):
        for at, word, written in _by_sentence(text, _long_sentences, _long_paragraphs)[0]:
            if letter.count(written) == 1:
                found.append((index, at, word, written))
    return found


_long_memo: dict = {}
_long_paragraphs: dict = {}  # paragraph → long_losses' answer in it, its sentences' put together
MEMOS.extend((_long_memo, _long_paragraphs))


def _long_sentence(text: str) -> list[tuple[int, str, str]]:
    known = _long_memo.get(text)
    if known is None:
        longer = longer_words()
        known = []
        fours = list(map(add, map(add, text, text[1:]), map(add, text[2:], text[3:])))
        for n, grams in ((4, fours), (5, list(map(add, fours, text[4:])))):
            for at in compress(count(), map(longer.__contains__, grams)):
                word = longer[grams[at]].split()[0]
                if any(at <= a < at + n for a, _, _ in known) or not _bounded(text, at, n) \
                        or _written_over(text, at, n, word):
                    continue  # a word runs across its edge (推进|计算机: 进入计算机), or it is part of the word (行行出状元)
                known.append((at, word, grams[at]))
        if len(_long_memo) >= text_module.MOST_TEXTS:
            _long_memo.clear()
        _long_memo[text] = known
    return known


def _long_sentences(sentence: str) -> tuple[list]:
    return (_long_sentence(sentence),)


def _written_over(text: str, at: int, size: int, word: str) -> bool:
    """Whether the word itself stands in the text over text[at:at + size]."""
    start = text.find(word, max(0, at - len(word)))
    return 0 <= start < at + size
