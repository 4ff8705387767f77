"""`letterkit textconv FILE.docx`: a letter as readable text, for `git diff` of built letters.

Reading order, one paragraph per block and blank lines between: the 版头 (page 1's header:
organ, number, category, 签发人…) under 【版头】, then the body (title, salutation, numbered
headings, paragraphs, signature, date, 附注) with 【另起一页】 where a page is forced (an
attachment), tables row by row, 【图片】 where a seal or picture sits, and the 版记 (text boxes)
under 【版记】.  Works on any .docx, not only letterkit's.
"""

from __future__ import annotations

import io

from pathlib import Path

import docx
from docx.oxml.ns import qn

from . import oxml
from .zipguard import check_docx

_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"


def _paragraph_text(p) -> str:
    """The paragraph's own text, its line breaks kept; 【图片】 for each picture (a seal) in it."""
    text = "\n".join(line.strip() for line in oxml.own_text(p).split("\n")).strip()
    pictures = [pic for pic in p.iter(_PICTURE) if not oxml.inside_text_box(pic, p)]
    if pictures:
        text = (text + " " if text else "") + "【图片】" * len(pictures)
    return text


def _page_break_before(p) -> bool:
    if p.find(qn("w:pPr") + "/" + qn("w:pageBreakBefore")) is not None:
        return True
    return any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br")))


def _body_blocks(body) -> list[str]:
    blocks: list[str] = []
    for child in body:
        if child.tag == qn("w:p"):
            if _page_break_before(child) and blocks:
                blocks.append("【另起一页】")
            text = _paragraph_text(child)
            if text:
                blocks.append(text)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = [" ".join(filter(None, (_paragraph_text(p) for p in cell.iter(qn("w:p")))))
                         for cell in row.iter(qn("w:tc"))]
                if any(cells):
                    blocks.append(" | ".join(cells))
    return blocks


def to_text(path: Path) -> str:
    checked = check_docx(path)  # a zip bomb is refused before python-docx reads it into memory
    document = docx.Document(io.BytesIO(checked) if checked is not None else str(path))
    out: list[str] = []
    section = document.sections[0]
    if section.different_first_page_header_footer:
        head = [t for t in (_paragraph_text(p._p) for p in section.first_page_header.paragraphs) if t]
        if head:
            out.append("【版头】\n" + "\n".join(head))
    body = document.element.body
    out += _body_blocks(body)
    boxes = [box for box in body.iter(qn("w:txbxContent")) if not oxml.is_fallback(box)]
    colophon = [t for box in boxes for t in (_paragraph_text(p) for p in box.iter(qn("w:p"))) if t]
    if colophon:
        out.append("【版记】\n" + "\n".join(colophon))
    return "\n\n".join(out) + "\n"
