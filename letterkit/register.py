"""`letterkit register`: the office's 办理情况汇总, one row per draft.

Rows come from the drafts as validated (a draft with errors still gets a row, saying so), the
state of each output from the build manifest, sorted by proposal id.  Printed as a table, or
written as CSV (UTF-8 with a BOM, so Excel and WPS read the Chinese) and as XLSX.

Deadlines: a draft with `assigned` (or `due`) gets its 办理期限 and the days left on the day of
the report.  It is 已办复 once the draft says when the letter went out (`sent`): a built letter
is not yet a sent one, and drafts from `new --from` build from the first day.  Otherwise it is
已逾期 past its deadline and 即将到期 within `deadlines.warn_days`; else the build state shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from . import deadlines
from .errors import LetterkitError, display_path
from .manifest import Manifest


@dataclass
class Row:
    kind: str = ""
    id: str = ""
    member: str = ""
    title: str = ""
    department: str = ""
    number: str = ""
    category: str = ""
    date: str = ""
    assigned: str = ""
    due: str = ""
    remaining: str = ""
    status: str = ""
    output: str = ""
    state: str = ""       # not a column: 已办复, 已逾期, 即将到期 or ""
    built: bool = False   # not a column: the letter is built and up to date


HEADINGS = {"kind": "类型", "id": "编号", "member": "委员/代表", "title": "提案/建议标题", "department": "部门",
            "number": "发文字号", "category": "类别", "date": "成文日期", "assigned": "交办日期", "due": "办理期限",
            "remaining": "剩余天数", "status": "状态", "output": "输出文件"}
WIDTHS = {"kind": 6, "id": 14, "member": 18, "title": 48, "department": 14, "number": 20, "category": 6,
          "date": 12, "assigned": 12, "due": 12, "remaining": 10, "status": 12, "output": 40}
DATES = ("date", "assigned", "due")
FILLS = {deadlines.LATE: "FFC7CE", deadlines.SOON: "FFEB9C"}  # Excel's light red and light yellow


def _cells(row: Row) -> list:
    return [getattr(row, name) for name in HEADINGS]


def rows(drafts: list[Path], project, output: Path | None = None, department: str | None = None,
         kind: str | None = None, today: dt.date | None = None) -> list[Row]:
    from .build import layers, read_draft

    today = today or deadlines.today()
    manifest = Manifest(Path(output) if output else project.output, project.root)
    found = []
    for path in drafts:
        target = project.output_for(path, output)
        if manifest.up_to_date(path, target):
            status = "已生成，最新"
        elif target.exists():
            status = "已生成，需重新生成"
        else:
            status = "未生成"
        row = Row(output=display_path(target) if target.exists() else "")
        loaded = None
        try:
            loaded = layers(path, project)
            draft = read_draft(path, project, loaded)
        except LetterkitError:
            raw = loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}
            proposal = raw.get("proposal") if isinstance(raw.get("proposal"), dict) else {}
            row.kind, row.id = (str(proposal.get(key)) if proposal.get(key) is not None else "" for key in ("kind", "id"))
            row.department, row.status = str(raw.get("department") or ""), "草稿有误"
            row.title = f"（{display_path(path)}，运行 letterkit check 查看）"
        else:
            row.kind, row.id, row.title = draft.proposal.kind, draft.proposal.id or "", draft.proposal.title or ""
            row.member = draft.addressee.salutation if draft.addressee else (draft.recipient or "")
            if draft.addressee and draft.salutation:  # a collective or a group: as the letter addresses it
                row.member = re.sub(r"^尊敬的|[:：]\s*$", "", draft.salutation.strip())
            row.department = draft.department or ""
            row.number = str(draft.number) if draft.number else ""
            row.category = draft.category or ""
            row.date = draft.date.isoformat() if draft.date else ""
            row.assigned = draft.assigned.isoformat() if draft.assigned else ""
            row.due = draft.due.isoformat() if draft.due else ""
            row.state = deadlines.state(draft.due, draft.sent is not None, today, draft.deadlines["warn_days"])
            if draft.due and not row.state == deadlines.ANSWERED:
                row.remaining = str((draft.due - today).days)
            row.built = status == "已生成，最新"
            row.status = row.state or status
        if (department is None or row.department == department) and (kind is None or row.kind == kind):
            found.append(row)
    return sorted(found, key=lambda r: (_natural(r.id), r.kind, r.number))


def by_due(found: list[Row]) -> list[Row]:
    """Late first (the most overdue first), then nearly due, then the rest by deadline;
    letters without a deadline, then those answered, last."""
    rank = {deadlines.LATE: 0, deadlines.SOON: 1, "": 2, deadlines.ANSWERED: 4}
    return sorted(found, key=lambda r: (rank[r.state] + (1 if r.state == "" and not r.due else 0), r.due or "9999",
                                        _natural(r.id), r.kind, r.number))


def summary(found: list[Row]) -> list[dict]:
    """`letterkit status`: per department and kind, how many to answer (total), built and up to
    date, answered (sent), late and nearly due; a 合计 line when there are several groups."""
    groups: dict[tuple, dict] = {}
    states = {"answered": deadlines.ANSWERED, "late": deadlines.LATE, "soon": deadlines.SOON}
    for row in found:
        counts = groups.setdefault((row.department, row.kind), {"department": row.department, "kind": row.kind,
                                                                 "total": 0, "built": 0, **{k: 0 for k in states}})
        counts["total"] += 1
        counts["built"] += row.built
        for key, state in states.items():
            counts[key] += row.state == state
    result = [groups[key] for key in sorted(groups)]
    if len(result) > 1:
        numbers = ("total", "built", *states)
        result.append({"department": "合计", "kind": "", **{k: sum(g[k] for g in result) for k in numbers}})
    return result


def _natural(text: str) -> tuple:
    """TA2024-9 before TA2024-10: digits compare as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2e7f else 1 for ch in text)


