"""Stage 2, validate: merged data → a typed `Draft`, or every problem at once.

Each field is declared once (name, kind, required, doc), so unknown keys get a
"did you mean" hint and the field list in docs/draft.md can be checked against
this table.  Text is normalised the way a clerk means it: line breaks that YAML
folded into spaces between Chinese characters are dropped.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import deadlines
from .confine import inside_project
from .errors import LetterkitError, Problem, os_reason
from .load import Key, Loaded
from .model import (
    DISCLOSURES, KINDS, LAYOUTS, MAX_LEVELS, ROLE_FOR_KIND, SECRECY_LEVELS, URGENCIES,
    Addressee, Attachment, Contact, CoSigner, DocNumber, Draft, Measure, Organ, Proposal,
)

# Characters between which a space is never meant in Chinese text:
# CJK ideographs, CJK and full-width punctuation.
_WIDE = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
_SPACE_BETWEEN_WIDE = re.compile(rf"(?<=[{_WIDE}])\s+(?=[{_WIDE}])")
_SPACES = re.compile(r"\s+")
# Characters XML 1.0 cannot hold (tabs and line breaks are fine: they fold to spaces)
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Characters Word could hold but that must never pass silently into a letter: DEL and the C1
# controls (invisible, from copied text), noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF) and
# the bidi embeddings, overrides and isolates, which reorder what is printed (“Trojan source”).
# Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the tag characters U+E0000–U+E007F
# print nothing but make two equal-looking names differ, and hide text: refused too, not stripped.
_HIDDEN = re.compile("[\x7f-\x9f\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff\U000e0000-\U000e007f"
                     "\u200e\u200f\u061c"  # the bidi marks LRM, RLM, ALM
                     "\u00ad\u034f\u115f\u1160\u180e\u2061-\u2064\u3164\uffa0\ufff9-\ufffb"  # other invisible marks and fillers
                     + "".join(f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(1, 17))
                     + "]")
# ...and in a field name, also the spaces that are not the ASCII space: no-break (U+00A0, U+202F),
# the typographic spaces U+2000–U+200A, the ideographic space U+3000 (a Chinese IME's full-width space)
_INVISIBLE_IN_KEY = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069"
                               "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def hidden_character(value: str) -> tuple[int, str] | None:
    """(offset, what it is) of the first character a letter must not carry silently, or None."""
    for pattern, what in ((_NOT_IN_XML, "控制字符"), (_HIDDEN, None)):
        bad = pattern.search(value)
        if bad:
            code = ord(bad.group())
            if what is None:
                what = ("控制字符" if code <= 0x9f else "零宽字符（看不见，却使文字不同）"
                        if code in (0x200b, 0x200c, 0x200d, 0x2060, 0xfeff) else "双向文字控制符（会颠倒文字的显示顺序）"
                        if 0x202a <= code <= 0x202e or 0x2066 <= code <= 0x2069 or code in (0x200e, 0x200f, 0x61c) else "标签字符（看不见）"
                        if 0xe0000 <= code <= 0xe007f else "非字符（Unicode 保留不用的码位）"
                        if 0xfdd0 <= code <= 0xfdef or code & 0xfffe == 0xfffe else "看不见的格式字符")
            return bad.start(), f"{what} U+{code:04X}"
    return None


def clean_text(text: str) -> str:
    """Join folded lines: no space between Chinese characters, single spaces elsewhere."""
    text = _SPACE_BETWEEN_WIDE.sub("", text.strip())
    return _SPACES.sub(" ", text)


@dataclass
class Field:
    name: str
    kind: Callable  # checker(value, path, ctx) -> converted value
    required: bool = True
    doc: str = ""
    absent_ok: bool = False  # may be written 无: the letter deliberately has none (an imported original lacked it)


# The one way to say a letter has no such element.  A blank stays an error: 无 is a
# decision a reviewer can see, and `letterkit check` lists it as a warning.
ABSENT = "无"


def is_absent(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == ABSENT


class Checker:
    """Carries the source map and collects problems while walking the data."""

    def __init__(self, loaded: Loaded, base_dirs: list[Path] | None = None):
        self.sources = loaded.sources
        self.base_dirs = base_dirs or [Path.cwd()]  # where relative file names are looked up
        self.root = self.base_dirs[-1]  # the project: files a draft names must stay inside it
        self.problems: list[Problem] = []

    def problem(self, path: Key, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(self.sources.locate(path), code, message, hint))

    def mapping(self, value: Any, path: Key, fields: list[Field], what: str) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, "wrong-type", f"{what}应是一组字段（名称: 值），现在是 {_describe(value)}", "在它下面缩进写各个字段")
            return None
        known = {f.name for f in fields}
        for key in value:
            if key not in known and _INVISIBLE_IN_KEY.search(str(key)):
                seen = _INVISIBLE_IN_KEY.search(str(key)).group()
                kind = "特殊空格" if unicodedata.category(seen) == "Zs" else "看不见的字符"
                self.problem(path + (key,), "invisible-character",
                             f"字段名 '{_INVISIBLE_IN_KEY.sub('', str(key))}' 中夹着{kind} U+{ord(seen):04X}（{unicodedata.name(seen, '')}）",
                             "删去整个字段名重新输入（这种字符常随复制的文字带进来）")
            elif key not in known:
                guess = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
                hint = f"是否想写 '{guess[0]}'？" if guess else f"可用的字段：{'、'.join(f.name for f in fields)}"
                self.problem(path + (key,), "unknown-key", f"未知字段 '{key}'", hint)
        result = {}
        for spec in fields:
            raw = value.get(spec.name)
            if spec.absent_ok and is_absent(raw):
                result[spec.name] = ABSENT
                continue
            if raw is None and not spec.required and spec.name in value and _written_blank(self.sources, path + (spec.name,)):
                self.problem(path + (spec.name,), "blank-value", f"'{_dotted(path + (spec.name,))}' 写了字段名却没有值",
                             f"填写{spec.doc.split('；')[0]}，或删除这一行")
                result[spec.name] = None
                continue
            if raw is None:
                if spec.required:
                    self.problem(path if spec.name not in value else path + (spec.name,), "missing-value",
                                 f"缺少必填字段 '{_dotted(path + (spec.name,))}'：{spec.doc}",
                                 f"加上 {spec.name}: …")
                result[spec.name] = None
                continue
            result[spec.name] = spec.kind(raw, path + (spec.name,), self)
        return result


def _written_blank(sources, path: Key) -> bool:
    """True when the value at `path` was typed as a blank (`key:` or `- ` with nothing, ~, null)."""
    source = sources.get(tuple(path))
    return source is not None and source.raw is not None


def _dotted(path: Key) -> str:
    """("measures", 0, "text") → measures[1].text, as a clerk reads it."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(value: Any) -> str:
    """What a value is, shortened: a draft may be any file, and a message never echoes it whole."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "一组字段"
    if isinstance(value, dt.date):
        return f"日期 {value}"
    value = str(value)
    return f"文字 '{value[:20]}…'" if len(value) > 20 else f"文字 '{value}'"


# -- value kinds --------------------------------------------------------------

def text(value, path, ck: Checker):
    """Text; numbers and dates typed without quotes are taken as typed."""
    if value is None:  # `- ` or `key:` with nothing after it: never the word None in a letter
        ck.problem(path, "blank-value", f"'{_dotted(path)}' 是空的（只写了 - 或冒号，后面没有内容）",
                   "填写内容，或删除这一行")
        return None
    if isinstance(value, (dict, list)):
        ck.problem(path, "wrong-type", f"'{_dotted(path)}' 应是一段文字，现在是{_describe(value)}", "写成一行文字，长文字可用 > 折行")
        return None
    if isinstance(value, bool):
        ck.problem(path, "wrong-type", f"'{_dotted(path)}' 应是文字，现在是 {value}", "给它加上引号")
        return None
    if not isinstance(value, str):
        value = ck.sources.raw(path) or str(value)
    bad = hidden_character(value)
    if bad:
        ck.problem(path, "bad-character", f"'{_dotted(path)}' 的第 {bad[0] + 1} 个字符是{bad[1]}，不能印进公文",
                   "删去这个字符，它常见于从别处复制来的文字")
        return None
    cleaned = clean_text(value)
    if not cleaned:
        ck.problem(path, "missing-value", f"'{_dotted(path)}' 是空的", "填写内容，或删除这个字段")
        return None
    return cleaned


def identifier(value, path, ck: Checker):
    """A proposal's number, printed as 第…号: text, or a whole number as typed — never 20240056.0."""
    if isinstance(value, float):
        raw = ck.sources.raw(path) or str(value)
        whole = raw.split(".")[0].lstrip("+-")
        example = whole if whole.isdigit() else "0012"  # .inf, .nan: no digits to keep
        what = "带小数点的数字" if value == value and abs(value) != float("inf") else "YAML 的特殊数值（无穷大或非数）"
        ck.problem(path, "wrong-type", f"编号 '{raw}' 是{what}，会印成 第{raw}号",
                   f"编号只写数字和字母，不带小数点，并加引号，如 id: \"{example}\"")
        return None
    return text(value, path, ck)


