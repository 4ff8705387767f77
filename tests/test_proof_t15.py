"""Issue 13, what the independent tester t15 found `check` miss or say twice (their report's defects 3,
8, 13 and the one slip under two codes): each repro of theirs is found now at the right
file:line:column, generated variants of it (other words, numbers, units, places in the letter) too,
and the close correct text beside each stays quiet.  Their letters are in tests/fixtures/t15/."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from letterkit import proof
from letterkit.checkrun import check_paths
from letterkit.importing import import_file
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT

T15 = Path(__file__).parent / "fixtures" / "t15"
RAW = {r.code: r.check for r in proof.RULES}  # the rules themselves, not the cache in front of them


def run(code: str, data: dict) -> list:
    """The findings of one rule on a draft given as a dict."""
    return list(RAW[code](proof.Context(data, None, dt.date(2024, 5, 6), {})))


def paragraphs(*texts: str) -> dict:
    """A draft whose measures are these paragraphs."""
    return {"measures": [{"heading": f"第{k}项工作", "text": t} for k, t in enumerate(texts, 1)]}


def imported_and_checked(tmp_path, source: Path):
    """(draft text, problems) as a clerk gets them: letterkit import, then letterkit check."""
    draft = tmp_path / (source.stem + ".yaml")
    imported = import_file(source)
    draft.write_text(imported.draft, encoding="utf-8")
    return imported.draft, imported.problems() + check_paths([draft], open_project(draft))[draft]


def at(draft: str, problem) -> str:
    """The draft's text from where the finding points."""
    line = draft.splitlines()[problem.location.line - 1]
    return line[problem.location.column - 1:]


# -- 3: a magnitude slip restated with 的, 了, 共, 累计 … between the words and the figure ----------------------

def test_the_testers_parking_spaces_restated_with_de_are_a_magnitude_error(tmp_path):
    draft, problems = imported_and_checked(tmp_path, T15 / "nanzheng-probe.txt")
    found = [p for p in problems if p.code == "quantity-magnitude"]
    assert len(found) == 1 and found[0].severity == "error", [str(p) for p in problems]
    assert at(draft, found[0]).startswith("此前新建的停车位6000个")
    assert "“新建停车位600个”" in found[0].message  # the earlier figure quoted as the letter writes it


SUBJECTS = [("停车位", "个"), ("充电桩", "台"), ("公共厕所", "座"), ("养老床位", "张"), ("污水管网", "公里"),
            ("高标准农田", "亩"), ("农村公路", "公里"), ("保障性住房", "套")]
# the first mention, then the restatement: words before the figure with a particle or a qualifier in them
RESTATED = ["此前新建的{s}{n}", "新建了{s}{n}", "新建{s}共{n}", "新建{s}累计{n}", "新建的{s}已达{n}", "新建{s}已经达到{n}",
            "去年新建的{s}均{n}", "新建的{s}总计{n}"]
NUMBERS = [("600", "6000"), ("3", "30"), ("1850", "18500"), ("2.5万", "2.5"), ("8", "800")]


def _restatements():
    for (subject, unit), form, (first, second) in itertools.product(SUBJECTS, RESTATED, NUMBERS):
        yield subject, unit, form, first, second


@pytest.mark.parametrize("same_paragraph", [True, False], ids=["one paragraph", "two paragraphs"])
def test_a_figure_restated_with_particles_at_another_magnitude_is_found_and_the_same_figure_is_not(same_paragraph):
    missed, alarms = [], []
    for subject, unit, form, first, second in _restatements():
        before = f"今年以来，新建{subject}{first}{unit}，完成年度任务。"
        for number, wrong in ((second, True), (first, False)):
            after = f"工作推进有力，{form.format(s=subject, n=number + unit)}，已全部投入使用。"
            draft = paragraphs(before + after) if same_paragraph else paragraphs(before, "另有其他工作。", after)
            found = run("quantity-magnitude", draft)
            if wrong and not found:
                missed.append(after)
            if not wrong and found:
                alarms.append(after)
    assert not missed, missed[:10]
    assert not alarms, alarms[:10]


