"""Round 11 of issue 13: a figure restated with its digits changed, and counters that do not fit (dev15's hidden
family), generated.

A count said again with its digits swapped under other words than before (全区68个社区卫生服务站 after 社区卫生服务站
及村卫生室86个; 在全区64所学校; 对现有173处隐患点; 结合北门小学新增的1800个学位; 上述231宗已登记农房), a figure said
again ten times off (48万元课后服务专项资金 after 课后服务专项补助资金480万元; 1.86万签约居民 after 签约居民18.6万人; a
target 稳定在5.2万亩 ten times below 52万亩 now), parts and their total that do not add up (12家、9家，共计23家;
城区12个、乡镇9个、村级5个 of 24个; 剩余124个 after 826个, 其中712个), people counted in 户 (管护人员126户, 培训1260户),
a rate restated in another time (6立方米/秒 … 6立方米/小时).  Each over generated variants, with the close correct
texts and the two real counts (another year, a part, a plan) quiet."""

from __future__ import annotations

import itertools

import pytest

from imported import sample
from test_content17 import placed, raised

# -- 1. a count said again with its digits swapped ---------------------------------------------------------------

# (how the first sentence names it, its counting word, the noun the later sentence names)
THINGS = [("社区卫生服务站及村卫生室", "个", "社区卫生服务站及村卫生室"), ("义务教育学校", "所", "学校"),
          ("地质灾害隐患点", "处", "隐患点"), ("城市口袋公园", "座", "口袋公园"), ("农村公路危桥", "座", "危桥"),
          ("村级综合服务中心", "个", "综合服务中心")]
SWAPPED = [("86", "68"), ("46", "64"), ("137", "173"), ("213", "231"), ("1080", "1800"), ("12", "21")]
FIRSTS = ["全区现有{thing}{n}{c}，基本实现全覆盖。", "截至2021年底，全区共有{thing}{n}{c}，分布在13个街道。",
          "经全面排查，全区现有{thing}{n}{c}。"]
# how the later sentence says it again: the whole with a year of other figures before it, 在全区, 对现有
AGAINS = ["一是推进标准化建设，2018年投入资金3260万元，完成3家卫生院提升改造，全区{m}{c}{noun}全部达到市级标准。",
          "我局将把这项工作纳入年度考核，在全区{m}{c}{noun}全面推行质量评估。",
          "下一步，我局将对现有{m}{c}{noun}开展汛期巡查。",
          "下一步，全区{m}{c}{noun}全部纳入监管平台。"]
SWAP_CASES = list(itertools.product(THINGS, SWAPPED, FIRSTS, AGAINS, [True, False]))


@pytest.mark.parametrize("thing, numbers, first, again, apart", sample(SWAP_CASES, 37))
def test_a_count_said_again_with_its_digits_swapped_is_an_error(thing, numbers, first, again, apart):
    (said, counter, noun), (right, wrong) = thing, numbers
    one = first.format(thing=said, n=right, c=counter)
    found = raised("count-restated", *placed(one, again.format(m=wrong, c=counter, noun=noun), apart))
    assert len(found) == 1 and f"{wrong}{counter}" in found[0].message and f"{right}{counter}" in found[0].message, found
    assert not raised("count-restated", *placed(one, again.format(m=right, c=counter, noun=noun), apart))


# the earlier count's own words (北门小学) before the later count, or a count pointed back to whose noun stands after 已
OWN_WORDS = [("投资2860万元改扩建北门小学教学楼，新增教室24间、学位{n}个，已于2021年8月交付使用。",
              "下一步，我局将结合北门小学新增的{m}个学位，逐年消化存量大班额。"),
             ("投资1200万元改造城南水厂管网，新增供水户{n}户，已于2022年通水。",
              "下一步，我局将结合城南水厂新增的{m}户供水户，完善水费收缴机制。"),
             ("已为盘活项目办理不动产登记{n}宗，为农房流转提供产权保障。",
              "下一步，我局将继续做好上述{m}宗已登记农房的后续变更登记服务。"),
             ("今年共完成农村危房改造{n}户，群众住房安全得到保障。",
              "下一步，我局将对上述{m}户已改造危房开展质量回访。")]


