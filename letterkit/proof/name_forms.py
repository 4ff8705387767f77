"""How two forms of one name differ, for name-variant: a typo (人才 / 人材), a character changed,
doubled or two changed, an old and a new name of one body (水利局 / 水务局), a part added (文化和旅游局),
two words swapped, a company's legal form.  Each comparison answers with the words that differ (quoted
for the message) or None; none reads a draft."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import CJK

SUFFIX = ("委员会|办公室|办事处|服务中心|中心|管理局|局|合作区|产业园|科技园|科学园|园区|(?<!宅)基地|研究院|实验室|"
          "服务站|工作站|(?<=推广)站|医院|学校|学院|公司|集团|协会|商会|街道|社区")
# last words one body is miscalled by: a 学校 is no 学院, though the rest of the name is the same
LOOKALIKE_ENDS = ({"学校", "学院"}, {"服务中心", "服务站"}, {"中心", "站"})
RENAMED = (("局", "委员会"),)  # 城市管理委员会 renamed 城市管理局: one body, the old name left in a letter
END = re.compile(rf"({SUFFIX})$")


NOT_NAME = re.compile("现有|共有|已有|所有|全部|新建|建成|闲置|其中|以及|我们|我局|各类|相关|用于|作为|对于|关于|属于|位于|由于|针对|包括|其余")

GOVERNMENT = re.compile("(?:局|委员会|办公室)$")

PLACE_CHARS = set("省市县区镇乡街州盟")
ORDINAL = re.compile("[一二三四五六七八九十〇零0-9]+")  # 第一人民医院, 第二人民医院: two bodies
# bodies of one kind that a place has several of, told apart by one character: 东区/西区, 第一/第二
SIBLING_CHARS = set("东西南北中上下前后新老大小内外高初一二三四五六七八九十") | PLACE_CHARS
OFFICE = re.compile("(?:局|委员会|办公室|办事处|街道|社区)$")  # 民政局/财政局, 教育局/体育局: sister offices


NAME_LAST = {suffix[-1] for suffix in re.sub(r"\(\?<!.\)", "", SUFFIX).split("|")}


def _quote(a: str, b: str) -> str:
    """The part of name a to quote beside b: from four characters before the first difference counted from
    the right, at most what a has (福田区人材服务中心, not 田区人材服务中心)."""
    end_a, end_b = END.search(a), END.search(b)
    if end_a and end_b and end_a.group() != end_b.group():  # compare the cores when the last words differ
        return _quote(a[:end_a.start()], b[:end_b.start()]) + end_a.group()
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    rest_a, rest_b = a[:len(a) - tail], b[:len(b) - tail]
    for gap_a, gap_b in sorted(((x, y) for x in range(5) for y in range(5)), key=sum):
        head_a, head_b = rest_a[:len(rest_a) - gap_a], rest_b[:len(rest_b) - gap_b]
        same = 0  # the characters before the difference that both have, up to four
        while same < min(4, len(head_a), len(head_b)) and head_a[-1 - same] == head_b[-1 - same]:
            same += 1
        if same >= 2 or (same == len(head_a) and gap_a + gap_b):
            return a[len(head_a) - same:]
    return a[-(tail + 5):]


@lru_cache(maxsize=65536)  # a department's drafts name the same bodies again and again
def _variant(a: str, b: str) -> str | None:
    """How b differs from a inside the name, if it does: a common tail (the last word and more), a
    common anchor of two characters before it, and a short difference between them."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if tail < 3 or not END.search(a[len(a) - tail:]):
        return None
    a_rest, b_rest = a[:len(a) - tail], b[:len(b) - tail]
    for gap_a in range(0, 3):
        for gap_b in range(0, 5):
            if gap_a == gap_b == 0 or (gap_a and gap_b and gap_a != gap_b):
                continue
            anchor_a, anchor_b = a_rest[:len(a_rest) - gap_a], b_rest[:len(b_rest) - gap_b]
            if len(anchor_a) >= 2 and len(anchor_b) >= 2 and anchor_a[-2:] == anchor_b[-2:]:
                extra_a, extra_b = a_rest[len(anchor_a):], b_rest[len(anchor_b):]
                if NOT_NAME.fullmatch(anchor_a[-2:]):
                    return None  # 关于固堤街道 and 关于解决固堤街道: the name starts after 关于, the rest are words before it
                if re.search("[市区县省镇街]|以上|级", extra_a + extra_b) or NOT_NAME.search(extra_a + extra_b) \
                        or ORDINAL.fullmatch(extra_a + extra_b) or _count_or_description(extra_a + extra_b, a[len(a) - tail:]):
                    return None  # a qualifier or a place: another body, not another spelling; words around a name
                if len(extra_a) == len(extra_b) == 1 and {extra_a, extra_b} <= SIBLING_CHARS:
                    return None  # 东区学校, 西区学校; 新城学校, 老城学校: siblings
                extra, anchor = (extra_a, anchor_a) if extra_a else (extra_b, anchor_b)
                if not (extra_a and extra_b) and 2 * extra in anchor[-len(extra):] + extra + a[len(a) - tail:][:len(extra)]:
                    return None  # 进一步一步优化学校: a word typed twice (doubled-character's), not a name
                if _known_kinds(a, b, extra_a, extra_b, a[len(a) - tail:]):
                    return None
                if not (extra_a and extra_b) and (_short_form(extra, a[len(a) - tail:])
                                                  or _kind_and_subkind(extra, a[len(a) - tail:])
                                                  or _kind_of_service(extra, a[len(a) - tail:])):
                    return None
                return f"“{extra_a}”与“{extra_b}”" if extra_a and extra_b else f"“{extra_a or extra_b}”"
    return None


