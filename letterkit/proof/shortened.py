"""A phrase or compound the letter writes whole in one place and one character short in another:
shortened_phrases (five characters or more: 日照料中心 beside 日间照料中心) and letter_compounds
(three to eight: 健步道 beside 健身步道).  The evidence is the letter's; no table of all words."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import add, and_

from . import text as text_module
from .dictionary import FUNCTION, NAME_ENDS, NO_LOSS, adjectives, _bounded, dictionary, _han, _segment, _sentences
from .lone import KNOWN
from .text import CJK, MEMOS

SHORT_CJK = re.compile(f"[{CJK}]{{4}}")


_shortened_last: dict = {}  # the paragraphs last read → what was found: lost-character and name-variant ask both
MEMOS.append(_shortened_last)


def shortened_phrases(paragraphs: list[str]) -> list[tuple[int, int, str, str, str]]:
    """_shortened_phrases, worked out once per letter (two rules read it; the list is shared, never changed)."""
    key = tuple(paragraphs)
    if key not in _shortened_last:
        _shortened_last.clear()
        _shortened_last[key] = _shortened_phrases(paragraphs)
    return _shortened_last[key]


def _shortened_phrases(paragraphs: list[str]) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset of the short phrase, the short phrase, the phrase written in full
    elsewhere in the letter, the lost character) for each phrase of five characters or more that
    equals another phrase of the letter with one character taken out of its middle (日照料中心 beside
    日间照料中心, 公共技术服务台 beside 公共技术服务平台).

    Only a character that makes a two-character word with a neighbour in the full phrase (日间, 平台),
    no particle or a name's last character (的, 区: 产业园区 / 产业园 are both right), and the short
    phrase's join no word of its own (务台; 日照 is one, but 照料 follows and claims 照), and a
    character on one side of the join left hanging, in no word (日 of 新建日照料, 台 of 服务台的):
    宅基地|底数 and 电商|公共 are phrases of their own.  One dict of the letter's four-character
    keys, looked up once per position: cheap."""
    pairs, words, _ = dictionary()
    letter = "\n".join(paragraphs)
    # the keys, put together from what each sentence holds: an office's letters repeat sentences
    full = _keys_by_paragraph(paragraphs, pairs)
    if not full:
        return []
    starts, index = [], 0
    for text in paragraphs:
        starts.append(index)
        index += len(text) + 1
    found, seen = [], set()
    places = sorted((j, key) for key in full for j in _occurrences(letter, key))
    for j, key in places:
        hits = full[key]
        if not SHORT_CJK.fullmatch(key):
            continue
        for i, k in hits:
            if i <= j + 4 and j <= i + 5:
                continue  # the same place
            gap = j + k  # the short phrase's join is between gap - 1 and gap
            left = 0  # how far the two agree before the gap and after it
            while left < 8 and letter[gap - 1 - left] == letter[i + k - 1 - left] and letter[gap - 1 - left] not in "\n，。；：、！？":
                left += 1
            right = 0
            while gap + right < len(letter) and i + k + 1 + right < len(letter) and right < 8 \
                    and letter[gap + right] == letter[i + k + 1 + right] and letter[gap + right] not in "\n，。；：、！？":
                right += 1
            short_phrase, whole = letter[gap - left:gap + right], letter[i + k - left:i + k + 1 + right]
            join = letter[gap - 1:gap + 1]
            if left + right < 5 or whole in seen or (join in pairs and not letter[gap:gap + 2] in pairs) \
                    or not (_dangles(letter, gap - 1, -1, words) or _dangles(letter, gap, 1, words)) \
                    or letter.count(short_phrase) > letter.count(whole):
                continue  # both sides of the join end or start words (宅基地|底数, 电商|公共): a phrase of its own
            seen.add(whole)
            index = bisect_right(starts, gap) - 1
            found.append((index, gap - left - starts[index], short_phrase, whole, letter[i + k]))
            break
    return found


def _keys_of_letter(letter: str, pairs) -> dict[str, list[tuple[int, int]]]:
    """The four characters left when one is taken out of five → [(start, which)]; one before and
    three after it, or three before and one after: a match of five characters or more has one of
    the two.  Only a key some four characters of the letter equal."""
    bigrams = set(map(add, letter, letter[1:]))
    fours = map(add, map(add, letter, letter[1:]), map(add, letter[2:], letter[3:]))
    present = set(fours)  # only a key some four characters of the letter equal can match
    full: dict[str, list[tuple[int, int]]] = {}
    # taken out, the character leaves its neighbours side by side: somewhere else too, or no match
    for p in [p for p, join in enumerate(map(add, letter, letter[2:]), 1) if join in bigrams]:
        x = letter[p]
        if x in NO_LOSS or not "\u3400" <= x <= "\u9fff" or not (letter[p - 1:p + 1] in pairs or letter[p:p + 2] in pairs):
            continue
        for k in (1, 3):
            i = p - k
            if i >= 0 and i + 5 <= len(letter):
                key = letter[i:p] + letter[p + 1:i + 5]
                if key in present:
                    full.setdefault(key, []).append((i, k))
    return full


