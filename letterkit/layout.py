"""Stage 5, layout: blocks + house style → a python-docx Document.

Each block kind maps to a named Word paragraph style built from the house
style, so the letter stays editable in Word and WPS.  Three parts have modules
of their own: the 版头 of page 1 (head.py, in page 1's header so the body keeps
its grid), the 落款 with seals (signoff.py) and the 版记 (colophon.py).
"""

from __future__ import annotations


import copy
import hashlib
import io
import json
from functools import lru_cache

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from . import fonttable, head, oxml
from .cache import cache_dir
from .blocks import Block
from .colophon import add_colophon
from .signoff import add_signoff
from .titles import break_title, text_width

PT_TO_MM = 25.4 / 72
HEAD_BLOCKS = ("organ", "number", "signer", "copyno", "secrecy", "urgency", "category")
MARK_ROLES = {"copyno": "copy_number", "secrecy": "mark", "urgency": "mark"}
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def style_id(role: str) -> str:
    return "lk" + "".join(part.capitalize() for part in role.split("_"))


@lru_cache(maxsize=16)
def _prepared(style_key: str) -> docx.Document:
    """An empty letter with the house style's named styles and page set-up: built once per
    style (kept in the cache folder for the next process), copied for each letter."""
    from .manifest import code_fingerprint

    folder = cache_dir("prepared")
    name = hashlib.sha256((style_key + code_fingerprint()).encode()).hexdigest()[:32] + ".docx"
    if folder and (folder / name).is_file():
        try:
            return docx.Document(str(folder / name))
        except Exception:  # a damaged cache file: build it again
            pass
    builder = LetterBuilder(json.loads(style_key), "plain", base=docx.Document())
    builder._define_styles()
    builder._set_up_page()
    oxml.drop_unused_styles(builder.doc.styles.element)
    builder._drop_template_leftovers()
    fonttable.declare(builder.doc, builder.style["fonts"].values())
    if folder:
        try:
            from .write import write_atomic

            raw = io.BytesIO()
            builder.doc.save(raw)
            write_atomic(folder / name, raw.getvalue())
        except OSError:
            pass
    return builder.doc


