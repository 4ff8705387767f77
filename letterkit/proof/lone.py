"""A character left alone that the letter itself says lost a partner (构 of 养老构 beside 机构 elsewhere),
or whose two-character words are mostly one (续 → 继续: pair_repair).  The offsets of the lone
characters of each sentence are worked out once and shared by the other families."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from operator import add

from . import text as text_module
from .dictionary import FUNCTION, adjectives, _by_sentence, dictionary, _han, rarely_alone, _score, _segment
from .quiet import may_have_lost
from .text import MEMOS



def lost_characters(paragraphs: list[str]) -> list[tuple[int, int, str, str, bool]]:
    """(paragraph, offset, the lone character, the whole word seen elsewhere, sure) of each suspect.

    A lost character leaves its partner standing alone: a character that jieba's dictionary puts in
    no word with either neighbour (构 of 养老构, 议 of 意见和议), whose neighbours are words or free
    characters (的, 和), and that is seldom a word by itself.  It is reported when one frequent word
    made by putting one character back beside it (机构, 建议) is written elsewhere in the letter,
    between the same neighbours (养老机构: `sure`), or anywhere when the character is rarely a word
    alone (under a fifth of its uses).  Names, abbreviations, numbers with units and single characters
    listed between marks (政、产、学、研) are left alone (quiet.may_have_lost), and so is a character the
    letter leaves alone twice.  The word must be read where it goes back and leave nothing else alone;
    without the same neighbours, where the character is a word alone in a tenth of its uses or more,
    it must also read better (SEEN_GAIN).  Without a word of the letter, pair_repair may still name
    one from the dictionary (`sure` None).  Calibrated on clean letters (READING.md), not on the
    slips alone."""
    _, _, alone = dictionary()
    letter = "\n".join(paragraphs)
    found = [_paragraph(text) for text in paragraphs]
    times = Counter(text[at] for text, entry in zip(paragraphs, found) for at in entry[0])
    suspects = []
    for index, (text, (_, candidates)) in enumerate(zip(paragraphs, found)):
        for at in candidates:
            if times[text[at]] > 1:
                continue  # a character the letter leaves alone twice is its own usage (我委, 托育)
            share = alone.get(text[at], 1.0)
            words = _put_back(letter, text, at)
            # the word put back must be read where it goes back, leaving nothing else alone (助农增收 →
            # 农民 leaves 助; 共下达 → 共有 leaves 下)
            sure = [w for w, s, e, _ in words if (_stands(letter, _han(text[s - 1:s]) + w, 1, len(w))
                    or _stands(letter, w + _han(text[e:e + 1]), 0, len(w))) and _repaired(text, s, e, w) is not None]
            # and without the same neighbours, the repaired reading clearly the more probable (数量少、 →
            # 少年 is not; 关《关于 → 关于 is)
            seen = sorted((w for w, s, e, n in words if n >= COMMON and w in letter
                           and _gain_at_least(_repaired(text, s, e, w), SEEN_GAIN if share >= PAIR_ALONE else -math.inf)),
                          key=letter.count, reverse=True)
            if sure:
                suspects.append((index, at, text[at], sure[0], True))
            elif seen and share < RARELY_ALONE:
                suspects.append((index, at, text[at], seen[0], False))
            elif share < PAIR_ALONE and (word := pair_repair(text, at)):
                suspects.append((index, at, text[at], word, None))  # None: from the dictionary alone
    return suspects


SEEN_GAIN = 0.5  # log of how much more probable (clean letters: 学校间流动 → 时间 +0.34; 08's 关《关于 +0.67)


def _gain_at_least(gain: float | None, least: float) -> bool:
    return gain is not None and gain >= least


def _repaired(text: str, start: int, end: int, word: str) -> float | None:
    """How much more probable (log) jieba's reading is with text[start:end] written as the word, a few
    characters around; None when the word is not read there (a word runs across one of its ends; one
    holding it whole is fine: 服务平台) or another character is left alone."""
    lo, hi = max(0, start - 3), min(len(text), end + 3)
    repaired = text[lo:start] + word + text[end:hi]
    tokens = _segment(repaired)
    a, b = start - lo, start - lo + len(word)
    if any(s < a < e or s < b < e for s, e in tokens if not (s <= a and b <= e)) or any(
            e - s == 1 and "\u4e00" <= repaired[s] <= "\u9fff" and repaired[s] not in FUNCTION
            for s, e in tokens if s <= b and e >= a):
        return None
    return _score(tokens, repaired) - _score(_segment(text[lo:hi]), text[lo:hi])


PAIR_ALONE = 0.1  # a character a word alone in under a tenth of its uses (续, 况, 育; not 台, 道, 位)
PAIR_SHARE = 0.25  # the word put back holds a quarter or more of the counts of the character's two-character words
PAIR_GAIN = 2.0  # and makes the reading e² ≈ 7 times as probable (clean letters: 活动组 → 组织 +1.76, 丰山县 → 丰富 +2.72)
PLACE_ENDS = set("省市县区州镇乡村")


@lru_cache(maxsize=1)
def _pair_heads() -> dict:
    """Character → its two-character words holding PAIR_SHARE or more of the counts of all its
    two-character words (况 → 情况, 续 → 继续), the commonest first: at most four, so cheap to try."""
    pairs, words, _ = dictionary()
    total, found = {}, {}
    # each word's two characters read directly, a character twice (人人) counted once: built in the parent before
    # the workers fork, every run, so its 0.3-0.5 s is wall time (speed22)
    for word in pairs:
        count, (first, second) = words[word], word
        total[first] = total.get(first, 0) + count
        if second != first:
            total[second] = total.get(second, 0) + count
    # only the words holding the share for one of their characters sorted (a few thousand of the hundred thousand):
    # kept in the order they are met, so ties stand as they did
    held = [word for word in pairs if words[word] >= PAIR_SHARE * min(total[word[0]], total[word[1]])]
    for word in sorted(held, key=words.get, reverse=True):
        count, (first, second) = words[word], word
        if count >= PAIR_SHARE * total[first]:
            found.setdefault(first, []).append(word)
        if second != first and count >= PAIR_SHARE * total[second]:
            found.setdefault(second, []).append(word)
    return found


def pair_repair(text: str, at: int) -> str | None:
    """The two-character word that one character put back beside the lone text[at] makes (希望续对 →
    继续, 工作展情况 → 发展), when nothing in the letter says so: the character is seldom a word alone
    (PAIR_ALONE), the word is most of what the character writes (PAIR_SHARE), the repaired reading is
    far more probable (PAIR_GAIN), leaves nothing else alone, and the character does not begin a place's
    name (丰山县).  Calibrated on the clean letters and slipgen's seeds 21–23, measured on 13–15
    (READING.md)."""
    if any(ch in PLACE_ENDS for ch in text[at + 1:at + 3]) or text[at] in adjectives():
        return None
    lo, hi = max(0, at - 4), min(len(text), at + 5)
    written = None
    best = None
    for word in _pair_heads().get(text[at], ()):
        repaired = text[lo:at] + word + text[at + 1:hi]
        tokens = _segment(repaired)
        start = at - lo
        if (start, start + 2) not in tokens or any(
                e - s == 1 and "\u4e00" <= repaired[s] <= "\u9fff" and repaired[s] not in FUNCTION
                for s, e in tokens if s <= start + 2 and e >= start):
            continue  # the word is not read, or the repair leaves another character alone
        if written is None:
            written = _score(_segment(text[lo:hi]), text[lo:hi])
        gain = _score(tokens, repaired) - written
        if gain >= PAIR_GAIN and (best is None or gain > best[0]):
            best = (gain, word)
    return best[1] if best else None


_paragraphs: dict = {}  # sentence → _paragraph's answer for it: the letters of one office share many sentences
_paragraph_memo: dict = {}  # paragraph → _paragraph's answer, its sentences' put together
MEMOS.extend((_paragraphs, _paragraph_memo))
RARELY_ALONE = 0.2  # without the same neighbours: a character that is a word alone in under a fifth of its uses
COMMON = 1000  # a word put back without the same neighbours must be this frequent in jieba's counts
KNOWN = 10  # and with them (八卦岭片区: 片区 is rarer)


def _paragraph(text: str) -> tuple[list, list]:
    """One paragraph's lone characters: their offsets, and the offsets of those that may have lost a
    partner; the same in whatever letter the paragraph stands (the letter's own evidence is weighed by
    lost_characters).  Worked out a sentence at a time, each sentence once: no word runs across 。 or
    ；, and the letters of one office repeat sentences inside paragraphs of their own."""
    return _by_sentence(text, _sentence, _paragraph_memo)


def _sentence(text: str) -> tuple[list, list]:
    known = _paragraphs.get(text)
    if known is None:
        pairs, words, alone = dictionary()
        rare = rarely_alone()
        paired = [pair in pairs for pair in map(add, text, text[1:])] + [False]  # text[at:at + 2] is a word
        loose = [at for at, ch in enumerate(text) if ch in rare and not paired[at] and not (at and paired[at - 1])]
        lone = [at for at in loose if not _covered(text, at, words)]
        bound = {at for at in lone if alone.get(text[at], 1.0) < 0.5}
        candidates = []
        for at in lone:
            if at - 1 in bound or at + 1 in bound or not may_have_lost(text, at):
                continue  # two lone characters side by side: a name or an abbreviation (麦积, 快检)
            candidates.append(at)
        if len(_paragraphs) >= text_module.MOST_TEXTS:
            _paragraphs.clear()
        known = _paragraphs[text] = lone, candidates
    return known


def _stands(letter: str, phrase: str, at: int, size: int) -> bool:
    """Whether the word phrase[at:at + size] stands as a word somewhere the letter holds the phrase:
    no commoner two-character word runs across either of its ends (推进|山坪塘 holds 进山 only as
    推进|山; 八卦岭片区产业 holds 片区, 区产 being rarer)."""
    words = dictionary()[1]
    least = words.get(phrase[at:at + size], 0)
    start = letter.find(phrase)
    while start >= 0:
        j = start + at
        if words.get(letter[j - 1:j + 1], 0) <= least and words.get(letter[j + size - 1:j + size + 1], 0) <= least:
            return True
        start = letter.find(phrase, start + 1)
    return False


def _covered(t: str, i: int, words) -> bool:
    """Whether t[i] is inside a word of three or four characters of the dictionary."""
    return any(t[a:a + n] in words for n in (3, 4) for a in range(max(0, i - n + 1), i + 1) if a + n <= len(t))


def _put_back(letter: str, t: str, i: int) -> list[tuple[str, int, int, int]]:
    """The words of the letter made by putting one character back beside t[i]: (word, start, end,
    jieba's count) with t[start:end] the word less that character (机构 for 构 of 养老构, 日间照料
    for 日照料).  Looked for in the letter, where the evidence must be: no table of all words."""
    words = dictionary()[1]
    found, seen = [], set()
    places, at = [], letter.find(t[i])  # where the letter writes t[i]: every look below holds it
    while at >= 0:
        places.append(at)
        at = letter.find(t[i], at + 1)
    for s in range(max(0, i - 2), i + 1):
        for e in range(i + 1, min(len(t), s + 3) + 1):
            for g in {i, i + 1} & set(range(s, e + 1)):
                left, right = t[s:g], t[g:e]
                # the side holding t[i] is looked for: a rare character, seldom in the letter (the other
                # may be 的); the character put back stands after left, before right
                anchor, after = (right, False) if g == i else (left, True)
                held = 0 if g == i else i - s  # where t[i] stands in the anchor
                for p in places:
                    p -= held
                    if p < 0 or not letter.startswith(anchor, p):
                        continue
                    x = p + len(left) if after else p - 1
                    word = letter[x - len(left):x + 1 + len(right)] if x >= len(left) else ""
                    if word[:len(left)] == left and word[len(left) + 1:] == right and words.get(word, 0) >= KNOWN \
                            and (word, s, e) not in seen:
                        seen.add((word, s, e))
                        found.append((word, s, e, words[word]))
    return found
