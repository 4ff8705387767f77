"""Round 11 of issue 13: serious slips dev13 (591–666) still hid after round 10, by their general causes, generated.

One exact count of people said once in 户 and once in 人 (430户养殖户 … 参保的430人); one count of rooms said
with 所 (托管教室86间 … 上述86所托管教室); a street's length said again with its point lost (涑河北街改造长度约3.2公里 …
总结涑河北街32公里改造经验); a rate that its two counts contradict (抽检1260批次，合格1238批次，合格率99.3%); a count
against the places 分别 lists (服务中心3个，分别位于威家镇和新港镇); a place written with the rarer reading of a
polyphonic character three times and with its homophone once (莘庄镇 … 辛庄镇).  Each over generated variants,
with the close correct texts quiet."""

from __future__ import annotations

import itertools

import pytest

from imported import sample
from test_content17 import placed, raised

# -- 1. one exact count in 户 and in 人 --------------------------------------------------------------------------

PEOPLE_NUMBERS = ["430", "260", "1500", "870", "3600"]
HOUSEHOLDS = ["为全区{n}户养殖户统一办理政策性保险。", "帮扶脱贫户{n}户落实产业奖补。", "完成{n}户困难家庭危房改造。"]
PERSONS = ["力争明年参保的{n}人全部实现续保。", "上述{n}人已全部纳入监测。", "确保{n}名群众按时享受补助。"]
PEOPLE_CASES = list(itertools.product(PEOPLE_NUMBERS, HOUSEHOLDS, PERSONS, [True, False]))


@pytest.mark.parametrize("number, first, again, apart", sample(PEOPLE_CASES, 4))
def test_one_exact_count_in_households_and_in_people_is_reported(number, first, again, apart):
    found = raised("unit-subject", *placed(first.format(n=number), again.format(n=number), apart))
    assert len(found) == 1 and (f"{number}人" in found[0].message or f"{number}名" in found[0].message), found
    assert f"{number}户" in found[0].message
    # the same count in 户 both times, or two counts that differ, say nothing
    assert not raised("unit-subject", *placed(first.format(n=number), again.format(n=number).replace("人", "户").replace("名", "户"), apart))
    assert not raised("unit-subject", *placed(first.format(n=number), again.format(n=str(int(number) + 7)), apart))


@pytest.mark.parametrize("number", ["12", "60", "90"])
def test_a_small_count_in_households_and_in_people_is_two_counts(number):
    """Under a hundred, 60户 and 60人 are often two counts of one village."""
    assert not raised("unit-subject", HOUSEHOLDS[1].format(n=number), PERSONS[0].format(n=number))


# -- 2. a count of rooms said again with 所 -------------------------------------------------------------------

ROOMS = [("托管教室", "间"), ("功能教室", "间"), ("综合楼", "栋"), ("阅览室", "间"), ("体育场馆", "座")]
ROOM_NUMBERS = ["86", "24", "132"]
ROOM_CASES = list(itertools.product(ROOMS, ROOM_NUMBERS, ["上述{n}所{noun}", "已建成的{n}所{noun}"], [True, False]))


@pytest.mark.parametrize("room, number, form, apart", sample(ROOM_CASES, 3))
def test_a_count_of_rooms_said_again_with_suo_is_reported(room, number, form, apart):
    noun, counter = room
    first = f"针对家长下班晚的问题，我区新建校内{noun}{number}{counter}，延时托管至18:30。"
    again = form.format(n=number, noun=noun) + "已于今年3月全部投入使用。"
    found = raised("unit-subject", *placed(first, again, apart))
    assert len(found) == 1 and f"{number}所" in found[0].message and f"{number}{counter}" in found[0].message, found
    assert f"“{noun}”" in found[0].message, found  # what is counted, named in full
    assert not raised("unit-subject", *placed(first, again.replace(f"{number}所", f"{number}{counter}"), apart))


@pytest.mark.parametrize("usual", ["个", "家"])
def test_suo_beside_ge_or_jia_is_one_count_said_two_usual_ways(usual):
    assert not raised("unit-subject", f"全区共有民营医院24{usual}，均已接入监管平台。", "对上述24所民营医院开展专项检查。")


# -- 3. a named street's length said again with its point lost ---------------------------------------------------

STREETS = ["涑河北街", "解放南路", "滨江大道", "青年西街", "东风干渠"]
LENGTHS = [("3.2", "32"), ("32", "3.2"), ("4.6", "46"), ("1.25", "12.5")]
STREET_CASES = list(itertools.product(STREETS, LENGTHS, [True, False]))


@pytest.mark.parametrize("street, lengths, apart", sample(STREET_CASES, 3))
def test_a_streets_length_said_again_with_the_point_moved_is_reported(street, lengths, apart):
    right, wrong = lengths
    first = f"会同区住建局对路面破损的巷道进行改造，其中{street}改造长度约{right}公里，新铺设管网5.6公里。"
    again = f"2024年计划再整治背街小巷80条，总结{street}{wrong}公里改造经验，对周边巷道实施综合改造。"
    found = raised("figure-magnitude", *placed(first, again, apart))
    assert len(found) == 1 and f"{street}{wrong}公里" in found[0].message, found
    assert not raised("figure-magnitude", *placed(first, again.replace(wrong, right), apart))


def test_another_streets_length_or_a_plain_figure_is_not_read_as_the_named_one():
    first = "其中涑河北街改造长度约3.2公里，新铺设管网5.6公里。"
    assert not raised("figure-magnitude", first, "总结解放南路32公里改造经验。")
    assert not raised("figure-magnitude", first, "全年新建道路32公里。")


# -- 4. a rate against its two counts -----------------------------------------------------------------------------

