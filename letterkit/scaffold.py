"""`letterkit init` and `letterkit new`: a ready project for a department, and new drafts
with the department's values, today's date and the next free document number."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from string import Template

import yaml

from . import schema
from .confine import inside_project, plain_name
from .errors import LetterkitError, Location, Problem, display_path
from .write import write_atomic

SCAFFOLD = Path(__file__).parent / "scaffold"


def _fill(template: str, **values) -> str:
    return Template((SCAFFOLD / template).read_text(encoding="utf-8")).substitute(values)


def yaml_scalar(value) -> str:
    """`value` as one line of YAML that reads back as exactly `value`, written by YAML's own
    emitter: quoted when it holds `#`, `: `, quotes, line breaks…, plain when it needs nothing."""
    text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_flow_style=True)
    text = text[:-len("\n...\n")] if text.endswith("\n...\n") else text.rstrip("\n")
    if "\n" in text:  # the emitter folded it over lines: escape the breaks in one double-quoted line
        text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_style='"').rstrip("\n")
    if _reads_back(text) != value:  # a character YAML reads as a line break (U+0085, U+2028…): all escaped
        text = yaml.safe_dump(value, allow_unicode=False, width=float("inf"), default_style='"').rstrip("\n")
    return text


def _reads_back(text: str):
    """`text` read as letterkit reads drafts (libyaml when present)."""
    from .load import _Loader

    return yaml.load(text, Loader=_Loader)


def comment(text: str) -> str:
    """Text for after a `#`: one line, whatever it holds (a line break would end the comment)."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in str(text))


def _write_new(path: Path, text: str) -> Path:
    if path.exists():
        raise LetterkitError([Problem(Location(display_path(path)), "file-exists", "文件已存在，不会覆盖",
                                      "换一个编号或文件名，或先移走原文件")])
    write_atomic(path, text.encode("utf-8"))
    return path


def init_project(target: Path, *, department: str, organ: str, short_name: str, code: str,
                 contact: str, phone: str, today: dt.date | None = None) -> list[tuple[Path, str]]:
    """Scaffold a project in `target`; returns (file, what was done) for each file.

    Files already there are kept, never overwritten (.gitignore and .gitattributes get the
    lines they lack), so init can run in a folder that has some of them and can run again
    after an interruption.  A project that has drafts already is refused."""
    target = Path(target)
    plain_name(department, Location("--department"), "部门")
    if (target / "letterkit.yaml").exists() and list((target / "drafts").rglob("*.y*ml")):
        raise LetterkitError([Problem(Location(display_path(target / "letterkit.yaml")), "file-exists",
                                      "这里已经是 letterkit 项目", "换一个空目录，或直接用 letterkit new 写草稿")])
    values = dict(department=department, organ=yaml_scalar(organ), short_name=yaml_scalar(short_name),
                  code=yaml_scalar(code), contact=yaml_scalar(contact), phone=yaml_scalar(str(phone)))
    files = {
        "letterkit.yaml": _fill("letterkit.yaml.tmpl"),
        f"profiles/{department}.yaml": _fill("profile.yaml.tmpl", **values),
        "templates/README.md": _fill("templates-README.md.tmpl"),
        ".gitignore": _fill("gitignore.tmpl"),
        ".gitattributes": _fill("gitattributes.tmpl"),
        "README.md": _fill("README.md.tmpl", **{**values, "organ": comment(organ)}),
        "schema/draft.schema.json": schema.dumps(schema.draft_schema()),
        "schema/profile.schema.json": schema.dumps(schema.profile_schema()),
        "schema/project.schema.json": schema.dumps(schema.project_schema()),
    }
    done: list[tuple[Path, str]] = []
    for name, text in files.items():
        path = target / name
        if not path.exists():
            write_atomic(path, text.encode("utf-8"))
            done.append((path, "已创建"))
        elif name in (".gitignore", ".gitattributes"):
            done.append((path, _add_lines(path, text)))
        else:
            done.append((path, "已存在，保留原文件"))
    from .project import open_project

    project = open_project(target)
    done.append((new_draft(project, department=department, kind="建议", id="1", title="关于加强社区养老服务的建议",
                           name="王五", session="示例会议", today=today), "已创建"))
    return done


def _add_lines(path: Path, text: str) -> str:
    """Append to an existing .gitignore/.gitattributes the lines of ours it lacks."""
    try:
        present = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise LetterkitError([Problem(Location(display_path(path)), "read-error", f"无法读取已有的文件：{error}",
                                      f"把下面几行手工加进 {path.name}：{' ; '.join(text.splitlines())}")]) from None
    have = {line.strip() for line in present.splitlines()}
    missing = [line for line in text.splitlines() if line.strip() and line.strip() not in have]
    if not missing:
        return "已存在，保留原文件"
    joined = present + ("" if present.endswith("\n") or not present else "\n") + "\n".join(missing) + "\n"
    write_atomic(path, joined.encode("utf-8"))
    return "已补充"