# how many of the body there are (两处, 3个, 各): said before a name, it counts the bodies, it names none of them
COUNT = re.compile("[0-9一二两三四五六七八九十百几多数各每][个处所家座间批类级]?")


def _count_or_description(extra: str, tail: str) -> bool:
    """街道两处综合养老服务中心 beside 街道综合养老服务中心: the part one form adds is a count of the bodies (两处,
    3个); 具备开放条件的学校 beside 具备条件的学校: the tail holds 的, a description of what the body is like (a
    body's name is written without 的) — neither is a second name of one body."""
    return bool(COUNT.fullmatch(extra)) or "的" in tail


def _glossary() -> frozenset:
    from ..proof.repetition import _glossary_words

    return _glossary_words()


def _known_kinds(a: str, b: str, extra_a: str, extra_b: str, tail: str) -> bool:
    """社区党群服务中心 and 社区卫生服务中心: two parts with no character in common, each in a name ending with a
    term of letterkit's glossary that holds the part (党群服务中心, 社区卫生服务中心) — two real kinds of centre."""
    if not (extra_a and extra_b) or set(extra_a) & set(extra_b):
        return False
    terms = _glossary()
    return all(any(name[-size:] in terms for size in range(len(part) + len(tail), len(name) + 1))
               for name, part in ((a, extra_a), (b, extra_b)))


def _two_levels(core: str, end_a: str, end_b: str) -> bool:
    """社区居家养老服务中心 and 社区居家养老服务站: a kind of facility (a glossary term with either last word,
    居家养老服务中心, 社区卫生服务站) that stands at two levels, a centre and its stations — both real."""
    if "站" not in end_a + end_b:
        return False
    terms = _glossary()
    return any(core[-k:] + end in terms for k in range(4, min(len(core), 8) + 1) for end in (end_a, end_b))


