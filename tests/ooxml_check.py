"""Is a .docx valid Office Open XML, as Word and WPS read it?  `check_docx(path)` says what is wrong.

Every XML part is validated against the ISO/IEC 29500 transitional schemas in tests/ooxml/
(with lxml, offline, the schema set compiled once per process) after Markup Compatibility
processing as a consumer does it (ISO/IEC 29500-3): mc:Ignorable namespaces' elements and
attributes dropped, each mc:AlternateContent replaced by its first mc:Choice whose Requires
namespaces the schema set knows, else by its mc:Fallback.  Word 2010 shapes (wps) have a schema
of their own (tests/ooxml/wps.xsd), so each part is checked twice: as Word 2010 and later, WPS
and LibreOffice read it (the wps shapes) and as Word 2007 does (the VML fallbacks).

Beyond the schemas, what Word needs and the schemas cannot say: every r:id names a relationship
of its part, every relationship target and every part exists with a content type, drawing ids
are unique, field characters nest (begin, separate, end), and no two adjacent paragraphs carry
identical w:framePr (ISO/IEC 29500-1 §17.3.1.11 joins them into one frame).
"""

from __future__ import annotations

import copy
import posixpath
import zipfile
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "ooxml"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

# The schema set: each namespace a validated part may use, and its file.
NAMESPACES = {
    "http://www.w3.org/XML/1998/namespace": "xml.xsd",
    W: "wml.xsd",
    WP: "dml-wordprocessingDrawing.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "dml-picture.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "shared-math.xsd",
    VML: "vml-main.xsd",
    OFFICE: "vml-officeDrawing.xsd",
    "urn:schemas-microsoft-com:office:word": "vml-wordprocessingDrawing.xsd",
    WPS: "wps.xsd",
    CONTENT_TYPES: "opc-contentTypes.xsd",
    PKG_RELS: "opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-coreProperties.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "shared-customXmlDataProperties.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "shared-bibliography.xsd",
}
# Namespaces the imported files bring in besides (understood too: they have schemas).
IMPORTED = {
    R, "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "http://schemas.openxmlformats.org/drawingml/2006/chart", "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
    "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
    "urn:schemas-microsoft-com:office:excel", "urn:schemas-microsoft-com:office:powerpoint",
    "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/",
}
WORD_2010 = frozenset(NAMESPACES) | IMPORTED     # what Word 2010 and later, WPS and LibreOffice understand
WORD_2007 = WORD_2010 - {WPS}                     # Word 2007: no wps shapes, so the mc:Fallback
PREFIXES = {W: "w", R: "r", MC: "mc", WP: "wp", WPS: "wps", VML: "v", OFFICE: "o",
            "http://schemas.openxmlformats.org/drawingml/2006/main": "a", PKG_RELS: "rel", CONTENT_TYPES: "ct"}


# The content type a part must have, by the type of the relationship that names it.
_ML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
PART_TYPES = {
    "officeDocument": _ML + "document.main+xml", "styles": _ML + "styles+xml", "settings": _ML + "settings+xml",
    "webSettings": _ML + "webSettings+xml", "fontTable": _ML + "fontTable+xml", "numbering": _ML + "numbering+xml",
    "header": _ML + "header+xml", "footer": _ML + "footer+xml", "footnotes": _ML + "footnotes+xml",
    "endnotes": _ML + "endnotes+xml", "comments": _ML + "comments+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
    "extended-properties": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}


class _LocalSchemas(etree.Resolver):
    """Every schema location (a relative file, or the DCMI's web address) answered from tests/ooxml."""

    def resolve(self, url, pubid, context):
        local = SCHEMAS / url.rsplit("/", 1)[-1]
        if local.is_file():
            return self.resolve_filename(str(local), context)
        return None


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The whole schema set as one XMLSchema (a driver importing each namespace), compiled once."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{(SCHEMAS / name).as_uri()}"/>'
                      for ns, name in NAMESPACES.items())
    driver = (f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
              f'targetNamespace="urn:letterkit:tests:ooxml">{imports}</xsd:schema>')
    root = etree.fromstring(driver.encode(), parser, base_url=(SCHEMAS / "driver.xsd").as_uri())
    return etree.XMLSchema(etree.ElementTree(root))


def _ns(tag: str) -> str:
    return tag[1:].split("}")[0] if tag.startswith("{") else ""