RATES = [("抽检", "批次", "合格"), ("检查", "家", "达标"), ("受理", "件", "办结"), ("排查", "处", "整改")]
RATE_NUMBERS = [("1260", "1238", "98.3", "99.3"), ("450", "441", "98", "89"), ("86", "79", "91.9", "97.9"),
                ("3.2万", "3.1万", "96.9", "99.6")]
RATE_CASES = list(itertools.product(RATES, RATE_NUMBERS))


@pytest.mark.parametrize("rate, numbers", sample(RATE_CASES, 2))
def test_a_rate_its_counts_contradict_is_an_error(rate, numbers):
    doing, counter, word = rate
    whole, part, right, wrong = numbers
    text = "对学校食堂及周边经营户{d}{w}{c}，{r}{p}{c}，{r}率{x}%，问题均已依法处置。"
    found = raised("rate-against-counts", text.format(d=doing, w=whole, c=counter, r=word, p=part, x=wrong))
    assert len(found) == 1 and f"{wrong}%" in found[0].message and right in found[0].message, found
    assert not raised("rate-against-counts", text.format(d=doing, w=whole, c=counter, r=word, p=part, x=right))


def test_a_rate_cut_rather_than_rounded_or_of_other_counts_is_quiet():
    assert not raised("rate-against-counts", "抽检1260批次，合格1238批次，合格率98.2%")  # 98.25… cut
    assert not raised("rate-against-counts", "抽检1260批次，合格1238家，合格率99.3%")  # two counting words: two counts
    assert not raised("rate-against-counts", "抽检1260批次，合格1238批次，满意率99.3%")  # another rate


# -- 5. a count against the places 分别 lists ----------------------------------------------------------------------

PLACES = ["威家镇", "新港镇", "高垅乡", "姑塘镇", "十里街道"]
RESPECTIVELY_CASES = [(n, k, verb) for n in (2, 3, 4) for k in (2, 3, 4) for verb in ("位于", "设在", "建在")]


@pytest.mark.parametrize("said, listed, verb", RESPECTIVELY_CASES)
def test_a_count_against_the_places_it_lists_one_each(said, listed, verb):
    places = PLACES[:listed]
    text = f"建成区域性农事服务中心{said}个，分别{verb}{'、'.join(places[:-1])}和{places[-1]}，集育秧、烘干于一体。"
    found = raised("respectively-count", text)
    assert len(found) == (said != listed), (text, found)
    if found:
        assert f"{said}个" in found[0].message and f"{listed}个地方" in found[0].message


def test_a_list_with_counts_of_its_own_or_no_places_is_quiet():
    assert not raised("respectively-count", "建成服务中心3个，分别位于威家镇（2个）和新港镇。")
    assert not raised("respectively-count", "建成服务中心3个，分别在育秧和烘干环节发挥作用。")
    assert not raised("respectively-count", "建成服务中心三个，分别位于威家镇、新港镇和高垅乡。")
    assert raised("respectively-count", "建成服务中心三个，分别位于威家镇和新港镇。")


# -- 6. a place written with a polyphonic character's rarer reading, and once with its homophone ---------------------

POLYPHONIC = [("莘庄", "辛庄", "镇"), ("长乐", "常乐", "村"), ("重庆", "崇庆", "路")]


@pytest.mark.parametrize("often, once, end", POLYPHONIC)
@pytest.mark.parametrize("times", [2, 3])
def test_a_place_written_with_a_polyphonic_characters_homophone_once_is_reported(often, once, end, times):
    first = "。".join(f"{often}{end}第{k}批点位改造完成" for k in range(times)) + "。"
    found = raised("place-homophone", first, f"在{once}{end}湿垃圾就地处置站基础上新增处理能力。")
    assert len(found) == 1 and f"{once}{end}" in found[0].message, found
    assert not raised("place-homophone", first, f"在{often}{end}湿垃圾就地处置站基础上新增处理能力。")


def test_each_written_once_the_rarer_reading_is_not_read():
    """Once each way, nothing says which is the place's: the rarer reading is read only for the name written twice."""
    assert not raised("place-homophone", "莘庄镇点位改造完成。", "在辛庄镇湿垃圾就地处置站基础上新增处理能力。")


# -- 7. one thing to be done given two years --------------------------------------------------------------------

THINGS_DONE = ["规划衔接审查", "安置用地选址论证", "老旧管网改造工程", "渔港码头改扩建"]
YEARS = [("2023", "2024"), ("2024", "2025"), ("2022", "2023")]
FIRST_DONE = ["计划于{y}年底前完成{t}。", "力争{y}年6月底完成{t}。"]
AGAIN_DONE = ["待{y}年底{t}完成后同步落实。", "确保{y}年底前完成{t}。"]
DONE_CASES = list(itertools.product(THINGS_DONE, YEARS, FIRST_DONE, AGAIN_DONE, [True, False]))


@pytest.mark.parametrize("thing, years, first, again, apart", sample(DONE_CASES, 4))
def test_one_thing_done_in_two_years_is_reported(thing, years, first, again, apart):
    right, wrong = years
    one, two = first.format(y=right, t=thing), again.format(y=wrong, t=thing)
    found = raised("done-year-restated", *placed(one, two, apart))
    assert len(found) == 1 and f"{wrong}年" in found[0].message and thing in found[0].message, found
    assert not raised("done-year-restated", *placed(one, again.format(y=right, t=thing), apart))


@pytest.mark.parametrize("one, two", [("2023年完成年度目标任务的80%。", "力争2024年完成年度目标任务。"),
                                      ("2023年底完成一期建设工程。", "2024年底完成二期建设工程。"),
                                      ("2023年完成老旧管网改造。", "2024年完成雨污分流改造。")])
def test_yearly_tasks_phases_and_other_works_are_quiet(one, two):
    assert not raised("done-year-restated", one, two)
