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

import functools
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


# Bounds on what a template may build (a letter is some 10,000 characters): without them
# `range(10**9)` ended in an internal error and `'x' * 10**9` took a gigabyte of memory.
MAX_TEXT = 1_000_000    # characters (or items) of any one value a template computes
MAX_OUTPUT = 2_000_000  # characters a template prints in all, {% set %} blocks and macros included
MAX_STEPS = 1_000_000   # turns of all the range() loops of one rendering
MAX_RANGE = 100_000     # items of one range()


class TemplateLimit(Exception):
    """A template went past one of the bounds; the message says which, in Chinese."""


class _Usage:
    """What the rendering under way has used (renderings in one process run one at a time)."""
    printed = 0
    steps = 0


def _finalize(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        raise EmptyValue()
    escaped = blocklang.escape(value)
    _Usage.printed += len(escaped)
    if _Usage.printed > MAX_OUTPUT:
        raise TemplateLimit(f"模板输出的文字超过 {MAX_OUTPUT:,} 个字符（一封信约一万字）")
    return escaped


def _range(*args):
    """range() for templates: at most MAX_RANGE items, MAX_STEPS turns in all."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"range() 有 {len(numbers):,} 项，模板中最多 {MAX_RANGE:,} 项")
    return _Counted(numbers)


class _Counted:
    def __init__(self, numbers: range):
        self.numbers = numbers

    def __len__(self):
        return len(self.numbers)

    def __iter__(self):
        for number in self.numbers:
            _Usage.steps += 1
            if _Usage.steps > MAX_STEPS:
                raise TemplateLimit(f"模板中的循环共转了超过 {MAX_STEPS:,} 次")
            yield number


def _size(value) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def _too_big(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise TemplateLimit(f"模板中的{what}会得到 {size:,} 个字符（或项），超过上限 {MAX_TEXT:,}")


_WIDTHS = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?|\{[^{}]*?:[^{}]*?(\d+)")
_NESTED = re.compile(r"\{[^{}]*:[^{}]*\{")  # '{:>{w}}': the width is an argument
_PADDING = ("ljust", "rjust", "center", "zfill", "expandtabs")


def _check_widths(template: str, args, kwargs=None) -> None:
    """Field widths in a % or {} format: '%1000000000s' would pad to a gigabyte."""
    for match in _WIDTHS.finditer(template):
        for width in match.groups():
            if width == "*":
                width = max((abs(a) for a in args if isinstance(a, int)), default=0)
            if width:
                _too_big(int(width), "格式宽度")
    if _NESTED.search(template):
        for value in (*args, *(kwargs or {}).values()):
            if isinstance(value, int):
                _too_big(abs(value), "格式宽度")


def _check_join(items, separator) -> None:
    if isinstance(items, (list, tuple)):
        _too_big(sum(len(str(i)) for i in items) + len(str(separator)) * max(0, len(items) - 1), "join")


class _Environment(SandboxedEnvironment):
    """The sandbox, with the operators and string methods that can make huge values checked
    before they run."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if _size(sequence) is not None and isinstance(count, int):
                    _too_big(_size(sequence) * count, "乘法")
        elif operator == "+" and _size(left) is not None and _size(right) is not None:
            _too_big(_size(left) + _size(right), "加法")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if right * abs(left).bit_length() > 4096:
                raise TemplateLimit(f"模板中的乘方 {left} ** {right} 太大")
        elif operator == "%" and isinstance(left, str):
            _check_widths(left, right if isinstance(right, tuple) else (right,))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (the sandbox's own signature)
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if isinstance(owner, str):
            if name in _PADDING:
                _too_big(max([a for a in args if isinstance(a, int)] + [0]), f"{name}()")
            elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]) and args[0]:
                _too_big(len(owner) + owner.count(args[0]) * max(0, len(args[1]) - len(args[0])), "replace()")
            elif name in ("format", "format_map"):
                _check_widths(owner, args, kwargs)
            elif name == "join" and args:
                _check_join(list(args[0]) if isinstance(args[0], (str, range, _Counted)) else args[0], owner)
        return super().call(__context, __obj, *args, **kwargs)