def whole_number(low: int, high: int, what: str):
    def check(value, path, ck: Checker):
        if isinstance(value, bool) or not isinstance(value, int):
            ck.problem(path, "wrong-type", f"{what}应是整数，现在是{_describe(value)}", f"写成 {low} 到 {high} 之间的数字，不加引号")
            return None
        raw = ck.sources.raw(path) or ""
        if raw.startswith("0") and raw != "0":
            ck.problem(path, "leading-zero", f"{what} '{raw}' 不能有前导零", f"写成 {int(raw, 10) if raw.isdigit() else value}")
            return None
        if raw and not raw.lstrip("+").isdigit():  # YAML 1.1 reads 1:10 as 70 and 1_0 as 10: never a silent other number
            ck.problem(path, "wrong-type", f"{what} '{raw}' 不是普通的数字（YAML 会把它读成 {value}）",
                       f"只写阿拉伯数字，不带冒号、下划线、小数点，如 {low}")
            return None
        if not low <= value <= high:
            ck.problem(path, "out-of-range", f"{what} {value} 不在 {low}–{high} 之间", "检查是否输错")
            return None
        return value
    check.schema = {"type": "integer", "minimum": low, "maximum": high}
    return check


def choice(options: tuple[str, ...], what: str):
    def check(value, path, ck: Checker):
        if value not in options:
            guess = difflib.get_close_matches(str(value), options, n=1, cutoff=0.3)
            hint = f"是否想写 '{guess[0]}'？" if guess else None
            ck.problem(path, "bad-choice", f"{what} '{value}' 不可用，只能是：{'、'.join(options)}", hint)
            return None
        return value
    check.schema = {"enum": list(options)}
    return check


