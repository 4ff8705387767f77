"""name-variant's level words: one place, body or school named once with another level than elsewhere.

黄花镇 twice and 黄花乡 once, 市商务局 and 市商务厅 (厅 is a province's), 东湖小学 twice and 东湖中学 once in a
sentence about the same project: one thing, its level word retyped.  Two places of one name really listed
together (东山镇、东山乡) and two bodies of two places (省商务厅, 市商务局) are quiet.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .text import CJK, get, prose

PLACE_LEVELS = re.compile(f"(?=([{CJK}]{{2}})(镇|乡|街道))")
# words that end in 镇 or 乡 without naming a place (城镇, 乡镇, 家乡, 下乡, 古镇 …)
GENERIC = set("城镇 城乡 乡镇 村镇 小镇 集镇 家乡 故乡 老乡 下乡 返乡 重镇 古镇 水乡 异乡 他乡 本乡 全乡 该镇 名镇 强镇 "
              "大镇 各镇 全镇 本镇 我镇 该乡 各乡 我乡 原乡".split())
NOT_IN_NAME = set("省市县区镇乡村街道在该本全各此每其的和与及等到从对向由为是个所有")
AFTER_NOT_PLACE = set("村亲愁贤土情音化")  # 乡村, 乡亲, 城镇化: the suffix begins another word
BODY_LEVELS = re.compile(f"(?=([省市县区])([{CJK}]{{2,4}}?)(局|厅|委(?!员)))")
# words before 区/县/市 that make the place another level: 自治区 is a province's (its 厅 is right), 自治县 a
# county's, 特别行政区, 直辖市 and 地级市 others again — the body of 自治区 is no 区's one named two ways
LEVEL_BEFORE = {"自治": "自治", "行政": "行政", "直辖": "直辖", "地级": "地级", "县级": "县级"}
PROVINCIAL = {"省", "自治区", "行政区", "直辖市"}  # whose departments are 厅
NOT_BEFORE_PLACE = set("城超都社园景小街片校营门菜集股夜上")  # 城市, 社区, 园区: no level of government
SCHOOL_LEVELS = re.compile(f"(?=([{CJK}]{{2}})(小学|中学|初中|高中|幼儿园))")
CLAUSE = re.compile("[^，。；：！？《》（）“”()]+")


def _clause_items(text: str, at: int) -> list[str]:
    """The items of the enumeration (…、…、…) the clause around text[at] holds, or the clause alone."""
    for match in CLAUSE.finditer(text):
        if match.start() <= at < match.end():
            return match.group().split("、")
    return []


def _listed_together(text: str, at: int, other: str) -> bool:
    """Whether `other` is another item of the enumeration the name at text[at] stands in (东山镇、东山乡)."""
    items = _clause_items(text, at)
    return len(items) > 1 and any(other in item for item in items)


def _once_and_often(mentions: dict) -> list:
    """(once, often, times) for each pair of forms of one name, one written once and the other twice or more."""
    found = []
    for name, forms in mentions.items():
        counts = {form: len(places) for form, places in forms.items()}
        for once in [f for f, n in counts.items() if n == 1]:
            for often in [f for f, n in counts.items() if n >= 2]:
                found.append((once, often, counts[often], forms[once][0]))
    return found


def level_variants(data: dict):
    """(path, offset, message, hint) of each place, body or school named with another level word once."""
    paragraphs = [(path, text) for path, text in prose(data) if isinstance(text, str)]
    yield from _places(paragraphs)
    yield from _bodies(data, paragraphs)
    yield from _schools(paragraphs)


def _places(paragraphs):
    mentions: dict = defaultdict(lambda: defaultdict(list))
    for number, (path, text) in enumerate(paragraphs):
        for match in PLACE_LEVELS.finditer(text):
            name, level = match.group(1), match.group(2)
            end = match.start() + 2 + len(level)
            if NOT_IN_NAME & set(name) or name[-1] + level[0] in GENERIC or not re.fullmatch(f"[{CJK}]+", name) \
                    or text[end:end + 1] in AFTER_NOT_PLACE and level == "乡":
                continue
            mentions[name][name + level].append((number, match.start()))
    for once, often, times, (number, at) in _once_and_often(mentions):
        path, text = paragraphs[number]
        if _listed_together(text, at, often):
            continue  # 东山镇、东山乡: two places
        yield path, at, f"“{once}”与信里写了 {times} 次的“{often}”地名相同而乡镇级别不同，像是同一地方的两种写法", \
            "核对这个地方是镇、乡还是街道，全文统一"


def _bodies(data, paragraphs):
    mentions: dict = defaultdict(lambda: defaultdict(list))
    organ = [get(data, ("organ", "name")), data.get("signature")]
    texts = list(enumerate(paragraphs)) + [(None, (None, t)) for t in organ if isinstance(t, str)]
    for number, (path, text) in texts:
        for match in BODY_LEVELS.finditer(text):
            place, field, level = match.groups()
            if match.start() and text[match.start() - 1] in NOT_BEFORE_PLACE or set(field) & set("省市县区镇乡街") \
                    or not re.fullmatch(f"[{CJK}]+", field):
                continue
            # 自治区水利厅: a region's department (厅 is right there), no 区's; 自治州, 自治县, 特别行政区 likewise
            # hold the level in the words before the place's character, which belong to it
            before = LEVEL_BEFORE.get(text[max(0, match.start() - 2):match.start()], "")
            place = before + place
            mentions[(place, field)][place + field + level].append((number, match.start() - len(before)))
    for (place, field), forms in mentions.items():
        if len(forms) < 2:
            continue
        levels = {form[-1]: form for form in forms}
        if "厅" in levels and place not in PROVINCIAL:
            wrong = levels["厅"]  # 厅 is a province's: 市商务厅 beside 市商务局
        else:  # 区发改局 and 区发改委: the form written fewer times, of those the later one
            wrong = min(forms, key=lambda form: (len(forms[form]), -max(p[0] if p[0] is not None else -1 for p in forms[form])))
        others = [form for form in forms if form != wrong]
        placed = [p for p in forms[wrong] if p[0] is not None]
        if not placed or not others:
            continue
        number, at = placed[0]
        path, text = paragraphs[number]
        note = "（厅是省级机构）" if wrong.endswith("厅") and place not in PROVINCIAL else ""
        yield path, at, f"“{wrong}”与本信别处的“{others[0]}”只差机构级别的字{note}，像是同一机构的两种写法", \
            "核对这个机构的全称，全文统一"


def _schools(paragraphs):
    mentions: dict = defaultdict(lambda: defaultdict(list))
    for number, (path, text) in enumerate(paragraphs):
        for match in SCHOOL_LEVELS.finditer(text):
            name = match.group(1)
            if NOT_IN_NAME & set(name) or name[-1] in "中小大" or not re.fullmatch(f"[{CJK}]+", name):
                continue
            mentions[name][name + match.group(2)].append((number, match.start()))
    for once, often, times, (number, at) in _once_and_often(mentions):
        path, text = paragraphs[number]
        if _listed_together(text, at, often) or any(re.search(f"{once}[、和与及]{often}|{often}[、和与及]{once}", t)
                                                    for _, t in paragraphs):
            continue  # 东湖小学、东湖中学: two schools
        after = text[at + len(once):at + len(once) + 2]
        sentences = [s for _, t in paragraphs for s in re.split("[。；！？]", t) if often in s]
        if not re.fullmatch(f"[{CJK}]{{2}}", after) or not any(after in s for s in sentences):
            continue  # no word of the same project beside both (东湖中学扩建 … 东湖小学……扩建条件)
        yield path, at, f"“{once}”与信里写了 {times} 次的“{often}”只差学段，说的像是同一所学校", \
            "核对学校名称，全文统一"
