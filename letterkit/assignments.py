"""`letterkit new --from 交办清单`: one draft per proposal the list assigns to this department.

The list is read as a grid (`tables`), its header row found and each column placed through
the synonyms in data/columns.yaml (lists spell 编号 as 提案号, 案号…), every row turned into an
`Assignment` or into problems naming its sheet, row and column.  A row is this department's
when its 主办 or 会办 cell names the organ's full name, short name or one of its `aliases`.
Lead unit → a reply draft (reply.j2); co-handling unit → a 会办 opinion to the lead unit
(cohandling.j2).  A draft that exists (same file, or any draft of the project answering the
same proposal in the same role) is never touched, so running the list again adds only new rows.
Drafts are written through a YAML emitter, so no cell value can break or inject a key.
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
from .write import write_atomic

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
        two_rows = r + 1 < len(sheet.rows) and any(sheet.value(r + 1, c) not in (None, sheet.value(r, c)) for c in groups)
        places, unknown, problems = {}, [], []
        for c, value in enumerate(sheet.rows[r]):
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


def _spans_columns(sheet: tables.Sheet, r: int, c: int) -> bool:
    span = sheet.merged.get((r, c))
    if not span:
        return False
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(span)
    return min_row == max_row == r + 1 and max_col > min_col


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
    merged = sorted({sheet.merged[(r, c)] for c in range(len(sheet.rows[r])) if (r, c) in sheet.merged})
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


# -- the department and its drafts ------------------------------------------------

def department_names(project, department: str) -> tuple[dict, set[str]]:
    """The department's merged values and the names a list may call it by (normalised)."""
    from . import load, profiles

    merged = load.merge(project.base, profiles.profile_layer(project, department, Location("--department"))).data
    organ = merged.get("organ") if isinstance(merged.get("organ"), dict) else {}
    aliases = organ.get("aliases") or []
    names = [organ.get("name"), organ.get("short_name"), *(aliases if isinstance(aliases, list) else [aliases])]
    names = {normal(n) for n in names if isinstance(n, str) and n.strip()}
    if not names:
        raise LetterkitError([Problem(Location(f"profiles/{department}.yaml"), "missing-value",
                                      f"部门配置 '{department}' 没有 organ.name，认不出清单里哪些是本部门的",
                                      "写上 organ: {name: 全称, short_name: 简称, aliases: [清单中的其他写法]}")])
    return merged, names


def default_department(project) -> str:
    """The project's department: `department` in letterkit.yaml's defaults, or its only profile naming an organ."""
    from . import load, profiles

    named = project.base.data.get("department") if isinstance(project.base.data, dict) else None
    if isinstance(named, str):
        return named
    organs = []
    for name in profiles.names(project):
        data = load.load_file(project.root / profiles.PROFILES / f"{name}.yaml", name).data
        if isinstance(data, dict) and isinstance(data.get("organ"), dict) and data["organ"].get("name"):
            organs.append(name)
    if len(organs) == 1:
        return organs[0]
    raise LetterkitError([Problem(Location("--department"), "which-department",
                                  "项目里有几个部门，不知道按哪个部门读清单" if organs else "项目里没有写明机关的部门配置",
                                  f"加 --department，可选：{'、'.join(organs)}" if organs else "先用 letterkit init 建部门配置")])


def answered_already(project, department: str) -> dict[tuple, Path]:
    """(kind, id, role) → the draft of this department that already answers it."""
    from .build import layers

    found = {}
    for path in project.drafts():
        try:
            data = layers(path, project).data
        except LetterkitError:
            continue  # a broken draft still holds its file name, which is checked too
        proposal = data.get("proposal") if isinstance(data.get("proposal"), dict) else {}
        if data.get("department") != department or proposal.get("id") is None:
            continue
        role = LEAD if data.get("addressee") is not None else COHANDLING
        found[(str(proposal.get("kind")), str(proposal["id"]), role)] = path
    return found


@dataclass
class Result:
    created: list[tuple[Path, Assignment]] = field(default_factory=list)
    existing: list[tuple[Path, Assignment]] = field(default_factory=list)


def write_drafts(project, department: str, assignments: list[Assignment], source: str, today: dt.date) -> Result:
    from .scaffold import next_number

    merged, _ = department_names(project, department)
    code = (merged.get("organ") or {}).get("code")
    if not code:
        raise LetterkitError([Problem(Location(f"profiles/{department}.yaml"), "missing-value",
                                      f"部门配置 '{department}' 没有 organ.code（机关代字）", "在部门配置中加上 organ: {code: …}")])
    done = answered_already(project, department)
    result, seq = Result(), None
    for item in assignments:
        path = project.drafts_dir / str(today.year) / _file_name(department, item)
        earlier = done.get((item.kind, item.id, item.role))
        if path.exists() or earlier is not None:
            result.existing.append((earlier or path, item))
            continue
        seq = next_number(project, code, today.year) if seq is None else seq + 1
        write_atomic(path, draft_text(department, item, seq, source, today).encode("utf-8"))
        done[(item.kind, item.id, item.role)] = path
        result.created.append((path, item))
    return result


