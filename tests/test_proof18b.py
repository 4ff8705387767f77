"""Round 8b of issue 13: a second first look's misses and false alarms (dev10, 471–506), generated.

Misses: a place named with another administrative suffix once (黄花镇 … 黄花乡), a government body with another
level word (市商务局 … 市商务厅, 区发改局 … 区发改委), a school with its level swapped once (东湖小学 … 东湖中学),
an idiom less an inner character (因地宜, 实事是, 循渐进, 齐抓管), a long compound the letter writes whole
elsewhere (污水零直排区 … 污水直排区, 老年助餐点 … 老年餐点).  False alarms: a word's adjective or noun ending
(压力大, 探访量), a usual short form (乡镇中心校), two levels of one kind of facility (居家养老服务中心/服务站),
a level before a body whose name begins with it (、市市场监督管理局)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from letterkit import proof
from letterkit.proof.registry import Context


def raised(code: str, text: str, **data) -> list[str]:
    """The messages of rule `code` on a draft whose opening is `text`."""
    item = next(r for r in proof.RULES if r.code == code)
    return [f.message for f in item.check(Context({"opening": text, **data}, None, dt.date(2026, 1, 1), {}))]


# -- 1: a place named with another administrative suffix --------------------------------------------------

PLACE_NAMES = ["黄花", "夏茂", "东坪", "城关", "白沙", "青石", "龙泉", "桃源"]
SUFFIX_PAIRS = [("镇", "乡"), ("镇", "街道"), ("乡", "镇"), ("街道", "镇")]
# three sentences; the other suffix goes into one of them, the letter's own into the other two
PLACE_SENTENCES = ["{p}位于县域北部，辖12个行政村。", "今年我局在{p}建成文化广场一处。", "下一步将支持{p}发展乡村旅游。"]


def place_letters():
    for name, (often, once), slot in itertools.product(PLACE_NAMES, SUFFIX_PAIRS, range(3)):
        text = "".join(s.format(p=name + (once if k == slot else often)) for k, s in enumerate(PLACE_SENTENCES))
        yield text, name + once, name + often


def test_a_place_named_once_with_another_suffix_is_reported_wherever_it_stands():
    cases = list(place_letters())
    assert len(cases) == len(PLACE_NAMES) * len(SUFFIX_PAIRS) * 3
    missed = [text for text, once, often in cases
              if not any(f"“{once}”" in m and f"“{often}”" in m for m in raised("name-variant", text))]
    assert not missed, missed


@pytest.mark.parametrize("name", PLACE_NAMES)
def test_a_town_its_village_its_offices_and_two_places_listed_together_are_quiet(name):
    quiet = [
        "".join(s.format(p=name + "镇") for s in PLACE_SENTENCES) + f"{name}村、{name}社区已完成改造。",
        f"{name}镇政府高度重视。{name}镇卫生院已建成。{name}镇中心学校扩建。",
        f"{name}镇、{name}乡、西岭镇均已完成改造。{name}镇群众满意。{name}镇将继续推进。",
        "推进新型城镇化，城镇化率达60%。城乡融合发展，城镇面貌一新。乡镇干部下乡。",
    ]
    loud = [(text, raised("name-variant", text)) for text in quiet if raised("name-variant", text)]
    assert not loud, loud


# -- 2: a government body named with another level word ---------------------------------------------------

FIELDS = ["商务", "教育", "民政", "财政", "发改", "卫健", "交通"]
LEVEL_PAIRS = [("局", "厅"), ("局", "委"), ("委", "局")]
BODY_SENTENCES = ["{b}高度重视这件提案。", "我局已会同{b}实地调研。", "下一步我局将配合{b}继续争取资金。"]


def body_letters():
    for place, field, (often, once), slot in itertools.product("市县区", FIELDS, LEVEL_PAIRS, range(3)):
        if once == "厅" and slot == 0:
            continue  # 厅 first: the letter names 局 once after it, reported as well (tested below)
        text = "".join(s.format(b=place + field + (once if k == slot else often)) for k, s in enumerate(BODY_SENTENCES))
        yield text, place + field + once


def test_a_body_named_with_another_level_word_is_reported():
    cases = list(body_letters())
    assert len(cases) >= 150
    missed = [text for text, wrong in cases if not any(f"“{wrong}”" in m for m in raised("name-variant", text))]
    assert not missed, missed


@pytest.mark.parametrize("field", FIELDS)
def test_a_citys_ting_is_the_wrong_one_wherever_it_stands(field):
    text = f"市{field}厅牵头调研。市{field}局负责实施。"
    found = raised("name-variant", text)
    assert len(found) == 1 and f"“市{field}厅”" in found[0] and "省级" in found[0], found


@pytest.mark.parametrize("field", FIELDS)
def test_two_levels_bodies_each_with_its_place_are_quiet(field):
    for text in (f"省{field}厅和市{field}局联合推进。市{field}局已部署。", f"我局会同省{field}厅、县{field}局调研。",
                 f"县{field}局牵头。县{field}局负责。"):
        assert not raised("name-variant", text), text


# -- 3: a school named with its level swapped once ---------------------------------------------------------

SCHOOLS = ["东湖", "西溪", "育才", "文昌", "紫阳", "滨江"]
SCHOOL_PAIRS = [("小学", "中学"), ("中学", "小学"), ("初中", "高中"), ("小学", "幼儿园")]


def school_letters():
    for name, (often, once) in itertools.product(SCHOOLS, SCHOOL_PAIRS):
        yield (f"《关于加快{name}{often}扩建的建议》收悉。{name}{often}现状用地约1.9公顷，具备扩建条件。"
               f"我局已将{name}{once}扩建项目用地纳入年度供地计划。"), name + once, name + often


def test_a_school_named_once_with_another_level_in_a_sentence_of_the_same_project_is_reported():
    missed = [text for text, once, often in school_letters()
              if not any(f"“{once}”" in m and f"“{often}”" in m for m in raised("name-variant", text))]
    assert not missed, missed


@pytest.mark.parametrize("name", SCHOOLS)
def test_two_schools_listed_together_or_about_other_things_are_quiet(name):
    for text in (f"{name}小学、{name}中学均已完工。{name}小学扩建，{name}小学运行良好。",
                 f"{name}中学和{name}小学共用操场。{name}中学扩建，{name}中学运行良好。",
                 f"{name}小学扩建完成。{name}小学运行良好。{name}中学食堂已翻新。"):
        assert not raised("name-variant", text), text


# -- 4: an idiom or set phrase less an inner character ----------------------------------------------------

IDIOMS = ["因地制宜", "实事求是", "循序渐进", "齐抓共管", "千方百计", "落到实处"]
IDIOM_FRAMES = ["我们坚持{x}，分类推进。", "要求各校{x}、分类施策。", "下一步将按照{x}的原则推进。", "形成{x}的工作格局。"]


def idiom_cases():
    for idiom, frame in itertools.product(IDIOMS, IDIOM_FRAMES):
        for k in (1, 2):
            yield frame.format(x=idiom[:k] + idiom[k + 1:]), idiom, idiom[k]


def test_an_idiom_less_an_inner_character_is_reported_in_every_frame():
    cases = list(idiom_cases())
    found = [(text, idiom) for text, idiom, ch in cases if any(idiom in m and f"少了“{ch}”" in m for m in raised("lost-character", text))]
    # a frame the idiom does not fit stays quiet (形成因地宜的工作格局 reads no likelier with 因地制宜 there: 42 of
    # 48 found when written): at least three in four, and every idiom in a frame it fits
    assert len(found) >= 0.75 * len(cases), sorted({t for t, *_ in cases} - {t for t, _ in found})
    assert {idiom for _, idiom in found} == set(IDIOMS)
    loud = [text for idiom, frame in itertools.product(IDIOMS, IDIOM_FRAMES)
            for text in [frame.format(x=idiom)] if raised("lost-character", text)]
    assert not loud, loud


@pytest.mark.parametrize("text", ["我局将积极争取上级资金。", "这些问题在节假日尤为突出。", "我市先后出台多项政策。",
                                  "待建地块等边角地建设临时停车场。", "设施损坏后无人维修。", "我局将积极与上级部门对接。"])
def test_three_characters_across_words_that_an_idiom_less_one_would_read_are_quiet(text):
    """Clean letters' shapes (积极|争取 holds 极争取 of 极力争取, 问题在 of 问题所在)."""
    assert not [m for m in raised("lost-character", text) if "成语" in m]


