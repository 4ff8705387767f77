"""False alarms of the clean dense letters (clean10, 841–872), by their general causes, each with a family of its
shape kept quiet and the close real slips still found: amounts for each of two things (每餐 … 每张), a part of a total
(其中新建1.5万亩), set formulas (应享尽享), a slogan's parallel items (“日自查、季检查”), the letter's own words at a
phrase's edge (文旅, 上客点, 排口), terms of two spellings (湖长制, 河湖长制), a word and a measure's ending (服务量),
a count's noun after its measure word (3名名师), a name between two words (联合滴滴出行), two names meeting on one
word (义务教育教育集团), two names joined by 与 (城区优质学校与乡镇学校), a title and what follows it (湖长巡湖)."""

from __future__ import annotations

import pytest

from letterkit.checkrun import check_paths
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT, make_project


def found(tmp_path, text: str, code: str) -> list:
    root = make_project(tmp_path, {"drafts/d.yaml": MINIMAL_DRAFT.replace("每日巡查校园周边。", text)})
    path = root / "drafts" / "d.yaml"
    return [p for p in check_paths([path], open_project(root))[path] if p.code == code]


# -- quantities: amounts for each of two things; a part of its sentence's total --------------------------------

RATES = [("餐", "张", "5", "5000"), ("人", "亩", "30", "300"), ("户", "床", "2", "2000"), ("次", "间", "8", "800")]


@pytest.mark.parametrize("first, second, small, big", RATES)
def test_amounts_for_each_of_two_things_are_two_figures(tmp_path, first, second, small, big):
    text = f"对就餐老人按每{first}3元至{small}元标准给予补贴。对新增设施按每{second}{big}元标准给予补贴。"
    assert not found(tmp_path, text, "quantity-magnitude")


@pytest.mark.parametrize("first, second, small, big", RATES)
def test_one_amount_for_each_of_one_thing_at_another_magnitude_is_still_found(tmp_path, first, second, small, big):
    text = f"对就餐老人按每{first}{small}元标准给予补贴。对新增设施按每{first}{big}元标准给予补贴。"
    assert found(tmp_path, text, "quantity-magnitude")


PARTS = [("1500", "1.5万", "亩"), ("2300", "2.3万", "亩"), ("4600", "4.6万", "人")]


@pytest.mark.parametrize("written, total, unit", PARTS)
def test_a_part_of_a_total_is_no_figure_written_out_wrong(tmp_path, written, total, unit):
    text = f"两村连片共{written}{unit}。全县计划建设8.8万{unit}，其中新建{total}{unit}、提升7.3万{unit}。"
    assert not found(tmp_path, text, "figure-magnitude")


@pytest.mark.parametrize("written, total, unit", PARTS)
def test_the_same_figure_written_out_a_place_short_is_still_found(tmp_path, written, total, unit):
    text = f"两村连片共{written}{unit}。全县计划新建{total}{unit}。"
    assert found(tmp_path, text, "figure-magnitude")


# -- lost-character ----------------------------------------------------------------------------------------

LOST = "lost-character"
CLOSE_SLIP = "全区建成养老服务中心3个，另有2个居家养老服务心已投入运营。"  # 养老服务心: a real lost 中


@pytest.mark.parametrize("text", [
    "让符合条件的老年人应享尽享。让老年人在家门口享受便捷的养老服务。",
    "确保符合条件的困难群众应享尽享。让群众享受改革成果。",
    "做到政策应享尽享、应退尽退。让企业享受减税红利。",
])
def test_a_set_formula_with_one_character_twice_is_no_lost_character(tmp_path, text):
    assert not found(tmp_path, text, LOST)
    assert found(tmp_path, text + CLOSE_SLIP, LOST)  # the letter's real slip beside it is still told


@pytest.mark.parametrize("slogan, whole", [
    ("“日自查、季检查”", "季度检查"), ("“周巡查、月检查”", "月度检查"), ("“日自查、季检查、年考核”", "季度检查"),
])
def test_a_slogans_parallel_items_are_no_lost_character(tmp_path, slogan, whole):
    assert not found(tmp_path, f"建立助餐点食品安全{slogan}制度。全年开展{whole}188家次。", LOST)


@pytest.mark.parametrize("whole", ["季度检查", "月度检查"])
def test_the_short_form_outside_a_list_is_still_found(tmp_path, whole):
    short = whole[0] + whole[2:]
    assert found(tmp_path, f"建立{short}制度。全年开展{whole}188家次。", LOST)