def date(value, path, ck: Checker):
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if not 1949 <= value.year <= 2100:
            ck.problem(path, "bad-date", f"日期 {value} 的年份不合理", "核对年份，写成 2020-08-10 的形式")
            return None
        return value
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*", value)
        if match:
            try:
                return date(dt.date(*map(int, match.groups())), path, ck)
            except ValueError:
                pass
    ck.problem(path, "bad-date", f"日期 '{value}' 无法识别或不存在", "写成 2020-08-10（不加引号），且日期真实存在")
    return None


IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def image_file(value, path, ck: Checker):
    """An image file, relative to the draft's folder or the project root."""
    name = text(value, path, ck)
    if name is None:
        return None
    candidates = [Path(name)] if Path(name).is_absolute() else [base / name for base in ck.base_dirs]
    try:
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            other = next((c for c in candidates if c.exists()), None)  # a folder, /dev/zero, a pipe…
            if other is not None:
                what = "一个目录" if other.is_dir() else "设备文件、管道或其他特殊文件"
                ck.problem(path, "not-a-file", f"'{name}' 是{what}，不是普通的图片文件", "写印章图片文件本身的路径，如 seals/公章.png")
            else:
                ck.problem(path, "no-such-file", f"找不到图片文件 '{name}'", "路径相对于草稿所在目录或项目根目录")
            return None
        # an image from anywhere the clerk can read must not go into an outgoing letter
        found = inside_project(found, ck.root, ck.sources.locate(path), "印章图片", name)
        with open(found, "rb") as file:
            head = file.read(8)
    except LetterkitError as error:
        ck.problems += error.problems
        return None
    except OSError as error:  # a name too long, no permission…
        ck.problem(path, "read-error", f"无法读取图片文件 '{name[:60]}'：{os_reason(error)[0]}", "检查文件名和权限")
        return None
    if not head.startswith(IMAGE_SIGNATURES):
        ck.problem(path, "bad-image", f"'{name}' 不是 PNG 或 JPEG 图片", "印章请用透明背景的 PNG")
        return None
    return str(found.resolve())


def copy_number(value, path, ck: Checker):
    """份号: six Arabic digits (7.2.1); typed as a number, the digits as written."""
    raw = ck.sources.raw(path) if isinstance(value, int) else value
    raw = str(raw).strip() if raw is not None else ""
    if not re.fullmatch(r"\d{6}", raw):
        ck.problem(path, "bad-copy-number", f"份号 '{raw}' 应是 6 位阿拉伯数字", "例如 copy_number: \"000123\"（加引号以保留前面的 0）")
        return None
    return raw


def secrecy(value, path, ck: Checker):
    """密级和保密期限: 绝密/机密/秘密, optionally ★ and a period (机密★1年)."""
    raw = text(value, path, ck)
    if raw is None:
        return None
    if not re.fullmatch(rf"({'|'.join(SECRECY_LEVELS)})(★\S+)?", raw):
        ck.problem(path, "bad-secrecy", f"密级 '{raw}' 无法识别", "写成 绝密、机密、秘密，可加保密期限，如 机密★1年")
        return None
    return raw


def flag(value, path, ck: Checker):
    if not isinstance(value, bool):
        ck.problem(path, "wrong-type", f"'{_dotted(path)}' 应是 true 或 false，现在是{_describe(value)}", "写 true（是）或 false（否）")
        return None
    return value


def text_list(value, path, ck: Checker):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        ck.problem(path, "wrong-type", f"'{_dotted(path)}' 应是列表，现在是{_describe(value)}", "每一项另起一行，以 - 开头")
        return None
    if not value:
        ck.problem(path, "missing-value", f"'{_dotted(path)}' 是空列表", "填写内容，或删除这个字段")
        return None
    return [text(item, path + (i,), ck) for i, item in enumerate(value)]


def nested(fields: list[Field], build: Callable, what: str):
    def check(value, path, ck: Checker):
        parts = ck.mapping(value, path, fields, what)
        if parts is None or any(parts[f.name] is None for f in fields if f.required):
            return None
        return build(**parts)
    return check


def measures(value, path, ck: Checker, level: int = 1):
    if not _is_list(value, path, ck, "每项以 - 开头：带 heading 的是编号标题，只有文字的是不编号的段落"):
        return None
    nodes = []
    for i, item in enumerate(value):
        where = path + (i,)
        if not isinstance(item, (dict, list)):  # a paragraph; a blank item is reported by text()
            paragraph = text(item, where, ck)
            nodes.append(Measure(heading=None, text=paragraph))
            continue
        parts = ck.mapping(item, where, MEASURE_FIELDS, "措施")
        if parts is None:
            continue
        if parts["items"] is not None and level >= MAX_LEVELS:
            ck.problem(where + ("items",), "too-deep", f"措施最多四级（一、（一）1.（1）），这里是第 {level + 1} 级", "把这些内容并入上一级的 text")
            parts["items"] = None
        children = measures(parts["items"], where + ("items",), ck, level + 1) if parts["items"] is not None else []
        nodes.append(Measure(heading=parts["heading"], text=parts["text"], items=children or []))
    return nodes


