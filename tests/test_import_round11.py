"""Import, round 11: what dev15's held-out letters (881–956) and the clean letters of clean11 showed the import
misreading.  A date line with a weekday after it (2024年3月15日（星期四）, 936) and one with a mark typed as another
(2024年7日18日, 944) kept as closing paragraphs; a 签发人 that took the disclosure after a wide gap (签发人：艾尔肯·吐尔逊
　　主动公开, 890); a page's headline beside its 发布时间/来源 row warned as unplaced letter text (883, 924, 927, 945);
a numbered heading without a full stop joined to its paragraph and split again (983, 992).  Each made a family of
generated cases, with the close shapes that must not change."""

import datetime as dt
import itertools

import pytest

from imported import import_text, line_of, sample
WEEKDAYS = "一二三四五六日"  # Monday first, as date.weekday() counts
from test_import_round7 import _letter
from test_import_round10 import _letter_text, _unplaced

ORGAN = "测试区住房和城乡建设局"
CONTACT = "联系人：李华，联系电话：0871-6543210"


def _weekday(day: dt.date, shift: int = 0) -> str:
    return WEEKDAYS[(day.weekday() + shift) % 7]


# -- 1. a date line with its weekday -------------------------------------------------------------------------------

DAYS = [dt.date(2024, 3, 15), dt.date(2023, 12, 31), dt.date(2024, 2, 29), dt.date(2021, 8, 2)]
FORMS = ["（星期{w}）", "（周{w}）", "(星期{w})", " 星期{w}", "　（礼拜{w}）"]


