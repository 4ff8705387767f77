"""Valid Office Open XML: the drafts' letters pass tests/ooxml_check.py, the checker catches the faults
Word would trip on, oxml's order table agrees with the schema, and the font table names every font."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO
from letterkit import oxml
from letterkit.build import build_draft
from ooxml_check import SCHEMAS, W, check_docx

DRAFTS = sorted((REPO / "drafts").rglob("*.yaml"))
LETTER = REPO / "drafts" / "2024" / "jiaoyu-TA20240018.yaml"  # 信函格式 with 版记, seal and attachments


def test_the_repository_has_the_five_drafts():
    assert len(DRAFTS) == 5


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_every_draft_builds_a_letter_without_a_schema_error(draft, tmp_path):
    built = build_draft(draft, output=tmp_path)
    assert check_docx(built.output) == []


# -- the checker catches what it should ------------------------------------------------------

@pytest.fixture(scope="module")
def members(tmp_path_factory) -> dict[str, bytes]:
    built = build_draft(LETTER, output=tmp_path_factory.mktemp("letter"))
    with zipfile.ZipFile(built.output) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_package(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def edit(part: str, pattern: str, replacement: str, count: int = 1):
    def change(members):
        text = members[part].decode("utf-8")
        changed, done = re.subn(pattern, replacement, text, count=count, flags=re.S)
        assert done, f"the fixture no longer has {pattern!r} in {part}"
        members[part] = changed.encode("utf-8")
    return change


def drop(part: str):
    return lambda members: members.pop(part)


def copy_first_frame(members):
    """The second framed header paragraph given the first one's frame (the one-mark 信函 fault)."""
    text = members["word/header1.xml"].decode("utf-8")
    frames = re.findall(r"<w:framePr [^>]*/>", text)
    assert len(frames) >= 2
    members["word/header1.xml"] = text.replace(frames[1], frames[0], 1).encode("utf-8")


def same_drawing_id(members):
    """The seal in the body given the id of a red rule in page 1's header (ids are per document)."""
    rule = re.search(r'<wp:docPr id="(\d+)"', members["word/header1.xml"].decode("utf-8")).group(1)
    edit("word/document.xml", r'<wp:docPr id="\d+" name="印章"', f'<wp:docPr id="{rule}" name="印章"')(members)


FAULTS = {
    # name: (mutation, a phrase the report must contain)
    "tblLayout before tblBorders": (edit("word/document.xml", r'(<w:tblBorders>.*?</w:tblBorders>)(<w:tblLayout [^>]*/>)',
                                         r"\2\1"), "w:tblBorders': This element is not expected"),
    "jc before spacing in a paragraph": (edit("word/footer1.xml", r'(<w:ind [^>]*/>)(<w:jc w:val="right"/>)', r"\2\1"),
                                         "w:ind': This element is not expected"),
    "a dangling r:id": (edit("word/document.xml", r'(<w:footerReference w:type="even" r:id=")rId\d+', r"\1rId999"),
                        'r:id="rId999" names no relationship'),
    "duplicate drawing ids": (same_drawing_id, "is used 2 times"),
    "a field without its end": (edit("word/footer1.xml", r'<w:r><w:fldChar w:fldCharType="end"/></w:r>', ""),
                                "never end"),
    "a field end without a begin": (edit("word/footer2.xml", r'<w:r><w:fldChar w:fldCharType="begin"/></w:r>', ""),
                                    "fldChar separate"),
    "adjacent identical frames": (copy_first_frame, "two adjacent paragraphs share one w:framePr"),
    "a part without a content type": (lambda m: m.update({"word/media/extra.bin": b"\0"}),
                                      "word/media/extra.bin: no content type"),
    "a footer typed as plain XML": (edit("[Content_Types].xml", r'<Override PartName="/word/footer1.xml"[^>]*/>', ""),
                                    "word/footer1.xml has content type application/xml"),
    "a relationship to a missing part": (drop("word/footer2.xml"), "which is not in the package"),
    "a wps shape without its bodyPr": (edit("word/document.xml", r"<wps:bodyPr [^>]*>.*?</wps:bodyPr>", ""),
                                       "wps:wsp': Missing child element"),
    "a broken VML fallback": (edit("word/header1.xml", r"<v:rect ", "<v:rect bogus=\"1\" "), "as Word 2007 reads it"),
    "an element Word does not know, not ignorable": (edit("word/document.xml", r"<w:body>", "<w:body><w:bogus/>"),
                                                     "w:bogus"),
    "a malformed part": (edit("word/settings.xml", r"</w:settings>", ""), "not well-formed"),
}


def test_the_unchanged_fixture_is_valid(members, tmp_path):
    assert check_docx(write_package(tmp_path / "same.docx", dict(members))) == []