@pytest.mark.parametrize("pair, numbers, apart", sample(list(itertools.product(OWN_WORDS, SWAPPED, [True, False])), 3))
def test_a_count_said_again_in_the_earlier_words_or_pointed_back_is_an_error(pair, numbers, apart):
    (first, again), (right, wrong) = pair, numbers
    one = first.format(n=right)
    found = raised("count-restated", *placed(one, again.format(m=wrong), apart))
    assert len(found) == 1 and wrong in found[0].message and right in found[0].message, found
    assert not raised("count-restated", *placed(one, again.format(m=right), apart))


@pytest.mark.parametrize("thing, numbers", sample(list(itertools.product(THINGS, SWAPPED)), 5))
@pytest.mark.parametrize("first, again", [
    # two years' counts: the later year governs the later count
    ("2022年，全区建成{thing}{n}{c}。", "2023年，全区建成{noun}{m}{c}。"),
    ("2022年，全区建成{thing}{n}{c}。", "2023年，全区{m}{c}{noun}全部达到市级标准。"),
    # a part of the count said before, acted upon
    ("全区现有{thing}{n}{c}。", "2020年以来投入资金180万元，为{m}{c}{noun}更新了设备。"),
    # a part in the sentence of the count
    ("全区现有{thing}{n}{c}，其中{m}{c}{noun}已达标。", ""),
    # a plan, not a count done
    ("计划建设{thing}{n}{c}。", "下一步，全区{m}{c}{noun}全部纳入监管平台。"),
    # a new count
    ("全区现有{thing}{n}{c}。", "今年新增{m}{c}{noun}。"),
    # two places' counts of one thing
    ("城区现有{thing}{n}{c}。", "乡镇现有{noun}{m}{c}。"),
    ("城区现有{thing}{n}{c}。", "下一步，乡镇{m}{c}{noun}全部纳入监管平台。"),
])
def test_two_real_counts_with_swapped_digits_are_quiet(thing, numbers, first, again):
    (said, counter, noun), (right, wrong) = thing, numbers
    texts = [t.format(thing=said, n=right, m=wrong, c=counter, noun=noun) for t in (first, again) if t]
    assert not raised("count-restated", *texts), texts


# -- 2. parts and their total ------------------------------------------------------------------------------------

LISTS = [(("国家级专精特新“小巨人”企业", "省级专精特新中小企业"), "家"), (("城区学校", "乡镇学校", "村级学校"), "所"),
         (("市级示范点", "区级示范点"), "个"), (("男性志愿者", "女性志愿者"), "人")]
NUMBERS = [(12, 9, 5), (120, 86, 14), (3, 7, 11)]
TOTAL_WORDS = ["共计", "合计", "总计", "共"]


@pytest.mark.parametrize("items, numbers, word", sample(list(itertools.product(LISTS, NUMBERS, TOTAL_WORDS)), 2))
def test_a_total_after_its_listed_parts_that_does_not_add_up_is_reported(items, numbers, word):
    (names, counter), values = items, numbers[:len(items[0])]
    listed = "、".join(f"{name}{value}{counter}" for name, value in zip(names, values))
    right = sum(values)
    for wrong in (right + 2, right - 1, right * 10):
        found = raised("parts-sum", f"2023年全区新认定{listed}，{word}{wrong}{counter}；工作成效明显。")
        assert len(found) == 1 and f"{wrong}{counter}" in found[0].message, (listed, wrong, found)
    assert not raised("parts-sum", f"2023年全区新认定{listed}，{word}{right}{counter}；工作成效明显。")
    assert not raised("parts-sum", f"2023年全区新认定{listed}等，{word}{right + 2}{counter}；工作成效明显。")  # a list left open


DISJOINT = [("城区学校", "乡镇中心学校", "村级完小"), ("学校食堂", "机关食堂", "企业食堂"), ("城区", "乡镇", "村级"),
            ("市区示范点", "镇示范点", "村示范点")]


