"""The 版记 (GB/T 9704 7.4): 抄送 and 印发机关和印发日期 at the foot of the last page.

It sits in a text box anchored to the bottom of the text block (so its last line,
or last rule, lies on the 版心's bottom edge) holding a one-column table 156 mm wide:
its top and bottom borders are the thick rules, the line between rows the thin one.
In the 信函格式 there are no rules and no 印发 line (10.1).  Measured in LibreOffice
(RENDERING.md): the rules come out 156 mm long, the last one ending at 262 mm.
"""

from __future__ import annotations

import math
from html import escape as _html_escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from .oxml import MC, WPS, emu, twips
from .titles import text_width

PT_TO_MM = 25.4 / 72


def _paragraph(text: str, style_id: str, char_pt: float, *, left: float, right: float, hanging: float = 0,
               tab_twips: int | None = None, line_twips: int) -> str:
    unit = char_pt * 20
    ind = (f'<w:ind w:leftChars="{round(left * 100)}" w:left="{round(left * unit)}" w:rightChars="{round(right * 100)}" '
           f'w:right="{round(right * unit)}" w:hangingChars="{round(hanging * 100)}" w:hanging="{round(hanging * unit)}"/>')
    tabs = f'<w:tabs><w:tab w:val="right" w:pos="{tab_twips}"/></w:tabs>' if tab_twips else ""
    runs = []
    for index, part in enumerate(text.split("\t")):
        if index:
            runs.append("<w:r><w:tab/></w:r>")
        runs.append(f'<w:r><w:t xml:space="preserve">{_html_escape(part, quote=False)}</w:t></w:r>')
    return (f'<w:p><w:pPr><w:pStyle w:val="{_html_escape(style_id)}"/>{tabs}<w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="0" w:line="{line_twips}" w:lineRule="exact"/>{ind}'
            f'<w:jc w:val="both"/></w:pPr>{"".join(runs)}</w:p>')


def add_colophon(paragraph, shape_id: int, style: dict, style_id: str, *, cc: str | None,
                 printer: str | None, print_date: str | None, rules: bool) -> None:
    """Anchor the 版记 box to `paragraph` (the letter's last)."""
    page, spec = style["page"], style["roles"]["cc"]
    size, pitch = spec["size"], style["grid"]["line_pitch_twips"]
    width_mm = page["width"] - page["left"] - page["right"]
    width_twips = twips(width_mm)
    char_pt = size + style["grid"]["char_spacing_pt"]  # one 字 of the 4号 版记
    chars_per_line = (width_mm / PT_TO_MM) / char_pt
    rows, lines = [], 0
    if cc:
        label = cc.index("：") + 1 if "：" in cc[:6] else 0  # continuation lines align after “抄送：”
        rows.append(_paragraph(cc, style_id, char_pt, left=1 + label, right=1, hanging=label, line_twips=pitch))
        lines += math.ceil(text_width(cc) / (chars_per_line - 2))
    if printer or print_date:
        text = f"{printer or ''}\t{print_date or ''}"
        rows.append(_paragraph(text, style_id, char_pt, left=1, right=1, tab_twips=width_twips - round(char_pt * 20),
                               line_twips=pitch))
        lines += 1
    if not rows:
        return
    thick = round(style["colophon"]["rule_thick"] / PT_TO_MM * 8)  # eighths of a point
    thin = round(style["colophon"]["rule_thin"] / PT_TO_MM * 8)
    border = (lambda side, sz: f'<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>') if rules \
        else (lambda side, sz: f'<w:{side} w:val="nil"/>')
    # the properties' children are put in schema order by oxml.in_schema_order when the letter is finished
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{width_twips}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblBorders>{border("top", thick)}<w:left w:val="nil"/>'
        f'{border("bottom", thick)}<w:right w:val="nil"/>{border("insideH", thin)}<w:insideV w:val="nil"/></w:tblBorders>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        f'<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{width_twips}"/></w:tblGrid>'
        + "".join(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/></w:tcPr>{row}</w:tc></w:tr>' for row in rows)
        + '</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
    )
    # no taller than its grid lines: a taller box pushed the line above it (the 附注) to a page of its own
    height_mm = lines * pitch / 20 * PT_TO_MM
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{WPS}" xmlns:mc="{MC}"><mc:AlternateContent><mc:Choice Requires="wps">'
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}" '
        f'behindDoc="0" locked="1" layoutInCell="0" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{emu(width_mm)}" cy="{emu(height_mm)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="{shape_id}" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(width_mm)}" cy="{emu(height_mm)}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{table}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0">'
        f'<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        f'</mc:Choice></mc:AlternateContent></w:r>'
    )
    paragraph._p.append(parse_xml(xml))
