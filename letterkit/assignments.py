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
import unicodedata
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
_ROLE_MARK = re.compile(r"[（(【\[]\s*(主办|主|牵头|会办|会|协办|协|配合)(单位)?\s*[）)】\]]\s*$")
_ERRORS = {"#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"}
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")  # zero-width and BOM: dropped
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
LISTED = ("proposers", "lead", "cohandling")  # fields whose several columns are a list
CONTINUED = ("proposers", "cohandling")  # an unnamed column right after one of these holds more of its names


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def normal(text) -> str:
    """A header or unit as compared: no spaces, stars or notes in brackets."""
    text = re.sub(r"[\s*＊]", "", _INVISIBLE.sub("", str(text)))
    return _NOTE.sub("", text) or text


def ident(text) -> str:
    """A proposal number as compared and named: NFKC (ＴＡ８０３ is TA803), no spaces or zero-width marks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _INVISIBLE.sub("", str(text))))


def role_of(text) -> str | None:
    """主办 for 主办/主/牵头/单独…, 会办 for 会办/会/协办/协/配合, else None."""
    text = normal(text) if text is not None else ""
    if re.search(r"会|协|配合", text):
        return COHANDLING
    if re.search(r"主|牵头|单独|独办", text):
        return LEAD
    return None


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
        first, places, extras, problems = header
        reading.problems += problems
        if any(p.severity == "error" for p in problems):
            continue
        leads: dict[str, list[str]] = {}  # one row per unit, the role in a column: the lead unit's rows
        for index in range(first, len(sheet.rows)):
            _row(sheet, index, places, extras, names, kind, reading, leads)
        for item in reading.mine:
            if item.where == sheet.where and item.role == COHANDLING and item.lead == ["?"]:
                item.lead = leads.get(item.id, [])
                if not item.lead:
                    reading.problems.append(_at(sheet, item.row - 1, None, "missing-value",
                                                f"{item.id} 本部门会办，清单中找不到它的主办单位",
                                                "补上主办单位那一行，或在生成的草稿里写 recipient: 主办单位", "warning"))
                    item.lead = ["（主办单位）"]
    if not found_header:
        sheet = sheets[0] if sheets else None
        seen = [str(v) for v in (sheet.rows[0] if sheet and sheet.rows else []) if v is not None][:12]
        raise LetterkitError([Problem(Location(sheet.where if sheet else display_path(path), 1), "no-header",
                                      "找不到表头（应有“编号”“标题”“主办单位”等列）" + (f"，第 1 行是：{'、'.join(seen)}" if seen else ""),
                                      "认得的表头：" + _known_list() + "；别的写法用 --columns '表头=字段' 指定")])
    _twice(reading)
    return reading


def _twice(reading: Reading) -> None:
    """The same case listed twice with different titles: a warning naming both rows (the first is used)."""
    first: dict[tuple, Assignment] = {}
    for item in reading.mine:
        key = (item.kind, ident(item.id).upper(), item.role)
        earlier = first.setdefault(key, item)
        if earlier is not item and earlier.title != item.title:
            reading.problems.append(Problem(Location(item.where, item.row), "duplicate-row",
                                            f"第 {item.row} 行和第 {earlier.row} 行都是{item.kind} {item.id}，标题却不同："
                                            f"“{earlier.title}”“{item.title}”",
                                            f"核对清单；草稿按第 {earlier.row} 行生成", "warning"))


def _known_list() -> str:
    data, names = vocabulary(), field_names()
    return "；".join(f"{names[key]}：{'/'.join(spellings)}" for key, spellings in data["fields"].items())


def _header(sheet: tables.Sheet, known: dict):
    """(first data row, {column: field}, {column: [more columns]}, problems) for the sheet's header, or None.
    A header may take two rows: 承办单位 merged over 主办单位 | 会办单位.  A header cell merged over
    several columns takes the values of all of them, as does an unnamed column after a list (提案人, 会办单位)."""
    for r in range(min(len(sheet.rows), 30)):
        places = {c: known[normal(v)] for c, v in enumerate(sheet.rows[r])
                  if v is not None and known.get(normal(v))}
        if len(set(places.values())) < 2 or not {"id", "title"} & set(places.values()):
            continue
        groups = [c for c in range(len(sheet.rows[r])) if _spans_columns(sheet, r, c)]
        two_rows = any(sheet.value(r + 1, c) not in (None, sheet.value(r, c)) and normal(sheet.value(r + 1, c)) in known
                       for c in groups)  # sub-headers below a merged group, not the first data row
        places, extras, unknown, problems = {}, {}, [], []
        for c, value in enumerate(sheet.rows[r]):
            if not two_rows and c in groups and _span(sheet, r, c)[0] != c:
                if _span(sheet, r, c)[0] in places:
                    extras.setdefault(_span(sheet, r, c)[0], []).append(c)  # a wide header: its columns are one
                continue
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
        first = r + (2 if two_rows else 1)
        width = max((len(row) for row in sheet.rows[first:]), default=0)
        for c in range(width):
            if sheet.value(r, c) is not None or (two_rows and sheet.value(r + 1, c) is not None):
                continue
            if not any(sheet.value(x, c) is not None for x in range(first, len(sheet.rows))):
                continue
            owner = next((k for k, more in extras.items() if c - 1 in more), c - 1)
            if places.get(owner) in CONTINUED:
                extras.setdefault(owner, []).append(c)  # 提案人 | (no header): 张三 | 李四
            else:
                problems.append(_at(sheet, r, c, "unnamed-column", f"{tables.column_letter(c)} 列没有表头，却有内容，没有读它",
                                    "给它写上表头（如“会办单位”），或把内容并入前一列；不需要的话删去这一列", "warning"))
        for c, text in unknown:
            problems.append(_at(sheet, r, c, "unknown-column", f"不认识表头“{text}”",
                                f"用 --columns '{text}=字段' 指定它是哪一列，或 --columns '{text}=-' 忽略它；认得的表头：{_known_list()}"))
        for key in REQUIRED:
            if key not in places.values():
                problems.append(_at(sheet, r, None, "missing-column", f"表头中没有“{field_names()[key]}”列",
                                    f"认得的写法：{'/'.join(vocabulary()['fields'][key])}；别的写法用 --columns '表头={field_names()[key]}' 指定"))
        return first, places, extras, problems
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


def _cell(sheet, r, c, more, listed):
    """The value under a header, with the columns a wide header or an unnamed column adds (a cell merged
    with the first one counts once)."""
    values = [sheet.value(r, c)] + [sheet.value(r, x) for x in more
                                    if sheet.merged.get((r, x)) is None or sheet.merged.get((r, x)) != sheet.merged.get((r, c))]
    values = [v for v in values if v is not None]
    if len(values) <= 1:
        return values[0] if values else None
    return ("、" if listed else "").join(str(_text(v) or "") for v in values)


def _clean(value):
    """Zero-width marks and BOMs dropped; other text as is."""
    return _INVISIBLE.sub("", value) if isinstance(value, str) else value


def _row(sheet, r, places, extras, names, default_kind, reading: Reading, leads: dict) -> None:
    if all(v is None for v in sheet.rows[r]):
        reading.empty += 1
        return
    cells = {key: _clean(_cell(sheet, r, c, extras.get(c, []), key in LISTED)) for c, key in places.items()}
    column = {key: c for c, key in places.items()}
    problems = []
    for key, value in cells.items():
        raw = [sheet.value(r, c) for c in [column[key], *extras.get(column[key], [])]]
        for c, text in zip([column[key], *extras.get(column[key], [])], raw):
            if isinstance(text, str) and text.strip().upper() in _ERRORS:
                problems.append(_at(sheet, r, c, "bad-cell", f"单元格是错误值 {text.strip()}，不是{field_names()[key]}",
                                    "在清单中改正这个单元格（公式出错或引用失效），填上实际的值"))
            elif isinstance(text, str) and _CONTROL.search(text):
                code = "U+%04X" % ord(_CONTROL.search(text).group())
                problems.append(_at(sheet, r, c, "control-char", f"单元格中有看不见的控制字符 {code}",
                                    "在清单中删去这个字符（可重新输入这个单元格的内容）"))
    lead, cohandling = _units(cells.get("lead")), _units(cells.get("cohandling"))
    sections = _sections(cells.get("lead"))
    if sections:
        lead, cohandling = sections[LEAD], cohandling + sections[COHANDLING]
    marked = [(u, _ROLE_MARK.search(u)) for u in lead + cohandling]
    if any(m for _, m in marked):  # 区教育局（主办）、区民政局（会办）
        lead = [u for u, m in marked if (role_of(m.group(1)) if m else (LEAD if u in lead else COHANDLING)) == LEAD]
        cohandling = [u for u, m in marked if u not in lead]
    strip = lambda units: [_ROLE_MARK.sub("", u).strip() or u for u in units]  # noqa: E731
    lead, cohandling = strip(lead), strip(cohandling)
    ident_ = _text(cells.get("id"))
    ident_ = ident(ident_) if ident_ is not None else None
    stated = _text(cells.get("role"))
    if stated is not None:  # one row per unit: 承办单位 | 办理类型 主办/会办/协办
        said = role_of(stated)
        if said is None:
            problems.append(_at(sheet, r, column["role"], "bad-role", f"办理类型“{stated}”看不出是主办还是会办",
                                "写 主办、会办 或 协办"))
        elif said == LEAD and ident_ is not None and lead:
            leads.setdefault(ident_, lead)
        if said == COHANDLING:  # the lead unit is on another row, found after the sheet is read
            lead, cohandling = ["?"], lead + cohandling
    role = LEAD if any(normal(u) in names for u in lead) else COHANDLING if any(normal(u) in names for u in cohandling) else None
    unit_columns = {column[k] + 1 for k in ("lead", "cohandling") if k in column}
    if role is None and any(p.location.column in unit_columns for p in problems):
        reading.bad += 1  # a unit cell that is an error value: whose row it is cannot be told
        reading.problems += problems
        return
    if role is None:
        if lead or cohandling:
            reading.others += 1
            return
        problems.append(_at(sheet, r, column["lead"], "missing-value", "没有主办单位", "填上主办单位"))
    merged = sorted({sheet.merged[(r, c)] for c in range(len(sheet.rows[r])) if _blurs(sheet, r, c, places)})
    for span in merged:
        problems.append(_at(sheet, r, _first_column(span), "merged-cell", f"{span} 是合并单元格，读不出每一行各自的值",
                            "取消合并，在每一行填上各自的值"))
    title = _joined(cells.get("title"))
    if ident_ is None:
        problems.append(_at(sheet, r, column["id"], "missing-value", "没有编号", "填上提案/建议的编号"))
    if title is None:
        problems.append(_at(sheet, r, column["title"], "missing-value", "没有标题", "填上提案/建议的标题"))
    proposers = _names(cells.get("proposers"))
    if role == LEAD and not proposers:
        problems.append(_at(sheet, r, column.get("proposers"), "missing-value", "主办的提案/建议没有提案人（答复函写给谁）",
                            "填上提案人或领衔代表" if "proposers" in column else "清单要有“提案人”或“代表”一列"))
    session = _joined(cells.get("session"))
    written = _text(cells.get("kind"))
    kind = _kind(written, ident_, session) or default_kind
    if written is not None and not any(k in written for k in vocabulary()["kinds"]):
        problems.append(_at(sheet, r, column["kind"], "unknown-kind", f"类型“{written}”不是提案或建议",
                            "letterkit 只写提案、建议的答复；改为 提案 或 建议，或删去这一行"))
    elif kind is None and ident_ is not None and not any(p.location.column == column["id"] + 1 for p in problems):
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
    reading.mine.append(Assignment(sheet.where, r + 1, ident_, title, kind, role, proposers, session, lead, cohandling,
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


def _joined(value) -> str | None:
    """A title or session: lines joined, with no space between Chinese characters (关于完善\n社区 → 关于完善社区)."""
    if isinstance(value, str):
        value = re.sub(f"(?<=[{_CJK}])[ \t\u3000]*[\r\n]+\\s*|[ \t\u3000]*[\r\n]+\\s*(?=[{_CJK}])", "", value)
    return _text(value)


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


GROUP = re.compile(r"(.+?)\s*等\s*([0-9一二三四五六七八九十百]+)\s*(?:人|名|位)(?:委员|代表)?")


def _names(value) -> list[str]:
    """'张三、李四', '张三委员，李四委员' or '张 三 李四' → ['张三', '李四'] (a name padded to width is one name);
    '张三等5人' → ['张三等5名'] (a group, addressed as the letters do: 张三等5名委员：); a name with a space
    inside that is not two Chinese names ('Li Ming', '阿依 古丽 买买提') stays one name."""
    text, names = _text(value), []
    pieces = []
    for part in re.split(r"[、,，;；/\n]+", text or ""):
        group = GROUP.fullmatch(part.strip())
        if group:
            pieces.append(f"{''.join(group.group(1).split())}等{group.group(2)}名")
            continue
        words, single = [], False
        for word in part.split():  # single characters run together: 张 三 → 张三 (a name padded to width)
            if len(word) == 1 and single:
                words[-1] += word
            else:
                words.append(word)
            single = len(word) == 1
        if words and all(len(w) == 1 for w in words):
            pieces.append("".join(words))
        elif len(words) > 1 and not all(re.fullmatch(r"[\u4e00-\u9fff·]{2,}(委员|代表)?", w) for w in words):
            pieces.append(" ".join(words))
        else:
            pieces += words
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
