"""The 落款 and 版记 as printed (issue 11): an unsealed 署名 stands one blank line below the
body (GB/T 9704 7.3.5.2), a sealed one leaves two blank lines for the seal (7.3.5.1 practice);
a 信函格式 letter's 版记 prints no 印发机关 or 印发日期 (10.1), a 通用格式 one does."""

from __future__ import annotations

import pytest

from letterkit import measure

from conftest import require_soffice
from lettergen import ORGAN, PRINT_DATE, PRINTER, Case, build_all

PITCH_MM = 579 / 20 * 25.4 / 72  # one grid line
CASES = {
    "letter-sealed": Case(layout="letter", seal="seal", colophon="both"),
    "letter-unsealed": Case(layout="letter", seal="none", colophon="both"),
    "general-sealed": Case(layout="general", seal="seal", colophon="both"),
    "general-unsealed": Case(layout="general", seal="none", colophon="both"),
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_soffice()
    letters = build_all(tmp_path_factory.mktemp("signoff"), list(CASES.values()))
    return {key: measure.read_pdf(letters[case][1]) for key, case in CASES.items()}


def lines_between_body_and_signature(pages) -> float:
    """Grid lines from the last body line's top to the 署名's top."""
    for page in pages:
        signature = [l for l in page.lines if l.compact == ORGAN and l.x0 > 60]
        if signature:
            above = [l for l in page.lines if l.top < signature[0].top - 1]
            return (signature[0].top - max(l.top for l in above)) / PITCH_MM
    raise AssertionError("no 署名 printed")


@pytest.mark.parametrize("key, lines", [("letter-sealed", 3), ("general-sealed", 3),
                                        ("letter-unsealed", 2), ("general-unsealed", 2)])
def test_signature_stands_below_the_body_by_the_standards_blank_lines(printed, key, lines):
    assert lines_between_body_and_signature(printed[key]) == pytest.approx(lines, abs=0.25)


@pytest.mark.parametrize("key", CASES)
def test_letter_format_colophon_has_no_printer_and_general_has(printed, key):
    text = "".join(l.compact for page in printed[key] for l in page.lines)
    expected = key.startswith("general")
    assert (PRINTER in text) is expected and (PRINT_DATE in text) is expected, key
    assert "抄送" in text