# -- 5: a long compound the letter writes whole elsewhere ---------------------------------------------------

COMPOUNDS = [("污水零直排区", "零"), ("老年助餐点", "助")]
COMPOUND_FRAMES = [("我区以“{w}”建设为抓手。", "力争年底前完成{s}创建验收。"),
                   ("全区建成{w}26个。", "今年再新建{s}10个。"),
                   ("{w}建设纳入民生实事。", "对{s}给予运营补贴。")]


@pytest.mark.parametrize("whole,ch", COMPOUNDS)
def test_a_long_compound_less_a_character_beside_its_whole_form_is_reported(whole, ch):
    short = whole.replace(ch, "", 1)
    for first, second in COMPOUND_FRAMES:
        text = first.format(w=whole) + second.format(s=short)
        assert any(f"“{whole}”少了“{ch}”" in m for m in raised("lost-character", text)), text
        quiet = first.format(w=whole) + second.format(s=whole)
        assert not raised("lost-character", quiet), quiet


# -- 7–10: false alarms of the first look -------------------------------------------------------------------

ENDINGS = ["力争全年探访量在去年1.7万人的基础上增长三成。", "资金缺口较大，项目多，配套压力大。",
           "群众用水量在夏季明显增加。", "社会力量参与度高，覆盖率达到90%。"]


