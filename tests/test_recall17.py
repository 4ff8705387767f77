"""Round 7 of issue 13 (recall and false alarms): the families missed on heldout5/heldout6, generated.

Fixed phrases and 化/式 compounds less a character (letterkit/data/phrases.txt), 本提案 / 您的提案 in a
reply to a 建议, a proposer named with the other body's role, a verb doubled after 已 and a word's last
character doubled before a word, an empty 联系人 line at import, the false alarms read on those letters,
one finding for one slip, and a project's terms added to the shipped glossary."""

from __future__ import annotations

import datetime as dt

import pytest

from letterkit import proof
from letterkit.checkrun import check_paths
from letterkit.proof import glossary, repetition, typeset
from letterkit.proof.registry import Context
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT, make_project


def raised(code: str, text: str, **data) -> list[str]:
    """The messages of rule `code` on a draft whose opening is `text`."""
    item = next(r for r in proof.RULES if r.code == code)
    return [f.message for f in item.check(Context({"opening": text, **data}, None, dt.date(2026, 1, 1), {}))]


def checked(tmp_path, text: str, extra: str = "") -> list:
    """check's problems on the minimal draft with `text` as a measure's text (and `extra` YAML appended)."""
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", text) + extra
    root = make_project(tmp_path, {"drafts/d.yaml": draft})
    path = root / "drafts" / "d.yaml"
    return check_paths([path], open_project(root))[path]


# -- 1: fixed phrases and compounds with an affix, less one character ---------------------------------

PHRASE_FRAME = "下一步，我们将{}相关工作。"


def phrase_cases():
    """(phrase, what is left when one character it may lose is taken out) for every phrase of
    phrases.txt that the glossary's index holds (not when that is a word of jieba's or a term, or starts
    with a particle or a place's last character: then nothing can be said)."""
    phrases = glossary.phrase_losses()
    return sorted((term, short) for entries in glossary.glossary_index(glossary.glossary()).values()
                  for short, term, _, k in entries if k in phrases.get(term, ()))


def test_the_phrase_list_is_read_and_sizeable():
    phrases = glossary.phrase_losses()
    assert len(phrases) >= 150 and {"进一步完善", "投入运行", "运行维护", "改造老旧小区", "一体化净水", "嵌入式养老"} <= set(phrases)
    assert phrases["进一步完善"] == (1, 2) and phrases["运行维护"] == (1, 2)  # a head's characters; a phrase's inner ones
    assert set(phrases) <= set(glossary.glossary())


def test_every_phrase_less_a_character_is_reported_with_the_whole_phrase():
    cases = phrase_cases()
    assert len(cases) >= 200
    # 运维护: 运行维护 or 运营维护, either named; 日常护: the phrase 日常维护 or the term 日常养护 (terms.txt)
    pairs = set(cases) | {(term, short) for entries in glossary.glossary_index(glossary.glossary()).values()
                          for short, term, _, _ in entries}
    missed = [short for phrase, short in cases
              if not any(found[2] == short and (found[3], short) in pairs for found in glossary.glossary_losses([PHRASE_FRAME.format(short)]))]
    assert not missed, missed


@pytest.mark.parametrize("frame", [PHRASE_FRAME, "今年以来，全县{}，群众满意。", "（一）{}。"])
def test_every_phrase_written_whole_is_quiet(frame):
    loud = [phrase for phrase in glossary.phrase_losses() if glossary.glossary_losses([frame.format(phrase)])]
    assert not loud, loud


# correct texts close to a phrase less a character: the shortened form is right here, or the loss would be
# outside the phrase's head (实现覆盖), or the characters make other words (投资金额, 基础施工)
CLOSE_AND_RIGHT = ["实现覆盖全县", "坚持一体推进", "不断完善制度", "采购智能设备", "建设标准厂房", "按标准建设道路",
                   "将服务嵌入社区", "投资金额较大", "开展基础施工", "提供办公服务", "优化经营环境", "进行改造升级",
                   "高质量展示成果", "进一步善用资源", "建立增长机制", "提升级别", "完成情况良好", "落实处理意见",
                   "维修养护费用", "雨污管网", "排查隐患", "实行集中供水", "发展规模养殖", "推进数字转型"]


@pytest.mark.parametrize("text", CLOSE_AND_RIGHT)
def test_close_correct_texts_stay_quiet(text):
    assert raised("lost-character", text + "。") == []


HELDOUT_SLIPS = [("因地制宜采用一体净水设备或家庭净水器。", "一体化净水"), ("目前，已累计改老旧小区73个。", "改造老旧小区"),
                 ("新建社区嵌入养老服务中心3个。", "社区嵌入式养老"), ("由第三方专业公司运维护。", "维护"),
                 ("2月底前全部投运行。", "投入运行"), ("会同区商务局，进步完善柑橘产业大脑。", "进一步完善")]