def _is_list(value, path, ck: Checker, hint: str) -> bool:
    """A non-empty list, or a problem saying what was found instead."""
    if isinstance(value, list) and value:
        return True
    ck.problem(path, "wrong-type", f"'{_dotted(path)}' 应是非空列表，现在是{_describe(value) if value != [] else '空列表'}", hint)
    return False


def attachments(value, path, ck: Checker):
    """A list of names, or of {title, content}: content (like measures) goes on its own pages."""
    if not _is_list(value, path, ck, "每项是附件名称，或带 title 和 content 的附件"):
        return None
    found = []
    for i, item in enumerate(value):
        where = path + (i,)
        if isinstance(item, dict):
            parts = ck.mapping(item, where, ATTACHMENT_FIELDS, "附件")
            if parts is None or parts["title"] is None:
                continue
            content = measures(parts["content"], where + ("content",), ck) if parts["content"] is not None else []
            found.append(Attachment(parts["title"], content or []))
        else:
            title = text(item, where, ck)
            if title is not None:
                found.append(Attachment(title))
    return found


def co_signers(value, path, ck: Checker):
    """Joint issuance: the other organs, each {signature, seal}, in issuing order."""
    if not _is_list(value, path, ck, "每项写 signature（署名）和 seal（印章图片）"):
        return None
    found = []
    for i, item in enumerate(value):
        if item is None:
            text(item, path + (i,), ck)  # reports the blank
            continue
        parts = ck.mapping(item, path + (i,), CO_SIGNER_FIELDS, "联合发文机关")
        if parts is not None and parts["signature"] is not None:
            found.append(CoSigner(parts["signature"], parts["seal"]))
    if len(found) + 1 > MAX_JOINT:
        ck.problem(path, "too-many-signers", f"联合发文机关共 {len(found) + 1} 个，一行最多排 {MAX_JOINT} 个印章",
                   "减少联合署名的机关，或分别行文")
    return found


def category_scheme(value, path, ck: Checker):
    """答复类别: code → meaning, e.g. {A: 所提问题已经解决或基本解决, B: …}; places differ, so it is data."""
    if not isinstance(value, dict) or not value:
        ck.problem(path, "wrong-type", "categories 应是“代码: 含义”的一组字段", "例如 categories: {A: 已经解决或基本解决, B: 正在解决}")
        return None
    scheme = {}
    for code, meaning in value.items():
        described = text(meaning, path + (code,), ck)
        if described is not None:
            scheme[str(code)] = described
    return scheme


def check_settings(value, path, ck: Checker):
    """`check: {disable: [rule codes], terms: [words]}`: rules switched off for this draft, and the
    project's own compounds lost-character reads besides letterkit/data/terms.txt."""
    from .proof import CODES  # the rules' registry: it imports no validate, lint or build

    codes = sorted(CODES)
    if not isinstance(value, dict) or set(value) - {"disable", "terms"} or not isinstance(value.get("disable", []), list):
        ck.problem(path, "wrong-type", "check 应写成 check: {disable: [规则代码, …], terms: [词语, …]}",
                   "例如 disable: [nested-quotes]；terms: [留守儿童, 健身步道]")
        return None
    for index, code in enumerate(value.get("disable", [])):
        if code is None:
            text(code, path + ("disable", index), ck)  # reports the blank
        elif code not in codes:
            guess = difflib.get_close_matches(str(code), codes, n=1)
            ck.problem(path + ("disable", index), "unknown-rule", f"没有代码为 '{code}' 的检查规则",
                       f"是否想写 '{guess[0]}'？" if guess else "规则代码见 docs/rules.md")
    terms = value.get("terms", [])
    if not isinstance(terms, list):
        ck.problem(path + ("terms",), "wrong-type", "check 的 terms 应是一组词语", "例如 terms: [留守儿童, 健身步道]")
        return None
    for index, term in enumerate(terms):
        if not isinstance(term, str) or not re.fullmatch(TERM, term):
            ck.problem(path + ("terms", index), "wrong-type", f"terms 里的 '{term}' 不是一个词语",
                       "每项写一个汉字词语（可夹数字或字母，如“120急救”），不带标点和空格")
    return value


TERM = "(?=.*[\u3400-\u9fff])[\u3400-\u9fff0-9A-Za-z]+"  # a compound of the glossary: Chinese characters, digits or letters inside


def _skip(value, path, ck):  # placeholder kind for fields walked by hand
    return value


MEASURE_FIELDS = [
    Field("heading", text, True, "标题文字，编号自动生成，不要手写"),
    Field("text", text, False, "紧接标题、同段的正文"),
    Field("items", _skip, False, "下一级措施"),
]

MAX_JOINT = 3  # seals of 42 mm side by side in the 156 mm 版心

CO_SIGNER_FIELDS = [
    Field("signature", text, True, "联合发文机关的署名"),
    Field("seal", image_file, False, "该机关的印章图片"),
]

ATTACHMENT_FIELDS = [
    Field("title", text, True, "附件标题，也用于附件说明"),
    Field("content", _skip, False, "附件正文，写法同 measures；给出时附件另起一页"),
]

