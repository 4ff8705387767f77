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

from .errors import LetterkitError, Location, Problem, display_path

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
    written = display_path(path) if written is None else written
    if not is_inside(path, root):
        hint = "把文件复制到项目目录之内（letterkit.yaml 所在的目录），用相对路径书写"
        if _through_symlink(path, root):  # checked first: a link found by a folder walk has an absolute path
            why = "它是指向项目之外的符号链接"
            hint = "把链接指向的文件复制到项目目录之内，替换这个符号链接"
        elif os.path.isabs(written):
            why = "写的是绝对路径"
        else:
            why = "路径经 ../ 走出了项目目录"
        raise LetterkitError([Problem(where, "path-outside", f"{what} '{written}' 在项目目录之外（{why}），不会读取", hint)])
    return Path(os.path.realpath(path))


def _kind(value) -> str:
    """A value that is not a name, described without its Python repr."""
    if isinstance(value, list):
        items = "、".join(str(item)[:20] for item in value[:5]) + ("…" if len(value) > 5 else "")
        return f"一个列表（{len(value)} 项：{items}）"
    if isinstance(value, dict):
        return "一组字段"
    return str(value)[:40]


def _through_symlink(path, root) -> bool:
    """True when `path` is inside `root` as written (no ..) but a symlink on the way leads out."""
    written = os.path.abspath(path)
    base = os.path.abspath(root)
    return (written == base or written.startswith(base.rstrip(os.sep) + os.sep)) and os.path.realpath(path) != written


def plain_name(name, where: Location, what: str) -> str:
    """A name that will become a file name (a department, a profile): no folders, no `..`."""
    if not isinstance(name, str) or not _PLAIN_NAME.fullmatch(name) or ".." in name or len(name) > 100:
        if not isinstance(name, str):  # `extends: [a, b]`: say what it is, not a Python repr
            raise LetterkitError([Problem(where, "bad-name", f"{what}只能写一个名称，现在是{_kind(name)}",
                                          "只写一个名称，如 extends: futian；要继承多层，在被继承的配置里再写 extends")])
        shown = name
        raise LetterkitError([Problem(where, "bad-name",
                                      f"{what} '{shown}' 不是一个简单的名称（只能由汉字、字母、数字和 _ . - 组成，不能含 / \\ 空格或 ..，不能以 . 开头，不超过 100 个字符）",
                                      "只写名称本身，如 futian-zhujian；配置文件放在项目的 profiles/ 下")])
    return name
