"""word/fontTable.xml: every font the letter names, declared as Word writes it.

Word and WPS choose a stand-in for a font the machine lacks from its font table entry: the
alternate name (w:altName) when that font is installed, else the character set, family, pitch and
PANOSE numbers.  A font with no entry falls back to the default face.  A stock Windows 10/11 has
仿宋, 楷体, 黑体 and 宋体 but not 仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体, so those name the
nearest stock face as their alternate.  PANOSE and signature values are those Word and WPS write
for these fonts; where they are not known they are left out (allowed by the schema).
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from . import oxml

GB2312_SIG = ("00000001", "080E0000", "00000000", "00000000", "00040000", "00000000")  # the 中易 GB2312 fonts

# name → (altName, panose1, charset, family, pitch, sig usb0..3 csb0..1)
KNOWN = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "86", "modern", "fixed", GB2312_SIG),
    "楷体_GB2312": ("楷体", "02010609030101010101", "86", "modern", "fixed", GB2312_SIG),
    "方正小标宋简体": ("宋体", None, "86", "auto", "variable", None),
    "黑体": ("SimHei", "02010609060101010101", "86", "modern", "fixed",
           ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")),
    "宋体": ("SimSun", "02010600030101010101", "86", "auto", "variable",
           ("00000003", "288F0000", "00000016", "00000000", "00040001", "00000000")),
    "仿宋": ("FangSong", "02010609060101010101", "86", "modern", "fixed",
           ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")),
    "楷体": ("KaiTi", "02010609060101010101", "86", "modern", "fixed", None),
    "Times New Roman": (None, "02020603050405020304", "00", "roman", "variable",
                        ("E0002AFF", "C0007841", "00000009", "00000000", "000001FF", "00000000")),
}
# For a font of a project's own choosing: the stock face of its kind (方正仿宋_GBK → 仿宋).
KINDS = (("仿宋", "仿宋"), ("楷", "楷体"), ("黑", "黑体"), ("宋", "宋体"))


def facts(name: str) -> tuple:
    if name in KNOWN:
        return KNOWN[name]
    chinese = any(ord(c) > 0x2E80 for c in name)
    alternate = next((stock for key, stock in KINDS if key in name and stock != name), None) if chinese else None
    return alternate, None, "86" if chinese else "00", "auto", "variable", None


def entry(name: str):
    """<w:font> for `name`, its children in schema order."""
    alternate, panose, charset, family, pitch, sig = facts(name)
    font = etree.Element(qn("w:font"), nsmap={"w": oxml.W_NS})
    font.set(qn("w:name"), name)
    if alternate:
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternate)
    if panose:
        etree.SubElement(font, qn("w:panose1")).set(qn("w:val"), panose)
    etree.SubElement(font, qn("w:charset")).set(qn("w:val"), charset)
    etree.SubElement(font, qn("w:family")).set(qn("w:val"), family)
    etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), pitch)
    if sig:
        element = etree.SubElement(font, qn("w:sig"))
        for attr, value in zip(("usb0", "usb1", "usb2", "usb3", "csb0", "csb1"), sig):
            element.set(qn(f"w:{attr}"), value)
    return font


def declare(document, names) -> None:
    """Write an entry for each of `names` into the document's font table (replacing the
    template's entry of the same name), the template's other entries kept."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    existing = {font.get(qn("w:name")): font for font in root.findall(qn("w:font"))}
    for name in dict.fromkeys(names):
        new = entry(name)
        if name in existing:
            root.replace(existing[name], new)
        else:
            root.append(new)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
