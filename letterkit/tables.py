"""Spreadsheets as grids: an .xlsx workbook or a .csv file read into rows of cell values.

.xls (Excel 97–2003, still what many offices send) is read with xlrd.
Merged cells are filled with their top-left value and remembered (a merged header is how
lists group 主办/会办 under 承办单位; a merged data cell is a row to report).  A CSV may be
UTF-8 (with or without a BOM, as Excel and WPS save it) or GBK (older Excel on Chinese Windows).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterkitError, Location, Problem, display_path


@dataclass
class Sheet:
    where: str                     # how problems name it: 清单.xlsx[Sheet1], or 清单.csv
    rows: list[list]               # cell values, 0-based; merged cells hold the top-left value
    merged: dict = field(default_factory=dict)  # (row, column) 0-based → its range, e.g. "C5:C6"
    encoding: str | None = None    # a CSV's, as detected

    def __post_init__(self):
        while self.rows and all(v is None for v in self.rows[-1]):  # formatting often reaches far below the data
            self.rows.pop()

    def value(self, row: int, column: int):
        line = self.rows[row] if row < len(self.rows) else []
        return line[column] if column < len(line) else None


def column_letter(index: int) -> str:
    """0 → A, 26 → AA: the column as the spreadsheet shows it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read(path: Path) -> list[Sheet]:
    suffix = path.suffix.lower()
    shown = display_path(path)
    if suffix == ".csv":
        return [_csv(path, shown)]
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, shown)
    if suffix == ".xls":
        return _xls(path, shown)
    if suffix in (".et", ".ods", ".wps"):
        raise LetterkitError([Problem(Location(shown), "unsupported-list", f"不能直接读 {suffix} 文件",
                                      "用 Excel、WPS 或 LibreOffice 另存为 .xlsx（或运行 soffice --headless "
                                      f"--convert-to xlsx {shown}），再用 letterkit new --from 读 .xlsx")])
    raise LetterkitError([Problem(Location(shown), "unsupported-list", f"交办清单应是 .xlsx 或 .csv 文件，不是 '{suffix or '无后缀'}'",
                                  "在 Excel/WPS 中另存为 .xlsx 或 .csv")])


def _csv(path: Path, shown: str) -> Sheet:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # gb18030 reads every GBK file
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # gb18030 decodes nearly anything, so this is a damaged or binary file
        raise LetterkitError([Problem(Location(shown), "bad-encoding", "无法按 UTF-8 或 GBK 读这个 CSV 文件",
                                      "在 Excel/WPS 中另存为“CSV UTF-8”")])
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as error:
        raise LetterkitError([Problem(Location(shown), "bad-csv", f"CSV 格式有误：{error}", "在 Excel/WPS 中重新另存为 CSV")])
    rows = [[cell if cell.strip() else None for cell in row] for row in rows]
    return Sheet(shown, rows, encoding="UTF-8" if encoding == "utf-8-sig" else "GBK")


def _xlsx(path: Path, shown: str) -> list[Sheet]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)  # formulas as the values last computed
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise LetterkitError([Problem(Location(shown), "bad-xlsx", f"无法读取这个 .xlsx 文件：{error}",
                                      "用 Excel、WPS 或 LibreOffice 打开后重新另存为 .xlsx")]) from None
    sheets = []
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        rows = [[None if isinstance(v, str) and not v.strip() else v for v in row] for row in rows]
        merged = {}
        for span in sheet.merged_cells.ranges:
            top = sheet.cell(span.min_row, span.min_col).value
            for r in range(span.min_row - 1, span.max_row):
                for c in range(span.min_col - 1, span.max_col):
                    while len(rows) <= r:
                        rows.append([])
                    while len(rows[r]) <= c:
                        rows[r].append(None)
                    rows[r][c] = top
                    merged[(r, c)] = span.coord
        sheets.append(Sheet(f"{shown}[{sheet.title}]", rows, merged))
    return sheets


def _xls(path: Path, shown: str) -> list[Sheet]:
    import xlrd

    convert = f"用 Excel、WPS 或 LibreOffice 另存为 .xlsx（或运行 soffice --headless --convert-to xlsx {shown}）再读"
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)  # formatting_info: merged cells
    except (xlrd.XLRDError, OSError, ValueError, AssertionError, IndexError, KeyError) as error:
        # web systems often export HTML or .xlsx under an .xls name
        raise LetterkitError([Problem(Location(shown), "bad-xls", f"无法按 Excel 97–2003 格式读这个 .xls 文件：{error}",
                                      convert)]) from None
    sheets = []
    for sheet in book.sheets():
        rows = [[_xls_value(sheet.cell(r, c), book.datemode) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
        merged = {}
        for first_row, end_row, first_col, end_col in sheet.merged_cells:
            span = f"{column_letter(first_col)}{first_row + 1}:{column_letter(end_col - 1)}{end_row}"
            for r in range(first_row, end_row):
                for c in range(first_col, end_col):
                    rows[r][c] = rows[first_row][first_col]
                    merged[(r, c)] = span
        sheets.append(Sheet(f"{shown}[{sheet.name}]", rows, merged))
    return sheets


def _xls_value(cell, datemode):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return int(cell.value) if float(cell.value).is_integer() else cell.value
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value if cell.value.strip() else None
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:  # #DIV/0! and the like: reported as bad cells, as in an .xlsx
        return xlrd.error_text_from_code.get(cell.value, "#VALUE!")
    return None  # empty, blank