def _keys_by_paragraph(paragraphs: list[str], pairs) -> dict[str, list[tuple[int, int]]]:
    """_keys_of_letter's keys of four CJK characters (the only ones shortened_phrases reads), with
    their places in the same order: such a key and its five stand in one sentence, so what one
    sentence holds is worked out once (_phrase_parts) and the letter puts its sentences' together
    (_keys_of_letter, reading the letter as one text, is the reference the tests compare with)."""
    units, start = [], 0  # (where in the letter, sentence): a key and its five never run across 。 or ；
    for text in paragraphs:
        units += [(start + at, sentence) for at, sentence in _sentences(text) if SHORT_CJK.search(sentence)]
        start += len(text) + 1
    parts = [_phrase_parts(sentence) for _, sentence in units]
    bigrams = set().union(*(part[0] for part in parts))
    present = set().union(*(part[1] for part in parts))
    full: dict[str, list[tuple[int, int]]] = {}
    for (start, text), (_, _, joins, keys) in zip(units, parts):
        for p in compress(count(1), map(bigrams.__contains__, joins)):
            if p not in keys:
                keys[p] = _keys_at(text, p, pairs)
            for i, k, key in keys[p]:
                if key in present:
                    full.setdefault(key, []).append((start + i, k))
    return full


_phrase_memo: dict = {}  # sentence → _phrase_parts's answer
MOST_PARTS = 4_000  # sentences kept (each holds a few sets): an office's repeated sentences fit many times over
MEMOS.append(_phrase_memo)


def _phrase_parts(text: str) -> tuple[set, set, list, dict]:
    """One sentence's pairs and fours of characters side by side, its joins (text[p - 1] +
    text[p + 1] for p = 1, 2, …), and p → _keys_at (filled as letters ask): the same in whatever
    letter the sentence stands."""
    known = _phrase_memo.get(text)
    if known is None:
        if len(_phrase_memo) >= min(MOST_PARTS, text_module.MOST_TEXTS):
            _phrase_memo.clear()
        known = _phrase_memo[text] = (set(map(add, text, text[1:])), set(map(add, map(add, text, text[1:]), map(add, text[2:], text[3:]))),
                                      list(map(add, text, text[2:])), {})
    return known


def _keys_at(text: str, p: int, pairs) -> list[tuple[int, int, str]]:
    """(start, k, key) for the character at p taken out of the five text[start:start + 5], p = start + k:
    none when it is a particle, no CJK or in no two-character word with a neighbour, or the four
    left are not all CJK."""
    x = text[p]
    if x in NO_LOSS or not "\u3400" <= x <= "\u9fff" or not (text[p - 1:p + 1] in pairs or text[p:p + 2] in pairs):
        return []
    found = []
    for k in (1, 3):
        i = p - k
        if i >= 0 and i + 5 <= len(text):
            key = text[i:p] + text[p + 1:i + 5]
            if SHORT_CJK.fullmatch(key):
                found.append((i, k, key))
    return found


def _occurrences(letter: str, key: str):
    at = letter.find(key)
    while at >= 0:
        yield at
        at = letter.find(key, at + 1)


def _dangles(letter: str, at: int, step: int, words, least: int = 1) -> bool:
    """Whether the character at `at` is left hanging at the join: no word of two to four characters (met
    `least` times in jieba's counts) ends with it (step -1) or starts with it (step 1), and it is no particle
    or name's last character."""
    if letter[at] in FUNCTION or letter[at] in NAME_ENDS or not "\u3400" <= letter[at] <= "\u9fff":
        return False
    if step < 0:
        return not any(words.get(letter[at + 1 - n:at + 1], 0) >= least for n in (2, 3, 4) if at + 1 - n >= 0)
    return not any(words.get(letter[at:at + n], 0) >= least for n in (2, 3, 4))


LEAST_SHORT, MOST_SHORT = 3, 8
PREPOSITIONS = FUNCTION | set("由经")  # a character alone before a compound that is no part of it: 由|县中医院


@lru_cache(maxsize=1)
def _losable() -> frozenset:
    """The characters letter_compounds may find lost: Chinese characters (U+4E00–U+9FFF), no NO_LOSS."""
    return frozenset(chr(code) for code in range(0x4E00, 0xA000)) - NO_LOSS


