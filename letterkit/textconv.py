"""`letterkit textconv FILE.docx`: a letter as readable text, for `git diff` of built letters.

The 版头 from page 1's header, then each paragraph of the body separated by a blank line,
then what text boxes hold (the 版记); works on any .docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _paragraph_text(p_element) -> str:
    """The paragraph's own text: its runs, not what drawings anchored in it hold."""
    parts = []
    for run in p_element.findall(qn("w:r")) + p_element.findall(qn("w:hyperlink") + "/" + qn("w:r")):
        for node in run:
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
            elif node.tag == qn("w:br"):
                parts.append("\n")
    return "".join(parts).strip()


def _texts(paragraphs) -> list[str]:
    return [text for text in (_paragraph_text(p) for p in paragraphs) if text]


def to_text(path: Path) -> str:
    document = docx.Document(str(path))
    blocks: list[str] = []
    section = document.sections[0]
    if section.different_first_page_header_footer:
        blocks += _texts(p._p for p in section.first_page_header.paragraphs)
    body = document.element.body
    blocks += _texts(body.findall(qn("w:p")) + body.findall(qn("w:tbl") + "//" + qn("w:p")))
    boxes = [box for box in body.iter(qn("w:txbxContent"))
             if not any(a.tag == _FALLBACK for a in box.iterancestors())]
    for box in boxes:
        blocks += _texts(box.iter(qn("w:p")))
    return "\n\n".join(blocks) + "\n"
