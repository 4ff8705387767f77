"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba's dictionary (words with frequencies, shipped by the registry package; no list of ours)
says which strings are words.  A lost character leaves its partner standing alone, in no word
(构 of 养老构), or leaves a phrase one character shorter than the letter writes it elsewhere
(日照料中心 beside 日间照料中心).  Either is reported only when the letter itself shows the whole
word: names, abbreviations and the letter's own usage stay quiet.  Measured on planted slips and on
clean letters (tests/fixtures/published/READING.md), not tuned on the slips alone.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from functools import lru_cache
from bisect import bisect_right
from itertools import accumulate, compress, count
from operator import add, and_

from .registry import Finding, rule
from . import text as text_module
from .text import CJK, MEMOS, prose

HAN = re.compile(f"^[{CJK}]+$")
# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)
# the last character of an organ's or a place's name (卫生健康局, 八卦岭片区) stands alone after a
# word when the whole name is not in the dictionary: never reported alone
NAME_ENDS = set("局委办厅部署院站所处科股队室馆会区县市省镇乡村街团")
NAME_ENDS |= set("方者性化式型率")  # and what makes a noun of the word before it: 协调方, 参与者, 规范化

CACHE_VERSION = "proof-missing-8l-t18b"


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
    with jieba.dt.get_dict_file() as lines:
        for line in lines:
            word, _, tag = (line.decode("utf-8").split() + ["", ""])[:3]
            if tag.startswith(("nr", "ns", "nt", "nz")):
                names.add(word)
            if tag == "a" and len(word) == 1:
                qualities.add(word)
            if tag in ("i", "l") and len(word) == 4 and HAN.match(word):
                idioms.add(word)
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
              less_one)
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
    total, found = Counter(), {}
    for word in pairs:
        for ch in set(word):
            total[ch] += words[word]
    for word in sorted(pairs, key=words.get, reverse=True):
        for ch in set(word):
            if words[word] >= PAIR_SHARE * total[ch]:
                found.setdefault(ch, []).append(word)
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
MEMOS.append(_paragraphs)
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
SOME = set("点些批部块份笔")  # 一点, 一批, 一部分: how much a verb before them does
SUFFIXES = set("员感度")  # what makes a noun of the word before it, beside NAME_ENDS: 护路员, 获得感, 匹配度
DOCUMENT_NUMBER = re.compile(f"[{CJK}]{{0,4}}[〔［\\[﹝【]")


def _paragraph(text: str) -> tuple[list, list]:
    """One paragraph's lone characters: their offsets, and the offsets of those that may have lost a
    partner; the same in whatever letter the paragraph stands (the letter's own evidence is weighed by
    lost_characters).  Worked out a sentence at a time, each sentence once: no word runs across 。 or
    ；, and the letters of one office repeat sentences inside paragraphs of their own."""
    return _by_sentence(text, _sentence)


def _by_sentence(text: str, function) -> tuple:
    """function's answer (lists of offsets, or of tuples starting with one) for each sentence of the
    text, the offsets moved to the paragraph's; a sentence without a Chinese character holds nothing."""
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


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple:
    """text.sentences, kept for the few paragraphs read now: three tests split each paragraph."""
    return tuple(text_module.sentences(text))


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


@lru_cache(maxsize=1)
def rarely_alone() -> frozenset:
    """The characters that are a word by themselves in under half of their uses."""
    return frozenset(ch for ch, share in dictionary()[2].items() if share < 0.5)


def _han(ch: str) -> str:
    """The neighbour a word must have elsewhere to count as the same surroundings: a Chinese character
    (a mark or the paragraph's edge says nothing), else a character no letter holds."""
    return ch if ch and "\u4e00" <= ch <= "\u9fff" else "\x00"


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
    for s in range(max(0, i - 2), i + 1):
        for e in range(i + 1, min(len(t), s + 3) + 1):
            for g in {i, i + 1} & set(range(s, e + 1)):
                left, right = t[s:g], t[g:e]
                # the side holding t[i] is looked for: a rare character, seldom in the letter (the other
                # may be 的); the character put back stands after left, before right
                anchor, after = (right, False) if g == i else (left, True)
                p = letter.find(anchor)
                while p >= 0:
                    x = p + len(left) if after else p - 1
                    word = letter[x - len(left):x + 1 + len(right)] if x >= len(left) else ""
                    if word[:len(left)] == left and word[len(left) + 1:] == right and words.get(word, 0) >= KNOWN \
                            and (word, s, e) not in seen:
                        seen.add((word, s, e))
                        found.append((word, s, e, words[word]))
                    p = letter.find(anchor, p + 1)
    return found


