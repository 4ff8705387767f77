"""Stage 4, parse: the block language between templates and layout.

A rendered letter is a list of lines, one block per line: a tag, a space, and
the block's text.  See docs/blocks.md.  Data values reach this text only
through `escape`, which encodes `&`, `<`, `>`, quotes and line breaks as
character references, so a value can never start a line and so can never turn
into structure.  Heading numbers are generated here, in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape as _html_escape

from .errors import LetterkitError, Location, Problem
from .numbering import Counter

# tag → does it take text?
TAGS = {
    "copyno": True,     # 份号
    "secrecy": True,    # 密级和保密期限
    "urgency": True,    # 紧急程度
    "organ": True,      # 发文机关标志 (letterhead)
    "number": True,     # 发文字号
    "signer": True,     # 签发人 (上行文, 通用格式)
    "category": True,   # 答复类别 (A, B, …), at page 1's top right
    "title": True,      # one line of the title; consecutive lines form one title
    "to": True,         # 主送 / salutation
    "p": True,          # body paragraph
    "h1": True, "h2": True, "h3": True, "h4": True,  # numbered headings
    "+": True,          # run-in text: continues the preceding heading's paragraph
    "attach": True,     # one attachment name (附件说明)
    "annex": True,      # starts an attachment on a new page: its label, 附件 or 附件2
    "annextitle": True, # the attachment's title, centred on its page's third line
    "signature": True,  # 署名
    "seal": True,       # the seal image (a PNG path) stamped over the signature just before
    "date": True,       # 成文日期
    "note": True,       # 附注, e.g. the contact line
    "cc": True,         # 抄送机关 (版记)
    "printer": True,    # 印发机关 (版记)
    "printdate": True,  # 印发日期, e.g. 2024年6月18日印发 (版记)
}

_LINE = re.compile(r"(?P<tag>\S+)(?: (?P<text>.*))?$")
# Every character Python or a reader might take as the end of a line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass
class Block:
    kind: str
    text: str
    line: int
    level: int = 0           # 1–4 for headings
    number: str = ""         # generated heading number
    runin: str | None = None  # body text in the heading's paragraph
    seal: str | None = None   # for a signature: the seal image's path


def escape(value: object) -> Markup:
    """Make a data value safe to place after a tag: it stays one line of text."""
    if isinstance(value, Markup):
        return value
    return Markup(_LINE_BREAKS.sub(lambda m: f"&#{ord(m.group())};", str(_html_escape(str(value)))))


_ENTITY = re.compile(r"&(?:#(\d+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def unescape(text: str) -> str:
    """Undo `escape` exactly (html.unescape would drop control characters)."""
    return _ENTITY.sub(lambda m: chr(int(m[1])) if m[1] else _NAMED[m[2]], text)


def parse(source: str, origin: str) -> list[Block]:
    """Parse rendered block text; `origin` names it in messages (the template)."""
    blocks: list[Block] = []
    problems: list[Problem] = []
    counter = Counter()
    depth = 0
    for number, line in enumerate(source.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = Location(origin, number)
        match = _LINE.match(line.strip())
        tag, body = match["tag"], match["text"]
        if tag not in TAGS:
            problems.append(Problem(where, "block-syntax", f"未知的块标记 '{tag}'",
                                    f"可用的标记：{' '.join(TAGS)}；数据值须经模板输出（{{{{ }}}}），不能直接写在行首"))
            continue
        text = unescape(body or "").strip()
        if not text:
            problems.append(Problem(where, "empty-block", f"'{tag}' 块没有内容", "公文中不能留空白，检查模板和草稿是否缺少值"))
            continue
        if tag == "+":
            if not blocks or not blocks[-1].kind.startswith("h") or blocks[-1].runin is not None:
                problems.append(Problem(where, "block-syntax", "'+' 只能紧跟在标题（h1–h4）之后，且只能有一行", "检查模板"))
                continue
            blocks[-1].runin = text
            continue
        if tag == "seal":
            if not blocks or blocks[-1].kind != "signature" or blocks[-1].seal is not None:
                problems.append(Problem(where, "block-syntax", "'seal' 只能紧跟在署名（signature）之后，且只能有一个", "检查模板"))
                continue
            blocks[-1].seal = text
            continue
        if tag in ("h1", "h2", "h3", "h4"):
            level = int(tag[1])
            if level > depth + 1:
                problems.append(Problem(where, "skipped-level", f"标题从第 {depth} 级跳到了第 {level} 级", "不能跳级：一、之下是（一），（一）之下是 1."))
                continue
            depth = level
            try:
                numbered = counter.next(level)
            except ValueError:  # past 九千九百九十九 (the draft's check says where; a template's loop may not)
                problems.append(Problem(where, "too-many-headings", f"第 {level} 级编号标题超过 9999 个，无法编号",
                                        "一封答复函不需要这么多标题：把内容合并成段落，或分成几封信"))
                continue
            blocks.append(Block("heading", text, number, level=level, number=numbered))
            continue
        if tag == "annex":
            counter = Counter()  # an attachment numbers its headings afresh
            depth = 0
        if tag == "p":
            pass  # plain paragraphs keep the heading depth: numbering goes on after them
        elif tag != "title":
            depth = 0
        blocks.append(Block(tag, text, number))
    if problems:
        raise LetterkitError(problems)
    return blocks


def to_text(blocks: list[Block]) -> str:
    """The letter as plain text, one paragraph per line: what a reader sees."""
    lines = []
    for block in blocks:
        if block.kind == "heading":
            lines.append(block.number + block.text + (block.runin or ""))
        else:
            lines.append(block.text)
    return "\n".join(lines)
