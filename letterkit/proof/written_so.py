"""Text written so on purpose that a proofreading rule would read as a slip: dense letters' short forms,
parallel slogans, set formulas, the letter's own words and terms of two spellings.  Each predicate says why
one candidate of lost-character or doubled-character is quiet; the rules call them beside quiet's guards
(found on the clean dense letters clean10, 841–872, each by the shape of text it keeps quiet)."""

from __future__ import annotations

import re
from functools import lru_cache

from .dictionary import NAME_ENDS, dictionary, word_tags
from .text import CJK

# a set formula of four characters with one character twice about a linking word (应享尽享, 应保尽保, 能改尽改,
# 逢查必查): "whoever should have it has it" — the character alone is the formula's, no word's remnant
FORMULA_LINKS = set("尽必则即")


def set_formula(text: str, at: int) -> bool:
    """The character at `at` stands in an X尽X formula (应享尽享: 享 on either side of 尽; 必, 则, 即 alike)."""
    return (text[at + 2:at + 3] == text[at] and text[at + 1:at + 2] in FORMULA_LINKS) \
        or (at >= 2 and text[at - 2] == text[at] and text[at - 1] in FORMULA_LINKS)


def _outside(letter: str, piece: str, whole: str, spot: str) -> int:
    """How often `piece` is written in the letter outside every occurrence of `whole` and of `spot` (the
    candidate with its neighbours): the letter's own use of it elsewhere."""
    covered = set()
    for known in {whole, spot}:
        for found in re.finditer(re.escape(known), letter) if known else ():
            covered.update(range(found.start(), found.end()))
    return sum(1 for found in re.finditer(re.escape(piece), letter)
               if not covered.intersection(range(found.start(), found.end())))


FUNCTION_CHARACTERS = set("与和及的地得了在对把被将并从向于为是等或个")  # 院与, 和区: no word of the letter


def letter_word_at_edge(text: str, at: int, written: str, whole: str, letter: str) -> bool:
    """The phrase's first character makes with the one before it, or its last two with the one after it, a
    word the letter writes elsewhere too, outside the phrase and its whole: 文旅专项资金 beside 旅游专项资金
    where the letter also writes 文旅推介 (旅 belongs to 文旅), 网约车上客点 beside 网约车上下客 where it writes
    专用上客点, 生活污水排口 beside the glossary's 污水乱排 where it writes 工业排口.  A lost character's remnant
    has no such partner: 社区日照料中心 beside 社区日间照料中心 (区日 is written nowhere else)."""
    end, words = at + len(written), dictionary()[1]
    spot = text[max(0, at - 1):end + 1]
    gap = next((i for i in range(len(written)) if written[i] != whole[i]), len(written))
    # only the edge character beside the gap (旅 of 旅|专项, 排 of 污水|排; not 建 of 改扩建公办幼|园, far from it), and
    # only one that makes no word inside the phrase (养 of 养老服务心, 划 of 实用村庄规划 belong to the phrase)
    pieces = [text[at - 1:at + 1]] if at >= 1 and gap == 1 and written[:2] not in words else []
    if end < len(text) and re.match(f"[{CJK}]", text[end]) and gap == len(written) - 1 and written[-2:] not in words:
        pieces += [written[-2:] + text[end], written[-1] + text[end]]
    return any(re.fullmatch(f"[{CJK}]+", piece) and not set(piece) & FUNCTION_CHARACTERS
               and _outside(letter, piece, whole, spot) >= 1 for piece in pieces)


ITEM_MARKS_BEFORE = set("、“，：（")
ITEM_MARKS_AFTER = set("、”，。；）")


def parallel_item(text: str, at: int, written: str) -> bool:
    """The phrase is a whole item of a list whose neighbouring item has its shape — one character, then a word
    (“日自查、季检查”: 日 + 自查, 季 + 检查): a slogan's items each say their time or place by one character,
    as 季度检查 said short beside 日自查 is no lost 度."""
    end = at + len(written)
    if len(written) != 3 or not (at and text[at - 1] in ITEM_MARKS_BEFORE and text[end:end + 1] in ITEM_MARKS_AFTER):
        return False
    words = dictionary()[1]
    siblings = [text[at - 4:at - 1]] if text[at - 1] == "、" and (at == 4 or text[at - 5:at - 4] in ITEM_MARKS_BEFORE) \
        and at >= 4 else []
    siblings += [text[end + 1:end + 4]] if text[end:end + 1] == "、" and text[end + 4:end + 5] in ITEM_MARKS_AFTER else []
    return written[1:] in words and written[:2] not in words and any(
        len(item) == 3 and item[1:] in words and item[:2] not in words and item[0] != written[0] for item in siblings)