@pytest.mark.parametrize("text,whole", HELDOUT_SLIPS)
def test_the_heldout_letters_lost_characters_are_found(text, whole):
    """heldout5 191, 194, 199, 202, 209 and heldout6 295: all missed before this round."""
    found = raised("lost-character", text)
    assert len(found) == 1 and whole in found[0], found


# -- 2: words of the other kind or body --------------------------------------------------------------

GIVEN = ["婉清", "建国", "明", "丽华", "志强"]


@pytest.mark.parametrize("surname", list("王李张刘陈杨黄赵吴周"))
@pytest.mark.parametrize("kind,wrong,right", [("提案", "代表", "委员"), ("建议", "委员", "代表")])
@pytest.mark.parametrize("verb", ["提出", "所提", "领衔提出", "在提案中提到"])
def test_a_proposer_named_with_the_other_bodys_role_is_reported(surname, kind, wrong, right, verb):
    for given in GIVEN:
        text = f"该{kind}由{surname}{given}{wrong}{verb}，由贵局主办，我局会办。"
        found = raised("addressee-role", text, proposal={"kind": kind})
        assert len(found) == 1 and f"{surname}{given}{wrong}" in found[0], (text, found)
        assert raised("addressee-role", text.replace(wrong, right), proposal={"kind": kind}) == []


@pytest.mark.parametrize("text", ["企业代表提出意见。", "群众代表在会上发言。", "部分委员提出建议。", "由政协委员提出。",
                                  "由人大代表提出。", "张三代表我局出席会议。", "由于委员会的安排。"])
def test_people_who_are_not_the_proposer_stay_quiet(text):
    for kind in ("提案", "建议"):
        assert raised("addressee-role", text, proposal={"kind": kind}) == [], (kind, text)


@pytest.mark.parametrize("lead", ["本", "该", "这一", "您的", "您所提的", "您提出的", "您这一"])
@pytest.mark.parametrize("after", ["提出的问题", "中提到", "很有针对性", "已收悉"])
def test_a_proposal_word_in_a_reply_to_a_suggestion_is_reported_once(lead, after):
    text = f"三、{lead}提案{after}，建议由贵局统筹考虑。"
    found = raised("kind-word", text, proposal={"kind": "建议"})
    assert len(found) == 1 and "提案" in found[0], found
    assert raised("kind-word", text.replace("提案", "建议", 1), proposal={"kind": "建议"}) == []


@pytest.mark.parametrize("text", ["您的建议中提到的问题很有针对性。", "从根本建议入手。", "按照基本建议办理。"])
def test_suggestion_words_a_proposal_may_hold_stay_quiet(text):
    """A 提案 is full of 建议: 您的建议 in a reply to a 提案 is no contradiction."""
    assert raised("kind-word", text, proposal={"kind": "提案"}) == []


# -- 3: a character doubled -------------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["已", "已经", "正在", "业已"])
def test_a_verb_said_twice_after_done_is_reported(lead):
    verbs, doubled = repetition._verb_tags()
    cases = [v for v in sorted(verbs) if doubled.get(v + v, "v") in ("v", "vn")][:200]
    assert len(cases) >= 100
    missed = []
    for verb in cases:
        text = f"该件{lead}{verb}{verb}我局办理。"
        if not any(f"“{verb}”连写两遍" in message for message, *_ in repetition._doubled_in(text)):
            missed.append(verb)
    assert not missed, missed


@pytest.mark.parametrize("word", ["渐渐", "慢慢", "常常", "纷纷", "刚刚", "牢牢", "层层", "步步", "处处", "天天", "人人", "事事"])
def test_adverbs_and_nouns_said_twice_after_done_stay_quiet(word):
    assert list(repetition.verb_twice_after_done(f"该项工作已{word}推开。")) == []


SLIP_VERBS = ["进行", "开展", "加强", "推进", "落实", "组织", "实施", "完善", "转交", "督促"]
OBJECTS = ["规范整治", "专项检查", "安全培训", "日常监管"]


def test_a_verbs_last_character_doubled_before_its_object_is_reported():
    """进行行规范整治 (heldout6 304): the last character of a common verb doubled; measured over verbs × objects."""
    cases = [f"我局将{verb}{verb[-1]}{obj}。" for verb in SLIP_VERBS for obj in OBJECTS]
    found = [text for text in cases if any("连写两遍" in message for message, *_ in repetition._doubled_in(text))]
    assert "我局将进行行规范整治。" in found
    assert len(found) >= 0.6 * len(cases), sorted(set(cases) - set(found))


