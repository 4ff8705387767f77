"""Stage 1, load: YAML files → plain data plus a source map.

Every value keeps the file, line and column it came from, so that any later
stage can point a clerk at the exact line to edit.  Only safe YAML is read:
mappings, sequences and scalars (strings, numbers, booleans, dates).

Layers (built-in defaults ← project file ← draft) are merged here too:
mappings merge key by key, anything else in a later layer replaces the earlier.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import LetterkitError, Location, Problem, os_reason
from .manifest import note_read

Key = tuple  # a path into the data: ("measures", 0, "heading")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same rules, ten times faster


@dataclass(frozen=True)
class Source:
    location: Location
    raw: str | None = None  # the scalar exactly as typed (for phone numbers, ids…)
    quoted: bool = False  # in quotes on one line with nothing escaped: its text starts one column after


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
    files: tuple = ()  # every file read into it, in layer order: what a build depends on


# libyaml's words → what a clerk reads: (needle, what is wrong, how to fix it)
_YAML_PROBLEMS = [
    ("tab", "用了 Tab 字符缩进", "YAML 不能用 Tab 缩进，请改用空格"),
    ("mapping values are not allowed", "这里不能出现“冒号+空格”", "值里含冒号时请用引号把整个值括起来"),
    ("could not find expected ':'", "缺少冒号", "字段写成 名称: 值，冒号后加空格"),
    ("did not find expected key", "缩进没有对齐", "检查这一行是否与同级字段对齐"),
    ("did not find expected '-' indicator", "列表项缩进没有对齐", "同一列表的各项以 - 开头并对齐"),
    ("found unexpected end of stream", "引号或括号没有成对", "检查引号是否成对"),
    ("found undefined alias", "别名（*名称）没有对应的锚点（&名称）", "删除别名或补上锚点"),
    ("found character", "出现了不能作为开头的字符", "给这个值加上引号"),
    ("expected ',' or ']'", "方括号 [ ] 没有成对，或列表项之间缺逗号", "补上 ]；文字里有逗号或冒号时用引号括起来"),
    ("expected ',' or '}'", "花括号 { } 没有成对，或字段之间缺逗号", "补上 }；文字里有逗号或冒号时用引号括起来"),
    ("unknown escape character", "双引号里的反斜杠 \\ 后面是不认识的字符", "写成两个反斜杠 \\\\，或改用单引号括起这个值"),
    ("another document", "一个文件里有第二个文档（--- 之后）", "一个文件只写一份草稿：删去 ---，或把后面的内容另存为新文件"),
    ("single document", "一个文件里有第二个文档（--- 之后）", "一个文件只写一份草稿：删去 ---，或把后面的内容另存为新文件"),
    ("expected alphabetic or numeric character", "& 或 * 后面缺少名称", "文字以 & 或 * 开头时用引号括起来"),
    ("line break", "值的后面多了内容", "值里有引号、| 或 > 时，用引号把整个值括起来"),
    ("directive", "以 % 开头的指令有误", "删去以 % 开头的行"),
    ("second occurrence", "锚点名称（&名称）重复", "换一个名称，或删去重复的锚点"),
    ("duplicate anchor", "锚点名称（&名称）重复", "换一个名称，或删去重复的锚点"),
    ("block end", "缩进没有对齐", "检查这一行是否与同级字段对齐"),
    ("block sequence entries are not allowed", "这里不能出现以 - 开头的列表项", "列表项写在字段的下一行并缩进；文字以 - 开头时加引号"),
    ("node content", "缺少值，或值以不能开头的符号开头", "给这个值加上引号"),
    ("unexpected ':'", "这里不能出现冒号", "值里含冒号时请用引号把整个值括起来"),
    ("document start", "文件结构有误，这里多了内容", "检查这一行的缩进；含特殊符号的值用引号括起来"),
    ("indentation indicator", "| 或 > 后面只能直接换行", "删去 | 或 > 后面的文字，正文写在下一行并缩进"),
]


_SPACE_NAMES = {"\ufeff": "字节顺序标记 BOM", "\u00a0": "不换行空格", "\u3000": "全角空格",
                "\u200b": "零宽空格", "\u202f": "窄不换行空格"}
_CLOSERS = {"]": ("多了一个 ]（方括号没有成对）", "删去多余的 ]；文字里有方括号时用引号把整个值括起来"),
            "}": ("多了一个 }（花括号没有成对）", "删去多余的 }；文字里有花括号时用引号把整个值括起来")}


def _syntax_problem(display: str, error: yaml.MarkedYAMLError, text: str = "") -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    detail = f"{error.problem or ''} {error.context or ''}"
    index = getattr(mark, "index", None) if mark else None
    near = text[max(index - 1, 0):index + 1] if text and index is not None else ""  # libyaml may point past it
    hidden = next((ch for ch in reversed(near) if ch != " " and unicodedata.category(ch) in ("Zs", "Cf")), None)
    if hidden:
        where = Location(display, line, column - (near[-1:] != hidden) if column else column)
        return Problem(where, "invisible-character",
                       f"这里有一个看不见的字符 U+{ord(hidden):04X}（{_SPACE_NAMES.get(hidden, '特殊空格或格式字符')}）"
                       + ("，它只能出现在文件开头" if hidden == "\ufeff" else ""),
                       "删去这个字符（它常随复制的文字带进来），缩进和分隔只用普通空格")
    at = near[-1:]
    if at in _CLOSERS and ("block end" in detail or "expected key" in detail):
        what, hint = _CLOSERS[at]
        return Problem(Location(display, line, column), "yaml-syntax", f"YAML 语法错误：{what}", hint)
    for needle, what, hint in _YAML_PROBLEMS:
        if needle in detail:
            return Problem(Location(display, line, column), "yaml-syntax", f"YAML 语法错误：{what}", hint)
    # never the parser's English: a clerk is told where, and what to look at
    return Problem(Location(display, line, column), "yaml-syntax", "YAML 语法错误：这一行附近无法解读",
                   "检查这一行附近的缩进、冒号和引号；含 : # [ ] { } & * ! | > 等符号的值用引号括起来")


def load_text(text: str, display: str) -> Loaded:
    """Parse one YAML document; `display` is the path shown in messages."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise LetterkitError([_syntax_problem(display, error, text)]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, e.g. a control character
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise LetterkitError([Problem(Location(display, line, column), "bad-character",
                                      f"文件中有不能出现的控制字符 U+{error.character if isinstance(error.character, int) else ord(error.character):04X}",
                                      "删去这个字符，它常见于从别处复制来的文字")]) from None
    except yaml.YAMLError:  # e.g. more than one document in the file
        raise LetterkitError([Problem(Location(display, 1, 1), "yaml-syntax", "YAML 错误：文件无法解读",
                                      "一个文件只写一份草稿；检查缩进、冒号和引号")]) from None
    finally:
        loader.dispose()
    sources = SourceMap()
    problems: list[Problem] = []
    if node is None:  # an empty file: problems about missing values point at its first line
        sources[()] = Source(Location(display, 1, 1))
        return Loaded({}, sources)
    budget = _Budget()
    try:
        data = _convert(node, (), display, loader, sources, problems, text=text, budget=budget)
    except _TooLarge as error:
        raise LetterkitError([_too_large(display, error.args[0], error.args[1], budget)]) from None
    if problems:
        raise LetterkitError(list(dict.fromkeys(problems)))  # an alias repeats its anchor's problem
    return Loaded(data, sources)


