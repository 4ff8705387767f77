"""Every raw WordprocessingML trick letterkit needs, and nothing else.

python-docx covers paragraphs, runs and sections; the rest (East Asian font
slots, the text grid, frames, page-anchored shapes, the PAGE field, character
indents) is built here as small element helpers, in schema order so that Word
accepts the result.  Units: twips (1/20 pt) and EMU (1/36000 mm).
"""

from __future__ import annotations

import re
from functools import lru_cache

from docx.oxml import parse_xml
from lxml import etree
from docx.oxml.ns import nsdecls, qn

WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML = "urn:schemas-microsoft-com:vml"

EMU_PER_MM = 36000
TWIPS_PER_MM = 1440 / 25.4
THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

# The child order of every properties element letterkit writes: the sequences of ISO/IEC 29500-1's
# wml.xsd (CT_PPr, CT_RPr with CT_ParaRPr's change marks, CT_SectPr, CT_TblPr, CT_TblBorders,
# CT_TblCellMar, CT_TcPr, CT_TrPr, CT_Font, CT_Style).  Word reads properties by position: one out of
# place is dropped.  `a|b`: either order (a choice in the schema).  tests/test_ooxml.py checks
# this table against the schema.
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
    "vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
).split()
SECTPR_ORDER = (
    "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange"
).split()
TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd "
    "tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"
).split()
TCPR_ORDER = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
    "headers cellIns cellDel cellMerge tcPrChange"
).split()
TRPR_ORDER = ("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc "
              "hidden ins del trPrChange").split()
BORDERS_ORDER = "top start left bottom end right insideH insideV".split()
FONT_ORDER = ("altName panose1 charset family notTrueType pitch sig embedRegular embedBold embedItalic "
              "embedBoldItalic").split()
STYLE_ORDER = ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
               "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr").split()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def emu(mm: float) -> int:
    return round(mm * EMU_PER_MM)


def child(parent, tag: str, order: list[str] | None = None):
    """The `w:tag` child of `parent`, created at its schema position if missing (the order from
    SCHEMA_ORDER by the parent's name, unless given)."""
    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = parent.makeelement(qn(f"w:{tag}"), {})
    ranks = ranks_of(tuple(order or SCHEMA_ORDER[parent.tag.split("}")[-1]]))
    position = ranks[element.tag]
    for index, existing in enumerate(parent):
        if ranks.get(existing.tag, -1) > position:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


@lru_cache(maxsize=None)
def ranks_of(order: tuple[str, ...]) -> dict[str, int]:
    """{qualified tag: position} for an order table (`a|b` share one position)."""
    return {qn(f"w:{tag}"): rank for rank, names in enumerate(order) for tag in names.split("|")}


def set_attrs(element, **attrs) -> None:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))


# -- run properties -----------------------------------------------------------

def set_fonts(rPr, east_asia: str, latin: str) -> None:
    """Write all four font slots; theme attributes would override them, so drop those."""
    fonts = child(rPr, "rFonts", RPR_ORDER)
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    set_attrs(fonts, ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asia)


def set_size(rPr, pt: float) -> None:
    half_points = round(pt * 2)
    set_attrs(child(rPr, "sz", RPR_ORDER), val=half_points)
    set_attrs(child(rPr, "szCs", RPR_ORDER), val=half_points)


def set_char_spacing(rPr, pt: float) -> None:
    set_attrs(child(rPr, "spacing", RPR_ORDER), val=round(pt * 20))


def set_color(rPr, hex_rgb: str) -> None:
    set_attrs(child(rPr, "color", RPR_ORDER), val=hex_rgb)


def set_language(rPr) -> None:
    set_attrs(child(rPr, "lang", RPR_ORDER), val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def strip_theme_fonts(root) -> None:
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(f"w:{attr}"), None)


# -- paragraph properties -----------------------------------------------------

def set_flag(pPr, tag: str, on: bool) -> None:
    set_attrs(child(pPr, tag, PPR_ORDER), val="1" if on else "0")


def set_spacing(pPr, *, line_twips: int | None = None, before: int = 0, after: int = 0) -> None:
    spacing = child(pPr, "spacing", PPR_ORDER)
    set_attrs(spacing, before=before, after=after)
    if line_twips:
        set_attrs(spacing, line=line_twips, lineRule="exact")
    else:
        set_attrs(spacing, line=240, lineRule="auto")


def set_indent(pPr, char_pt: float, *, first_line=0.0, left=0.0, right=0.0, hanging=0.0) -> None:
    """Indents in characters (字), one 字 being `char_pt` wide; both the character and twips
    values are written (Word reads the first, LibreOffice the second)."""
    ind = child(pPr, "ind", PPR_ORDER)
    unit = char_pt * 20
    values = {
        "leftChars": round(left * 100), "left": round(left * unit),
        "rightChars": round(right * 100), "right": round(right * unit),
    }
    if hanging:
        values.update(hangingChars=round(hanging * 100), hanging=round(hanging * unit))
    else:
        values.update(firstLineChars=round(first_line * 100), firstLine=round(first_line * unit))
    set_attrs(ind, **values)


