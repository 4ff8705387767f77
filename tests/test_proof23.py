"""Round 12 of issue 13: serious slips dev14 (751–826) hid in round 10's held-out measurement, by their general
causes, generated.

A count said again with its digits swapped where the restating words were not read as pointing back: 全区 before it
(全区中小学86所 … 全区68所中小学), a count on whose basis more is done (新增学位2700个 … 在已新增2070个学位的基础上), a
count of a year's doing (2021年新建口袋公园18座 … 将2021年建成的81座口袋公园), a noun opening with a character that
is elsewhere a qualifier (1460个共享泊位 … 上述1640个共享泊位: 共 of 共享, not of 共计); an as-of time after the
letter's own date (截至2023年9月底，共查处 in a letter of 2023-07-18); the organ's own place written once with a
character of the same sound (包头市昆都仑区市场监督管理局 … 昆都伦区); a figure of what there is now with its point lost
(刺梨种植面积1.2万亩 … 对现有12万亩刺梨基地); 3800户群众 … 上述3800人群众 (人群 read as a crowd); the member's proposal
quoted again in the body another way (您在《关于加强相思江综合治理的建议》中).  Each over generated variants, with the
close correct texts quiet."""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest

from imported import sample
from letterkit import proof
from letterkit.proof.registry import Context
from test_content17 import placed, raised

# -- 1. a count said again with its digits swapped ---------------------------------------------------------------

SWAPS = [("86", "68"), ("1460", "1640"), ("2700", "2070"), ("18", "81"), ("375", "357")]
# (the first saying, the saying again): what points back that round 10 did not read
SAYINGS = [
    ("全区现有中小学{a}所，其中小学61所。", "（四）推进家校协同。全区{b}所中小学均开设了家长学校。"),
    ("2021年以来新建、改扩建幼儿园9所，新增学位{a}个。", "下一步，我局将在已新增{b}个学位的基础上，继续加大投入。"),
    ("2021年，全区新建口袋公园{a}座，新增绿地4.7公顷。", "落实“一园一档”管理，将2021年建成的{b}座口袋公园全部纳入养护考核。"),
    ("截至6月底，新增错时共享停车泊位{a}个。", "下一步，我委将把上述{b}个共享泊位的运行情况纳入季度评估。"),
]
COUNTERS = {0: "所", 1: "个", 2: "座", 3: "个"}
SWAP_CASES = list(itertools.product(range(len(SAYINGS)), SWAPS, [True, False]))


@pytest.mark.parametrize("k, numbers, apart", sample(SWAP_CASES, 3))
def test_a_count_said_again_with_its_digits_swapped_is_reported(k, numbers, apart):
    (first, again), (a, b) = SAYINGS[k], numbers
    found = raised("count-restated", *placed(first.format(a=a), again.format(b=b), apart))
    assert len(found) == 1 and f"{b}{COUNTERS[k]}" in found[0].message and f"{a}{COUNTERS[k]}" in found[0].message, found
    # said again with the same number, nothing
    assert not raised("count-restated", *placed(first.format(a=a), again.format(b=a), apart))


# what keeps each new reading quiet: another year's doing, the basis of another thing, another place's count, a count
# of what is planned
QUIET = [
    "2021年，全区新建口袋公园18座。将2022年建成的81座口袋公园全部纳入养护考核。",
    "新增学位2700个。在已建成的2070个停车位的基础上，继续挖潜。",
    "城区现有中小学86所。乡镇68所中小学均开设了家长学校。",
    "新增错时共享停车泊位1460个。计划再新增1640个共享泊位。",
    "全区现有中小学86所。2024年全区新增68所中小学开设家长学校。",
]


@pytest.mark.parametrize("text", QUIET)
def test_counts_that_are_other_counts_stay_quiet(text):
    assert not raised("count-restated", text)


def test_the_year_pointer_does_not_make_count_referred_louder():
    """A year's doing that no count of its own makes is not said to point back (count-referred stays as it was):
    2021年建成的25座 may be a part of the year's 18 … plus what others built."""
    assert not raised("count-referred", "2021年，全区新建口袋公园18座。将2021年建成的25座口袋公园全部纳入养护考核。")


# -- 2. an as-of time after the letter's own date -------------------------------------------------------------------