def _short(text: str) -> str:
    """Namespace URIs in lxml's messages written as the usual prefixes."""
    for uri, prefix in PREFIXES.items():
        text = text.replace("{" + uri + "}", prefix + ":")
    return text


# -- Markup Compatibility ---------------------------------------------------------------------

def process_markup_compatibility(element, understood: frozenset, ignorable: frozenset = frozenset()) -> list[str]:
    """Apply ISO/IEC 29500-3 to `element`'s subtree in place, as a consumer that understands the
    namespaces `understood`; returns the problems a consumer would stop at (MustUnderstand)."""
    problems = []
    declared = element.get(f"{{{MC}}}Ignorable")
    if declared:
        ignorable = ignorable | {element.nsmap.get(p) for p in declared.split()}
    must = element.get(f"{{{MC}}}MustUnderstand")
    for prefix in (must or "").split():
        if element.nsmap.get(prefix) not in understood:
            problems.append(f"mc:MustUnderstand names {prefix}, which a consumer does not understand")
    for name in list(element.attrib):
        ns = _ns(name)
        if ns == MC or (ns in ignorable and ns not in understood):
            del element.attrib[name]
    for node in list(element):
        if not isinstance(node.tag, str):
            continue
        if node.tag == f"{{{MC}}}AlternateContent":
            chosen = _branch(node, understood)
            index = element.index(node)
            element.remove(node)
            for offset, replacement in enumerate(list(chosen) if chosen is not None else []):
                element.insert(index + offset, replacement)
                problems += process_markup_compatibility(replacement, understood, ignorable)
        elif _ns(node.tag) in ignorable and _ns(node.tag) not in understood:
            element.remove(node)
        else:
            problems += process_markup_compatibility(node, understood, ignorable)
    return problems


def _branch(alternate, understood):
    for branch in alternate:
        if branch.tag == f"{{{MC}}}Choice":
            if all(branch.nsmap.get(p) in understood for p in branch.get("Requires", "").split()):
                return branch
        elif branch.tag == f"{{{MC}}}Fallback":
            return branch
    return None


# -- the package ------------------------------------------------------------------------------

def _content_types(members: dict[str, bytes]) -> tuple[dict, dict]:
    root = etree.fromstring(members["[Content_Types].xml"])
    defaults = {e.get("Extension", "").lower(): e.get("ContentType") for e in root if e.tag == f"{{{CONTENT_TYPES}}}Default"}
    overrides = {e.get("PartName", "").lower(): e.get("ContentType") for e in root if e.tag == f"{{{CONTENT_TYPES}}}Override"}
    return defaults, overrides


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _relationships(members, part: str, problems: list[str], types=None) -> dict[str, str]:
    """{Id: target} of `part`'s relationships ("" for the package's); a missing target, or one
    without the content type its relationship asks for, is a problem."""
    name = _rels_name(part)
    if name not in members:
        return {}
    found = {}
    for rel in etree.fromstring(members[name]):
        found[rel.get("Id")] = rel.get("Target")
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(posixpath.dirname(part), target))
        if resolved not in members:
            problems.append(f"{name}: relationship {rel.get('Id')} points at {target}, which is not in the package")
            continue
        wanted = PART_TYPES.get(rel.get("Type", "").rsplit("/", 1)[-1])
        if wanted and types and types(resolved) != wanted:
            problems.append(f"{resolved} has content type {types(resolved)}, but its relationship in {name} asks for {wanted}")
    return found


