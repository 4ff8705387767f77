"""发文字号 across the project: which drafts use which number, so that `new` never hands out a
number already used and build and check refuse two letters with the same 福住建函〔2024〕35号.

Every draft under drafts/ counts, not only those being built.  A draft is first read as text
(cheap: `year:` and `seq:`); only drafts whose numbers could clash are loaded with their
layers to learn the organ code.  A draft that cannot be loaded keeps the numbers its text
shows, so a broken draft still holds its number.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import LetterkitError, display_path

# read from the bytes, so a draft in the wrong encoding still shows its number; patterns that
# start with a literal (fast: they run over every draft of the project on every build), the
# character before checked apart
_SEQ = re.compile(rb"""seq[ \t]*:[ \t]*["']?(\d+)""")
_YEAR = re.compile(rb"""year[ \t]*:[ \t]*["']?(\d{4})""")


def _values(pattern, text: bytes) -> list[int]:
    return [int(m.group(1)) for m in pattern.finditer(text)
            if m.start() == 0 or not (chr(text[m.start() - 1]).isalnum() or text[m.start() - 1] in b"_-")]


@dataclass(frozen=True)
class Used:
    path: Path
    code: str | None  # None: the draft cannot be read, so any code
    year: int | None  # None: not known from its text
    seq: int


def _textual(path: Path) -> list[tuple[int | None, int]]:
    """(year, seq) pairs a draft's text shows; the year None when it shows none."""
    try:
        text = path.read_bytes()
    except OSError:
        return []
    years = _values(_YEAR, text)
    year = years[0] if len(set(years)) == 1 else None
    return [(year, seq) for seq in _values(_SEQ, text)]


def _loaded(path: Path, project) -> tuple[str, int, int] | None:
    """(code, year, seq) of a draft that loads; None when it has no number; raises when it does not load."""
    from .layers import layers

    return number_of(layers(path, project).data)


def number_of(data) -> tuple[str, int, int] | None:
    """(code, year, seq) of a draft's merged layers, as the project's index holds it; None when it has none."""
    if not isinstance(data, dict):
        return None
    organ, number = data.get("organ") or {}, data.get("number") or {}
    if not (isinstance(organ, dict) and isinstance(number, dict)):
        return None
    code, year, seq = organ.get("code"), number.get("year"), number.get("seq")
    if isinstance(year, int) and isinstance(seq, int) and not isinstance(seq, bool):
        return str(code) if code is not None else None, year, seq
    return None


def _index(project) -> dict:
    """{path: (year, seq) pairs its text shows}, read once per Project object (one build run).
    When the project file or a profile shows a `seq`, drafts showing none may inherit it: those
    are loaded too ("inherit")."""
    index = getattr(project, "_docnumbers", None)
    if index is None:
        text = {path: _textual(path) for path in project.drafts()}
        by_seq: dict = {}
        for path, pairs in text.items():
            for _, seq in pairs:
                by_seq.setdefault(seq, []).append(path)
        folder = project.root / "profiles"
        layers = ([project.config] if project.config else []) + (sorted(folder.glob("*.yaml")) if folder.is_dir() else [])
        inherit = [path for path, pairs in text.items() if not pairs] if any(_textual(p) for p in layers) else []
        index = project._docnumbers = {"text": text, "by_seq": by_seq, "inherit": inherit, "loaded": {}}
    return index


def known(project, numbers: dict) -> None:
    """Numbers the caller already has from loading drafts ({path: number_of(data)}): not loaded again."""
    index = _index(project)
    for path, number in numbers.items():
        if path in index["text"]:
            index["loaded"][path] = [Used(path, *number)] if number else []


def used(project, year: int | None = None, seq: int | None = None, exclude: Path | None = None) -> list[Used]:
    """The numbers the project's drafts use, limited to `year`/`seq` when given: only drafts whose
    text shows such a number are loaded, each once per run."""
    index = _index(project)
    exclude = _same_draft(index, exclude) if exclude is not None else set()
    found = []
    shown = index["by_seq"].get(seq, ()) if seq is not None else [p for p, pairs in index["text"].items() if pairs]
    for path in dict.fromkeys([*shown, *index["inherit"]]):
        pairs = index["text"][path]
        if pairs and not any((year is None or y in (None, year)) and (seq is None or s == seq) for y, s in pairs):
            continue
        if path in exclude:
            continue
        if path not in index["loaded"]:
            try:
                number = _loaded(path, project)
                index["loaded"][path] = [Used(path, *number)] if number else []
            except LetterkitError:  # broken: its text still holds the numbers
                index["loaded"][path] = [Used(path, None, y, s) for y, s in pairs]
        found += [u for u in index["loaded"][path]
                  if (year is None or u.year in (None, year)) and (seq is None or u.seq == seq)]
    return found


def _same_draft(index, path: Path) -> set[Path]:
    """The listed drafts that are `path` itself.  Paths are compared as given (made absolute), not
    resolved: a draft that is a symlink to another draft is a second draft with the same number
    (two letters would go out with it).  Only a path that is not listed (reached through a
    symlinked folder, or ./x/../x) is matched by the file it resolves to."""
    given = Path(os.path.abspath(path))
    listed = index.get("listed")
    if listed is None:  # made once per run: every draft built asks
        listed = index["listed"] = {Path(os.path.abspath(p)): p for p in index["text"]}
    if given in listed:
        return {listed[given]}
    real = given.resolve()
    return {p for p in index["text"] if p.resolve() == real}


def next_free(project, code: str, year: int) -> int:
    """One more than the highest sequence number of `code` and `year` (any draft that might be)."""
    taken = [u.seq for u in used(project, year=year) if u.code in (None, code) and u.year in (None, year)]
    return max(taken, default=0) + 1


def others_with(project, path: Path, code: str, year: int, seq: int) -> list[Path]:
    """The other drafts of the project that use the same number."""
    return [u.path for u in used(project, year=year, seq=seq, exclude=Path(path))
            if u.code == code and u.year == year and u.seq == seq]


def duplicate_message(number: str, others: list[Path], draft: Path | None = None,
                      written_in: str | None = None) -> tuple[str, str]:
    """Names the draft too: when the number is inherited (from a profile) the error's place is the
    profile's line, the same for every draft that inherits it."""
    hint = "一个发文字号只能用于一封信：改用下一个顺序号（letterkit new 会自动取号）"
    if draft is None:
        return f"发文字号 {number} 已由 {'、'.join(display_path(p) for p in others)} 使用", hint
    message = f"草稿 {display_path(draft)} 的发文字号 {number} 已由 {'、'.join(display_path(p) for p in others)} 使用"
    if written_in and os.path.abspath(written_in) != os.path.abspath(draft):
        message += f"（这个顺序号写在 {written_in}，草稿继承了它）"
        hint = "在每份草稿里写自己的 number.seq，不要写在部门配置或项目文件里"
    return message, hint
