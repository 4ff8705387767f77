"""Round 8 of issue 13: the misses and false alarms of a first look at 32 new letters, generated.

Misses: a fixed phrase less an inner character whose rest is the head of another reading (投入用 for
投入使用, quiet before 于), the other kind of document named in other forms (代表们在提案中反映的 in a reply to
a 建议, 委员在建议中提到 in a reply to a 提案), a government body named with a merged part added (县自然资源局 …
县自然资源和规划局).  False alarms: two real kinds of centre (社区党群服务中心, 社区卫生服务中心), a term and a word
on one character (出厂水水质), a term's head before a shortened-looking word (截污管网), a place's field of work
(全区卫生健康工作), a park's usual short form (区级创业孵化基地 … 区级孵化基地)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from letterkit import proof
from letterkit.proof import glossary
from letterkit.proof.registry import Context


def raised(code: str, text: str, **data) -> list[str]:
    """The messages of rule `code` on a draft whose opening is `text`."""
    item = next(r for r in proof.RULES if r.code == code)
    return [f.message for f in item.check(Context({"opening": text, **data}, None, dt.date(2026, 1, 1), {}))]


def every(text: str, **data) -> list[tuple[str, str]]:
    """(code, message) of every check rule on a draft whose opening is `text`."""
    context = Context({"opening": text, **data}, None, dt.date(2026, 1, 1), {})
    return [(r.code, f.message) for r in proof.RULES if r.stage == "check" and r.check for f in r.check(context)]


# -- 1: a fixed phrase less an inner character, where the rest is the head of another reading ----------

WHOLE = ["投入使用", "投入运行", "投入运营", "交付使用", "全面覆盖"]
# where the shortened phrase stands: after a verb, after 并, before a comma, a full stop, a time
FRAMES = ["{place}已于今年6月{x}。", "项目已建成并{x}，群众满意。", "{place}已{x}，运行良好。",
          "目前{place}尚未{x}。", "确保{place}年底前{x}。", "{place}{x}后，服务能力明显提升。"]
PLACES = ["冶力关游客服务中心", "城南污水处理厂", "县人民医院新院区", "镇综合文化站", "村级养老服务站", "智慧停车场"]


def shortened(phrase: str) -> list[tuple[str, str]]:
    """(the phrase less one character it may lose, that character) as phrases.txt reads it, leaving out the
    short forms that are right on their own (全覆盖) — the glossary index says which."""
    index = glossary.glossary_index(glossary.glossary())
    return sorted({(short, ch) for entries in index.values() for short, term, ch, _ in entries if term == phrase})


def test_the_whole_phrases_are_read_at_their_inner_characters():
    assert ("投入用", "使") in shortened("投入使用") and ("投使用", "入") in shortened("投入使用")
    assert ("全面盖", "覆") in shortened("全面覆盖") and ("全覆盖", "面") not in shortened("全面覆盖")
    assert glossary.phrase_losses()["投入使用"] == (1, 2)  # 投入 + 使用 and 投入使用 both read: merged


@pytest.mark.parametrize("phrase", WHOLE)
def test_a_fixed_phrase_less_an_inner_character_is_reported_in_every_frame(phrase):
    cases = [(frame.format(place=place, x=short), ch) for short, ch in shortened(phrase)
             for frame in FRAMES for place in PLACES]
    assert len(cases) >= len(FRAMES) * len(PLACES)
    missed = [text for text, ch in cases if not any(phrase in m and f"少了“{ch}”" in m for m in raised("lost-character", text))]
    assert not missed, missed
    loud = [text for text in (frame.format(place=place, x=phrase) for frame in FRAMES for place in PLACES)
            if raised("lost-character", text)]
    assert not loud, loud


@pytest.mark.parametrize("text", ["冶力关游客服务中心已于今年6月建成投入用。", "该站已建成并投入用，", "新院区建成投入用后，"])
def test_the_first_looks_own_shapes_are_found(text):
    """Two letters of 32 (round 8's first look): 投入用 was quiet because 投入用于 is right."""
    found = raised("lost-character", text)
    assert len(found) == 1 and "投入使用" in found[0], found


# what follows makes the shortened phrase the head of another, right reading
GOES_ON = ["资金全部投入用于{obj}。", "结余资金将投入用于{obj}，", "所筹款项投入用于{obj}。", "该笔资金交付用于{obj}。",
           "实现全覆盖，{obj}。", "该中心正运营，{obj}。"]
OBJECTS = ["道路建设", "改善民生", "设备采购", "村内基础设施", "人居环境整治"]


@pytest.mark.parametrize("frame", GOES_ON)
def test_the_shortened_phrase_going_on_into_a_right_reading_stays_quiet(frame):
    loud = [text for text in (frame.format(obj=obj) for obj in OBJECTS) if raised("lost-character", text)]
    assert not loud, loud


# -- 2: the other kind of document named in other forms -------------------------------------------------

SUBJECTS_OF = {"建议": ["代表们", "您", "各位代表", "王建国代表"], "提案": ["委员", "委员们", "您", "王建国委员"]}
WRONG_FORMS = {"建议": ["{s}在提案中反映的{o}", "{s}在提案中提到的{o}", "{s}提案中提到的{o}", "对{s}提案所提的{o}",
                        "{s}所提提案中的{o}", "{s}在本提案中提出的{o}"],
               "提案": ["{s}在建议中提到的{o}", "{s}在建议中反映的{o}", "{s}在这一建议中提出的{o}", "{s}在建议中指出的{o}"]}
TOPICS = ["停车难问题", "农村饮水安全问题", "学校周边交通秩序", "养老服务设施不足"]


@pytest.mark.parametrize("kind", ["建议", "提案"])
def test_the_other_kind_named_in_another_form_is_reported_once(kind):
    wrong, right = ("提案", "建议") if kind == "建议" else ("建议", "提案")
    cases = [f"{form.format(s=s, o=o)}，我局高度重视。" for form in WRONG_FORMS[kind] for s in SUBJECTS_OF[kind] for o in TOPICS]
    assert len(cases) >= 60
    for text in cases:
        found = raised("kind-word", text, proposal={"kind": kind})
        assert len(found) == 1 and wrong in found[0], (text, found)
        assert raised("kind-word", text.replace(wrong, right), proposal={"kind": kind}) == [], text


# 建议 is a common noun in a reply to a 提案; 提案 named as another document (a 政协 member's, a title) in a 建议 reply
QUIET_IN = {"提案": ["您提出的建议很有价值。", "对您所提建议，我局高度重视。", "您提案中的建议很好。", "在建议中提到的措施已落实。",
                     "您在提案中提到的问题已解决。", "专家在建议中提到的措施已落实。", "按照您的建议，我局已落实。"],
            "建议": ["与市政协委员在提案中提到的问题一并办理。", "按照《关于加快停车场建设的提案》的要求办理。",
                     "您的建议已收悉。", "您在建议中提到的问题已解决。", "政协委员们在提案中也提到此事。"]}


@pytest.mark.parametrize("kind", ["建议", "提案"])
def test_the_same_words_used_rightly_stay_quiet(kind):
    loud = [(text, found) for text in QUIET_IN[kind] if (found := raised("kind-word", text, proposal={"kind": kind}))]
    assert not loud, loud


def test_a_document_named_after_what_was_done_to_it_is_no_doubled_character():
    """所提提案 (所 + 提, then 提案): each 提 is a word's; 所提提提案 still has one too many."""
    for text in ("对您所提提案高度重视。", "您所提提案收悉。", "对代表所提提议认真研究。"):
        assert raised("doubled-character", text) == [], text
    assert raised("doubled-character", "您所提提提案收悉。")


# -- 3: a government body named with a merged part added ---------------------------------------------------

FIELDS = [("自然资源", "和规划"), ("教育", "体育"), ("教育", "和体育"), ("商务", "和投资促进"), ("住房和城乡建设", "和交通"),
          ("林业", "和草原"), ("工业", "和信息化"), ("农业", "农村")]
PLACE_LEADS = [("和政县", "县"), ("朝阳区", "区"), ("白银市", "市"), ("石林彝族自治县", "县")]
SENTENCES = ["由{body}调整用地规划。", "我局已商{body}联合开展检查。", "下一步，将协调{body}共同推进。"]


def body_cases():
    for (field, part), (place, lead), sentence in itertools.product(FIELDS, PLACE_LEADS, SENTENCES):
        yield place + field + "局", sentence.format(body=lead + field + part + "局"), part


def test_the_organ_and_a_body_paragraph_naming_it_with_a_part_added_are_reported():
    cases = list(body_cases())
    assert len(cases) >= 90
    for organ, text, part in cases:
        found = [m for m in raised("name-variant", text, organ={"name": organ}) if f"“{part}”" in m]
        if part == "农村":  # 农业局 … 农业农村局: the old and new names, said as such
            found = raised("name-variant", text, organ={"name": organ})
        assert len(found) == 1, (organ, text, raised("name-variant", text, organ={"name": organ}))
        assert raised("name-variant", text.replace(part + "局", "局"), organ={"name": organ}) == [], text


@pytest.mark.parametrize("first_short", [True, False])
def test_two_body_paragraphs_naming_one_body_with_and_without_the_part_are_reported_once(first_short):
    rng = random.Random(18)
    for field, part in FIELDS[:-1]:
        place = rng.choice("县区市")
        short, long = f"{place}{field}局", f"{place}{field}{part}局"
        one, two = (short, long) if first_short else (long, short)
        text = f"由{one}牵头，{two}配合，{one}负责验收。"
        found = raised("name-variant", text)
        assert len(found) == 1 and part in found[0], (text, found)


INSIDE = [("文化和旅游局", "文化广电和旅游局", "广电"), ("住房和城乡建设局", "住房和建设局", "城乡"),
          ("文化体育和旅游局", "文化和旅游局", "体育")]


@pytest.mark.parametrize("organ_ends, body_ends, part", INSIDE)
@pytest.mark.parametrize("place, lead", PLACE_LEADS)
def test_the_organ_and_a_body_paragraph_differing_by_a_part_inside_the_name_are_reported(organ_ends, body_ends, part, place, lead):
    """临潭县文化和旅游局 (organ) … 由县文化广电和旅游局负责: the part may stand inside the name too."""
    for sentence in SENTENCES:
        text = sentence.format(body=lead + body_ends)
        found = raised("name-variant", text, organ={"name": place + organ_ends})
        assert len(found) == 1 and f"“{part}”" in found[0], (text, found)
        assert raised("name-variant", sentence.format(body=lead + organ_ends), organ={"name": place + organ_ends}) == []
        other = "省" if lead != "省" else "市"  # another level's body of the same field
        assert raised("name-variant", sentence.format(body=other + body_ends), organ={"name": place + organ_ends}) == []


QUIET_BODIES = ["由市自然资源和规划局指导，区自然资源局负责。",  # two levels' bodies
                "县应急管理局牵头，县应急局配合。",  # a short form: 管理 is no merged part
                "县教育局牵头，县体育局配合。", "县教育局和县体育局联合检查。",  # sister offices
                "县自然资源局和县规划局联合检查。", "县商务局牵头，县工业和信息化局配合。",
                "县住房和城乡建设局、县乡村振兴局负责。", "县教育局、县体育局和县文化和旅游局联合检查。"]


@pytest.mark.parametrize("text", QUIET_BODIES)
def test_other_bodies_stay_quiet(text):
    assert raised("name-variant", text) == [], text


# -- 4, 8: two real kinds of centre; a park's usual short form ----------------------------------------

CENTRES = ["党群服务中心", "社区卫生服务中心", "养老服务中心", "便民服务中心", "政务服务中心"]


@pytest.mark.parametrize("lead", ["社区", "镇", "全区社区", "村（社区）"])
def test_two_real_kinds_of_centre_stay_quiet(lead):
    for a, b in itertools.permutations(CENTRES, 2):
        a_named = a if a.startswith("社区") else lead + a
        b_named = b if b.startswith("社区") else lead + b
        text = f"建成{a_named}3个，{b_named}全面覆盖，{a_named}运转良好，{b_named}服务群众。"
        assert raised("name-variant", text) == [], (text, raised("name-variant", text))


def test_a_real_variant_named_again_and_again_is_reported_once():
    text = "由区公路事业发展中心负责。区公路事业服务中心配合。全区公路事业服务中心每月巡查，区公路事业服务中心已验收。"
    assert len(raised("name-variant", text)) == 1


@pytest.mark.parametrize("level", ["区级", "县级", "市级", "镇级", "高新区"])
@pytest.mark.parametrize("full, short", [("创业孵化基地", "孵化基地"), ("就业见习基地", "见习基地")])
@pytest.mark.parametrize("first_full", [True, False])
def test_a_base_named_in_full_and_short_stays_quiet(level, full, short, first_full):
    one, two = (full, short) if first_full else (short, full)
    text = f"依托{level}{one}开展培训，{level}{two}已入驻企业20家。"
    assert raised("name-variant", text) == [], text


def test_a_park_named_short_of_a_word_letterkit_does_not_know_is_still_reported():
    """深港科技创新合作区 … 深港创新合作区: the quieting reads the glossary (创新合作区 is no term)."""
    assert raised("name-variant", "深港科技创新合作区建设加快，深港创新合作区已入驻企业20家。")


def test_a_centre_short_of_a_word_is_still_reported():
    """乡镇综合文化服务中心 … 乡镇文化服务中心: a centre is not shortened so (only bases and parks)."""
    assert raised("name-variant", "全区建成乡镇综合文化服务中心64个。推动乡镇文化服务中心与卫生院签约。")


# -- 5: a glossary term and a word on one character ------------------------------------------------------

@pytest.mark.parametrize("term", ["出厂水", "末梢水", "管网水"])
@pytest.mark.parametrize("word", ["水质", "水压", "水量"])
def test_a_term_ending_with_the_character_a_word_starts_with_is_no_doubling(term, word):
    for frame in ("{t}{w}达标。", "全县{t}{w}检测合格率100%。", "定期抽检{t}{w}，"):
        text = frame.format(t=term, w=word)
        assert raised("doubled-character", text) == [], text
        assert raised("doubled-character", text.replace(term + word, term + word[0] + word)), text


# -- 6: a term's head before what looks like a term less a character -------------------------------------

@pytest.mark.parametrize("head", ["截污", "雨污"])
@pytest.mark.parametrize("frame", ["新建{x}9.8公里。", "完成{x}改造，", "{x}已全部接通。"])
def test_a_terms_head_before_a_shortened_looking_word_stays_quiet(head, frame):
    text = frame.format(x=head + "管网")
    assert raised("lost-character", text) == [], text
    lost = frame.format(x="污管网")
    assert any("污水管网" in m for m in raised("lost-character", lost)), lost


# -- 7: a place's field of work is no organ cut short ---------------------------------------------------

ORGANS = ["区卫生健康局", "县住房和城乡建设局", "北京市朝阳区卫生健康局", "石林彝族自治县文化和旅游局"]
FIELD_USES = ["纳入全{c}“十四五”规划。", "感谢您对全{c}工作的关心。", "推动全{c}事业高质量发展。", "{c}工作取得明显成效。",
              "{c}“十四五”规划已印发。", "{c}系统干部职工。"]


@pytest.mark.parametrize("organ", ORGANS)
def test_a_places_field_of_work_is_no_truncated_organ(organ):
    place = max(k for k in range(len(organ) - 2) if organ[k] in "省市县区旗")
    cut = organ[place:-1]  # 区卫生健康
    for use in FIELD_USES:
        text = use.format(c=cut)
        assert raised("organ-truncated", text, organ={"name": organ}) == [], text
    for verb in ("将", "负责", "牵头"):
        assert raised("organ-truncated", f"由{cut}{verb}组织实施。", organ={"name": organ})


def test_the_head_of_a_longer_body_is_name_variants_not_a_lost_last_character():
    found = every("由县自然资源和规划局调整用地。", organ={"name": "和政县自然资源局"})
    assert [code for code, _ in found if code in ("organ-truncated", "name-variant")] == ["name-variant"], found
