"""`letterkit check`: proofreading rules for drafts, run without building them.

Each rule has a stable code, a severity, a one-line Chinese message and a rationale
(docs/rules.md is generated from RULES).  Rules read the draft as the clerk typed it
(the loaded values and their source map), so a finding points at the line to edit.
A rule must not cry wolf: tests give each one text that passes and text that fails.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from . import proof
from .proof.text import get, measure_texts, same_organ_in_full
from .errors import Location, Problem
from .load import Loaded
from .model import Draft

CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
WIDE = CJK + r"\u3000-\u303f\uff00-\uffef“”‘’"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str       # error | warning
    summary: str        # what it checks, one line
    why: str            # the rationale, for docs/rules.md
    bad: str            # an example that fails
    good: str           # the same, right
    check: Callable


@dataclass
class Context:
    data: dict                 # the draft as typed (layers merged)
    draft: Draft | None        # the validated draft, or None when validation failed
    today: dt.date
    letter: dict               # block kind → text of the rendered letter (title, opening …), when it renders

    def written(self, kind: str) -> tuple[tuple, str] | None:
        """The letter's `kind` text and where a clerk changes it: the draft's field, else the template."""
        text = self.letter.get(kind)
        if text is None:
            return None
        return ((kind,) if isinstance(self.data.get(kind), str) else ("template",)), text


@dataclass
class Finding:
    path: tuple         # where in the draft
    message: str
    hint: str | None = None
    offset: int | None = None  # character offset inside the value, for the column
    fixes: tuple = ()   # safe edits inside the value: (offset, length, replacement)


RULES: list[Rule] = []


def rule(code, severity, summary, why, bad, good):
    def register(function):
        RULES.append(Rule(code, severity, summary, why, bad, good, function))
        return function
    return register


# -- walking the typed text ----------------------------------------------------

TEXT_FIELDS = (("title",), ("opening",), ("signature",), ("proposal", "title"), ("proposal", "session"))


def texts(data: dict) -> Iterator[tuple[tuple, str]]:
    """Every free-text value of a draft with its path: the places a clerk types prose."""
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


# -- the rules -------------------------------------------------------------------

@rule("signature-organ", "error", "署名须是发文机关全称或声明过的规范化简称",
      "署名与版头不一致的信是错信（条例第九条：署名为发文机关全称或者规范化简称）。",
      "版头“深圳市福田区科技创新局”，署名“福田区科创创新局”", "署名“深圳市福田区科技创新局”或声明的简称“福田区科技创新局”")
def _signature(c):
    data, draft = c.data, c.draft
    if draft is None or draft.organ is None or draft.signature is None \
            or draft.signature in {draft.organ.name, draft.organ.short_name} \
            or same_organ_in_full(draft.signature, draft.organ.name):
        return  # 遵义市播州区商务局 under the letterhead 播州区商务局: the full name, with its city
    names = "、".join(n for n in (draft.organ.name, draft.organ.short_name) if n)
    path = ("signature",) if "signature" in data else ("organ", "name")
    yield Finding(path, f"署名“{draft.signature}”与发文机关不一致", f"应为 {names}，或在 organ.short_name 中声明简称")


ABSENT_NAMES = {"organ": "发文机关", "number": "发文字号", "measures": "正文措施", "closing": "结尾段落",
                "signature": "署名", "date": "成文日期", "contact": "联系人和电话",
                "proposal.id": "提案/建议编号", "proposal.title": "提案/建议标题"}


@rule("absent-element", "warning", "写了“无”的要素要补齐或确认",
      "导入的旧信常缺发文字号、联系人等；草稿用“无”明说没有，正式发出前逐项补齐或确认。",
      "number: 无", "number: {year: 2020, seq: 12}")
def _absent(c):
    if c.draft is None:
        return
    for name in c.draft.absent:
        yield Finding(tuple(name.split(".")), f"草稿写明没有{ABSENT_NAMES[name]}（{name}: 无）",
                      "正式发出前补上；原件确实没有就保留，并在审核时说明")


@rule("unprinted-field", "warning", "签发人和“文件”二字只印在通用格式的版头，印发机关和印发日期不印在信函格式",
      "GB/T 9704 的信函格式（10.1）没有签发人和“文件”二字，版记里也没有印发机关和印发日期；plain 版式没有版头；写了却不印，读者以为信里有。",
      "layout: letter，signer: 张建国", "layout: general，signer: 张建国")
def _unprinted(c):
    draft = c.draft
    if draft is None or draft.layout == "general":
        return
    for key, name in (("signer", "签发人"), ("file_mark", "发文机关标志后的“文件”")):
        if c.data.get(key) and key in c.data:
            yield Finding((key,), f"{name}只印在通用格式（layout: general）的版头，本信是 {draft.layout} 版式，不会印出",
                          "改用 layout: general，或删去这一项")
    if draft.layout == "letter":
        for key, name in (("printer", "印发机关"), ("print_date", "印发日期")):
            if c.data.get(key):
                yield Finding((key,), f"信函格式（layout: letter）的版记没有{name}（GB/T 9704 10.1），不会印出",
                              "删去这一项，或改用 layout: general")


@rule("joint-signatures-too-wide", "error", "联合发文加盖印章时，各机关署名和印章须并排放在版心内",
      "GB/T 9704 7.3.5.1：联合发文的署名按发文机关顺序整齐排列，各印章不相交不相切、不超出版心；三个全称常常排不下。",
      "三个机关全称联合发文并加盖印章", "用规范化简称，或 sealed: false（署名逐行排列）")
def _joint_width(c):
    draft = c.draft
    if draft is None or not draft.co_signers or not draft.signature:
        return
    from . import signoff, style  # the layout's own arithmetic, so check and build agree

    house = style.house_style(overrides=style.merged(draft.style, {"signature": {"sealed": draft.sealed}}))
    problem = signoff.joint_row_problem([draft.signature] + [s.signature for s in draft.co_signers], draft.date_text, house)
    if problem:
        yield Finding(("co_signers",), problem, signoff.JOINT_HINT)


@rule("number-year", "warning", "发文字号的年份应与成文日期的年份相同",
      "字号中的年份是发文的年份；年初沿用上年字号是常见疏漏。",
      "number.year: 2019，date: 2020-08-10", "number.year: 2020，date: 2020-08-10")
def _number_year(c):
    draft = c.draft
    if draft is not None and draft.number and draft.date and draft.number.year != draft.date.year:
        yield Finding(("number", "year"), f"发文字号年份 {draft.number.year} 与成文日期 {draft.date.year} 年不同",
                      f"改为 {draft.date.year}，或核对成文日期")


@rule("date-future", "error", "成文日期不能晚于今天",
      "成文日期是领导签发的日期，不会在将来；多半是年份或月份输错。",
      "date: 2030-08-10（今天之后）", "date: 2020-08-10")
def _date_future(c):
    draft = c.draft
    if draft is not None and draft.date and draft.date > c.today:
        yield Finding(("date",), f"成文日期 {draft.date_text} 晚于今天", "核对年份和月份")


@rule("date-before-session", "warning", "成文日期不应早于提出提案/建议的会议",
      "答复只能在提出之后；会议届次中写了年份时检查。", "session: 2024年…会议，date: 2023-05-01", "date: 2024-06-18")
def _date_session(c):
    draft = c.draft
    if draft is None or not draft.proposal.session or not draft.date:
        return
    match = re.search(r"(19|20)\d{2}", draft.proposal.session)
    if match and draft.date.year < int(match.group()):
        yield Finding(("date",), f"成文日期 {draft.date_text} 早于会议（{draft.proposal.session}）", "核对成文日期")


@rule("after-deadline", "warning", "成文日期、发出日期不应晚于办理期限；会办意见不应晚到主办单位来不及汇总",
      "提案、建议自交办之日起 3 个月内答复，会办单位 1 个月内向主办单位提出意见（各地不同时在 deadlines 中设置）。"
      "会办意见还须在主办单位期限前 deadlines.lead_days 天（默认 15 天）送到，主办单位才来得及汇总答复。",
      "assigned: 2024-03-15，date: 2024-07-01（办理期限 2024-06-15）", "date: 2024-06-10")
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
        from .deadlines import lead_due

        latest, day = lead_due(draft.assigned, draft.deadlines), draft.sent or draft.date
        if day and day > latest:
            yield Finding(("sent",) if draft.sent else ("date",),
                          f"会办意见 {day} 才发出，主办单位的期限是 {latest + dt.timedelta(days=draft.deadlines['lead_days'])}，"
                          f"留给它汇总答复的不足 {draft.deadlines['lead_days']} 天",
                          f"最迟 {latest} 送到主办单位；或先电话与主办单位商定")


@rule("date-order", "warning", "交办、成文、发出日期的先后应当合理",
      "交办在先，成文在后，发出又在成文之后且不晚于今天；办理期限不早于交办日期。顺序颠倒多半是日期输错。",
      "assigned: 2024-05-01，date: 2024-04-20", "assigned: 2024-03-15，date: 2024-04-20")
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


HALF_WIDTH = re.compile(rf"(?<=[{WIDE}])[,;:?!()]|[,;:?!()](?=[{WIDE}])")
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@rule("half-width-punctuation", "warning", "中文之间的标点应是全角",
      "GB/T 15834：中文行文用全角标点；半角逗号、括号混在中文里是排版疏漏。",
      "保信亚太生物科技(深圳)有限公司", "保信亚太生物科技（深圳）有限公司")
def _half_width(c):
    for path, value in texts(c.data):
        for match in HALF_WIDTH.finditer(value):
            mark = match.group()
            yield Finding(path, f"中文里用了半角“{mark}”", f"改为全角“{FULL[mark]}”", match.start(),
                          ((match.start(), 1, FULL[mark]),))


@rule("bracket-pairs", "error", "括号须成对且同为全角或同为半角",
      "“(联系人…）”这样一半半角一半全角、或缺了一半的括号，印出来就是错的。", "(联系人：陈杰）", "（联系人：陈杰）")
def _brackets(c):
    pairs = {")": "(", "）": "（", "》": "《", "】": "【", "〕": "〔"}
    for path, value in texts(c.data):
        stack = []
        for index, ch in enumerate(value):
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


@rule("nested-quotes", "warning", "引号里的引号用单引号",
      "GB/T 15834：引号内再用引号时，外层用双引号，内层用单引号。",
      "“关于引进俄罗斯“卡脖子”尖端技术”", "“关于引进俄罗斯‘卡脖子’尖端技术”")
def _nested_quotes(c):
    for path, value in texts(c.data):
        depth = 0
        for index, ch in enumerate(value):
            if ch == "“":
                if depth:
                    close = value.find("”", index + 1)
                    fixes = ((index, 1, "‘"), (close, 1, "’")) if close > 0 and value.find("“", index + 1, close) < 0 else ()
                    yield Finding(path, "双引号里又用了双引号", "里层改为单引号‘…’", index, fixes)
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)


@rule("book-title-comma", "warning", "连续的书名号之间不用顿号",
      "GB/T 15834：并列的书名号之间不加顿号。", "《甲措施》、《乙措施》", "《甲措施》《乙措施》")
def _book_titles(c):
    for path, value in texts(c.data):
        for match in re.finditer("》、《", value):
            yield Finding(path, "书名号之间用了顿号", "删去“》、《”中的顿号", match.start() + 1)


@rule("lone-dash", "warning", "破折号是两个“—”",
      "GB/T 15834：破折号占两个字的位置（——）；单个“—”在中文之间多半是破折号打少了。",
      "智能时代与知识产权—2019", "智能时代与知识产权——2019")
def _lone_dash(c):
    for path, value in texts(c.data):
        for match in re.finditer(r"(?<!—)—(?!—)", value):
            before, after = value[max(0, match.start() - 1):match.start()], value[match.end():match.end() + 1]
            if re.match(rf"[{CJK}]", before) and re.match(rf"[{CJK}0-9]", after):
                yield Finding(path, "中文之间只有一个“—”", "破折号写成“——”；表示范围时用“～”或“—”并核对", match.start())


@rule("space-in-chinese", "warning", "中文之间、中文与数字之间不应有空格",
      "从 PDF 或网页复制来的文字常带空格，印出来是多余的空白。", "2019 年 10 月", "2019年10月")
def _spaces(c):
    for path, value in texts(c.data):
        for match in re.finditer(rf"(?<=[{CJK}0-9])[ \u3000]+(?=[{CJK}])|(?<=[{CJK}])[ \u3000]+(?=[0-9])", value):
            yield Finding(path, "中文旁有空格", "删去空格", match.start(), ((match.start(), len(match.group()), ""),))


HAND_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])")


@rule("hand-typed-number", "error", "措施的标题和正文开头不要手写编号",
      "编号（一、（一）1.（1））由 letterkit 按层级生成；手写的编号会与生成的重复或错位。",
      "heading: （一）调整产业发展专项资金政策。", "heading: 调整产业发展专项资金政策。")
def _hand_numbers(c):
    for path, value in texts(c.data):
        if path[0] == "measures" or "content" in path:
            match = HAND_NUMBER.match(value)
            if match:
                yield Finding(path, f"开头手写了编号“{match.group().strip()}”", "删去编号，编号会自动生成", match.start())


def _quoted(text: str | None) -> list[str]:
    return re.findall(r"[《“]([^《》“”]*(?:“[^“”]*”[^《》“”]*)*)[》”]", text or "")


@rule("quoted-title-mismatch", "warning", "标题和开头语中引用的提案标题须与 proposal.title 一致",
      "同一封信里提案标题写成两样，读者不知道哪个是对的。",
      "标题引“关于…新高地”，开头语引“关于…新高地的建议”", "两处都引 proposal.title 的原文")
def _quoted_titles(c):
    if c.draft is None or not c.draft.proposal.title:
        return
    want = c.draft.proposal.title
    for kind in ("title", "p"):
        found = c.written(kind)
        if found is None:
            continue
        path, value = found
        for quoted in _quoted(value):
            if "关于" in quoted and quoted != want and (want in quoted or quoted in want or quoted[:6] == want[:6]):
                yield Finding(path if kind == "title" else ("opening",) if "opening" in c.data else ("template",),
                              f"引用的标题“{quoted[:20]}…”与 proposal.title 不一致", f"改为“{want}”")


@rule("title-form", "warning", "标题用“关于……的答复（复函、会办意见）”，并与正文“现答复如下”一致",
      "答复函的文种是“答复”或“复函”；标题的文种与开头语的“答复如下”应对应。",
      "关于对……提案的回复", "关于对……提案的答复")
def _title_form(c):
    found = c.written("title")
    if found is None:
        return
    path, title = found
    if not re.search(r"(答复|复函|的函|会办意见|协办意见)$", title):  # GB/T 9704: 机关＋事由＋文种; 关于 not required
        yield Finding(path, f"标题“…{title[-8:]}”没有以文种（答复、复函、……的函）结尾",
                      "写成“关于……的答复”“……的复函”（会办单位：“的会办意见”）")
    elif "答复如下" in (c.letter.get("p") or "") and title.endswith("复函") and not title.endswith("答复函"):
        yield Finding(path, "标题的文种是“复函”，开头语却说“答复如下”", "标题改为“的答复”，或开头语改为“函复如下”")


@rule("phone", "error", "联系电话须是座机（可带区号）或手机号码",
      "附注里的电话打不通，委员就无法联系承办人。", "phone: 8297620", "phone: 82976207，0755-82976207 或 13800138000")
def _phone(c):
    draft = c.draft
    if draft is None or draft.contact is None:
        return
    phone = re.sub(r"[\s]", "", draft.contact.phone)
    if not re.fullmatch(r"(0\d{2,3}-?)?[2-9]\d{6,7}|1[3-9]\d{9}", phone):
        yield Finding(("contact", "phone"), f"电话“{draft.contact.phone}”不像座机或手机号码",
                      "座机 7–8 位（可加区号，如 0755-82976207），手机 11 位")


UNITS = (("平米", "平方米"), ("公里", None))


@rule("unit-names", "warning", "用规范的单位名称，一封信里同一单位只用一种写法",
      "GB 3100–3102：平米不是规范名称；㎡ 与 平方米 混用显得不严谨。", "约1.5万平米；3万㎡；40万平方米", "一律写“平方米”")
def _units(c):
    spellings: dict[str, tuple] = {}
    for path, value in texts(c.data):
        for match in re.finditer(r"平米", value):
            yield Finding(path, "“平米”不是规范的单位名称", "改为“平方米”", match.start())
        for spelling in ("㎡", "平方米", "m²"):
            if spelling in value and spelling not in spellings:
                spellings[spelling] = (path, value.index(spelling))
    if len(spellings) > 1:
        (first, _), (second, (path, offset)) = list(spellings.items())[:2]
        yield Finding(path, f"面积单位既写“{first}”又写“{second}”", "全文统一用一种写法", offset)


FIXABLE = ("half-width-punctuation", "nested-quotes", "space-in-chinese")


def fix_file(path, loaded: Loaded, disabled: set[str]) -> tuple[list[str], list[str]]:
    """Apply the safe fixes (punctuation width, nested quotes, spaces) to the draft's own text,
    in place, keeping comments, key order and layout.  Returns (changes made, findings left
    for the clerk because the value spans lines or uses escapes)."""
    from pathlib import Path

    from .write import write_atomic

    source = Path(path).read_text(encoding="utf-8-sig")
    lines = source.split("\n")
    context = Context(loaded.data if isinstance(loaded.data, dict) else {}, None, dt.date.today(), {})
    edits: dict[int, list] = {}
    changed, left = [], []
    for item in RULES:
        if item.code not in FIXABLE or item.code in disabled:
            continue
        for finding in item.check(context):
            where = loaded.sources.locate(finding.path)
            start = _value_start(lines, where, get(loaded.data, finding.path))
            if not finding.fixes or start is None:
                left.append(f"{where}: {item.code} {finding.message}（值跨行或含转义，请手工修改）")
                continue
            for offset, length, replacement in finding.fixes:
                column = start + offset
                old = lines[where.line - 1][column:column + length]
                edits.setdefault(where.line - 1, []).append((column, length, replacement))
                changed.append(f"{where.path}:{where.line}:{column + 1}: 修正 {item.code} “{old}”→“{replacement}”")
    for index, line_edits in edits.items():
        line = lines[index]
        for column, length, replacement in sorted(set(line_edits), reverse=True):
            line = line[:column] + replacement + line[column + length:]
        lines[index] = line
    if edits:
        write_atomic(Path(path), "\n".join(lines).encode("utf-8"))
    return changed, left


def _value_start(lines: list[str], where: Location, value) -> int | None:
    """0-based column where a one-line value's text starts on its line (after a quote, if quoted)."""
    if not isinstance(value, str) or where.line is None or where.column is None:
        return None
    line = lines[where.line - 1]
    column = where.column - 1
    if line[column:column + len(value)] == value:
        return column
    if line[column:column + 1] in "\"'" and line[column + 1:column + 1 + len(value)] == value:
        return column + 1
    return None


