"""Form: punctuation and spaces — full-width marks between Chinese, brackets in pairs, quotes
inside quotes, book titles, dashes, stray spaces, the 发文字号's 六角括号.

These read every free-text value a clerk types (`texts`), the signature and proposal fields
included; most of their findings carry a certain fix that `letterkit check --fix` applies.
"""

from __future__ import annotations

import re
from typing import Iterator

from .registry import Finding, rule
from .text import get, measure_texts

CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
WIDE = CJK + r"\u3000-\u303f\uff00-\uffef“”‘’"
TEXT_FIELDS = (("title",), ("opening",), ("signature",), ("proposal", "title"), ("proposal", "session"))


_last: list = [None, None]  # the draft last read and its texts: every form rule reads the same draft


def texts(data: dict) -> list[tuple[tuple, str]]:
    """Every free-text value of a draft with its path: the places a clerk types prose."""
    if _last[0] is not data:
        _last[:] = [data, list(_texts(data))]
    return _last[1]


def _texts(data: dict) -> Iterator[tuple[tuple, str]]:
    for path in TEXT_FIELDS:
        value = get(data, path)
        if isinstance(value, str):
            yield path, value
    for key in ("closing", "cc"):
        value = data.get(key)
        for index, item in enumerate(value if isinstance(value, list) else [value] if isinstance(value, str) else []):
            if isinstance(item, str):
                yield (key, index), item
    yield from measure_texts(data.get("measures"), ("measures",))
    for index, item in enumerate(data.get("attachments") or [] if isinstance(data.get("attachments"), list) else []):
        if isinstance(item, str):
            yield ("attachments", index), item
        elif isinstance(item, dict):
            if isinstance(item.get("title"), str):
                yield ("attachments", index, "title"), item["title"]
            yield from measure_texts(item.get("content"), ("attachments", index, "content"))


HALF_WIDTH = re.compile(rf"(?<=[{WIDE}])[,;:?!()]+|[,;:?!()]+(?=[{WIDE}])")  # a run of marks touching Chinese: each one
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# "." ending a Chinese sentence (…认真研究.目前, …1460个.): after Chinese or a closing mark, before Chinese, an
# opening mark, a figure or the end; not 1.5万, 2023.8.4, 1. (a digit before), nor a URL, an e-mail address
# or a file name (a Latin letter on either side).  Import restores these too (importing/clean.py).
ASCII_FULL_STOP = re.compile(rf"(?<=[{CJK}”’）》)%％℃‰°㎡])\.(?=[{CJK}“‘（《(\d]|\s|$)")  # 18℃.受…: a unit's sign too
# and one after a number that cannot be a list marker (1.加强 / ：2.建设 are): a time or ratio, a decimal, three
# digits or more, after Chinese (…至19:30.二是, …比例为3:4:3., …提高到0.56.（二）, …下降到1460.).
NUMBER_FULL_STOP = re.compile(rf"(?<=[{CJK}])(?:\d+(?:[:：]\d+)+|\d+\.\d+|\d{{3,}})(\.)(?=[{CJK}“‘（《(]|\s*$)")


@rule("half-width-punctuation", "warning", "punctuation", "中文之间的标点应是全角",
      "GB/T 15834：中文行文用全角标点；半角逗号、括号混在中文里是排版疏漏。",
      "保信亚太生物科技(深圳)有限公司", "保信亚太生物科技（深圳）有限公司")
def _half_width(c):
    for path, value in texts(c.data):
        for match in HALF_WIDTH.finditer(value):
            for at, mark in enumerate(match.group(), match.start()):
                yield Finding(path, f"中文里用了半角“{mark}”", f"改为全角“{FULL[mark]}”", at, ((at, 1, FULL[mark]),))
        for at in sorted([match.start() for match in ASCII_FULL_STOP.finditer(value)]
                         + [match.start(1) for match in NUMBER_FULL_STOP.finditer(value)]):
            yield Finding(path, "中文句末用了半角“.”", "改为句号“。”", at, ((at, 1, "。"),))


