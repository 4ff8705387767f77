"""Every 版头 combination: letters generated from a covering design over the three layouts ×
seal / no seal / joint issuance × 份号, 密级, 紧急程度 (none, each alone, all) × 签发人 × 类别 ×
公开属性 × 附件说明 (none, one, several) × attachment pages × 抄送 / 印发 / both / none × 答复函 /
会办意见函.  Each builds, renders, passes `check --render` (with the .docx, so nothing the
.docx holds may be missing from the PDF), and shows each element it was given at the place
GB/T 9704 puts it, measured on the PDF.

The full product is 17 280 letters (about two hours here), too many even for CI: by default
every pair of factor values appears in some letter (pairwise); CI=true covers every triple.
"""

from __future__ import annotations

import time

import pytest

from letterkit import measure
from letterkit.pagecheck import check_pdf

from conftest import require_soffice
from lettergen import (ANNEX_TITLE, ATTACHMENT_NAMES, CATEGORY, CC, CI, CO_SIGNER, COPY_NUMBER, DATE, DISCLOSURE,
                       number_of, ORGAN, PRINT_DATE, PRINTER, SECRECY, SIGNER, URGENCY, as_case, build_all, covering)

FACTORS = {
    "layout": ["letter", "general", "plain"],
    "marks": [(), ("copyno",), ("secrecy",), ("urgency",), ("copyno", "secrecy", "urgency")],
    "colophon": ["none", "cc", "printer", "both"],
    "seal": ["seal", "none", "joint"],
    "attachments": [0, 1, 3],
    "signer": [False, True],
    "category": [False, True],
    "disclosure": [False, True],
    "annex": [False, True],
    "template": ["reply", "cohandling"],
}
STRENGTH = 3 if CI else 2

LEFT, RIGHT, TOP, BOTTOM = 28, 184, 37, 262  # the 版心 (mm from the paper's top-left corner)
CHAR = 156 / 28                              # one 3号 character
PITCH = 225 / 22


def matrix():
    return [as_case(row) for row in covering(FACTORS, STRENGTH)]


def test_the_design_covers_every_value_pair():
    cases = matrix()
    names = list(FACTORS)
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            seen = {(getattr(c, names[a]), getattr(c, names[b])) for c in cases}
            assert len(seen) == len(FACTORS[names[a]]) * len(FACTORS[names[b]]), (names[a], names[b])


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    require_soffice()
    cases = matrix()
    started = time.perf_counter()
    built = build_all(tmp_path_factory.mktemp("matrix"), cases)
    print(f"\nmatrix: {len(cases)} letters built and rendered in {time.perf_counter() - started:.1f} s")
    return built


class Printed:
    """Where a text sits in the PDF: page, top, bottom, left and right edge of the text itself
    (not of the line it shares with other frames)."""

    def __init__(self, pdf):
        self.pages = measure.read_pdf(pdf)

    def find(self, text: str, page: int | None = None) -> list[tuple]:
        found = []
        for data in self.pages:
            if page is not None and data.number != page:
                continue
            for line in data.lines:
                at = line.compact.find(text)
                if at >= 0 and len(line.spans) >= at + len(text):
                    found.append((data.number, line.top, line.bottom, line.spans[at][0], line.spans[at + len(text) - 1][1], line))
        return found

    def one(self, text: str, page: int | None = None) -> tuple:
        found = self.find(text, page)
        assert found, f"“{text}” is not in the PDF" + (f" on page {page}" if page else "")
        return found[0]


def near(value, want, tolerance=1.5):
    return abs(value - want) <= tolerance


