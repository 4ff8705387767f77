"""The proof of the foundation: the published seed letter, rebuilt from YAML and rendered
by LibreOffice, measured on the PDF.  GB/T 9704 numbers: ../shared/GBT9704.md."""

from __future__ import annotations

import re

import pytest

from conftest import SEED_TEXT
from letterkit.measure import paragraphs, read_lines, red_ink_bands, red_shapes

LEFT, TOP, WIDTH, HEIGHT = 28.0, 37.0, 156.0, 225.0
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
PITCH = 579 / 20 * 25.4 / 72     # mm: one grid line
EM16 = 16 * 25.4 / 72            # mm: one 3号 character
NUMBERED = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")


@pytest.fixture(scope="module")
def pages(seed_pdf):
    return read_lines(seed_pdf)


def body_lines(page):
    return [line for line in page if abs(line.size - 16) < 0.5]


# -- the text, paragraph for paragraph ------------------------------------------------

def published_paragraphs() -> list[str]:
    """The published letter (text taken from its PDF) split into paragraphs.

    Head: the organ line, the title lines up to the salutation, the salutation.  Foot: the
    last three lines (signature, date, contact).  Body: a paragraph starts at a numbered
    heading, or after a sentence end on a line narrower than a full 28-character line
    (the first line of a paragraph is indented two characters)."""
    lines = [l.strip() for l in SEED_TEXT.read_text(encoding="utf-8").splitlines() if l.strip()]
    width = lambda s: sum(0.5 if ord(c) < 128 else 1 for c in s if not c.isspace())
    salutation = next(i for i, l in enumerate(lines) if l.startswith("尊敬的"))
    head = [lines[0], "".join(lines[1:salutation]), lines[salutation]]
    body, foot = lines[salutation + 1:-3], lines[-3:]
    paras: list[str] = []
    for line in body:
        if not paras or NUMBERED.match(line) or (paras[-1].endswith(("。", "：")) and width(line) < 28):
            paras.append(line)
        else:
            paras[-1] += line
    return ["".join(p.split()) for p in head + paras + foot]


def corrected(published: list[str]) -> list[str]:
    """The published text with the three slips that letterkit corrects by construction."""
    fixed = list(published)
    # 1. Under 四 the PDF text has （二）'s first part, then （一）, then （二）'s last sentence.
    second = next(i for i, p in enumerate(fixed) if p.startswith("（二）打造港澳青年"))
    first, tail = fixed[second + 1], fixed[second + 2]
    assert first.startswith("（一）开展“一带一路”") and tail.startswith("国际视野")
    fixed[second:second + 3] = [first, fixed[second] + tail]
    # 2. The contact line is generated from the draft, with full-width brackets on both sides.
    fixed[-1] = fixed[-1].replace("(联系人", "（联系人")
    return fixed


def test_rendered_text_is_the_published_letter_paragraph_for_paragraph(pages):
    ours = paragraphs(pages, LEFT, RIGHT)
    number = "福科创函〔2020〕12号"  # the published text lost its document number; ours has one
    assert ours[1] == number
    del ours[1]
    expected = corrected(published_paragraphs())
    for index, (got, want) in enumerate(zip(ours, expected)):
        assert got == want, f"paragraph {index + 1} differs"
    assert len(ours) == len(expected)


# -- the page ------------------------------------------------------------------------

def test_a_full_page_holds_22_body_lines(pages):
    counts = [len(body_lines(page)) for page in pages[1:-1]]
    # every page of running text holds 22 lines; the page before the signature's may give
    # its last lines to the signature page, which must hold body text (7.3.5.5)
    assert counts[:-1] and set(counts[:-1]) == {22}
    assert 19 <= counts[-1] <= 22


def test_no_body_line_holds_more_than_28_characters(pages):
    lines = [line for page in pages for line in body_lines(page)]
    assert max(line.width_chars for line in lines) <= 28
    assert max(line.x1 for line in lines) <= RIGHT + 0.3  # nothing hangs past the margin
    assert any(line.full_width_chars == 28 for line in lines)  # and a full line does hold 28


def test_no_line_starts_or_ends_with_forbidden_punctuation(pages):
    """避头尾: no line starts with ，。、；：？！”）》 or ends with “（《."""
    for page in pages:
        for line in body_lines(page):
            text = line.text.strip()
            assert text[0] not in "，。、；：？！”）》", text
            assert text[-1] not in "“（《", text