_SHORT_QUOTE = re.compile(r"[“\"‘「]([^“”\"‘’「」，。；！？]{1,16})[”\"’」]")


def _quoted_names(texts: list[str]) -> set[tuple[int, int]]:
    """(paragraph, position) of each character inside short quotes: a name or slogan coins its words (“黄牛贷”
    产品, “服务基层行”活动), where a character standing alone is no lost one's remnant."""
    return {(index, k) for index, text in enumerate(texts) if "“" in text or '"' in text or "‘" in text or "「" in text
            for m in _SHORT_QUOTE.finditer(text) for k in range(m.start(1), m.end(1))}


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
    pairs = dictionary()[0]
    found = []
    for number, text in enumerate(paragraphs):
        known = _idiom_memo.get(text)
        if known is None:
            known = []
            for a in range(len(text) - 2):
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


# usual short forms of a facility's name (乡镇中心学校 → 乡镇中心校): the short form is no lost character
USUAL_SHORT = (("中心学校", "中心校"), ("完全小学", "完小"), ("职业高中", "职高"), ("技工学校", "技校"),
               ("卫生学校", "卫校"), ("职业学校", "职校"))


def usual_short(written: str, whole: str) -> bool:
    """Whether `written` is `whole` in a usual short form (乡镇中心校 for 乡镇中心学校)."""
    return any(whole.endswith(long) and written.endswith(short) and whole[:-len(long)].endswith(written[:-len(short)])
               for long, short in USUAL_SHORT)


# a character after a word that makes a noun of it (探访量, 覆盖率) or says something of it (压力大): no remnant
NOUN_ENDS = set("量率额值数")


def _said_of_word(text: str, at: int) -> bool:
    """Whether text[at] is an adjective or a noun's last character after a word of the dictionary (压力|大。,
    探访|量在): it ends the phrase, it is not what is left of another word (力量, 较大)."""
    return (text[at] in NOUN_ENDS or text[at] in adjectives()) and text[at - 2:at] in dictionary()[1]