def _file_name(department: str, item: Assignment) -> str:
    safe = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff-]+", "-", item.id).strip("-") or "draft"
    return f"{department}-{safe}{'-huiban' if item.role == COHANDLING else ''}.yaml"


class _Dumper(yaml.SafeDumper):
    """Safe YAML with list items indented under their key, as drafts are written by hand."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _dump(key: str, value) -> str:
    return yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6,
                     default_flow_style=False)


def _comment(text: str) -> str:
    return re.sub(r"[\s\x00-\x1f\x7f]+", " ", text).strip()


def draft_text(department: str, item: Assignment, seq: int, source: str, today: dt.date) -> str:
    """The draft, every value written by the YAML emitter; comments tell the clerk what to do."""
    who = "、".join(item.proposers)
    collective = len(item.proposers) == 1 and any(w in who for w in vocabulary()["collective"])
    parts = [
        "# yaml-language-server: $schema=../../schema/draft.schema.json\n",
        f"# {_comment(f'{item.kind} {item.id}：{item.title}' + (f'（{who}）' if who else ''))}\n",
        f"# 由 letterkit new --from 生成：{_comment(f'{item.where} 第 {item.row} 行')}，本部门{item.role}"
        + (f"；主办单位：{_comment('、'.join(item.lead))}" if item.role == COHANDLING else "")
        + (f"；会办单位：{_comment('、'.join(item.cohandling))}" if item.role == LEAD and item.cohandling else "") + "\n",
        _dump("department", department),
    ]
    if item.role == COHANDLING:
        parts += ["# 会办意见函：主送主办单位（模板 cohandling.j2）\n", _dump("template", "cohandling.j2"),
                  _dump("recipient", item.lead[0] if len(item.lead) == 1 else "、".join(item.lead))]
    parts += ["\n# 发文顺序号：取本机关代字、本年的下一个号\n", _dump("number", {"year": today.year, "seq": seq}), "\n"]
    proposal = {"kind": item.kind, "id": item.id, "title": item.title}
    if item.session:
        proposal["session"] = item.session
    parts.append(_dump("proposal", proposal))
    if item.role == LEAD:
        parts += ["\n# 称谓按提案/建议自动为“委员”/“代表”\n", _dump("addressee", {"name": who})]
        if collective:
            parts.append(_dump("salutation", f"{who}："))
    parts.append("\n# 交办日期；办理期限由它推算（主办 3 个月、会办 1 个月，见 deadlines），letterkit register 列出\n")
    if item.assigned:
        parts.append(_dump("assigned", item.assigned))
    else:
        parts.append("# assigned: 2024-03-15      # 清单里没有交办日期：补上它才能推算办理期限\n")
    if item.due:
        parts.append(_dump("due", item.due))
    if item.role == LEAD:
        sentence = f"我局高度重视您提出的《{item.title}》，已组织有关科室认真研究办理。"
        heading = "办理情况"
    else:
        sentence = f"我局认真研究了《{item.title}》所提问题，结合职责提出会办意见。"
        heading = "会办意见"
    parts += ["\n# 正文：编号 一、（一）1.（1）自动生成，不要手写。下面一句只是开头，写上实际办理情况\n",
              _dump("measures", [{"heading": heading, "items": [sentence]}]),
              "\n# 成文日期：签发后改为签发日期。信送出后加一行 sent: 送出日期，register 就算它已办复\n",
              _dump("date", today)]
    return "".join(parts)


def import_list(project, source: Path, department: str | None, kind: str | None, columns: tuple[str, ...],
                say, report) -> bool:
    """`letterkit new --from`: read, write, and say what happened; False when rows were bad."""
    from .deadlines import today as today_

    department = department or default_department(project)
    _, names = department_names(project, department)
    reading = read_list(source, names, parse_columns(columns), kind)
    result = write_drafts(project, department, reading.mine, display_path(source), today_())
    for path, item in result.created:
        say(f"已创建 {display_path(path)}（{item.kind} {item.id}，{item.role}"
            + (f"，交办 {item.assigned}" if item.assigned else "") + "）")
    report(reading.problems)
    leads = sum(item.role == LEAD for item in reading.mine)
    line = (f"{display_path(source)}：本部门 {len(reading.mine)} 件（主办 {leads}，会办 {len(reading.mine) - leads}），"
            f"新建草稿 {len(result.created)} 份，已有草稿 {len(result.existing)} 份未改动；"
            f"其他部门 {reading.others} 行跳过")
    if reading.bad:
        line += f"；有错 {reading.bad} 行没有生成草稿（见上，改好清单后再运行一次）"
    if reading.empty:
        line += f"；空行 {reading.empty} 行"
    say(line)
    if not result.created and result.existing and not reading.bad:
        say("没有新的草稿：清单中本部门的每一件都已有草稿。")
    return not any(p.severity == "error" for p in reading.problems)