def expectations(case, printed: Printed) -> list[str]:
    """Each element the case was given, at its place; returns what is wrong."""
    wrong = []
    check = lambda ok, message: ok or wrong.append(message)
    pages = printed.pages
    last = len(pages)
    date = printed.one(DATE)
    # nothing off the paper
    for data in pages:
        for line in data.lines:
            check(0 <= line.x0 and line.x1 <= data.width and 0 <= line.top and line.bottom <= data.height,
                  f"“{line.text[:8]}” off the page")
    if case.layout in ("letter", "general"):
        organ = printed.one(ORGAN, 1)
        check(organ[5].red, "发文机关标志 not red")
        want_top = 30 if case.layout == "letter" else TOP + 35
        check(near(organ[1], want_top, 3), f"发文机关标志 top {organ[1]:.1f}, want ≈ {want_top}")
        number = printed.one(number_of(case), 1)
        check(organ[2] < number[1] < organ[2] + 25, f"发文字号 at {number[1]:.1f}, not under the 标志")
        if case.layout == "letter":
            check(near(number[4], RIGHT), f"信函格式发文字号 right edge {number[4]:.1f}, want {RIGHT}")
        elif case.signer:
            check(near(number[3], LEFT + CHAR), f"发文字号 left edge {number[3]:.1f}, want {LEFT + CHAR:.1f}")
            signer = printed.one("签发人：" + SIGNER, 1)
            check(near(signer[4], RIGHT - CHAR) and near(signer[1], number[1], 0.5), "签发人 not right on the number's line")
        else:
            check(near((number[3] + number[4]) / 2, (LEFT + RIGHT) / 2), "通用格式发文字号 not centred")
    else:
        number = None
    tops = []
    for mark, text in (("copyno", COPY_NUMBER), ("secrecy", SECRECY), ("urgency", URGENCY)):
        if mark in case.marks:
            found = printed.one(text, 1)
            check(near(found[3], LEFT), f"{text} left edge {found[3]:.1f}, want {LEFT}")
            tops.append(found[1])
    check(tops == sorted(tops) and len(set(round(t) for t in tops)) == len(tops), "份号、密级、紧急程度 not one a line, in order")
    if tops and case.layout == "letter":
        check(near(tops[0], number[1], 0.5), "信函格式: the first mark is not on the 发文字号's line")
    if tops and case.layout != "letter":
        check(near(tops[0], TOP + 2, 2), f"first mark at {tops[0]:.1f}, want the 版心's first line")
    if case.category:
        category = printed.one(CATEGORY, 1)
        check(near(category[4], RIGHT), "类别 not at the right")
        if number:
            check(near(category[1], number[1] + PITCH, 1), f"类别 at {category[1]:.1f}, want one line under the number")
    title = "会办意见" if case.template == "cohandling" else "答复"
    check(any(title in l.compact and l.size == 22 for l in pages[0].lines), f"标题 with “{title}” not on page 1")
    signatures = printed.find(ORGAN, date[0])
    check(any(s[2] <= date[1] + 0.5 and s[1] > date[1] - 3 * PITCH for s in signatures), "署名 not just above the 成文日期")
    if case.seal == "joint":
        co = printed.find(CO_SIGNER, date[0])
        check(any(s[1] < date[1] for s in co), "联合发文机关署名 missing above the date")
    if case.disclosure:
        notice = printed.one(DISCLOSURE)
        check(notice[0] == date[0] and notice[1] > date[1] and near(notice[3], LEFT + 2 * CHAR), "公开属性 not under the date, 左空二字")
    if case.attachment_count:
        first = printed.one("附件：" + ("1." if case.attachment_count > 1 else "") + ATTACHMENT_NAMES[0][:6])
        check(first[0] == date[0] and first[1] < date[1] - 2 * PITCH, "附件说明 not above the 署名 on its page")
        check(near(first[3], LEFT + 2 * CHAR), "附件说明 not 左空二字")
        for n in range(2, case.attachment_count + 1):
            item = printed.one(f"{n}.{ATTACHMENT_NAMES[n - 1][:6]}")
            check(item[0] == first[0] and item[1] > first[1], f"附件说明 item {n} not under item 1 on its page")
    if case.annex:
        label = printed.find("附件1" if case.attachment_count > 1 else "附件")
        label = [l for l in label if l[0] > date[0] and l[5].compact in ("附件", "附件1")]
        check(bool(label) and near(label[0][1], TOP + 2, 2) and near(label[0][3], LEFT), "附件 label not on line 1 of a page of its own")
        check(bool(printed.find(ANNEX_TITLE[:8])), "附件 title missing")
    colophon = []
    if case.has_cc:
        colophon.append(printed.one(CC[:8]))
    if case.has_printer and case.layout == "letter":  # 10.1: the 信函格式's 版记 has no 印发 (lint says so)
        check(not printed.find(PRINTER) and not printed.find(PRINT_DATE), "印发机关/印发日期 printed in a 信函格式 版记")
    elif case.has_printer:
        printer = printed.one(PRINTER)
        when = printed.one(PRINT_DATE)
        check(near(printer[1], when[1], 0.5) and near(when[4], RIGHT - 14 / 16 * CHAR), "印发机关 and 印发日期 not on one line, 右空一字")
        colophon.append(printer)
    if colophon:
        check(all(c[0] == last for c in colophon), "版记 not on the last page")
        check(max(c[2] for c in colophon) > BOTTOM - PITCH, "版记 not at the foot of the last page")
        check(all(c[5].size == 14 for c in colophon), "版记 not 4号")
    return wrong


def test_every_combination_renders_every_element_at_its_place(letters):
    failures = {}
    for case, (docx, pdf) in letters.items():
        problems = [str(r) for r in check_pdf(pdf, docx=docx) if r.status == "fail"]
        try:
            problems += expectations(case, Printed(pdf))
        except AssertionError as error:
            problems.append(str(error))
        if problems:
            failures[case.name] = problems
    assert not failures, f"{len(failures)}/{len(letters)} letters wrong:\n" + "\n".join(
        f"{name}: {'；'.join(p)}" for name, p in failures.items())


def test_the_letter_with_one_mark_shows_its_document_number(letters):
    """The defect of issue 11: 信函格式, one of 份号/密级/紧急程度 and a 发文字号 in adjacent frames
    with identical properties, which Word and LibreOffice join into one frame hiding the number."""
    singles = [(case, pdf) for case, (docx, pdf) in letters.items() if case.layout == "letter" and len(case.marks) == 1]
    assert {case.marks for case, _ in singles} == {("copyno",), ("secrecy",), ("urgency",)}
    for case, pdf in singles:
        assert Printed(pdf).find(number_of(case), 1), case.name