SIGNED = dt.date(2023, 7, 18)
AS_OF_LATER = ["2023年9月底", "2023年8月", "2023年7月31日", "2024年3月末"]
AS_OF_EARLIER = ["2023年6月底", "2023年7月", "2023年7月18日", "2022年12月31日"]
COUNTED = ["截至{d}，共查处混收混运行为21起。", "全区配置分类运输车辆146台，截至{d}，共查处混收混运行为21起。",
           "（二）杜绝混收混运。截至{d}，已完成投放点位改造2600个。"]
# a plan, a deadline (前), a time allowed inside a clause: no count of what is done
NOT_COUNTED = ["截至{d}，力争完成投放点位改造2600个。", "截至{d}前完成全部改造。", "申报时间为即日起截至{d}。",
               "截至{d}，计划新增分类运输车辆40台。"]


def as_of(text: str, signed=SIGNED) -> list:
    item = next(r for r in proof.RULES if r.code == "done-after-date")
    return list(item.check(Context({"opening": text}, SimpleNamespace(date=signed), dt.date(2026, 1, 1), {})))


@pytest.mark.parametrize("form, day", list(itertools.product(COUNTED, AS_OF_LATER)))
def test_an_as_of_time_after_the_letters_date_is_an_error(form, day):
    found = as_of(form.format(d=day))
    assert len(found) == 1 and f"截至{day}" in found[0].message and "2023-07-18" in found[0].message, found


@pytest.mark.parametrize("form, day", list(itertools.product(COUNTED, AS_OF_EARLIER)) + list(itertools.product(NOT_COUNTED, AS_OF_LATER)))
def test_an_as_of_time_by_the_letters_date_or_a_plan_stays_quiet(form, day):
    assert not as_of(form.format(d=day))


# -- 3. the organ's own place written once with a character of the same sound ----------------------------------------

# (organ, its place, the place with a homophone put in, the place with another character put in)
ORGANS = [("包头市昆都仑区市场监督管理局", "昆都仑区", "昆都伦区", "昆都兰区"),
          ("临沂市兰山区教育和体育局", "临沂市", "临宜市", "临海市"),
          ("合肥市蜀山区城市管理局", "蜀山区", "蜀杉区", "蜀水区"),
          ("绵阳市涪城区教育和体育局", "涪城区", "涪成区", "涪江区")]
BODY = ["建议由主办单位牵头建立{p}校园食品安全联席会议制度。", "我局将会同{p}各街道开展专项整治。"]
OWN_CASES = list(itertools.product(ORGANS, BODY, [True, False]))


def own(organ: str, text: str, signed: bool) -> list:
    item = next(r for r in proof.RULES if r.code == "own-place-homophone")
    data = {"opening": "现将办理情况答复如下：", "measures": [{"heading": "下一步", "text": text}]}
    if signed:
        data["signature"] = organ
    else:
        data["organ"] = {"name": organ}
    return list(item.check(Context(data, None, dt.date(2026, 1, 1), {})))


@pytest.mark.parametrize("organ, body, signed", OWN_CASES)
def test_the_organs_own_place_with_a_homophone_is_reported(organ, body, signed):
    name, place, slip, other = organ
    found = own(name, body.format(p=slip), signed)
    assert len(found) == 1 and f"“{slip}”" in found[0].message and f"“{place}”" in found[0].message, found
    assert not own(name, body.format(p=place), signed)  # the place as the organ writes it
    assert not own(name, body.format(p=other), signed)  # another character, not of the same sound: maybe a neighbour


def test_a_place_of_the_same_sound_differing_in_its_first_character_is_reported_unless_a_word_reads_there():
    """The first character too (names24: 从台区 for 丛台区), unless the characters read before the level start inside
    a word before the name or make a common word with it (推进|山区 in a letter of 金山区): tests/test_names24.py."""
    assert own("沙河市水利局", "我局将会同砂河市各乡镇开展整治。", True)
    assert not own("金山区水利局", "持续推进山区道路建设。", True)


# -- 4. a figure of what there is now, said again with its point lost ------------------------------------------------

CROPS = ["刺梨", "茶叶", "油茶", "猕猴桃", "花椒"]
POINTS = [("1.2", "12"), ("12", "1.2"), ("3.5", "35"), ("2.45", "24.5")]
NOW_CASES = list(itertools.product(CROPS, POINTS, ["现有", "目前"], [True, False]))


