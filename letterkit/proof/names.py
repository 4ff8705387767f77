"""Family 4: one organisation or place named in near-identical forms in one letter.

A short form that drops the leading place (福田区人才服务中心 → 区人才服务中心) is normal; a
form that differs inside the name (深港科技创新合作区 / 深港创新合作区, 人才 / 人材) is not.
Names are found by their last word (中心, 局, 合作区, 产业园 …) and compared right to left.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .registry import Finding, rule
from .text import CJK, get, per_text, prose

SUFFIX = ("委员会|办公室|办事处|服务中心|中心|管理局|局|合作区|产业园|科技园|科学园|园区|(?<!宅)基地|研究院|实验室|"
          "服务站|工作站|(?<=推广)站|医院|学校|学院|公司|集团|协会|商会|街道|社区")
# last words one body is miscalled by: a 学校 is no 学院, though the rest of the name is the same
LOOKALIKE_ENDS = ({"学校", "学院"}, {"服务中心", "服务站"}, {"中心", "站"})
RENAMED = (("局", "委员会"),)  # 城市管理委员会 renamed 城市管理局: one body, the old name left in a letter
END = re.compile(rf"({SUFFIX})$")


NOT_NAME = re.compile("现有|共有|已有|所有|全部|新建|建成|闲置|其中|以及|我们|我局|各类|相关|用于|作为|对于|关于|属于|位于|由于|针对|包括|其余")
SUFFIX_AT = re.compile(rf"(?:{SUFFIX})")
RUN_END = re.compile(rf"[{CJK}]+$")


# a kind of body counted (17个社区日间照料中心, 社区老年日间照料中心64个): a category, not one body's name
COUNT_AFTER = re.compile(r"\d+(?:余|多)?[个家所座处]")
COUNT_BEFORE = re.compile(r"\d+(?:余|多)?[个家所座处]$")


@per_text
def _mentions(text: str):
    """(offset, the 12 characters up to and including a name's last word, whether it is a kind of body
    counted) for each name-like run."""
    for match in SUFFIX_AT.finditer(text):
        start = max(0, match.end() - 12)
        run = RUN_END.search(text[start:match.end()])
        if not run or len(run.group()) < 4:
            continue
        offset, name = start + run.start(), run.group()
        if name[0] in "个家所座处" and offset and text[offset - 1].isdigit():
            offset, name = offset + 1, name[1:]  # 17个社区日间照料中心
        yield offset, name, bool(COUNT_AFTER.match(text, match.end()) or COUNT_BEFORE.search(text, 0, offset))


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
                        or ORDINAL.fullmatch(extra_a + extra_b):
                    return None  # a qualifier or a place: another body, not another spelling; words around a name
                if len(extra_a) == len(extra_b) == 1 and {extra_a, extra_b} <= SIBLING_CHARS:
                    return None  # 东区学校, 西区学校; 新城学校, 老城学校: siblings
                extra, anchor = (extra_a, anchor_a) if extra_a else (extra_b, anchor_b)
                if not (extra_a and extra_b) and 2 * extra in anchor[-len(extra):] + extra + a[len(a) - tail:][:len(extra)]:
                    return None  # 进一步一步优化学校: a word typed twice (doubled-character's), not a name
                if _known_kinds(a, b, extra_a, extra_b, a[len(a) - tail:]):
                    return None
                if not (extra_a and extra_b) and _short_form(extra, a[len(a) - tail:]):
                    return None
                return f"“{extra_a}”与“{extra_b}”" if extra_a and extra_b else f"“{extra_a or extra_b}”"
    return None


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


def _short_form(extra: str, tail: str) -> bool:
    """区级创业孵化基地 … 区级孵化基地: a facility or programme named in full and then without a word of its own
    (创业, a word of jieba's) where the full form's end is a glossary term (创业孵化基地) — the usual short form.
    Only a base or a park (…基地, …园区): a body (…局, …中心, …学校) is not shortened so (乡镇综合文化服务中心 …
    乡镇文化服务中心 is a slip)."""
    if not re.search("(?:基地|园区|产业园)$", tail) or len(extra) < 2 or (extra + tail) not in _glossary() and not any(
            (extra + tail)[:k] in _glossary() for k in range(len(extra) + 2, len(extra + tail))):
        return False
    from .missing import dictionary

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
    from .missing import dictionary

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


@rule("name-variant", "warning", "names", "同一机构、园区在一封信里只用一种名称",
      "“深港科技创新合作区”与“深港创新合作区”、“人才服务中心”与“人材服务中心”：名称中间差了字，读者不知道是不是同一处。"
      "省去开头的地名是正常的简称，不报；地名写短了又换了末尾的词（“福田区人才服务中心”与“福田人才服务站”）、"
      "一处成词一处不成词的一字之差（“县教育局”与“县教有局”）、前面四字相同而末尾的词前两字全换（“区公路事业发展中心”与"
      "“区公路事业服务中心”）要报；地名写全、末尾的词相同、中间一个字不同而两处都成词（“湾沚区技工学校”与“湾沚区技师学校”）、"
      "一个字写了一遍和两遍（“区中医院”与“区中医医院”）也报。兄弟机关（民政局与财政局）、序号（第一中学与第二中学）、"
      "方位新旧（东区与西区、新城与老城）不报。名称里两个词前后颠倒（“区就业管理服务中心”与“区就业服务管理中心”、"
      "“市场监督管理局”与“市场管理监督局”）也报。镇、乡、村、街道、路前的地名差一个字（不同音，不是东西新老、序号这类兄弟地名），"
      "一种写法只出现一次而另一种出现两次以上（差在地名末字），或两种写法后面是同一个一镇只有一处的机构（“磨山镇卫生院”……"
      "“磨石镇卫生院”），也报；并列的地名（“王庄村、王楼村”）和以常用词收尾的（“农村公路”“村道路”）不报。"
      "同一地方的政府部门（……局、……委员会、……办公室）一处多了机构改革合并进来的部分（“县自然资源局”与“县自然资源和规划局”、"
      "“县教育局”与“县教育体育局”、“县文化和旅游局”与“县文化广电和旅游局”），也报，版头的机关名称一并比对；上下级（市……局与区……局）、“县应急局”这样省去“管理”的简称不报。"
      "两处不同的部分各自在词表里跟末尾的词成词（“社区党群服务中心”与“社区卫生服务中心”）是两类机构，不报；基地、园区写全一次、"
      "后面省去词表里全称的一个词（“区级创业孵化基地”……“区级孵化基地”）是常见简称，不报。同一对写法只报一次。"
      "级别的字换了也报（levels.py）：同一地名一种写法写了两次以上、另一种只写一次（“黄花镇”两次、“黄花乡”一次，"
      "“东坪镇”与“东坪街道”），同一地方同一部门的“局”“厅”“委”（“市商务局”与“市商务厅”——厅是省级的，报“厅”；“区发改局”与"
      "“区发改委”报写得少的那个），同一学校名的学段（“东湖小学”两次、“东湖中学”一次，后面跟着同一件事的词如“扩建”）。"
      "同一个并列里的两处（“东山镇、东山乡”“东湖小学、东湖中学”）、镇里的村和镇政府、卫生院、城镇乡镇这样的常用词、"
      "不同地方的两级机关（“省商务厅”与“市商务局”）不报。同一类设施的两级（词表里的“居家养老服务中心”“社区卫生服务站”："
      "服务中心与服务站）不报。"
      "把握一般：两个不同机构恰好只差一两个字时也会报，所以是警告。",
      "深港科技创新合作区……深港创新合作区", "深港科技创新合作区……深港科技创新合作区（或“合作区”）")
def _names(c):
    seen: dict[str, list[str]] = {}  # by the last three characters: variants share at least those
    kinds: dict[str, list[str]] = {}  # names by their last character and by the two before their last word
    reported = set()
    counted_runs = set()  # names met as a kind of body counted (17个社区日间照料中心)
    recipient = c.data.get("recipient") if isinstance(c.data, dict) else None
    for _, run, _ in _mentions(recipient) if isinstance(recipient, str) else ():  # a co-handling opinion's lead unit
        seen.setdefault(run[-3:], []).append(run)

    def first_unreported(candidates, run, compare):
        """The first earlier name `compare` tells apart from `run` (each pair reported once; two kinds of
        body, each counted, are two categories, not one body's names)."""
        for earlier in candidates:
            if counted and earlier in counted_runs:
                continue
            difference = compare(earlier, run) if earlier != run else None
            if not difference:
                continue
            key = (min(earlier, run)[-6:], max(earlier, run)[-6:])
            same = (difference, run[-2:])  # the same two forms met again in longer runs (全区社区…, 建成社区…)
            if key not in reported and same not in reported:
                reported.update((key, same))
                return earlier, difference
        return None, None

    # one finding per slip: a mention one character off the signature is signature-variant's, a phrase
    # one character short of its form elsewhere (居家老服务中心) lost-character's
    said: list = []  # (spans other rules report, the shortened phrases themselves), read at the first need

    def said_elsewhere(path, start, end, earlier):
        """Whether the mention at path[start:end] is another rule's, or `earlier` is a shortened phrase met
        again as the earlier name of a later whole mention."""
        if not said:
            from .missing import shortened_phrases

            paragraphs = prose(c.data)
            shortened = shortened_phrases([t for _, t in paragraphs])
            said.append([(p, at, at + len(mention)) for p, at, mention, *_ in _signature_slips(c.data)]
                        + [(paragraphs[i][0], at, at + len(short)) for i, at, short, *_ in shortened])
            said.append({short for _, _, short, *_ in shortened})
        return any(p == path and s < end and start < e for p, s, e in said[0]) or any(earlier in short for short in said[1])

    for path, text in prose(c.data):
        for offset, run, counted in _mentions(text):
            if counted:
                counted_runs.add(run)
            bucket = seen.setdefault(run[-3:], [])
            earlier, difference = first_unreported(bucket, run, lambda a, b: _swapped(a, b) or _variant(a, b))
            if earlier is not None and not said_elsewhere(path, offset, offset + len(run), earlier):
                quoted, before = (_swap_quote(run, earlier), _swap_quote(earlier, run)) if "颠倒" in difference \
                    else (_quote(run, earlier), _quote(earlier, run))
                yield Finding(path, f"“{quoted}”与前文“{before}”相差{difference}，像是同一名称的两种写法",
                              "核对全称，全文统一", offset + len(run) - len(quoted))
            if run not in bucket:
                bucket.append(run)
            end = END.search(run) if run[-1] in NAME_LAST else None
            if end is None:
                continue
            # typos share the last character, the place written short and another last word the two before it
            core = run[:end.start()][-2:]
            renamed = _renamed_key(run)
            earlier, difference = first_unreported(
                kinds.get(run[-1], []) + kinds.get(core, []) + kinds.get(renamed, []), run, _body_variant)
            if earlier is not None and not said_elsewhere(path, offset, offset + len(run), earlier):
                quoted, before = (_swap_quote(run, earlier), _swap_quote(earlier, run)) if "颠倒" in difference else (_quote(run, earlier), _quote(earlier, run))
                yield Finding(path, f"“{quoted}”与前文“{before}”相差{difference}，像是同一机构的两种写法",
                              "核对全称，全文统一（简称只省去开头的地名）", offset + len(run) - len(quoted))
            for key in ((run[-1], core) if len(core) == 2 else (run[-1],)) + ((renamed,) if renamed else ()):
                if run not in kinds.setdefault(key, []):
                    kinds[key].append(run)
    yield from _bodies_with_a_part_added(c, reported)
    from .levels import level_variants

    for path, offset, message, hint in level_variants(c.data):
        yield Finding(path, message, hint, offset)
    from .homophones import place_variants

    for path, offset, once, end, other, often, facility in place_variants(c.data):
        where = f"都在“{facility}”前" if facility else f"写了 {often} 次"
        yield Finding(path, f"“{once}{end}”与信里{where}的“{other}{end}”差一个字，像是同一地方的两种写法",
                      "核对地名，全文统一", offset)


GOVERNMENT = re.compile("(?:局|委员会|办公室)$")
# what the reforms of 2018–2019 joined to a body's field (自然资源和规划局, 教育体育局, 文化广电和旅游局): a part
# that makes another real-looking name of the same body; 管理 and 事务 shorten a name (应急局), they are not here
ADDED_PART = re.compile("和[\u4e00-\u9fff]{1,4}|体育|规划|城乡|广电|广播电视|科技|旅游|文体|草原|信息化|农村|人防|能源|商务|大数据")


def _bodies_with_a_part_added(c, reported: set):
    """县自然资源局 (the organ, or a body paragraph) and 县自然资源和规划局: one government body of one place named
    with and without a part of a merged name, the organ's own name among the forms compared."""
    forms: list[str] = [n for n in (get(c.data, ("organ", "name")), get(c.data, ("organ", "short_name")))
                        if isinstance(n, str) and GOVERNMENT.search(n)]
    organs = len(forms)
    for path, text in prose(c.data):
        for offset, run, _ in _mentions(text) if ("局" in text or "委员会" in text or "办公室" in text) else ():
            if not GOVERNMENT.search(run):
                continue
            for number, earlier in enumerate(forms):
                found = _part_added(earlier, run) or _part_added(run, earlier)
                if not found or number >= organs and (_old_and_new(earlier, run) or _variant(earlier, run)):
                    continue  # 县农业局 … 县农业农村局, 县文化和旅游局 … 县文化广电和旅游局 in the body: said above
                difference, quoted, other = found if run.endswith(found[1]) else (found[0], found[2], found[1])
                key = ("added", difference, run[-1])
                if key not in reported:
                    reported.add(key)
                    yield Finding(path, f"“{quoted}”与本信别处的“{other}”相差“{difference}”，像是同一机构的两种名称",
                                  "核对这个机构现在的全称，全文统一", offset + len(run) - len(quoted))
                    break
            if run not in forms:
                forms.append(run)


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


@rule("signature-variant", "warning", "names", "署名与正文里的本机关名称一字之差",
      "原文没有版头时，署名是机关名称唯一的全称，写错一个字（“子洲县交通心输局”）就没有版头可比；正文里的本机关名称"
      "（“县交通运输局”）与署名的同样长的末尾只差一个字（不是省市县区这样的地名字），多半是其中一处写错。"
      "把握一般：两个兄弟机关（教育局、体育局）也可能只差一个字，所以是警告。",
      "（署名）子洲县交通心输局……（正文）县交通运输局", "（署名）子洲县交通运输局……（正文）县交通运输局")
def _signature_variant(c):
    for path, start, mention, signature, mine, theirs in _signature_slips(c.data):
        yield Finding(path, f"正文“{mention}”与署名“{signature}”差一个字（“{mine}”与“{theirs}”）",
                      "核对机关名称，署名和正文一致", start)


def _signature_slips(data):
    """(path, offset, mention, signature, its character, the signature's) of each mention of the organ one
    character off its signature; name-variant leaves these to signature-variant (one finding per slip)."""
    signature = data.get("signature")
    organ = data.get("organ") if isinstance(data.get("organ"), dict) else {}
    if not isinstance(signature, str) or len(signature) < 5 or not re.fullmatch(f"[{CJK}]+", signature) \
            or (isinstance(organ.get("name"), str) and organ["name"] != signature):
        return  # a letterhead to compare with: signature-organ's case
    last = signature[-1]
    for path, text in prose(data):
        if path == ("signature",) or last not in text:
            continue
        for end in (i + 1 for i, ch in enumerate(text) if ch == last):
            for length in range(min(len(signature), end), 4, -1):
                mention, tail = text[end - length:end], signature[-length:]
                differ = [k for k in range(length) if mention[k] != tail[k]]
                if len(differ) == 1 and 0 < differ[0] < length - 1 and mention[differ[0]] not in PLACE_CHARS and tail[differ[0]] not in PLACE_CHARS \
                        and re.fullmatch(f"[{CJK}]+", mention):
                    yield path, end - length, mention, signature, mention[differ[0]], tail[differ[0]]
                    break


PLACE_END = set("省市州盟县区旗镇乡")
JOINING = set("和与及")


# the short forms organs are named by (卫健委, 发改局, 住建局), which jieba's dictionary lacks
SHORT_FORMS = frozenset("卫健 发改 住建 人社 自规 规自 资规 市监 经信 工信 文旅 文广 文体 教体 城管 交运 政数 医保 退役 民宗 "
                        "统战 编办 残联 侨联 科协 台办 林草 农业农村 生态环境 机关事务 国资 网信 行政审批 数据资源 大数据 融媒体".split())
# a branch named by its place (…自然资源和规划局滨淮分局): the two or three characters before 分局 are a place
BRANCH = re.compile(f"(?<=[局委])[{CJK}]{{2,3}}(?=分局|分院|分中心|支队|大队|中队|派出所)")


WORD_ENDS = ("城乡", "社区", "园区", "景区", "街区", "小区", "片区")  # words, not places (宣城市 is one)


@lru_cache(maxsize=4096)
def _places(prefix: str) -> bool:
    """Whether a name's beginning reads as places only (莆田市涵江区, 农工党沭东县): each of two characters or more
    before its 市/区/县 — not 住房和城乡 (城乡建设局 is no place's 建设局) nor 白银市自县 (odd_characters once cut
    there and found every retyped character before the cut covered)."""
    if not prefix:
        return True
    return any((prefix[k - 1] in PLACE_END and not prefix[:k].endswith(WORD_ENDS)
                and not (PLACE_END | JOINING) & set(prefix[2:k - 1])  # 台州市, 呼和浩特市; not 白银市自县, 住房和丂乡
                or _street(prefix[:k])) and _places(prefix[k:])
               for k in range(3, min(len(prefix), 12) + 1))


def _street(segment: str) -> bool:
    """大良街道: a 街道's name, two to four characters before 街道, is a place as 顺德区 is."""
    return segment.endswith("街道") and 4 <= len(segment) <= 6 and not (PLACE_END | JOINING) & set(segment[:-2])


def odd_characters(name: str) -> list[str]:
    """The characters of an organ's name, after its place, that no word of jieba's dictionary covers
    (子洲县交通心输局 → 心, 输), in the reading that leaves fewest: empty for a name made of words."""
    from .missing import dictionary

    words = dictionary()[1]
    name = BRANCH.sub("", name)
    best = None
    for cut in [0] + [k for k in range(2, len(name) - 1) if (name[k - 1] in PLACE_END or name[:k].endswith("街道"))
                      and _places(name[:k])]:  # 农工党沭东县|支部
        rest = name[cut:]
        # fewest[i]: the fewest uncovered characters in rest[:i], and which they are
        fewest = [(0, [])] + [None] * len(rest)
        for i in range(1, len(rest) + 1):
            ch = rest[i - 1]
            alone = 0 if (i == len(rest) or ch in JOINING) else 1
            options = [(fewest[i - 1][0] + alone, fewest[i - 1][1] + ([ch] if alone else []))]
            options += [fewest[i - n] for n in (2, 3, 4) if i >= n and (rest[i - n:i] in words or rest[i - n:i] in SHORT_FORMS)]
            fewest[i] = min(options, key=lambda o: o[0])
        if best is None or fewest[-1][0] < len(best):
            best = fewest[-1][1]
    return best or []


@rule("organ-name-words", "warning", "names", "署名（机关名称）由词组成，没有不成词的单字",
      "去掉开头的地名后，机关名称应由词典里的词组成（住房|保障|和|房屋|管理局）；“交通心输局”里“心”“输”不成词，"
      "多半是打错了字。用 jieba 自带的词典和机关通用的简称（卫健、发改、住建……），分局前的地名（“……规划局滨淮分局”）不看，只看署名和版头的机关名称。"
      "开头的地名只认每段两个字以上、以省市县区乡镇结尾的（“住房和城乡”不是地名，“住资和城乡建设局”要报）。在已发布和合成信的 247 个机关名称上不报；"
      "把握一般（词典不收的专名也会报），所以是警告。",
      "子洲县交通心输局", "子洲县交通运输局")
def _organ_words(c):
    organ = c.data.get("organ") if isinstance(c.data.get("organ"), dict) else {}
    places = [(("signature",), c.data.get("signature")), (("organ", "name"), organ.get("name"))]
    seen = set()
    for path, name in places:
        if not isinstance(name, str) or name in seen or len(name) < 5 or not re.fullmatch(f"[{CJK}]+", name):
            continue
        seen.add(name)
        odd = odd_characters(name)
        if odd:
            yield Finding(path, f"机关名称“{name}”里“{'”“'.join(odd)}”不成词，可能打错了字", "核对机关全称", name.index(odd[0]))


COUNTY = re.compile(f"^(?:[{CJK}]{{2,5}}?[省])?(?:[{CJK}]{{2,5}}?[市州盟])?([{CJK}]{{2,4}}?[区县旗])")


CITY = re.compile(f"^(?:[{CJK}]{{2,5}}?[省])?([{CJK}]{{2,4}}?[市州盟])")


def _city(name) -> str | None:
    """白银市 in 白银市自然资源局: the city an organ's name opens with, when it names no county."""
    match = CITY.match(name) if isinstance(name, str) else None
    return match.group(1) if match and len(match.group(1)) >= 3 else None


def _county(name) -> str | None:
    """临平区 in 杭州市临平区交通运输局: the county-level place an organ's name opens with (after its city)."""
    match = COUNTY.match(name) if isinstance(name, str) else None
    return match.group(1) if match and len(match.group(1)) >= 3 else None


@rule("signature-place", "warning", "names", "署名的区县与信里别处写的本地区县一致",
      "署名“杭州市临平区交通运输局”，版记的印发机关、收信单位却是“余杭区”的：套用别区的模板或写错了署名。"
      "只比对署名开头的区、县、旗（没有区县时比市）与版记印发机关、收信单位里的区县（同一个字结尾），而且署名的区县在信里别处从未出现时才报；"
      "正文、会议届次和来件标题里同样长、首字相同、只差一个字的地名（署名“子建县交通运输局”，正文“政协子洲县第十届……”）也报。"
      "把握一般（跨区答复也会报），所以是警告。",
      "（署名）杭州市临平区交通运输局……（印发机关）杭州市余杭区交通运输局办公室", "（署名）杭州市余杭区交通运输局")
def _signature_place(c):
    signature = c.data.get("signature")
    own = _county(signature) or _city(signature)
    if own is None:
        return
    # the 版记's 印发机关 and a recipient body (民盟余杭区基层委员会); not a salutation, where a person's name
    # runs into the place (尊敬的黄秀英县人大代表)
    texts = [t for t in (c.data.get("printer"), c.data.get("recipient")) if isinstance(t, str)]
    short = own[:-1] if len(own) >= 3 else own
    everywhere = [t for t in texts + [t for p, t in prose(c.data) if p != ("signature",)]]
    if any(short in t for t in everywhere):
        return  # the signature's place is named elsewhere: the letter is its own
    session, title = get(c.data, ("proposal", "session")), get(c.data, ("proposal", "title"))
    elsewhere = [t for t in [session, title] if isinstance(t, str)] + [t for p, t in prose(c.data) if p != ("signature",)]
    for text in elsewhere:  # 政协子洲县第十届…… beside the signature 子建县交通运输局: one character retyped
        for at in (i for i, ch in enumerate(text) if ch == own[-1] and i >= len(own) - 1):
            other = text[at - len(own) + 1:at + 1]
            differ = [k for k in range(len(own) - 1) if other[k] != own[k]]
            # the first character kept: 老城区, 新城区, 主城区 are words, not another 阿城区
            if differ and differ[0] > 0 and len(differ) == 1 and re.fullmatch(f"[{CJK}]+", other) \
                    and not PLACE_CHARS & {other[differ[0]], own[differ[0]]}:
                yield Finding(("signature",), f"署名的“{own}”在信里别处没有出现，别处写的是“{other}”，只差一个字",
                              "核对署名（和版头）里的地名", signature.index(own))
                return
    for text in texts:
        for at in (i for i, ch in enumerate(text) if ch == own[-1] and i >= len(own) - 1):
            other = text[at - len(own) + 1:at + 1]  # as long as the signature's: 余杭区 beside 临平区
            if other != own and re.fullmatch(f"[{CJK}]+", other) and not PLACE_CHARS & set(other[:-1]):
                yield Finding(("signature",), f"署名的“{own}”在信里别处没有出现，“{text}”写的却是“{other}”",
                              "核对署名（和版头）是不是本机关的全称", signature.index(own))
                return
