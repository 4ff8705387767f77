"""Import, stage 1: an old letter (.txt or .docx) as numbered lines.

A text file gives its lines as they are (line 1 is line 1 of the file).  A Word file gives
one line per paragraph in reading order: page 1's header (where a letterhead sits), the
body, then text boxes (the 版记); its "line numbers" are paragraph numbers.  A Word file whose
lines end in line breaks (Shift+Enter) inside paragraphs, at least one break for every two
paragraphs, is a text typed or pasted line by line: each line is a line (`soft`), numbered as a
text file's lines are.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .. import oxml
from ..errors import LetterkitError, Location, Problem, display_path


@dataclass
class Line:
    no: int          # 1-based line of a text file, or paragraph of a Word file
    text: str
    level: int | None = None  # Word's automatic numbering level (1–4), when the number is not typed
    width: float = 0.0        # as printed in the original, spaces included (clean.tidy measures it)
    images: tuple = ()        # the pictures (seals) of a Word paragraph, as image bytes
    soft: bool = False        # one of the lines a Word paragraph's line breaks (Shift+Enter) made


MAX_TEXT_BYTES = 4_000_000  # a reply letter is some 30 KB of text; fifty of them in one file is 1 MB


def read_lines(path: Path) -> tuple[list[Line], list[str]]:
    """The input's lines, and notes on how it was read (an encoding guessed)."""
    path = Path(path)
    where = Location(display_path(path))
    if not stat.S_ISREG(path.stat().st_mode):  # /dev/zero or a pipe would never end
        raise LetterkitError([Problem(where, "not-a-file", "这不是普通文件（是设备、管道或目录）",
                                      "导入的应是 .txt 或 .docx 文件")])
    if path.suffix.lower() == ".docx":
        return _docx_lines(path), []
    with open(path, "rb") as file:
        raw = file.read(MAX_TEXT_BYTES + 1)
    if len(raw) > MAX_TEXT_BYTES:
        raise LetterkitError([Problem(where, "input-too-large",
                                      f"文件超过 {MAX_TEXT_BYTES // 1_000_000} MB，不像一封答复函",
                                      "一次导入一封信；多封信请分成几个文件")])
    notes = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise LetterkitError([Problem(Location(display_path(path)), "not-text",
                                          "文件既不是 UTF-8 也不是 GBK 编码的文字", "另存为 UTF-8 编码的 .txt 再导入")]) from None
        notes.append("文件按 GBK 编码读入（不是 UTF-8）")
    # line breaks other than \n: Word's manual break copied as a vertical tab, a form feed, NEL, U+2028/U+2029
    text = re.sub("\r\n?|[\x0b\x0c\x85\u2028\u2029]", "\n", text)
    return [Line(no, line) for no, line in enumerate(text.split("\n"), start=1)], notes


def _docx_lines(path: Path) -> list[Line]:
    from docx.oxml.ns import qn

    from ..textconv import open_docx

    document = open_docx(path)  # bounded (zip bombs), and every failure said in Chinese, as textconv says it

    def level_of(p) -> int | None:
        num = p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num is None:
            return None
        ilvl = num.find(qn("w:ilvl"))
        value = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        return min(value + 1, 4)

    def images_of(p, part) -> tuple:
        found = []
        for blip in p.iter(qn("a:blip")):
            target = part.related_parts.get(blip.get(qn("r:embed")) or "")
            if target is not None and not oxml.inside_text_box(blip, p):
                found.append(target.blob)
        return tuple(found)

    paragraphs = []  # (paragraph, the part its pictures belong to)
    section = document.sections[0]
    if section.different_first_page_header_footer:
        header = section.first_page_header
        paragraphs += [(p._p, header.part) for p in header.paragraphs]
    body = document.element.body
    paragraphs += [(p, document.part) for p in body.iter(qn("w:p")) if not oxml.in_text_box(p)]
    paragraphs += [(p, document.part) for box in body.iter(qn("w:txbxContent")) if not oxml.is_fallback(box)
                   for p in box.iter(qn("w:p"))]
    texts = [oxml.own_text(p) for p, _ in paragraphs]
    if 2 * sum(text.count("\n") for text in texts) < sum(1 for text in texts if text.strip()):
        return [Line(no, text.replace("\n", ""), level_of(p), images=images_of(p, part))  # a title broken by hand
                for no, (text, (p, part)) in enumerate(zip(texts, paragraphs), start=1)]
    lines = []  # a text typed or pasted line by line: read as a text file
    for text, (p, part) in zip(texts, paragraphs):
        pieces = text.split("\n")
        lines += [Line(len(lines) + i + 1, piece, level_of(p) if i == 0 else None,
                       images=images_of(p, part) if i == len(pieces) - 1 else (), soft=True)
                  for i, piece in enumerate(pieces)]
    return lines
