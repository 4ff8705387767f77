"""Reading an assignment list (交办清单): the rows that assign proposals to one department.

The list is read as a grid (`tables`), its header row found and each column placed through
the synonyms in data/columns.yaml (lists spell 编号 as 提案号, 案号…), every row turned into an
`Assignment` or into problems naming its sheet, row and column.  A row is this department's
when its 主办 or 会办 cell names the organ's full name, short name or one of its `aliases`;
rows for other departments are counted and skipped.  `listdrafts` writes the drafts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import tables
from .errors import LetterkitError, Location, Problem, display_path

DATA = Path(__file__).parent / "data" / "columns.yaml"
LEAD, COHANDLING = "主办", "会办"
REQUIRED = ("id", "title", "lead")
_NOTE = re.compile(r"[（(【\[].*?[）)】\]]")
_UNIT_SPLIT = re.compile(r"[、,，;；/\n]+|\s{2,}|\s(?=\S)")
_SECTIONS = re.compile(r"(主办|会办|协办)(单位|部门)?\s*[:：]")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def normal(text) -> str:
    """A header or unit as compared: no spaces, stars or notes in brackets."""
    text = re.sub(r"[\s*＊]", "", str(text))
    return _NOTE.sub("", text) or text


def field_names() -> dict[str, str]:
    """Field key → its Chinese name (编号, 标题 …)."""
    return dict(vocabulary()["names"])


def known_headers() -> dict[str, str | None]:
    """Normalised header → field key (None: a column we know and do not need)."""
    data = vocabulary()
    known: dict[str, str | None] = {normal(h): None for h in data["ignore"]}
    for key, spellings in data["fields"].items():
        for spelling in spellings:
            known[normal(spelling)] = key
    return known


def parse_columns(options: tuple[str, ...]) -> dict[str, str | None]:
    """--columns '案由摘要=标题' (or =title, or =- to ignore a column), several by commas."""
    names = field_names()
    by_name = {**{v: k for k, v in names.items()}, **{k: k for k in names}}
    mapping, problems = {}, []
    for option in options:
        for pair in filter(None, (p.strip() for p in re.split(r"[,，]", option))):
            header, sep, target = pair.partition("=")
            target = target.strip()
            if not sep or not header.strip() or (target not in by_name and target != "-"):
                problems.append(Problem(Location("--columns"), "bad-columns", f"无法理解 '{pair}'",
                                        "写成 '表头=字段'，字段可以是：" + "、".join(names.values()) + "，或 - 表示忽略这一列"))
                continue
            mapping[normal(header)] = None if target == "-" else by_name[target]
    if problems:
        raise LetterkitError(problems)
    return mapping


@dataclass
class Assignment:
    where: str            # sheet, as problems name it
    row: int              # 1-based, as the spreadsheet shows it
    id: str
    title: str
    kind: str
    role: str             # 主办 or 会办
    proposers: list[str] = field(default_factory=list)
    session: str | None = None
    lead: list[str] = field(default_factory=list)
    cohandling: list[str] = field(default_factory=list)
    assigned: dt.date | None = None
    due: dt.date | None = None


@dataclass
class Reading:
    """What a list holds for one department."""
    mine: list[Assignment] = field(default_factory=list)
    others: int = 0       # rows for other departments, skipped
    empty: int = 0        # blank rows
    bad: int = 0          # rows reported and not used
    problems: list[Problem] = field(default_factory=list)


def read_list(path: Path, names: set[str], columns: dict | None = None, kind: str | None = None) -> Reading:
    """The list's rows for the department called by any of `names` (normalised)."""
    known = {**known_headers(), **(columns or {})}
    reading = Reading()
    sheets = tables.read(path)
    found_header = False
    for sheet in sheets:
        header = _header(sheet, known)
        if header is None:
            continue
        found_header = True
        first, places, problems = header
        reading.problems += problems
        if any(p.severity == "error" for p in problems):
            continue
        for index in range(first, len(sheet.rows)):
            _row(sheet, index, places, names, kind, reading)
    if not found_header:
        sheet = sheets[0] if sheets else None
        seen = [str(v) for v in (sheet.rows[0] if sheet and sheet.rows else []) if v is not None][:12]
        raise LetterkitError([Problem(Location(sheet.where if sheet else display_path(path), 1), "no-header",
                                      "找不到表头（应有“编号”“标题”“主办单位”等列）" + (f"，第 1 行是：{'、'.join(seen)}" if seen else ""),
                                      "认得的表头：" + _known_list() + "；别的写法用 --columns '表头=字段' 指定")])
    return reading