@pytest.mark.parametrize("text", ["对市场进行行业规范整治。", "做好进行行政审批。", "开展展览活动。", "推进进度管理。", "道路路面整修。",
                                  "旗蒙医医院与养老机构合作。", "县中医医院。", "藏医医院。", "傣医医院。", "已看到问题。"])
def test_words_that_meet_at_a_character_stay_quiet(text):
    assert [m for m, *_ in repetition._doubled_in(text)] == []


# -- 4: an empty contact line at import --------------------------------------------------------------

@pytest.mark.parametrize("label", ["联系人", "联系电话", "联系方式"])
@pytest.mark.parametrize("colon", [":", "：", " ：  "])
@pytest.mark.parametrize("after", ["联系电话:0516-89621745", "", "沛县人力资源和社会保障局"])
def test_an_empty_contact_line_is_reported_at_its_line(label, colon, after):
    lines = list(enumerate(["2024年6月14日", f"{label}{colon}", after], start=31))
    found = list(typeset._form_line(lines, False))
    assert [f.line for f in found] == [32] and label in found[0].message


@pytest.mark.parametrize("value", ["张三", "李四，0516-1234567", "0516-89621745", "（0516）89621745", "王五 电话：0516-1234567",
                                   "欧阳明华（办公室）"])
def test_a_contact_whose_value_moved_to_the_next_line_is_quiet(value):
    assert list(typeset._form_line([(1, "联系人："), (2, ""), (3, value)], False)) == []
    assert list(typeset._form_line([(1, f"联系人：{value}")], False)) == []


# -- 5: the false alarms read on heldout5/heldout6 ---------------------------------------------------

@pytest.mark.parametrize("text", ["全年组织线上线下招聘活动12场。", "其中西城路片区、公园路片区已完成改造。", "部署气象监测等物联网设备。",
                                  "落实属地管理责任，对食品安全负总责。", "配备心电图机、便携式B超机。", "增设公共停车位和临时公厕。"])
def test_the_heldout_false_alarms_stay_quiet(text):
    assert raised("lost-character", text) == []


@pytest.mark.parametrize("first,second", [("（1）", "（2）"), ("(1)", "(2)"), ("（3）", "（4）"), ("（一）", "（二）"), ("（四）", "（五）")])
def test_an_enumeration_inside_a_paragraph_is_no_hand_typed_number(first, second):
    rule = next(r for r in proof.RULES if r.code == "hand-typed-number")

    def found(text):
        return list(rule.check(Context({"measures": [{"text": text}]}, None, dt.date(2026, 1, 1), {})))
    assert found(f"{first}实施旅游厕所改造提升项目；{second}设置停车场。") == []
    assert len(found(f"{first}实施旅游厕所改造提升项目。")) == 1  # a number alone at the start is hand-typed
    assert len(found(f"{first}实施项目；{first}设置停车场。")) == 1  # the same number again is no enumeration


def test_a_heading_run_into_a_paragraph_is_still_reported():
    rule = next(r for r in proof.RULES if r.code == "hand-typed-number")
    text = "一、实施项目。二、设置停车场。"
    assert len(list(rule.check(Context({"measures": [{"text": text}]}, None, dt.date(2026, 1, 1), {})))) == 1


# -- 6: one slip, one finding ------------------------------------------------------------------------

def test_a_name_shortened_by_a_character_is_reported_once(tmp_path):
    """区中医院 … 区中医医院 (dev6 215): lost-character and name-variant told the same slip twice."""
    text = "区中医院已开设老年病科。下一步，区中医医院将增设床位。"
    problems = [p for p in checked(tmp_path, text) if p.code in ("lost-character", "name-variant")]
    assert len(problems) == 1, [str(p) for p in problems]


def test_told_before_keeps_different_slips():
    told = {}
    assert not proof.told_before("lost-character", "“甲乙丙”比本信别处的“甲乙丁丙”少了“丁”", told)
    assert proof.told_before("name-variant", "“甲乙丁丙”与前文“甲乙丙”相差", told)
    assert not proof.told_before("name-variant", "“戊己庚”与前文“戊己辛”相差", told)
    assert not proof.told_before("lost-character", "“戊己”单独成字", told)


# -- 7: a project's terms add to the shipped glossary ------------------------------------------------

def test_a_projects_terms_add_to_the_shipped_glossary(tmp_path):
    text = "全区建成青少家园3处，重点关注农村留守童的学习。"
    found = [p for p in checked(tmp_path, text, "check:\n  terms: [青少年家园]\n") if p.code == "lost-character"]
    messages = " ".join(p.message for p in found)
    assert "青少年家园" in messages and "农村留守儿童" in messages, messages


