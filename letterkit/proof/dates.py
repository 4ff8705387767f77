"""Form: the letter's dates — the 发文字号's year, a date in the future or before the session,
after the deadline, or out of order.  These read the validated draft and today's date."""

from __future__ import annotations

import datetime as dt
import re

from .registry import Finding, rule
from .text import prose


@rule("number-year", "warning", "dates", "发文字号的年份应与成文日期的年份相同",
      "字号中的年份是发文的年份；年初沿用上年字号是常见疏漏。",
      "number.year: 2019，date: 2020-08-10", "number.year: 2020，date: 2020-08-10", cached=False)
def _number_year(c):
    draft = c.draft
    if draft is not None and draft.number and draft.date and draft.number.year != draft.date.year:
        yield Finding(("number", "year"), f"发文字号年份 {draft.number.year} 与成文日期 {draft.date.year} 年不同",
                      f"改为 {draft.date.year}，或核对成文日期")


@rule("date-future", "error", "dates", "成文日期不能晚于今天",
      "成文日期是领导签发的日期，不会在将来；多半是年份或月份输错。",
      "date: 2030-08-10（今天之后）", "date: 2020-08-10", cached=False)
def _date_future(c):
    draft = c.draft
    if draft is not None and draft.date and draft.date > c.today:
        yield Finding(("date",), f"成文日期 {draft.date_text} 晚于今天", "核对年份和月份")


@rule("date-before-session", "warning", "dates", "成文日期不应早于提出提案/建议的会议",
      "答复只能在提出之后；会议届次中写了年份时检查。", "session: 2024年…会议，date: 2023-05-01", "date: 2024-06-18",
      cached=False)
def _date_session(c):
    draft = c.draft
    if draft is None or not draft.proposal.session or not draft.date:
        return
    match = re.search(r"(19|20)\d{2}", draft.proposal.session)
    if match and draft.date.year < int(match.group()):
        yield Finding(("date",), f"成文日期 {draft.date_text} 早于会议（{draft.proposal.session}）", "核对成文日期")


@rule("after-deadline", "warning", "dates", "成文日期、发出日期不应晚于办理期限；会办意见不应晚到主办单位来不及汇总",
      "提案、建议自交办之日起 3 个月内答复，会办单位 1 个月内向主办单位提出意见（各地不同时在 deadlines 中设置）。"
      "会办意见还须在主办单位期限前 deadlines.lead_days 天（默认 15 天）送到，主办单位才来得及汇总答复。",
      "assigned: 2024-03-15，date: 2024-07-01（办理期限 2024-06-15）", "date: 2024-06-10", cached=False)
def _after_deadline(c):
    draft = c.draft
    if draft is None or draft.due is None:
        return
    late = [(day, name) for name, day in (("date", draft.date), ("sent", draft.sent)) if day and day > draft.due]
    if late:  # the later of the two says how late the letter is
        day, name = max(late)
        what = "成文日期" if name == "date" else "发出日期"
        yield Finding((name,), f"{what} {day} 晚于办理期限 {draft.due}（晚 {(day - draft.due).days} 天）",
                      "尽快办理发出；经同意延期的，在草稿写 due: 延期后的日期")
        return
    if draft.cohandling and draft.assigned:
        from ..deadlines import lead_due

        latest, day = lead_due(draft.assigned, draft.deadlines), draft.sent or draft.date
        if day and day > latest:
            yield Finding(("sent",) if draft.sent else ("date",),
                          f"会办意见 {day} 才发出，主办单位的期限是 {latest + dt.timedelta(days=draft.deadlines['lead_days'])}，"
                          f"留给它汇总答复的不足 {draft.deadlines['lead_days']} 天",
                          f"最迟 {latest} 送到主办单位；或先电话与主办单位商定")


@rule("date-order", "warning", "dates", "交办、成文、发出日期的先后应当合理",
      "交办在先，成文在后，发出又在成文之后且不晚于今天；办理期限不早于交办日期。顺序颠倒多半是日期输错。",
      "assigned: 2024-05-01，date: 2024-04-20", "assigned: 2024-03-15，date: 2024-04-20", cached=False)
def _date_order(c):
    draft = c.draft
    if draft is None:
        return
    named = {"assigned": ("交办日期", draft.assigned), "date": ("成文日期", draft.date),
             "sent": ("发出日期", draft.sent), "due": ("办理期限", draft.due)}
    for later, earlier in (("date", "assigned"), ("sent", "date"), ("sent", "assigned"), ("due", "assigned")):
        (later_name, later_day), (earlier_name, earlier_day) = named[later], named[earlier]
        if later_day and earlier_day and later_day < earlier_day:
            field = "assigned" if (later, earlier) == ("date", "assigned") else later
            yield Finding((field,), f"{later_name} {later_day} 早于{earlier_name} {earlier_day}", "核对这两个日期")
    if draft.sent and draft.sent > c.today:
        yield Finding(("sent",), f"发出日期 {draft.sent} 晚于今天（{c.today}）", "信送出后再写 sent: 送出日期")


