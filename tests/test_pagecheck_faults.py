"""`check --render` rejects each pagination and 版头 fault of issue 11, on a .docx broken on
purpose (a good letter with its XML edited), and passes the good letter it came from."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from letterkit.pagecheck import check_documents

from conftest import require_soffice
from lettergen import Case, build_all

# the broken letters are broken on purpose (the good ones pass lettergen.built, which validates them)
pytestmark = pytest.mark.invalid_docx

W_P = re.compile(r"<w:p>(?:(?!</w:p>).)*?</w:p>|<w:p [^>]*>(?:(?!</w:p>).)*?</w:p>", re.S)


def edit(source: Path, target: Path, change) -> Path:
    """A copy of `source` with `change(part name, xml text) -> xml text` applied to every XML part."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                changed = change(info.filename, data.decode("utf-8"))
                data = changed.encode("utf-8")
            zout.writestr(info, data)
    return target


def page_break_before(style: str, nth: int = 0):
    """Put the `nth` paragraph of `style` on a new page (and let nothing keep it with what precedes)."""
    def change(name, xml):
        if name != "word/document.xml":
            return xml
        hits = [m for m in W_P.finditer(xml) if f'<w:pStyle w:val="{style}"/>' in m.group(0)]
        target = hits[nth]
        paragraph = target.group(0).replace(f'<w:pStyle w:val="{style}"/>', f'<w:pStyle w:val="{style}"/><w:pageBreakBefore/>', 1)
        xml = xml[:target.start()] + paragraph + xml[target.end():]
        return xml.replace("<w:keepNext/>", "")
    return change


def blank_lines_before(style: str, nth: int, lines: int):
    """Two empty lines above the `nth` paragraph of `style`: its page ends short for no reason."""
    def change(name, xml):
        if name != "word/document.xml":
            return xml
        target = [m for m in W_P.finditer(xml) if f'<w:pStyle w:val="{style}"/>' in m.group(0)][nth]
        paragraph = target.group(0).replace(f'<w:pStyle w:val="{style}"/>',
                                            f'<w:pStyle w:val="{style}"/><w:spacing w:before="{579 * lines}"/>', 1)
        return xml[:target.start()] + paragraph + xml[target.end():]
    return change


def same_frame_as_the_mark(name, xml):
    """The old 信函格式 head: the document number's frame made identical to the mark's beside it."""
    if not name.startswith("word/header"):
        return xml
    frames = re.findall(r"<w:framePr [^>]*/>", xml)
    if len(frames) < 3:
        return xml
    mark, number = frames[1], frames[2]  # organ, mark, number
    return xml.replace(number, mark)


def colophon_at_the_top(name, xml):
    if name != "word/document.xml":
        return xml
    return xml.replace("<wp:align>bottom</wp:align>", "<wp:align>top</wp:align>")


GOOD = {
    "attachments": Case(layout="plain", seal="none", attachments=2, colophon="both"),
    "one-mark": Case(layout="letter", marks=("urgency",)),
    "long": Case(layout="general", seal="seal", attachments=1, colophon="cc", filler_lines=12),
    "four-pages": Case(layout="plain", seal="none", colophon="none", filler_lines=60),
    # the 署名's page ends short before the attachment's pages: blank lines around the 署名 (issue 11)
    "sealed-before-annex": Case(layout="letter", seal="seal", attachments=2, annex=True, colophon="cc", filler_lines=16),
    "unsealed-before-annex": Case(layout="letter", seal="none", attachments=2, annex=True, colophon="cc", filler_lines=17),
}
SHORT_ON_PURPOSE = ("sealed-before-annex", "unsealed-before-annex")
FAULTS = [  # (fault, good letter, edit, the rule that must reject it)
    ("split-attachment-note", "attachments", page_break_before("lkAttachmentNote", 1), "attachment-note-page"),
    ("signature-page-without-body", "long", page_break_before("lkSignature"), "signature-with-body"),
    ("head-element-hidden", "one-mark", same_frame_as_the_mark, "head-elements"),
    ("colophon-not-at-the-foot", "attachments", colophon_at_the_top, "colophon-foot"),
    ("hole-before-a-page", "long", page_break_before("lkHeading1", 0), "page-fill"),
    ("page-short-for-no-reason", "four-pages", blank_lines_before("lkBody", 30, 2), "lines-per-page"),
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    require_soffice()
    root = tmp_path_factory.mktemp("faults")
    good = {key: docx for key, (docx, _) in zip(GOOD, build_all(root, list(GOOD.values())).values())}
    broken = {fault: edit(good[base], root / f"{fault}.docx", change) for fault, base, change, _ in FAULTS}
    results = check_documents(list(good.values()) + list(broken.values()))
    status = lambda path: {r.code: r.status for r in results[path]}
    return {key: status(path) for key, path in {**good, **broken}.items()}


@pytest.mark.parametrize("fault, base, change, rule", FAULTS, ids=[f[0] for f in FAULTS])
def test_the_rule_rejects_the_broken_letter_and_passes_the_good_one(checked, fault, base, change, rule):
    assert checked[fault][rule] == "fail", checked[fault]
    assert checked[base][rule] == "pass", checked[base]


def test_the_good_letters_pass_every_rule(checked):
    for key in GOOD:
        assert "fail" not in checked[key].values(), (key, checked[key])


@pytest.mark.parametrize("key", SHORT_ON_PURPOSE)
def test_a_page_ending_short_at_the_sign_off_passes_line_count_and_margin(checked, key):
    """The 署名's page is not the last (an attachment follows) and holds fewer lines: blank
    lines before the 署名 and the 附注 are not missing lines."""
    assert checked[key]["lines-per-page"] == "pass" and checked[key]["margin-bottom"] == "pass", checked[key]
