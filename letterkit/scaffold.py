"""`letterkit init` and `letterkit new`: a ready project for a department, and new drafts
with the department's values, today's date and the next free document number."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from string import Template

from . import schema
from .errors import LetterkitError, Location, Problem, display_path
from .write import write_atomic

SCAFFOLD = Path(__file__).parent / "scaffold"


def _fill(template: str, **values) -> str:
    return Template((SCAFFOLD / template).read_text(encoding="utf-8")).substitute(values)


def _write_new(path: Path, text: str) -> Path:
    if path.exists():
        raise LetterkitError([Problem(Location(display_path(path)), "file-exists", "文件已存在，不会覆盖",
                                      "换一个编号或文件名，或先移走原文件")])
    write_atomic(path, text.encode("utf-8"))
    return path


def init_project(target: Path, *, department: str, organ: str, short_name: str, code: str,
                 contact: str, phone: str, today: dt.date | None = None) -> list[Path]:
    """Scaffold a project in `target` (new or empty of letterkit files); returns the files written."""
    target = Path(target)
    if (target / "letterkit.yaml").exists():
        raise LetterkitError([Problem(Location(display_path(target / "letterkit.yaml")), "file-exists",
                                      "这里已经是 letterkit 项目", "换一个空目录，或直接用 letterkit new 写草稿")])
    values = dict(department=department, organ=organ, short_name=short_name, code=code, contact=contact, phone=phone)
    written = [
        _write_new(target / "letterkit.yaml", _fill("letterkit.yaml.tmpl")),
        _write_new(target / "profiles" / f"{department}.yaml", _fill("profile.yaml.tmpl", **values)),
        _write_new(target / "templates" / "README.md", _fill("templates-README.md.tmpl")),
        _write_new(target / ".gitignore", _fill("gitignore.tmpl")),
        _write_new(target / ".gitattributes", _fill("gitattributes.tmpl")),
        _write_new(target / "README.md", _fill("README.md.tmpl", **values)),
        _write_new(target / "schema" / "draft.schema.json", schema.dumps(schema.draft_schema())),
        _write_new(target / "schema" / "profile.schema.json", schema.dumps(schema.profile_schema())),
        _write_new(target / "schema" / "project.schema.json", schema.dumps(schema.project_schema())),
    ]
    from .project import open_project

    written.append(new_draft(open_project(target), department=department, kind="建议", id="1",
                             title="关于加强社区养老服务的建议", name="王五", session="示例会议", today=today))
    return written


def next_number(project, code: str, year: int) -> int:
    """One more than the highest sequence number among the project's drafts of `code` and `year`."""
    from .build import layers

    used = [0]
    for path in project.drafts():
        try:
            data = layers(path, project).data
        except LetterkitError:
            continue  # a broken draft is reported by build and check, not here
        organ, number = data.get("organ") or {}, data.get("number") or {}
        if isinstance(organ, dict) and isinstance(number, dict) and organ.get("code") == code \
                and number.get("year") == year and isinstance(number.get("seq"), int):
            used.append(number["seq"])
    return max(used) + 1


def new_draft(project, *, department: str, kind: str, id: str, title: str, name: str, session: str,
              today: dt.date | None = None) -> Path:
    """Write drafts/<year>/<department>-<id>.yaml for the department; never overwrites."""
    from . import profiles

    today = today or dt.date.today()
    profile = profiles.profile_layer(project, department, Location("letterkit new"))
    code = ((profile.data.get("organ") or {}).get("code")) if isinstance(profile.data, dict) else None
    if not code:
        raise LetterkitError([Problem(profile.sources.locate(("organ",)), "missing-value",
                                      f"部门配置 '{department}' 没有 organ.code（机关代字）", "在部门配置中加上 organ: {code: …}")])
    safe_id = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff-]+", "-", str(id)).strip("-") or "draft"
    path = project.drafts_dir / str(today.year) / f"{department}-{safe_id}.yaml"
    measures = (f"  - heading: 办理情况\n    items:\n"
                f"      - 我局高度重视您提出的《{title}》，已组织有关科室认真研究办理。\n")
    text = _fill("draft.yaml.tmpl", department=department, year=today.year, seq=next_number(project, code, today.year),
                 kind=kind, id=id, proposal_title=title, session=session, name=name, measures=measures.rstrip("\n"),
                 date=today.isoformat(), title_comment=f"{kind} {id}：{title}（{name}）")
    return _write_new(path, text)