# -- a date in Chinese numerals that lost its 月 (二〇二五年六十二日 for 六月十二日) ------------------------------

CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
CN_YEAR = "[〇○零一二三四五六七八九]{4}年"
CN_DAY = "[一二三四五六七八九十]{1,5}"


def chinese_number(n: int) -> str:
    """1–31 as a date writes it: 五, 十, 十二, 二十, 二十一."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else "十" if tens == 1 else "一二三四五六七八九"[tens - 1] + "十") \
        + ("" if ones == 0 else "一二三四五六七八九"[ones - 1])


CN_NUMBERS = {chinese_number(n): n for n in range(1, 32)}


def month_day_readings(numerals: str) -> list[tuple[str, str]]:
    """The ways Chinese numerals that lost their 月 split into a month and a day, each written as a date writes
    it (六十二 → 六|十二; 十二十 → 十|二十 or 十二|十): one reading, shared by check and by the import."""
    return [(numerals[:k], numerals[k:]) for k in range(1, len(numerals))
            if CN_NUMBERS.get(numerals[:k], 99) <= 12 and numerals[k:] in CN_NUMBERS]


def chinese_month_day(year: str, digits: str) -> str:
    """The dates that Chinese numerals without their 月 can have been: 六十二 → 六月十二日,
    十一五 → 十一月五日, 十二十 → 十二月十日或十月二十日."""
    return "”或“".join(f"{year}{month}月{day}日" for month, day in month_day_readings(digits))


# -- a thing said done on a day after the letter's own date (已于2024年6月建成上线 in a letter of 2024-05-20) ------

# 已/已经/业已 … 于 + a year and a month: a thing done by the time the letter was signed.  A plan (计划, 将,
# 预计, 力争, 拟, 争取, 有望) in the same clause names a later date on purpose; 已 at most four characters before 于
# (已全部于, 已经于), so that 已 of another doing earlier in the clause is not read
DONE_ON = re.compile(r"(?:已经|业已|已)([\u4e00-\u9fff]{0,4}?)于(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")
NOT_DONE = re.compile("计划|将|预计|力争|拟|争取|有望|预期|确保|目标|截至|前|底前|以前|之前")
CLAUSE_MARKS = "，,。；;！？：:"
# 截至 + a year and a month, then a comma: the time a count of what is done is taken at (截至2023年9月底，共查处21起),
# which cannot be after the letter was signed.  Only before a comma: 截至2023年12月31日 inside a clause is often the
# end of a time allowed (申报时间为即日起截至2023年12月31日), and 截至…前 a deadline
AS_OF = re.compile(r"截至(\d{4})年(\d{1,2})月(?:底|末|(\d{1,2})日)?(?=[，,])")
# words that make the rest of the sentence a plan: 截至2025年6月底，力争建成……
PLAN_AFTER = re.compile("计划|将|预计|力争|拟|争取|有望|预期|确保|目标")


@rule("done-after-date", "error", "dates", "说“已于某年某月”做成的事，日子却在成文日期之后（成文日期2024-05-20，“已于2024年6月建成上线”）",
      "“已”“已经”“业已”……“于某年某月（某日）”说的是信签发时已经做成的事，日子不能晚于成文日期（date）；晚了，"
      "不是这个日子写错，就是成文日期写错（或事情其实还没做成，应写“计划”“将于”）。同一分句里有“计划”“将”“预计”“力争”"
      "“确保”这类说将来的词不报；只写到月的，月份在成文日期的月份之后才报。"
      "“截至某年某月（底）”后接逗号、统计已做成的事（“截至2023年9月底，共查处混收混运行为21起”）也一样：统计的时点不能晚于成文日期；"
      "前后有“计划”“将”“力争”这类说将来的词不报。",
      "date: 2024-05-20；正文“平台二期已于2024年6月建成上线”", "date: 2024-05-20；正文“平台二期已于2024年4月建成上线”")
def _done_after_date(c):
    draft = c.draft
    if draft is None or not getattr(draft, "date", None):
        return
    signed = draft.date
    for path, text in prose(c.data):
        for match in DONE_ON.finditer(text) if "于" in text and "已" in text else ():
            year, month, day = int(match.group(2)), int(match.group(3)), match.group(4)
            if not 1 <= month <= 12:
                continue
            start = max(text.rfind(mark, 0, match.start()) for mark in CLAUSE_MARKS) + 1
            if NOT_DONE.search(text[start:match.start()] + match.group(1)):
                continue
            try:
                later = dt.date(year, month, int(day)) > signed if day else (year, month) > (signed.year, signed.month)
            except ValueError:  # 2024年6月31日: a day that is not, another rule's
                continue
            if later:
                yield Finding(path, f"“{match.group()}”晚于成文日期 {signed}，说的却是已经做成的事",
                              "核对这个日子和成文日期；还没做成的写“计划于”“将于”", match.start(2))
        for match in AS_OF.finditer(text) if "截至" in text else ():
            year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
            start = max(text.rfind(mark, 0, match.start()) for mark in "。；;！？") + 1
            ends = [i for i in (text.find(mark, match.end()) for mark in "。；;！？") if i >= 0]
            if not 1 <= month <= 12 or PLAN_AFTER.search(text[start:match.start()] + text[match.end():min(ends, default=len(text))]):
                continue
            try:
                later = dt.date(year, month, int(day)) > signed if day else (year, month) > (signed.year, signed.month)
            except ValueError:
                continue
            if later:
                yield Finding(path, f"“{match.group()}”晚于成文日期 {signed}，统计的却是已经做成的事",
                              "核对这个时点和成文日期", match.start(1))


# -- one thing to be done, given two years ------------------------------------------------------------------------

CJK_RUN = "\u4e00-\u9fff"
# a year, with what part of it (年底, 上半年, 6月底) and 前, right before what is done in its clause
WHEN_DONE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?:底|末|年底|上半年|下半年|\d{1,2}月(?:底)?)?(?:前|以前)?")
DONE = re.compile(rf"完成([{CJK_RUN}]{{4,10}})|([{CJK_RUN}]{{4,10}})完成")
# what is done every year or in steps: 年度目标任务, 一期建设 — two years of it are two things
YEARLY = re.compile("年度|每年|目标|任务|阶段|[一二三四五六七八九十]期|第")
SAME_THING = 4  # a shared name of four characters or more (规划衔接审查): two characters (建设, 改造) name any work


def _done_when(text: str):
    """(year, offset of the year, what is done, the clause as written) for each year followed in its clause by
    完成 + what, or what + 完成: 计划于2023年底前完成规划衔接审查, 待2024年底规划衔接审查完成后."""
    for match in WHEN_DONE.finditer(text):
        end = min([i for i in (text.find(mark, match.end()) for mark in "，,。；;") if i >= 0] + [len(text)])
        for done in DONE.finditer(text, match.end(), end):
            yield match.group(1), match.start(), done.group(1) or done.group(2), text[match.start():end]


# 2023年完成村卫生室标准化建设418个 … 2024年计划再完成村卫生室标准化建设300个: work done in batches, a batch a year
AGAIN = re.compile("[再又](?:完成|建成|新建|改造)|继续完成")
BATCH = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:个|所|处|家|座|条|户|间|套|台|辆|张|项|批|公里|米|亩|人)")


def _batches(said: str, before: str) -> bool:
    """Whether the two clauses tell two batches of one kind of work: one says 再完成, or each counts its batch."""
    return bool(AGAIN.search(said) or AGAIN.search(before) or (BATCH.search(said) and BATCH.search(before)))


def _common(a: str, b: str) -> str:
    return max((a[i:j] for i in range(len(a)) for j in range(i + SAME_THING, len(a) + 1) if a[i:j] in b), key=len, default="")


@rule("done-year-restated", "warning", "dates", "同一件事前后说了两个不同的完成年份（“2023年底前完成规划衔接审查”……“待2024年底规划衔接审查完成后”）",
      "信里先说某件事某年完成（“计划于2023年底前完成规划衔接审查”），后面又说它另一年完成（“待2024年底规划衔接审查完成后”），"
      "其中一个年份多半写错了。只读年份紧挨着“完成”、两处完成的事有四个字以上相同的说法；年度任务、目标、分期（一期、二期）的事"
      "各年不同是常事，不报；分批做的事（“再完成”，或两处各说了这一批的数量）也不报。计划确实推迟了而信里没说时也会报，所以是警告。",
      "计划于2023年底前完成规划衔接审查……待2024年底规划衔接审查完成后同步落实",
      "计划于2023年底前完成规划衔接审查……待2023年底规划衔接审查完成后同步落实")
def _done_year_restated(c):
    seen: list = []
    for path, text in prose(c.data):
        if "完成" not in text or path[:1] == ("title",):
            continue
        for year, offset, thing, said in _done_when(text):
            before = next((b for b in seen if b[0] != year and _common(thing, b[2]) and not YEARLY.search(thing + "|" + b[2])
                           and not _batches(said, b[3])), None)
            if before:
                common = _common(thing, before[2])
                yield Finding(path, f"“{said}”与前文“{before[3]}”说的是同一件事（{common}），完成年份却不同（{year}年与{before[0]}年）",
                              "核对完成时间，全文一致", offset)
            seen.append((year, offset, thing, said))


# -- a day that is not (2024年11月31日, 2月30日, 2023年2月29日), and a weekday that is not the date's -----------------

WEEKDAYS = "一二三四五六日"
# （星期四） / (周四) / 星期四 / 礼拜天 written right after a date: 日 and 天 are both Sunday, 七 is no weekday
WEEKDAY_AFTER = re.compile(r"\s*(?P<open>[（(])?\s*(?:星期|礼拜|周)\s*(?P<w>[一二三四五六日天])\s*(?(open)[）)])")
# a date in the text: the year is optional (3月15日); a month not after a digit, a dash or 至 (1—11月30日 is a span of
# months up to November's last day, 2023年1-12月 no date), and a day not followed by another digit
BODY_DATE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?<![\d\-－—–~～至到、.．])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号](?!\d)")


def weekday_of(char: str) -> int:
    """星期X's X → date.weekday() (Monday 0): 日 and 天 are Sunday."""
    return 6 if char in "日天" else WEEKDAYS.index(char)