# two figures that are two things: the same digits, another subject or a total beside this year's part
TWO_THINGS = [
    ("新建停车位600个。", "全区的停车位总数6000个。"),
    ("新建停车位600个。", "改造了充电桩6000个。"),
    ("新建的充电桩3台。", "现有充电桩30台。"),
    ("新建停车位600个。", "已有的停车位6000个。"),
    ("今年新建了公共厕所5座。", "全市的公共厕所共有50座。"),
    ("新建了停车位600个。", "停车位总数达到了6000个。"),
    ("今年新增学位1200个。", "全区学位12000个。"),
]


@pytest.mark.parametrize("first, second", TWO_THINGS)
def test_two_different_counts_with_the_same_digits_stay_quiet(first, second):
    assert not run("quantity-magnitude", paragraphs(first + second))
    assert not run("quantity-magnitude", paragraphs(first, second))


# -- 8: a character doubled after a two-character word that ends with it ----------------------------------------

def test_the_testers_doubled_dao_is_found_once_at_its_place(tmp_path):
    draft, problems = imported_and_checked(tmp_path, T15 / "04_fujian-cangshan_jianyi.txt")
    found = [p for p in problems if p.code == "doubled-character"]
    assert len(found) == 1 and "主次干道道两侧" in found[0].message, [str(p) for p in problems]
    assert at(draft, found[0]).startswith("道两侧")  # the second 道, the one --fix takes out


# two-character words that end with a measure word or a place's last character (道, 站, 区, 村, 位, 户 …)
WORDS = ("干道 渠道 街道 通道 步道 车站 泵站 驿站 网站 景区 园区 城区 小区 辖区 片区 乡镇 城镇 农村 乡村 部门 岗位 单位 "
         "床位 车位 摊位 泊位 点位 专家 商家 厂家 商户 农户 用户 基层 楼层").split()
BEFORE = ["城区主次", "全面推进", "加快建设", "在"]
AFTER = ["两侧已完成整治。", "周边停放有序。", "全部完成改造。", "实现全覆盖。"]


def test_a_character_doubled_after_a_word_ending_with_it_is_found_and_fixed_and_the_word_alone_is_quiet():
    from letterkit.proof.repetition import _doubled_in

    missed, alarms = [], []
    for word, head, tail in itertools.product(WORDS, BEFORE, AFTER):
        bad, good = head + word + word[-1] + tail, head + word + tail
        found = list(_doubled_in(bad))
        # one finding, and its fix takes out one of the two: the text the clerk meant
        fixed = [bad[:o] + r + bad[o + n:] for *_, fixes in found for o, n, r in fixes]
        if fixed != [good]:
            missed.append((bad, fixed))
        if list(_doubled_in(good)):
            alarms.append(good)
    assert not missed, missed[:10]
    assert not alarms, alarms[:10]


# what is right: reduplicated words, a word then a doubled word, a place then a word of its level, a measure
# word said twice after 一
RIGHT = ["好好学习，天天向上。", "人人参与，个个争先。", "处处留心。", "家家户户通自来水。", "层层落实责任。",
         "年年有余。", "步步推进。", "条条大路通罗马。", "一道道工序严格把关。", "一件件实事落地。", "一项项举措见效。",
         "今天天气很好。", "今年年底前完成。", "本月月底前完成。", "福田区区长主持会议。", "钱粮湖镇镇区道路改造。",
         "部门门户网站公开。", "工人人数逐年增加。", "广大群众人人知晓。", "保障个人人身安全。", "乡村村民受益。",
         "城市市民满意。", "在基层层层落实。", "该单位位于城东。", "全市市直单位全部参加。", "全区区属国有企业完成改革。",
         "全区区直部门参加。", "全县县直单位参加。", "全镇镇村干部参加培训。", "经常常态化开展巡查。", "我们常常深入基层。",
         "景区区内交通改善。", "小区区域内增设车位。", "城区区位优势明显。", "农户户均增收3000元。", "每个人人都有责任。"]