@rule("lost-character", "warning", "missing", "词语中间漏了字（单字夹在词中间不成词，本信别处写全了）",
      "按 jieba 自带词典（带词频）：一个字跟左右邻字都不成词，又很少单独成词（“养老构3家”的“构”、“意见和建。”的“建”），"
      "而补回一个字就成常用词、本信别处也写了这个词（“机构”“建议”），多半是改稿时漏了字——“可能”（别处在同样的邻字之间"
      "写全了，或这个字在 jieba 的词频里单独成词不到五分之一）。"
      "人名地名、简称（卫健委、医联体、快检）、数字后的量词（3家）、顿号隔开的单字（政、产、学、研）、“建得成”、"
      "文号（江津府办发〔）、引号里名称的头一个字、集…于一体不报；这个字在本信别处也单独出现就不报。"
      "另一种：五字以上的短语比本信别处的写法只少中间一个字（“日照料中心”与“日间照料中心”，“公共技术服务台”与"
      "“公共技术服务平台”）——“很可能”。第三种，本信别处没有证据时只凭词典：jieba 分词后单出一个字，在它所在的"
      "位置补回中间一个字就成词典里的三四字词（“打通消防道”→“消防通道”，“游客集中心”→“集散中心”），补后的读法"
      "按 jieba 词频不比原来的差——“可能”，并说出这个词；词典标为人名地名机构名的词、两个单字挨着（助餐、专班、农房）、"
      "本信写了两次的简写都不报。第四种（也只凭词典）：单出的字很少单独成字（不到十分之一），词典里它的两字词大半是同一个"
      "（续→继续、况→情况、术→技术），补上后读法的词频高出 e² 倍以上——“可能”，说出这个词；字后面紧跟县、区、市的（丰山县）不报。"
      "第五种：四五个字恰是词典里五六字词少了中间一个字、自己又不成词，且前后都在词的边界上（可行研究报告→可行性研究）——“可能”。"
      "成语和固定说法（jieba 词典里标为成语、习用语的四字词，外加“实事求是”等几个）少了中间一个字、少后的三个字不成词、"
      "跟前后的字也不成词，补回后读法的词频高出 e⁴ 倍以上（“因地宜”“循渐进”“齐抓管”“千方计”）——“可能”，说出成语；"
      "“积极争取”里的“极争取”、“问题在”、“先后出”不报。"
      "第六种：三到八个字比本信别处的一个合成词只少中间一个字（“健步道”与“健身步道”，“县中医院”与“县中医医院”），两处都在分词的词边界上、接缝处有字落单、旁边没有挨着的单字（“助农增收”与“农民增收”不报），三个字的只写一次、不是形容词打头（“新学校”不报）——“可能”；别处写全的合成词有五个字以上时，漏的字不跟邻字成词也报（“污水直排区”与“污水零直排区”，“老年餐点”与“老年助餐点”）。常用简称（“乡镇中心校”“村完小”“职高”“技校”）不报；词后面的形容词和名词尾（“配套压力大”“探访量”“覆盖率”）不当作漏字的残余。第七种：letterkit/data/terms.txt 里 jieba 词典没有的政务常用合成词（留守儿童、健身步道、信息平台、日间照料中心等几百个）少了中间一个字、少后的写法本身不成词（“留守童”“信息台”“心理辅室”）——“可能”，说出整个词；地名末字（辉发河治理、开干齐乡卫生院）、虚词（医师和乡村）、头一个字跟前一字成词（在建工地）、本信写了两次又从不写全的不报。letterkit/data/phrases.txt 里的固定说法、动宾搭配和带“化/式”的合成词（进一步完善、投入运行、运行维护、改造老旧小区、一体化净水、嵌入式养老等）同样读：“进步完善”“投运行”“运维护”“改老旧小区”“一体净水设备”——“可能”，说出整个说法；“甲 + 乙”一行只看“甲”里漏的字；“投入使用”“交付使用”“全面覆盖”这类整个说法哪个字漏了都看（“投入用”报；"
      "后面接“于”读作“投入|用于”就不报；“全覆盖”本身就通，不报）。前一个字和它头一个字正是词表里一个词的开头（“截污管网”：截污纳管）不报。词表里的词整个写出时（物联网、线上线下、负总责），其中的字不再当作单出的字报。项目自己的词写在 check: {terms: [...]}（草稿、部门配置或项目文件的 defaults）。在植入的漏字上（tests/slipgen.py，3 个种子各 6 轮）找到约三分之一"
      "（原来约七分之一）；从常用词里随便丢一个字，多半剩下别的词（进一步→进步），读不出来。在 18 封已发布的信、"
      "种子信和 40 封新信上报的见 tests/fixtures/published/READING.md：误报 1 处（种子信“物联网”；06“等作下年度”第三轮起不报）。",
      "5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台", "5G公共技术平台、华大九天模拟电路设计全流程EDA工具系统等平台")
