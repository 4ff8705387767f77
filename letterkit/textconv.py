"""`letterkit textconv FILE.docx`: a letter as readable text, for `git diff` of built letters.

Reading order, one paragraph per block and blank lines between: the 版头 (page 1's header:
organ, number, category, 签发人…) under 【版头】, then the body (title, salutation, numbered
headings, paragraphs, signature, date, 附注) with 【另起一页】 where a page is forced (an
attachment), tables row by row, 【图片】 where a seal or picture sits, and the 版记 (text boxes)
under 【版记】.  Works on any .docx, not only letterkit's.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from . import oxml
from .errors import LetterkitError, Location, Problem, display_path
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


def open_docx(path: Path):
    """python-docx's Document, or a LetterkitError in Chinese: python-docx and lxml say what went
    wrong in English ("Package not found", "Resource limit exceeded", an AttributeError for a
    package whose parts are not Word's)."""
    from lxml import etree

    checked = check_docx(path)  # a zip bomb is refused before python-docx reads it into memory
    where = Location(display_path(Path(path)))
    try:
        return docx.Document(io.BytesIO(checked) if checked is not None else str(path))
    except PackageNotFoundError:
        with open(path, "rb") as file:
            head = file.read(4)
        what = "这是 PDF 文件，不是 Word 文件" if head == b"%PDF" else "这是旧版 Word（.doc）文件" \
            if head == b"\xd0\xcf\x11\xe0" else "这是压缩包，但里面没有 Word 文档" if head == b"PK\x03\x04" \
            else "这不是 Word 文件（.docx）"
        raise LetterkitError([Problem(where, "not-docx", what,
                                      "只能读取 .docx 文件；.doc 请先在 Word 或 WPS 中另存为 .docx")]) from None
    except etree.XMLSyntaxError as error:
        if "limit" in str(error).lower() or "huge" in str(error).lower():
            raise LetterkitError([Problem(where, "docx-too-large", "Word 文件中的一段文字过长，超过了读取的上限",
                                          "这不像正常的答复函：在 Word 或 WPS 中打开并另存为 .docx 后再试")]) from None
        raise LetterkitError([Problem(where, "not-docx", "Word 文件已损坏：其中的 XML 无法解读",
                                      "在 Word 或 WPS 中打开并另存为 .docx 后再试")]) from None
    except (KeyError, AttributeError, ValueError, TypeError, zipfile.BadZipFile):
        raise _damaged(where) from None


def _damaged(where: Location) -> LetterkitError:
    return LetterkitError([Problem(where, "not-docx", "Word 文件已损坏：缺少或无法识别其中的部件",
                                   "在 Word 或 WPS 中打开并另存为 .docx 后再试")])


def to_text(path: Path) -> str:
    document = open_docx(path)
    try:
        return document_text(document)
    except (KeyError, AttributeError, ValueError, TypeError):  # parts that are not what Word writes
        raise _damaged(Location(display_path(Path(path)))) from None


def document_text(document) -> str:
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