def load_file(path: Path, display: str | None = None) -> Loaded:
    display = display or str(path)
    try:
        raw = Path(path).read_bytes()
        text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig").read()  # a BOM, as Windows editors write, is fine
    except UnicodeDecodeError as error:
        data = Path(path).read_bytes()
        _not_a_draft(data, path, display)
        guess = _guess_encoding(data)
        found = f"看起来是 {guess} 编码" if guess else f"第 {error.start} 字节无法按 UTF-8 解读"
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1:error.start].decode("utf-8", "replace")) + 1
        raise LetterkitError([Problem(Location(display, line, column), "encoding", f"文件不是 UTF-8 编码（{found}）",
                                      "请在编辑器中用 UTF-8 编码另存此文件")]) from None
    except OSError as error:
        reason, hint = os_reason(error)
        raise LetterkitError([Problem(Location(display), "read-error", f"无法读取文件：{reason}", hint or "检查路径和权限")]) from None
    loaded = load_text(text, display)
    loaded.files = (Path(path),)
    note_read(path, raw)  # the manifest records these bytes, not the file as it is when the build ends
    return loaded


# Files a clerk may name by mistake: (how they start, what they are, what to run instead)
_OTHER_FILES = [
    (b"PK\x03\x04", "Word 文件（或其他压缩格式文件）",
     "草稿是 .yaml 文件。把这封 Word 信转成草稿：letterkit import {name}；检查它的版面：letterkit check --render {name}"),
    (b"%PDF", "PDF 文件", "草稿是 .yaml 文件；PDF 由 letterkit build --pdf 从草稿生成"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word（.doc）或 Excel 文件", "先在 Word 中另存为 .docx，再用 letterkit import 转成草稿"),
]


def _not_a_draft(data: bytes, path, display: str) -> None:
    """A Word, PDF or other binary file given as a draft: say what it is, not how to re-encode it."""
    for magic, what, hint in _OTHER_FILES:
        if data.startswith(magic):
            raise LetterkitError([Problem(Location(display), "not-a-draft", f"这是 {what}，不是草稿",
                                          hint.format(name=display))])


def _guess_encoding(data: bytes) -> str | None:
    """The likely encoding of a file that is not UTF-8, for the message; None when unsure.
    UTF-16 only with its byte-order mark or its many zero bytes (any even-length text decodes as UTF-16)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.count(b"\x00") * 4 > len(data):
        return "UTF-16"
    decoded = {}
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if re.search("[\u4e00-\u9fff]", text):
            decoded[name] = text
    if len(decoded) == 2:  # Big5 bytes mostly decode as GBK too, into rare characters: which reads as Chinese?
        if _plausible(decoded["gb18030"], "gb2312") >= 0.9:
            return "GBK/GB18030"
        return "Big5（繁体）" if _plausible(decoded["big5"], "big5") >= 0.9 else "GBK 或 Big5"
    if decoded:
        return "GBK/GB18030" if "gb18030" in decoded else "Big5（繁体）"
    try:
        data.decode("cp1252")
        return "Windows-1252（西文）"
    except UnicodeDecodeError:
        return None


def _plausible(text: str, common: str) -> float:
    """The share of the non-ASCII characters of `text` that are everyday Chinese in `common`'s
    character set (GB 2312 for simplified, Big5 for traditional) or CJK punctuation."""
    wide = [ch for ch in text if ord(ch) > 0x7f]
    if not wide:
        return 0.0

    def everyday(ch: str) -> bool:
        if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
            return True
        try:
            return "\u4e00" <= ch <= "\u9fff" and bool(ch.encode(common))
        except UnicodeEncodeError:
            return False
    return sum(map(everyday, wide)) / len(wide)


def _location(display: str, node: yaml.Node) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_STR = "tag:yaml.org,2002:str"
# Far beyond any letter (the longest published one has 9,000 characters).  Aliases (*name)
# repeat what an anchor (&name) holds without copying it in the file: a 319 KB draft of one
# long anchor and 2,000 aliases expands to 600 million characters.  The data is refused as
# soon as it grows past either bound, before it is copied.
MAX_NODES = 100_000  # values
MAX_CHARS = 2_000_000  # characters in all the texts, each alias counted again


class _TooLarge(Exception):
    pass


class _Budget:
    """What the data has grown to so far, with every alias expanded."""

    def __init__(self):
        self.chars = 0
        self.seen: set = set()  # ids of the nodes converted: a node met again came through an alias
        self.aliased = False


def _too_large(display: str, node, path, budget: _Budget) -> Problem:
    where = _location(display, node)
    at = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "（顶层）"
    if budget.aliased:
        what = (f"YAML 用别名（*名称）反复引用锚点（&名称）后，展开超过上限（{MAX_NODES:,} 个值或 {MAX_CHARS:,} 个字），"
                f"展开到 {at} 时超出；这一行是被反复引用的锚点")
        hint = "草稿中不要用 & 和 * 引用同一段文字，把需要的内容直接写出来"
    else:
        what = f"草稿内容太多，超过上限（{MAX_NODES:,} 个值或 {MAX_CHARS:,} 个字），在 {at} 处超出"
        hint = "一封答复函不会这么长：检查是否误粘贴了大段内容"
    return Problem(where, "yaml-too-large", what, hint)


def _convert(node, path, display, loader, sources, problems, key_where=None, text="", budget=None):
    """Plain data from a node; a mapping or list is located at its key's line."""
    budget = budget or _Budget()
    if id(node) in budget.seen:
        budget.aliased = True
    budget.seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        budget.chars += len(node.value)
    if len(sources) >= MAX_NODES or budget.chars > MAX_CHARS:
        raise _TooLarge(node, path)
    where = _location(display, node)
    written = _explicit_tag(node, text)
    if written or (not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS):
        problems.append(_tag_problem(where, written or node.tag))
        return None
    if isinstance(node, yaml.MappingNode):
        where = key_where or where
        sources[path] = Source(where)
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(_location(display, key_node), "bad-key", "字段名必须是文字", "把字段名写成 名称: 值 的形式"))
                continue
            key = key_node.value
            budget.chars += len(key)
            if key in result:
                problems.append(Problem(_location(display, key_node), "duplicate-key", f"字段 '{key}' 重复出现", "删除或合并重复的字段"))
                continue
            result[key] = _convert(value_node, path + (key,), display, loader, sources, problems,
                                   _location(display, key_node), text, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        sources[path] = Source(key_where or where)
        return [_convert(item, path + (i,), display, loader, sources, problems, text=text, budget=budget)
                for i, item in enumerate(node.value)]
    quoted = node.style in ("'", '"') and node.end_mark.index - node.start_mark.index == len(node.value) + 2
    sources[path] = Source(where, node.value, quoted)
    try:  # text is the scalar as read (what SafeConstructor returns too), without its dispatch
        value = node.value if node.tag == _STR else loader.construct_object(node, deep=True)
        if isinstance(value, str) and node.style in (None, "", ">") and node.end_mark.line > node.start_mark.line:
            value = _refold(node, text)
        return value
    except yaml.constructor.ConstructorError:  # an unknown !tag on a scalar (caught above when the text shows it)
        problems.append(_tag_problem(where, node.tag))
        return node.value
    except ValueError:  # a date that does not exist (2020-02-30): validation reports it with the rest
        return node.value


_TAG = re.compile(r"(?:&\S+\s+)?(!\S*)")  # an anchor may come first: &name !!str


def _explicit_tag(node, text: str) -> str | None:
    """The `!tag` written before a value (`!!binary`, `!foo`), as written; None for a plain value."""
    index = getattr(node.start_mark, "index", None)
    if not text or index is None or index >= len(text) or text[index] not in "!&":
        return None
    match = _TAG.match(text, index)
    return match.group(1) if match else None


def _tag_problem(where: Location, tag: str) -> Problem:
    """YAML tags (!!binary, !!timestamp, !foo) build values a letter has no use for, and their
    decoders' errors are English: none is allowed in a draft."""
    shown = tag if len(tag) <= 40 else tag[:40] + "…"
    return Problem(where, "bad-value", f"草稿中不能使用 YAML 标记 '{shown}'（以 ! 开头的类型标记）",
                   "删去这个标记，只写值本身；文字以 ! 开头时用引号括起来")


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef\u2014\u2018\u2019\u201c\u201d\u2026]")