BRACKETS = re.compile("[()（）《》【】〔〕]")
QUOTES = re.compile("[“”]")


@rule("bracket-pairs", "error", "punctuation", "括号须成对且同为全角或同为半角",
      "“(联系人…）”这样一半半角一半全角、或缺了一半的括号，印出来就是错的。", "(联系人：陈杰）", "（联系人：陈杰）")
def _brackets(c):
    pairs = {")": "(", "）": "（", "》": "《", "】": "【", "〕": "〔"}
    for path, value in texts(c.data):
        stack = []
        for index, ch in ((m.start(), m.group()) for m in BRACKETS.finditer(value)):
            if ch in pairs.values():
                stack.append((ch, index))
            elif ch in pairs:
                if not stack:
                    yield Finding(path, f"“{ch}”没有对应的左括号", "补上左括号或删去多余的右括号", index)
                    continue
                opened, at = stack.pop()
                if opened != pairs[ch]:
                    yield Finding(path, f"“{opened}”与“{ch}”不成对", f"两边都用全角：“{FULL.get(opened, opened)}…{FULL.get(ch, ch)}”", at)
        for opened, at in stack:
            yield Finding(path, f"“{opened}”没有对应的右括号", "补上右括号", at)


@rule("nested-quotes", "warning", "punctuation", "引号里的引号用单引号",
      "GB/T 15834：引号内再用引号时，外层用双引号，内层用单引号。",
      "“关于引进俄罗斯“卡脖子”尖端技术”", "“关于引进俄罗斯‘卡脖子’尖端技术”")
def _nested_quotes(c):
    for path, value in texts(c.data):
        depth = 0
        for index, ch in ((m.start(), m.group()) for m in QUOTES.finditer(value)):
            if ch == "“":
                if depth:
                    close = value.find("”", index + 1)
                    fixes = ((index, 1, "‘"), (close, 1, "’")) if close > 0 and value.find("“", index + 1, close) < 0 else ()
                    yield Finding(path, "双引号里又用了双引号", "里层改为单引号‘…’", index, fixes)
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)


@rule("book-title-comma", "warning", "punctuation", "连续的书名号之间不用顿号",
      "GB/T 15834：并列的书名号之间不加顿号。", "《甲措施》、《乙措施》", "《甲措施》《乙措施》")
def _book_titles(c):
    for path, value in texts(c.data):
        for match in re.finditer("》、《", value):
            yield Finding(path, "书名号之间用了顿号", "删去“》、《”中的顿号", match.start() + 1)


GEOGRAPHY = re.compile(f"[{CJK}][山河湖江海岛湾村镇乡县区市州省路街站港桥关岭峰川坝庄园]$")  # 三角山—策湖: from one place to the next
# three names or more joined by single dashes: a route (三峡大坝—黄花—官庄沿线), never a dash typed short twice
# (区—街道—社区: a chain of levels, one character a level's name too — three or more links are never a dash typed short)
ROUTE = re.compile(rf"[{CJK}]{{1,6}}(?:—[{CJK}]{{1,6}}){{2,}}")
# two short names joined by one dash and standing alone between marks: a range (（西郝庄—朱金紫）, 北京—上海)
PLACE_RANGE = re.compile(rf"[{CJK}]{{2,6}}—[{CJK}]{{2,6}}(?=[）)，、。；：]|$)")
# a name after the dash and then what runs from one place to the other: 沙朗—普吉客运班线, 城区—机场快速路
ROUTE_AFTER = re.compile(rf"—([{CJK}]{{2,5}}?)(?:客运|公交|旅游|城际|货运)?(?:班线|线路|专线|航线|公路|铁路|高速|快速路|通道|干线|支线|旅游线|客运线)")
# a bus line's second name may close a quote (“松陵—盛泽”城乡快线) or run to seven characters (天府国际机场专线,
# 崖州湾科技城快线: an airport or a new town is named longer than a village), the line say whom it carries (城乡, 镇村)
# before what it is; a road's or a passage's name stays short (东部—中心城区快速通道 once is a dash typed short)
LINE_AFTER = re.compile(rf"—([{CJK}]{{2,7}}?)[”’」]?(?:城乡|镇村|城际|市域|机场)?(?:客运|公交|旅游)?(?:快线|专线|班线|线路)")

