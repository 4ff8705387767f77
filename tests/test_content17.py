"""Issue 13, round 7: the content slips a first look at unseen letters missed — a count restated ÷10/×10
inside one 万/亿, one figure with another counting word (每亩/每户, 人次/户), a body's name with two words
swapped, a place with one character changed, a date in Chinese numerals that lost its 月.  Each family is
generated: many numbers, units, names, the slip at several positions, and the close correct texts that
must stay quiet."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterkit import proof
from letterkit.proof.dates import chinese_month_day, chinese_number
from letterkit.proof.registry import Context

import slipgen
from imported import import_text, sample


def raised(code: str, text: str, *more: str) -> list:
    """The findings of rule `code` on a draft whose opening is `text` and whose measures are `more`."""
    item = next(r for r in proof.RULES if r.code == code)
    data = {"opening": text, "measures": [{"heading": "下一步", "text": t} for t in more]}
    return list(item.check(Context(data, None, dt.date(2026, 1, 1), {})))


def placed(first: str, again: str, apart: bool) -> tuple:
    """The two sentences in one paragraph, or in two."""
    return (first, again) if apart else (first + again,)


# -- 1. a count restated ÷10 or ×10 inside the same 万/亿 -----------------------------------------------------

# (subject, unit): what is counted; the words before it differ (全年/其中/今年/累计), the subject is the same
SUBJECTS = [("门诊量", "万人次"), ("接待游客", "万人次"), ("项目总投资", "亿元"), ("发放补贴资金", "万元"),
            ("服务群众", "万人"), ("完成固定资产投资", "亿元")]
LEADS = [("全年", "其中"), ("今年", "全年"), ("累计", "截至目前"), ("目前", "全区")]
MOVED = [("32", "3.2"), ("3.2", "32"), ("1.5", "15"), ("15", "1.5"), ("12.6", "126"), ("860", "86"), ("2.45", "24.5")]
FIGURE_CASES = list(itertools.product(SUBJECTS, LEADS, MOVED, [True, False]))


@pytest.mark.parametrize("subject, leads, moved, apart", sample(FIGURE_CASES, 5))
def test_a_count_restated_with_the_point_moved_inside_one_magnitude_is_reported(subject, leads, moved, apart):
    """全年门诊量32万人次 … 其中门诊量3.2万人次; 投资1.5亿元 … 投资15亿元 (the same 万/亿, the same subject)."""
    (name, unit), (lead, other_lead), (first, again) = subject, leads, moved
    one, two = f"{lead}{name}{first}{unit}，同比有所增长。", f"{other_lead}{name}{again}{unit}，群众反映良好。"
    found = [f for code in ("quantity-magnitude", "figure-magnitude") for f in raised(code, *placed(one, two, apart))]
    assert found and f"{again}{unit}" in found[0].message, (one, two)
    same = two.replace(again, first)
    assert not [f for code in ("quantity-magnitude", "figure-magnitude") for f in raised(code, *placed(one, same, apart))]


# (label, the label said again): the words before what is named differ, the last two or three agree
RELABELLED = [("项目总投资", "计划投资"), ("全年门诊量", "其中门诊量"), ("累计接待游客", "全年共接待游客"), ("全区参保人数", "目前参保人数")]


@pytest.mark.parametrize("labels", RELABELLED)
@pytest.mark.parametrize("moved", MOVED[:4])
@pytest.mark.parametrize("unit", ["亿元", "万人次"])
def test_a_figure_relabelled_with_its_last_words_alike_and_the_point_moved_is_reported(labels, moved, unit):
    (label, again), (first, second) = labels, moved
    text = f"{label}{first}{unit}，进展顺利。{again}{second}{unit}，群众满意。"
    found = [f for code in ("quantity-magnitude", "figure-magnitude") for f in raised(code, text)]
    assert found and f"{again}{second}{unit}" in found[0].message, text


@pytest.mark.parametrize("verb", ["惠及", "覆盖", "服务", "带动"])
@pytest.mark.parametrize("moved", [("12.6", "126"), ("126", "12.6"), ("3.5", "35"), ("4.82", "48.2")])
def test_a_figure_after_the_same_verb_with_the_point_moved_is_reported(verb, moved):
    """惠及群众12.6万人 … 项目建成后将惠及126万人; 全年门诊量达32万人次 … 3.2万人次的门诊量 (read through 的)."""
    first, again = moved
    text = f"{verb}群众{first}万人，成效明显。项目建成后将{verb}{again}万人。"
    found = [f for code in ("quantity-magnitude", "figure-magnitude") for f in raised(code, text)]
    assert found and f"{verb}{again}万人" in found[0].message, text
    assert not raised("figure-magnitude", text.replace(f"{again}万人", f"{first}万人"))  # said again alike
    through = f"全年门诊量达{first}万人次。基层承担了{again}万人次的门诊量。"
    assert [f for code in ("quantity-magnitude", "figure-magnitude") for f in raised(code, through)], through


QUIET_FIGURES = [
    "惠及群众12万人，成效明显。项目建成后将惠及120万人。",              # zeros, no point moved: may be two
    "区财政资金1.5亿元，上级资金15亿元。",                              # two sums named by 资金 alone
    "全年门诊量32万人次，住院量3.2万人次。",                          # two subjects
    "全区常住人口32万人，其中城镇人口3.2万人。".replace("其中城镇人口", "城镇化率提高，农村劳动力"),
    "2023年门诊量32万人次。2022年门诊量3.2万人次。",                  # two years
    "项目总投资1.5亿元，其中设计费15万元。",                            # another magnitude, another subject
]


@pytest.mark.parametrize("text", QUIET_FIGURES)
def test_two_counts_of_two_things_with_the_same_digits_stay_quiet(text):
    assert not raised("figure-magnitude", text), text


# -- 2. the same figure with another unit of count --------------------------------------------------------

PERS = [("亩", "户"), ("人", "户"), ("户", "人"), ("人每月", "户每月"), ("年", "月")]
PER_SUBJECTS = ["补贴", "补助", "奖励资金", "发放慰问金"]
PER_AMOUNTS = ["80元", "1200元", "2.5万元", "300元"]
PER_CASES = list(itertools.product(PERS, PER_SUBJECTS, PER_AMOUNTS, ["through", "before"], [True, False]))


@pytest.mark.parametrize("pers, subject, amount, shape, apart", sample(PER_CASES, 7))
def test_one_figure_with_another_per_word_is_reported(pers, subject, amount, shape, apart):
    """每亩补贴80元 … 每户80元的补贴 (the subject read through 的) or … 每户补贴80元."""
    per, other = pers
    one = f"对种粮农户按每{per.replace('每', '每')}{subject}{amount}的标准发放。".replace(f"每{per}", "每" + "每".join(per.split("每")))
    again = f"每{other}{amount}的{subject}" if shape == "through" else f"每{other}{subject}{amount}"
    two = f"今年共向农户兑付{again}，已全部发放到位。"
    found = raised("per-unit-restated", *placed(one, two, apart))
    assert found and amount in found[0].message, (one, two)
    assert not raised("per-unit-restated", *placed(one, two.replace(f"每{other}", "每" + "每".join(per.split("每"))), apart))


QUIET_PER = [
    "每亩补贴80元，每户补助金80元另行发放。".replace("补助金", "慰问品折合"),   # another subject
    "每亩补贴80元，共计发放。每户补贴100元。",                              # another figure
    "每亩补贴80元，每亩补贴80元。",                                          # the same
    "每人每月发放生活费300元，每户每年缴纳水费300元。",                       # two things
]


@pytest.mark.parametrize("text", QUIET_PER)
def test_two_rates_of_two_things_stay_quiet(text):
    assert not raised("per-unit-restated", text), text


# (first verb and subject, again through 的 or a verb sharing its stem)
COUNT_SAYINGS = [("培训农民", "参训的"), ("培训农民", "参训农民"), ("救助困难群众", "受助的"), ("帮扶困难群众", "帮扶困难家庭"),
                 ("接待游客", "接待的"), ("服务居民", "服务的居民")]
COUNT_UNITS = [("人次", "户"), ("户", "人次"), ("人", "户"), ("户", "人"), ("名", "户")]
COUNT_NUMBERS = ["1500", "2360", "860", "12600", "3400"]
COUNT_CASES = list(itertools.product(COUNT_SAYINGS, COUNT_UNITS, COUNT_NUMBERS, [True, False]))


@pytest.mark.parametrize("saying, units, number, apart", sample(COUNT_CASES, 7))
def test_one_count_with_another_counting_word_said_of_the_same_verb_is_reported(saying, units, number, apart):
    """培训农民1500人次 … 参训的1500户: the same number, the same verb's stem or subject."""
    (first, again), (unit, other) = saying, units
    one, two = f"全年{first}{number}{unit}，效果良好。", f"从反馈看，{again}{number}{other}满意度较高。"
    found = raised("unit-subject", *placed(one, two, apart))
    assert found and f"{number}{other}" in found[0].message, (one, two)
    assert not raised("unit-subject", *placed(one, two.replace(f"{number}{other}", f"{number}{unit}"), apart))


