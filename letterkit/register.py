"""`letterkit register`: the office's 办理情况汇总, one row per draft.

Rows come from the drafts as validated (a draft with errors still gets a row, saying so), the
state of each output from the build manifest, sorted by proposal id.  Printed as a table, or
written as CSV (UTF-8 with a BOM, so Excel and WPS read the Chinese) and as XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import astuple, dataclass, fields
from pathlib import Path

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
    status: str = ""
    output: str = ""


HEADINGS = {"kind": "类型", "id": "编号", "member": "委员/代表", "title": "提案/建议标题", "department": "部门",
            "number": "发文字号", "category": "类别", "date": "成文日期", "status": "状态", "output": "输出文件"}
WIDTHS = {"kind": 6, "id": 14, "member": 18, "title": 48, "department": 14, "number": 20, "category": 6,
          "date": 12, "status": 12, "output": 40}


def rows(drafts: list[Path], project, output: Path | None = None, department: str | None = None,
         kind: str | None = None) -> list[Row]:
    from .build import layers, read_draft

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
            row.department = draft.department or ""
            row.number = str(draft.number) if draft.number else ""
            row.category = draft.category or ""
            row.date = draft.date.isoformat() if draft.date else ""
            row.status = status
        if (department is None or row.department == department) and (kind is None or row.kind == kind):
            found.append(row)
    return sorted(found, key=lambda r: (_natural(r.id), r.kind, r.number))


def _natural(text: str) -> tuple:
    """TA2024-9 before TA2024-10: digits compare as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2e7f else 1 for ch in text)


def table(found: list[Row]) -> str:
    """Columns lined up for a terminal, Chinese counted double width."""
    names = [f.name for f in fields(Row)]
    cells = [[HEADINGS[n] for n in names]] + [list(astuple(r)) for r in found]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(names))]
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
    writer.writerows([as_text(cell) for cell in astuple(r)] for r in found)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(found: list[Row]) -> bytes:
    """A workbook with a bold, frozen, filterable header, dates as dates; the same bytes each time."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .write import fixed_zip

    book = Workbook()
    sheet = book.active
    sheet.title = "办理情况汇总"
    names = [f.name for f in fields(Row)]
    sheet.append(list(HEADINGS.values()))
    for row in found:
        values = list(astuple(row))
        if row.date:
            values[names.index("date")] = dt.date.fromisoformat(row.date)
        sheet.append(values)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with = (openpyxl would write a formula)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, name in enumerate(names, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS[name]
        if name == "date":
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