def _bounded(original):
    """A filter whose counts and widths stay within MAX_TEXT, and whose result can be told
    before it is made for those that repeat a text (indent, wordwrap, replace, join, format)."""
    name = original.__name__[3:]  # do_center → center
    skip = 1 if getattr(original, "jinja_pass_arg", None) else 0  # the environment or context first

    def bounded(*args, **kwargs):
        value, rest = (args[skip], args[skip + 1:]) if len(args) > skip else (None, ())
        text = value if isinstance(value, str) else ""
        for argument in (*rest, *kwargs.values()):
            if isinstance(argument, int) and not isinstance(argument, bool):
                _too_big(abs(argument), f"|{name} 的参数")
            elif isinstance(argument, str) and name in ("indent", "wordwrap"):  # once a line
                _too_big(len(argument) * (len(text) + 1), f"|{name}")
        if name == "replace" and len(rest) >= 2 and isinstance(rest[0], str) and rest[0]:
            text = str(value)
            _too_big(len(text) + text.count(rest[0]) * max(0, len(str(rest[1])) - len(rest[0])), "|replace")
        elif name == "format":
            _check_widths(str(value), rest, kwargs)
        elif name == "join" and isinstance(value, (list, tuple)):
            _check_join(value, rest[0] if rest else kwargs.get("d", ""))
        return original(*args, **kwargs)
    return functools.update_wrapper(bounded, original)


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
    env = _Environment(
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
    env.globals["range"] = _range
    del env.globals["lipsum"]  # placeholder text: lipsum(10**6) ran for minutes
    env.filters = {name: _bounded(f) if f.__name__.startswith("do_") else f for name, f in env.filters.items()}
    return env


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
    _Usage.printed = _Usage.steps = 0
    try:
        template = env.get_template(draft.template)
        return template.render(context(draft))
    except TemplateLimit as error:
        size = _text_size(context(draft))
        if size > MAX_DRAFT_TEXT:  # the draft itself is too long: say so, not "the template's loop"
            raise LetterkitError([Problem(Location(draft.path),
                                          "draft-too-large", f"草稿太长：文字共 {size:,} 个字，上限 {MAX_DRAFT_TEXT:,} 个字（一封信约一万字）",
                                          "检查是否把整份文件或大段重复的内容粘贴进了草稿；长篇材料作为附件另行成文")]) from None
        raise LetterkitError([Problem(_template_location(error, draft.template), "template-too-large",
                                      f"模板超出限制：{error}",
                                      "模板只用来排列草稿中的值：去掉这里的大循环或重复，长文字写在草稿里")]) from None
    except (OverflowError, MemoryError, RecursionError) as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "template-too-large",
                                      f"模板算出的值太大或嵌套太深（{type(error).__name__}）",
                                      "模板只用来排列草稿中的值：去掉这里的大循环、重复或递归")]) from None
    except jinja2.TemplateNotFound as error:
        name = str(error.name)
        including = _template_location(error, "") if name != draft.template else None
        where = including if including and including.path else draft_where
        if _leaves_folder(name):
            why = "含 .." if ".." in re.split(r"[/\\]", name) else "写的是绝对路径"
            raise LetterkitError([Problem(where, "path-outside", f"模板名 '{name}' 指向 templates/ 目录之外（{why}），不会读取",
                                          "模板名写成相对于 templates/ 的路径，如 parts/head.j2")]) from None
        if including and including.path:
            raise LetterkitError([Problem(where, "template-not-found", f"这里引用的模板 '{name}' 找不到",
                                          "检查 {% include %}、{% extends %} 或 {% import %} 中的模板名；被引用的模板放在项目的 templates/ 目录")]) from None
        raise LetterkitError([Problem(draft_where, "template-not-found", f"找不到模板 '{name}'",
                                      "检查草稿的 template 字段，模板放在项目的 templates/ 目录")]) from None
    except jinja2.TemplateSyntaxError as error:
        where = Location(display_path(error.filename or error.name or draft.template), error.lineno)
        raise LetterkitError([Problem(where, "template-syntax", f"模板语法错误：{jinja_message(error.message or '')}",
                                      "检查 {% %} 和 {{ }} 是否成对")]) from None
    except jinja2.UndefinedError as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "undefined-variable",
                                      f"模板变量未定义：{error.message}", "检查变量名拼写，或在草稿中补上这个值")]) from None
    except EmptyValue as error:
        problems = [Problem(_template_location(error, draft.template), "empty-value",
                            "模板在这里输出了空值", "公文中不能留空白：在草稿中补上这个值，或在模板中用 {% if %} 跳过")]
        written = [name for name in draft.absent if name.startswith("proposal.")]
        if written:  # the usual cause: the original had no proposal title or number, and the template needs one
            problems.insert(0, Problem(draft.sources.locate(tuple(written[-1].split("."))), "empty-value",
                                       f"草稿写了 {'、'.join(name + ': 无' for name in written)}，模板却要用它写信的标题或开头语",
                                       "照原件在草稿中写出 title: …（信的标题）和 opening: …（开头语），或补上提案的标题和编号"))
        raise LetterkitError(problems) from None
    except jinja2.exceptions.SecurityError as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "template-unsafe",
                                      f"模板做了不允许的操作：{error}", "模板只能读取草稿中的值")]) from None
    except jinja2.TemplateError as error:
        raise LetterkitError([Problem(_template_location(error, draft.template), "template-error", f"模板出错：{error}", None)]) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        where = _template_location(error, "")
        if not where.path:  # no template line in the traceback: letterkit's own fault, reported as such
            raise
        kinds = {ZeroDivisionError: "除以零", IndexError: "下标超出范围", KeyError: "没有这个键",
                 TypeError: "值的类型不对", ValueError: "值不对"}
        what = next((word for kind, word in kinds.items() if isinstance(error, kind)), "运算出错")
        raise LetterkitError([Problem(where, "template-error", f"模板运行时出错：{what}（{type(error).__name__}: {error}）",
                                      "检查模板这一行的运算、过滤器的参数和下标")]) from None


