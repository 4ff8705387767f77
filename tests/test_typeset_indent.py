"""A page that indents every paragraph (首行缩进 copied as two full-width spaces) indents its headings the same:
heading-leading-space reports a heading only when it stands further in than the letter's prose; and lone-dash
leaves a route (沙朗—普吉客运班线) alone.  Generated over indents, heading shapes and letter lengths."""

import itertools

import pytest

from letterkit import proof

PROSE = ["您提出的《关于加强校园周边交通安全的提案》收悉，现答复如下：",
         "近年来，我局会同区公安分局持续开展校园周边交通秩序整治，共设置护学岗42个，施划减速标线3.6公里。",
         "下一步，我局将继续加大巡查力度，完善上下学高峰时段的疏导措施，确保学生出行安全。",
         "感谢您对交通运输工作的关心和支持！"]
HEADINGS = ["一、加强组织领导", "（二）完善工作机制", "三、强化督促检查"]
INDENTS = {"none": "", "one space": " ", "two spaces": "  ", "two full-width": "\u3000\u3000", "tab": "\t",
           "four spaces": "    ", "four full-width": "\u3000\u3000\u3000\u3000"}


def _width(space):
    return sum(2 if ch == "\u3000" else 4 if ch == "\t" else 1 for ch in space)


def _letter(prose_indent, heading_indent, paragraphs):
    lines = ["张三委员："]
    for k in range(paragraphs):
        lines.append(heading_indent + HEADINGS[k % len(HEADINGS)])
        lines.append(prose_indent + PROSE[k % len(PROSE)])
    return list(enumerate(lines, start=1))


@pytest.mark.parametrize("prose, heading, paragraphs",
                         list(itertools.product(INDENTS, INDENTS, (1, 3))))
def test_a_heading_is_reported_only_when_it_stands_further_in_than_the_prose(prose, heading, paragraphs):
    lines = _letter(INDENTS[prose], INDENTS[heading], paragraphs)
    raised = [f for f in proof.import_findings(lines) if f.code == "heading-leading-space"]
    heading_width, prose_width = _width(INDENTS[heading]), _width(INDENTS[prose])
    expected = heading_width >= 2 and heading_width > prose_width  # one space: a page break's trace, never reported
    assert bool(raised) == expected, (prose, heading, [f.message for f in raised])
    if expected:
        assert len(raised) == paragraphs and all(lines[f.line - 1][1].strip().startswith(tuple("一（三")) for f in raised)


def test_a_heading_pushed_in_among_mostly_flush_prose_is_still_reported():
    lines = _letter("", "", 3)
    lines[3] = (lines[3][0], "\u3000\u3000" + lines[3][1])  # one heading pushed in, the rest flush
    raised = [f for f in proof.import_findings(lines) if f.code == "heading-leading-space"]
    assert [f.line for f in raised] == [lines[3][0]]


# -- lone-dash: a route between two places ----------------------------------------------------------

from conftest import MINIMAL_DRAFT  # noqa: E402


def _check(tmp_path, sentence):
    from letterkit.checkrun import check_paths
    from letterkit.project import open_project

    draft = tmp_path / "d.yaml"
    draft.write_text(MINIMAL_DRAFT.replace("每日巡查校园周边。", sentence), encoding="utf-8")
    return [p for p in check_paths([draft], open_project(draft))[draft] if p.code == "lone-dash"]


@pytest.mark.parametrize("route", ["沙朗—普吉客运班线", "城区—机场快速路", "马街—安宁公交线路", "青龙—白虎旅游专线",
                                   "汇川—播州公路", "东站—西湖通道"])
@pytest.mark.parametrize("shape", ["开通{}1条，投入新能源车辆6辆。", "{}已于今年5月通车。"])
def test_a_route_from_one_place_to_another_is_no_short_dash(tmp_path, route, shape):
    assert not _check(tmp_path, shape.format(route))


@pytest.mark.parametrize("slip", ["这是一项长期任务—需要持续推进。", "今年我们承担的这项重要任务—全面推进垃圾分类工作。",
                                  "智能时代与知识产权—2019年论坛如期举办。"])
def test_a_dash_typed_short_in_a_sentence_is_still_reported(tmp_path, slip):
    assert _check(tmp_path, slip)