QUIET_COUNTS = [
    "全年培训农民1500人次，惠及居民1500户。",                     # another verb, another subject
    "扶持企业120家，服务企业120个。",                             # 家 and 个 for firms are both in use
    "新增就业岗位1200个，新增就业1200人。",                       # jobs and people: two counts
    "培训农民15人次，参训的15户满意。",                            # two digits: too common to be one figure
]


@pytest.mark.parametrize("text", QUIET_COUNTS)
def test_counts_that_are_two_counts_stay_quiet(text):
    assert not raised("unit-subject", text), text


# -- 3. a body's name with two of its words swapped ------------------------------------------------------

BODIES = [("区", ["就业", "管理", "服务中心"]), ("", ["市场", "监督", "管理局"]), ("县", ["文化", "广电", "旅游局"]),
          ("市", ["住房", "保障", "服务中心"]), ("区", ["社会", "保险", "事业管理中心"]), ("镇", ["农业", "综合", "服务站"])]


def _swap(words: list[str]) -> tuple[str, str]:
    """The name as it is and with its two inner words swapped (管理服务中心 → 服务管理中心, 广电旅游局 →
    旅游广电局): the last word's own ending stays last."""
    first, second, last = words
    for end in ("服务中心", "管理中心", "中心", "管理局", "局", "服务站"):
        if last.endswith(end) and last != end:
            inner = last[:-len(end)]
            return first + second + inner + end, first + inner + second + end
    return first + second + last, second + first + last


