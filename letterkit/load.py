"""Stage 1, load: YAML files → plain data plus a source map.

Every value keeps the file, line and column it came from, so that any later
stage can point a clerk at the exact line to edit.  Only safe YAML is read:
mappings, sequences and scalars (strings, numbers, booleans, dates).

Layers (built-in defaults ← project file ← draft) are merged here too:
mappings merge key by key, anything else in a later layer replaces the earlier.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import LetterkitError, Location, Problem

Key = tuple  # a path into the data: ("measures", 0, "heading")


@dataclass(frozen=True)
class Source:
    location: Location
    raw: str | None = None  # the scalar exactly as typed (for phone numbers, ids…)


class SourceMap(dict):
    """Path in the data → where it was written."""

    def locate(self, path: Key) -> Location:
        """The location of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self:
                return self[path].location
            if not path:
                return Location("<未知>")
            path = path[:-1]

    def raw(self, path: Key) -> str | None:
        source = self.get(tuple(path))
        return source.raw if source else None

    def file_of(self, path: Key) -> str:
        return self.locate(path).path


@dataclass
class Loaded:
    data: Any
    sources: SourceMap


_YAML_HINTS = [
    ("'\\t'", "YAML 不能用 Tab 缩进，请改用空格"),
    ("mapping values are not allowed", "冒号后要加空格；值里含冒号时请用引号括起来"),
    ("could not find expected ':'", "检查这一行是否漏了冒号，或缩进是否对齐"),
    ("did not find expected key", "检查缩进是否与同级字段对齐"),
    ("found unexpected end of stream", "检查引号或括号是否成对"),
    ("found undefined alias", "YAML 别名（*名称）没有对应的锚点（&名称）"),
]


def _syntax_problem(display: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    detail = error.problem or str(error)
    hint = next((h for needle, h in _YAML_HINTS if needle in detail), "检查这一行附近的缩进、冒号和引号")
    return Problem(Location(display, line, column), "yaml-syntax", f"YAML 语法错误：{detail}", hint)


def load_text(text: str, display: str) -> Loaded:
    """Parse one YAML document; `display` is the path shown in messages."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise LetterkitError([_syntax_problem(display, error)]) from None
    except yaml.YAMLError as error:  # e.g. more than one document in the file
        raise LetterkitError([Problem(Location(display), "yaml-syntax", f"YAML 错误：{error}", "一个文件只写一个草稿")]) from None
    finally:
        loader.dispose()
    sources = SourceMap()
    problems: list[Problem] = []
    if node is None:
        return Loaded({}, sources)
    data = _convert(node, (), display, loader, sources, problems)
    if problems:
        raise LetterkitError(problems)
    return Loaded(data, sources)


def load_file(path: Path, display: str | None = None) -> Loaded:
    display = display or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise LetterkitError([Problem(Location(display), "encoding", f"文件不是 UTF-8 编码（第 {error.start} 字节）", "请用 UTF-8 编码另存此文件")]) from None
    except OSError as error:
        raise LetterkitError([Problem(Location(display), "read-error", f"无法读取文件：{error.strerror}", "检查路径和权限")]) from None
    return load_text(text, display)


def _location(display: str, node: yaml.Node) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node, path, display, loader, sources, problems):
    where = _location(display, node)
    if isinstance(node, yaml.MappingNode):
        sources[path] = Source(where)
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(_location(display, key_node), "bad-key", "字段名必须是文字", "把字段名写成 名称: 值 的形式"))
                continue
            key = key_node.value
            if key in result:
                problems.append(Problem(_location(display, key_node), "duplicate-key", f"字段 '{key}' 重复出现", "删除或合并重复的字段"))
                continue
            result[key] = _convert(value_node, path + (key,), display, loader, sources, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        sources[path] = Source(where)
        return [_convert(item, path + (i,), display, loader, sources, problems) for i, item in enumerate(node.value)]
    sources[path] = Source(where, node.value)
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:  # e.g. 2020-02-30 typed as a date
        problems.append(Problem(where, "bad-value", f"无法识别的值 '{node.value}'：{error.problem}", "检查日期是否真实存在，或给值加上引号"))
        return node.value
    except ValueError as error:  # PyYAML raises this for impossible dates
        problems.append(Problem(where, "bad-date", f"'{node.value}' 不是真实存在的日期（{error}）", "写成 2020-08-10 这样的真实日期"))
        return node.value


def merge(base: Loaded, over: Loaded) -> Loaded:
    """`over` wins: mappings merge key by key, everything else is replaced."""
    sources = SourceMap(base.sources)
    data = _merge(base.data, over.data, (), sources, over.sources)
    return Loaded(data, sources)


def _merge(base, over, path, sources, over_sources):
    if isinstance(base, dict) and isinstance(over, dict):
        result = dict(base)
        for key, value in over.items():
            result[key] = _merge(base.get(key), value, path + (key,), sources, over_sources)
        if path in over_sources:
            sources[path] = over_sources[path]
        return result
    for stale in [p for p in sources if p[: len(path)] == path]:
        del sources[stale]
    sources.update({p: s for p, s in over_sources.items() if p[: len(path)] == path})
    return over