def _lost(c):
    paragraphs = prose(c.data)
    texts = [text for _, text in paragraphs]
    reported = _people(c.data, texts)  # 符海燕委员: a surname is no word's remnant (符合)
    for index, at, short_phrase, whole, ch in shortened_phrases(texts):
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        if usual_short(short_phrase, whole):
            continue  # 乡镇中心校 beside 乡镇中心学校: both in use
        yield Finding(paragraphs[index][0], f"“{short_phrase}”比本信别处的“{whole}”少了“{ch}”，很可能漏了字",
                      f"核对原稿，补上漏掉的字（写作“{whole}”）", at)
    for index, at, short_phrase, idiom, ch in idiom_losses(texts):
        if any((index, k) in reported for k in range(at, at + 3)):
            continue
        reported.update((index, k) for k in range(at, at + 3))
        yield Finding(paragraphs[index][0], f"“{short_phrase}”可能漏了字（成语“{idiom}”少了“{ch}”）",
                      f"核对原稿，补上漏掉的字（写作“{idiom}”）", at)
    from_dictionary = []  # a two-character word from the dictionary alone: after inner_losses, which says more
    terms = project_terms(c.data)
    covered = written_terms(texts, terms)  # 物联网, 线上线下, 负总责: a glossary term written whole leaves nothing alone
    covered |= _quoted_names(texts)  # “黄牛贷”, “服务基层行”, “强基层、建机制”: a product's or campaign's own words
    for index, at, ch, whole, sure in lost_characters(texts):
        if (index, at) in reported or (index, at) in covered or _said_of_word(texts[index], at):
            continue
        if sure is None:
            from_dictionary.append((index, at, ch, whole))
            continue
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        # "可能" with the same neighbours too: 河道水环境 and 助农增收 are right, though 水质 and 农民增收 are elsewhere
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，可能漏了字（本信别处写作“{whole}”）",
                      f"核对原稿，补上漏掉的字（如“{whole}”）", at)
        reported.add((index, at))
    for index, at, short_phrase, whole, ch in letter_compounds(texts):
        if any((index, k) in reported for k in range(at, at + len(short_phrase))) or usual_short(short_phrase, whole):
            continue
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        yield Finding(paragraphs[index][0], f"“{short_phrase}”比本信别处的“{whole}”少了“{ch}”，可能漏了字",
                      f"核对原稿，若是漏了字就补上（写作“{whole}”）", at)
    for index, at, word, written in long_losses(texts):
        if any((index, k) in reported for k in range(at, at + len(written))):
            continue
        reported.update((index, k) for k in range(at, at + len(written)))
        yield Finding(paragraphs[index][0], f"“{written}”可能漏了字（词典里有“{word}”）",
                      f"核对原稿，若是漏了字就补上（写作“{word}”）；名称写对了就不用改", at)
    # a glossary term names the whole word where the letter says nothing (留守童 → 留守儿童): before the
    # dictionary's guesses at the same place (控辍学 is no 控制)
    glossed = [found for found in glossary_losses(texts, terms) if not usual_short(found[2], found[3])
               and not any((found[0], k) in reported for k in range(found[1], found[1] + len(found[2])))]
    for index, at, written, term, ch in glossed:
        reported.update((index, k) for k in range(at, at + len(written)))
        yield Finding(paragraphs[index][0], f"“{written}”可能漏了字（词表里有“{term}”，少了“{ch}”）",
                      f"核对原稿，若是漏了字就补上（写作“{term}”）；本地的叫法本来如此就不用改", at)
    inner = inner_losses(texts)
    for index, at, ch, word in inner + [found for found in from_dictionary if not any(
            i == found[0] and abs(k - found[1]) <= 3 for i, k, _, _ in inner)]:
        if any((index, k) in reported for k in range(at - 3, at + 1)) or (index, at) in covered:
            continue
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，可能漏了字（词典里有“{word}”）",
                      f"核对原稿，若是漏了字就补上（如“{word}”）；名称、简称写对了就不用改", at)


def written_terms(texts: list[str], terms: tuple[str, ...]) -> set[tuple[int, int]]:
    """(paragraph, offset) of every character inside a glossary term of three characters or more that the
    paragraph writes whole: the term says they make a word, whatever jieba's dictionary lacks."""
    heads = _term_heads(terms)
    covered = set()
    for index, text in enumerate(texts):
        for at in compress(count(), map(heads.__contains__, map(add, text, text[1:]))):
            for term in heads[text[at:at + 2]]:
                if text.startswith(term, at):
                    covered.update((index, k) for k in range(at, at + len(term)))
    return covered