def listed_together(a: str, b: str, letter: str) -> bool:
    """唐冶街道 and 唐王街道: the letter lists the two names side by side somewhere (含唐冶街道、唐王街道10座) — two
    bodies named alike, not one body's two spellings.  The names are read from a character or more before the
    first difference to the end."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    for size in range(tail + 2, min(len(a), len(b), tail + 6) + 1):
        one, other = a[-size:], b[-size:]
        if any(one + sep + other in letter or other + sep + one in letter for sep in "、和与及"):
            return True
    return False


def _kind_and_subkind(extra: str, tail: str) -> bool:
    """实施寄宿制学校 … 实施农村寄宿制学校: a kind of school named by letterkit's glossary (寄宿制学校) and the same with a
    word before it that the glossary names too (农村寄宿制学校) — a category and a narrower one, not one name's two
    spellings."""
    terms = _glossary()
    return tail.endswith(SCHOOL_KINDS) and tail in terms and extra + tail in terms


def _kind_of_service(extra: str, tail: str) -> bool:
    """社区养老服务站 … 社区居家养老服务站: the facility's kind is a glossary term (养老服务站) and the part the longer
    name adds makes, with the kind's first word, a kind of that service the glossary names too (居家养老: care at
    home) — a station named by its general kind and by its narrower one, both in use.  A part that names no service
    of its own (综合 of 乡镇综合文化服务中心: 综合文化 is no term) is a word of the body's name, still reported."""
    terms = _glossary()
    return len(extra) >= 2 and tail in terms and any(extra + tail[:k] in terms for k in range(2, len(tail) - 1))


# schools are named by category (寄宿制学校, 农村寄宿制学校, 公办幼儿园); a centre's words are its name's (乡镇文化服务中心
# beside 乡镇综合文化服务中心 is a slip, though both are glossary terms)
SCHOOL_KINDS = ("学校", "幼儿园")


def _short_form(extra: str, tail: str) -> bool:
    """区级创业孵化基地 … 区级孵化基地: a facility or programme named in full and then without a word of its own
    (创业, a word of jieba's) where the full form's end is a glossary term (创业孵化基地) — the usual short form.
    Only a base or a park (…基地, …园区): a body (…局, …中心, …学校) is not shortened so (乡镇综合文化服务中心 …
    乡镇文化服务中心 is a slip)."""
    if not re.search("(?:基地|园区|产业园)$", tail) or len(extra) < 2 or (extra + tail) not in _glossary() and not any(
            (extra + tail)[:k] in _glossary() for k in range(len(extra) + 2, len(extra + tail))):
        return False
    from .dictionary import dictionary

    return extra in dictionary()[1]


@lru_cache(maxsize=65536)
def _typo(a: str, b: str) -> str | None:
    """县教育局 and 县教有局: the same name's last word, one character differs before it with two the same
    before that, and jieba's dictionary makes a word of it in one (教育) and none in the other (教有, 有局)."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    k = tail + 1  # the differing character, counted from the end
    if not END.search(a[len(a) - tail:]) or min(len(a), len(b)) < k + 2 or a[-k - 2:-k] != b[-k - 2:-k] \
            or (a[-k] in PLACE_CHARS and b[-k] in PLACE_CHARS):  # 区教育局, 县教育局: two places
        return None
    from .dictionary import dictionary

    words = dictionary()[1]

    def worded(name: str) -> bool:
        at = len(name) - k
        return any(name[i:j] in words for i in range(at - 3, at + 1) for j in range(at + 1, at + 5)
                   if i >= 0 and 2 <= j - i <= 4 and j <= len(name))
    if worded(a) and not worded(b):
        return f"“{b[-k]}”（应为“{a[-k]}”？）"
    return None


@lru_cache(maxsize=65536)
def _two_changed(a: str, b: str) -> str | None:
    """区公路事业发展中心 and 区公路事业服务中心: the same last word, two characters before it changed and at
    least four the same before those — one body whose name was retyped from memory.  Right after the place
    they must share a character (大武口区热力公司, 大武口区供热公司): 自治县人民医院 and 自治县中医医院 are two."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if not END.search(a[len(a) - tail:]) or min(len(a), len(b)) < tail + 6:
        return None
    changed_a, changed_b = a[-tail - 2:-tail], b[-tail - 2:-tail]
    if changed_a[0] == changed_b[0] or a[-tail - 6:-tail - 2] != b[-tail - 6:-tail - 2] \
            or (a[-tail - 3] in PLACE_CHARS and not set(changed_a) & set(changed_b)) \
            or PLACE_CHARS & set(changed_a + changed_b) or NOT_NAME.search(changed_a + changed_b) \
            or ORDINAL.search(changed_a + changed_b) \
            or not re.fullmatch(f"[{CJK}]{{6}}", a[-tail - 6:-tail]):
        return None
    return f"“{changed_a}”与“{changed_b}”"