def table(found: list[Row]) -> str:
    """Columns lined up for a terminal, Chinese counted double width."""
    return _lined([list(HEADINGS.values())] + [_cells(r) for r in found])


def table_of(records: list[dict]) -> str:
    """A list of same-keyed dicts lined up like `table`."""
    if not records:
        return "（没有草稿）\n"
    return _lined([list(records[0])] + [[str(v) for v in r.values()] for r in records])


def _lined(cells: list[list[str]]) -> str:
    widths = [max(_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


# A cell starting with one of these is read by Excel, WPS and LibreOffice as a formula
# (“CSV injection”): a draft's title must never run as one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: str) -> str:
    """A CSV cell that a spreadsheet shows as the text it is: an apostrophe before a formula start."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def to_csv(found: list[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADINGS.values())
    writer.writerows([cell if name == "remaining" else as_text(cell) for name, cell in zip(HEADINGS, _cells(r))]
                     for r in found)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(found: list[Row]) -> bytes:
    """A workbook with a bold, frozen, filterable header, dates as dates, late rows filled red and
    nearly due ones yellow; the same bytes each time."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from .write import fixed_zip

    book = Workbook()
    sheet = book.active
    sheet.title = "办理情况汇总"
    names = list(HEADINGS)
    sheet.append(list(HEADINGS.values()))
    for row in found:
        values = _cells(row)
        for name in DATES:
            if getattr(row, name):
                values[names.index(name)] = dt.date.fromisoformat(getattr(row, name))
        if row.remaining:
            values[names.index("remaining")] = int(row.remaining)
        sheet.append(values)
        if row.state in FILLS:
            fill = PatternFill("solid", start_color=FILLS[row.state], end_color=FILLS[row.state])
            for cell in sheet[sheet.max_row]:
                cell.fill = fill
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with = (openpyxl would write a formula)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, name in enumerate(names, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS[name]
        if name in DATES:
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    when = dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = when
    book.properties.creator = "letterkit"
    raw = io.BytesIO()
    book.save(raw)

    def unclocked(name: str, content: bytes) -> bytes:  # openpyxl stamps the save time as "modified"
        if name != "docProps/core.xml":
            return content
        return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)

    return fixed_zip(raw.getvalue(), when, unclocked)