def check_draft(loaded: Loaded, draft: Draft | None, disabled: set[str], today: dt.date | None = None,
                letter: dict | None = None) -> list[Problem]:
    """Run every rule not switched off; `draft` is None when validation failed; `letter` holds
    the first title and paragraph of the rendered letter, for the rules about them."""
    context = Context(loaded.data if isinstance(loaded.data, dict) else {}, draft, today or dt.date.today(), letter or {})
    found = []
    for item in RULES + proof.CHECK_RULES:  # form rules here, proofreading rules in letterkit/proof/
        if item.code in disabled:
            continue
        for finding in item.check(context):
            found.append(Problem(_locate(loaded, finding), item.code, finding.message, finding.hint, item.severity))
    return found


def _locate(loaded: Loaded, finding: Finding) -> Location:
    where = loaded.sources.locate(finding.path)
    raw = loaded.sources.raw(finding.path)
    if finding.offset is not None and raw is not None and where.column is not None and "\n" not in raw:
        value = get(loaded.data, finding.path)
        if isinstance(value, str) and value == raw:  # a plain one-line value: point at the character
            return Location(where.path, where.line, where.column + finding.offset)
    return where


def check_paths(paths, project) -> dict:
    """Proofread drafts: {draft path: [Problem]} — load and validation problems included."""
    from pathlib import Path

    from .build import layers
    from .deadlines import today
    from .errors import LetterkitError, display_path
    from .validate import validate

    results: dict = {}
    seen_ids: dict[tuple, list] = {}
    project_disabled = set(project.check_disabled)
    for path in paths:
        display = display_path(path)
        try:
            loaded = layers(path, project)
        except LetterkitError as error:
            results[path] = error.problems
            continue
        problems: list[Problem] = []
        try:
            draft = validate(loaded, display, base_dirs=[Path(path).resolve().parent, project.root])
        except LetterkitError as error:
            draft, problems = None, list(error.problems)
        disabled = project_disabled | set(_draft_disabled(loaded))
        problems += check_draft(loaded, draft, disabled, today=today(), letter=_rendered(draft, project, problems))
        if draft is not None and draft.number is not None:  # across the whole project, like build
            problems += _duplicate_number(path, draft, project)
        if draft is not None and draft.addressee is not None and draft.proposal.id \
                and "duplicate-proposal" not in disabled:
            # replies to the member only: a 会办 opinion to the lead unit shares the proposal's id
            from .assignments import ident  # ＴＡ８０３ and TA803 are one proposal

            seen_ids.setdefault((draft.proposal.kind, ident(draft.proposal.id).upper()), []).append((path, loaded))
        results[path] = problems
    for (kind, number), drafts in seen_ids.items():
        if len(drafts) > 1:
            for path, loaded in drafts:
                others = "、".join(display_path(p) for p, _ in drafts if p != path)
                results[path].append(Problem(loaded.sources.locate(("proposal", "id")), "duplicate-proposal",
                                             f"{kind} {number} 也由 {others} 答复", "一件提案/建议只写一份草稿", "error"))
    for path in results:
        results[path].sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
    return results