@pytest.mark.parametrize("lead", ["本", "该", "这一", "这件", "此件"])
def test_a_suggestion_word_naming_what_a_proposal_reply_answers_is_reported(lead):
    text = f"{lead}建议提出的问题很有针对性。"
    found = raised("kind-word", text, proposal={"kind": "提案"})
    assert len(found) == 1 and f"{lead}建议" in found[0], found
    assert raised("kind-word", text.replace("建议", "提案"), proposal={"kind": "提案"}) == []


@pytest.mark.parametrize("time", ["本月", "当月", "每月", "上月", "今年", "去年", "明年", "当年", "每年", "本季", "本周", "上周"])
@pytest.mark.parametrize("part", "底初末中内")
def test_a_time_and_a_part_of_it_is_no_doubled_character(time, part):
    """本月月底前完成 (test_proof_t15 after the merge of round 7): 本月|月底, both words, read as a slip by the
    across-words reading; a time and its part (今年年初, 本周周末) is plain usage."""
    from letterkit.proof.repetition import doubled_across_words

    text = f"该项目计划于{time}{time[-1]}{part}前完成，届时将组织验收。"
    assert doubled_across_words(text) == [], text


@pytest.mark.parametrize("name", ["陈海燕", "欧阳明", "李华"])
@pytest.mark.parametrize("said", ["我局与{s}{r}进行了电话沟通。", "感谢{s}{r}对我区工作的关心。", "会后向{s}{r}通报了办理进展。",
                                  "（{s}{r}反映的问题已整改）"])
@pytest.mark.parametrize("kind", ["提案", "建议"])
def test_the_addressee_called_by_surname_with_the_other_bodys_role_is_found(name, said, kind):
    """与陈委员进行了电话沟通 in a reply to 陈海燕代表 (held-out 352, first look of round 7): the surname alone."""
    right, wrong = ("委员", "代表") if kind == "提案" else ("代表", "委员")
    def run(code, data):
        rule = next(r for r in proof.RULES if r.code == code).check
        return list(rule(proof.Context(data, None, dt.date(2024, 5, 6), {})))

    def draft(text):  # a new draft each time: prose() remembers what it read of a draft
        return {"proposal": {"kind": kind}, "addressee": {"name": name, "role": right},
                "measures": [{"heading": "工作情况", "text": text}]}

    assert run("addressee-role", draft(said.format(s=name[0], r=wrong)))
    assert not run("addressee-role", draft(said.format(s=name[0], r=right)))
    assert not run("addressee-role", draft("区政协社会委员会委员，区人大常委会代表工作委员会参加了座谈。"))


@pytest.mark.parametrize("name", ["黄牛贷", "服务基层行", "强基层、建机制", "邻里帮"])
@pytest.mark.parametrize("quotes", ["“{}”", '"{}"'])
def test_a_character_alone_inside_a_quoted_name_is_no_lost_one(name, quotes):
    """推出“黄牛贷”产品 beside 贷款, “服务基层行”活动 beside 进行 (first look of round 7: 358, 377, 391): a name or
    slogan in quotes coins its own words; the same character alone outside quotes is still read."""
    def run(data):
        rule = next(r for r in proof.RULES if r.code == "lost-character").check
        return list(rule(proof.Context(data, None, dt.date(2024, 5, 6), {})))

    words = "贷款 进行 组建 帮助 基层 机制"
    quoted = quotes.format(name)
    text = f"我局联合银行推出{quoted}项目，按照{words.replace(' ', '、')}的要求抓好落实，发放贷款3000万元，组建服务队12支。"
    found = run({"measures": [{"heading": "工作情况", "text": text}]})
    assert not [f for f in found if text.index(quoted) <= f.offset < text.index(quoted) + len(quoted)], found


@pytest.mark.parametrize("names", [("三峡大坝", "黄花", "官庄"), ("宜昌", "三峡", "神农架"), ("城关", "东坝", "西山", "南湖"),
                                   ("大水川", "坪头")])
def test_a_route_of_places_joined_by_single_dashes_is_no_short_dash(names):
    """三峡大坝—黄花—官庄沿线, 《大水川—坪头乡村旅游融合发展规划》 (first look of round 7: 373, 378): a route's
    dashes join places; a dash typed short in a sentence is still found beside it."""
    def run(text):
        rule = next(r for r in proof.RULES if r.code == "lone-dash").check
        return list(rule(proof.Context({"measures": [{"heading": "工作情况", "text": text}]}, None, dt.date(2024, 5, 6), {})))

    route = "—".join(names)
    assert not run(f"我局已将{route}沿线纳入《全域旅游发展规划》。")
    assert len(run(f"我局已将{route}沿线纳入规划，这是我们的工作—也是责任。")) == 1