def set_jc(pPr, align: str) -> None:
    set_attrs(child(pPr, "jc", PPR_ORDER), val={"justify": "both"}.get(align, align))


def set_tab(pPr, kind: str, position_twips: int) -> None:
    """A tab stop (left, center, right) at a position from the text's left edge."""
    tabs = child(pPr, "tabs", PPR_ORDER)
    tab = tabs.makeelement(qn("w:tab"), {})
    set_attrs(tab, val=kind, pos=position_twips)
    tabs.append(tab)


def set_right_tab(pPr, position_twips: int) -> None:
    set_tab(pPr, "right", position_twips)


def set_outline_level(pPr, level: int) -> None:
    set_attrs(child(pPr, "outlineLvl", PPR_ORDER), val=level - 1)


def set_frame(pPr, *, x_mm: float, y_mm: float, width_mm: float, height_mm: float) -> None:
    """A page-anchored frame of exact height (the 信函格式 letterhead elements)."""
    frame = child(pPr, "framePr", PPR_ORDER)
    set_attrs(frame, w=twips(width_mm), h=twips(height_mm), hRule="exact", wrap="around",
              hAnchor="page", vAnchor="page", x=twips(x_mm), y=twips(y_mm))


# -- section ------------------------------------------------------------------

def set_line_grid(sectPr, pitch_twips: int) -> None:
    grid = child(sectPr, "docGrid", SECTPR_ORDER)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    set_attrs(grid, type="lines", linePitch=pitch_twips)


# -- inline content -----------------------------------------------------------

def add_page_field(paragraph) -> None:
    """A real PAGE field, so Word and WPS number the pages themselves."""
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {nsdecls("w")}><w:t>1</w:t></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def add_rect(paragraph, shape_id: int, *, x_mm: float, y_mm: float, width_mm: float, height_mm: float, color: str) -> None:
    """A filled rectangle anchored to the page: one stroke of a red double rule.

    Written as Word writes shapes: DrawingML for Word 2010 and later, LibreOffice and WPS,
    with a VML fallback for older readers, inside mc:AlternateContent."""
    xml = f"""
<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{WPS}" xmlns:mc="{MC}" xmlns:v="{VML}">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing>
        <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}"
                   behindDoc="0" locked="1" layoutInCell="0" allowOverlap="1">
          <wp:simplePos x="0" y="0"/>
          <wp:positionH relativeFrom="page"><wp:posOffset>{emu(x_mm)}</wp:posOffset></wp:positionH>
          <wp:positionV relativeFrom="page"><wp:posOffset>{emu(y_mm)}</wp:posOffset></wp:positionV>
          <wp:extent cx="{emu(width_mm)}" cy="{emu(height_mm)}"/>
          <wp:effectExtent l="0" t="0" r="0" b="0"/>
          <wp:wrapNone/>
          <wp:docPr id="{shape_id}" name="红线 {shape_id}"/>
          <wp:cNvGraphicFramePr/>
          <a:graphic>
            <a:graphicData uri="{WPS}">
              <wps:wsp>
                <wps:cNvSpPr/>
                <wps:spPr>
                  <a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(width_mm)}" cy="{emu(height_mm)}"/></a:xfrm>
                  <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
                  <a:solidFill><a:srgbClr val="000000"/></a:solidFill>
                  <a:ln><a:noFill/></a:ln>
                </wps:spPr>
                <wps:bodyPr/>
              </wps:wsp>
            </a:graphicData>
          </a:graphic>
        </wp:anchor>
      </w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict>
        <v:rect style="position:absolute;margin-left:{x_mm:.2f}mm;margin-top:{y_mm:.2f}mm;width:{width_mm:.2f}mm;height:{height_mm:.2f}mm;z-index:{shape_id};mso-position-horizontal-relative:page;mso-position-vertical-relative:page"
                fillcolor="#000000" stroked="f"/>
      </w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>"""
    run = parse_xml(re.sub(r">\s+<", "><", xml.strip()))
    # the colour comes from the house style: set as an attribute by lxml, never pasted into XML text
    for fill in run.iter(qn("a:srgbClr")):
        fill.set("val", color)
    for rect in run.iter(f"{{{VML}}}rect"):
        rect.set("fillcolor", f"#{color}")
    paragraph._p.append(run)


def add_floating_picture(paragraph, inline, *, x_mm: float, y_mm: float) -> None:
    """Turn python-docx's inline picture into one floating behind the text: x from the
    left margin, y from the top of `paragraph` (the seal, GB/T 9704 7.3.5.1)."""
    extent = inline.find(qn("wp:extent"))
    doc_pr = inline.find(qn("wp:docPr"))
    graphic = inline.find(qn("a:graphic"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="0" '
        f'behindDoc="1" locked="1" layoutInCell="0" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{emu(x_mm)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{emu(y_mm)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{extent.get("cx")}" cy="{extent.get("cy")}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/></wp:anchor>'
    )
    doc_pr.set("name", "印章")
    for picture in graphic.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        picture.set("name", "印章")  # not the image's file name: the same seal from any path, the same letter
    anchor.append(doc_pr)
    anchor.append(parse_xml(f'<wp:cNvGraphicFramePr {nsdecls("wp")}/>'))
    anchor.append(graphic)
    run = paragraph.add_run()._r
    drawing = run.makeelement(qn("w:drawing"), {})
    drawing.append(anchor)
    run.append(drawing)


# Child order of w:settings (ECMA-376 CT_Settings).
SETTINGS_ORDER = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
    "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins "
    "alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop "
    "hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
    "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
    "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
    "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
    "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
    "mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
    "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
).split()