def weekday_text(day: dt.date) -> str:
    return "星期" + WEEKDAYS[day.weekday()]


def _days_in(year: int | None, month: int) -> int:
    if month == 2:
        return 29 if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@rule("date-not-exist", "error", "dates", "正文里写的日子不存在（2024年11月31日、2月30日、2023年2月29日）",
      "小月只有30天，二月只有28天（闰年29天）；“11月31日”“4月31日”“2月30日”这样的日子不存在，多半是月或日写错了。"
      "写了年份的按那一年算闰年；没写年份的“2月29日”不报。“1—11月30日”这样月份连写的不读。",
      "相关工程已于2024年11月31日前全部完工", "相关工程已于2024年11月30日前全部完工")
def _date_not_exist(c):
    for path, text in prose(c.data):
        for match in BODY_DATE.finditer(text) if "月" in text else ():
            year, month, day = match["y"] and int(match["y"]), int(match["m"]), int(match["d"])
            if not 1 <= month <= 12:
                continue  # 13月: not a month at all, no date to speak of
            most = _days_in(year, month)
            if not 1 <= day <= most:
                whose = f"{year}年{month}月" if year and month == 2 else f"{month}月"
                yield Finding(path, f"“{match.group()}”这一天不存在：{whose}只有{most}天", "核对月份和日子",
                              match.start())