@pytest.mark.parametrize("names, counter", sample(list(itertools.product(DISJOINT, ["个", "所", "家"])), 2))
def test_parts_that_cannot_overlap_adding_to_more_than_their_total_are_reported(names, counter):
    listed = "、".join(f"{name}{value}{counter}" for name, value in zip(names, (12, 9, 5)))
    for total in (24, 25, 20):
        found = raised("parts-sum", f"2023年共建成“明厨亮灶”示范点{total}{counter}，其中{listed}，实现远程监管。")
        assert len(found) == 1 and "26" in found[0].message, (total, found)
    for total in (26, 30, 40):  # parts not said to make the whole may add up to less
        assert not raised("parts-sum", f"2023年共建成“明厨亮灶”示范点{total}{counter}，其中{listed}，实现远程监管。")


@pytest.mark.parametrize("parts", ["女性12人、党员9人、少数民族5人", "高级职称12人、中级职称9人", "退役军人12人、党员9人"])
def test_parts_that_may_overlap_are_quiet(parts):
    assert not raised("parts-sum", f"全区共有网格员24人，其中{parts}，均经过培训。")


# (whole, its part said done, the remainder's noun)
REMAINDERS = [("全区共有居民小区{t}个，其中已实施生活垃圾分类的小区{p}个，覆盖率较高。", "一是加快推进剩余{r}个小区分类设施建设。", "个"),
              ("全区共排查易涝点{t}处，其中已完成整治的易涝点{p}处。", "下一步，力争用两年时间消除剩余{r}处易涝点。", "处"),
              ("全县共有老旧小区{t}个，其中已改造的{p}个。", "我局将统筹推进其余{r}个老旧小区改造。", "个")]
TOTALS = [(826, 712), (137, 58), (86, 24), (1200, 960)]


@pytest.mark.parametrize("texts, numbers, apart", sample(list(itertools.product(REMAINDERS, TOTALS, [True, False])), 2))
def test_a_remainder_that_is_not_the_whole_less_its_part_is_reported(texts, numbers, apart):
    (first, again, counter), (total, part) = texts, numbers
    right = total - part
    one = first.format(t=total, p=part)
    for wrong in (right + 10, right - 1, right + 1):
        found = raised("parts-sum", *placed(one, again.format(r=wrong), apart))
        assert len(found) == 1 and f"{wrong}{counter}" in found[0].message and f"{right}{counter}" in found[0].message, found
    assert not raised("parts-sum", *placed(one, again.format(r=right), apart))


def test_a_remainder_after_a_later_count_is_quiet():
    """剩余 of what is left after a count said between: the difference of two figures said before."""
    assert not raised("parts-sum", "全区共有居民小区826个，其中已实施生活垃圾分类的小区712个。",
                      "今年又完成分类改造80个小区。", "一是加快推进剩余34个小区分类设施建设。")


# -- 3. a figure said again ten times off ------------------------------------------------------------------------

THINGS_PAID = ["课后服务", "学生资助", "乡村振兴", "农村供水"]
MOVED = [("480", "48"), ("36", "3.6"), ("1.2", "12"), ("125", "12.5")]


@pytest.mark.parametrize("thing, moved, apart", sample(list(itertools.product(THINGS_PAID, MOVED, [True, False])), 2))
def test_a_sum_named_after_it_by_the_earlier_words_ten_times_off_is_reported(thing, moved, apart):
    right, wrong = moved
    one = f"2023年区财政安排{thing}专项补助资金{right}万元，主要用于补助。"
    found = raised("figure-magnitude", *placed(one, f"二是确保今年{wrong}万元{thing}专项资金于9月底前拨付到位。", apart))
    assert len(found) == 1 and f"{wrong}万元" in found[0].message, found
    assert not raised("figure-magnitude", *placed(one, f"二是确保今年{right}万元{thing}专项资金于9月底前拨付到位。", apart))


@pytest.mark.parametrize("said, again", [("全区家庭医生签约居民{n}万人", "在现有{m}万签约居民基础上"),
                                         ("全区医保参保居民{n}万人", "力争在{m}万参保居民基础上"),
                                         ("全区新能源汽车保有量{n}万辆", "为现有{m}万新能源汽车配套充电设施")])
