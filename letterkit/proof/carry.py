"""Family 8: what a published letter must not carry — an empty form field, a date that lost
its 月, an organ name that lost its last character (the letter's own, or a unit it is copied to)."""

from __future__ import annotations

import re

from .dates import CN_DAY, CN_NUMBERS, CN_YEAR, chinese_month_day
from .registry import Finding, rule
from .text import get, prose

# the fields of an internal approval form (签发单) that a copy of the letter may carry along, filled in or not
FORM_FIELDS = "领导签字|领导签发|领导署名|分管领导|主管领导|单位负责人|承办负责人|签发人|审核人|审核|核稿|审稿|拟稿|经办人"
FIELD = re.compile(rf"({FORM_FIELDS}|联系人|联系电话)\s*[:：]\s*(?=$|[，。；,;])")


@rule("empty-form-field", "error", "carry", "不留空着的表格栏（“领导签字：”后面什么也没有）",
      "内部审批单上的栏目随正文印出且没有填写，读者看到的是一张没填完的表。", "单位负责人：", "单位负责人：王五（或删去这一行）")
def _empty_field(c):
    for path, text in prose(c.data):
        lead = len(text) - len(text.lstrip())  # offsets in the value as written
        for match in FIELD.finditer(text.strip()):
            yield Finding(path, f"“{match.group().strip()}”后面是空的", "填上内容，或删去这一栏", lead + match.start())


NO_MONTH = re.compile(r"((?<!\d)(?:19|20)\d{2}年|今年|去年|明年|当年|同年)(\d{2,4})日"
                      # without a year, after a word that names a day (并于317日召开, 截至1130日): three or four
                      # digits, not a span of days (于120日内)
                      r"|((?<![\d月])(?:于|截至|截止到?|自|起至))(\d{3,4})日(?![内以之左后])")


# the same in Chinese numerals (二〇二五年六十二日, 于十一五日召开): after a year written out any day without 月;
# after 今年 or 于 only numerals that are no day of a month (于十五日 is the 15th of a month named before)
NO_MONTH_CN = re.compile(rf"({CN_YEAR})({CN_DAY})日|((?:今年|去年|明年|当年|同年|(?<!月)(?:于|截至|截止到?|自|起至)))({CN_DAY})日(?![内以之左后])")


def lost_months(text: str):
    """(match, the dates it can have been) of each date in the text that lost its 月, Arabic or Chinese."""
    if "日" not in text:
        return
    for match in NO_MONTH.finditer(text):
        yield match, month_day(*(match.group(1, 2) if match.group(2) else match.group(3, 4)))
    for match in NO_MONTH_CN.finditer(text):
        if match.group(2) or match.group(4) not in CN_NUMBERS:
            yield match, chinese_month_day(*(match.group(1, 2) if match.group(2) else match.group(3, 4)))


def month_day(year: str, digits: str) -> str:  # year: 2020年, 今年
    """The dates that digits without their 月 can have been: 317 → 3月17日; 111 → 1月11日或11月1日."""
    splits = [(digits[:k], digits[k:]) for k in (1, 2) if k < len(digits)]
    valid = [f"{year}{int(m)}月{int(d)}日" for m, d in splits
             if not m.startswith("0") and not d.startswith("0") and 1 <= int(m) <= 12 and 1 <= int(d) <= 31]
    return "”或“".join(valid)


@rule("date-lost-month", "error", "carry", "日期不缺“月”（“3月17日”不能印成“317日”）",
      "“2020年317日”“并于317日召开”是删改时丢了“月”字。没有年份时只看“于”“截至”“自”后面三四位数字加“日”"
      "（“于120日内”是天数，不报）。汉字日期同样看：“二〇二五年六十二日”“于十一五日召开”（没有年份时只报不成日子的数，"
      "“于十五日”不报）。", "2020年317日；并于317日召开；二〇二五年六十二日", "2020年3月17日；并于3月17日召开；二〇二五年六月十二日")
def _date_month(c):
    for path, text in prose(c.data):
        for match, meant in lost_months(text):
            if meant:
                yield Finding(path, f"“{match.group()}”缺了“月”", f"改为“{meant}”", match.start())


@rule("organ-truncated", "error", "carry", "机关名称不缺最后一个字（“……住房和城乡建设”缺“局”）",
      "正文或署名里的机关名称比版头的全称少了最后一个字，多是删改时误删。只比对版头全称、声明的简称和从全称最后一个地名起的"
      "写法（“县卫生健康局”，后面紧跟标点、“将、已、要”或“牵头、负责、会同、办理、答复”这类机关做事的词时才报）。"
      "署名整个少了末字时由 signature-organ 报，这里不重复。“全区卫生健康工作”“纳入全区卫生健康“十四五”规划”是一个地方的"
      "工作领域（前面是“全”，或后面是工作、规划、事业、领域、系统等），不报；后面接成更长的机关名称（“县自然资源和规划局”）"
      "由 name-variant 报；署名或正文接着另一个机关末尾的词（“汇川区卫生健康委员会”之于“区卫生健康局”）是另一种名称，"
      "由 signature-organ、name-variant 报。",
      "（版头…住房和城乡建设局）…住房和城乡建设将继续推进", "…住房和城乡建设局将继续推进")