ORGAN_FIELDS = [
    Field("name", text, True, "机关全称，印在版头"),
    Field("code", text, False, "机关代字，如 福科创函（有发文字号时必填）"),
    Field("short_name", text, False, "规范化简称"),
    Field("aliases", text_list, False, "交办清单里本机关的其他写法（如 区民政局），letterkit new --from 据此认出本部门"),
]

DEADLINE_FIELDS = [
    Field("reply_months", whole_number(1, 24, "主办答复期限的月数"), False, "主办单位答复的期限：交办后几个月（默认 3）"),
    Field("cohandling_months", whole_number(1, 12, "会办期限的月数"), False, "会办单位向主办单位提出意见的期限：交办后几个月（默认 1）"),
    Field("warn_days", whole_number(0, 366, "提醒天数"), False, "离期限不足几天时 letterkit register 标为即将到期（默认 14）"),
    Field("lead_days", whole_number(0, 366, "主办单位汇总所需天数"), False,
          "主办单位收到会办意见后汇总答复所需的天数：会办意见最迟在主办期限前这么多天发出（默认 15）"),
]

NUMBER_FIELDS = [
    Field("year", whole_number(1949, 2100, "发文年份"), True, "发文字号的年份"),
    Field("seq", whole_number(1, 99999, "发文顺序号"), True, "发文顺序号，不加前导零"),
]

PROPOSAL_FIELDS = [
    Field("kind", choice(KINDS, "类型"), True, "提案 或 建议"),
    Field("id", identifier, True, "提案/建议的编号；原件没有时写 无", absent_ok=True),
    Field("title", text, True, "提案/建议的标题；原件没有时写 无", absent_ok=True),
    Field("session", text, False, "会议届次，如 福田区政协五届六次会议"),
]

ADDRESSEE_FIELDS = [
    Field("name", text, True, "委员或代表的姓名"),
    Field("role", choice(tuple(ROLE_FOR_KIND.values()), "称谓"), False, "委员 或 代表；不写时按提案/建议推定"),
]

CONTACT_FIELDS = [
    Field("name", text, True, "联系人"),
    Field("phone", text, True, "联系电话"),
]

# Ranges for house-style numbers, by dotted key ("*" = any role).  GB/T 9704 (shared/GBT9704.md):
# A4 210 × 297 mm with 22 lines × 28 characters, "adjustable in specific cases" (5.2.3) — so paper
# 100–500 mm (A6 to A2-ish), margins 0–100 mm, lines and characters 10–40 per page/line (half to
# about double the standard), type 5–72 pt (七号 is 5.25 pt, 初号 42 pt, a big 红头 up to 72),
# indents 0–10 字, gaps 0–10 行.  Anything else numeric: 0–500 (mm, the paper's largest size).
_STYLE_RANGES = {
    "page.width": (100, 500, "毫米"), "page.height": (100, 500, "毫米"),
    "page.top": (0, 100, "毫米"), "page.bottom": (0, 100, "毫米"), "page.left": (0, 100, "毫米"),
    "page.right": (0, 100, "毫米"), "page.header": (0, 100, "毫米"), "page.footer": (0, 100, "毫米"),
    "grid.lines": (10, 40, "行"), "grid.chars": (10, 40, "字"),
    "grid.line_pitch_twips": (200, 1500, "缇"), "grid.char_spacing_pt": (-5, 5, "磅"),
    "roles.*.size": (5, 72, "磅"), "roles.*.first_line": (0, 10, "字"), "roles.*.left": (0, 10, "字"),
    "roles.*.right": (0, 10, "字"), "roles.*.hanging": (0, 10, "字"), "roles.*.line": (0.5, 5, "倍"),
    "roles.*.outline": (1, 9, "级"), "general.letterhead_size": (10, 72, "磅"),
    "seal.diameter": (10, 100, "毫米"),
}
_STYLE_DEFAULT_RANGE = (0, 500, "")
_HEX_COLOR = re.compile(r"[0-9A-Fa-f]{6}")
_ALIGN = ("left", "center", "right", "justify")


def _style_range(keys: tuple) -> tuple:
    dotted = ".".join(str(k) for k in keys)
    starred = ".".join(["roles", "*", *map(str, keys[2:])]) if keys[:1] == ("roles",) else dotted
    return _STYLE_RANGES.get(dotted) or _STYLE_RANGES.get(starred) or _STYLE_DEFAULT_RANGE