@contextmanager
def numbering(project):
    """Held while a 发文字号 is handed out and its draft written: two `letterkit new` at once would
    otherwise both take the next free number (an exclusive flock on .letterkit-new.lock)."""
    import fcntl

    from .manifest import open_lock

    try:
        lock = open_lock(project.root / ".letterkit-new.lock")
    except OSError:  # a read-only project: nothing can be written anyway, the write says why
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def next_number(project, code: str, year: int) -> int:
    """One more than the highest sequence number among the project's drafts of `code` and `year`;
    a draft that cannot be read keeps the number its text shows (see docnumbers)."""
    from .docnumbers import next_free

    return next_free(project, code, year)


MAX_ID = 40  # characters: the longest proposal numbers seen are about 12
MAX_VALUE = 500  # characters of a title, a name or a session on the command line
MAX_FILE_NAME_BYTES = 200  # most file systems stop at 255 bytes; a Chinese character takes 3


def _check_values(**values) -> None:
    """The values `new` writes into a draft obey the rules a draft's values obey (validate):
    no control characters, bidi controls, zero-width or tag characters; an id short enough
    to become a file name.  Refused with the option that gave them, nothing written."""
    from .validate import hidden_character

    problems = []
    for option, value in values.items():
        value = str(value)
        where = Location(f"--{option}")
        bad = hidden_character(value)
        if bad:
            problems.append(Problem(where, "bad-character", f"--{option} 的第 {bad[0] + 1} 个字符是{bad[1]}，不能写进草稿",
                                    "删去这个字符，它常见于从别处复制来的文字"))
        elif not value.strip():
            problems.append(Problem(where, "bad-value", f"--{option} 是空的", "填写内容"))
        elif len(value) > (MAX_ID if option == "id" else MAX_VALUE):
            limit = MAX_ID if option == "id" else MAX_VALUE
            problems.append(Problem(where, "bad-value", f"--{option} 有 {len(value)} 个字符，超过 {limit} 个字符的上限",
                                    "编号只写号码，如 --id JY20240056" if option == "id" else "检查是否粘贴了多余的内容"))
    if problems:
        raise LetterkitError(problems)


def new_draft(project, *, department: str, kind: str, id: str, title: str, name: str, session: str,
              today: dt.date | None = None) -> Path:
    """Write drafts/<year>/<department>-<id>.yaml for the department; never overwrites.
    Every value is written by the YAML emitter, so it reads back exactly as given."""
    from . import profiles

    today = today or dt.date.today()
    plain_name(department, Location("--department"), "部门")
    profile = profiles.profile_layer(project, department, Location("--department"))
    code = ((profile.data.get("organ") or {}).get("code")) if isinstance(profile.data, dict) else None
    if not code:
        raise LetterkitError([Problem(profile.sources.locate(("organ",)), "missing-value",
                                      f"部门配置 '{department}' 没有 organ.code（机关代字）", "在部门配置中加上 organ: {code: …}")])
    _check_values(kind=kind, id=id, title=title, name=name, session=session)
    safe_id = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff-]+", "-", str(id)).strip("-")
    file_name = f"{department}-{safe_id}.yaml"
    if not safe_id or len(file_name.encode("utf-8")) > MAX_FILE_NAME_BYTES:
        why = "没有可用作文件名的字符（字母、数字、汉字）" if not safe_id else f"和部门名合成的文件名 {file_name[:30]}… 太长"
        raise LetterkitError([Problem(Location("--id"), "bad-value", f"编号 '{str(id)[:40]}' {why}",
                                      "编号写提案/建议的号码，如 --id JY20240056")])
    path = project.drafts_dir / str(today.year) / file_name
    inside_project(path, project.root, Location(display_path(path)), "新草稿")
    opening = yaml_scalar(f"我局高度重视您提出的《{title}》，已组织有关科室认真研究办理。")
    measures = f"  - heading: 办理情况\n    items:\n      - {opening}"
    with numbering(project):
        text = _fill("draft.yaml.tmpl", department=yaml_scalar(department), department_file=department, year=today.year,
                     seq=next_number(project, str(code), today.year), kind=yaml_scalar(kind), id=yaml_scalar(str(id)),
                     proposal_title=yaml_scalar(title), session=yaml_scalar(session), name=yaml_scalar(name),
                     measures=measures, date=today.isoformat(), title_comment=comment(f"{kind} {id}：{title}（{name}）"))
        return _write_new(path, text)