@lru_cache(maxsize=65536)
def _one_changed(a: str, b: str) -> str | None:
    """湾沚区技工学校 and 湾沚区技师学校: one place named in full (two characters and more before 区), one
    institution's last word, and one character between them differs although both read as words — one
    school named two ways.  Offices (民政局, 财政局) and siblings (第一/第二, 东区/西区) are two bodies."""
    end = END.search(a)
    if not end or not b.endswith(end.group()) or OFFICE.search(a):
        return None
    tail = 0  # compared from the right: the same tail, one character differing, the same words before it
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    at, at_b = len(a) - tail - 1, len(b) - tail - 1
    if at < 3 or at_b < 3 or at >= end.start() or a[at] in SIBLING_CHARS or b[at_b] in SIBLING_CHARS \
            or not re.fullmatch(f"[{CJK}]{{2}}", a[at] + b[at_b]):
        return None
    same = 0
    while same < min(at, at_b) and a[at - 1 - same] == b[at_b - 1 - same]:
        same += 1
    place = max((i for i in range(at - same, at) if a[i] in "区县市旗镇乡"), default=-1)
    if place - (at - same) < 2 or end.start() - place - 1 > 6:
        return None  # no place named in full (湾沚区, not 区), or the body's own words too long to be one name
    return f"“{a[at]}”与“{b[at_b]}”"


@lru_cache(maxsize=65536)
def _one_doubled(a: str, b: str) -> str | None:
    """区中医院 and 区中医医院: one name with a character written once and twice — both forms are in use, a
    letter keeps one.  The same tail with the last word, the doubled character, and two or more the same
    before it (同时由县中医院 and 县中医医院: the words before the name may differ)."""
    end = END.search(a)
    if not end or not b.endswith(end.group()):
        return None
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if tail < len(end.group()):
        return None
    for longer, shorter in ((a, b), (b, a)):
        at = len(longer) - tail - 1  # the extra character, the same as the one after it
        rest = shorter[:len(shorter) - tail]
        if at >= 2 and longer[at] == longer[at + 1] and len(rest) >= 2 and longer[at - 2:at] == rest[-2:] \
                and re.fullmatch(f"[{CJK}]", longer[at]) and longer[at] not in SIBLING_CHARS:
            return f"“{rest[-1]}{shorter[len(shorter) - tail:]}”与“{longer[at - 1:]}”"
    return None


@lru_cache(maxsize=65536)
def _renamed(name: str) -> tuple[str, str] | None:
    """(the RENAMED end the name has, the name before it) — 城市管理局 → (局, 城市管理) — read once per name."""
    for pair in RENAMED:
        for end in pair:
            if name.endswith(end):
                return end, name[:-len(end)]
    return None


def _renamed_key(name: str) -> str | None:
    """The five characters before 局 or 委员会: where a body's old and new names meet (see RENAMED)."""
    found = _renamed(name)
    return "renamed:" + found[1][-5:] if found and len(found[1]) >= 5 else None


# the words a body's name changed by in the reforms of 2018–2019: one county has one of them, and a letter
# naming both (区水利局 … 区水务局) names one body two ways
OLD_AND_NEW = (("水利", "水务"), ("卫生和计划生育", "卫生健康"), ("卫计", "卫健"), ("国土资源", "自然资源"),
               ("环境保护", "生态环境"), ("环保", "生态环境"), ("文化广电新闻出版", "文化和旅游"), ("旅游发展", "文化和旅游"),
               ("安全生产监督管理", "应急管理"), ("安监", "应急管理"), ("食品药品监督管理", "市场监督管理"), ("农业", "农业农村"))


OLD_WORD = re.compile("|".join(old for old, _ in OLD_AND_NEW))