@pytest.mark.invalid_docx
@pytest.mark.parametrize("fault", FAULTS)
def test_the_checker_reports_each_fault(fault, members, tmp_path):
    mutate, phrase = FAULTS[fault]
    changed = dict(members)
    mutate(changed)
    problems = check_docx(write_package(tmp_path / "broken.docx", changed))
    assert any(phrase in p for p in problems), problems


def test_ignorable_markup_is_dropped_as_a_consumer_does(members, tmp_path):
    """w14 is mc:Ignorable in the header: Word 2010's paragraph ids are no schema error."""
    changed = dict(members)
    edit("word/header1.xml", r"<w:p>", '<w:p w14:paraId="1A2B3C4D">')(changed)
    edit("word/header1.xml", r"<w:pPr>", "<w:pPr><w14:unknownToUs/>")(changed)
    assert check_docx(write_package(tmp_path / "w14.docx", changed)) == []


@pytest.mark.invalid_docx
def test_a_choice_nobody_understands_falls_back(members, tmp_path):
    """A Choice requiring a namespace without a schema is skipped for the Fallback (here: the VML)."""
    changed = dict(members)
    edit("word/header1.xml", r'<mc:Choice Requires="wps">', '<mc:Choice Requires="wps14x" xmlns:wps14x="urn:unknown">',
         count=0)(changed)
    edit("word/header1.xml", r"<v:rect ", "<v:rect bogus=\"1\" ")(changed)
    problems = check_docx(write_package(tmp_path / "fallback.docx", changed))
    assert problems and all("(as Word 2007" not in p for p in problems), problems  # reported as Word 2010 reads it


def test_the_checker_needs_no_network_and_compiles_its_schemas_once():
    from ooxml_check import schema

    assert schema() is schema()
    for xsd in SCHEMAS.glob("*.xsd"):
        text = xsd.read_text(encoding="utf-8")
        for location in re.findall(r'schemaLocation="([^"]+)"', text):
            assert (SCHEMAS / location.rsplit("/", 1)[-1]).is_file(), f"{xsd.name} imports {location}, not vendored"


# -- oxml's order table is the schema's ---------------------------------------------------------

XS = "{http://www.w3.org/2001/XMLSchema}"
TYPES = {"pPr": "CT_PPr", "rPr": "CT_ParaRPr", "sectPr": "CT_SectPr", "tblPr": "CT_TblPr", "tcPr": "CT_TcPr",
         "trPr": "CT_TrPr", "tblBorders": "CT_TblBorders", "tcBorders": "CT_TcBorders", "tblCellMar": "CT_TblCellMar",
         "tcMar": "CT_TcMar", "font": "CT_Font", "style": "CT_Style", "settings": "CT_Settings"}


def schema_ranks(type_name: str) -> dict[str, int]:
    """{child: rank} from wml.xsd: ranks grow along sequences; a choice's members share one."""
    root = etree.parse(str(SCHEMAS / "wml.xsd")).getroot()
    types = {e.get("name"): e for e in root.iter(XS + "complexType", XS + "group") if e.get("name")}
    ranks: dict[str, int] = {}

    def walk(node, rank: int, in_choice: bool) -> int:
        for item in node:
            tag = item.tag.replace(XS, "") if isinstance(item.tag, str) else ""
            if tag == "element":
                ranks.setdefault(item.get("name") or item.get("ref").split(":")[-1], rank)
                rank += 0 if in_choice else 1
            elif tag in ("sequence", "all"):
                rank = walk(item, rank, False) + (1 if in_choice else 0)
            elif tag == "choice":
                rank = walk(item, rank, True) + 1
            elif tag == "group":
                rank = walk(types[item.get("ref").split(":")[-1]], rank, in_choice)
            elif tag in ("complexContent", "extension"):
                if tag == "extension":
                    rank = walk(types[item.get("base").split(":")[-1]], rank, False)
                rank = walk(item, rank, in_choice)
        return rank

    walk(types[type_name], 0, False)
    return ranks


@pytest.mark.parametrize("element", TYPES)
def test_oxml_writes_each_properties_element_in_the_schemas_order(element):
    expected = schema_ranks(TYPES[element])
    table = oxml.SCHEMA_ORDER[element]
    ours = [tag for names in table for tag in names.split("|")]
    assert set(ours) == set(expected), "the table names the schema's children, all of them"
    for earlier, later in zip(table, table[1:]):
        for a in earlier.split("|"):
            for b in later.split("|"):
                assert expected[a] <= expected[b], f"w:{element}: the schema puts {b} before {a}"


def test_in_schema_order_puts_hand_written_children_right():
    xml = (f'<w:tblPr xmlns:w="{W}"><w:tblLayout w:type="fixed"/><w:tblBorders><w:bottom w:val="nil"/>'
           f'<w:top w:val="nil"/></w:tblBorders><w:tblW w:w="0" w:type="auto"/></w:tblPr>')
    ordered = oxml.in_schema_order(etree.fromstring(xml))
    assert [c.tag.split("}")[1] for c in ordered] == ["tblW", "tblBorders", "tblLayout"]
    assert [c.tag.split("}")[1] for c in ordered[1]] == ["top", "bottom"]


