"""Import, stage 1: an old letter (.txt or .docx) as numbered lines.

A text file gives its lines as they are (line 1 is line 1 of the file).  A Word file gives
one line per paragraph in reading order: page 1's header (where a letterhead sits), the
body, then text boxes (the 版记); its "line numbers" are paragraph numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import LetterkitError, Location, Problem, display_path


@dataclass
class Line:
    no: int          # 1-based line of a text file, or paragraph of a Word file
    text: str
    level: int | None = None  # Word's automatic numbering level (1–4), when the number is not typed
    width: float = 0.0        # as printed in the original, spaces included (clean.tidy measures it)


def read_lines(path: Path) -> tuple[list[Line], list[str]]:
    """The input's lines, and notes on how it was read (an encoding guessed)."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return _docx_lines(path), []
    raw = path.read_bytes()
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
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [Line(no, line) for no, line in enumerate(text.split("\n"), start=1)], notes


def _docx_lines(path: Path) -> list[Line]:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as error:  # not a zip, or not a Word package
        raise LetterkitError([Problem(Location(display_path(path)), "not-docx", f"无法读取 Word 文件：{error}",
                                      "确认这是 .docx 文件（.doc 请先在 Word 或 WPS 中另存为 .docx）")]) from None
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    def text_of(p) -> str:
        parts = []
        for run in p.iter(qn("w:r")):
            if _inside_box(run, p):  # text boxes are read on their own, below
                continue
            for node in run:
                if node.tag == qn("w:t"):
                    parts.append(node.text or "")
                elif node.tag == qn("w:tab"):
                    parts.append("\t")
        return "".join(parts)

    def level_of(p) -> int | None:
        num = p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num is None:
            return None
        ilvl = num.find(qn("w:ilvl"))
        value = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        return min(value + 1, 4)

    paragraphs = []
    section = document.sections[0]
    if section.different_first_page_header_footer:
        paragraphs += [p._p for p in section.first_page_header.paragraphs]
    body = document.element.body
    paragraphs += [p for p in body.iter(qn("w:p")) if not _in_box(p)]
    paragraphs += [p for box in body.iter(qn("w:txbxContent"))
                   if not any(a.tag == fallback for a in box.iterancestors())
                   for p in box.iter(qn("w:p"))]
    return [Line(no, text_of(p), level_of(p)) for no, p in enumerate(paragraphs, start=1)]


def _in_box(p) -> bool:
    from docx.oxml.ns import qn
    return any(a.tag == qn("w:txbxContent") for a in p.iterancestors())


def _inside_box(run, paragraph) -> bool:
    """A run that belongs to a text box anchored in `paragraph`, not to the paragraph itself."""
    from docx.oxml.ns import qn
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == qn("w:txbxContent") or ancestor.tag.endswith("}Fallback"):
            return True
    return False