class LetterBuilder:
    def __init__(self, style: dict, layout: str, base: docx.Document | None = None):
        self.style = style
        self.layout = layout
        self.pitch = style["grid"]["line_pitch_twips"]
        self.doc = base if base is not None else copy.deepcopy(_prepared(json.dumps(style, sort_keys=True)))
        self._sectPr = self.doc.element.body.sectPr
        self.shape_ids = iter(range(1001, 2000))  # header shapes; the body's pictures count from 1
        self.organ: str | None = None       # 版头 elements, placed on page 1 by finish()
        self.number: str | None = None
        self.signer: str | None = None
        self.category: str | None = None    # 答复类别 as printed
        self.marks: list[tuple[str, str]] = []  # 份号, 密级, 紧急程度: (text, role)
        self.head: head.Head | None = None
        self.title_paragraph = None         # the open title, while title lines follow each other
        self.attachments_seen = 0
        self.signers: list[tuple[str, str | None]] = []  # 署名s (and seals) waiting for their date
        self.colophon: dict[str, str] = {}  # 版记: cc, printer, printdate

    # -- styles ---------------------------------------------------------------

    def char_pt(self, size: float) -> float:
        """One 字 as a distance: a character's advance, its size plus the grid's tracking."""
        return size + self.style["grid"]["char_spacing_pt"]

    def _fonts(self, spec: dict) -> tuple[str, str]:
        fonts = self.style["fonts"]
        return fonts[spec["font"]], fonts[spec.get("latin", "latin")]

    def _apply(self, pPr, rPr, spec: dict) -> None:
        """Write one role's formatting onto paragraph and run properties."""
        if rPr is not None:
            oxml.set_fonts(rPr, *self._fonts(spec))
            oxml.set_size(rPr, spec["size"])
            if "color" in spec:
                oxml.set_color(rPr, self.style["colors"][spec["color"]])
        if pPr is None:
            return
        oxml.set_flag(pPr, "widowControl", False)
        oxml.set_flag(pPr, "kinsoku", True)          # 避头尾, with the lists in settings
        oxml.set_flag(pPr, "overflowPunct", False)  # no punctuation hanging past the margin: 28 characters a line
        if spec.get("on_grid", True):
            oxml.set_spacing(pPr)  # single spacing: the grid sets the pitch (an exact height would add to it in LibreOffice)
        else:
            oxml.set_flag(pPr, "snapToGrid", False)
            oxml.set_spacing(pPr, line_twips=round(spec.get("line", 0) * spec["size"] * 20) or self.pitch)
        oxml.set_indent(pPr, self.char_pt(spec["size"]), first_line=spec.get("first_line", 0), left=spec.get("left", 0),
                        right=spec.get("right", 0), hanging=spec.get("hanging", 0))
        if "align" in spec:
            oxml.set_jc(pPr, spec["align"])
        if "outline" in spec:
            oxml.set_outline_level(pPr, spec["outline"])
            oxml.set_flag(pPr, "keepNext", True)

    def _define_styles(self) -> None:
        styles = self.doc.styles
        oxml.strip_theme_fonts(styles.element)
        body = self.style["roles"]["body"]
        defaults = styles.element.find(qn("w:docDefaults"))
        rPr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        oxml.set_fonts(rPr, *self._fonts(body))
        oxml.set_size(rPr, body["size"])
        oxml.set_char_spacing(rPr, self.style["grid"]["char_spacing_pt"])
        oxml.set_language(rPr)
        normal = styles["Normal"].element
        self._apply(normal.get_or_add_pPr(), normal.get_or_add_rPr(), body)
        for role, spec in self.style["roles"].items():
            created = self._new_style(spec["name"], style_id(role), WD_STYLE_TYPE.PARAGRAPH)
            created.basedOn_val = "Normal"
            self._apply(created.get_or_add_pPr(), created.get_or_add_rPr(), spec)
        for level in range(1, 5):  # run-in headings: only the heading part takes the heading font
            spec = self.style["roles"][f"heading{level}"]
            created = self._new_style(f"{spec['name']}（段内）", style_id(f"heading{level}_char"), WD_STYLE_TYPE.CHARACTER)
            self._apply(None, created.get_or_add_rPr(), spec)

    def _new_style(self, name: str, sid: str, kind):
        """A custom style element (python-docx's add_style scans every style for each call)."""
        element = self.doc.styles.element.add_style_of_type(name, kind, builtin=False)
        element.styleId = sid
        element.get_or_add_qFormat()
        return element

    # -- blocks ---------------------------------------------------------------

    def paragraph(self, role: str, text: str = ""):
        """A paragraph of `role` at the end of the body (built as XML: python-docx's generic
        insertion is most of the time a letter takes)."""
        p = oxml.new_paragraph(style_id(role), text)
        self._sectPr.addprevious(p)
        return Paragraph(p, self.doc._body)

    def spacing_before(self, paragraph, lines: float) -> None:
        spacing = oxml.child(paragraph._p.get_or_add_pPr(), "spacing", oxml.PPR_ORDER)
        oxml.set_attrs(spacing, before=round(lines * self.pitch))

    def add(self, block: Block, following: list[Block]) -> None:
        kind = block.kind
        if kind != "title":
            self.title_paragraph = None
        if kind in HEAD_BLOCKS:
            self._head_element(block)
        elif kind == "title":
            alone = self.title_paragraph is None and not (following and following[0].kind == "title")
            for line in (self._broken_title(block.text) if alone else [block.text]):
                self._title_line(line)
        elif kind == "annex":
            paragraph = self.paragraph("annex_label", block.text)
            paragraph.paragraph_format.page_break_before = True
        elif kind == "annextitle":
            self._open_title(lines_before=1)  # 附件N on line 1, the title on line 3
            for line in self._broken_title(block.text):
                self._title_line(line)
            self.title_paragraph = None
        elif kind == "to":
            self.paragraph("addressee", block.text)
        elif kind == "p":
            self.paragraph("body", block.text)
        elif kind == "heading":
            self._heading(block)
        elif kind == "attach":
            self._attachment(block, following)
        elif kind == "signature":
            self.signers.append((block.text, block.seal))
            if not (following and following[0].kind in ("signature", "date")):
                self._sign(None)
        elif kind == "date":
            self._sign(block.text)
        elif kind == "note":
            paragraph = self.paragraph("note", block.text)
            paragraph.paragraph_format.keep_together = True  # the 附注 stay with the date (7.3.5)
            if following and following[0].kind == "note":
                paragraph.paragraph_format.keep_with_next = True
        elif kind in ("cc", "printer", "printdate"):
            self.colophon[kind] = block.text  # placed at the foot of the last page by finish()

    def _sign(self, date: str | None) -> None:
        """The 落款: the 署名s given so far (one, or several for joint issuance) and the date."""
        add_signoff(self, self.signers, date)
        self.signers = []

    def _head_element(self, block: Block) -> None:
        """Letter and general layouts keep the 版头 for page 1's header; plain prints it as text."""
        role = MARK_ROLES.get(block.kind)
        if block.kind == "category":
            self.category = self.style["category"]["label"] + block.text
            if self.layout == "plain":
                self.paragraph("doc_number", self.category)  # set right, at the top
            return
        if self.layout == "plain":
            self.paragraph(role or {"organ": "letterhead", "number": "doc_number"}.get(block.kind, "body"), block.text)
        elif role and self.layout == "general":
            self.paragraph(role, block.text)  # 份号, 密级, 紧急程度 on the 版心's first lines
            self.marks.append((block.text, role))
        elif role:
            self.marks.append((block.text, role))
        else:
            setattr(self, block.kind, block.text)  # organ, number, signer

    def _plan_head(self) -> head.Head | None:
        plan = None
        if self.layout == "letter" and self.organ:
            plan = head.plan_letter(self.organ, self.number, self.marks, self.style)
        if self.layout == "general" and self.organ:
            plan = head.plan_general(self.organ, self.number, self.signer, self.style)
        if plan and self.category:
            head.add_category(plan, self.category, self.style)
        return plan

    def _broken_title(self, text: str) -> list[str]:
        """A title given as one line is broken between words when it is too long (7.3.1)."""
        page, spec = self.style["page"], self.style["roles"]["title"]
        width_pt = (page["width"] - page["left"] - page["right"]) / PT_TO_MM
        return break_title(text, width_pt / (spec["size"] + self.style["grid"]["char_spacing_pt"]))

    def _open_title(self, lines_before: int) -> None:
        self.title_paragraph = self.paragraph("title")
        spacing = oxml.child(self.title_paragraph._p.get_or_add_pPr(), "spacing", oxml.PPR_ORDER)
        oxml.set_attrs(spacing, before=lines_before * self.pitch,
                       after=round(self.style["spacing"]["after_title"] * self.pitch))

    def _title_line(self, text: str) -> None:
        """One line of a title: the first opens the title paragraph under the 版头, the rest break."""
        if self.title_paragraph is None:
            self.head = self._plan_head()
            lines_down = self.head.title_lines_down if self.head else 0
            if self.layout == "general":
                lines_down = max(0, lines_down - len(self.marks))  # the marks fill the 版心's first lines
            self._open_title(lines_down)
        p = self.title_paragraph._p
        if p.find(qn("w:r")) is not None:
            oxml.add_run(p, "", line_break=True)
        oxml.add_run(p, text)

    def _heading(self, block: Block) -> None:
        role = f"heading{block.level}"
        if block.runin is None:
            self.paragraph(role, block.number + block.text)
            return
        p = self.paragraph("body")._p
        oxml.add_run(p, block.number + block.text, style_id(f"{role}_char"))
        oxml.add_run(p, block.runin)

    def _attachment(self, block: Block, following: list[Block]) -> None:
        """附件说明: 附件：name, or 附件：1. name / 2. name aligned under the first name."""
        self.attachments_seen += 1
        total = self.attachments_seen + sum(1 for b in following if b.kind == "attach")
        size = self.style["roles"]["attachment_note"]["size"]
        label = "附件："
        number = f"{self.attachments_seen}. " if total > 1 else ""
        text = (label if self.attachments_seen == 1 else "") + number + block.text
        if self.attachments_seen == 1 and self.doc.paragraphs:  # the 署名's page holds body text (7.3.5.5)
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        paragraph = self.paragraph("attachment_note", text)
        paragraph.paragraph_format.keep_together = True  # the 附件说明 on one page, with the 署名
        paragraph.paragraph_format.keep_with_next = True
        pPr = paragraph._p.get_or_add_pPr()
        prefix = text_width(label + number)  # names line up after “附件：1. ”
        if self.attachments_seen == 1:
            self.spacing_before(paragraph, self.style["spacing"]["before_attachments"])
            oxml.set_indent(pPr, self.char_pt(size), left=2 + prefix, hanging=prefix)
        else:
            oxml.set_indent(pPr, self.char_pt(size), left=2 + prefix, hanging=text_width(number))

    def text_width_mm(self) -> float:
        page = self.style["page"]
        return page["width"] - page["left"] - page["right"]

    # -- page set-up ------------------------------------------------------------

    def _set_up_page(self) -> None:
        """Paper, margins, the line grid, 避头尾 lists, page numbers: the same for every letter."""
        page = self.style["page"]
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
        section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
        section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
        section.header_distance, section.footer_distance = Mm(page["header"]), Mm(page["footer"])
        section.gutter = 0
        oxml.set_line_grid(section._sectPr, self.pitch)
        self.doc.settings.odd_and_even_pages_header_footer = True
        oxml.set_line_break_rules(self.doc.settings.element, **self.style["line_breaks"])
        zoom = self.doc.settings.element.find(qn("w:zoom"))
        if zoom is not None and zoom.get(qn("w:percent")) is None:
            oxml.set_attrs(zoom, percent=100)  # required by the schema; python-docx's template leaves it out
        lang = self.doc.settings.element.find(qn("w:themeFontLang"))
        if lang is not None:
            oxml.set_attrs(lang, eastAsia="zh-CN")
        self._page_numbers(section)

    def finish(self) -> docx.Document:
        section = self.doc.sections[0]
        colophon = dict(self.colophon)
        if self.layout == "letter":  # 10.1: the 信函格式's 版记 has no 印发机关 or 印发日期 (lint: unprinted-field)
            colophon.pop("printer", None)
            colophon.pop("printdate", None)
        if colophon:
            last = self.doc.paragraphs[-1] if self.doc.paragraphs else self.doc.add_paragraph()
            add_colophon(last, next(self.shape_ids), self.style, style_id("cc"), cc=colophon.get("cc"),
                         printer=colophon.get("printer"), print_date=colophon.get("printdate"),
                         rules=self.layout in self.style["colophon"]["rules_in"])
        self.head = self.head or self._plan_head()
        if self.head:
            section.different_first_page_header_footer = True
            head.draw(self.head, section.first_page_header, self.style, self.shape_ids, style_id)
            if self.layout == "general":  # 通用格式: page numbers on every page, page 1 too
                self._page_number_footer(section.first_page_footer.paragraphs[0], "right")
        for story in [self.doc.element.body] + [rel.target_part.element for rel in self.doc.part.rels.values()
                                                  if rel.reltype.endswith(("/header", "/footer"))]:
            oxml.in_schema_order(story)  # whatever a module wrote, as Word reads it
        return self.doc

    def _page_numbers(self, section) -> None:
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            self._page_number_footer(footer.paragraphs[0], align)

    def _page_number_footer(self, paragraph, align: str) -> None:
        spec = self.style["page_number"]
        before, _, after = spec["text"].partition("{n}")
        size = self.style["roles"]["page_number"]["size"]
        paragraph._p.style = style_id("page_number")
        pPr = paragraph._p.get_or_add_pPr()
        oxml.set_jc(pPr, align)
        indent = spec["indent_chars"]
        oxml.set_indent(pPr, self.char_pt(size), left=indent if align == "left" else 0, right=indent if align == "right" else 0)
        paragraph.add_run(before)
        oxml.add_page_field(paragraph)
        paragraph.add_run(after)

    def _drop_template_leftovers(self) -> None:
        """python-docx's template carries a picture of someone else's page, and a copy of
        its styles for Word 2010 (stylesWithEffects) that would not match ours."""
        for rels, reltype in ((self.doc.part.package.rels, THUMBNAIL), (self.doc.part.rels, STYLES_WITH_EFFECTS)):
            for rel_id, rel in list(rels.items()):
                if rel.reltype == reltype:
                    rels.pop(rel_id)


def layout(blocks: list[Block], style: dict, layout_name: str) -> docx.Document:
    builder = LetterBuilder(style, layout_name)
    for index, block in enumerate(blocks):
        builder.add(block, blocks[index + 1:])
    return builder.finish()