def letter_compounds(paragraphs: list[str]) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset, what the letter writes, the compound it writes whole elsewhere, the lost character)
    for each run of three to eight characters that is a compound of the letter less one inner character
    (健步道 beside 健身步道), though no dictionary holds the compound: where each place is bounded by words
    (jieba's segmentation starts a word at its first character and ends one at its last), the lost character
    makes a two-character word with a neighbour (健身) and is no particle (我局已将 / 我局将), the shortened
    run no word and written no more often than the whole, the join of the two parts no word of its own
    (停车难问题 / 停车难题) and a character at it left hanging, in no word (shortened_phrases' test).  Three
    characters say little: not written twice, no adjective alone (新学校 for 新建学校).  Beside a character alone (no particle), the
    run may have lost or gained an edge (助农增收 / 农民增收, 卫生室建盖 / 卫生室重建): not read.  A short form dropping a leading part
    (区人才服务中心) loses no inner character and is never read."""
    pairs, words, _ = dictionary()
    letter = "\n".join(paragraphs)
    starts = list(accumulate([0] + [len(text) + 1 for text in paragraphs[:-1]]))
    places: dict[str, list[int]] = {}  # a join → where the letter writes it, found when first asked (few are)
    found, seen, failed, counts = [], set(), set(), {}
    size = len(letter)

    def times(text: str) -> int:  # letter.count, once per string: a long letter repeats its phrases
        if text not in counts:
            counts[text] = letter.count(text)
        return counts[text]

    # letter[p - 1] + letter[p + 1]: what is left around letter[p] taken out, written elsewhere too, and
    # letter[p] a Chinese character that may be lost (no particle)
    candidates, threes = _letter_joins(paragraphs, letter, starts)
    for p, join in candidates:
        before, after = letter[p - 2:p - 1], letter[p + 2:p + 3]
        # three characters without it written elsewhere (the join and one beside it): no match
        if threes is not None:  # the letter's threes at hand: a look-up, and the join's places only when needed
            if not (before and before + join in threes or after and join + after in threes):
                continue
            if join not in places:
                places[join] = list(_occurrences(letter, join))
        else:
            if join not in places:
                places[join] = list(_occurrences(letter, join))
            if not any(before and q and letter[q - 1] == before or after and letter[q + 2:q + 3] == after
                       for q in places[join]):
                continue
        x = letter[p]
        paired = letter[p - 1:p + 1] in pairs or letter[p:p + 2] in pairs
        for q in places[join]:
            if abs(q - p) < 3 or (letter[p - 2] != letter[q - 1] and after != letter[q + 2:q + 3]):
                continue  # three characters at least agree around the join, or no match
            left = right = 0  # how far the two agree before the join and after it, in Chinese characters
            while left < MOST_SHORT and left < q + 1 and letter[p - 1 - left] == letter[q - left] \
                    and "\u4e00" <= letter[q - left] <= "\u9fff":
                left += 1
            while left + right < MOST_SHORT and q + 1 + right < size and p + 1 + right < size \
                    and letter[p + 1 + right] == letter[q + 1 + right] and "\u4e00" <= letter[q + 1 + right] <= "\u9fff":
                right += 1
            short, whole = letter[q + 1 - left:q + 1 + right], letter[p - left:p + 1 + right]
            at, gap = q + 1 - left, q + 1
            if not paired and len(whole) < LONG_COMPOUND:
                continue  # the lost character in no word of two (污水零直排区, 老年助餐点): only a long compound says it
            if (at, short) in seen or (short, whole, left) in failed:
                continue
            if not _compound_lost(letter, at, gap, short, whole, pairs, words, times):
                if not _compound_pair(letter, gap, short, whole, pairs, words, times):
                    failed.add((short, whole, left))  # the same answer wherever the pair stands: asked once
                continue
            seen.add((at, short))
            index = bisect_right(starts, at) - 1
            found.append((index, at - starts[index], short, whole, x))
    return found


_joins_memo: dict = {}  # paragraph → _paragraph_joins's answer, for a paragraph met twice
_joins_seen: dict = {}  # paragraph → None: met once (a distinct paragraph is read in its letter, not kept)
MEMOS.extend((_joins_memo, _joins_seen))


def _paragraph_joins(text: str) -> tuple[set, tuple, tuple, set]:
    """One paragraph's pairs of characters side by side, the offsets p inside it (neither edge) whose
    character letter_compounds may find lost, their joins text[p - 1] + text[p + 1], and its threes of
    characters side by side: the same in any letter."""
    known = _joins_memo.get(text)
    if known is None:
        if len(_joins_memo) >= text_module.MOST_TEXTS:
            _joins_memo.clear()
        losable = list(map(_losable().__contains__, text[1:-1]))
        twos = list(map(add, text, text[1:]))
        known = _joins_memo[text] = (set(twos), tuple(compress(count(1), losable)),
                                     tuple(compress(map(add, text, text[2:]), losable)), set(map(add, twos, text[2:])))
    return known


def _letter_joins(paragraphs: list[str], letter: str, starts: list[int]) -> tuple[list[tuple[int, str]], set | None]:
    """(p, letter[p - 1] + letter[p + 1]) for each p from 1 on whose character may be lost and whose join
    the letter writes somewhere as two characters side by side, in order; and the letter's threes of
    characters side by side, or None.  When most of the letter's paragraphs were met before (an
    office's letters share them), put together from each paragraph's (_paragraph_joins), what runs
    across a line break read in the letter; else read in the letter at once (no threes), which is
    cheaper than a paragraph at a time."""
    if len(_joins_seen) >= text_module.MOST_TEXTS:
        _joins_seen.clear()
    met = 0
    for text in paragraphs:
        if text in _joins_memo or text in _joins_seen:
            met += 1
        else:
            _joins_seen[text] = None
    # half: put together from paragraphs, a letter of new ones costs about half again the one read of the whole
    # (each paragraph's sets built and kept), one of paragraphs met before about half of it (round 19, 1,000 drafts)
    if met * 2 < len(paragraphs):
        bigrams = set(map(add, letter, letter[1:]))
        joins = list(map(add, letter, letter[2:]))  # joins[p - 1]: letter[p - 1] + letter[p + 1], made once
        return list(compress(zip(count(1), joins), map(and_, map(bigrams.__contains__, joins),
                                                       map(_losable().__contains__, letter[1:])))), None
    parts = [_paragraph_joins(text) for text in paragraphs]
    bigrams = set().union(*(part[0] for part in parts))
    threes = set().union(*(part[3] for part in parts))
    for text, start in zip(paragraphs, starts):  # the line break after each paragraph, with the characters around it
        end = start + len(text)
        bigrams.update(pair for pair in (letter[max(0, end - 1):end + 1], letter[end:end + 2]) if len(pair) == 2)
        threes.update(three for three in (letter[max(0, end - 2):end + 1], letter[max(0, end - 1):end + 2],
                                          letter[end:end + 3]) if len(three) == 3)
    losable, candidates, size = _losable(), [], len(letter)

    def edge(p: int) -> None:  # a paragraph's first or last character: its neighbour the line break
        if 1 <= p < size - 1 and letter[p] in losable and letter[p - 1] + letter[p + 1] in bigrams:
            candidates.append((p, letter[p - 1] + letter[p + 1]))

    for text, start, (_, offsets, joins, _) in zip(paragraphs, starts, parts):
        if not text:
            continue
        edge(start)
        candidates += [(start + p, join) for p, join in compress(zip(offsets, joins), map(bigrams.__contains__, joins))]
        if len(text) > 1:
            edge(start + len(text) - 1)
    return candidates, threes


LONG_COMPOUND = 5  # a compound this long, written whole elsewhere, is evidence though its lost character makes no word


def _compound_pair(letter: str, gap: int, short: str, whole: str, pairs, words, times=None) -> bool:
    """The tests that hold wherever the two runs stand: lengths, words, how often each is written, the join."""
    times = times or letter.count
    if not LEAST_SHORT <= len(short) <= MOST_SHORT or short in words:
        return False
    if times(short) > (1 if len(short) == LEAST_SHORT else times(whole)):
        return False
    return not (letter[gap - 1:gap + 1] in pairs and letter[gap:gap + 2] not in pairs)  # the join a word: 停车难题


def _compound_lost(letter: str, at: int, gap: int, short: str, whole: str, pairs, words, times=None) -> bool:
    """letter_compounds' tests of one place, cheapest first (times: letter.count, remembered)."""
    if gap == at or gap == at + len(short) or not _compound_pair(letter, gap, short, whole, pairs, words, times):
        return False
    least = KNOWN if len(whole) >= LONG_COMPOUND else 1  # 老年|餐点 beside 老年助餐点: 餐点 is a rare word
    if not (_dangles(letter, gap - 1, -1, words, least) or _dangles(letter, gap, 1, words, least)):
        return False  # both sides of the join end or start words: a phrase of its own
    if not _bounded(letter, at, len(short)) or not _bounded(letter, letter.find(whole), len(whole)):
        return False
    lo = max(0, at - 3)
    tokens = _segment(letter[lo:at + len(short) + 3])
    a, b = at - lo, at - lo + len(short)
    if any(e - s == 1 and _han(letter[lo + s]) != "\x00" and letter[lo + s] not in PREPOSITIONS
           for s, e in tokens if e == a or s == b):
        return False  # a character alone beside it may be its first or last: 已|建项目, 关于|建, 卫生室建|盖, 助|农增收
    if len(short) == LEAST_SHORT and any(e - s == 1 and letter[lo + s] in adjectives() for s, e in tokens if a <= s < b):
        return False  # 新学校: an adjective before a word
    return True
