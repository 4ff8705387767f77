"""Round 8c of issue 13: what the final first look (dev11, 511–546) missed, generated.

A person's name said once with a homophone (高志强代表 … 感谢高智强代表, 519), a place named once with one
character changed before the same facility while the other spelling stands in a list of bodies (柳湾镇 … 柳滩镇
人民政府, 515), a school named once each way with a homophone (蓝田中心小学 … 兰田中心小学, 532), the other kind of
document in yet another form (你们提案中的意见 in a 建议 reply, 522), one count with another counting word
(摊位286个 … 286间摊位, 542).  Each with the close correct texts that must stay quiet."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from pypinyin import Style, pinyin

from letterkit import proof
from letterkit.proof.registry import Context


def findings(code: str, data: dict) -> list:
    item = next(r for r in proof.RULES if r.code == code)
    return list(item.check(Context(data, None, dt.date(2026, 1, 1), {})))


def people(data: dict) -> list:
    """person-variant's and addressee-homophone's findings: a name against the addressee's is the second's."""
    return findings("person-variant", data) + findings("addressee-homophone", data)


def sound(character: str) -> str:
    return pinyin(character, style=Style.NORMAL)[0][0]


# -- 1. a person's name with one character changed to a homophone -----------------------------------------

SURNAMES = ["高", "陈", "王", "李", "张", "刘", "马", "周"]
# (given name, one character of it swapped for a homophone): the clerk's input method's wrong candidate
GIVEN = [("志强", "智强"), ("海燕", "海艳"), ("建军", "建君"), ("丽华", "丽化"), ("明", "铭"), ("伟", "玮"),
         ("晓峰", "晓锋"), ("红梅", "宏梅"), ("静", "晶"), ("国庆", "国青")]
# another person: a name differing in a character of another sound
OTHER = [("志强", "志刚"), ("海燕", "海军"), ("明", "亮"), ("晓峰", "晓东")]


def test_the_swapped_characters_sound_alike():
    for right, wrong in GIVEN:
        (a, b), = [(x, y) for x, y in zip(right, wrong) if x != y]
        assert sound(a) == sound(b), (a, b)


NAME_CASES = [(s + r, s + w) for s, (r, w) in itertools.product(SURNAMES, GIVEN)]
# where the other spelling stands: the closing's thanks, the opening, a measure; with 代表, 委员, 同志
SHAPES = ["感谢{w}代表对我们工作的关心和支持！", "{w}委员提出的建议收悉。", "我局与{w}同志进行了电话沟通。"]


@pytest.mark.parametrize("right,wrong", NAME_CASES[::3])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_member_named_in_the_addressee_and_with_a_homophone_in_the_body_is_reported(right, wrong, shape):
    found = findings("addressee-homophone", {"addressee": {"name": right}, "closing": [shape.format(w=wrong)]})
    assert not findings("person-variant", {"addressee": {"name": right}, "closing": [shape.format(w=wrong)]})
    assert len(found) == 1 and right in found[0].message and wrong in found[0].message, found
    assert found[0].path == ("closing", 0)


@pytest.mark.parametrize("right,wrong", NAME_CASES[1::4])
def test_a_name_said_twice_in_the_body_and_once_with_a_homophone_is_reported_at_the_once(right, wrong):
    text = f"{right}代表提出的建议收悉。我局邀请{right}代表实地察看。会后向{wrong}代表通报了进展。"
    found = findings("person-variant", {"opening": text})
    assert len(found) == 1 and found[0].offset == text.index(wrong), found


@pytest.mark.parametrize("right,wrong", NAME_CASES[2::5])
@pytest.mark.parametrize("field", ["contact", "signer", "body"])
def test_the_contact_or_signer_named_two_ways_is_reported(right, wrong, field):
    if field == "contact":
        data = {"contact": {"name": right}, "closing": [f"联系人：{wrong}，电话：12345678"]}
    elif field == "signer":
        data = {"signer": right, "contact": {"name": wrong}}
    else:
        data = {"contact": {"name": wrong}, "addressee": {"name": right}}
    found = findings("person-variant", data)
    assert len(found) == 1 and wrong in found[0].message, found


@pytest.mark.parametrize("surname", SURNAMES)
@pytest.mark.parametrize("right,other", OTHER)
def test_two_people_whose_names_differ_in_another_sound_stay_quiet(surname, right, other):
    data = {"addressee": {"name": surname + right}, "closing": [f"感谢{surname}{right}代表的关心！"],
            "opening": f"{surname}{other}代表也提出了类似意见。"}
    assert people(data) == []


@pytest.mark.parametrize("right,wrong", NAME_CASES[::4])
@pytest.mark.parametrize("where", ["addressee", "body"])
def test_two_members_listed_together_stay_quiet(right, wrong, where):
    if where == "addressee":
        data = {"addressee": {"name": f"{right}、{wrong}"}, "closing": [f"感谢{right}代表、{wrong}代表的关心！"]}
    else:
        data = {"opening": f"{right}、{wrong}代表提出的建议收悉。", "closing": [f"感谢{wrong}代表和{right}代表！"]}
    assert people(data) == []


def test_one_name_written_the_same_everywhere_stays_quiet():
    for right, _ in NAME_CASES:
        data = {"addressee": {"name": right}, "contact": {"name": "白冰"}, "closing": [f"感谢{right}代表！"]}
        assert people(data) == [], right


# -- 2. a place with one character changed -----------------------------------------------------------------

TOWNS = [("柳湾", "柳滩"), ("石桥", "石岭"), ("青龙", "青凤"), ("河口", "河湾"), ("白杨", "白沙")]
BODIES = ["区市场监督管理局", "县农业农村局", "区住房和城乡建设局"]


@pytest.mark.parametrize("right,wrong", TOWNS)
@pytest.mark.parametrize("end,facility", [("镇", "人民政府"), ("乡", "人民政府"), ("镇", "卫生院"), ("街道", "便民服务中心")])
@pytest.mark.parametrize("body", BODIES)
def test_a_town_in_a_list_of_bodies_then_once_otherwise_before_the_same_facility_is_reported(right, wrong, end, facility, body):
    text = (f"{right}{end}农贸市场始建于2006年。我局会同{body}、{right}{end}{facility}进行了实地调研。"
            f"下一步，我局将指导{wrong}{end}{facility}落实管理责任。")
    found = findings("name-variant", {"opening": text})
    assert len(found) == 1 and f"{wrong}{end}" in found[0].message and f"{right}{end}" in found[0].message, found


@pytest.mark.parametrize("right,wrong", TOWNS)
@pytest.mark.parametrize("end", ["镇", "乡"])
def test_neighbouring_places_in_a_list_stay_quiet(right, wrong, end):
    text = f"{right}{end}、{wrong}{end}人民政府进行了调研。{right}{end}人民政府、{wrong}{end}人民政府分别落实。"
    assert findings("name-variant", {"opening": text}) == []


SCHOOLS = [("蓝田", "兰田"), ("黎明", "黎鸣"), ("青峰", "青锋"), ("凤翔", "凤祥"), ("红星", "宏星")]
SCHOOL_ENDS = ["中心小学", "小学", "中学", "卫生院", "幼儿园"]


@pytest.mark.parametrize("right,wrong", SCHOOLS)
@pytest.mark.parametrize("end", SCHOOL_ENDS)
def test_a_school_named_once_each_way_with_a_homophone_is_reported_at_the_later(right, wrong, end):
    text = (f"部分学校班额偏大，其中{right}{end}、朝阳{end}超过三成。"
            f"新建的龙江{end}已投入使用；{wrong}{end}扩建工程完成主体施工。")
    found = findings("place-homophone", {"opening": text})
    assert len(found) == 1 and found[0].offset == text.index(wrong), found


@pytest.mark.parametrize("right,_", SCHOOLS)
@pytest.mark.parametrize("end", SCHOOL_ENDS)
def test_two_schools_of_other_sounds_stay_quiet(right, _, end):
    text = f"其中{right}{end}、朝阳{end}超过三成。{right}{end}扩建完成；东方{end}已开工。"
    assert findings("place-homophone", {"opening": text}) == []


# -- 3. the other kind of document in yet another form --------------------------------------------------------

AS_DOCUMENT = {"建议": ["把你们提案中的意见落到实处", "您提案里提到的问题已解决", "你们的提案很有价值",
                      "对提案中的意见逐条研究", "你们提出的提案已收悉"],
               "提案": ["把你们建议中的意见落到实处", "对你们建议里提到的问题逐条研究"]}
QUIET = {"建议": ["在办理人大建议和政协提案中积累了经验", "结合政协提案中的意见", "提案中心"],
         "提案": ["你们建议尽快建设的项目已开工", "您的建议中提到的问题", "所提建议很有价值", "你们建议的事项"]}


@pytest.mark.parametrize("kind,text", [(k, t) for k, ts in AS_DOCUMENT.items() for t in ts])
@pytest.mark.parametrize("frame", ["{t}。", "经认真研究，{t}，我局将持续推进。", "下一步，{t}。"])
def test_the_other_document_named_in_another_form_is_reported(kind, text, frame):
    found = findings("kind-word", {"proposal": {"kind": kind}, "opening": frame.format(t=text)})
    assert len(found) == 1 and kind in found[0].message, found


@pytest.mark.parametrize("kind,text", [(k, t) for k, ts in QUIET.items() for t in ts])
def test_the_word_as_a_common_noun_or_verb_stays_quiet(kind, text):
    assert findings("kind-word", {"proposal": {"kind": kind}, "opening": text + "。"}) == []


def test_the_same_forms_in_the_right_kind_stay_quiet():
    for kind, texts in AS_DOCUMENT.items():
        for text in texts:
            assert findings("kind-word", {"proposal": {"kind": "建议" if kind == "提案" else "提案"},
                                          "opening": text + "。"}) == [], text


# -- 4. one count said with another counting word ----------------------------------------------------------

NOUNS = ["摊位", "充电桩", "停车位", "公厕", "教室", "垃圾房"]
NUMBERS = ["286", "120", "45", "1350"]
COUNTERS = [("个", "间"), ("个", "台"), ("处", "座"), ("个", "处")]


@pytest.mark.parametrize("noun", NOUNS)
@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("first,second", COUNTERS)
@pytest.mark.parametrize("order", ["before-after", "after-before", "before-before"])
def test_one_count_with_another_counting_word_is_reported(noun, number, first, second, order):
    one = f"改造提升{noun}{number}{first}" if order.startswith("before") else f"改造提升{number}{first}{noun}"
    two = f"完成的{number}{second}{noun}实行统一管理" if order.endswith("after") else f"已建成{noun}{number}{second}"
    found = findings("unit-subject", {"opening": f"{one}，群众满意。", "measures": [{"text": f"{two}。"}]})
    assert len(found) == 1 and f"{number}{second}" in found[0].message and noun[:2] in found[0].message, found


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("first,second", COUNTERS)
@pytest.mark.parametrize("nouns", list(itertools.permutations(NOUNS[:4], 2))[::2])
def test_the_same_number_of_two_different_things_stays_quiet(number, first, second, nouns):
    a, b = nouns
    text = f"改造提升{a}{number}{first}，新建{number}{second}{b}。"
    assert findings("unit-subject", {"opening": text}) == []


@pytest.mark.parametrize("noun", NOUNS)
@pytest.mark.parametrize("number", ["3", "8", "100", "20"])
def test_small_or_round_counts_stay_quiet(noun, number):
    text = f"改造提升{noun}{number}个，新建{number}间{noun}。"
    assert findings("unit-subject", {"opening": text}) == []
