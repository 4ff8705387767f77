"""`letterkit new --from 交办清单`: one draft per proposal the list assigns to this department.

Lead unit → a reply draft (reply.j2); co-handling unit → a 会办 opinion to the lead unit
(cohandling.j2, `recipient` the lead unit).  The drafts are what `letterkit new` writes (the
profile's values, the next document number, today's date, an opening sentence for the body),
so they build at once, plus `assigned` for the deadlines.  A draft that exists (the same file,
or any draft of the project answering the same proposal in the same role) is never touched, so
running the list again adds only new rows.  Every value goes through a YAML emitter, so no
cell ('#', ': ', quotes, line breaks) can break the draft or inject a key.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .assignments import COHANDLING, LEAD, Assignment, ident, normal, parse_columns, read_list, vocabulary
from .errors import LetterkitError, Location, Problem, display_path
from .write import write_atomic


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


def case(kind, id_, role) -> tuple:
    """A draft's identity: (kind, id, role), the id as compared (ＴＡ８０３ and ta 803 are TA803)."""
    return (str(kind) if kind is not None else None, ident(id_).upper(), role)


def answered_already(project, department: str, broken: list | None = None, titles: dict | None = None) -> dict[Path, tuple]:
    """Draft → the case it answers, for this department's drafts.  A draft that cannot be read
    (a YAML error mid-edit) is recognised from its `id:`/`kind:` lines; one where even those
    cannot be found is listed in `broken`."""
    from .build import layers

    found, titles = {}, {} if titles is None else titles
    for path in project.drafts():
        try:
            data = layers(path, project).data
        except LetterkitError:
            guess = _by_text(path, department)
            if guess is None:
                if broken is not None:
                    broken.append(path)
                continue
            data = guess
        proposal = data.get("proposal") if isinstance(data.get("proposal"), dict) else {}
        if data.get("department") != department or proposal.get("id") is None:
            continue
        role = LEAD if data.get("addressee") is not None else COHANDLING
        found[path] = case(proposal.get("kind"), proposal["id"], role)
        titles[path] = proposal.get("title")
    return found


def _by_text(path: Path, department: str) -> dict | None:
    """What a draft that YAML cannot read says, line by line: department, kind, id, and whether it has an addressee."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    values = {}
    for key in ("department", "kind", "id", "title", "addressee", "template"):
        match = re.search(rf"^\s*{key}\s*:[ \t]*(.*?)\s*(?:#.*)?$", text, re.M)
        if match:
            values[key] = match.group(1).strip().strip("'\"") or "…"
    if "id" not in values:
        return None
    role_lead = "addressee" in values and "cohandling" not in values.get("template", "")
    return {"department": values.get("department", department), "addressee": "…" if role_lead else None,
            "proposal": {"kind": values.get("kind"), "id": values["id"], "title": None}}


@dataclass
class Result:
    created: list[tuple[Path, Assignment]] = field(default_factory=list)
    existing: list[tuple[Path, Assignment]] = field(default_factory=list)
    renamed: list[tuple[Path, Path]] = field(default_factory=list)  # (the name taken by another case, the name used)
    broken: list[Path] = field(default_factory=list)
    retitled: list[tuple[Path, Assignment, str]] = field(default_factory=list)  # same case, another title


def write_drafts(project, department: str, assignments: list[Assignment], today: dt.date) -> Result:
    from .scaffold import numbering

    with numbering(project):  # the numbers handed out here are not handed out by a `new` at the same time
        return _write_drafts(project, department, assignments, today)


def _write_drafts(project, department: str, assignments: list[Assignment], today: dt.date) -> Result:
    from .scaffold import next_number

    merged, _ = department_names(project, department)
    code = (merged.get("organ") or {}).get("code")
    if not code:
        raise LetterkitError([Problem(Location(f"profiles/{department}.yaml"), "missing-value",
                                      f"部门配置 '{department}' 没有 organ.code（机关代字）", "在部门配置中加上 organ: {code: …}")])
    result, seq, titles = Result(), None, {}
    done = answered_already(project, department, result.broken, titles)
    if result.broken:
        raise LetterkitError([Problem(Location(display_path(path)), "broken-draft",
                                      "这份草稿读不出来（YAML 有误），也找不到 id: 一行，认不出它答复的是哪一件",
                                      "先改好它（letterkit check 会指出哪里有误），再运行 letterkit new --from；"
                                      "否则可能为同一件再建一份草稿") for path in result.broken])
    by_case = {known: path for path, known in done.items()}
    for item in assignments:
        key = case(item.kind, item.id, item.role)
        earlier = by_case.get(key) or by_case.get((None, *key[1:]))  # (None, …): a broken draft with no kind: line
        if earlier is not None:
            result.existing.append((earlier, item))
            if titles.get(earlier) not in (None, item.title):
                result.retitled.append((earlier, item, titles[earlier]))
            continue
        wanted = path = project.drafts_dir / str(today.year) / _file_name(department, item)
        n = 1
        while path.exists() or path in done:  # the name is another case's: never count it as this one
            n += 1
            path = wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")
        if path != wanted:
            result.renamed.append((wanted, path))
        seq = next_number(project, code, today.year) if seq is None else seq + 1
        write_atomic(path, draft_text(department, item, seq, today).encode("utf-8"))
        done[path] = key
        by_case[key] = path
        result.created.append((path, item))
    return result


def _file_name(department: str, item: Assignment) -> str:
    """<dept>-<id>.yaml, the id led by TA/JY unless it already shows its kind, so 提案 1 and 建议 1 differ."""
    safe = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff-]+", "-", ident(item.id)).strip("-") or "draft"
    prefixes = vocabulary()["kinds"].get(item.kind, {}).get("prefixes", [])
    if not any(safe.upper().startswith(p) for p in prefixes):
        safe = {"提案": "TA", "建议": "JY"}.get(item.kind, "") + safe
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


def draft_text(department: str, item: Assignment, seq: int, today: dt.date) -> str:
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
        elif re.search(r"等[0-9一二三四五六七八九十百]+名$", who):  # 纪占斌等3名代表：, as the letters write it
            parts.append(_dump("salutation", f"{who}{'代表' if item.kind == '建议' else '委员'}："))
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
    result = write_drafts(project, department, reading.mine, today_())
    for path, item in result.created:
        say(f"已创建 {display_path(path)}（{item.kind} {item.id}，{item.role}"
            + (f"，交办 {item.assigned}" if item.assigned else "") + "）")
    for wanted, path in result.renamed:
        say(f"注意：{display_path(wanted)} 已是另一件的草稿，{display_path(path)} 改用这个文件名")
    for path, item, title in result.retitled:
        say(f"注意：{display_path(path)} 已是{item.kind} {item.id}（{item.role}）的草稿，没有新建；"
            f"但它的标题是“{title}”，清单写“{item.title}”——如果它不是这一件（例如 letterkit init 的示例），改正或删去它后再运行")
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