def style_overrides(value, path, ck: Checker):
    """House-style overrides: the same keys as styles/gbt9704.yaml, values replaced one by one,
    each checked by type and range — a style value goes into the letter's XML, and a zero page
    or a 100,000-character line builds a silently wrong letter."""
    from .style import house_style

    house = house_style()

    def bad(where, message, hint):
        ck.problem(where, "bad-style", message, hint)

    def leaf(val, base_val, where, keys):
        name = ".".join(str(k) for k in keys)
        if isinstance(base_val, bool):
            if not isinstance(val, bool):
                bad(where, f"版式设置 '{name}' 应是 true 或 false，现在是{_describe(val)}", f"原值为 {str(base_val).lower()}")
            return
        if isinstance(base_val, (int, float)):
            low, high, unit = _style_range(keys)
            if isinstance(val, bool) or not isinstance(val, (int, float)) or val != val:
                bad(where, f"版式设置 '{name}' 应是数字，现在是{_describe(val)}", f"写 {low}–{high}{unit} 之间的数字，原值为 {base_val}")
            elif isinstance(base_val, int) and not isinstance(base_val, bool) and keys[0] == "grid" and not isinstance(val, int):
                bad(where, f"版式设置 '{name}' 应是整数，现在是 {val}", f"写 {low}–{high}{unit} 之间的整数，原值为 {base_val}")
            elif not low <= val <= high:
                bad(where, f"版式设置 '{name}' 是 {val}，不在允许的 {low}–{high}{unit} 之间", f"原值为 {base_val}")
            return
        if isinstance(base_val, list):
            if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
                bad(where, f"版式设置 '{name}' 应是一列名称，现在是{_describe(val)}", f"原值为 {base_val}")
            return
        if not isinstance(val, str):
            bad(where, f"版式设置 '{name}' 应是文字，现在是{_describe(val)}", f"原值为 {base_val}")
            return
        if text(val, where, ck) is None and not (keys == ("category", "label") and val == ""):
            return  # blank, control characters, bidi overrides… reported there
        if keys[0] == "colors":
            if not _HEX_COLOR.fullmatch(val):
                bad(where, f"颜色 '{name}' 是 '{val[:20]}'，应是 6 位十六进制数字（RRGGBB）", f"如 FF0000（红），原值为 {base_val}")
        elif keys[0] == "fonts" and len(val) > 31:
            bad(where, f"字体名 '{name}' 有 {len(val)} 个字符，Word 的字体名不超过 31 个字符", f"写字体的正式名称，如 {base_val}")
        elif keys[0] == "roles" and keys[-1] in ("font", "latin") and val not in house["fonts"] and val not in (value.get("fonts") or {}):
            bad(where, f"'{name}' 是 '{val}'，不是 fonts 中的字体", f"只能是：{'、'.join(house['fonts'])}")
        elif keys[0] == "roles" and keys[-1] == "color" and val not in house["colors"]:
            bad(where, f"'{name}' 是 '{val}'，不是 colors 中的颜色", f"只能是：{'、'.join(house['colors'])}")
        elif keys[0] == "roles" and keys[-1] == "align" and val not in _ALIGN:
            bad(where, f"'{name}' 是 '{val}'，对齐方式只能是 {'、'.join(_ALIGN)}", f"原值为 {base_val}")
        elif keys == ("page_number", "text") and "{n}" not in val:
            bad(where, "页码格式 'page_number.text' 中没有 {n}（页码数字的位置）", f"原值为 {base_val}")

    def walk(over, base, where, keys):
        for key, val in over.items():
            if key not in base:
                guess = difflib.get_close_matches(str(key), [str(k) for k in base], n=1)
                ck.problem(where + (key,), "unknown-key", f"版式设置中没有 '{key}'",
                           f"是否想写 '{guess[0]}'？" if guess else "可改的项见 letterkit/styles/gbt9704.yaml")
            elif isinstance(base[key], dict):
                if isinstance(val, dict):
                    walk(val, base[key], where + (key,), keys + (key,))
                else:
                    ck.problem(where + (key,), "wrong-type", f"'{key}' 应是一组设置", "在它下面缩进写要改的项")
            else:
                leaf(val, base[key], where + (key,), keys + (key,))

    if not isinstance(value, dict):
        ck.problem(path, "wrong-type", "style 应是一组设置", "例如 style: {spacing: {before_signature: 3}}")
        return None
    walk(value, house, path, ())
    merged = house_style(overrides={"page": value["page"]})["page"] if isinstance(value.get("page"), dict) else None
    if merged and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                      and _style_range(("page", k))[0] <= v <= _style_range(("page", k))[1] for k, v in merged.items()):
        if merged["width"] - merged["left"] - merged["right"] < 50 or merged["height"] - merged["top"] - merged["bottom"] < 50:
            bad(path + ("page",), f"页边距太大：版心只剩 {merged['width'] - merged['left'] - merged['right']:g} × "
                f"{merged['height'] - merged['top'] - merged['bottom']:g} 毫米", "版心（纸张减去四边边距）至少 50 × 50 毫米；标准为 156 × 225 毫米")
    return value