# a name after the dash and then the stretch of land or town that runs from one place to the other (杨家—石洞稻虾产业带,
# 上党门—城隍庙片区): GB/T 15834's connecting mark for a span.  The name is two to five characters (a place and, at
# most, what grows there: 石洞稻虾); SPAN_NOT_NAME keeps a dash typed short before a verb or adverb reported
# (这是目标—打造滨江片区: 打造 is no place)
SPAN_AFTER = re.compile(rf"—([{CJK}]{{2,5}}?)(?:产业带|经济带|示范带|景观带|风光带|生态带|旅游带|片区|沿线|一线|走廊|廊道|区间|河段|路段|流域)")
SPAN_NOT_NAME = {"v", "vn", "vd", "d", "a", "ad", "p", "c", "m", "r", "q", "u"}

# pairs of names each joined by one dash, listed with 、 (东吴—五乡、咸祥—瞻岐两条线路): routes or ranges side by side —
# a dash typed short is one slip, not two in the same list
PAIR_LIST = re.compile(rf"[{CJK}]{{2,6}}—[{CJK}]{{2,6}}(?:、[{CJK}]{{2,6}}—[{CJK}]{{2,6}})+")


def _span_after(value: str, at: int, after: re.Pattern = SPAN_AFTER) -> bool:
    """Whether the dash at `at` joins two places and a span's word follows the second (杨家—石洞稻虾产业带), or a
    bus line's (LINE_AFTER: “松陵—盛泽”城乡快线): the characters after the dash begin with a name, not with a verb,
    adverb or the like jieba tags (打造, 全面推进; 这是我们的目标—打造滨江快线)."""
    span = after.match(value, at)
    if not span:
        return False
    from .dictionary import word_tags

    return word_tags().get(span.group(1)[:2]) not in SPAN_NOT_NAME


def _run_start(value: str, at: int) -> int:
    """Where the run of Chinese characters before `at` starts, if a mark or the text's start comes before it."""
    start = at
    while start > 0 and re.match(rf"[{CJK}]", value[start - 1]):
        start -= 1
    return start if start == 0 or value[start - 1] in "（(，、：；。 " else at


# a figure and its unit just before the dash (15万, 2023年, 3个月): with a figure after it, the dash joins a span
NUMBER_UNIT_BEFORE = re.compile(rf"\d[万亿千百]?[{CJK}]{{0,2}}$")


@rule("lone-dash", "warning", "punctuation", "破折号是两个“—”",
      "GB/T 15834：破折号占两个字的位置（——）；单个“—”在中文之间多半是破折号打少了。两个标点之间两三个字的地名"
      "用一个“—”连起来（“（西郝庄—朱金紫）”）是连接号表示起止，不报；“—”前是山、湖、镇、路这类地名末字"
      "（“三角山—策湖湿地精品线路”“大水川—坪头”），三个以上的名字用“—”连成一串（“三峡大坝—黄花—官庄沿线”），"
      "同一个“甲—乙”在信里出现两次以上（一条线路的名字），几对“甲—乙”用顿号并列（“东吴—五乡、咸祥—瞻岐两条线路”），或“—”后面是地名再接班线、公路、专线这类线路"
      "（“沙朗—普吉客运班线”），或“—”后面是地名再接产业带、片区、沿线这类两地之间的地带（“杨家—石洞稻虾产业带”“上党门—城隍庙片区”），"
      "也是连接号，不报；公交线路的后一个地名在引号里或长到七个字、再接快线、专线、班线、线路（“松陵—盛泽”城乡快线、"
      "双流城区—天府国际机场专线），三级以上的层级用“—”连成一串（“区—街道—社区”三级），数字带单位之间的“—”（“15万—20万元”“2023年—2025年”，范围）也不报。",
      "智能时代与知识产权—2019", "智能时代与知识产权——2019")
