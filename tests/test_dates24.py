"""Check, round 11 (dev15): a day in the body that does not exist (相关工程已于2024年11月31日前全部完工, 934), a date
and the weekday written after it that disagree (2024年3月15日（星期四）, a Friday: 936), and the formula that hands
over the reply naming the other kind (现将建议办理情况答复如下 in a reply to a 提案, 884).  Each a generated family of
slips found and of the close shapes kept quiet."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from letterkit.checkrun import check_paths
WEEKDAYS = "一二三四五六日"  # Monday first, as date.weekday() counts
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT, make_project
from imported import sample

SIGNED = dt.date(2024, 5, 6)  # MINIMAL_DRAFT's date


def found(tmp_path, text: str, code: str, kind: str = "提案") -> list:
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", text)
    if kind == "建议":
        draft = draft.replace("kind: 提案", "kind: 建议").replace("校园安全的提案", "校园安全的建议")
    root = make_project(tmp_path, {"drafts/d.yaml": draft})
    path = root / "drafts" / "d.yaml"
    return [p for p in check_paths([path], open_project(root))[path] if p.code == code]


# -- a day that does not exist ------------------------------------------------------------------------------------

NO_DAY = [(2024, 11, 31), (2024, 4, 31), (2023, 6, 31), (2025, 9, 31), (2024, 2, 30), (2023, 2, 29), (2025, 2, 29),
          (2024, 2, 31), (2024, 1, 32), (2023, 12, 0)]
SENTENCES = ["相关工程已于{d}前全部完工并通过验收。", "定于{d}召开项目推进会。", "{d}，我局组织召开了专题会议。",
             "申报时间为即日起至{d}。"]


@pytest.mark.parametrize("day,sentence", sample(list(itertools.product(NO_DAY, SENTENCES)), 2))
def test_a_day_that_does_not_exist_is_found(tmp_path, day, sentence):
    year, month, d = day
    written = f"{year}年{month}月{d}日"
    hits = found(tmp_path, sentence.format(d=written), "date-not-exist")
    assert len(hits) == 1 and written in hits[0].message, [h.message for h in hits]
    assert hits[0].severity == "error"


@pytest.mark.parametrize("month,day", [(11, 31), (4, 31), (2, 30), (6, 31)])
def test_a_day_without_its_year_that_no_year_has_is_found(tmp_path, month, day):
    assert found(tmp_path, f"定于{month}月{day}日召开项目推进会。", "date-not-exist")


REAL_DAY = [(2024, 11, 30), (2024, 4, 30), (2024, 2, 29), (2023, 2, 28), (2024, 12, 31), (2000, 2, 29), (2025, 1, 31)]


@pytest.mark.parametrize("day,sentence", sample(list(itertools.product(REAL_DAY, SENTENCES)), 2))
def test_a_day_that_exists_is_quiet(tmp_path, day, sentence):
    year, month, d = day
    assert not found(tmp_path, sentence.format(d=f"{year}年{month}月{d}日"), "date-not-exist")


@pytest.mark.parametrize("text", ["定于2月29日召开项目推进会。",  # no year: a leap year's day
                                  "2023年1—11月30日前累计完成投资2.1亿元。",  # a span of months
                                  "2024年1-11月31个项目完成投资。", "全区共有31个小区，11月31个项目开工。",
                                  "13月32日"])
def test_what_is_no_date_is_quiet(tmp_path, text):
    assert not found(tmp_path, text, "date-not-exist")


def test_the_year_decides_a_29th_of_february(tmp_path):
    assert found(tmp_path, "1900年2月29日", "date-not-exist")  # (a century not a leap year)
    assert not found(tmp_path, "2000年2月29日", "date-not-exist")


# -- a weekday that is not the date's -------------------------------------------------------------------------------

DATES = [dt.date(2024, 3, 15), dt.date(2023, 12, 31), dt.date(2024, 2, 29), dt.date(2024, 4, 1), dt.date(2022, 7, 3)]
FORMS = ["（星期{w}）", "（周{w}）", "(周{w})", "星期{w}", "（礼拜{w}）"]


def _weekday(day: dt.date, shift: int = 0) -> str:
    return WEEKDAYS[(day.weekday() + shift) % 7]


@pytest.mark.parametrize("day,form,shift", sample(list(itertools.product(DATES, FORMS, range(1, 7))), 5))
def test_a_weekday_that_is_not_the_dates_is_found(tmp_path, day, form, shift):
    written = f"{day.year}年{day.month}月{day.day}日" + form.format(w=_weekday(day, shift))
    hits = found(tmp_path, f"我局定于{written}召开座谈会。", "date-weekday")
    assert len(hits) == 1, [h.message for h in found(tmp_path, written, "date-weekday")]
    assert f"星期{_weekday(day)}" in hits[0].message and hits[0].severity == "error"  # computed, not guessed


@pytest.mark.parametrize("day,form", sample(list(itertools.product(DATES, FORMS)), 2))
def test_the_dates_own_weekday_is_quiet(tmp_path, day, form):
    written = f"{day.year}年{day.month}月{day.day}日" + form.format(w=_weekday(day))
    assert not found(tmp_path, f"我局定于{written}召开座谈会。", "date-weekday")


@pytest.mark.parametrize("sunday", ["日", "天"])
def test_sunday_is_written_two_ways(tmp_path, sunday):
    assert not found(tmp_path, f"2023年12月31日（星期{sunday}）", "date-weekday")
    assert found(tmp_path, f"2023年12月30日（星期{sunday}）", "date-weekday")


@pytest.mark.parametrize("month,day", [(3, 15), (1, 10), (4, 30), (12, 28)])
def test_a_date_without_its_year_is_read_in_the_letters_year_or_the_one_before(tmp_path, month, day):
    this, last = dt.date(SIGNED.year, month, day), dt.date(SIGNED.year - 1, month, day)
    for shown in {_weekday(this), _weekday(last)}:
        assert not found(tmp_path, f"{month}月{day}日（星期{shown}）召开座谈会。", "date-weekday")
    wrong = next(w for w in WEEKDAYS if w not in (_weekday(this), _weekday(last)))
    assert found(tmp_path, f"{month}月{day}日（星期{wrong}）召开座谈会。", "date-weekday")


@pytest.mark.parametrize("text", ["2024年3月15日周边道路实行交通管制。", "2024年3月15日，每周一至周五开放。",
                                  "2024年3月15日起每周四开放。"])
def test_a_weekday_word_not_after_the_date_is_quiet(tmp_path, text):
    assert not found(tmp_path, text, "date-weekday")


# -- the formula that hands over the reply names the letter's kind ------------------------------------------------------

FORMULAS = ["现将{k}办理情况答复如下：", "现将该{k}办理情况答复如下：", "现将此{k}的办理结果函复如下：", "现就{k}办理情况答复如下：",
            "兹将{k}办理情况答复如下：", "现将{k}答复如下：", "现将本{k}办理情况报告如下："]


@pytest.mark.parametrize("formula,kind", list(itertools.product(FORMULAS, ("提案", "建议"))))
def test_the_formula_naming_the_other_kind_is_found(tmp_path, formula, kind):
    other = "建议" if kind == "提案" else "提案"
    text = "经研究，" + formula.format(k=other)
    hits = found(tmp_path, text, "kind-word", kind)
    assert len(hits) == 1, [h.message for h in hits]
    assert other in hits[0].message


@pytest.mark.parametrize("formula,kind", sample(list(itertools.product(FORMULAS, ("提案", "建议"))), 2))
def test_the_formula_naming_the_letters_own_kind_is_quiet(tmp_path, formula, kind):
    assert not found(tmp_path, "经研究，" + formula.format(k=kind), "kind-word", kind)


@pytest.mark.parametrize("text", ["对您提出的建议，现将办理情况答复如下：", "现将您提出的建议答复如下：",
                                  "现将提案中的建议办理情况答复如下：", "现将你们提出的建议办理情况答复如下：",
                                  "您在提案中提出的建议很有价值，现将有关建议办理情况答复如下：", "现将您的意见和建议答复如下："])
def test_suggestions_in_a_reply_to_a_proposal_are_a_common_noun(tmp_path, text):
    """建议 is a common noun too: the filer's suggestions inside a 提案 are no kind named wrong."""
    assert not found(tmp_path, text, "kind-word", "提案")
