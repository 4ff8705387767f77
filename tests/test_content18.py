"""Issue 13, round 8: content slips the first look at heldout15/16 missed — a rate restated with its point moved
(覆盖率达98% … 覆盖率由9.8%提升至100%, held-out 505), a figure of three significant digits restated as a bound
with another 万/亿 (累计投入资金2.36亿元 … 确保2.36万元以上的前期投入, 471).  Generated: many rates, figures,
positions and connecting words, and the close correct texts that must stay quiet."""

from __future__ import annotations

import itertools

import pytest

from test_content17 import placed, raised

RATES = ["覆盖率", "入园率", "达标率", "完好率", "参保率", "签约率"]
BEFORE = ["达", "为", "已达", "由", "是"]
FIGURES = [("98", "9.8"), ("9.6", "96"), ("87.5", "8.75"), ("45", "0.45"), ("100", "10")]


@pytest.mark.parametrize("rate,first_word,second_word", list(itertools.product(RATES, BEFORE, ["由", "从", "达到"]))[::3])
@pytest.mark.parametrize("right,wrong", FIGURES)
@pytest.mark.parametrize("apart", [True, False])
def test_a_rate_restated_with_its_point_moved_is_reported(rate, first_word, second_word, right, wrong, apart):
    first = f"截至2024年底，全区中小学心理辅导室{rate}{first_word}{right}%。"
    again = f"今年将为剩余的6所村小配建，实现{rate}{second_word}{wrong}%提升至100%。"
    found = raised("percent-magnitude", *placed(first, again, apart))
    assert len(found) == 1 and f"{wrong}%" in found[0].message and f"{right}%" in found[0].message, found


@pytest.mark.parametrize("first,again", [
    ("全区心理辅导室覆盖率达98%。", "实现覆盖率由98%提升至100%。"),          # the same figure twice
    ("全区心理辅导室覆盖率达98%。", "实现覆盖率由96%提升至100%。"),          # two figures
    ("城区学校入园率达98%。", "农村学校覆盖率为9.8%。"),                    # two rates
    ("全区参保率达98%。", "较上年提高9.8%。"),                              # no rate named
    ("全区签约率为0.98%。", "重点人群签约率为98%。"),                        # ×100 is a finding, and this one …
])
def test_rates_that_are_not_one_figure_stay_quiet(first, again):
    found = raised("percent-magnitude", first, again)
    assert (found != []) == ("0.98%" in first), found


@pytest.mark.parametrize("digits", [("2.36", "亿元", "万元"), ("1.85", "亿元", "万元"), ("13.6", "万元", "亿元"),
                                    ("236", "万元", "亿元")])
@pytest.mark.parametrize("bound", ["以上", "以内", "及以上"])
def test_a_figure_of_three_digits_restated_as_a_bound_with_another_magnitude_is_reported(digits, bound):
    number, said, again = digits
    found = raised("figure-magnitude", f"2019年以来累计投入资金{number}{said}，完成28个城中村雨污分流改造。",
                   f"积极争取上级专项资金，确保{number}{again}{bound}的前期投入成效得到巩固。")
    assert len(found) == 1 and f"{number}{again}" in found[0].message, found


@pytest.mark.parametrize("first,again", [("对年产值40万元以上的企业给予奖励。", "对年产值400万元以上的企业再奖励10万元。"),
                                         ("补助5万元以上的项目。", "补助5亿元以上的项目由市级审批。")])
def test_two_round_bounds_stay_quiet(first, again):
    assert raised("figure-magnitude", first, again) == []