@pytest.mark.parametrize("moved", [("18.6", "1.86"), ("3.2", "32"), ("12.5", "125")])
def test_a_figure_in_wan_without_its_unit_ten_times_off_is_reported(said, again, moved):
    right, wrong = moved
    found = raised("figure-magnitude", said.format(n=right) + "，覆盖率逐年提高。", "下一步，我局将" + again.format(m=wrong) + "，做实服务。")
    assert len(found) == 1 and f"{wrong}万" in found[0].message, found
    assert not raised("figure-magnitude", said.format(n=right) + "，覆盖率逐年提高。", "下一步，我局将" + again.format(m=right) + "，做实服务。")


@pytest.mark.parametrize("label, unit", [("制种面积", "万亩"), ("粮食播种面积", "万亩"), ("年接待游客", "万人次"), ("特色产业产值", "亿元")])
@pytest.mark.parametrize("verb", ["稳定在", "达到", "保持在", "不低于"])
@pytest.mark.parametrize("moved", [("52", "5.2"), ("120", "12"), ("3.6", "0.36")])
def test_a_target_ten_times_below_the_figure_now_is_reported(label, unit, verb, moved):
    now, target = moved
    first = f"2022年全区{label}{now}{unit}，位居全市前列。"
    found = raised("figure-magnitude", first, f"下一步，力争到2025年全区{label}{verb}{target}{unit}以上。")
    assert len(found) == 1 and f"{target}{unit}" in found[0].message, found
    for quiet in (now, str(float(now) * 10).rstrip("0").rstrip(".")):  # kept or raised
        assert not raised("figure-magnitude", first, f"下一步，力争到2025年全区{label}{verb}{quiet}{unit}以上。")
    # a target to lower it, or another thing's target
    assert not raised("figure-magnitude", first, f"下一步，力争到2025年全区{label}降低到{target}{unit}以下。")
    assert not raised("figure-magnitude", first, f"下一步，力争到2025年全区果蔬面积{verb}{target}{unit}以上。")


# -- 4. counters that do not fit their subject -------------------------------------------------------------------

@pytest.mark.parametrize("who", ["管护人员", "保洁人员", "工作人员", "巡查人员"])
@pytest.mark.parametrize("number", ["126", "1.2万", "860"])
def test_staff_counted_in_households_is_an_error(who, number):
    assert len(raised("unit-misfit", f"按照原则，落实{who}{number}户，确保管护到位。")) == 1
    assert not raised("unit-misfit", f"按照原则，落实{who}{number}人，确保管护到位。")


@pytest.mark.parametrize("who", ["困难人员", "低保人员", "脱贫人员", "监测人员"])
def test_people_of_a_household_kind_counted_in_households_are_quiet(who):
    assert not raised("unit-misfit", f"今年共帮扶{who}126户，发放救助资金86万元。")


@pytest.mark.parametrize("course", ["化工总控工、电工等职业技能培训", "电商技能培训", "家政服务培训", "农业实用技术参训"])
@pytest.mark.parametrize("number", ["1260", "860", "1.2万"])
def test_training_counted_in_households_is_an_error(course, number):
    found = raised("unit-misfit", f"联合职业技术学院开展{course}{number}户，合格率96%。")
    assert len(found) == 1 and "培训" in found[0].message or "参训" in found[0].message, found
    for unit in ("人", "人次", "名"):
        assert not raised("unit-misfit", f"联合职业技术学院开展{course}{number}{unit}，合格率96%。")
    assert not raised("unit-misfit", f"联合职业技术学院开展技能培训，培训农户{number}户，合格率96%。")


@pytest.mark.parametrize("label, amount", [("抽排能力", "6立方米"), ("日供水能力", "12万立方米"), ("处理能力", "300吨"), ("排涝流量", "45立方米")])
@pytest.mark.parametrize("times", [("秒", "小时"), ("小时", "天"), ("天", "年"), ("秒", "分钟")])
def test_a_rate_restated_in_another_time_is_reported(label, amount, times):
    first, again = times
    one = f"新建大溪口泵站1座，设计{label}{amount}/{first}，已投入使用。"
    found = raised("unit-restated", one, f"总结大溪口泵站（{label}{amount}/{again}）建设经验。")
    assert len(found) == 1 and f"/{again}" in found[0].message, found
    assert not raised("unit-restated", one, f"总结大溪口泵站（{label}{amount}/{first}）建设经验。")
    assert not raised("unit-restated", one, f"南岸泵站设计供电负荷{amount}/{again}。")  # another thing's rate


