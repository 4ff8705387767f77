"""The pipeline, one draft at a time: load → validate → render → parse → layout → write.

`build_draft` is the library's main entry point; the CLI only calls it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import docnumbers, layout, load, manifest, render, signoff, style, unprinted, write
from .errors import LetterkitError, Location, Problem, display_path, os_reason
from .layers import layers
from .model import Draft
from .project import Project, open_project
from .render import letter_blocks
from .validate import validate


@dataclass
class Built:
    draft: Path
    output: Path
    inputs: dict = field(default_factory=dict)  # file → sha256 (None: must stay absent), for the manifest
    output_digest: str = ""
    aside: Path | None = None  # where an output changed since letterkit wrote it was moved (--force)


@dataclass(frozen=True)
class Guard:
    """What letterkit recorded writing to the output (None: no record), and `force`: move an
    output changed since then aside instead of keeping it and not building."""
    recorded: str | None
    force: bool = False


def read_draft(path: Path, project: Project, loaded: load.Loaded | None = None) -> Draft:
    display = display_path(path)
    return validate(loaded or layers(path, project), display, base_dirs=[Path(path).resolve().parent, project.root])


def inputs(draft: Draft, loaded: load.Loaded, project: Project) -> dict:
    """Every file the letter depends on, with its digest: layers, templates, seals."""
    templates = render.template_files(project.template_dirs_for(draft.department), draft.template)
    read = list(loaded.files) + [p for p, used in templates.items() if used]
    read += [Path(s) for s in [draft.seal, *(c.seal for c in draft.co_signers)] if s]
    absent = [project.root / "letterkit.yaml"] + [p for p, used in templates.items() if not used]
    return manifest.inputs_of(read, absent)


def compose(path: Path, project: Project, loaded: load.Loaded | None = None):
    """(Draft, Document): every check build makes and the letter laid out, nothing written
    (import's self-check runs this too, so it rejects exactly what build rejects)."""
    draft = read_draft(path, project, loaded)
    if draft.number is not None:
        others = docnumbers.others_with(project, path, draft.number.code, draft.number.year, draft.number.seq)
        if others:
            where = draft.sources.locate(("number", "seq"))
            message, hint = docnumbers.duplicate_message(str(draft.number), others, path, where.path)
            raise LetterkitError([Problem(where, "duplicate-number", message, hint)])
    letter = letter_blocks(draft, project)
    house = style.house_style(overrides=style.merged(draft.style, {"signature": {"sealed": draft.sealed}}))
    names = [draft.signature] + [c.signature for c in draft.co_signers] if draft.signature else []
    problem = signoff.joint_row_problem(names, draft.date_text, house)
    if problem:  # said where co_signers is written, not from deep in the layout
        raise LetterkitError([Problem(draft.sources.locate(("co_signers",)), "joint-signatures-too-wide",
                                      problem, signoff.JOINT_HINT)])
    document = layout.layout(letter, house, draft.layout)
    unprinted.record(document, unprinted.values(draft, letter, unprinted.printed(document)))  # for import
    title = "".join(b.text for b in letter if b.kind == "title")
    write.set_properties(document, title=title, author=draft.organ.name if draft.organ else "",
                         subject=f"{draft.proposal.kind} {draft.proposal.id or ''}".strip(), when=write.timestamp(draft.date))
    return draft, document


def build_draft(path: Path, project: Project | None = None, output: Path | None = None,
                guard: Guard | None = None) -> Built:
    """Build one draft into its .docx; raises LetterkitError with every problem found.
    With a `guard`, an output someone changed (in Word) is never overwritten (see `set_aside`)."""
    path = Path(path)
    project = project or open_project(path)
    loaded = layers(path, project)
    draft, document = compose(path, project, loaded)
    when = write.timestamp(draft.date)
    target = project.output_for(path, output)
    data = write.to_bytes(document, when)
    output_digest = hashlib.sha256(data).hexdigest()
    try:
        aside = set_aside(path, target, output_digest, guard) if guard else None
        write.write_atomic(target, data)
    except OSError as error:
        reason, hint = os_reason(error)
        raise LetterkitError([Problem(Location(display_path(target)), "write-error", f"无法写入文件：{reason}",
                                      hint or "检查输出目录是否存在、是否有写权限，或文件是否正在被 Word 打开")]) from None
    return Built(path, target, inputs(draft, loaded, project), output_digest, aside)


def set_aside(draft: Path, target: Path, new_digest: str, guard: Guard) -> Path | None:
    """An output that is neither what letterkit recorded writing nor the letter about to be
    written was changed by someone (touched up in Word): kept, and the draft not built, unless
    `guard.force`; then, and whenever there is no record to tell, moved aside (returned)."""
    current = manifest.digest(target)
    if current is None or current in (guard.recorded, new_digest):
        return None
    shown = display_path(target)
    if guard.recorded is not None and not guard.force:
        raise LetterkitError([Problem(
            Location(shown), "edited-output", "这封信生成后被改过（例如在 Word 里修改过），没有覆盖，草稿也没有重新生成",
            f"要把改动带回草稿：letterkit import {shown} -o {display_path(draft)} --force；"
            f"要按草稿重新生成：letterkit build --force（改过的信先改名为 {write.aside_name(target).name} 保留）")])
    aside = write.aside_name(target)
    try:
        os.link(target, aside)  # never over an existing file
        os.unlink(target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some shares): aside_name found the name free
        os.rename(target, aside)
    return aside


def build_many(paths: list[Path], project: Project, output: Path | None = None):
    """Yield (draft, Built or LetterkitError) for each draft, going on after failures."""
    for path in paths:
        try:
            yield path, build_draft(path, project, output)
        except LetterkitError as error:
            yield path, error


__all__ = ["Built", "Guard", "build_draft", "compose", "build_many", "read_draft", "letter_blocks", "LetterkitError"]