@lru_cache(maxsize=65536)
def _old_and_new(a: str, b: str) -> str | None:
    """区水利局 and 区水务局: one place, one last word, an old and a new name of the body between them."""
    if not (OLD_WORD.search(a) or OLD_WORD.search(b)):
        return None  # most pairs: neither holds an old name
    for old, new in OLD_AND_NEW:
        for x, y in ((a, b), (b, a)):
            at_x, at_y = x.rfind(old), y.rfind(new)
            if at_x > 0 and at_y > 0 and x[at_x + len(old):] == y[at_y + len(new):] and END.fullmatch(x[at_x + len(old):] or "-") \
                    and x[at_x - 1] == y[at_y - 1] and x[at_x - 1] in PLACE_CHARS and new not in x:
                return f"“{old}”与“{new}”（新旧名称）"
    return None


@lru_cache(maxsize=65536)
def _kind_variant(a: str, b: str) -> str | None:
    """福田区人才服务中心 and 福田人才服务站: the place written short and another last word — one body named two
    ways.  Only the last word differing (服务中心, 服务站) may be two bodies; that is not reported."""
    found_a, found_b = _renamed(a), _renamed(b)
    if found_a and found_b and found_a[0] != found_b[0]:
        (end_x, core_x), (end_y, core_y) = sorted((found_a, found_b), key=lambda f: f[0] != RENAMED[0][0])  # 局 first
        if len(core_x) >= 6 and len(core_y) >= 6 and core_x[-6:] == core_y[-6:]:  # 山区城市管理: a place and its office
            return f"“{end_x}”与“{end_y}”"
    renamed = _old_and_new(a, b)
    if renamed:
        return renamed
    end_a, end_b = END.search(a), END.search(b)
    if not (end_a and end_b) or end_a.group() == end_b.group():
        return None
    core_a, core_b = a[:end_a.start()], b[:end_b.start()]
    if {end_a.group(), end_b.group()} in LOOKALIKE_ENDS and len(core_a) >= 5 and core_a[-5:] == core_b[-5:] \
            and (core_a.endswith(core_b) or core_b.endswith(core_a) or min(len(core_a), len(core_b)) >= 6) \
            and not _two_levels(core_a, end_a.group(), end_b.group()):
        return f"“{end_a.group()}”与“{end_b.group()}”"
    tail = 0
    while tail < min(len(core_a), len(core_b)) and core_a[-1 - tail] == core_b[-1 - tail]:
        tail += 1
    if tail < 2:
        return None
    rest_a, rest_b = core_a[:len(core_a) - tail], core_b[:len(core_b) - tail]
    longer, shorter = (rest_a, rest_b) if len(rest_a) > len(rest_b) else (rest_b, rest_a)
    if len(longer) == len(shorter) + 1 and longer[-1] in "区县市" and len(shorter) >= 2 and longer[:-1].endswith(shorter[-2:]):
        return f"“{longer[-1]}”和“{end_a.group()}”与“{end_b.group()}”"
    return None


# what the reforms of 2018–2019 joined to a body's field (自然资源和规划局, 教育体育局, 文化广电和旅游局): a part
# that makes another real-looking name of the same body; 管理 and 事务 shorten a name (应急局), they are not here
ADDED_PART = re.compile("和[\u4e00-\u9fff]{1,4}|体育|规划|城乡|广电|广播电视|科技|旅游|文体|草原|信息化|农村|人防|能源|商务|大数据")