@pytest.mark.parametrize("place, words", BODIES)
@pytest.mark.parametrize("lead", ["同时", "并由", "会同"])
@pytest.mark.parametrize("apart", [True, False])
def test_a_body_named_with_two_words_swapped_is_reported(place, words, lead, apart):
    name, swapped = _swap(words)
    one, two = f"由{place}{name}牵头，制定工作方案。", f"{lead}{place}{swapped}做好配合。"
    found = raised("name-variant", *placed(one, two, apart))
    assert found and "颠倒" in found[0].message and swapped[-4:] in found[0].message, (one, two)
    assert not raised("name-variant", *placed(one, two.replace(swapped, name), apart))


@pytest.mark.parametrize("text", ["县卫生健康局牵头，县健康教育中心配合。",
                                  "华为软件云服务创新中心、深圳人工智能应用创新服务中心"])  # the seed: two bodies
def test_two_bodies_with_words_in_another_order_are_left_alone(text):
    assert not raised("name-variant", text)


# -- 4. a place named with one character changed ----------------------------------------------------------

TOWNS = [("磨山", "磨石"), ("柳河", "柳湾"), ("桃源", "桃林"), ("青龙", "青松"), ("平安", "平坝"), ("石门", "石桥")]
ENDS = ["镇", "乡", "街道"]


@pytest.mark.parametrize("town, slip", TOWNS)
@pytest.mark.parametrize("end", ENDS)
def test_a_town_written_once_with_a_character_changed_is_reported(town, slip, end):
    """磨山镇 twice, 磨石镇卫生院 once; or both before one facility (磨山镇卫生院 … 磨石镇卫生院)."""
    text = f"我局在{town}{end}开展试点，{town}{end}人民政府积极配合。下一步将推动{slip}{end}卫生院改造。"
    found = raised("name-variant", text)
    assert found and f"{slip}{end}" in found[0].message, text
    assert not raised("name-variant", text.replace(slip, town))
    facility = f"{town}{end}卫生院完成改造。下一步{slip}{end}卫生院将增设床位。"
    assert raised("name-variant", facility) and not raised("name-variant", facility.replace(slip, town))