def _organ(c):
    names = [n for n in (get(c.data, ("organ", "name")), get(c.data, ("organ", "short_name"))) if isinstance(n, str)]
    # and the name from its last place on (石林彝族自治县卫生健康局 → 县卫生健康局), as the body names it
    shorter = [n[k - 1:] for n in names for k in range(2, len(n) - 4) if n[k - 1] in "省市州县区旗"]
    reported = set()  # (path, where the cut name ends): the full name's finding, not its shorter forms' too
    for name in dict.fromkeys(names + shorter):
        if len(name) < 6:
            continue
        verbs = "将已在要对和与及的" if name in names else "将已要"
        cut = re.compile(re.escape(name[:-1]) + f"(?!{re.escape(name[-1])})")
        for path, text in prose(c.data):
            if path == ("signature",) and c.draft is not None and text in names_cut(names):
                continue  # the whole signature is the name cut short: signature-organ says so
            for match in cut.finditer(text):
                following = text[match.end():match.end() + 1]
                if (path, match.end()) in reported or _field_or_longer(text, match.start(), match.end()):
                    continue
                if not following or not re.match(r"[\u4e00-\u9fff]", following) or path == ("signature",) \
                        or following in verbs or text[match.end():match.end() + 2] in AGENT_VERBS:
                    reported.add((path, match.end()))
                    yield Finding(path, f"“{match.group()}”比机关全称“{name}”少了“{name[-1]}”", f"改为“{name}”",
                                  match.start())


# what an organ does, right after its name: 由……执法局牵头, ……教育局负责统计
AGENT_VERBS = set("牵头 负责 会同 联合 组织 印发 制定 出台 召开 下发 协调 指导 督促 配合 主动 积极 认真 及时 按照 根据 "
                  "已经 正在 专门 先后 多次 承办 主办 研究 安排 部署 结合 依据 高度 始终 坚持 继续 进一 共同 "
                  "办理 答复 回复".split())  # 建议交县卫生健康局办理: the body a proposal is given to


# 全区卫生健康工作, 纳入全区卫生健康“十四五”规划: a place's field of work, not its office cut short
FIELD_OF_WORK = re.compile(r"(?:[“\"][^”\"]{1,8}[”\"])?(?:工作|规划|事业|领域|系统|行业|战线|体系|方面|发展|水平|状况|服务)")
# 县自然资源和规划局 against 县自然资源局: another (longer) body's name, name-variant's to compare, not a lost 局
# 汇川区卫生健康委员会 against 区卫生健康局: the cut name goes on into another last word of a body (委员会, 委), another
# name of the body (name-variant's, or signature-organ's on the signature), no name short of its last character;
# 委托, 委派 are verbs after a cut name (区卫生健康委托第三方)
LONGER = re.compile(r"(?:和?[\u4e00-\u9fff]{1,4}?)?(?:局|委员会|委(?![托派])|办公室|中心)")


def _field_or_longer(text: str, start: int, end: int) -> bool:
    """Whether the cut name at text[start:end] is a place's field of work (after 全, or before 工作, 规划 …) or
    the head of a longer body's name (…和规划局)."""
    if start and text[start - 1] == "全" or FIELD_OF_WORK.match(text, end):
        return True
    longer = LONGER.match(text, end)
    return bool(longer) and not re.search("[省市县区旗州镇乡]", longer.group())


def names_cut(names: list[str]) -> set[str]:
    return {name[:-1] for name in names}


# the last character of a body's name (局 委 办 室 …, 人民政府, 街道办事处, 各镇, 有限公司): a unit copied to ends with one.
# Over every 抄送 line of the fixtures and the shared letters (288 units) the units end in 室 会 委 办 厅 局 府; a
# 抄送 unit ending otherwise lost its end in editing (区政府办公 for 区政府办公室, dev15 909).
BODY_END = set("局委会办室厅院所心部处站队府司团社馆组科股校署行道镇乡村区县市州旗盟")
TRAILING_NOTE = re.compile(r"[（(][^）)]*[）)]$")  # 各镇人民政府（街道办事处）: the note's own end does not count


@rule("cc-unit-cut", "warning", "carry", "抄送的单位名称写全（“区政府办公”缺“室”）",
      "抄送栏里的每个单位都是机关或单位的名称，结尾是局、委、办、室、会、院、中心、政府、街道这类字；结尾不是的（“区政府办公”）"
      "多是删改时丢了最后的字。抄送栏之外的名称由 organ-truncated、name-variant 看。",
      "抄送：区人大常委会代表工作室，区政府办公", "抄送：区人大常委会代表工作室，区政府办公室")
def _cc_unit_cut(c):
    for path, offset, text in _cc_units(c.data):
        unit = TRAILING_NOTE.sub("", text.strip().rstrip("。；;，,、 "))
        if len(unit) >= 3 and unit[-1] not in BODY_END and re.search("[\u4e00-\u9fff]$", unit):
            yield Finding(path, f"抄送单位“{unit}”的结尾不像单位名称，可能少了字", "写出单位全称",
                          offset + len(text) - len(text.lstrip()))


def _cc_units(data):
    """(path, offset, text) of each unit the letter is copied to: cc is a list of names, or one line of them."""
    cc = get(data, ("cc",))
    if isinstance(cc, str):
        for match in re.finditer("[^，、,；;]+", cc):
            yield ("cc",), match.start(), match.group()
    elif isinstance(cc, list):
        for k, unit in enumerate(cc):
            if isinstance(unit, str):
                yield ("cc", k), 0, unit
