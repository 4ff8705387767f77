"""Guards of lost-character (fa25: round 11's unseen letters, dev15 and clean11): a character jieba leaves alone
that is a word of its own by where it stands, or a shorter form that reads whole — each a small named predicate,
asked from quiet's chains (lone_is_word, shorter_is_word, glossed_is_word) with one line each.

- an adverb before a verb (全区共开通公交线路, 空港片区共开行: 共 "in all", no 公共 less 公);
- a locative after a noun, "among" (8所学校中位于, 改造小区中的362个: no 中学 less 学, no 集中 less 集);
- a productive suffix after a word (交流期, 建设期: 期 ends hundreds of jieba's words so; no 长期 less 长);
- one half of a pair of free characters (早高峰 beside 早晚高峰: 早 and 晚 are each a word alone);
- a place named without its level (鲤城是泉州古城 beside 鲤城区: no 城区 less 区);
- a place's last character ending an item of a list of the same kind (大里路、光明路等: no 光明之路 less 之);
- a one-character verb before its noun object where elsewhere it takes a second character (乱停车辆 beside 乱停放车辆);
- a term saying its head twice said with it once (乱停放 beside the term 乱停乱放)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .dictionary import dictionary, word_tags
from .text import CJK

# what precedes a verb as its adverb (共 "in all", 均, 再): jieba tags the character d and nothing else
ADVERB = "d"


def adverb_before_verb(text: str, at: int) -> bool:
    """全区共开通公交线路, 空港片区共开行: text[at] is an adverb by jieba's tags and a verb of two characters follows —
    "in all opened", a word of its own.  What 公共 less 公 leaves stands before a noun or a verbal noun (共服务: 服务 is
    vn), not before a verb."""
    tags = word_tags()
    return tags.get(text[at]) == ADVERB and tags.get(text[at + 1:at + 3]) == "v" \
        and (at == 0 or text[at - 1:at + 1] not in dictionary()[1])  # 服务|开展: 务 ends a word, no adverb


# a count before the noun: 8所学校中, 三个小区中 (a number or numeral and a measure word)
COUNT_BEFORE = re.compile(f"(?:[0-9０-９]+|[一二两三四五六七八九十几多数]+)[个所家座名条项处类批户栋村][{CJK}]{{0,2}}$")
AMONG_AFTER = set("的，、") | set("0123456789０１２３４５６７８９")


def locative_among(text: str, at: int) -> bool:
    """8所学校中位于东山片区, 改造小区中的362个: text[at] is a locative (jieba tags it f: 中, 里) after a noun of two
    characters, meaning "among" — a count stands before the noun, or 的, a comma or a number follows.  What 集中 less
    集 leaves goes on as a verb's object (小区中供暖), with no count before: still read."""
    tags = word_tags()
    if at < 2 or tags.get(text[at]) != "f" or not (tags.get(text[at - 2:at]) or "").startswith("n"):
        return False
    return text[at + 1:at + 2] in AMONG_AFTER or bool(COUNT_BEFORE.search(text, max(0, at - 8), at - 2))


# a character that ends this many of jieba's words of three characters built on a word of two (期: 251, 交流期 of the
# kind of 建设期, 过渡期) makes a noun of the word before it, as 量, 率, 制 do (NOUN_ENDS: 188–346 such words, 额 85 the
# fewest); 200 keeps 城 (176), 台 (179) and 道 (158), whose lone uses are as often a lost 城区, 平台, 通道
SUFFIX_WORDS = 200


@lru_cache(maxsize=1)
def _suffixes() -> frozenset:
    """The productive suffixes (SUFFIX_WORDS): 54 characters, read from jieba's words once (0.16 s: missing.prepare
    builds it before the workers fork)."""
    words = dictionary()[1]
    made = Counter(word[2] for word in words if len(word) == 3 and word[:2] in words)
    return frozenset(ch for ch, count in made.items() if count >= SUFFIX_WORDS)


def suffix_after_word(text: str, at: int) -> bool:
    """交流期一般为3年: text[at] is a productive suffix (SUFFIX_WORDS) right after a word of two characters of the
    dictionary — a derived noun (the exchange's term), no remnant of 长期."""
    return at >= 2 and text[at] in _suffixes() and text[at - 2:at] in dictionary()[1]


# each character a word alone in a fifth of its uses or more (lone.RARELY_ALONE): 早 0.32, 晚 0.22; 日间 of 日间照料 is
# no such pair (间 0.16: 日照料中心 stays a slip)
FREE = 0.2
# a pair said together of two modifiers — adjectives, times, places (jieba's a, t, tg, f: 早 a, 晚 tg; 上下, 内外) —
# either of which says its own part; 三甲 (三 m: 二级甲医院 beside 三甲医院, dev9 458) and 轮岗 (轮 zg, 岗 n: 交流岗 beside
# 交流轮岗, heldout4 183) are words of another kind, their halves no words of the same meaning
MODIFIER_TAGS = {"a", "t", "tg", "f"}


def half_of_pair(text: str, at: int, word: str) -> bool:
    """早高峰 beside 早晚高峰: the word guessed is two characters each a word alone (早, 晚) — a pair said together
    (早晚 "morning and evening"), one of them said alone where it is meant alone.  中学, 集中, 公共 hold a bound
    character (学 0.05, 集 0.09, 公 0.02); 三甲 and 轮岗 are no pair of modifiers (MODIFIER_TAGS)."""
    alone, tags = dictionary()[2], word_tags()
    return len(word) == 2 and text[at] in word \
        and all(alone.get(ch, 0.0) >= FREE and tags.get(ch) in MODIFIER_TAGS for ch in word)