@pytest.mark.parametrize("text", [
    "全区投入文旅专项资金1.28亿元，开展文旅推介活动12场。积极争取上级乡村旅游专项资金。",
    "将机场网约车上客点调整至东侧，并设置专用上客点1处。针对网约车上下客秩序问题，我局已协调处理。",
    "排查工业排口11个、生活污水排口134个。",
])
def test_a_word_of_the_letter_at_a_phrases_edge_is_no_lost_character(tmp_path, text):
    assert not found(tmp_path, text, LOST)
    assert found(tmp_path, text + CLOSE_SLIP, LOST)


def test_a_phrase_edge_the_letter_writes_only_in_the_whole_is_still_found(tmp_path):
    # 文旅 written nowhere else: the lone 旅 of 文旅专项资金 is still read against 旅游专项资金
    assert found(tmp_path, "全区投入养老服务心1.28亿元。建成养老服务中心3个。", LOST)


@pytest.mark.parametrize("short, whole", [("湖长制", "河湖长制"), ("河长制", "河湖长制")])
def test_two_terms_of_the_glossary_are_no_lost_character(tmp_path, short, whole):
    text = f"纳入{short}管理的湖泊118个。纳入{whole}管理的港渠64条。"
    assert not found(tmp_path, text, LOST)


@pytest.mark.parametrize("text", [
    "依托区级公共服务台，累计培育电商主体120家。全区村级电商公共服务平台已上线。",  # 服务台 a word, no glossary term
    "完成校舍扩建工程。新建公办幼儿园3所，改扩建公办幼园2所。",  # 扩建 written elsewhere, far from the lost 儿
])
def test_a_lost_character_beside_a_word_of_jiebas_is_still_found(tmp_path, text):
    assert found(tmp_path, text, LOST)


@pytest.mark.parametrize("before", ["有效", "家庭医生有效"])
def test_a_word_and_a_measures_ending_is_no_lost_character(tmp_path, before):
    assert not found(tmp_path, f"将{before}服务量纳入考核。二是提高签约服务质量。", LOST)


# -- doubled-character -------------------------------------------------------------------------------------

DOUBLED = "doubled-character"


@pytest.mark.parametrize("text", ["选派2至3名名师到薄弱学校任教。", "帮扶3家家庭农场发展。", "遴选5名名医到乡镇坐诊。"])
def test_a_measure_word_then_a_noun_it_begins_is_no_doubled_character(tmp_path, text):
    assert not found(tmp_path, text, DOUBLED)


@pytest.mark.parametrize("text", ["建成3个个服务点。", "新增5家家养老机构。"])
def test_a_measure_word_typed_twice_after_a_number_is_still_found(tmp_path, text):
    assert found(tmp_path, text, DOUBLED)


@pytest.mark.parametrize("text", ["节假日期间联合滴滴出行在机场设置专用上客点。", "我局协调滴滴出行在火车站增派车辆。"])
def test_a_name_with_a_doubled_character_between_two_words_is_no_doubled_character(tmp_path, text):
    assert not found(tmp_path, text, DOUBLED)


@pytest.mark.parametrize("text", ["组建义务教育教育集团3个。", "成立职业教育教育联盟。", "推动学前教育教育集团化办学。"])
def test_two_names_meeting_on_one_word_are_no_doubled_word(tmp_path, text):
    assert not found(tmp_path, text, DOUBLED)


@pytest.mark.parametrize("text", ["加强教育教育工作。", "开展培训培训活动。"])
def test_a_word_typed_twice_is_still_found(tmp_path, text):
    assert found(tmp_path, text, DOUBLED)


# -- name-variant ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, town, country", [("学校", "城区", "乡镇"), ("医院", "城区", "乡镇"), ("学校", "县城", "农村")])
def test_two_names_joined_by_yu_are_no_variant_of_their_short_form(tmp_path, kind, town, country):
    text = f"组织{town}与{country}{kind}人员交流轮岗238人。推动{town}优质{kind}与{country}{kind}结对帮扶。"
    assert not found(tmp_path, text, "name-variant")


def test_a_name_short_of_a_word_is_still_found(tmp_path):
    assert found(tmp_path, "推动深港科技创新合作区建设。统筹深港创新合作区建设。", "name-variant")


def test_a_title_and_what_follows_it_is_no_name_variant(tmp_path):
    text = ("纳入湖长制管理的湖泊共118个，纳入湖长制考核。健全湖长巡湖制度，区级湖长每季度巡湖1次，"
            "街道级湖长每月巡湖1次。")
    assert not found(tmp_path, text, "name-variant")