SCHEMA_ORDER = {
    "pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECTPR_ORDER, "tblPr": TBLPR_ORDER, "tcPr": TCPR_ORDER,
    "trPr": TRPR_ORDER, "tblBorders": BORDERS_ORDER, "tcBorders": BORDERS_ORDER + ["tl2br", "tr2bl"],
    "tblCellMar": BORDERS_ORDER[:-2], "tcMar": BORDERS_ORDER[:-2], "font": FONT_ORDER, "style": STYLE_ORDER,
    "settings": SETTINGS_ORDER,
}
_RANKS = {qn(f"w:{name}"): ranks_of(tuple(order)) for name, order in SCHEMA_ORDER.items()}


def in_schema_order(root):
    """Put the children of every properties element under `root` (itself included) in schema
    order: however a caller built them, by hand or as XML text, they are written as Word reads them."""
    for element in list(root.iter(*_RANKS)):  # a list: moving children would upset the walk
        if len(element) < 2:
            continue
        ranks = _RANKS[element.tag]
        keys = [ranks.get(tag, len(ranks)) for tag in (c.tag for c in element)]
        if any(a > b for a, b in zip(keys, keys[1:])):
            for _, node in sorted(zip(keys, list(element)), key=lambda pair: pair[0]):
                element.append(node)  # moves it: appended in rank order (a stable sort)
    return root


def set_line_break_rules(settings, *, not_at_line_start: str, not_at_line_end: str) -> None:
    """避头尾: Word's custom kinsoku lists (File › Options › Typography), for Chinese."""
    set_attrs(child(settings, "noLineBreaksAfter", SETTINGS_ORDER), lang="zh-CN", val=not_at_line_end)
    set_attrs(child(settings, "noLineBreaksBefore", SETTINGS_ORDER), lang="zh-CN", val=not_at_line_start)


# -- reading paragraphs back (textconv, import) -------------------------------------------

_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def inside_text_box(node, paragraph) -> bool:
    """Whether `node` belongs to a text box (or its VML fallback) anchored in `paragraph`."""
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag in (qn("w:txbxContent"), _FALLBACK):
            return True
    return False


def own_text(paragraph, line_break: str = "\n") -> str:
    """A paragraph's own text (tabs kept, line breaks as `line_break`), not its text boxes'."""
    parts = []
    for run in paragraph.iter(qn("w:r")):
        if inside_text_box(run, paragraph):
            continue
        for node in run:
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
            elif node.tag == qn("w:br") and node.get(qn("w:type")) != "page":
                parts.append(line_break)
    return "".join(parts)


def in_text_box(paragraph) -> bool:
    return any(a.tag == qn("w:txbxContent") for a in paragraph.iterancestors())


def is_fallback(element) -> bool:
    return any(a.tag == _FALLBACK for a in element.iterancestors())


# -- building paragraphs fast ----------------------------------------------------------------

_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _BR, _VAL = (qn(t) for t in (
    "w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:t", "w:br", "w:val"))
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def new_paragraph(style_id: str, text: str = ""):
    """<w:p> with its paragraph style and one run of text, made directly (no ordered insertion)."""
    from docx.oxml.parser import oxml_parser

    p = oxml_parser.makeelement(_P, nsmap={"w": W_NS})
    etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
    if text:
        add_run(p, text)
    return p


def add_run(paragraph, text: str, style_id: str | None = None, line_break: bool = False):
    """Append <w:r> (a character style, a line break before the text) to a paragraph element."""
    r = etree.SubElement(paragraph, _R)
    if style_id:
        etree.SubElement(etree.SubElement(r, _RPR), _RSTYLE).set(_VAL, style_id)
    if line_break:
        etree.SubElement(r, _BR)
    if text:
        t = etree.SubElement(r, _T)
        t.text = text
        if text != text.strip():
            t.set(_SPACE, "preserve")
    return r


KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "Footer"}


def drop_unused_styles(styles) -> None:
    """Keep our own styles (lk…), the defaults and what they are based on: python-docx's template
    carries 160 styles no letter uses, which every build would otherwise copy and write."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    keep = {sid for sid in by_id if sid.startswith("lk")} | (KEPT_STYLES & set(by_id))
    pending = list(keep)
    while pending:
        style = by_id[pending.pop()]
        for link in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(qn(link))
            target = ref.get(qn("w:val")) if ref is not None else None
            if target in by_id and target not in keep:
                keep.add(target)
                pending.append(target)
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)