PLACE_LEVELS = set("省市县区镇乡旗州")


def place_without_level(text: str, at: int, word: str, letter: str) -> bool:
    """鲤城是泉州古城 beside 鲤城区: the word guessed is text[at] and a place's level (城区), and the letter writes the
    character before text[at], text[at] and that level together (鲤城区) as a name of its own — after a mark or a
    higher place's level (泉州市鲤城区), as the two characters stand here — the place named without its level, as
    people say it.  八卦岭片低成本 beside 八卦岭片区 (a name of three characters before 片区) is still read."""
    if not (at >= 1 and len(word) == 2 and word[0] == text[at] and word[1] in PLACE_LEVELS) or _in_name(text, at - 1):
        return False
    name = text[at - 1:at + 1] + word[1]
    return any(not _in_name(letter, m.start()) for m in re.finditer(name, letter))


def _in_name(text: str, at: int) -> bool:
    """Whether a Chinese character other than a place's level stands before text[at] (泉州市|鲤城区 begins a name; 八卦|
    岭片区 does not: 岭片区 ends 八卦岭片区, a part of town, where 八卦岭片 less 区 is a slip)."""
    return at > 0 and bool(re.match(f"[{CJK}]", text[at - 1])) and text[at - 1] not in PLACE_LEVELS


PLACE_TAILS = set("山河湖江岭峰岛湾港桥路街巷道园村")


def listed_place_end(text: str, at: int) -> bool:
    """在大里路、光明路等支路: text[at] is a place's last character (路, 山, 村) ending an item of a list — a list mark or
    等 after it — and another item of the clause ends with the same character: names of one kind in a row."""
    ch = text[at]
    if ch not in PLACE_TAILS or text[at + 1:at + 2] not in ("、", "等", "和", "及", "与"):
        return False
    clause = re.split("[，。；：！？]", text[:at])[-1]
    return bool(re.search(f"{ch}[、和及与]$", clause) or re.search(f"{ch}(?=[、和及与])", text[at + 1:at + 12]))


def verb_before_object(written: str, whole: str, lost: str) -> bool:
    """乱停车辆 beside 乱停放车辆: the character before the lost one is a one-character verb (停) whose two-character form
    (停放) the whole writes, and a noun of two characters follows it (车辆) — the verb alone takes its object, as
    verb_alone reads 建 beside 建成 at the phrase's head — an adverb before the verb (乱, 均: jieba's d) says it is
    the phrase's verb, an adverb of its own (义务|教学校: 务 ends 义务, 义务教育学校 less 育 is a slip).  创业担贷款
    (创业担保贷款: a word before 担), 特色农产品展中心 (展销), 新能公交车 (新 is no adverb), 养老护员 (护 is no verb,
    员 no noun) and 社区养服务 (服务 is a verbal noun) are still read."""
    from .repetition import _verb_tags  # the verbs quiet.verbs reads: quiet imports this module

    verbs, tags = _verb_tags()[0], word_tags()
    for k in range(1, len(whole) - 2):
        if k >= 2 and whole[k] == lost and whole[:k] + whole[k + 1:] == written and whole[k - 1] in verbs \
                and tags.get(whole[k - 2]) == ADVERB and whole[max(0, k - 3):k - 1] not in dictionary()[1] \
                and whole[k - 1:k + 1] in dictionary()[1] and tags.get(whole[k + 1:k + 3]) == "n":
            return True
    return False


def short_head(written: str, whole: str, lost: str) -> bool:
    """乱停放 beside the term 乱停乱放: a term of four characters saying its first twice (乱停乱放, 乱堆乱放) is said
    with it once, a usual contraction — the second copy is the one missing."""
    return len(whole) == 4 and whole[0] == whole[2] == lost and written == whole[:2] + whole[3]


def word_here(text: str, at: int, word: str, letter: str) -> bool:
    """The lone text[at] (the word guessed for it `word`) is a word where it stands, by one of the guards above."""
    return adverb_before_verb(text, at) or locative_among(text, at) or suffix_after_word(text, at) \
        or half_of_pair(text, at, word) or place_without_level(text, at, word, letter) or listed_place_end(text, at)


def shorter_reads(text: str, at: int, written: str, whole: str, lost: str) -> bool:
    """`written` (at text[at]) one character short of the letter's `whole` reads as written: its last character is an
    adverb before a verb (空港片区共开行 beside 空港片区公共交通) or a locative "among" (3个小区中有 beside 小区集中), a
    verb takes its object (乱停车辆), or the lost character made a pair of free characters (早高峰期 beside 早晚高峰期)."""
    last = at + len(written) - 1
    return adverb_before_verb(text, last) or locative_among(text, last) or verb_before_object(written, whole, lost) \
        or any(half_of_pair(whole, k, whole[a:a + 2]) for k in _gaps(written, whole, lost) for a in (k - 1, k)
               if a >= 0 and whole[a:a + 2] in dictionary()[1])


def _gaps(written: str, whole: str, lost: str) -> list[int]:
    """Where in `whole` the lost character stands when `written` is `whole` less it."""
    return [k for k in range(1, len(whole) - 1) if whole[k] == lost and whole[:k] + whole[k + 1:] == written]