@pytest.mark.parametrize("text", RIGHT)
def test_reduplicated_words_and_words_that_only_meet_stay_quiet(text):
    assert not run("doubled-character", paragraphs(text)), text


# -- 13: a place written once with a homophone in place of one character --------------------------------------

def test_the_testers_liping_scenic_area_written_once_with_li_for_li_is_a_warning(tmp_path):
    draft, problems = imported_and_checked(tmp_path, T15 / "nanzheng-probe.txt")
    found = [p for p in problems if p.code == "place-homophone"]
    assert len(found) == 1 and found[0].severity == "warning", [str(p) for p in problems]
    assert at(draft, found[0]).startswith("犁坪景区")
    assert "“黎坪”" in found[0].message and "可能" in found[0].message
    assert not [p for p in problems if p.code == "place-homophone" and "黎坪景区" in at(draft, p)[:4]]


# (the name, the character replaced, its homophone), each pair checked against pypinyin below; and a place's
# last word to put after it
HOMOPHONES = [("黎坪", "黎", "犁"), ("东湖", "东", "冬"), ("白沙", "白", "柏"), ("金鸡", "鸡", "机"),
              ("翠屏", "屏", "平"), ("柳江", "柳", "流"), ("盘龙", "龙", "隆"), ("玉泉", "泉", "拳"),
              ("枫林", "枫", "风"), ("石门", "石", "时"), ("龙潭", "潭", "谭"), ("紫阳", "紫", "子")]
ENDS = ["景区", "公园", "古镇", "社区", "水库", "大道", "村", "路", "湿地"]


def test_the_homophone_pairs_of_the_tests_sound_the_same():
    from pypinyin import Style, pinyin

    for _, right, wrong in HOMOPHONES:
        assert pinyin(right, style=Style.NORMAL)[0][0] == pinyin(wrong, style=Style.NORMAL)[0][0], (right, wrong)


def _letter(name: str, end: str, times: int, odd_at: int, odd: str | None) -> dict:
    """`times` paragraphs naming the place; the one at odd_at writes it `odd` (None: the same)."""
    texts = [f"{name}{end}周边道路改造完成。", f"举办首届{name}文化旅游节，接待游客8.6万人次。", f"推动{name}{end}提质升级。",
             f"完善{name}{end}标识系统。", f"加强{name}{end}安全管理。"][:times + 1]
    if odd is not None:
        texts[odd_at] = texts[odd_at].replace(name, odd, 1)
    return paragraphs(*texts)


def test_a_place_written_once_with_a_homophone_is_found_wherever_it_stands():
    missed, alarms = [], []
    for (name, right, wrong), end in itertools.product(HOMOPHONES, ENDS):
        odd = name.replace(right, wrong)
        for times, odd_at in ((2, 2), (3, 0), (3, 3), (4, 2)):
            found = run("place-homophone", _letter(name, end, times, odd_at, odd))
            if len(found) != 1 or f"“{odd}{end}”" not in found[0].message or "可能" not in found[0].message:
                missed.append((odd + end, odd_at, [f.message for f in found]))
            if run("place-homophone", _letter(name, end, times, odd_at, None)):
                alarms.append(name + end)
    assert not missed, missed[:10]
    assert not alarms, alarms[:10]


QUIET_PLACES = [
    ("黎坪景区改造完成。", "红坪景区同步改造。", "黎坪景区客流增加。"),  # another name, not a homophone
    ("黎坪景区改造完成。", "犁坪景区同步改造。"),                      # each once: which is right, nobody can tell
    ("于深港科技创新合作区举办。", "于深港合作区召开。", "与深港合作区对接。"),  # 于 and 与: words, not a name
    ("全县农村公路186公里。", "全县农村改厕完成。", "实现农村全覆盖。"),    # 县 and 现: 实现|农村
    ("全县景区提质。", "全县景区客流增加。", "全线景区开放。"),          # 全线 is a word of its own
]


