"""Page breaks that hold at every offset: the end of the text moves down one line at a time
across two full pages (the closing paragraph grows by 28 characters a step), and at every
offset the 附件说明 stays on one page, the 署名's page carries body text (7.3.5.5), 署名, 成文日期
and 附注 stay together, the 版记 sits at the last page's foot, page numbers run on, and no page
the text runs on from has a hole (`check --render` passes, page-fill included).

By default a sample (every fourth offset, one configuration per layout); CI=true sweeps all
offsets of every layout with and without seal and attachments.
"""

from __future__ import annotations

import time

import pytest

from letterkit import measure
from letterkit.pagecheck import check_pdf

from conftest import require_soffice
from lettergen import ATTACHMENT_NAMES, CI, DATE, Case, build_all

LAYOUTS = ("letter", "general", "plain")
OFFSETS = range(1, 45)  # two full pages of 22 lines


def configurations():
    for layout in LAYOUTS:
        for seal in ("seal", "none"):
            yield Case(layout=layout, seal=seal, attachments=2, colophon="both")
            yield Case(layout=layout, seal=seal, attachments=0, colophon="cc", disclosure=True)


def sweep_cases() -> list[Case]:
    if CI:
        return [Case(**{**c.__dict__, "filler_lines": n}) for c in configurations() for n in OFFSETS]
    sample = [Case(layout="letter", seal="seal", attachments=2, colophon="cc"),
              Case(layout="general", seal="none", attachments=0, colophon="both", disclosure=True),
              Case(layout="plain", seal="none", attachments=2, colophon="both")]
    return [Case(**{**c.__dict__, "filler_lines": n}) for i, c in enumerate(sample) for n in OFFSETS if n % 4 == i]


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    require_soffice()
    cases = sweep_cases()
    started = time.perf_counter()
    letters = build_all(tmp_path_factory.mktemp("sweep"), cases)
    print(f"\nsweep: {len(cases)} letters built and rendered in {time.perf_counter() - started:.1f} s")
    return letters


def _problems(case: Case, docx, pdf) -> list[str]:
    """What a reader sees wrong on the printed pages, measured here rather than by pagecheck."""
    pages = measure.read_pdf(pdf)
    lines = [l for page in pages for l in page.lines]
    found = []
    find = lambda text: [l for l in lines if text in l.compact]
    dates = [l for l in lines if l.compact == DATE and l.size == 16]
    if len(dates) != 1:
        return [f"成文日期出现 {len(dates)} 次"]
    date = dates[0]
    if case.attachments:
        first, second = find("附件：1."), find("2." + ATTACHMENT_NAMES[1])
        if not first or not second or first[0].page != second[0].page:
            found.append("附件说明跨页")
        elif first[0].page != date.page:
            found.append("附件说明和署名不在同一页")
    on_date_page = [l for l in pages[date.page - 1].lines if l.top < date.top and l.size == 16]
    body = [l for l in on_date_page if l.x0 < 28 + 2 * 5.6 + 1 and not l.compact.startswith("附件：")]
    if not body:
        found.append(f"第 {date.page} 页（署名页）没有正文")
    signature = [l for l in on_date_page if l.bottom > date.top - 12 and l.x0 > 60]
    if not signature:
        found.append("署名不在成文日期上方同一页")
    notes = find("联系人：") + (find("此件公开发布") if case.disclosure else [])
    if any(n.page != date.page for n in notes):
        found.append("附注和成文日期不在同一页")
    colophon = [l for l in lines if l.size == 14 and (l.compact.startswith("抄送") or l.compact.endswith("印发"))]
    if colophon and (any(l.page != len(pages) for l in colophon) or max(l.bottom for l in colophon) < 262 - 10.2):
        found.append("版记不在末页下端")
    for page in pages:
        numbers = [l.compact for l in page.lines if l.compact.startswith("—")]
        if page.number == 1 and case.layout == "letter":
            continue
        if numbers != [f"—{page.number}—"]:
            found.append(f"第 {page.number} 页页码是 {numbers}")
    return found


def test_pagination_holds_at_every_offset(swept):
    failures = {}
    for case, (docx, pdf) in swept.items():
        problems = _problems(case, docx, pdf)
        problems += [str(r) for r in check_pdf(pdf, docx=docx) if r.status == "fail"]
        if problems:
            failures[case.name] = problems
    assert not failures, "\n".join(f"{name}: {'；'.join(p)}" for name, p in failures.items())


def test_the_sweep_moves_the_end_one_line_per_step(swept):
    """The sweep is honest only if each step moves the 成文日期 one grid line (or to the next page)."""
    by_config: dict = {}
    for case, (docx, pdf) in swept.items():
        pages = measure.read_pdf(pdf)
        date = next(l for page in pages for l in page.lines if l.compact == DATE)
        key = Case(**{**case.__dict__, "filler_lines": 0})
        by_config.setdefault(key, []).append((case.filler_lines, date.page, date.top))
    for key, dates in by_config.items():
        pages_seen = {page for _, page, _ in dates}
        assert len(pages_seen) >= 2, f"{key.name}: the sweep never crosses a page"
