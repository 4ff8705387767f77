"""letterkit's glossary of compounds government letters write and jieba lacks (letterkit/data/terms.txt),
its fixed phrases (phrases.txt) and a project's own terms (check: {terms: […]}): a term written
less an inner character (留守童 → 留守儿童), and the characters a term written whole covers."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from itertools import compress, count, repeat
from operator import add

from . import text as text_module
from .dictionary import FUNCTION, NAME_ENDS, RUN, _bounded, _by_sentence, _segment, dictionary
from .text import CJK, MEMOS

TERMS_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "terms.txt")
LEAST_TERM = 4  # a term of three characters less one leaves two: too many of those are words or short forms
# the last character of a place's name (辉发河, 开干齐乡): before a term less its second character it ends
# the name (辉发河治理, 开干齐乡卫生院), it is no term's first; nor is a particle (医师和乡村 is no 和美乡村)
NAME_TAILS = NAME_ENDS | set("河江湖海溪渠山岭路街湾岛港桥")


def read_terms(text: str) -> list[str]:
    """The terms of a glossary file's text: one a line, # starts a comment, blanks ignored; only runs of
    Chinese characters (with digits or Latin letters inside: 120急救).  Terms shorter than LEAST_TERM are
    looked for as written only (河长制 is no 河湖长制 less 湖)."""
    terms = []
    for line in text.splitlines():
        term = line.split("#", 1)[0].strip()
        if re.fullmatch(f"[{CJK}0-9A-Za-z]+", term) and RUN.search(term):
            terms.append(term)
    return terms


@lru_cache(maxsize=1)
def glossary() -> tuple[str, ...]:
    """letterkit's own glossary (letterkit/data/terms.txt) and fixed phrases (phrases.txt), read once per process."""
    with open(TERMS_FILE, encoding="utf-8") as file:
        terms = read_terms(file.read())
    return tuple(dict.fromkeys(terms + [phrase for phrase in phrase_losses() if phrase not in set(terms)]))


PHRASES_FILE = os.path.join(os.path.dirname(TERMS_FILE), "phrases.txt")