def _rendered(draft, project, problems) -> dict:
    """The letter's title and opening as the template writes them (template problems are reported)."""
    if draft is None:
        return {}
    from .build import letter_blocks
    from .errors import LetterkitError

    try:
        blocks = letter_blocks(draft, project)
    except LetterkitError as error:
        problems.extend(error.problems)
        return {}
    letter: dict = {}
    for block in blocks:
        if block.kind == "title":
            letter["title"] = letter.get("title", "") + block.text
        elif block.kind == "p" and "p" not in letter:
            letter["p"] = block.text
    return letter


def _draft_disabled(loaded: Loaded) -> list[str]:
    settings = loaded.data.get("check") if isinstance(loaded.data, dict) else None
    disabled = settings.get("disable") if isinstance(settings, dict) else None
    return [code for code in disabled if isinstance(code, str)] if isinstance(disabled, list) else []


RULE_CODES = ("duplicate-proposal",) + proof.CODES  # rules checked across drafts, and letterkit/proof's


def _duplicate_number(path, draft, project) -> list[Problem]:
    """Two letters with one 发文字号: an error build reports too, so it cannot be switched off."""
    from .docnumbers import duplicate_message, others_with

    number = draft.number
    others = others_with(project, path, number.code, number.year, number.seq)
    if not others:
        return []
    where = draft.sources.locate(("number", "seq"))
    message, hint = duplicate_message(str(number), others, path, where.path)
    return [Problem(where, "duplicate-number", message, hint, "error")]