def _refold(node: yaml.ScalarNode, source: str) -> str:
    """Re-join a scalar wrapped over several lines, the way Chinese text means it.

    YAML folds each line break into a space, which in Chinese puts a stray space
    wherever a clerk wrapped a long line (“申请 312宗”).  Here a break next to a
    Chinese character or full-width punctuation joins with nothing; a break
    between two Latin words still becomes one space; a blank line stays a break.
    """
    raw = source[node.start_mark.index:node.end_mark.index]
    lines = raw.split("\n")
    if node.style == ">":
        lines = lines[1:]  # the ">" indicator line
    text = ""
    pending_break = False
    for line in (l.strip() for l in lines):
        if not line:
            pending_break = bool(text)
            continue
        if text:
            joint = "\n" if pending_break else ("" if _WIDE.match(text[-1]) or _WIDE.match(line[0]) else " ")
            text += joint
        text += line
        pending_break = False
    return text


def merge(base: Loaded, over: Loaded) -> Loaded:
    """`over` wins: mappings merge key by key, everything else is replaced."""
    sources = SourceMap(base.sources)
    by_key: dict = {}  # over's locations grouped by top-level key: a draft has hundreds
    for p, src in over.sources.items():
        by_key.setdefault(p[:1], []).append((p, src))
    data = _merge(base.data, over.data, (), sources, by_key)
    return Loaded(data, sources, base.files + tuple(f for f in over.files if f not in base.files))


def _merge(base, over, path, sources, by_key):
    if isinstance(base, dict) and isinstance(over, dict):
        result = dict(base)
        for key, value in over.items():
            result[key] = _merge(base.get(key), value, path + (key,), sources, by_key)
        for p, src in by_key.get(path[:1], ()):
            if p == path:
                sources[path] = src
        return result
    if path in sources:  # a value from the layer below is replaced: drop its locations
        for stale in [p for p in sources if p[: len(path)] == path]:
            del sources[stale]
    entries = by_key.get(path[:1], ()) if path else [e for group in by_key.values() for e in group]
    sources.update({p: src for p, src in entries if p[: len(path)] == path})
    return over
