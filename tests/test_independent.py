"""A second opinion on the PDFs from a different program: poppler's pdftotext (not pdfplumber,
not letterkit's measure.py), on letters and offsets drawn at random (fixed seed) from the full
product rather than from the matrix's design or the sweep's steps."""

from __future__ import annotations

import itertools
import random
import re
import shutil
import subprocess
from html import unescape

import pytest

from conftest import require_soffice
from lettergen import ATTACHMENT_NAMES, CC, COPY_NUMBER, DATE, number_of, SECRECY, URGENCY, Case, build_all
from test_matrix import FACTORS

MM = 25.4 / 72
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD = re.compile(r"<word [^>]*>(.*?)</word>", re.S)


def poppler_lines(pdf) -> list[tuple[int, float, float, float, str]]:
    """(page, top, left, right in mm, text without spaces) of every line pdftotext finds."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for x0, y0, x1, _, body in LINE.findall(page):
            text = "".join(unescape(w) for w in WORD.findall(body))
            lines.append((number, float(y0) * MM, float(x0) * MM, float(x1) * MM, "".join(text.split())))
    return lines


def drawn(count: int, seed: int = 11) -> list[Case]:
    product = list(itertools.product(*FACTORS.values()))
    rows = random.Random(seed).sample(product, count)
    cases = [Case(**dict(zip(FACTORS, row))) for row in rows]
    offsets = random.Random(seed + 1).sample(range(1, 45), 4)
    cases += [Case(layout="plain", seal="none", attachments=2, colophon="both", filler_lines=n) for n in offsets]
    cases += [Case(layout="letter", marks=(mark,)) for mark in ("copyno", "secrecy", "urgency")]
    return cases


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    require_soffice()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return build_all(tmp_path_factory.mktemp("independent"), drawn(8))


def test_poppler_sees_every_element_where_it_belongs(letters):
    failures = []
    for case, (_, pdf) in letters.items():
        lines = poppler_lines(pdf)
        last = max(line[0] for line in lines)
        where = lambda text: [line for line in lines if text in line[4]]
        date = where(DATE)
        if not date:
            failures.append(f"{case.name}: no 成文日期")
            continue
        if case.layout != "plain":
            number = where(number_of(case))
            if not number or number[0][0] != 1:
                failures.append(f"{case.name}: no 发文字号 on page 1")
        for mark, text in (("copyno", COPY_NUMBER), ("secrecy", SECRECY), ("urgency", URGENCY)):
            if mark in case.marks and not any(line[0] == 1 for line in where(text)):
                failures.append(f"{case.name}: no {text} on page 1")
        if case.attachment_count:
            pages = {line[0] for name in ATTACHMENT_NAMES[:case.attachment_count] for line in where(name[:10])
                     if line[0] <= date[0][0]}
            if pages != {date[0][0]}:
                failures.append(f"{case.name}: 附件说明 on pages {sorted(pages)}, 署名 on page {date[0][0]}")
        if case.has_cc:
            cc = where(CC[:6])
            if not cc or cc[-1][0] != last or cc[-1][1] < 262 - 3 * 225 / 22:
                failures.append(f"{case.name}: 抄送 not at the foot of page {last}")
        for page, top, x0, x1, text in lines:
            if x0 < 0 or x1 > 210 or top < 0 or top > 297:
                failures.append(f"{case.name}: “{text[:8]}” off page {page}")
    assert not failures, "\n".join(failures)