@lru_cache(maxsize=65536)
def _part_added(short: str, long: str) -> tuple[str, str, str] | None:
    """(the part, long and short quoted from the place on) when `long` adds a part to `short` before their common
    last word (县自然资源局, 由县自然资源和规划局: “和规划”) or inside (住房和建设局: “城乡”), both one place's body: the words before the part end with what `short` has before its
    last word, from a place's character on (县自然资源, 区自然资源 of 朝阳区自然资源) — 市自然资源局 and
    区自然资源和规划局 are two levels' bodies."""
    end = GOVERNMENT.search(short)
    if not end or not long.endswith(end.group()):
        return None
    whole, rest = short[:end.start()], long[:len(long) - len(end.group())]
    # the part before the last word (和规划局) or inside (文化广电和旅游局, 住房和城乡建设局), of any length it may have
    parts = [(i, j) for i in range(1, len(rest)) for j in range(i + 2, min(len(rest), i + 5) + 1) if ADDED_PART.fullmatch(rest, i, j)]
    for start, stop in parts:
        after, added = rest[stop:], rest[start:stop]
        if re.search("[省市县区旗州镇]|(?<!城)乡", added) or not whole.endswith(after) or len(whole) == len(after):
            continue
        core, head = whole[:len(whole) - len(after)], rest[:start]
        same = 0
        while same < min(len(core), len(head)) and core[-1 - same] == head[-1 - same]:
            same += 1
        common = core[len(core) - same:]
        if same >= 3 and common[0] in "省市县区旗州" and len(common) >= 3:
            return added, common + added + after + end.group(), common + after + end.group()
    return None


@lru_cache(maxsize=65536)
def _swapped(a: str, b: str) -> str | None:
    """区就业管理服务中心 and 区就业服务管理中心, 市场监督管理局 and 县市场管理监督局: one body's name with two of its
    words (two characters or more each) in the other order before the same last word, after the same two
    characters (就业, 市场) or the same place (镇农业综合服务站) — both read as names, only one is the body's."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if not tail or not END.search(a[len(a) - tail:]):
        return None
    for size in range(4, min(len(a), len(b)) - tail + 1):
        span_a, span_b = a[len(a) - tail - size:len(a) - tail], b[len(b) - tail - size:len(b) - tail]
        head_a, head_b = a[:len(a) - tail - size], b[:len(b) - tail - size]
        if not (head_a[-2:] == head_b[-2:] and len(head_a) >= 2 or head_a[-1:] == head_b[-1:] and head_a[-1:] in PLACE_CHARS):
            continue  # the name's first words differ: 云服务创新中心 and 应用创新服务中心 are two bodies
        for cut in range(2, size - 1):
            if span_b == span_a[cut:] + span_a[:cut] and re.fullmatch(f"[{CJK}]+", span_a) \
                    and not PLACE_CHARS & set(span_a) and not NOT_NAME.search(span_a + span_b):
                return f"“{span_a[:cut]}”与“{span_a[cut:]}”前后颠倒"
    return None


def _swap_quote(a: str, b: str) -> str:
    """The part of name a to quote beside b when two words are swapped: the common tail, the swapped words
    and one character before them (县市场管理监督局, not the words of the sentence before it)."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    size = next((n for n in range(4, min(len(a), len(b)) - tail + 1)
                 if sorted(a[len(a) - tail - n:len(a) - tail]) == sorted(b[len(b) - tail - n:len(b) - tail])), len(a) - tail)
    return a[max(0, len(a) - tail - size - 1):]


@lru_cache(maxsize=65536)  # asked of every earlier name of the same last character, in every draft
def _body_variant(a: str, b: str) -> str | None:
    """How b differs from a as one body named two ways, if it does: the first of the comparisons that answers."""
    return _swapped(a, b) or _typo(a, b) or _typo(b, a) or _kind_variant(a, b) or _two_changed(a, b) \
        or _one_changed(a, b) or _one_doubled(a, b) or _company_form(a, b)


@lru_cache(maxsize=65536)
def _company_form(a: str, b: str) -> str | None:
    """…公共交通有限公司 and …公共交通有限责任公司: one company, its legal form written in full once and short once
    (the 公司法 allows both); the names before the form agree in four characters or more."""
    for x, y in ((a, b), (b, a)):
        if x.endswith("有限责任公司") and y.endswith("有限公司") and not y.endswith("有限责任公司"):
            core_x, core_y = x[:-6], y[:-4]
            same = 0
            while same < min(len(core_x), len(core_y)) and core_x[-1 - same] == core_y[-1 - same]:
                same += 1
            if same >= 4:
                return "“有限公司”与“有限责任公司”"
    return None