@pytest.mark.parametrize("texts", QUIET_PLACES)
def test_two_places_or_two_words_that_sound_alike_stay_quiet(texts):
    assert not run("place-homophone", paragraphs(*texts))


# -- one slip, one finding ------------------------------------------------------------------------------------

def test_the_testers_misspelt_bureau_is_reported_once(tmp_path):
    draft, problems = imported_and_checked(tmp_path, T15 / "04_fujian-cangshan_jianyi.txt")
    about = [p for p in problems if "管里局" in p.message]
    assert [p.code for p in about] == ["signature-variant"], [str(p) for p in about]
    assert at(draft, about[0]).startswith("仓山区城市管里局")


# (organ in the signature, a short form of it in the text, the character changed, what it became)
ORGANS = [("福州市仓山区城市管理局", "区城市管理局", "理", "里"), ("子洲县交通运输局", "县交通运输局", "运", "云"),
          ("某某县自然资源局", "县自然资源局", "资", "姿"), ("某某区住房和城乡建设局", "区住房和城乡建设局", "设", "没"),
          ("某某市生态环境局", "市生态环境局", "态", "太")]


@pytest.mark.parametrize("signature, short, right, wrong", ORGANS, ids=[o[0] for o in ORGANS])
def test_a_mention_one_character_off_the_signature_is_one_finding(signature, short, right, wrong):
    slip = short.replace(right, wrong, 1)
    draft = {**paragraphs(f"经{short}研究，现答复如下。", f"下一步，{slip}将持续加强巡查。"), "signature": signature}
    said = run("signature-variant", draft)
    assert len(said) == 1 and f"正文“" in said[0].message and slip in said[0].message, [f.message for f in said]
    assert not run("name-variant", draft)
    # with a letterhead of its own, the signature is signature-organ's business: name-variant tells the two apart
    headed = {**draft, "organ": {"name": "某某市某某局"}}
    assert not run("signature-variant", headed)
    assert [f"“{wrong}”" in f.message for f in run("name-variant", headed)] == [True]


def test_a_phrase_one_character_short_of_itself_is_one_finding():
    draft = paragraphs("各镇（街道）居家养老服务中心全部建成。", "镇（街道）居家老服务中心每周开放五天。")
    lost = run("lost-character", draft)
    assert lost and "居家老服务中心" in lost[0].message
    assert not run("name-variant", draft)


# a particle typed three times or more (hypothesis found 的 ×10 needing five runs of --fix): one finding, one fix

@pytest.mark.parametrize("word, times", itertools.product(["的", "和", "在", "进一步", "加强"], [2, 3, 4, 10]))
def test_a_word_typed_again_and_again_is_one_finding_whose_fix_leaves_one(word, times):
    from letterkit.proof.repetition import _doubled_in

    text = f"每日巡查{word * times}道路周边。"
    found = list(_doubled_in(text))
    assert len(found) == 1, [f[0] for f in found]
    (offset, length, replacement), = found[0][3]
    assert text[:offset] + replacement + text[offset + length:] == f"每日巡查{word}道路周边。"


# -- from the new letters 131–170 (measured first, then used): the same families, other shapes --------------------

VERBS = ["开展", "实施", "完成", "召开", "组织", "举办", "落实", "启动"]


@pytest.mark.parametrize("verb", VERBS)
def test_le_typed_twice_after_a_verb_is_found_and_fixed(verb):
    from letterkit.proof.repetition import _doubled_in

    text = f"今年已{verb}了了专场活动6场。"
    found = list(_doubled_in(text))
    assert len(found) == 1 and "“了了”" in found[0][0]
    (offset, length, replacement), = found[0][3]
    assert text[:offset] + replacement + text[offset + length:] == f"今年已{verb}了专场活动6场。"
    assert not list(_doubled_in(f"今年已{verb}了专场活动6场。"))