QUIET_PLACES = [
    "东山镇、西山镇开展试点，东山镇成效明显。",           # siblings
    "王庄村、王楼村开展试点，王庄村成效明显。",           # a list of neighbours
    "在王庄村开展试点，王庄村成效明显，王楼村将跟进。".replace("王楼村将跟进", "王楼村和王集村将跟进"),
    "完善农村公路，农村公路养护到位，村道路灯亮化。",       # words, not places
    "黎坪镇卫生院改造，黎坪镇完成，犁坪镇卫生院。",        # a homophone: place-homophone's
]


@pytest.mark.parametrize("text", QUIET_PLACES)
def test_neighbouring_places_lists_and_homophones_stay_quiet(text):
    assert not raised("name-variant", text), text


# -- 5. a date in Chinese numerals that lost its 月 ------------------------------------------------------

DAYS = [(m, d) for m in range(1, 13) for d in (1, 5, 10, 12, 20, 21, 30, 31)]
YEARS = ["二〇二三", "二〇二五", "二〇一九"]


@pytest.mark.parametrize("month, day", DAYS)
def test_a_chinese_date_without_its_month_is_reported_with_the_date_it_was(month, day):
    year = YEARS[(month + day) % len(YEARS)]
    lost = f"{year}年{chinese_number(month)}{chinese_number(day)}日"
    for text in (f"该项目已于{lost}开工。", f"特此函复。{lost}"):
        found = raised("date-lost-month", text)
        assert found and f"{year}年{chinese_number(month)}月{chinese_number(day)}日" in found[0].hint, text
    assert not raised("date-lost-month", f"该项目已于{year}年{chinese_number(month)}月{chinese_number(day)}日开工。")


@pytest.mark.parametrize("text", ["于十五日召开", "于三十日内办结", "今年十二月一日", "二〇二三年五月十二日", "十五日前完成"])
def test_a_day_alone_or_a_whole_chinese_date_stays_quiet(text):
    assert not raised("date-lost-month", text)


def test_without_a_year_only_numerals_that_are_no_day_are_reported():
    assert raised("date-lost-month", "并于十一五日召开座谈会") and not raised("date-lost-month", "并于十五日召开座谈会")


@pytest.mark.parametrize("month, day", sample(DAYS, 6))
def test_a_date_line_in_chinese_numerals_without_its_month_is_reported_at_import(tmp_path, month, day):
    """The date line of a letter as a clerk imports it: the line is named, with the dates it can have been."""
    lost = f"二〇二四年{chinese_number(month)}{chinese_number(day)}日"
    text = (f"关于加强养老服务的建议的答复\n\n张代表：\n    您提出的建议收悉，现答复如下。\n    我局将继续推进。\n"
            f"    感谢您的关心和支持。\n\n某某区民政局\n{lost}\n")
    result, _ = import_text(tmp_path, text)
    notes = [n for n in result.notes if n.code == "date-line-lost-month"]
    assert notes and notes[0].line == 9, [(n.line, n.code) for n in result.notes]
    assert f"{chinese_number(month)}月{chinese_number(day)}日" in chinese_month_day("", chinese_number(month) + chinese_number(day))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.integers(1, 12), st.integers(1, 31))
def test_every_month_and_day_lost_is_read_back_among_the_dates_it_can_be(month, day):
    assert f"{chinese_number(month)}月{chinese_number(day)}日" in chinese_month_day("", chinese_number(month) + chinese_number(day))


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.text(alphabet="每亩户人元补贴的培训参0123456789.万亿人次镇乡村山石管理服务中心局〇二五年月十日，。", max_size=40))
def test_the_new_comparisons_answer_for_any_text(text):
    for code in ("per-unit-restated", "unit-subject", "name-variant", "figure-magnitude", "date-lost-month"):
        raised(code, text, text[::-1])


# -- through import, as a clerk runs it: each family planted into the published letters ------------------