def _known_list() -> str:
    data, names = vocabulary(), field_names()
    return "；".join(f"{names[key]}：{'/'.join(spellings)}" for key, spellings in data["fields"].items())


def _header(sheet: tables.Sheet, known: dict):
    """(first data row, {column: field}, problems) for the sheet's header, or None without one.
    A header may take two rows: 承办单位 merged over 主办单位 | 会办单位."""
    for r in range(min(len(sheet.rows), 30)):
        places = {c: known[normal(v)] for c, v in enumerate(sheet.rows[r])
                  if v is not None and known.get(normal(v))}
        if len(set(places.values())) < 2 or not {"id", "title"} & set(places.values()):
            continue
        groups = [c for c in range(len(sheet.rows[r])) if _spans_columns(sheet, r, c)]
        two_rows = any(sheet.value(r + 1, c) not in (None, sheet.value(r, c)) and normal(sheet.value(r + 1, c)) in known
                       for c in groups)  # sub-headers below a merged group, not the first data row
        places, unknown, problems = {}, [], []
        for c, value in enumerate(sheet.rows[r]):
            if not two_rows and c in groups and _span(sheet, r, c)[0] != c:
                continue  # a wide header cell: its column is the first one
            below = sheet.value(r + 1, c) if two_rows else None
            candidates = [below, f"{value}{below}", value] if below not in (None, value) else [value]
            candidates = [normal(x) for x in candidates if x is not None]
            if not candidates:
                continue
            place = next((known[x] for x in candidates if x in known), "?")
            if place == "?":
                unknown.append((c, candidates[0]))
            elif place is not None:
                if place in places.values():
                    earlier = next(k for k, v in places.items() if v == place)
                    problems.append(_at(sheet, r, c, "duplicate-column",
                                        f"这一列和 {tables.column_letter(earlier)} 列都是“{field_names()[place]}”",
                                        "删去或改名其中一列，或用 --columns '表头=-' 忽略一列"))
                    continue
                places[c] = place
        for c, text in unknown:
            problems.append(_at(sheet, r, c, "unknown-column", f"不认识表头“{text}”",
                                f"用 --columns '{text}=字段' 指定它是哪一列，或 --columns '{text}=-' 忽略它；认得的表头：{_known_list()}"))
        for key in REQUIRED:
            if key not in places.values():
                problems.append(_at(sheet, r, None, "missing-column", f"表头中没有“{field_names()[key]}”列",
                                    f"认得的写法：{'/'.join(vocabulary()['fields'][key])}；别的写法用 --columns '表头={field_names()[key]}' 指定"))
        return r + (2 if two_rows else 1), places, problems
    return None


def _span(sheet: tables.Sheet, r: int, c: int) -> tuple[int, int, int, int] | None:
    """(first column, first row, last column, last row), 0-based, of the merged range holding (r, c)."""
    if (r, c) not in sheet.merged:
        return None
    from openpyxl.utils.cell import range_boundaries

    return tuple(n - 1 for n in range_boundaries(sheet.merged[(r, c)]))


def _spans_columns(sheet: tables.Sheet, r: int, c: int) -> bool:
    span = _span(sheet, r, c)
    return span is not None and span[1] == span[3] == r and span[2] > span[0]


def _at(sheet, r, c, code, message, hint, severity="error") -> Problem:
    where = f"{tables.column_letter(c)}{r + 1}：" if c is not None else f"第 {r + 1} 行："
    return Problem(Location(sheet.where, r + 1, None if c is None else c + 1), code, where + message, hint, severity)