DRAFT_FIELDS = [
    Field("department", text, False, "部门：用 profiles/<部门>.yaml 中的共用值（机关、署名、联系人、印章……）"),
    Field("template", text, True, "使用的模板"),
    Field("layout", choice(LAYOUTS, "版式"), True, "letter（信函格式）、general（通用格式）或 plain（无版头）"),
    Field("organ", _skip, True, "发文机关；原件没有时写 无", absent_ok=True),
    Field("number", _skip, True, "发文字号的年份和顺序号；原件没有时写 无", absent_ok=True),
    Field("proposal", _skip, True, "所答复的提案或建议"),
    Field("addressee", _skip, False, "收信的委员或代表（答复函必填）"),
    Field("recipient", text, False, "主送机关（会办意见函等写给单位的信，如 深圳市福田区教育局）"),
    Field("salutation", text, False, "称呼行，照写（如 马青、周丽等委员：）；不写时由模板按收信人生成"),
    Field("title", text, False, "标题；不写时由模板生成"),
    Field("opening", text, False, "开头段；不写时由模板生成"),
    Field("measures", _skip, True, "答复正文的措施；原件没有时写 无", absent_ok=True),
    Field("closing", text_list, False, "结尾段落；不写时由模板生成；原件没有时写 无", absent_ok=True),
    Field("signature", text, False, "署名；不写时用机关全称；原件没有时写 无", absent_ok=True),
    Field("sealed", flag, False, "是否加盖印章：true（默认，GB/T 9704 7.3.5.1）或 false（7.3.5.2）"),
    Field("seal", image_file, False, "印章图片（透明背景的 PNG），盖在署名和日期上"),
    Field("co_signers", co_signers, False, "联合发文的其他机关（署名和印章），按发文机关顺序"),
    Field("date", date, True, "成文日期；原件没有时写 无", absent_ok=True),
    Field("contact", _skip, True, "联系人和联系电话；原件没有时写 无", absent_ok=True),
    Field("disclosure", choice(DISCLOSURES, "公开属性"), False, "公开属性，写了就作为附注印出"),
    Field("categories", category_scheme, False, "答复类别的方案（代码: 含义），通常写在项目文件或部门配置里"),
    Field("category", text, False, "本件的答复类别代码（须是 categories 中的一个），印在首页右上角"),
    Field("copy_number", copy_number, False, "份号，6 位数字"),
    Field("secrecy", secrecy, False, "密级和保密期限，如 机密★1年"),
    Field("urgency", choice(URGENCIES, "紧急程度"), False, "紧急程度：特急 或 加急"),
    Field("signer", text, False, "签发人（通用格式的上行文）"),
    Field("file_mark", flag, False, "通用格式的发文机关标志后加“文件”二字"),
    Field("cc", text_list, False, "抄送机关"),
    Field("check", check_settings, False, "letterkit check 的设置：disable 列出本草稿不查的规则，terms 列出本项目的常用词（漏字检查用）"),
    Field("style", style_overrides, False, "版式设置的局部修改（同 styles/gbt9704.yaml 的键），通常写在部门配置里"),
    Field("printer", text, False, "印发机关（版记）"),
    Field("print_date", date, False, "印发日期（版记）"),
    Field("attachments", attachments, False, "附件：名称，或带 title 和 content 的附件"),
    Field("assigned", date, False, "交办日期：有了它就按 deadlines 推算办理期限（主办 3 个月，会办 1 个月）"),
    Field("due", date, False, "办理期限；不写时由 assigned 和 deadlines 推算，经同意延期的写延期后的日期"),
    Field("sent", date, False, "发出日期：答复函（会办意见）送出的日期；写了就算已办复"),
    Field("deadlines", _skip, False, "办理期限的规则（reply_months、cohandling_months、warn_days、lead_days），通常写在项目文件或部门配置里"),
]


