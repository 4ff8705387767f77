"""Round 9 of issue 13: the quantity slips the first look at dev12 (551–586) missed, generated.

A count said again with its digits swapped or pointed back to with another number (易涝点37处 … 上述73处易涝点,
修复古桥梁11座 … 已修缮的17座古桥), parts that do not make their total (共培训2360人次，其中农民工2850人次; 中小学42所，
其中城区学校27所、乡镇学校16所), a unit the subject cannot take (受益人口约3.2万户, 校舍面积约3.8万平方公里, 道路改造
长度3.1米).  Each family over other nouns, counting words, numbers and sentence shapes, with the close correct texts
real letters write that must stay quiet, and the dev12 letter's own sentence found after import."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from letterkit.checkrun import check_paths
from letterkit.importing import import_file
from letterkit.project import open_project

from imported import sample
from test_content17 import placed, raised

DEV12 = Path(__file__).parent / "fixtures" / "published" / "dev12"

# -- 1. a count said again with another number -------------------------------------------------------------

# (the first mention: what is counted before the number, its counting word; how the later mention names it)
THINGS = [("共排查出易涝点", "处", "易涝点"), ("共检查校园食堂", "家", "食堂"), ("累计建成口袋公园和小微绿地", "处", "口袋公园"),
          ("修复古桥梁", "座", "古桥"), ("改造老旧小区", "个", "老旧小区"), ("新建公共充电桩", "台", "充电桩"),
          ("全区现有幼儿园", "所", "幼儿园"), ("排查出农村危房", "户", "危房"), ("培训乡村医生", "名", "乡村医生")]
SWAPPED = [("37", "73"), ("148", "184"), ("42", "24"), ("126", "162"), ("1347", "1374"), ("215", "251")]
POINTERS = ["上述", "对上述", "前述", "将这", "以上"]
RESTATED_CASES = list(itertools.product(THINGS, SWAPPED, POINTERS, [True, False]))


def _first(thing, number):
    said, counter, _ = thing
    return f"今年以来，我局会同各街道开展全面排查，{said}{number}{counter}，主要集中在老城区。"


def _again(thing, number, pointer):
    _, counter, noun = thing
    return f"下一步，{pointer}{number}{counter}{noun}将纳入明年计划统筹推进，力争年底前全部完成。"


@pytest.mark.parametrize("thing, numbers, pointer, apart", sample(RESTATED_CASES, 4))
def test_a_count_pointed_back_to_with_its_digits_swapped_is_an_error(thing, numbers, pointer, apart):
    right, wrong = numbers
    found = raised("count-restated", *placed(_first(thing, right), _again(thing, wrong, pointer), apart))
    assert len(found) == 1 and f"{wrong}{thing[1]}{thing[2]}" in found[0].message and f"{right}{thing[1]}" in found[0].message, found
    assert not raised("count-restated", *placed(_first(thing, right), _again(thing, right, pointer), apart))
    assert not raised("count-referred", *placed(_first(thing, right), _again(thing, wrong, pointer), apart))


@pytest.mark.parametrize("thing, numbers", sample(list(itertools.product(THINGS, SWAPPED)), 2))
def test_a_count_said_again_without_a_pointer_with_its_digits_swapped_is_an_error(thing, numbers):
    right, wrong = numbers
    again = f"截至9月底，{wrong}{thing[1]}{thing[2]}均已完成整治。"
    assert len(raised("count-restated", _first(thing, right), again)) == 1
    assert not raised("count-restated", _first(thing, right), again.replace(wrong, right))


@pytest.mark.parametrize("thing, numbers", sample(list(itertools.product(THINGS, SWAPPED)), 2))
@pytest.mark.parametrize("pointer", ["对这", "上述"])
def test_a_count_said_first_with_its_noun_after_and_pointed_back_to_swapped_is_an_error(thing, numbers, pointer):
    """共检查了148家校园食堂 … 对这184家食堂."""
    right, wrong = numbers
    _, counter, noun = thing
    first = f"今年以来，我局共检查了{right}{counter}{noun}，发现问题隐患53处。"
    found = raised("count-restated", first, _again(thing, wrong, pointer))
    assert len(found) == 1 and f"{right}{counter}{noun}" in found[0].message, found
    assert not raised("count-restated", first, _again(thing, right, pointer))


# what real letters write with two counts of one thing: a part, a new count, a later year, another thing
@pytest.mark.parametrize("thing, numbers", sample(list(itertools.product(THINGS, SWAPPED)), 3))
@pytest.mark.parametrize("again", [
    "其中{wrong}{counter}{noun}位于老城区。",                       # not possible as a part, but 其中 says it is another count
    "2023年再建设{noun}{wrong}{counter}。",                          # another year, another count
    "计划新增{noun}{wrong}{counter}，年底前完成。",                  # a new count
    "上述{wrong}{counter}文物点已设立保护标志。",                    # another thing
])
def test_two_counts_real_letters_give_stay_quiet(thing, numbers, again):
    right, wrong = numbers
    said, counter, noun = thing
    text = again.format(wrong=wrong, counter=counter, noun=noun)
    found = raised("count-restated", _first(thing, right), text) + raised("count-referred", _first(thing, right), text)
    assert not found, found


@pytest.mark.parametrize("first, again", [
    ("城区现有口袋公园12处。", "乡镇现有口袋公园21处。"),                 # two places' counts, each its own
    ("新建口袋公园12处。", "改造21处口袋公园。"),                          # another doing
    ("计划建设养老服务站20个。", "已建成的12个养老服务站运行良好。"),        # planned, then done
    ("全区60周岁以上老年人1347人。", "其中80周岁以上1374人。"),          # 以上 of an age, and a part
    ("全区60周岁以上老年人1347人。", "80周岁以上1374人需重点关注。"),
])
def test_two_counts_without_a_pointer_to_one_stay_quiet(first, again):
    for code in ("count-restated", "count-referred"):
        assert not raised(code, first, again), (code, first, again)
        assert not raised(code, first + again), (code, first, again)


def test_a_pointer_to_a_sum_or_difference_of_counts_said_stays_quiet():
    first = "累计建成口袋公园42处，其中2022年建成17处，2023年上半年建成9处。"
    for number in ("42", "26", "17", "25", "33"):
        assert not raised("count-referred", first, f"上述{number}处口袋公园已全部纳入日常养护范围。"), number
        assert not raised("count-restated", first, f"上述{number}处口袋公园已全部纳入日常养护范围。"), number


# a count pointed back to (上述, 已……的) that no count said before makes
REFERRED = [("修复古桥梁", "座", "已修缮的", "古桥"), ("改造老旧小区", "个", "已改造的", "老旧小区"),
            ("建成村级养老服务站", "个", "上述", "养老服务站"), ("检查校园食堂", "家", "对上述", "食堂"),
            ("新建蓄水池", "口", "已建成的", "蓄水池")]
NUMBERS = [("11", "17"), ("23", "35"), ("40", "46"), ("128", "136")]


@pytest.mark.parametrize("thing, numbers, apart", sample(list(itertools.product(REFERRED, NUMBERS, [True, False])), 2))
def test_a_count_pointed_back_to_with_another_number_is_a_warning(thing, numbers, apart):
    said, counter, pointer, noun = thing
    right, wrong = numbers
    first = f"2022年以来，我区{said}{right}{counter}，对沿线文物点设立保护标志。"
    again = f"下一步，我局将{pointer}{wrong}{counter}{noun}开展常态化巡查。"
    found = raised("count-referred", *placed(first, again, apart))
    assert len(found) == 1 and f"{wrong}{counter}{noun}" in found[0].message and f"{right}{counter}" in found[0].message, found
    assert not raised("count-referred", *placed(first, again.replace(wrong, right), apart))
    # another count said before that is the number (再修复6座), or no pointer at all: quiet
    assert not raised("count-referred", first, f"2023年再{said[:2]}{wrong}{counter}。", again)
    assert not raised("count-referred", first, again.replace(pointer, "新建"))


@pytest.mark.parametrize("pointer", ["上述", "已修缮的"])
def test_a_single_digit_pointed_back_to_stays_quiet(pointer):
    """上述3个镇 most often points at three names listed, not at a count."""
    assert not raised("count-referred", "修复古桥梁5座。", f"对{pointer}7座古桥开展巡查。")


# -- 2. parts that do not make their total ------------------------------------------------------------------

TOTALS = [("共开展职业技能培训", "农民工", "人次"), ("累计投入资金", "争取上级资金", "万元"), ("全区共有养老机构", "民办养老机构", "家"),
          ("共排查隐患", "重大隐患", "处"), ("全年接待游客", "过夜游客", "万人次"), ("新增城镇就业", "高校毕业生", "人")]
EXCEEDS = [("2360", "2850"), ("1200", "2100"), ("86", "92"), ("3.2", "4.1"), ("458", "485")]


@pytest.mark.parametrize("total, numbers, joint", sample(list(itertools.product(TOTALS, EXCEEDS, ["，", "。"])), 2))
def test_a_part_larger_than_its_total_is_an_error(total, numbers, joint):
    said, part, unit = total
    whole, bigger = numbers
    text = f"今年以来，我局{said}{whole}{unit}{joint}其中{part}{bigger}{unit}，合格率达92%。"
    found = raised("part-exceeds-total", text)
    assert len(found) == 1 and f"{part}{bigger}{unit}" in found[0].message and f"{whole}{unit}" in found[0].message, found
    assert not raised("part-exceeds-total", text.replace(f"{part}{bigger}", f"{part}{int(float(whole) / 2)}"))


@pytest.mark.parametrize("text", [
    "累计投入资金3200万元，其中争取上级资金0.5亿元。",
    "参训人数达2360人次，其中农民工2850人次。",
    "全年接待游客12万人次，其中过夜游客12.5万人次。",
])
def test_a_part_larger_in_another_magnitude_is_an_error(text):
    assert len(raised("part-exceeds-total", text)) == 1


@pytest.mark.parametrize("text", [
    "新建学校5所、改扩建学校8所，其中农村学校6所。",                      # two totals of 所: no one total
    "共培训2360人次，其中农民工较上年增加2850人次。",                     # a change, not a part
    "全区有养老机构14家、床位2130张，其中设有医务室的11家。",              # the total of its own unit
    "共排查出农村留守老年人1347人，其中80周岁以上的218人。",
    "共开展培训2360人次，其中每期培训120人次。",
    "共培训2360人次。其中，农民工1850人次。",
    "累计投入资金1.2亿元，其中争取中央和省级资金7800万元。",
    "参训人数达2360人次，其中农民工1850人次。",
    "村级集体经济收入全部达到10万元以上，其中50万元以上的村43个。",    # bounds, not figures
])
def test_parts_within_their_total_and_other_figures_stay_quiet(text):
    assert not raised("part-exceeds-total", text)


# (the total, the parts split into sides that cover it)
SPLITS = [("全区共有中小学{n}所", ["城区学校{a}所", "乡镇（街道）学校{b}所"]),
          ("全区现有农贸市场{n}个", ["城区{a}个", "乡镇{b}个"]),
          ("共有在校学生{n}人", ["男生{a}人", "女生{b}人"]),
          ("全区幼儿园{n}所", ["公办幼儿园{a}所", "民办幼儿园{b}所"]),
          ("共开展培训{n}场", ["线上培训{a}场", "线下培训{b}场"]),
          ("共有菜市场{n}个", ["室内菜市场{a}个", "露天菜市场{b}个"]),
          ("全区农村公路{n}公里", ["县道{a}公里", "乡道{b}公里", "村道{c}公里"])]
# (total, parts adding up to it): the slip adds one to, or takes one from, the last part
SUMS = [(42, [26, 16]), (23, [7, 16]), (118, [61, 57]), (1386, [212, 405, 769]), (56, [20, 21, 15])]


@pytest.mark.parametrize("split, numbers, off, lead", [(split, numbers, off, lead) for split, numbers, off, lead
                                                         in itertools.product(SPLITS, SUMS, [1, -1], ["，其中", "。其中，", "，其中："])
                                                         if len(split[1]) == len(numbers[1])])
def test_parts_that_cover_the_whole_and_do_not_add_up_are_a_warning(split, numbers, off, lead):
    total, parts = split
    n, values = numbers

    def said(last):
        given = dict(zip("abc", values[:-1] + [last]))
        return f"{total.format(n=n)}{lead}{'、'.join(p.format(**given) for p in parts)}。"
    found = raised("parts-sum", said(values[-1] + off))
    assert len(found) == 1 and f"{n}" in found[0].message and f"合计{n + off}" in found[0].message, found
    assert not raised("parts-sum", said(values[-1]))


@pytest.mark.parametrize("text", [
    "建成口袋公园42处，其中2022年建成17处、2023年建成9处。",          # not said to be the whole
    "全区非遗代表性项目112项，其中国家级8项、省级21项。",              # the upper levels only
    "全区现有中小学校83所，其中小学52所、初中19所。",                  # 高中, 九年一贯制 left out
    "全区现有农贸市场23个，其中城区7个、乡镇16个。",                  # adds up
    "全区现有农贸市场23个，其中城区7个、乡镇10余个。",                # about
])
def test_parts_not_said_to_be_the_whole_or_adding_up_stay_quiet(text):
    assert not raised("parts-sum", text)


# -- 3. a unit the subject cannot take ----------------------------------------------------------------------

PEOPLE = ["受益人口", "涉及人口", "服务人口", "覆盖人口", "搬迁人口", "参与人数"]
FIGURES = ["3.2万", "1200", "860余", "2.6万余"]
LEADS = ["约", "达", "", "共"]


@pytest.mark.parametrize("subject, figure, lead", sample(list(itertools.product(PEOPLE, FIGURES, LEADS)), 3))
def test_people_counted_in_households_is_an_error(subject, figure, lead):
    text = f"新建蓄水池126口、铺设管网318公里，{subject}{lead}{figure}户。"
    found = raised("unit-misfit", text)
    assert len(found) == 1 and f"{subject}{lead}{figure}户" in found[0].message, found
    assert not raised("unit-misfit", text.replace(f"{figure}户", f"{figure}人"))
    assert not raised("unit-misfit", text.replace(f"{figure}户", f"{figure}户、4.5万人"))  # households, then people
    assert not raised("unit-misfit", text.replace(subject, "受益群众"))                    # 群众3000余户 is usual


@pytest.mark.parametrize("figure", FIGURES)
def test_households_counted_in_people_is_an_error(figure):
    assert len(raised("unit-misfit", f"全区低保户数{figure}人。")) == 1
    assert not raised("unit-misfit", f"全区低保户数{figure}户。")


BUILDINGS = ["建设校舍面积", "总建筑面积", "新建校舍", "厂房面积", "建筑面积", "改造教学楼"]


@pytest.mark.parametrize("building, figure, lead", sample(list(itertools.product(BUILDINGS, ["3.8万", "12", "2.6", "1.5万"], LEADS)), 2))
def test_a_buildings_area_in_square_kilometres_is_an_error(building, figure, lead):
    text = f"两个街道新建、改扩建中小学11所，{building}{lead}{figure}平方公里，新增公办学位5850个。"
    found = raised("unit-misfit", text)
    assert len(found) == 1 and f"{figure}平方公里" in found[0].message, found
    assert not raised("unit-misfit", text.replace("平方公里", "平方米"))


@pytest.mark.parametrize("text", ["园区规划面积3.2平方公里。", "项目占地面积1.2平方公里，建筑面积8万平方米。",
                                  "治理水土流失面积12平方公里。", "全区总面积1200平方公里，常住人口86万人。"])
def test_areas_of_land_in_square_kilometres_stay_quiet(text):
    assert not raised("unit-misfit", text)


ROADS = ["我局已将该路段提质改造纳入2022年农村公路建设计划，改造长度{n}米，路面拓宽至6.5米。",
         "道路改造长度{n}米，总投资约380万元。", "新建污水管网总长{n}米。", "完成河道整治长度约{n}米。",
         "该绿道全长{n}米，沿线设置驿站3处。"]


@pytest.mark.parametrize("shape, number", list(itertools.product(ROADS, ["3.1", "5", "8.6", "2"])))
def test_a_road_a_few_metres_long_is_a_warning(shape, number):
    found = raised("length-too-short", shape.format(n=number))
    assert len(found) == 1 and f"{number}米" in found[0].message, found
    assert not raised("length-too-short", shape.format(n=number).replace(f"{number}米", f"{number}公里"))
    assert not raised("length-too-short", shape.format(n=number + "0" if "." not in number else number.replace(".", "")))


@pytest.mark.parametrize("text", ["路面宽仅4.5米，不能满足公交车通行要求。", "新建桥梁1座，桥梁全长8米。",
                                  "道路改造中更换涵管，涵管长度6米。", "学田路拓宽人行道约350米。", "排水管道管径0.8米。"])
def test_widths_other_things_and_long_roads_stay_quiet(text):
    assert not raised("length-too-short", text)


# -- the dev12 letters' own sentences, found after import and check -------------------------------------------

DEV12_FOUND = [("551", "count-referred", "17座古桥"), ("559", "count-restated", "184家食堂"), ("571", "count-restated", "24处口袋公园"),
               ("582", "count-restated", "73处易涝点"), ("562", "part-exceeds-total", "农民工2850人次"),
               ("584", "parts-sum", "乡镇（街道）学校16所"), ("579", "unit-misfit", "受益人口约3.2万户"),
               ("572", "unit-misfit", "3.8万平方公里"), ("574", "length-too-short", "改造长度3.1米")]


@pytest.mark.parametrize("letter, code, text", DEV12_FOUND)
def test_the_dev12_slips_are_found_after_import(tmp_path, letter, code, text):
    source = next(DEV12.glob(f"{letter}_*.txt"))
    draft = tmp_path / f"{letter}.yaml"
    draft.write_text(import_file(source).draft, encoding="utf-8")
    found = [p for p in check_paths([draft], open_project(draft))[draft] if p.code == code]
    assert len(found) == 1 and text in found[0].message, [p.message for p in found]


from hypothesis import given, settings, strategies as st  # noqa: E402

COUNTS_CODES = ("count-restated", "count-referred", "part-exceeds-total", "parts-sum", "unit-misfit", "length-too-short")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789.万亿余多处家所座个人次户米公里平方元上述已修的其中城区乡镇县道村道人口长度道路校舍面积，。、（）", max_size=60),
       st.text(alphabet="0123456789.处家所上述其中易涝点古桥，。", max_size=30))
def test_the_count_rules_answer_for_any_text(text, more):
    for code in COUNTS_CODES:
        found = raised(code, text, more)
        assert all(f.message and f.offset is not None and f.offset >= 0 for f in found), found