def _row(sheet, r, places, names, default_kind, reading: Reading) -> None:
    cells = {key: sheet.value(r, c) for c, key in places.items()}
    column = {key: c for c, key in places.items()}
    if all(v is None for v in sheet.rows[r]):
        reading.empty += 1
        return
    lead, cohandling = _units(cells.get("lead")), _units(cells.get("cohandling"))
    sections = _sections(cells.get("lead"))
    if sections:
        lead, cohandling = sections[LEAD], cohandling + sections[COHANDLING]
    role = LEAD if any(normal(u) in names for u in lead) else COHANDLING if any(normal(u) in names for u in cohandling) else None
    problems = []
    if role is None:
        if lead:
            reading.others += 1
            return
        problems.append(_at(sheet, r, column["lead"], "missing-value", "没有主办单位", "填上主办单位"))
    merged = sorted({sheet.merged[(r, c)] for c in range(len(sheet.rows[r])) if _blurs(sheet, r, c, places)})
    for span in merged:
        problems.append(_at(sheet, r, _first_column(span), "merged-cell", f"{span} 是合并单元格，读不出每一行各自的值",
                            "取消合并，在每一行填上各自的值"))
    ident, title = _text(cells.get("id")), _text(cells.get("title"))
    if ident is None:
        problems.append(_at(sheet, r, column["id"], "missing-value", "没有编号", "填上提案/建议的编号"))
    if title is None:
        problems.append(_at(sheet, r, column["title"], "missing-value", "没有标题", "填上提案/建议的标题"))
    proposers = _names(cells.get("proposers"))
    if role == LEAD and not proposers:
        problems.append(_at(sheet, r, column.get("proposers"), "missing-value", "主办的提案/建议没有提案人（答复函写给谁）",
                            "填上提案人或领衔代表" if "proposers" in column else "清单要有“提案人”或“代表”一列"))
    session = _text(cells.get("session"))
    kind = _kind(_text(cells.get("kind")), ident, session) or default_kind
    if kind is None and ident is not None:
        problems.append(_at(sheet, r, column.get("kind", column["id"]), "unknown-kind", "看不出是提案还是建议",
                            "加一列“类型”写 提案 或 建议，或用 --kind 指定整张清单的类型"))
    dates = {}
    for key in ("assigned", "due"):
        raw = cells.get(key)
        dates[key] = _date(raw)
        if raw is not None and dates[key] is None:
            problems.append(_at(sheet, r, column[key], "bad-date", f"{field_names()[key]}“{raw}”不是日期",
                                "写成 2024-03-15，或设为日期格式的单元格"))
    if role is not None and "assigned" in column and cells.get("assigned") is None and not problems:
        reading.problems.append(_at(sheet, r, column["assigned"], "no-assigned-date", "没有交办日期，letterkit register 算不出办理期限",
                                    "在清单中补上，或在生成的草稿里写 assigned: 日期", "warning"))
    if problems:
        reading.bad += 1
        reading.problems += problems
        return
    reading.mine.append(Assignment(sheet.where, r + 1, ident, title, kind, role, proposers, session, lead, cohandling,
                                   dates["assigned"], dates["due"]))


def _blurs(sheet, r, c, places) -> bool:
    """A cell merged over rows, or over the columns of two fields, has no value of its own for this row
    (one merged over a single field's columns, as under a wide header, is fine)."""
    span = _span(sheet, r, c)
    return span is not None and (span[1] != span[3] or sum(span[0] <= k <= span[2] for k in places) > 1)


def _first_column(span: str) -> int:
    from openpyxl.utils.cell import range_boundaries

    return range_boundaries(span)[0] - 1


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.strftime("%Y-%m-%d")
    text = re.sub(r"\s+", " ", str(value)).strip()
    return None if text in ("", "无", "-", "—") else text


def _units(value) -> list[str]:
    text = _text(value)
    return [u for u in (p.strip() for p in _UNIT_SPLIT.split(text)) if u] if text else []


def _sections(value) -> dict | None:
    """One 承办单位 cell written '主办：区教育局；会办：区住建局、区交通局'."""
    text = _text(value)
    if not text or not _SECTIONS.search(text):
        return None
    parts = _SECTIONS.split(text)
    found = {LEAD: [], COHANDLING: []}
    for index in range(1, len(parts) - 2, 3):
        found[LEAD if parts[index] == "主办" else COHANDLING] += _units(parts[index + 2])
    return found


def _names(value) -> list[str]:
    """'张三、李四', '张三委员，李四委员' or '张 三 李四' → ['张三', '李四'] (a name padded to width is one name)."""
    text, names = _text(value), []
    pieces = []
    for part in re.split(r"[、,，;；/\n]+", text or ""):
        words = part.split()
        pieces += ["".join(words)] if words and all(len(w) == 1 for w in words) else words
    for name in pieces:
        name = re.sub(r"(委员|代表)$", "", name) if len(name) > 3 else name
        if name and name not in names:
            names.append(name)
    return names


def _kind(column: str | None, ident: str | None, session: str | None) -> str | None:
    """From a 类型 column, else the number's prefix, else the session's name."""
    kinds = vocabulary()["kinds"]
    if column:
        for kind in kinds:
            if kind in column:
                return kind
    for kind, rules in kinds.items():
        if ident and any(ident.upper().startswith(p) for p in rules["prefixes"]):
            return kind
    for kind, rules in kinds.items():
        if session and any(word in session for word in rules["session_words"]):
            return kind
    return None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # a date cell that lost its format: days since 1899-12-30
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        value = str(int(value))
    text = _text(value)
    if text is None:
        return None
    match = (re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
             or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text))
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