@pytest.mark.parametrize("text", ["为了了解群众需求。", "除了了解情况，还要跟踪办理。", "避免问题不了了之。", "少不了了解实情。"])
def test_le_le_across_two_words_stays_quiet(text):
    assert not run("doubled-character", paragraphs(text))


@pytest.mark.parametrize("then", ["加强管理。", "完善制度。", "推进改革。", "优化服务。", "提升水平。"])
def test_jin_yi_bu_bu_is_found_and_yi_bu_bu_is_not(then):
    from letterkit.proof.repetition import _doubled_in

    text = f"下一步，我们将进一步步{then}"
    fixes = [fix for *_, found in _doubled_in(text) for fix in found]
    assert [text[:o] + r + text[o + n:] for o, n, r in fixes] == [f"下一步，我们将进一步{then}"]
    for right in (f"下一步，我们将一步步{then}", f"下一步，我们将进一步{then}", "推动工作进一步步入正轨。"):
        assert not list(_doubled_in(right)), right


# (the first mention, the restatement): one figure in two units or with 余 before 万
TWO_UNITS = [("{n}人次", "{n}人"), ("{n}户", "{n}人"), ("{n}亩", "{n}公顷"), ("{n}公顷", "{n}亩")]
ROUNDED = ["420余万", "2.3万", "1.6万余", "12.5万", "3000余"]


def test_one_rounded_figure_in_two_units_is_found_and_in_one_unit_is_not():
    missed, alarms = [], []
    for (first, second), number in itertools.product(TWO_UNITS, ROUNDED):
        before = f"2021年，沿线共接待、完成、覆盖{first.format(n=number)}，成效明显。"
        for wrong, after in ((True, second.format(n=number)), (False, first.format(n=number))):
            code = "unit-restated" if "亩" in first or "公顷" in first else "unit-subject"  # an area: one measure, two units
            found = run(code, paragraphs(before, f"在巩固已完成的{after}成果的基础上继续推进。"))
            if wrong and not (found and after in found[0].message):
                missed.append((before, after))
            if not wrong and found:
                alarms.append((before, after))
    assert not missed, missed[:10]
    assert not alarms, alarms[:10]


@pytest.mark.parametrize("first, second", [("新建120亩。", "另建120公顷。"), ("治理2.3万亩。", "治理1533公顷。"),
                                           ("接待游客420余万人次。", "其中外地游客120余万人。")])
def test_two_areas_or_counts_that_are_two_figures_stay_quiet(first, second):
    assert not run("unit-subject", paragraphs(first, second))


# -- a co-handling opinion names its lead unit in `recipient` and again in the prose (heldout4 173) ---------

@pytest.mark.parametrize("unit,variant", [("市旅游和文化广电体育局", "市旅游文化广电体育局"),
                                          ("区卫生健康委员会", "区卫生健委员会"),
                                          ("县住房和城乡建设局", "县住房城乡建设局"),
                                          ("市自然资源和规划局", "市自然资源规划局")])
@pytest.mark.parametrize("where", [0, 1])
def test_the_lead_unit_named_otherwise_in_the_prose_is_a_name_variant(unit, variant, where):
    texts = ["关于乡村旅游用地，我局积极配合。", f"建议{variant}在项目谋划中统筹考虑用地需求。"]
    texts = texts if where else texts[::-1]
    found = run("name-variant", {"recipient": unit, **paragraphs(*texts)})
    assert found and variant[-6:] in found[0].message, [f.message for f in found]
    assert not run("name-variant", {"recipient": unit, **paragraphs(*[t.replace(variant, unit) for t in texts])})