@rule("date-weekday", "error", "dates", "日期后写的星期与日期不合（2024年3月15日（星期四），那天是星期五）",
      "日期后括注的星期（“（星期四）”“（周四）”）由日期算出，不猜哪一个写错：两者不合，至少有一个写错，通知的会期、"
      "办结的日子都会因此弄错。没写年份的日期（“3月15日（星期五）”）按成文日期的年份算，与那一年或上一年相合都不报"
      "（年初的信常说上一年的事）；没有成文日期就不读。",
      "2024年3月15日（星期四）", "2024年3月15日（星期五）")
def _date_weekday(c):
    draft = c.draft
    signed = getattr(draft, "date", None) if draft is not None else None
    for path, text in prose(c.data):
        if "星期" not in text and "周" not in text and "礼拜" not in text:
            continue
        for match in BODY_DATE.finditer(text):
            said = WEEKDAY_AFTER.match(text, match.end())
            if not said:
                continue
            month, day = int(match["m"]), int(match["d"])
            years = [int(match["y"])] if match["y"] else [signed.year, signed.year - 1] if signed else []
            days = []
            for year in years:
                try:
                    days.append(dt.date(year, month, day))
                except ValueError:  # a day that is not: date-not-exist's
                    pass
            if not days or len(days) < len(years) or any(d.weekday() == weekday_of(said["w"]) for d in days):
                continue
            first = days[0]
            yield Finding(path, f"“{text[match.start():said.end()].strip()}”：{first.year}年{month}月{day}日是"
                                f"{weekday_text(first)}，不是星期{said['w']}",
                          "核对日期和星期，改正写错的一个", match.start())
