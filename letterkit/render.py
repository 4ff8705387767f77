"""Stage 3, render: a Draft through Jinja templates into block text.

Templates run sandboxed with StrictUndefined, and every `{{ value }}` passes
through `blocks.escape`, so data is always text and never template code or
block structure.  Printing nothing (None or an empty string) is an error: a
blank in an official letter is a defect.

Search path, later entries win: the package's built-in templates, then the
project's `templates/`.  `builtin/NAME` always names the package's own
template, so a project template may extend the built-in one it replaces.
"""

from __future__ import annotations

import os
import re
import traceback
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from . import blocks as blocklang, manifest
from .cache import cache_dir
from .confine import inside_project, is_inside
from .errors import LetterkitError, Location, Problem, display_path
from .model import Draft, chinese_date

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"


class EmptyValue(Exception):
    pass


def _finalize(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        raise EmptyValue()
    return blocklang.escape(value)


class _ProjectLoader(jinja2.FileSystemLoader):
    """Templates from the search path.  A project's template (a symlink included) must resolve
    inside the project, so no file from elsewhere is printed into a letter; each one's digest is
    noted as it is read (the manifest records what the letter was built from), and it is reloaded
    when its content changes, not only its time."""

    def __init__(self, search: list[str], root: str | None):
        super().__init__(search)
        self.root = root

    def get_source(self, environment, template):
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.normpath(os.path.join(folder, *pieces))
            if os.path.isfile(filename):
                break
        else:
            return super().get_source(environment, template)  # TemplateNotFound, as Jinja words it
        if self.root is not None and not is_inside(filename, BUILTIN_TEMPLATES):
            inside_project(filename, self.root, Location(display_path(filename)), "模板", template)
        with open(filename, "rb") as file:
            raw = file.read()
        read = manifest.note_read(filename, raw)  # Jinja's lexer normalises line ends itself
        return raw.decode(self.encoding), filename, lambda: manifest.known_digest(filename) == read


def environment(template_dirs: list[Path], root: Path | None = None) -> SandboxedEnvironment:
    """`template_dirs` in search order, highest priority first; `root`: the project, which the
    templates must not leave.  One environment per search path and process, so each template is
    compiled once (Jinja reloads it when its file changes)."""
    return _environment(tuple(str(d) for d in template_dirs if d.is_dir()), str(root) if root else None)


@lru_cache(maxsize=64)
def _environment(template_dirs: tuple[str, ...], root: str | None = None) -> SandboxedEnvironment:
    search = list(template_dirs) + [str(BUILTIN_TEMPLATES)]
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES))}),
        _ProjectLoader(search, root),
    ])
    folder = cache_dir("jinja")
    return SandboxedEnvironment(
        loader=loader,
        # compiled templates kept between runs (checked against each template's source)
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)) if folder else None,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def context(draft: Draft) -> dict:
    return {
        "organ": draft.organ,
        "number": str(draft.number) if draft.number else None,
        "proposal": draft.proposal,
        "addressee": draft.addressee,
        "recipient": draft.recipient,
        "title": draft.title,
        "salutation": draft.salutation,
        "opening": draft.opening,
        "measures": draft.measures,
        "closing": draft.closing,
        "signature": draft.signature,
        "seal": draft.seal,
        "co_signers": draft.co_signers,
        "date": draft.date_text,
        "contact": draft.contact,
        "disclosure": draft.disclosure,
        "category": draft.category,
        "categories": draft.categories,
        "cc": draft.cc,
        "attachments": draft.attachments,
        "layout": draft.layout,
        "organ_mark": draft.organ_mark,
        "copy_number": draft.copy_number,
        "secrecy": draft.secrecy,
        "urgency": draft.urgency,
        "signer": draft.signer,
        "printer": draft.printer,
        "print_date": chinese_date(draft.print_date) if draft.print_date else None,
    }


def render(draft: Draft, env: SandboxedEnvironment) -> str:
    """The letter as block text, or a LetterkitError naming the template line."""
    draft_where = draft.sources.locate(("template",))
    try:
        template = env.get_template(draft.template)
        return template.render(context(draft))
    except jinja2.TemplateNotFound as error:
        raise LetterkitError([Problem(draft_where, "template-not-found", f"找不到模板 '{error.name}'",
                                      "检查草稿的 template 字段，模板放在项目的 templates/ 目录")]) from None
    except jinja2.TemplateSyntaxError as error:
        where = Location(display_path(error.filename or error.name or draft.template), error.lineno)
        raise LetterkitError([Problem(where, "template-syntax", f"模板语法错误：{error.message}", "检查 {% %} 和 {{ }} 是否成对")]) from None
    except jinja2.UndefinedError as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "undefined-variable",
                                      f"模板变量未定义：{error.message}", "检查变量名拼写，或在草稿中补上这个值")]) from None
    except EmptyValue as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "empty-value",
                                      "模板在这里输出了空值", "公文中不能留空白：在草稿中补上这个值，或在模板中用 {% if %} 跳过")]) from None
    except jinja2.exceptions.SecurityError as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "template-unsafe",
                                      f"模板做了不允许的操作：{error}", "模板只能读取草稿中的值")]) from None
    except jinja2.TemplateError as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "template-error", f"模板出错：{error}", None)]) from None


def _template_location(error: Exception, fallback: str) -> Location:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename and not frame.filename.endswith(".py"):
            return Location(display_path(frame.filename), frame.lineno)
    return Location(fallback)


def template_files(template_dirs: list[Path], name: str) -> dict[Path, bool]:
    """The files rendering `name` reads (True) and the files that would take its place if they
    appeared (False: earlier on the search path), following extends/include/import by name.
    A name built at render time cannot be followed: every template folder then counts.
    `template_dirs` as for `environment`, folders that do not exist (yet) included."""
    search = [Path(d) for d in template_dirs] + [BUILTIN_TEMPLATES]
    files: dict[Path, bool] = {}
    pending, seen = [name], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if current.startswith("builtin/"):
            candidates = [BUILTIN_TEMPLATES / current[len("builtin/"):]]
        else:
            candidates = [folder / current for folder in search]
        found = next((c for c in candidates if c.is_file()), None)
        for candidate in candidates[:candidates.index(found) if found else len(candidates)]:
            files.setdefault(candidate, False)
        if found is None:
            continue
        files[found] = True
        referenced = _referenced(found)
        if referenced is None:  # a dynamic name: any template may be read
            for folder in search:
                files.update({p: True for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else {})
            continue
        pending += referenced
    return files


_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+(?:(["'])(.*?)\1|(\S))""")


@lru_cache(maxsize=256)
def _referenced_cached(path: str, mtime_ns: int, size: int) -> tuple | None:
    """Template names a file names literally (None when one is computed); cached per file
    version.  Read with a pattern, not by parsing: this runs for every build."""
    names = []
    for match in _REFERENCE.finditer(Path(path).read_text(encoding="utf-8")):
        if match.group(3):  # a name computed at render time
            return None
        names.append(match.group(2))
    return tuple(names)


def _referenced(path: Path) -> tuple | None:
    stat = path.stat()
    return _referenced_cached(str(path), stat.st_mtime_ns, stat.st_size)