@lru_cache(maxsize=8)
def _term_heads(terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The glossary's terms of three characters or more by their first two characters, built once per glossary."""
    heads: dict[str, list] = {}
    for term in terms:
        if len(term) >= 3:
            heads.setdefault(term[:2], []).append(term)
    return {head: tuple(found) for head, found in heads.items()}


def _people(data: dict, texts: list[str]) -> set[tuple[int, int]]:
    """(paragraph, offset) of every character of the people the draft names (addressee, contact, signer)
    where the prose writes them: their names are no words of the dictionary."""
    addressee = data.get("addressee") if isinstance(data, dict) else None
    names = [addressee.get("name")] if isinstance(addressee, dict) else [addressee]
    contact = data.get("contact") if isinstance(data, dict) else None
    names += [contact.get("name") if isinstance(contact, dict) else None, data.get("signer") if isinstance(data, dict) else None]
    people = {part for name in names if isinstance(name, str) for part in re.split(r"[、，,\s]+|等", name) if len(part) >= 2}
    spans = {(index, k) for index, text in enumerate(texts) for name in people
             for m in re.finditer(re.escape(name), text) for k in range(m.start(), m.end())}
    # a member named in the prose (符海燕委员提出的…, 王敏、李强代表): a co-handling opinion has no addressee
    return spans | {(index, k) for index, text in enumerate(texts) for m in MEMBER.finditer(text)
                    for k in range(m.start(), m.end())}


MEMBER = re.compile(r"(?:^|(?<=[，。；：、“（\s])|(?<=尊敬的))[\u4e00-\u9fff]{2,3}(?=(?:等\d*[名位])?(?:委员|代表)|、[\u4e00-\u9fff]{2,3}(?:委员|代表))")


def inner_losses(paragraphs: list[str]) -> list[tuple[int, int, str, str]]:
    """(paragraph, offset, the lone character, the word it would be in) of each place where the letter
    gives no evidence but jieba's dictionary does: the best segmentation of the written text leaves a
    character alone (道 of 打通消防道, 心 of 游客集中心), rarely a word by itself, and one character
    put back inside a word of three or four characters of the dictionary makes that word of it and its
    neighbours (消防通道, 集散中心), the repaired reading about as probable as the written one or more
    (INNER_GAIN) when the lone character ends the word, clearly more (INNER_GAIN_INSIDE) when it begins
    it: a lone first character is far more often a name or an abbreviation (城|公交, 高|成长).  Not
    beside another lone character (麦积, 助餐, 农房: a name or abbreviation, so 心理辅室 is missed too),
    nothing left alone around the repair, nothing _may_have_lost leaves alone, no word jieba tags as a
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
MEMOS.append(_inner_memo)


def _inner(text: str) -> list[tuple[int, str, str, str]]:
    """inner_losses in one paragraph: (offset, the lone character, the word, the text it would repair),
    a sentence at a time (_paragraph)."""
    return _by_sentence(text, lambda sentence: (_inner_sentence(sentence),))[0]


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
                or ch in qualities or not _may_have_lost(text, i):
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


RUN = re.compile(f"[{CJK}]+")  # no word runs across a mark, a digit or a Latin letter
_runs: dict = {}  # a run of Chinese characters → the offsets left alone: clauses repeat across letters
MEMOS.append(_runs)


def _lone_in_run(run: str) -> list[int]:
    known = _runs.get(run)
    if known is None:
        if len(_runs) >= text_module.MOST_TEXTS:
            _runs.clear()
        known = _runs[run] = [s for s, e in _segment(run) if e - s == 1]
    return known


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


FUNCTION = set("的地得了着过和与及或等之在对为把被将并也都又而就是有个们从向于以不未没无")  # 不 of 室温不达标: a word
NO_LOSS = FUNCTION | NAME_ENDS | set("一二三四五六七八九十百千万亿年月日号第各全本该其")
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


def long_losses(paragraphs: list[str]) -> list[tuple[int, int, str, str]]:
    """(paragraph, offset, the dictionary word, what the letter writes) for four or five characters that
    are a word of five or six characters of jieba's dictionary less one inner character (可行研究报告:
    可行性研究) and no word themselves, written once in the letter.  No lone character is needed (可行|研究
    are both words): on the clean letters (READING.md) such a match was the planted slip and nothing else."""
    letter = "\n".join(paragraphs)
    found = []
    for index, text in enumerate(paragraphs):
        for at, word, written in _by_sentence(text, lambda sentence: (_long_sentence(sentence),))[0]:
            if letter.count(written) == 1:
                found.append((index, at, word, written))
    return found


_long_memo: dict = {}
MEMOS.append(_long_memo)


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


def _written_over(text: str, at: int, size: int, word: str) -> bool:
    """Whether the word itself stands in the text over text[at:at + size]."""
    start = text.find(word, max(0, at - len(word)))
    return 0 <= start < at + size


def _bounded(text: str, at: int, size: int) -> bool:
    """Whether jieba's segmentation of text[at:at + size] and a few characters around it starts a word
    at its first character and ends one at its last."""
    lo = max(0, at - 3)
    edges = {edge for token in _segment(text[lo:at + size + 3]) for edge in token}
    return at - lo in edges and at - lo + size in edges


# -- a glossary of the compounds government letters write and jieba lacks (letterkit/data/terms.txt) --

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
                    or words.get(text[at - 1:at + 1], 0) >= JOINED or at and text[at - 1:at + 1] in _heads(terms):
                continue  # its first character makes a word with the one before it: 在建|工地 (not 公司|运维护: 司运 is rare),
                # or begins a term as it does there: 截污|管网 (截污纳管) is no 污水管网 less 水
            known.append((at, short, term, ch))
    if len(_glossary_memo) >= text_module.MOST_TEXTS:
        _glossary_memo.clear()
    _glossary_memo[text] = known
    return known


JOINED = 20  # a word of jieba's this frequent made by a shortened phrase's first character and the one before


@lru_cache(maxsize=8)
def _heads(terms: tuple[str, ...]) -> frozenset:
    """The first two characters of every term of four or more: a word of the glossary's own (截污 of 截污纳管,
    雨污 of 雨污分流) that jieba may lack."""
    return frozenset(term[:2] for term in terms if len(term) >= LEAST_TERM)


def _inside_term(text: str, at: int, size: int, terms: tuple, gap: int | None = None) -> bool:
    """Whether a term written whole in the text runs across an end of text[at:at + size] (雨污管网 holds
    污管网, which is then no 污水管网 less 水); one inside it (政务服务 of 政务服务台) says nothing, nor one
    wholly on one side of the gap, where the character was lost (嵌入养老服务中心: 养老服务中心 is
    written in 嵌入式养老服务中心 too)."""
    gap = at if gap is None else gap
    for term in terms:
        start = text.find(term, max(0, at - len(term) + 1))
        while 0 <= start < at + size:
            if (start < at or start + len(term) > at + size) and not (start >= gap or start + len(term) <= gap):
                return True
            start = text.find(term, start + 1)
    return False


# -- the letter's own compounds: a run of three to eight characters that another place writes one longer --

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
    bigrams = set(map(add, letter, letter[1:]))
    places: dict[str, list[int]] = {}  # a join → where the letter writes it, found when first asked (few are)
    starts = list(accumulate([0] + [len(text) + 1 for text in paragraphs[:-1]]))
    found, seen, failed, counts = [], set(), set(), {}

    def times(text: str) -> int:  # letter.count, once per string: a long letter repeats its phrases
        if text not in counts:
            counts[text] = letter.count(text)
        return counts[text]

    # letter[p - 1] + letter[p + 1]: what is left around letter[p] taken out, written elsewhere too, and
    # letter[p] a Chinese character that may be lost (no particle)
    for p in compress(count(1), map(and_, map(bigrams.__contains__, map(add, letter, letter[2:])), map(_losable().__contains__, letter[1:]))):
        x, join = letter[p], letter[p - 1] + letter[p + 1]
        paired = letter[p - 1:p + 1] in pairs or letter[p:p + 2] in pairs
        if join not in places:
            places[join] = list(_occurrences(letter, join))
        before, after = letter[p - 2:p - 1], letter[p + 2:p + 3]
        if not any(before and q and letter[q - 1] == before or after and letter[q + 2:q + 3] == after for q in places[join]):
            continue  # three characters without it written elsewhere (the join and one beside it), or no match
        for q in places[join]:
            if abs(q - p) < 3 or (letter[p - 2] != letter[q - 1] and letter[p + 2:p + 3] != letter[q + 2:q + 3]):
                continue  # three characters at least agree around the join, or no match
            left = right = 0
            while left < MOST_SHORT and left < q + 1 and letter[p - 1 - left] == letter[q - left] and _han(letter[q - left]) != "\x00":
                left += 1
            while left + right < MOST_SHORT and q + 1 + right < len(letter) and p + 1 + right < len(letter) \
                    and letter[p + 1 + right] == letter[q + 1 + right] and _han(letter[q + 1 + right]) != "\x00":
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