def read_phrases(text: str) -> dict[str, tuple[int, ...]]:
    """A phrase file's phrases → the offsets of the characters whose loss is read.  `甲 + 乙 丙` writes
    甲乙 and 甲丙 and reads a loss inside 甲 only (进一步 + 完善: 进步完善; 实现 + 全覆盖 would not read
    实现覆盖, which is right); a phrase alone reads every inner character."""
    found: dict[str, tuple[int, ...]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, plus, tails = line.partition("+")
        head = head.strip()
        for tail in tails.split() if plus else [""]:
            phrase = head + tail
            if re.fullmatch(f"[{CJK}]+", phrase) and len(phrase) >= LEAST_TERM:
                positions = range(1, len(head) if tail else len(phrase) - 1)  # 投入 + 使用 and 投入使用: both read
                found[phrase] = tuple(sorted(set(found.get(phrase, ())) | set(positions)))
    return found


@lru_cache(maxsize=1)
def phrase_losses() -> dict[str, tuple[int, ...]]:
    """letterkit/data/phrases.txt read (read_phrases), once per process."""
    with open(PHRASES_FILE, encoding="utf-8") as file:
        return read_phrases(file.read())


def project_terms(data) -> tuple[str, ...]:
    """letterkit's glossary with the project's own terms (`check: {terms: […]}` in a draft, a department
    profile or the project file's defaults): a project's words stay in the project."""
    settings = data.get("check") if isinstance(data, dict) else None
    own = settings.get("terms") if isinstance(settings, dict) else None
    if not isinstance(own, list) or not own:
        return glossary()
    return _with_own(tuple(read_terms("\n".join(term for term in own if isinstance(term, str)))))


@lru_cache(maxsize=8)
def _with_own(own: tuple[str, ...]) -> tuple[str, ...]:
    return glossary() + tuple(term for term in own if term not in set(glossary()))


@lru_cache(maxsize=8)
def glossary_index(terms: tuple[str, ...]) -> dict[str, tuple]:
    """The first two characters of each term less one inner character → ((the shortened string, the term,
    the lost character), …), built once per process and glossary.  A shortened string that is itself a
    word of jieba's or a term is no sign of a loss (社区养老服务 less 服务 … no: 居家养老 is a term)."""
    words = dictionary()[1]
    whole = set(terms)
    positions = phrase_losses()  # a fixed phrase's losses are read where phrases.txt says
    index: dict[str, list] = {}
    for term in sorted(term for term in whole if len(term) >= LEAST_TERM):
        for k in positions.get(term, range(1, len(term) - 1)):
            short = term[:k] + term[k + 1:]
            if short in words or short in whole or not "\u4e00" <= term[k] <= "\u9fff" or k == 1 and short[0] in NAME_TAILS | FUNCTION \
                    or k == len(term) - 2 and short[-1] in FUNCTION:
                continue
            entry = (short, term, term[k], k)
            if entry not in index.get(short[:2], ()):
                index.setdefault(short[:2], []).append(entry)
    return {key: tuple(sorted(found, key=lambda entry: -len(entry[0]))) for key, found in index.items()}  # the longest first


def glossary_losses(paragraphs: list[str], terms: tuple[str, ...] | None = None) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset, what the letter writes, the term, the lost character) for each place that
    writes a glossary term less one inner character (留守童 for 留守儿童, 健步道 for 健身步道), where
    jieba's segmentation starts a word at its first character and ends one at its last (滞留儿童 holds
    留儿童 only inside 滞留), its first character makes no word with the one before it (在建工地 holds
    建工地: 在建; the last one may: 控辍学工作, 学工), and no term the letter writes whole there holds it.  A shortened form
    the letter writes twice and never whole is its own usage (游客集中心 twice)."""
    terms = glossary() if terms is None else terms
    index = glossary_index(terms)
    letter = "\n".join(paragraphs)
    found = []
    for number, text in enumerate(paragraphs):
        for at, short, term, ch in _by_sentence(text, lambda sentence: (_glossary_sentence(sentence, terms, index),))[0]:
            if letter.count(short) == 1 or term in letter:  # written so twice, and never whole: the letter's usage
                found.append((number, at, short, term, ch))
    return found


_glossary_memo: dict = {}  # sentence → _glossary_sentence's answer, for the glossary it was read with
MEMOS.append(_glossary_memo)
_glossary_read = [None]  # that glossary


def _glossary_sentence(text: str, terms: tuple, index: dict) -> list[tuple[int, str, str, str]]:
    if _glossary_read[0] is not terms:
        _glossary_memo.clear()
        _glossary_read[0] = terms
    known = _glossary_memo.get(text)
    if known is not None:
        return known
    known, words = [], dictionary()[1]
    for at in compress(count(), map(index.__contains__, map(add, text, text[1:]))):
        for short, term, ch, k in index[text[at:at + 2]]:
            if not text.startswith(short, at) or any(known_at <= at < known_at + len(s) for known_at, s, _, _ in known):
                continue
            if _inside_term(text, at, len(short), terms, at + k) or not _bounded(text, at, len(short)) \
                    or words.get(text[at - 1:at + 1], 0) >= JOINED and not _word_ends_before(text, at) \
                    or at and text[at - 1:at + 1] in _heads(terms):
                continue  # its first character makes a word with the one before it: 在建|工地 (not 公司|运维护: 司运 is rare;
                # nor 老年人|家医生, where the one before ends a longer word), or begins a term as it does there: 截污|管网
                # (截污纳管) is no 污水管网 less 水
            known.append((at, short, term, ch))
    if len(_glossary_memo) >= text_module.MOST_TEXTS:
        _glossary_memo.clear()
    _glossary_memo[text] = known
    return known


JOINED = 20  # a word of jieba's this frequent made by a shortened phrase's first character and the one before


def _word_ends_before(text: str, at: int) -> bool:
    """Whether jieba's segmentation ends a word of three characters or more right before text[at] (老年人|家医生签约率):
    the character before belongs to that word, so the word it would make with text[at] (人家) is no reading there."""
    lo = max(0, at - 6)
    return any(end == at - lo and end - start >= 3 for start, end in _segment(text[lo:at + 4]))


@lru_cache(maxsize=8)
def _heads(terms: tuple[str, ...]) -> frozenset:
    """The first two characters of every term of four or more: a word of the glossary's own (截污 of 截污纳管,
    雨污 of 雨污分流) that jieba may lack."""
    return frozenset(term[:2] for term in terms if len(term) >= LEAST_TERM)


def _inside_term(text: str, at: int, size: int, terms: tuple, gap: int | None = None) -> bool:
    """Whether a term written whole in the text runs across an end of text[at:at + size] (雨污管网 holds
    污管网, which is then no 污水管网 less 水); one inside it (政务服务 of 政务服务台) says nothing, nor one
    wholly on one side of the gap, where the character was lost (嵌入养老服务中心: 养老服务中心 is
    written in 嵌入式养老服务中心 too), unless the phrase's last character alone begins it, after the gap
    (远程医疗全覆盖 holds 医疗全, no 医疗安全 less 安)."""
    gap = at if gap is None else gap
    heads, longest = _all_heads(terms)  # the terms that start where one could: not every term searched (thousands)
    for start in range(max(0, at - longest + 1), at + size):
        for term in heads.get(text[start:start + 2], ()) + heads.get(text[start], ()):
            if text.startswith(term, start) and (start < at or start + len(term) > at + size) \
                    and (not (start >= gap or start + len(term) <= gap) or start == at + size - 1 >= gap):
                return True  # across the gap; or begun by the phrase's last character (医疗|全覆盖: no 医疗安全 less 安;
                # a longer tail stays: 标准农贸市场|建设 is 标准化农贸市场 less 化, though 市场建设 is a term)
    return False


@lru_cache(maxsize=8)
def _all_heads(terms: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], int]:
    """Every term by its first two characters (a term of one, by it), and the longest term's length."""
    heads: dict[str, list] = {}
    for term in terms:
        heads.setdefault(term[:2], []).append(term)
    return {head: tuple(found) for head, found in heads.items()}, max(map(len, terms), default=0)