@pytest.mark.parametrize("crop, points, now, apart", sample(NOW_CASES, 4))
def test_a_figure_of_what_there_is_now_with_the_point_moved_is_reported(crop, points, now, apart):
    right, wrong = points
    first = f"截至2022年底，全区{crop}种植面积{right}万亩，主要分布在大河镇、月照街道。"
    again = f"建议整合项目资金，对{now}{wrong}万亩{crop}基地实施提质增效。"
    found = raised("figure-magnitude", *placed(first, again, apart))
    assert len(found) == 1 and f"{wrong}万亩" in found[0].message and f"{right}万亩" in found[0].message, found
    assert not raised("figure-magnitude", *placed(first, again.replace(f"{wrong}万亩", f"{right}万亩"), apart))
    # another thing (no word of it said before), or a figure not of what there is now: two figures (two decimals of
    # the same digits, 2.45 and 24.5, were reported before this round whatever they count)
    if "." in right and "." in wrong:
        return
    assert not raised("figure-magnitude", *placed(first, again.replace(crop, "蔬菜"), apart))
    assert not raised("figure-magnitude", *placed(first, again.replace(now, "新建"), apart))


# -- 5. a count of people said 人群众 -------------------------------------------------------------------------------

@pytest.mark.parametrize("number, lead", itertools.product(["3800", "1260", "450"], ["上述", "约", ""]))
def test_a_count_in_households_said_again_as_ren_qunzhong_is_reported(number, lead):
    """3800人群众: 人 then 群众, not 人群 (a crowd); the households said before, the people now."""
    first = f"建成后可解决约{number}户群众饮水问题。"
    found = raised("unit-subject", first, f"确保{lead}{number}人群众喝上安全放心水。")
    assert len(found) == 1 and f"{number}人" in found[0].message and f"{number}户" in found[0].message, found
    assert not raised("unit-subject", first, f"确保{lead}{number}户群众喝上安全放心水。")


def test_a_crowd_is_no_count_of_people():
    assert not raised("unit-subject", "建成后可解决约3800户群众饮水问题。", "重点关注3800人群密集场所的安全。")


def test_the_organ_named_with_its_place_one_character_off_its_signature_is_signature_variants():
    """准葛尔旗民政局 in the body of 准格尔旗民政局's letter: one slip, reported once, by signature-variant."""
    assert not own("准格尔旗民政局", "准葛尔旗民政局将认真吸纳贵支部意见建议。", True)
    assert own("准格尔旗民政局", "建议在准葛尔旗各苏木镇推广。", True)


# -- 6. the member's proposal quoted again in the body, another way ------------------------------------------------

# (proposal.title as the draft keeps it, the same proposal quoted in the body with its words changed)
PROPOSALS = [("关于加快推进相思江中小河流治理的建议", "关于加强相思江综合治理的建议"),
             ("关于加强校园周边交通安全管理的提案", "关于加强校园周边安全整治的提案"),
             ("关于推进老旧小区加装电梯的建议", "关于加快老旧小区电梯加装的建议")]
QUOTING = ["您在《{q}》中反映的问题客观存在。", "对您提出的《{q}》，我局高度重视。", "正如您所提《{q}》所说，要综合施策。"]


def body_quote(title: str, text: str) -> list:
    from conftest import MINIMAL_DRAFT

    return [f for f in _check_draft(MINIMAL_DRAFT.replace("关于加强校园安全的提案", title).replace("每日巡查校园周边。", text))
            if f.code == "quoted-title-mismatch"]


def _check_draft(text: str) -> list:
    import tempfile
    from pathlib import Path

    from conftest import make_project
    from letterkit.checkrun import check_paths
    from letterkit.project import open_project

    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp), {"drafts/d.yaml": text})
        return check_paths([root / "drafts" / "d.yaml"], open_project(root))[root / "drafts" / "d.yaml"]


@pytest.mark.parametrize("proposal, quoting", itertools.product(PROPOSALS, QUOTING))
def test_the_members_proposal_quoted_another_way_in_the_body_is_reported(proposal, quoting):
    title, other = proposal
    found = body_quote(title, quoting.format(q=other))
    assert len(found) == 1 and other[:20] in found[0].message, found
    assert not body_quote(title, quoting.format(q=title))


@pytest.mark.parametrize("text", [
    "您去年提出的《关于加强相思江综合治理的建议》已办结。",          # another year's proposal of the member's
    "您在2022年提出的《关于加强相思江综合治理的建议》已办结。",
    "您在《关于发展乡村旅游的建议》中反映的问题也在推进。",          # another subject altogether
    "参照《关于加强相思江综合治理的意见》开展工作。",              # a document, not a proposal, and not the member's
])
def test_other_quotes_in_the_body_stay_quiet(text):
    assert not body_quote("关于加快推进相思江中小河流治理的建议", text)