MAX_DRAFT_TEXT = MAX_OUTPUT // 4  # characters of all a draft's texts: room for a template that prints some twice


def _text_size(value) -> int:
    """Characters of all the texts in `value` (the template's context)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_text_size(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return sum(_text_size(v) for v in value)
    if hasattr(value, "__dict__"):
        return _text_size(vars(value))
    return 0


def _leaves_folder(name: str) -> bool:
    """A template name that is absolute or climbs out with `..`: never looked up."""
    return name.startswith(("/", "\\")) or bool(re.match(r"[A-Za-z]:", name)) or ".." in re.split(r"[/\\]", name)


# Jinja's common syntax errors in Chinese; the rest keep Jinja's words after a Chinese lead.
_JINJA_MESSAGES = [
    (r"cannot use extend from a non top-level scope", lambda m: "{% extends %} 只能写在模板的最外层，不能放在 block、if、for 或 macro 里"),
    (r"Unexpected end of template\. Jinja was looking for the following tags: (.*?)\. The innermost block that needs to be closed is '(\w+)'\.?",
     lambda m: f"模板到末尾了，'{m[2]}' 还没有结束（缺少 {{% end{m[2]} %}}）"),
    (r"Encountered unknown tag '(\w+)'\. Jinja was looking for the following tags: (.*?)\. The innermost block that needs to be closed is '(\w+)'\.?",
     lambda m: f"未知的标签 '{m[1]}'，这里应先用 {{% end{m[3]} %}} 结束 '{m[3]}'"),
    (r"Encountered unknown tag '(\w+)'\.?.*", lambda m: f"未知的标签 '{m[1]}'"),
    (r"unexpected end of template, expected '(.*?)'\.?", lambda m: f"模板到末尾了，还缺少 {_jinja_token(m[1])}"),
    (r"expected token '(.*?)', got '(.*?)'", lambda m: f"这里应是 {_jinja_token(m[1])}，却是 '{m[2]}'"),
    (r"unexpected '(.*?)'", lambda m: f"这里不该出现 {_jinja_token(m[1])}"),
    (r"unexpected char '(.*?)' at \d+", lambda m: f"不认识的字符 '{m[1]}'"),
    (r"tag name expected", lambda m: "{% 后面缺少标签名"),
    (r"block '(.*?)' defined twice", lambda m: f"block '{m[1]}' 定义了两次"),
    (r"[Nn]o filter named '(.*?)'\.?", lambda m: f"没有名为 '{m[1]}' 的过滤器"),
    (r"[Nn]o test named '(.*?)'\.?", lambda m: f"没有名为 '{m[1]}' 的测试"),
    (r"[Mm]issing end of comment tag", lambda m: "注释 {# 没有用 #} 结束"),
    (r"[Mm]issing end of raw directive", lambda m: "{% raw %} 没有用 {% endraw %} 结束"),
    (r"expected name or number", lambda m: "这里应是变量名或数字"),
    (r"expected an expression, got '(.*?)'", lambda m: f"这里应是一个表达式，却是 '{m[1]}'"),
    (r"can't assign to '(.*?)'", lambda m: "不能给这里赋值"),
    (r"unexpected end of template", lambda m: "模板意外结束"),
]
_JINJA_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "end of template": "模板结尾",
                 "name": "名称"}


def _jinja_token(token: str) -> str:
    return f"'{_JINJA_TOKENS.get(token, token)}'"


def jinja_message(message: str) -> str:
    """A Jinja syntax error message in Chinese."""
    for pattern, chinese in _JINJA_MESSAGES:
        match = re.fullmatch(pattern, message.strip(), re.S)
        if match:
            return chinese(match)
    return f"Jinja 报告：{message}"


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


def letter_blocks(draft: Draft, project) -> list:
    """The letter as blocks, through the templates of the draft's department (for build, and for
    check, which reads the title and opening the template prints)."""
    env = environment(project.template_dirs_for(draft.department), project.root)
    letter = blocklang.parse(render(draft, env), f"{draft.template}（渲染结果）")
    named = {draft.seal, *(c.seal for c in draft.co_signers)} - {None}
    for block in letter:  # a template prints seals the draft named (checked there), never a path of its own
        if block.seal is not None and block.seal not in named:
            template = env.get_template(draft.template).filename or draft.template
            raise LetterkitError([Problem(Location(display_path(template)), "template-seal",
                                          f"模板给出了草稿中没有写的印章图片 '{block.seal}'，不会使用",
                                          "模板中印章只能写 seal {{ seal }} 或 seal {{ co.seal }}")])
    return letter
