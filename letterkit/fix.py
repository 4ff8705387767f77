"""`letterkit check --fix`: make the edits the proofreading rules are certain of, in the draft's
own text, in place.

Only one-line values are edited, character by character, so comments, key order, quoting and
layout stay as the clerk wrote them, and so do the line endings (CRLF stays CRLF) and a BOM.
The result is read back before it is written: unless it loads to the same draft with exactly
those values changed, nothing is written.  A read-only draft is never replaced.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import stat
from pathlib import Path

from . import proof
from .errors import LetterkitError, Location, display_path, os_reason
from .load import Loaded, load_text
from .proof.text import get

LINE_BREAK = re.compile(r"(\r\n|\r|\n)")  # what YAML and Python's text mode take as a line break
BOM = b"\xef\xbb\xbf"


def fix_file(path, loaded: Loaded, disabled: set[str]) -> tuple[list[str], list[str]]:
    """Apply the certain fixes (proof.FIXABLE) of the rules not switched off to the draft at `path`,
    whose own layer is `loaded`.  Returns (changes made, findings left for the clerk)."""
    path = Path(path)
    shown = display_path(path)
    try:
        raw = path.read_bytes()
        parts = LINE_BREAK.split(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:  # changed or removed since it was loaded
        reason = os_reason(error)[0] if isinstance(error, OSError) else "不是 UTF-8 编码"
        return [], [f"{shown}: 无法读取，--fix 没有修改它：{reason}"]
    lines, breaks = parts[0::2], parts[1::2] + [""]
    data = loaded.data if isinstance(loaded.data, dict) else {}
    context = proof.Context(data, None, dt.date.today(), {})
    edits: dict[int, list] = {}  # line index → [(column, length, replacement, path, offset in the value, code)]
    changed, left = [], []
    for item in proof.FIXING:
        if item.code in disabled or item.stage != "check":
            continue
        for finding in item.check(context):
            where = loaded.sources.locate(finding.path)
            start = _value_start(lines, where, get(data, finding.path))
            if not finding.fixes or start is None:
                why = "改法不确定，请核对后" if not finding.fixes else "值跨行或含转义，请"
                at = f"{where.path}:{where.line}:{start + finding.offset + 1}" \
                    if start is not None and finding.offset is not None and where.line else str(where)
                left.append(f"{at}: {item.code} {finding.message}（{why}手工修改）")  # where check points
                continue
            for offset, length, replacement in finding.fixes:
                edits.setdefault(where.line - 1, []).append((start + offset, length, replacement, finding.path, offset, item.code))
    if not edits:
        return [], left
    expected = copy.deepcopy(data)
    for index, line_edits in sorted(edits.items()):
        lines[index], made, skipped = _apply(lines[index], line_edits, expected)
        changed += [f"{shown}:{index + 1}:{column + 1}: 修正 {code} “{old}”→“{new}”" for column, code, old, new in made]
        left += [f"{shown}:{index + 1}:{column + 1}: {code} 与另一处修正重叠，再运行一次 --fix" for column, code in skipped]
    text = "".join(line + end for line, end in zip(lines, breaks))
    problem = _refused(path, text, expected)
    if problem:
        return [], left + [problem]
    mode = stat.S_IMODE(os.stat(path).st_mode)
    try:
        from .write import write_atomic

        write_atomic(path, (BOM if raw.startswith(BOM) else b"") + text.encode("utf-8"))
        os.chmod(path, mode)  # the draft keeps its permissions
    except OSError as error:
        reason, hint = os_reason(error)
        return [], left + [f"{shown}: 无法写入，--fix 没有修改它：{reason}（{hint or '检查目录的写权限'}）"]
    return changed, left


def _apply(line: str, line_edits: list, expected: dict) -> tuple[str, list, list]:
    """The line with its edits made right to left, the same edits made on the values of
    `expected`; the edits made [(column, code, old, new)] and those skipped because they
    overlap one already made [(column, code)]."""
    made, skipped, end = [], [], None
    for column, length, replacement, path, offset, code in sorted(set(line_edits), key=lambda e: e[:3], reverse=True):
        if end is not None and column + length > end:
            skipped.append((column, code))
            continue
        made.append((column, code, line[column:column + length], replacement))
        line = line[:column] + replacement + line[column + length:]
        value, parent = get(expected, path), get(expected, path[:-1])
        parent[path[-1]] = value[:offset] + replacement + value[offset + length:]
        end = column
    return line, made[::-1], skipped[::-1]


def _refused(path: Path, text: str, expected: dict) -> str | None:
    """Why the fixed text must not be written, or None: a read-only draft, or text that does not
    load back to the draft with exactly the fixed values changed."""
    shown = display_path(path)
    if not os.stat(path).st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):  # root may write anything: ask the mode too
        return f"{shown}: 文件是只读的，--fix 没有修改它（要修改时先去掉只读属性，再运行 letterkit check --fix）"
    try:
        again = load_text(text, shown).data
    except LetterkitError:
        again = None
    if again != expected:
        return f"{shown}: 改后的草稿读出来与预期不同，--fix 没有修改它；请按上面的检查结果手工修改"
    return None


def _value_start(lines: list[str], where: Location, value) -> int | None:
    """0-based column where a one-line value's text starts on its line (after a quote, if quoted)."""
    if not isinstance(value, str) or where.line is None or where.column is None or where.line > len(lines):
        return None
    line = lines[where.line - 1]
    column = where.column - 1
    if line[column:column + len(value)] == value:
        return column
    if line[column:column + 1] in "\"'" and line[column + 1:column + 1 + len(value)] == value:
        return column + 1
    return None