@pytest.mark.parametrize("text", ENDINGS)
def test_a_words_adjective_or_noun_ending_is_no_remnant(text):
    letter = "各方力量共同参与，困难较大。" + text  # 力量, 较大 written whole elsewhere
    assert not [m for m in raised("lost-character", letter) if "单独成字" in m], letter


USUAL = [("乡镇中心学校", "乡镇中心校"), ("村完全小学", "村完小"), ("县职业高中", "县职高"), ("市技工学校", "市技校")]


@pytest.mark.parametrize("whole,short", USUAL)
def test_a_usual_short_form_is_quiet_with_and_without_its_whole_form(whole, short):
    for text in (f"重点向{short}倾斜。", f"改造{whole}3所，{short}均已完工。", f"{whole}已完成。其余{short}正在推进。"):
        assert not raised("lost-character", text), text


LEVELS = [("社区居家养老服务中心", "社区居家养老服务站"), ("社区卫生服务中心", "社区卫生服务站"),
          ("居家养老服务中心", "居家养老服务站")]


@pytest.mark.parametrize("centre,station", LEVELS)
def test_two_levels_of_one_kind_of_facility_are_quiet(centre, station):
    for text in (f"全区建成城市{centre}(站)38个。今年新建{station}9个。对正常运营的{station}给予补贴。",
                 f"城市{centre}负责统筹。各{station}做好服务。"):
        assert not raised("name-variant", text), text


def test_one_bodys_centre_and_station_are_still_reported():
    found = raised("name-variant", "福田区人才服务中心负责。福田区人才服务站已开放。")
    assert len(found) == 1 and "服务站" in found[0], found


# a body whose name begins with its place's level character (市场, 市政, 区域, 县域), after a mark or 和/由/同
BODIES_AFTER_LEVEL = ["市场监督管理局", "市政设施管理所", "市场发展服务中心", "区域协调发展中心", "县域经济办公室"]


@pytest.mark.parametrize("body,before", itertools.product(BODIES_AFTER_LEVEL, "、和由同"))
def test_a_level_before_a_body_beginning_with_its_character_is_no_doubled_one(body, before):
    text = f"县文化和旅游局{before}{body[0]}{body}联合检查。"
    assert not raised("doubled-character", text), text


def test_a_doubled_character_elsewhere_is_still_reported():
    assert raised("doubled-character", "我们的的工作已完成。")
    assert raised("doubled-character", "县文化和旅游局、市市场监督管理局的的检查。")