def check_docx(path) -> list[str]:
    """Every problem found in the .docx at `path`, each a line saying where and what; [] when valid."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = {i.filename: archive.read(i.filename) for i in archive.infolist() if not i.is_dir()}
    except (OSError, zipfile.BadZipFile) as error:
        return [f"{path}: not a zip package: {error}"]
    if "[Content_Types].xml" not in members:
        return [f"{path}: no [Content_Types].xml"]
    problems: list[str] = []
    defaults, overrides = _content_types(members)
    for name in members:
        if name != "[Content_Types].xml" and f"/{name}".lower() not in overrides \
                and name.rsplit(".", 1)[-1].lower() not in defaults:
            problems.append(f"{name}: no content type ([Content_Types].xml has neither an Override nor a Default for it)")
    for part_name in overrides:
        if not any(f"/{name}".lower() == part_name for name in members):
            problems.append(f"[Content_Types].xml: an Override names {part_name}, which is not in the package")

    def content_type(name: str) -> str | None:
        return overrides.get(f"/{name}".lower()) or defaults.get(name.rsplit(".", 1)[-1].lower())

    _relationships(members, "", problems, content_type)
    drawings, shapes = Counter(), Counter()
    for name, data in members.items():
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as error:
            problems.append(f"{name}: not well-formed XML: {error}")
            continue
        if name == "[Content_Types].xml" or name.endswith(".rels"):
            problems += _validate(name, root)
            continue
        rels = _relationships(members, name, problems, content_type)
        problems += _dangling_ids(name, root, rels)
        drawings.update(e.get("id") for e in root.iter(f"{{{WP}}}docPr"))
        shapes.update(e.get("id") for e in root.iter() if isinstance(e.tag, str) and _ns(e.tag) == VML and e.get("id"))
        if _ns(root.tag) not in WORD_2010:
            if not name.startswith("customXml/item"):  # custom XML data may be any XML
                problems.append(f"{name}: no schema for its root element {_short(root.tag)}")
            continue
        seen = set()
        for understood in (WORD_2010, WORD_2007):
            processed = copy.deepcopy(root)
            found = process_markup_compatibility(processed, understood)
            found += _validate(name, processed)
            if understood is WORD_2010:
                found += _fields(name, processed) + _frames(name, processed)
            for problem in found:
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem if understood is WORD_2010 else problem + " (as Word 2007 reads it: mc:Fallback)")
    problems += [f"wp:docPr id {i} is used {n} times (drawing ids must be unique in the document)"
                 for i, n in sorted(drawings.items()) if n > 1]
    problems += [f"VML shape id {i} is used {n} times" for i, n in sorted(shapes.items()) if n > 1]
    return problems


def _validate(name: str, root) -> list[str]:
    checker = schema()
    if checker.validate(etree.ElementTree(root)):
        return []
    return [f"{name}: {_short(e.path or '')}: {_short(e.message)}" for e in checker.error_log]


def _dangling_ids(name: str, root, rels: dict) -> list[str]:
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attr, value in element.attrib.items():
            if _ns(attr) == R and value not in rels:
                problems.append(f"{name}: {_short(element.tag)} r:{attr.split('}')[1]}=\"{value}\" names no "
                                f"relationship of this part ({_rels_name(name)})")
    return problems


def _fields(name: str, root) -> list[str]:
    """fldChar begin/separate/end nest within each story (the part, or a text box)."""
    stories = defaultdict(list)
    for char in root.iter(f"{{{W}}}fldChar"):
        box = next((a for a in char.iterancestors(f"{{{W}}}txbxContent")), root)
        stories[box].append(char.get(f"{{{W}}}fldCharType"))
    problems = []
    for story, kinds in stories.items():
        where = "a text box" if story is not root else "the part"
        open_fields: list[bool] = []  # per open field: separated yet?
        for kind in kinds:
            if kind == "begin":
                open_fields.append(False)
            elif kind == "separate" and open_fields and not open_fields[-1]:
                open_fields[-1] = True
            elif kind == "end" and open_fields:
                open_fields.pop()
            else:
                problems.append(f"{name}: fldChar {kind} in {where} without an open field to {kind}")
        if open_fields:
            problems.append(f"{name}: {len(open_fields)} field(s) begun in {where} never end (fldChar end missing)")
    return problems


def _frames(name: str, root) -> list[str]:
    """Adjacent paragraphs with identical w:framePr are one frame (§17.3.1.11): a paragraph's
    frame hides in its neighbour's, so each pair of identical neighbours is a problem."""
    problems = []
    blocks = {f"{{{W}}}{t}" for t in ("p", "tbl", "sdt", "customXml", "altChunk")}
    for parent in root.iter():
        previous = None
        for node in parent:
            if node.tag not in blocks:
                continue
            frame = node.find(f"{{{W}}}pPr/{{{W}}}framePr") if node.tag == f"{{{W}}}p" else None
            current = dict(frame.attrib) if frame is not None else None
            if current is not None and current == previous:
                text = "".join(node.itertext())[:20]
                problems.append(f"{name}: two adjacent paragraphs share one w:framePr ({_short(str(current))}); "
                                f"Word joins them into one frame and the second («{text}») may not show")
            previous = current
    return problems