@pytest.mark.parametrize("before, after", [("周边", "范围内"), ("半径", "范围内"), ("沿线", "范围的")])
@pytest.mark.parametrize("number, units", [("200", ("米", "公里")), ("500", ("公里", "米")), ("30", ("米", "千米"))])
def test_a_round_figure_said_twice_in_the_same_words_with_another_unit_is_reported(before, after, number, units):
    first, again = units
    one = f"联合各街道对辖区63所中小学校园{before}{number}{first}{after}食品经营者开展检查。"
    found = raised("unit-restated", one, f"全区学校食堂覆盖率达到100%，{before}{number}{again}{after}餐饮单位已有139家接入。")
    assert len(found) == 1 and f"{number}{again}" in found[0].message, found
    assert not raised("unit-restated", one, f"全区学校食堂覆盖率达到100%，{before}{number}{first}{after}餐饮单位已有139家接入。")
    # the same round number in other words is another figure
    assert not raised("unit-restated", one, f"全区新建绿道{number}{again}，群众反映良好。")


LAND_FIRST = "2019年以来，我区累计建成高标准农田{a}亩，其中山区乡镇建成{b}亩。2024年度计划新建高标准农田{c}亩。"


@pytest.mark.parametrize("areas", [("14.6万", "3.2万", "1.8万"), ("8600", "2400", "1200"), ("32万", "6.5万", "2万")])
@pytest.mark.parametrize("where", ["优先将三王村等水源有保障的{h}公顷耕地纳入2025年项目储备库。", "对前南峪村{h}公顷坡耕地实施宜机化改造。"])
def test_one_land_figure_in_hectares_among_mu_larger_than_them_all_is_reported(areas, where):
    a, b, c = areas
    largest = float(a.rstrip("万")) * (10_000 if "万" in a else 1)
    for hectares in (largest / 15 * 1.2, largest / 15 * 3):  # in 亩, larger than the largest 亩 figure
        h = f"{hectares / 10_000:.1f}万" if hectares >= 10_000 else f"{hectares:.0f}"
        found = raised("unit-mixed", LAND_FIRST.format(a=a, b=b, c=c), where.format(h=h))
        assert len(found) == 1 and f"{h}公顷" in found[0].message, (h, found)
    small = f"{largest / 15 / 4:.0f}"  # smaller than the letter's figures: may well be said in 公顷
    assert not raised("unit-mixed", LAND_FIRST.format(a=a, b=b, c=c), where.format(h=small))
    # a place's own area, the whole of a place, or the same figure in 亩 (unit-restated's) are not read
    assert not raised("unit-mixed", LAND_FIRST.format(a=a, b=b, c=c), "会仙湿地核心区面积约5860公顷。")
    assert not raised("unit-mixed", LAND_FIRST.format(a=a, b=b, c=c), f"全区耕地{a}公顷。")


def test_the_dev15_sentences_are_found():
    for code, texts in [
            ("count-restated", ("全区现有社区卫生服务中心和乡镇卫生院10家、社区卫生服务站及村卫生室86个。",
                                "一是推进标准化建设，2018年投入资金3260万元，完成杨柳青镇、大寺镇、精武镇3家卫生院提升改造，"
                                "全区68个社区卫生服务站及村卫生室全部达到市级建设标准。")),
            ("count-restated", ("经2021年全面排查，全区现有地质灾害隐患点137处，其中崩塌58处。", "下一步，我局将对现有173处隐患点开展汛期“三查”。")),
            ("parts-sum", ("截至2020年8月底，全区共有居民小区826个，其中已实施生活垃圾分类的小区712个，覆盖率达到86.2%。",
                           "一是加快推进剩余124个小区分类设施建设。")),
            ("figure-magnitude", ("截至2023年6月底，全区家庭医生签约居民18.6万人，常住人口签约率38.2%。",
                                  "下一步，我局将在现有1.86万签约居民基础上，做实做细重点人群服务。")),
            ("unit-restated", ("新建大溪口排涝泵站1座，设计抽排能力6立方米/秒，已于2021年5月投入使用。",
                               "总结大溪口排涝泵站（抽排能力6立方米/小时）建设经验。"))]:
        assert len(raised(code, *texts)) == 1, texts