def two_terms(written: str, whole: str) -> bool:
    """Both spellings are terms: the part of the shorter one about where the character is lost is a term of
    letterkit's glossary, and with the lost character it is a term or a word too (湖长制 and 河湖长制: the lakes'
    system and the rivers' and lakes' one; 纳入湖长制管理 is no slip of 纳入河湖长制管理).  Not any word of jieba's:
    服务台 (48 uses) is a word, and 公共服务台 beside 公共服务平台 a lost 平 all the same."""
    terms, words = _terms(), dictionary()[1]
    k = next((i for i in range(len(written)) if written[i] != whole[i]), len(written))
    # the term of the shorter one runs across the gap (河长制 of 纳入河长制 beside 纳入河湖长制) or starts at it (湖长制)
    # a body's or place's name (中医院 and 中医医院, both terms) is written one way in a letter: still read
    return any(len(written[a:a + n]) == n and written[a:a + n] in terms
               and (whole[a:a + n + 1] in terms or whole[a:a + n + 1] in words) and whole[a + n] not in NAME_ENDS
               for n in range(3, 6) for a in range(max(0, k - n + 1), k + 1))


@lru_cache(maxsize=1)
def _terms() -> frozenset:
    """letterkit's glossary as a set (湖长制, 河湖长制: terms jieba lacks)."""
    from .glossary import glossary

    return frozenset(glossary())


# what makes a noun of a word before it (服务量, 签约率, 补助额): a measure of what the word does
MEASURE_ENDS = set("量率额值数")
COMMON_WORD = 1000  # jieba's count of a word common enough to stand before a measure's ending by itself (服务 9万)


def word_and_measure(written: str, whole: str, lost: str) -> bool:
    """有效服务量 beside 服务质量: a common word and a measure's ending (服务 + 量) read as well as the whole
    (服务 + 质量): the lost character would be the first of a word the ending makes with it."""
    words = dictionary()[1]
    return len(written) >= 3 and written[-1] in MEASURE_ENDS and whole == written[:-1] + lost + written[-1] \
        and words.get(written[-3:-1], 0) >= COMMON_WORD and lost + written[-1] in words


# a measure word after a number, then a noun that begins with the same character (2至3名名师, 3个个人, 2条条款): a
# count and what is counted, as common as the noun is; a measure word typed twice leaves no noun after (5条条, 3家家有)
NOUN_AFTER_MEASURE = 100  # jieba's count of the noun (名师 406, 家庭 8831): a rare pair (名名) reads no noun


def counted_noun(text: str, i: int) -> bool:
    """The character twice at (i, i+1) after a number is a measure word and the first of a noun (3名名师)."""
    noun = text[i + 1:i + 3]
    return i >= 1 and text[i - 1].isdigit() and dictionary()[1].get(noun, 0) >= NOUN_AFTER_MEASURE \
        and word_tags().get(noun, "").startswith("n")


def name_between_words(text: str, i: int) -> bool:
    """The pair at (i, i+1) is a word of jieba's standing between two common words (联合|滴滴|出行): a brand's or a
    name's doubled character, not a typed one — no word ends with the first copy and the character before, none
    begins with the second and the character after, and the words either side are common (a typed character
    twice breaks the words around it: 加强强化, 提高高质量)."""
    words = dictionary()[1]
    common = 20  # as EDGE_COUNT of repetition: a word this common claims its characters
    return i >= 2 and text[i:i + 2] in words and text[i - 1:i + 1] not in words \
        and words.get(text[i - 2:i], 0) >= common and words.get(text[i + 2:i + 4], 0) >= common \
        and not any(words.get(text[i + 1:b], 0) >= common for b in (i + 3, i + 4, i + 5))


# what closes a body's name (教育集团, 医疗联盟, 培训中心): a word said twice at a compound's end and a body's start
BODY_HEADS = re.compile("集团|联盟|中心|协会|学会|基地|共同体|联合体|研究院|研究会|工作室")


def compound_then_body(text: str, at: int, word: str) -> bool:
    """义务教育教育集团: the first copy of the word (at - len(word)) ends a longer word of jieba's or the glossary's
    (义务教育, 职业教育), the second
    begins a body's name (教育集团) — two names meeting on one word, no word typed twice."""
    words = dictionary()[1]
    first = at - len(word)
    return any(text[first - n:at] in words or text[first - n:at] in _terms() for n in (1, 2) if first - n >= 0) \
        and BODY_HEADS.match(text, at + len(word)) is not None


JOINS = re.compile("[与和及、]")


def two_names_joined(run: str) -> bool:
    """城区优质学校与乡镇学校: a run read as one name is two joined by 与 (和, 及, 、), each ending in the same last
    word (学校): beside 城区与乡镇学校 it is the same two kinds, one said with its own last word, no name's variant."""
    parts = [part for part in JOINS.split(run) if part]
    return len(parts) >= 2 and len({part[-2:] for part in parts if len(part) >= 3}) == 1 \
        and sum(len(part) >= 3 for part in parts) >= 2


def head_of_its_own(letter: str, once: str, other: str, k: int) -> bool:
    """湖长巡湖 beside 湖长制 (twice): the head the two share before the changed character (湖长) is a word of the
    letter, written at least twice more before other characters (区级湖长每季度, 街道级湖长每月) — a title and what
    follows it, not one name misspelt (陈老港 beside 陈老巷: 陈老 stands nowhere else)."""
    head = once[:k]
    return sum(1 for found in re.finditer(re.escape(head), letter)
               if letter[found.end():found.end() + 1] not in (once[k], other[k])) >= 2