def _lone_dash(c):
    joined = [(path, value, match) for path, value in texts(c.data) for match in re.finditer(r"(?<!—)—(?!—)", value)]
    seen = [value[max(0, m.start() - 2):m.end() + 2] for _, value, m in joined]
    for path, value, match in joined:
        before, after = value[max(0, match.start() - 1):match.start()], value[match.end():match.end() + 1]
        around = value[max(0, match.start() - 2):match.end() + 2]
        if GEOGRAPHY.search(value, 0, match.start()) and re.match(rf"[{CJK}]{{2}}", value[match.end():]) \
                or (seen.count(around) > 1 and len(around) == 5) \
                or any(r.start() < match.start() < r.end() for r in ROUTE.finditer(value, max(0, match.start() - 20), match.end() + 20)) \
                or ROUTE_AFTER.match(value, match.start()) or _span_after(value, match.start(), LINE_AFTER) \
                or _span_after(value, match.start()) \
                or any(r.start() < match.start() < r.end() for r in PAIR_LIST.finditer(value, max(0, match.start() - 8), match.end() + 24)):
            continue  # 三角山—策湖湿地精品线路: a route from one place to another, named so more than once
        if re.match(r"\d", after) and NUMBER_UNIT_BEFORE.search(value, 0, match.start()):
            continue  # 15万—20万元, 2023年—2025年, 3个月—6个月: a span of figures, the dash GB/T 15834 gives for one
        if re.match(rf"[{CJK}]", before) and re.match(rf"[{CJK}0-9]", after) and not PLACE_RANGE.match(value, _run_start(value, match.start())):
            yield Finding(path, "中文之间只有一个“—”", "破折号写成“——”；表示范围时用“～”或“—”并核对", match.start())


SPACES = re.compile(rf"(?<=[{CJK}0-9])[ \u3000]+(?=[{CJK}])|(?<=[{CJK}])[ \u3000]+(?=[0-9])")


@rule("space-in-chinese", "warning", "punctuation", "中文之间、中文与数字之间不应有空格",
      "从 PDF 或网页复制来的文字常带空格，印出来是多余的空白。", "2019 年 10 月", "2019年10月")
def _spaces(c):
    for path, value in texts(c.data):
        for match in SPACES.finditer(value) if " " in value or "\u3000" in value else ():
            yield Finding(path, "中文旁有空格", "删去空格", match.start(), ((match.start(), len(match.group()), ""),))


# 机关代字, a year in brackets other than 〔〕, the sequence number and 号 (not 号楼, 号院, 号线)
NUMBER_BRACKETS = re.compile(rf"(?<=[{CJK}])([﹝【［\[])((?:19|20)\d{{2}})([﹞】］\]])(?=\d{{1,5}}号(?![楼院线]))")
PAIRED = {"﹝": "﹞", "【": "】", "［": "］", "[": "]"}


@rule("number-brackets", "warning", "punctuation", "发文字号的年份用六角括号“〔〕”",
      "GB/T 9704 7.2.4：发文字号的年份标全称，用六角括号“〔〕”括入；“﹝﹞”“【】”“[]”是输入法里形近的字符。",
      "依据福住建函【2024】35号文", "依据福住建函〔2024〕35号文")
def _number_brackets(c):
    for path, value in texts(c.data):
        for match in NUMBER_BRACKETS.finditer(value) if "号" in value else ():
            opened, year, closed = match.groups()
            if PAIRED[opened] != closed:
                continue
            yield Finding(path, f"发文字号的年份写成了“{opened}{year}{closed}”", f"改为“〔{year}〕”", match.start(),
                          ((match.start(), 1, "〔"), (match.end() - 1, 1, "〕")))