def test_text_block_edges_at_28_and_37_mm(pages):
    page = body_lines(pages[1])
    assert abs(min(line.x0 for line in page) - LEFT) <= 1
    leading = (PITCH - EM16) / 2  # a 16 pt line sits centred in its 28.95 pt grid line
    assert abs(page[0].top - leading - TOP) <= 1
    assert abs(page[-1].bottom + leading - BOTTOM) <= 1
    pitches = [b.top - a.top for a, b in zip(page, page[1:])]
    assert max(pitches) - min(pitches) < 0.1 and abs(pitches[0] - PITCH) < 0.05


def test_page_one_lines_sit_on_the_same_grid_as_page_two(pages):
    title_bottom = max(line.bottom for line in pages[0] if line.size == 22)
    first = [line for line in body_lines(pages[0]) if line.top > title_bottom]  # not the letterhead
    assert len(first) >= 10
    grid_top = body_lines(pages[1])[0].top
    for line in first:
        offset = (line.top - grid_top) / PITCH
        assert abs(offset - round(offset)) < 0.02, line.text


def page_number(page):
    found = [line for line in page if line.size < 15 and "—" in line.text]
    return found[0] if found else None


def test_page_numbers_even_left_odd_right_none_on_page_one(pages):
    assert page_number(pages[0]) is None
    even, odd = page_number(pages[1]), page_number(pages[2])
    assert "".join(even.text.split()) == "—2—" and "".join(odd.text.split()) == "—3—"
    one_char = 14 * 25.4 / 72
    assert abs(even.x0 - (LEFT + one_char)) <= 1
    assert abs(odd.x1 - (RIGHT - one_char)) <= 1
    assert even.size == odd.size == 14
    assert BOTTOM < even.top < BOTTOM + 10  # under the text block


def test_body_is_16_pt_and_title_22_pt(pages):
    sizes = {line.size for page in pages for line in page}
    title = [line for line in pages[0] if line.text.startswith("关于对")]
    assert title and title[0].size == 22
    assert {line.size for line in pages[1] if "—" not in line.text} == {16}
    assert sizes <= {26, 22, 16, 14}  # letterhead, title, body, page number


# -- the 信函格式 letterhead -----------------------------------------------------------

def test_letterhead_double_rules_are_red_170_mm_and_placed(seed_pdf):
    shapes = sorted(red_shapes(seed_pdf, 1), key=lambda s: s["top"])
    assert len(shapes) == 4
    for shape in shapes:
        assert abs(shape["width"] - 170) < 0.1 and abs(shape["x0"] - 21) < 0.1  # centred on the 版心
    upper_thick, upper_thin, lower_thin, lower_thick = shapes
    assert upper_thick["height"] > upper_thin["height"]   # 上粗下细
    assert lower_thick["height"] > lower_thin["height"]   # 上细下粗
    assert abs(lower_thick["top"] + lower_thick["height"] - (297 - 20)) < 0.2
    assert not red_shapes(seed_pdf, 2)  # page 1 only


def test_organ_name_30_mm_from_the_top_and_rule_4_mm_under_it(seed_pdf, pages):
    bands = red_ink_bands(seed_pdf, 1)
    organ_top, organ_bottom = bands[0]
    assert abs(organ_top - 30) <= 1
    rule_top = sorted(red_shapes(seed_pdf, 1), key=lambda s: s["top"])[0]["top"]
    assert abs(rule_top - organ_bottom - 4) <= 1
    organ = next(line for line in pages[0] if line.text.replace(" ", "") == "深圳市福田区科技创新局")
    assert abs((organ.x0 + organ.x1) / 2 - (LEFT + WIDTH / 2)) <= 1  # centred


def test_document_number_under_the_rule_at_the_right_and_title_two_lines_below(seed_pdf, pages):
    upper_thin = sorted(red_shapes(seed_pdf, 1), key=lambda s: s["top"])[1]
    rule_bottom = upper_thin["top"] + upper_thin["height"]
    number = next(line for line in pages[0] if line.text.startswith("福科创函"))
    assert abs(number.x1 - RIGHT) <= 0.5
    assert abs(number.top - rule_bottom - 4.94) <= 1.5  # 7/8 of a 3号 character
    title = next(line for line in pages[0] if line.size == 22)
    line_mm = 16 * 25.4 / 72 * (1 + 7 / 8)  # one 行
    assert 2 * line_mm <= title.top - number.bottom <= 3 * line_mm