class _Covered:
    """(paragraph, offset) of every character inside a word of `heads_of(terms)` (a dict: first two characters →
    words of three or more) that the paragraph writes whole; each paragraph read once for the glossary last asked."""

    def __init__(self, heads_of):
        self.heads_of, self.terms, self.known = heads_of, None, {}  # known: paragraph → _written_in's answer
        MEMOS.append(self.known)

    def __call__(self, texts: list[str], terms: tuple[str, ...]) -> set[tuple[int, int]]:
        if self.terms is not terms:
            self.known.clear()
            self.terms = terms
        covered, heads = set(), None
        for index, text in enumerate(texts):
            offsets = self.known.get(text)
            if offsets is None:
                if len(self.known) >= text_module.MOST_TEXTS:
                    self.known.clear()
                heads = heads or self.heads_of(terms)  # looked up once a letter: the glossary is hashed to find it
                offsets = self.known[text] = _written_in(text, heads)
            covered.update(zip(repeat(index), offsets))
        return covered


# what a term adds to the thing it is about (医联体建设, 家庭医生签约服务): the thing alone is a name of the glossary's too
ACTIVITY_TAILS = ("建设", "工作", "服务", "管理", "改革", "试点")


@lru_cache(maxsize=8)
def _stems(terms: tuple[str, ...]) -> frozenset:
    """The terms less an activity word at their end, when three characters or more are left (医联体 of 医联体建设)."""
    return frozenset(term[:-2] for term in terms if term.endswith(ACTIVITY_TAILS) and len(term) >= 5)


def _written_in(text: str, heads: dict) -> tuple[int, ...]:
    """The offsets of the characters of one paragraph inside a word of `heads` it writes whole, in no order and
    with repeats; a tuple, which the cycle collector stops walking."""
    covered: list[int] = []
    for at in compress(count(), map(heads.__contains__, map(add, text, text[1:]))):
        for term in heads[text[at:at + 2]]:
            if text.startswith(term, at):
                covered += range(at, at + len(term))
    return tuple(covered)


@lru_cache(maxsize=8)
def _term_heads(terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The glossary's terms of three characters or more by their first two characters, built once per glossary."""
    heads: dict[str, list] = {}
    for term in terms:
        if len(term) >= 3:
            heads.setdefault(term[:2], []).append(term)
    return {head: tuple(found) for head, found in heads.items()}


@lru_cache(maxsize=8)
def _stem_heads(terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The stems (_stems, three characters or more each) by their first two characters, built once per glossary."""
    heads: dict[str, list] = {}
    for stem in sorted(_stems(terms)):
        heads.setdefault(stem[:2], []).append(stem)
    return {head: tuple(found) for head, found in heads.items()}


@lru_cache(maxsize=8)
def _word_heads(terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """_term_heads and _stem_heads in one, a word both name once: what written_words looks for in one reading."""
    heads = {head: list(found) for head, found in _term_heads(terms).items()}
    for head, found in _stem_heads(terms).items():
        heads[head] = list(dict.fromkeys(heads.get(head, []) + list(found)))
    return {head: tuple(found) for head, found in heads.items()}


# written_terms: the characters of a glossary term of three characters or more the paragraph writes whole: the
# term says they make a word, whatever jieba's dictionary lacks (物联网, 线上线下, 负总责)
written_terms = _Covered(_term_heads)
# written_stems: those of a term's stem (_stems): 医联体 is a name jieba lacks (医|联体), whose 医 is no 医院's remnant
written_stems = _Covered(_stem_heads)
# written_words: both, in one reading of each paragraph (what lost-character reads)
written_words = _Covered(_word_heads)
