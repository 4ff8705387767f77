"""The 版头 of page 1: where each element goes (a plan, pure numbers) and drawing it.

Two layouts have one.  信函格式 (10.1): the organ's name in red, its top 30 mm from the
paper's top; a red double rule (thick over thin) 4 mm under it and one (thin over thick)
20 mm above the paper's bottom, both 170 mm; 份号/密级/紧急程度 at the left and the
document number at the right, 7/8 of a 3号 character under the upper rule.  通用格式
(7.2): the 发文机关标志 in red 35 mm below the 版心's top, the document number two lines
under it (centred, or at the left with 签发人 at the right), a red rule 4 mm under that.
In both, the title comes two lines under the last element.

Everything sits in page 1's own header, in page-anchored frames and shapes, so the body
keeps the text grid; the title's space-before, a whole number of grid lines, keeps the
body clear of the 版头.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import oxml
from .titles import text_width

PT_TO_MM = 25.4 / 72


@dataclass
class Frame:
    runs: list[tuple[str, str | None]]  # (text, East Asian font override)
    role: str                            # paragraph style role
    y: float                             # mm from the paper's top to the text's top
    size: float                          # pt
    align: str = "left"
    indent_chars: float = 0              # left and right indent, characters of `size`
    tab_right: bool = False              # a right tab stop at the far edge (签发人)
    width: float | None = None           # mm; None: the 版心's width
    x: float | None = None               # mm from the paper's left; None: the 版心's left edge


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass
class Head:
    frames: list[Frame] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    title_lines_down: int = 0  # grid lines from the 版心's top to the title


def _fitted_size(text: str, size: float, max_width_mm: float) -> float:
    fitted = min(size, max_width_mm / max(text_width(text), 1) / PT_TO_MM)
    return math.floor(fitted * 2) / 2  # Word sizes go in half points


def _lines_down(style: dict, mm_from_paper_top: float) -> int:
    pitch_mm = style["grid"]["line_pitch_twips"] / 20 * PT_TO_MM
    return max(0, math.ceil((mm_from_paper_top - style["page"]["top"]) / pitch_mm - 1e-6))


def plan_letter(organ: str, number: str | None, marks: list[tuple[str, str]], style: dict) -> Head:
    """`marks`: (text, role) of 份号, 密级和保密期限, 紧急程度, those given, in that order."""
    letter, page = style["letter"], style["page"]
    width = page["width"] - page["left"] - page["right"]
    size = _fitted_size(organ, style["roles"]["letterhead"]["size"], letter["max_width"])
    head = Head()
    top = letter["letterhead_top"]
    head.frames.append(Frame([(organ, None)], "letterhead", top, size, "center"))
    rule_top = top + size * PT_TO_MM + letter["rule_gap_below_letterhead"]
    thick, thin, gap, length = letter["rule_thick"], letter["rule_thin"], letter["rule_between"], letter["rule_length"]
    x = page["left"] + (width - length) / 2
    head.rects += [Rect(x, rule_top, length, thick), Rect(x, rule_top + thick + gap, length, thin)]
    lower = page["height"] - letter["lower_rule_from_bottom"] - thick
    head.rects += [Rect(x, lower - gap - thin, length, thin), Rect(x, lower, length, thick)]
    first_line = rule_top + thick + gap + thin + letter["number_below_rule"]
    pitch_mm = style["grid"]["line_pitch_twips"] / 20 * PT_TO_MM
    body = style["roles"]["body"]["size"]
    for i, (mark, role) in enumerate(marks):  # one per line, at the left
        head.frames.append(_side_frame(mark, role, first_line + i * pitch_mm, body, "left", style))
    if number:
        head.frames.append(_side_frame(number, "doc_number", first_line, style["roles"]["doc_number"]["size"], "right", style))
    last_bottom = first_line + (max(len(marks), 1 if number else 0) - 1) * pitch_mm + body * PT_TO_MM
    head.title_lines_down = _lines_down(style, last_bottom + letter["title_gap_lines"] * letter["line_mm"])
    return head


def _side_frame(text: str, role: str, y: float, size: float, align: str, style: dict) -> Frame:
    """A frame as wide as its text (plus one character), against the 版心's left or right edge.

    Adjacent paragraphs with identical frame properties form one frame (ISO/IEC 29500-1
    §17.3.1.11): a mark and the document number on the same line would share one exact
    one-line frame, and the second would be hidden.  Frames sized to their text differ."""
    page = style["page"]
    full = page["width"] - page["left"] - page["right"]
    char_mm = (size + style["grid"]["char_spacing_pt"]) * PT_TO_MM
    width = min(full, (text_width(text) + 1) * char_mm)
    x = page["left"] if align == "left" else page["left"] + full - width
    return Frame([(text, None)], role, y, size, align, width=width, x=x)


def plan_general(organ_mark: str, number: str | None, signer: str | None, style: dict) -> Head:
    general, letter, page = style["general"], style["letter"], style["page"]
    width = page["width"] - page["left"] - page["right"]
    size = _fitted_size(organ_mark, general["letterhead_size"], width)
    head = Head()
    top = page["top"] + general["letterhead_below_text_top"]
    head.frames.append(Frame([(organ_mark, None)], "letterhead", top, size, "center"))
    below = top + size * PT_TO_MM
    number_size = style["roles"]["doc_number"]["size"]
    if number:
        number_top = below + general["number_gap_lines"] * letter["line_mm"]
        if signer:  # 上行文: number at the left, 签发人 at the right, each one character in
            runs = [(number, None), ("\t签发人：", None), (signer, style["fonts"]["kaiti"])]
            head.frames.append(Frame(runs, "doc_number", number_top, number_size, "left", indent_chars=1, tab_right=True))
        else:
            head.frames.append(Frame([(number, None)], "doc_number", number_top, number_size, "center"))
        below = number_top + number_size * PT_TO_MM
    rule_top = below + general["rule_gap"]
    head.rects.append(Rect(page["left"], rule_top, width, general["rule_thickness"]))
    head.title_lines_down = _lines_down(style, rule_top + general["rule_thickness"] + general["title_gap_lines"] * letter["line_mm"])
    return head


def draw(head: Head, header, style: dict, shape_ids, style_id) -> None:
    """Write the plan into page 1's header: one framed paragraph per frame, the rules as
    red rectangles anchored in a small paragraph of their own."""
    page = style["page"]
    width = page["width"] - page["left"] - page["right"]
    line = style["letter"]["letterhead_line"]
    anchor = header.paragraphs[0]
    for frame in head.frames:
        paragraph = anchor.insert_paragraph_before()
        paragraph._p.style = style_id(frame.role)
        pPr = paragraph._p.get_or_add_pPr()
        height = frame.size * line * PT_TO_MM
        oxml.set_frame(pPr, x_mm=page["left"] if frame.x is None else frame.x, y_mm=frame.y,
                       width_mm=width if frame.width is None else frame.width, height_mm=height)
        oxml.set_spacing(pPr, line_twips=round(frame.size * line * 20))
        char_pt = frame.size + style["grid"]["char_spacing_pt"]
        oxml.set_indent(pPr, char_pt, left=frame.indent_chars, right=frame.indent_chars)
        oxml.set_jc(pPr, frame.align)
        if frame.tab_right:
            oxml.set_right_tab(pPr, oxml.twips(width) - round(frame.indent_chars * char_pt * 20))
        for text, east_asia in frame.runs:
            for index, part in enumerate(text.split("\t")):
                if index:
                    paragraph.add_run().add_tab()
                if part:
                    run = paragraph.add_run(part)
                    rPr = run._r.get_or_add_rPr()
                    oxml.set_size(rPr, frame.size)
                    if east_asia:
                        oxml.set_fonts(rPr, east_asia, style["fonts"]["latin"])
    anchor._p.style = style_id("page_number")  # small and off the grid: it only holds the rules
    red = style["colors"]["red"]
    for rect in head.rects:
        oxml.add_rect(anchor, next(shape_ids), x_mm=rect.x, y_mm=rect.y, width_mm=rect.width, height_mm=rect.height, color=red)


def add_category(plan: Head, text: str, style: dict) -> None:
    """答复类别 at page 1's top right, one line under the document number (GB/T 9704 leaves it
    to local rules; this is the common 浙江/深圳 practice)."""
    number = next((f for f in plan.frames if f.role == "doc_number"), None)
    pitch_mm = style["grid"]["line_pitch_twips"] / 20 * PT_TO_MM
    size = style["roles"]["doc_number"]["size"]
    y = (number.y if number else style["page"]["top"]) + pitch_mm
    plan.frames.append(_side_frame(text, "doc_number", y, size, "right", style))
    below = y + size * PT_TO_MM + style["letter"]["title_gap_lines"] * style["letter"]["line_mm"]
    plan.title_lines_down = max(plan.title_lines_down, _lines_down(style, below))