def rules_markdown() -> str:
    """docs/rules.md, from RULES: regenerate with `python3 -m letterkit.lint > docs/rules.md`."""
    lines = ["# letterkit check 的规则", "",
             "由 `letterkit/lint.py` 中的 RULES 生成（`python3 -m letterkit.lint > docs/rules.md`），不要手改。",
             "草稿或项目文件中用 `check: {disable: [代码]}` 关掉某条规则；`--strict` 让警告也算不通过。", ""]
    for item in RULES:
        severity = "错误" if item.severity == "error" else "警告"
        lines += [f"## `{item.code}`（{severity}）", "", item.summary, "", f"为什么：{item.why}", "",
                  f"- 错：{item.bad}", f"- 对：{item.good}", ""]
    lines += ["## `duplicate-proposal`（错误）", "", "同一件提案/建议在项目里只能有一份草稿。", "",
              "为什么：两份草稿答复同一件提案，会寄出两封不同的信。", "",
              "## `duplicate-number`（错误，不能关闭）", "", "一个发文字号（机关代字、年份、顺序号）在项目里只能用于一份草稿。", "",
              "为什么：两封信同为 福住建函〔2024〕35号 是错信；letterkit build 也拒绝生成。", ""]
    lines += proof.rules_markdown()
    return "\n".join(lines)


if __name__ == "__main__":
    print(rules_markdown(), end="")
