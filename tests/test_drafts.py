"""Every draft in drafts/ (one per layout among them) built, rendered by LibreOffice in one run,
and measured: what CI does with `build --pdf` and `check --render`."""

from pathlib import Path

import docx
import pdfplumber
import pytest

from letterkit.build import build_draft
from letterkit.measure import MM, read_lines, red_shapes
from letterkit.pagecheck import check_pdf
from letterkit.pdf import to_pdf

from conftest import REPO, require_soffice

DRAFTS = sorted((REPO / "drafts").rglob("*.yaml"))
PITCH = 579 / 20 * MM


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    require_soffice()
    out = tmp_path_factory.mktemp("drafts")
    built = [build_draft(d, output=out).output for d in DRAFTS]
    return dict(zip((d.stem for d in DRAFTS), zip(built, to_pdf(built, out))))


def test_the_drafts_cover_every_layout():
    layouts = {docx_layout(d) for d in DRAFTS}
    assert layouts == {"letter", "general", "plain"}


def docx_layout(draft: Path) -> str:
    text = draft.read_text(encoding="utf-8")
    for name in ("general", "plain"):
        if f"layout: {name}" in text:
            return name
    return "letter"


@pytest.mark.parametrize("name", [d.stem for d in DRAFTS])
def test_every_draft_passes_check_render(rendered, name):
    docx_path, pdf_path = rendered[name]
    assert docx.Document(str(docx_path)).paragraphs  # python-docx reopens it
    failed = [str(r) for r in check_pdf(pdf_path) if r.status == "fail"]
    assert not failed


def test_general_layout_head_and_colophon(rendered):
    _, pdf_path = rendered["jiaoyu-TA20240018"]
    results = {r.code: r.status for r in check_pdf(pdf_path)}
    for code in ("general-letterhead-top", "general-rule", "general-rule-gap", "colophon-rules", "colophon-bottom"):
        assert results[code] == "pass", code
    first = read_lines(pdf_path)[0]
    assert [l.compact for l in first[:3]] == ["000012", "秘密★1年", "加急"]  # 份号, 密级, 紧急程度 on lines 1–3
    assert all(abs(l.x0 - 28) < 0.5 for l in first[:3])
    number = next(l for l in first if l.compact.startswith("福教"))
    assert "签发人" in number.compact and number.compact.endswith("张建国")


def test_attachment_on_its_own_page_label_on_line_one_title_on_line_three(rendered):
    _, pdf_path = rendered["jiaoyu-TA20240018"]
    last = read_lines(pdf_path)[-1]
    label, title = last[0], last[1]
    assert label.compact == "附件" and label.size == 16
    assert abs((label.top - 37) / PITCH - 0.2) < 0.3          # line 1
    assert title.size == 22 and 1.8 < (title.top - 37) / PITCH < 2.4   # line 3
    assert abs((title.x0 + title.x1) / 2 - 106) < 1          # centred


def seal_and_lines(pdf_path):
    with pdfplumber.open(str(pdf_path)) as pdf:
        for number, page in enumerate(pdf.pages):
            if page.images:
                image = page.images[0]
                return ({k: image[k] * MM for k in ("x0", "x1", "top", "bottom")}, read_lines(pdf_path)[number])
    raise AssertionError("no seal image")


@pytest.mark.parametrize("name", ["zhujian-JY20240056", "jiaoyu-TA20240018"])
def test_seal_centred_on_the_date_within_one_line_of_the_body(rendered, name):
    seal, lines = seal_and_lines(rendered[name][1])
    date = next(l for l in lines if l.compact.endswith("日") and l.compact[:4].isdigit())
    signature_index = lines.index(date) - 1
    body_above = lines[signature_index - 1]
    assert abs((seal["x0"] + seal["x1"]) / 2 - (date.x0 + date.x1) / 2) <= 1
    assert 0 <= seal["top"] - body_above.bottom <= PITCH  # its top within one line of the body
    assert seal["top"] < lines[signature_index].top and seal["bottom"] > date.bottom  # over signature and date


def test_plain_layout_has_no_red_and_numbers_page_one(rendered):
    _, pdf_path = rendered["review-JY20240056-plain"]
    assert not red_shapes(pdf_path, 1)
    first = read_lines(pdf_path)[0]
    assert not any(l.red for l in first)
    assert any(l.compact == "—1—" for l in first)