def _dated(day: dt.date, form: str, w: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" + form.format(w=w)


@pytest.mark.parametrize("day,form,shift,contact", sample(list(itertools.product(DAYS, FORMS, range(1, 7), (True, False))), 6))
def test_a_date_line_with_a_wrong_weekday_is_the_date_with_a_warning_naming_both(tmp_path, day, form, shift, contact):
    """2024年3月15日（星期四） (936, a Friday): kept as a closing paragraph, date 无.  Now the date, and a warning
    that gives the weekday the date has (computed; the draft keeps the date as written, no guess which is wrong)."""
    written = _dated(day, form, _weekday(day, shift))
    text = _letter(tail=[ORGAN, written] + ([CONTACT] if contact else []))
    result, draft = import_text(tmp_path, text)
    assert draft.get("date") == day, result.draft
    said = [n for n in result.notes if n.code == "import-date-weekday"]
    assert [(n.line, n.severity) for n in said] == [(line_of(text, written.strip()), "warning")], [n.message for n in result.notes]
    assert f"星期{_weekday(day)}" in said[0].message and f"星期{_weekday(day, shift)}" in said[0].message
    assert not _unplaced(result) and written.strip() not in _letter_text(draft)
    assert draft.get("signature") == ORGAN


@pytest.mark.parametrize("day,form", sample(list(itertools.product(DAYS, FORMS)), 2))
def test_a_date_line_with_its_right_weekday_is_the_date_with_a_note(tmp_path, day, form):
    text = _letter(tail=[ORGAN, _dated(day, form, _weekday(day))])
    result, draft = import_text(tmp_path, text)
    assert draft.get("date") == day, result.draft
    assert [n.severity for n in result.notes if n.code == "import-date-weekday"] == ["note"]
    assert not [n for n in result.notes if n.severity == "warning" and n.code.startswith("import-date")]
    assert not _unplaced(result)


# -- 2. a date line with one mark typed as another ------------------------------------------------------------------

WHOLE = [dt.date(2024, 7, 18), dt.date(2023, 11, 5), dt.date(2025, 1, 31), dt.date(2022, 10, 10)]
WRONG = ["日", "月", "目", "曰", "年"]


def _marked(day: dt.date, at: int, wrong: str, chinese: bool = False) -> str:
    from letterkit.proof.dates import chinese_number
    parts = ["".join("〇一二三四五六七八九"[int(c)] for c in str(day.year)), chinese_number(day.month), chinese_number(day.day)] \
        if chinese else [str(day.year), str(day.month), str(day.day)]
    marks = ["年", "月", "日"]
    marks[at] = wrong
    return "".join(p + m for p, m in zip(parts, marks))


ONE_WRONG = [(d, at, w, cn) for d, at, w, cn in itertools.product(WHOLE, range(3), WRONG, (False, True))
             if w != "年月日"[at] and not (at == 2 and w in "月年")]  # (2024年7月18月: read below, 月 and 年 ending a line)


@pytest.mark.parametrize("day,at,wrong,chinese", sample(ONE_WRONG, 4))
def test_a_date_line_with_one_mark_typed_wrong_reads_the_one_day_it_can_be(tmp_path, day, at, wrong, chinese):
    """2024年7日18日 (944: 月 typed as 日): kept as a closing paragraph, date 无.  Two marks right and the numbers
    where they stand: one reading, taken with a warning saying which mark was typed as what."""
    written = _marked(day, at, wrong, chinese)
    text = _letter(tail=[ORGAN, written, CONTACT])
    result, draft = import_text(tmp_path, text)
    assert draft.get("date") == day, result.draft
    dated = [n for n in result.notes if n.code == "import-date"]
    assert [(n.line, n.severity) for n in dated] == [(line_of(text, written), "warning")], [n.message for n in result.notes]
    assert f"把“{'年月日'[at]}”写成了“{wrong}”" in dated[0].message
    assert not _unplaced(result) and written not in _letter_text(draft)


@pytest.mark.parametrize("written", ["2024年7月18月", "2023年11月5月"])
def test_a_day_mark_typed_as_the_month_mark_is_read_too(tmp_path, written):
    result, draft = import_text(tmp_path, _letter(tail=[ORGAN, written]))
    assert draft.get("date") is not None and str(draft.get("date")) != "无"
    assert not _unplaced(result)


@pytest.mark.parametrize("written", ["2024年2日30日", "2023年2日29日", "2024年11日31日", "2024年13日5日"])
def test_a_mistyped_date_line_that_names_no_day_is_none_with_a_warning(tmp_path, written):
    """Put right, 2024年2月30日 is still no day: date 无 (never a guessed day), the warning says so."""
    text = _letter(tail=[ORGAN, written, CONTACT])
    result, draft = import_text(tmp_path, text)
    assert str(draft.get("date")) == "无", result.draft
    dated = [n for n in result.notes if n.code == "import-date"]
    assert len(dated) == 1 and written in dated[0].message and "无" in dated[0].message
    assert not _unplaced(result)


@pytest.mark.parametrize("written,read", [("2024年7月18日", "2024-07-18"), ("二〇二四年七月十八日", "2024-07-18"),
                                          ("2023年11月5日", "2023-11-05")])
def test_a_whole_date_line_is_read_without_a_warning(tmp_path, written, read):
    result, draft = import_text(tmp_path, _letter(tail=[ORGAN, written]))
    assert str(draft.get("date")) == read
    assert not [n for n in result.notes if n.code.startswith("import-date")]


@pytest.mark.parametrize("line", ["2024年3批18项", "2024年第18号"])
def test_two_marks_wrong_is_no_date_line(tmp_path, line):
    """A line with two of the three marks something else is not read as a date at all."""
    from letterkit.importing.tail import date_of
    assert date_of(line) is None


# -- 3. the 签发人 on a head line ends at the wide gap -------------------------------------------------------------

SIGNERS = ["艾尔肯·吐尔逊", "王立军", "欧阳晓东", "张伟"]
DISCLOSURES = {"主动公开": "主动公开", "依申请公开": "依申请公开", "不予公开": "不予公开", "公开方式：主动公开": "主动公开"}


@pytest.mark.parametrize("name,written,gap,category", sample(list(itertools.product(
    SIGNERS, DISCLOSURES, ("　　", "  ", "\t", ""), ("类别：A", "B类", ""))), 5))
def test_a_signer_before_a_disclosure_is_the_name_alone(tmp_path, name, written, gap, category):
    """独人社函〔2025〕9号　　类别：A　　签发人：艾尔肯·吐尔逊　　主动公开 (890): the signer took 主动公开."""
    if not gap and "：" in written:
        gap = "　"  # (公开方式：… glued to a name has no reading)
    marks = "　　".join(part for part in ("测住建函〔2024〕12号", category, f"签发人：{name}{gap}{written}") if part)
    result, draft = import_text(tmp_path, _letter(head=[ORGAN, marks, "关于区十届人大三次会议第45号建议的答复"]))
    assert draft.get("signer") == name, result.draft
    assert draft.get("disclosure") == DISCLOSURES[written], result.draft
    if category:
        assert draft.get("category") == category.strip("类别：类"), result.draft
    assert not _unplaced(result)


@pytest.mark.parametrize("written,name", [("张　三", "张三"), ("王  立军", "王立军"), ("欧阳晓东", "欧阳晓东"), ("李 华", "李华")])
def test_a_letter_spaced_signer_stays_whole(tmp_path, written, name):
    result, draft = import_text(tmp_path, _letter(head=[ORGAN, "测住建函〔2024〕12号　　签发人：" + written,
                                                        "关于区十届人大三次会议第45号建议的答复"]))
    assert draft.get("signer") == name, result.draft


# -- 4. a page's headline beside its publication row ---------------------------------------------------------------

TITLE = "关于区十届人大三次会议第45号建议的答复"
HEADLINES = [f"{ORGAN}关于第45号建议的答复", f"{ORGAN}关于区人大第45号建议的答复", "老旧小区加装电梯建议答复 - 测试区人民政府",
             f"| 标题 | {ORGAN}关于第45号建议的协办意见 |"]
ROWS = ["发布时间：2024-06-20 来源：测试区住房和城乡建设局", "来源：测试区住房和城乡建设局　　发布时间：2024-06-20 16:47　　浏览次数：-",
        "| 发布日期 | 2024-06-20 | 来源 | 测试区住房和城乡建设局 |", "发布日期：2024-06-20    信息来源：区住建局    字号：大 中 小"]


@pytest.mark.parametrize("headline,row,below", sample(list(itertools.product(HEADLINES, ROWS, (True, False))), 2))
def test_a_page_headline_beside_its_publication_row_is_furniture(tmp_path, headline, row, below):
    """X局关于…第N号提案的答复 over 发布时间：…　来源：… (927, 945), a page title with its site (924), a 标题 table row (883):
    warned import-unplaced as letter text before the title.  The page's: a comment, no warning, the letter's title kept."""
    page = [headline, row] if below else [row, headline]
    result, draft = import_text(tmp_path, _letter(head=page + ["测住建函〔2024〕12号", TITLE]))
    assert draft.get("title") == TITLE, result.draft
    assert not _unplaced(result), [n.message for n in _unplaced(result)]
    assert "加装电梯建议答复 -" not in _letter_text(draft) and "第45号建议的协办意见" not in _letter_text(draft)


@pytest.mark.parametrize("headline", HEADLINES[:1])
def test_a_headline_above_the_title_with_no_page_row_is_still_warned(tmp_path, headline):
    """With nothing of the page's beside it, a title-like line above the letter's title may be letter text: warned."""
    result, draft = import_text(tmp_path, _letter(head=[headline, "测住建函〔2024〕12号", TITLE]))
    assert draft.get("title") == TITLE
    assert _unplaced(result)


# -- 5. a numbered heading without a full stop over its paragraph --------------------------------------------------

HEADINGS = ["三、关于您提出的西关街道民主街片区改造问题", "三、关于您提出的昌邑乡上河村、下河村灌溉问题", "（二）加快推进老旧小区改造工作",
            "二、关于停车难问题的办理情况", "2.完善社区养老服务体系建设"]
PARAGRAPHS = ["经现场调查，该片区共有小区11个、楼栋52栋、居民1356户，建成于1980年至1995年，存在管网老化等问题。",
              "目前，我局已会同街道办事处完成入户调查，计划于2025年纳入改造计划。"]


@pytest.mark.parametrize("heading,paragraph,blank", sample(list(itertools.product(HEADINGS, PARAGRAPHS, (True, False))), 2))
def test_a_numbered_heading_without_a_stop_is_not_joined_to_its_paragraph(tmp_path, heading, paragraph, blank):
    """三、关于您提出的…问题 over its paragraph (983, 992, clean letters): joined (import-joined) and split again
    (import-heading-split, import-numbered-paragraph).  One line, one heading: no note."""
    body = ["一、基本情况。2023年，我区共实施老旧小区改造项目19个，完成加装电梯12部。", heading, paragraph,
            "四、下一步工作。我局将简化加装电梯审批流程，推行联合审查。"]
    text = _letter(body=body)
    if not blank:
        text = text.replace(f"{heading}\n\n", f"{heading}\n")
    result, draft = import_text(tmp_path, text)
    codes = {n.code for n in result.notes}
    assert not codes & {"import-joined", "import-heading-split", "import-numbered-paragraph"}, [n.message for n in result.notes]
    assert paragraph in _letter_text(draft)
    assert heading.split("、", 1)[-1].split(".", 1)[-1].lstrip("（二）") in _letter_text(draft).splitlines()


@pytest.mark.parametrize("first,second", [("一、基本情况。城区现有公共停车泊位8600个，其中路内泊位2100个，由于近年来机动车保有量",
                                           "快速增长，停车供需矛盾日益突出。"),
                                          ("我局高度重视您提出的建议，组织相关科室和街道办事处进行了专题研究",
                                           "并到现场进行了实地调研。")])
def test_a_sentence_cut_at_its_lines_end_is_still_joined(tmp_path, first, second):
    body = [first, second, "二、下一步工作。我局将简化加装电梯审批流程，推行联合审查。"]
    result, draft = import_text(tmp_path, _letter(body=body))
    assert (first + second).split("。", 1)[-1] in _letter_text(draft), result.draft


# -- 6. a dotted letter's decimal at a line's end, the next line opening with digits --------------------------------

WHOLE_NUMBERS = ["利用系数提高到0.62", "末班车延长至19:30", "比例调整为3:4:3", "平均单价为1.25"]
DIGIT_LINES = ["2023年，我局争取资金300万元.", "2024年起实行定额管理.", "12个乡镇全部完成改造."]


@pytest.mark.parametrize("end,after", sample(list(itertools.product(WHOLE_NUMBERS, DIGIT_LINES)), 2))
def test_a_decimal_ending_a_line_ends_its_sentence_whatever_the_next_line_opens_with(tmp_path, end, after):
    """…提高到0.62。 / 2023年，… (953) with its full stops typed as dots (tests/test_import_t16.py's sweep): the dot
    after 0.62 was kept as a decimal point wrapped to the next line's 2023.  A decimal or a time is whole already."""
    from test_import_t16 import DOT_HEAD, DOT_TAIL, _import, _texts
    text = "\n".join(DOT_HEAD + ["您提出的关于改善公交出行条件的第31号提案收悉，现答复如下：", f"1.加强调度.{end}.", after]
                     + ["特此答复。"] + DOT_TAIL).replace("。", ".") + "\n"
    result, draft = _import(tmp_path, text)
    body = "\n".join(_texts(draft["measures"]))
    assert f"{end}。" in body, result.draft
