"""Paths and names that come from files (drafts, profiles, templates) are untrusted.

The rule, everywhere: a path read because a file names it resolves — symlinks included —
inside the project; only a path the clerk types on the command line may point elsewhere.
A department or profile name is a plain name, never a path.  This module is the one place
that decides, so every stage refuses in the same words.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import LetterkitError, Location, Problem

# letters (Chinese included), digits, _ . -; not starting with a dot; never a separator
_PLAIN_NAME = re.compile(r"[^\W_][\w.-]*")


def is_inside(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """True when `path`, every symlink followed, lies inside `root` (also resolved)."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def inside_project(path: str | os.PathLike, root: str | os.PathLike, where: Location, what: str,
                   written: str | None = None) -> Path:
    """`path` resolved, when it stays inside the project `root`; else an error at `where` (the
    file:line:column of the value that named it).  `written` is the value as the clerk typed it."""
    written = str(path) if written is None else written
    if not is_inside(path, root):
        if os.path.isabs(written):
            why = "写的是绝对路径"
        elif os.path.islink(path) or os.path.realpath(path) != os.path.abspath(path):
            why = "它是指向项目之外的符号链接"
        else:
            why = "路径经 ../ 走出了项目目录"
        raise LetterkitError([Problem(where, "path-outside",
                                      f"{what} '{written}' 在项目目录之外（{why}），不会读取",
                                      "把文件复制到项目目录之内（letterkit.yaml 所在的目录），用相对路径书写")])
    return Path(os.path.realpath(path))


def plain_name(name, where: Location, what: str) -> str:
    """A name that will become a file name (a department, a profile): no folders, no `..`."""
    if not isinstance(name, str) or not _PLAIN_NAME.fullmatch(name) or ".." in name or len(name) > 100:
        raise LetterkitError([Problem(where, "bad-name",
                                      f"{what} '{name}' 不是一个简单的名称（只能由汉字、字母、数字和 _ . - 组成，不能含 / \\ 空格或 ..，不能以 . 开头，不超过 100 个字符）",
                                      "只写名称本身，如 futian-zhujian；配置文件放在项目的 profiles/ 下")])
    return name
