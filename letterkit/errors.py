"""One error contract for everything letterkit reports.

Every stage collects `Problem`s instead of raising on the first one, so a clerk
sees all that is wrong with a draft at once.  A problem prints as one line:

    path:line:column: 错误 code message（hint）
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "note": "说明"}

# Never printed raw in a message: C0/C1 controls (a NUL, an ESC that drives the terminal), bidi
# controls that reorder the line, zero-width characters and tag characters.  Shown as U+XXXX.
_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
                          "\U000e0000-\U000e007f]")


def printable(text: str) -> str:
    """`text` with every character a terminal would hide or obey shown as U+XXXX."""
    return _UNPRINTABLE.sub(lambda m: f"U+{ord(m.group()):04X}", text)


@dataclass(frozen=True)
class Location:
    path: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    location: Location
    code: str
    message: str
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.location}: {SEVERITY_NAMES[self.severity]} {self.code} {self.message}"
        if self.hint:
            text += f"（{self.hint}）"
        return printable(text)


class LetterkitError(Exception):
    """Raised by a stage with every problem it found; the CLI prints them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


def display_path(path: str | os.PathLike) -> str:
    """A path as a clerk should see it: relative to the current folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


# Why a file could not be read or written, in Chinese (the system's strerror is English)
_OS_REASONS = {
    "ENOSPC": ("磁盘已满（没有剩余空间）", "腾出磁盘空间后重新运行；已有的文件没有被改动"),
    "EDQUOT": ("超出了磁盘配额", "删去不用的文件，或请管理员放宽配额，然后重新运行"),
    "EACCES": ("没有权限", "检查文件和目录的权限，或换一个有写权限的目录"),
    "EPERM": ("操作不被允许", "检查文件和目录的权限"),
    "EROFS": ("磁盘是只读的", "换一个可写的目录"),
    "ENOENT": ("文件或目录不存在", "检查路径"),
    "ENOTDIR": ("路径中的某一级不是目录", "检查路径"),
    "EISDIR": ("这是一个目录", "写文件的路径，不是目录"),
    "ENAMETOOLONG": ("文件名太长", "用短一些的文件名"),
    "EIO": ("读写出错（磁盘或网络故障）", "检查磁盘或网络连接后重试"),
    "EMFILE": ("打开的文件太多", "关闭一些程序后重试"),
    "ETXTBSY": ("文件正被占用", "关闭正在使用它的程序后重试"),
    "EBUSY": ("文件正被占用", "关闭正在使用它的程序（如 Word）后重试"),
}


def os_reason(error: OSError) -> tuple[str, str | None]:
    """(what went wrong, how to fix it) for an OSError, in Chinese; the error number kept."""
    import errno

    name = errno.errorcode.get(error.errno or -1)
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    return (f"系统错误 {name}" if name else "系统错误"), None