def _insert(letter, rng, sentences: list[str], family: str):
    """The letter with each sentence put after a full stop of the body, in reading order (the last one is
    the slip), or None when the body has too few full stops."""
    stops = [(n, m.end()) for n in letter.prose() for m in re.finditer("。", letter.lines[n - 1])]
    if len(stops) < len(sentences):
        return None
    chosen = sorted(rng.sample(stops, len(sentences)))
    lines = list(letter.lines)
    for (n, at), sentence in reversed(list(zip(chosen, sentences))):
        lines[n - 1] = lines[n - 1][:at] + sentence + lines[n - 1][at:]
    return lines, slipgen.Slip(family, chosen[-1][0], sentences[-1], "")


def plant_point_moved(letter, rng):
    first, again = rng.choice(MOVED)
    name, unit = rng.choice([("门诊量", "万人次"), ("项目总投资", "亿元"), ("接待游客", "万人次")])
    return _insert(letter, rng, [f"全年{name}{first}{unit}。", f"其中{name}{again}{unit}。"], "point-moved")


def plant_per_word(letter, rng):
    per, other = rng.choice([("亩", "户"), ("人", "户"), ("户", "人")])
    amount = rng.choice(PER_AMOUNTS)
    return _insert(letter, rng, [f"对种粮农户每{per}补贴{amount}。", f"今年按每{other}{amount}的补贴标准发放到位。"], "per-word")


def plant_counted_through_verb(letter, rng):
    (unit, other), number = rng.choice(COUNT_UNITS[:4]), rng.choice(COUNT_NUMBERS)
    return _insert(letter, rng, [f"全年培训农民{number}{unit}。", f"参训的{number}{other}农民普遍反映收获较大。"], "count-verb")


def plant_swapped(letter, rng):
    place, words = rng.choice(BODIES)
    name, swapped = _swap(words)
    return _insert(letter, rng, [f"由{place}{name}牵头推进。", f"{place}{swapped}做好配合。"], "swapped")


def plant_town(letter, rng):
    town, slip = rng.choice(TOWNS)
    return _insert(letter, rng, [f"在{town}镇开展试点。", f"{town}镇人民政府积极配合。", f"推动{slip}镇卫生院改造。"], "town")


def plant_chinese_date(letter, rng):
    """The date line in Chinese numerals without its 月 (二〇二四年七十二日)."""
    number = (letter.roles.get("date") or [None])[0]
    if number is None:
        return None
    year = "".join("〇一二三四五六七八九"[int(d)] for d in str(rng.choice([2023, 2024, 2025])))
    lost = f"{year}年{chinese_number(rng.randint(1, 12))}{chinese_number(rng.randint(1, 28))}日"
    lines = list(letter.lines)
    lines[number - 1] = lost
    return lines, slipgen.Slip("chinese-date", number, lost, letter.lines[number - 1])


PLANTED = [
    slipgen.Family("point-moved", "serious", frozenset({"quantity-magnitude", "figure-magnitude"}), plant_point_moved),
    slipgen.Family("per-word", "serious", frozenset({"per-unit-restated"}), plant_per_word),
    slipgen.Family("count-verb", "serious", frozenset({"unit-subject"}), plant_counted_through_verb),
    slipgen.Family("swapped", "standard", frozenset({"name-variant"}), plant_swapped),
    slipgen.Family("town", "standard", frozenset({"name-variant"}), plant_town),
    slipgen.Family("chinese-date", "serious", frozenset({"date-line-lost-month", "date-lost-month"}), plant_chinese_date),
]


@pytest.mark.parametrize("letter", sample(slipgen.published_letters(), 4), ids=lambda letter: letter.name[:2])
def test_each_family_planted_in_a_published_letter_is_found_through_import(letter):
    """import + check of a published letter with one slip of each family planted (one at a time): found,
    quoting the slip or naming its line, beside what the clean letter raises."""
    rng = random.Random(letter.name)
    with tempfile.TemporaryDirectory() as folder:
        before = slipgen.run(letter.lines, letter.name, Path(folder))
        for family in PLANTED:
            planted = family.plant(letter, rng)
            if planted is None:
                continue
            lines, slip = planted
            after = slipgen.run(lines, letter.name, Path(folder))
            assert slipgen.found(slip, family, before, after), (family.name, slip, [(p.code, p.message) for p in after
                                                                                    if p.code in family.codes])
