"""A character left alone that the letter itself says lost a partner (构 of 养老构 beside 机构 elsewhere),
or whose two-character words are mostly one (续 → 继续: pair_repair).  The offsets of the lone
characters of each sentence are worked out once and shared by the other families."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from operator import add

from . import text as text_module
from .dictionary import FUNCTION, NO_LOSS, adjectives, _by_sentence, dictionary, _han, rarely_alone, _score, _segment
from .text import CJK, MEMOS

# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)


def lost_characters(paragraphs: list[str]) -> list[tuple[int, int, str, str, bool]]:
    """(paragraph, offset, the lone character, the whole word seen elsewhere, sure) of each suspect.

    A lost character leaves its partner standing alone: a character that jieba's dictionary puts in
    no word with either neighbour (构 of 养老构, 议 of 意见和议), whose neighbours are words or free
    characters (的, 和), and that is seldom a word by itself.  It is reported when one frequent word
    made by putting one character back beside it (机构, 建议) is written elsewhere in the letter,
    between the same neighbours (养老机构: `sure`), or anywhere when the character is rarely a word
    alone (under a fifth of its uses).  Names, abbreviations, numbers with units and single characters
    listed between marks (政、产、学、研) are left alone (_may_have_lost), and so is a character the
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


# the last character of a place's name other than an administrative one (范罗山, 弋江路, 团结湖): a hill, a water, a road
PLACE_TAILS = set("山河湖江岭峰岛湾港桥路街巷道园")
LIST_MARKS = set("、，：和与及在")


def _listed_place(text: str, at: int) -> bool:
    """Whether text[at] begins an item of a list that names a place (弋江路、范罗山等5个街道): two to four characters
    after a list mark, ending with a place's last character, followed by 、 or 等 — a name, no word's remnant."""
    if at and text[at - 1] not in LIST_MARKS:
        return False
    return any(text[at + k - 1] in PLACE_TAILS and text[at + k:at + k + 1] in ("、", "等")
               for k in (2, 3, 4) if at + k < len(text))


_paragraphs: dict = {}  # sentence → _paragraph's answer for it: the letters of one office share many sentences
_paragraph_memo: dict = {}  # paragraph → _paragraph's answer, its sentences' put together
MEMOS.extend((_paragraphs, _paragraph_memo))
RARELY_ALONE = 0.2  # without the same neighbours: a character that is a word alone in under a fifth of its uses
COMMON = 1000  # a word put back without the same neighbours must be this frequent in jieba's counts
KNOWN = 10  # and with them (八卦岭片区: 片区 is rarer)
PUNCT = set("，。；：、！？（）《》“”‘’〔〕【】[]()<>,.;:!?—-·/ \n")
NUMERAL = set("0123456789０１２３４５６７８９") | set("一二三四五六七八九十百千万亿两几")
# characters that open a clause or a phrase by themselves in letters (现答复如下, 经研究, 分年度, 逐校排查, 全覆盖)
OPENERS = set("现经并另均即特兹分逐按每各全非原致自拟防副总亦兼促")  # 促: 以评促建, 整治促提升
# places a campaign goes to (进小区, 进校园, 入户): 进/入/到 before them is the verb, not a word's remnant
GONE_TO = {"社区", "小区", "校园", "学校", "农村", "乡村", "村组", "企业", "家庭", "机关", "园区", "景区", "医院",
           "工地", "市场", "课堂", "基层", "单位", "网格", "楼栋", "商场", "车间", "工厂", "军营", "寺庙", "田间"}
ROAD_PARTS = {"片区", "社区", "街道", "沿线", "一带", "两侧", "以东", "以西", "以南", "以北", "路口", "路段", "周边", "附近", "沿街"}
PLACE_PARTS = {"社区", "小区", "街道", "片区", "大街", "大道", "新村"}  # what a place's direction stands before
SOME = set("点些批部块份笔")  # 一点, 一批, 一部分: how much a verb before them does
SUFFIXES = set("员感度")  # what makes a noun of the word before it, beside NAME_ENDS: 护路员, 获得感, 匹配度
DOCUMENT_NUMBER = re.compile(f"[{CJK}]{{0,4}}[〔［\\[﹝【]")


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
            if at - 1 in bound or at + 1 in bound or not _may_have_lost(text, at):
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


def _may_have_lost(t: str, i: int) -> bool:
    """Whether the lone t[i] stands where a lost character can be told from the letter's usage: not a
    numeral, particle or a name's last character, not a measure word after a number, not beside
    Latin letters (IP核), not one of single characters listed between marks (政、产、学、研), not
    a verb before 得 (建得成), not a suffix after a word before a closing mark (意见表”), not in a
    document number (江津府办发〔), not 集…于一体."""
    ch = t[i]
    prev, nxt = t[i - 1:i] or "\n", t[i + 1:i + 2] or "\n"
    if ch in NO_LOSS or ch in OPENERS or ch in SUFFIXES or not "\u4e00" <= ch <= "\u9fff":
        return False
    if prev in NUMERAL or (prev.isascii() and prev.isalnum()) or (nxt.isascii() and nxt.isalpha()):
        return False
    if prev in PUNCT and nxt in PUNCT or nxt == "得" or prev in "“《":  # a quoted name starts: “游拉萨”
        return False
    if prev == "、" and (i < 3 or t[i - 3] in PUNCT) or nxt == "、" and t[i + 3:i + 4] in PUNCT | {""}:
        return False
    if nxt in "”》）" and t[i - 2:i] in dictionary()[1]:
        return False
    if ch in "东西南北" and (t[i + 1:i + 3] in PLACE_PARTS or t[i + 1:i + 2] in PLACE_TAILS):
        return False  # 劲松北社区, 人民东路, 团结湖北里: a direction inside a place's name, no 湖北's remnant
    if _listed_place(t, i):
        return False  # 弋江路、范罗山等: the first character of a place's name in a list, no 范围's remnant
    if ch in "路街巷" and t[i + 1:i + 3] in ROAD_PARTS:  # 西城路片区, 人民路沿线: a road's name and a part of town
        return False
    if ch in "进入到" and t[i + 1:i + 3] in GONE_TO:  # 排水管理进小区, 送法进校园: where a campaign goes
        return False
    if nxt == "一" and t[i + 2:i + 3] in SOME:  # 政府投一点、企业筹一点: a verb before how much (dev6 218)
        return False
    return not DOCUMENT_NUMBER.match(t[i + 1:i + 7]) and not any(p.match(t[i:i + 40].split("。")[0]) for p in ALLOWED)


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