def validate(loaded: Loaded, path: str, base_dirs: list[Path] | None = None) -> Draft:
    """Check everything, then build the Draft or raise with every problem.
    `base_dirs`: where file names in the draft (the seal) are looked up, in order."""
    ck = Checker(loaded, base_dirs)
    top = ck.mapping(loaded.data, (), DRAFT_FIELDS, "草稿")
    if top is None:
        raise LetterkitError(capped(ck.problems))
    data = loaded.data
    absent = tuple(name for name in ("organ", "number", "measures", "closing", "signature", "date", "contact")
                   if top[name] is ABSENT)
    organ = _part(data, "organ", ck, ORGAN_FIELDS, Organ, "发文机关")
    numbers = _part(data, "number", ck, NUMBER_FIELDS, dict, "发文字号")
    proposal = _part(data, "proposal", ck, PROPOSAL_FIELDS, Proposal, "提案/建议")
    addressee = _part(data, "addressee", ck, ADDRESSEE_FIELDS, dict, "收信人")
    contact = _part(data, "contact", ck, CONTACT_FIELDS, Contact, "联系人")
    if organ is not None and organ.aliases is None:
        organ.aliases = []
    rules = _part(data, "deadlines", ck, DEADLINE_FIELDS, dict, "办理期限的规则")
    tree = measures(data["measures"], ("measures",), ck) if data.get("measures") is not None and "measures" not in absent else None
    _heading_counts(data.get("measures"), ("measures",), ck)
    if organ and numbers and not organ.code:
        ck.problem(("organ",), "missing-value", "缺少 'organ.code'：有发文字号时要用机关代字组成它",
                   "加上 code: …（如 福科创函），或原件没有发文字号时写 number: 无")
    if "organ" in absent and top["layout"] not in (None, "plain"):
        ck.problem(("organ",), "organ-needed", f"版式 {top['layout']} 的版头要印发文机关，但写了 organ: 无",
                   "补上发文机关，或原件没有版头时写 layout: plain")
    elif "organ" in absent and numbers:  # a 发文字号 is the organ's code + year + seq: none without an organ
        ck.problem(("organ",), "organ-needed", "写了发文字号 number，但发文机关写了 organ: 无：发文字号由机关代字组成",
                   "补上 organ: {name: …, code: …}（如 code: 福科创函），或原件没有发文字号时写 number: 无")
    if top["signature"] is None and "organ" in absent:
        ck.problem(("organ",), "missing-value", "没有发文机关，也没有署名", "写 signature: …，或原件没有署名时写 signature: 无")
    if data.get("addressee") is None and top["recipient"] is None:
        ck.problem((), "missing-value", "缺少收信人：答复委员/代表写 addressee，写给单位（如会办意见）写 recipient",
                   "加上 addressee: {name: …}")
    if top["category"] is not None and top["category"] not in (top["categories"] or {}):
        scheme = top["categories"] or {}
        listed = "；".join(f"{code}：{meaning}" for code, meaning in scheme.items())
        ck.problem(("category",), "unknown-category", f"答复类别 '{top['category']}' 不在类别方案中",
                   f"可用的类别：{listed}" if scheme else "先在项目文件或部门配置中写 categories（代码: 含义）")
    if top["seal"] and top["sealed"] is False:
        ck.problem(("seal",), "seal-unsealed", "写了 sealed: false（不加盖印章），又给了印章图片", "删去 seal，或删去 sealed: false")
    if ck.problems:
        raise LetterkitError(capped(sorted(ck.problems, key=_reading_order)))

    role = (addressee["role"] or ROLE_FOR_KIND[proposal.kind]) if addressee else None
    rules = deadlines.settings(rules)
    due = top["due"] or deadlines.due_date(top["assigned"], addressee is None and top["recipient"] is not None, rules)
    absent += tuple(f"proposal.{name}" for name in ("id", "title") if getattr(proposal, name) is ABSENT)
    proposal.id, proposal.title = (None if v is ABSENT else v for v in (proposal.id, proposal.title))
    return Draft(
        path=path,
        template=top["template"],
        layout=top["layout"],
        organ=organ,
        number=DocNumber(organ.code, numbers["year"], numbers["seq"]) if numbers else None,
        proposal=proposal,
        addressee=Addressee(addressee["name"], role) if addressee else None,
        recipient=top["recipient"],
        measures=tree or [],
        signature=None if top["signature"] is ABSENT else (top["signature"] or organ.name),
        sealed=top["sealed"] if top["sealed"] is not None else True,
        department=top["department"],
        style=top["style"] or {},
        seal=top["seal"],
        co_signers=top["co_signers"] or [],
        date=None if top["date"] is ABSENT else top["date"],
        contact=contact,
        absent=absent,
        title=top["title"],
        salutation=top["salutation"],
        opening=top["opening"],
        closing=[] if top["closing"] is ABSENT else top["closing"],
        disclosure=top["disclosure"],
        category=top["category"],
        categories=top["categories"] or {},
        copy_number=top["copy_number"],
        secrecy=top["secrecy"],
        urgency=top["urgency"],
        signer=top["signer"],
        file_mark=bool(top["file_mark"]),
        printer=top["printer"],
        print_date=top["print_date"],
        cc=top["cc"] or [],
        attachments=top["attachments"] or [],
        assigned=top["assigned"],
        due=due,
        sent=top["sent"],
        deadlines=rules,
        sources=loaded.sources,
    )


MAX_HEADINGS = 9999  # 一、 and （一） are numbered in Chinese numerals, up to 九千九百九十九


def _heading_counts(value, path: Key, ck: Checker, level: int = 1) -> None:
    """At most MAX_HEADINGS numbered headings at levels 1 and 2 under one heading (10,000
    ended in an internal error); 1. and （1） have no such bound."""
    if not isinstance(value, list) or level > 2:
        return
    count = 0
    for i, item in enumerate(value):
        if isinstance(item, dict) and item.get("heading") is not None:
            count += 1
            if count == MAX_HEADINGS + 1:
                ck.problem(path + (i, "heading"), "too-many-headings",
                           f"同一级的编号标题超过 {MAX_HEADINGS} 个：“{'一、' if level == 1 else '（一）'}”这一级最多编到"
                           f"“九千九百九十九”", "一封答复函不需要这么多标题：把内容合并成段落，或分成几封信")
            _heading_counts(item.get("items"), path + (i, "items"), ck, level + 1)


REPEATS_SHOWN = 3  # identical problems at one place (aliases expanding to one wrong value) shown before a count


def capped(problems: list[Problem]) -> list[Problem]:
    """The first few of each run of problems with one place, code and advice, then one line
    "另有 N 处相同的错误": 2,000 aliases to a wrong value are not 2,000 lines."""
    def key(problem: Problem) -> tuple:
        return str(problem.location), problem.code, problem.hint

    total: dict[tuple, int] = {}
    for problem in problems:
        total[key(problem)] = total.get(key(problem), 0) + 1
    shown: dict[tuple, int] = {}
    kept: list[Problem] = []
    for problem in problems:
        k = key(problem)
        shown[k] = shown.get(k, 0) + 1
        if shown[k] <= REPEATS_SHOWN:
            kept.append(problem)
        if shown[k] == REPEATS_SHOWN and total[k] > REPEATS_SHOWN:
            kept.append(Problem(problem.location, problem.code, f"另有 {total[k] - REPEATS_SHOWN:,} 处相同的错误"
                                "（同一位置，多半是别名 *名称 反复引用了它）", None, problem.severity))
    return kept


def _reading_order(problem: Problem):
    where = problem.location
    return (where.path, where.line or 0, where.column or 0)


def _part(data, key, ck, fields, build, what):
    if data.get(key) is None or is_absent(data[key]):
        return None
    return nested(fields, build, what)(data[key], (key,), ck)