# -- the font table ----------------------------------------------------------------------------

FONT_ATTRS = ("ascii", "hAnsi", "eastAsia", "cs")


def fonts_named(members: dict[str, bytes]) -> dict[str, set[str]]:
    """{font: parts naming it in a w:rFonts} over every WordprocessingML part but the font table."""
    named: dict[str, set[str]] = {}
    for name, data in members.items():
        if not name.endswith(".xml") or name.endswith("fontTable.xml") or not name.startswith("word/"):
            continue
        for fonts in etree.fromstring(data).iter(f"{{{W}}}rFonts"):
            for attr in FONT_ATTRS:
                if fonts.get(f"{{{W}}}{attr}"):
                    named.setdefault(fonts.get(f"{{{W}}}{attr}"), set()).add(name)
    return named


def font_table(members) -> dict[str, etree._Element]:
    root = etree.fromstring(members["word/fontTable.xml"])
    return {font.get(f"{{{W}}}name"): font for font in root.iter(f"{{{W}}}font")}


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_every_font_the_letter_names_is_in_the_font_table(draft, tmp_path):
    with zipfile.ZipFile(build_draft(draft, output=tmp_path).output) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    named, declared = fonts_named(members), font_table(members)
    assert {"仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体", "Times New Roman"} <= set(named)
    missing = {font: sorted(parts) for font, parts in named.items() if font not in declared}
    assert not missing, f"named in w:rFonts but not declared in word/fontTable.xml: {missing}"


def val(font, child: str) -> str | None:
    element = font.find(f"{{{W}}}{child}")
    return element.get(f"{{{W}}}val") if element is not None else None


def test_the_official_fonts_name_a_stock_windows_face_and_the_gb2312_character_set(members):
    declared = font_table(members)
    stock = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体", "黑体": "SimHei", "宋体": "SimSun"}
    for font, alternate in stock.items():
        assert val(declared[font], "altName") == alternate, font
        assert val(declared[font], "charset") == "86", font
        assert val(declared[font], "family") and val(declared[font], "pitch"), font
    assert val(declared["Times New Roman"], "family") == "roman"


def test_a_font_a_project_chooses_is_declared_with_the_stock_face_of_its_kind(project, tmp_path):
    from conftest import MINIMAL_DRAFT

    root = project({"letterkit.yaml": "", "draft.yaml": MINIMAL_DRAFT + "style:\n  fonts:\n    fangsong: 方正仿宋_GBK\n"
                                                                       "    heiti: 华文黑体\n"})
    with zipfile.ZipFile(build_draft(root / "draft.yaml", output=tmp_path / "out").output) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    declared = font_table(members)
    assert {"方正仿宋_GBK", "华文黑体"} <= set(fonts_named(members)) <= set(declared)
    assert (val(declared["方正仿宋_GBK"], "altName"), val(declared["方正仿宋_GBK"], "charset")) == ("仿宋", "86")
    assert val(declared["华文黑体"], "altName") == "黑体"


@pytest.mark.invalid_docx
def test_the_suite_wide_guard_finds_a_broken_letter_a_test_writes(members, tmp_path):
    """conftest.py looks at every .docx a test leaves behind and checks the ones letterkit wrote."""
    import conftest

    broken = dict(members)
    FAULTS["tblLayout before tblBorders"][0](broken)
    path = write_package(tmp_path / "broken.docx", broken)
    (tmp_path / "stand-in.docx").write_bytes(b"edited in Word")  # not a letter of ours: left alone
    found = conftest._new_docx([tmp_path])
    assert sorted(p.name for p in found) == ["broken.docx", "stand-in.docx"]
    assert conftest._problems(path) and conftest._problems(tmp_path / "stand-in.docx") == []
    assert conftest._new_docx([tmp_path]) == []  # each file looked at once until it changes


# -- in_schema_order, on every order a caller might write ------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_properties_written_in_any_order_come_out_valid(members, tmp_path_factory, shuffle):
    """Every properties element of a real letter, its children shuffled, then put in order by
    oxml.in_schema_order: the letter is valid again."""
    changed = dict(members)
    for part in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
        root = etree.fromstring(changed[part])
        for element in root.iter(*(f"{{{W}}}{name}" for name in oxml.SCHEMA_ORDER)):
            children = list(element)
            shuffle.shuffle(children)
            for node in children:
                element.append(node)
        oxml.in_schema_order(root)
        changed[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    path = write_package(tmp_path_factory.mktemp("shuffled") / "letter.docx", changed)
    problems = check_docx(path)
    assert problems == [], problems[:3]
