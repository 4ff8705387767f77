"""Issue 12, round 5: what the generated variants of the letters 71–130 still got wrong, as generated
cases on the plain letter of test_import_patterns (invented text): a title line with the 发文字号 after
it (after the organ's name, a 类别 mark between), a page title printed twice with its mark, thanks after
a clause about the proposal run on into the last measure, a proposal title quoted “” or not at all; then
what the first look at dev4/dev5 (131–170) showed.  Each fails on the importer before this round."""

import itertools
import re

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from letterkit.importing import comparable, import_file
from letterkit.importing.clean import line_width
from letterkit.importing.source import Line
from letterkit.importing.score import values

from test_import_patterns import RIGHT, _letter

TITLE = "关于县政协十届三次会议第12号提案的答复"


def _import(tmp_path, change):
    path = tmp_path / "letter.txt"
    path.write_text(_letter(change), encoding="utf-8")
    result = import_file(path)
    return result, yaml.safe_load(result.draft)


# -- a title line with the 发文字号 after it ------------------------------------------------------

NUMBERED_TITLES = list(itertools.product(
    ("", "测试县教育局", "某某市测试县教育局"),            # the organ's name opening the title line, or not
    ("", "　A", " （B）", "C类", "【D】"),                    # a 类别 mark after the title
    ("　", " ", "  ", ""),                                    # what stands between the title and the number
    ("测教函〔2024〕7号", "测教函[2024]7号", "测教函【2024】7号")))


@pytest.mark.parametrize("organ,mark,gap,number", NUMBERED_TITLES, ids=[f"{i:02d}" for i in range(len(NUMBERED_TITLES))])
def test_a_title_with_its_number_after_it_gives_number_title_category_and_organ(tmp_path, organ, mark, gap, number):
    """鹤庆县水务局关于…的答复　鹤水函〔2023〕31号 (the organ's name in front, read as the organ) and
    关于…的答复　A　叙州农函〔2021〕27号 (a mark before the number, read as the category)."""
    head = f"{organ}{TITLE}{mark}{gap}{number}"
    result, draft = _import(tmp_path, {"head": head})
    got = values(draft)
    assert got["number"] == RIGHT["number"] and got["title"] == TITLE, result.draft
    assert got["category"] == (next((c for c in "ABCD" if c in mark), "无"))
    assert got["organ"] == (organ or "测试县教育局")  # without a name in front, from the signature
    assert not [n for n in result.notes if n.code in ("import-unplaced", "import-misplaced")]


# -- a page title printed twice, with its 类别 mark ---------------------------------------------------

@pytest.mark.parametrize("mark", ["　A", " A", "A", "（B）", " C类"])
@pytest.mark.parametrize("gap", ["　", " ", "  "])
def test_a_title_printed_twice_with_its_mark_is_one_title(tmp_path, mark, gap):
    """关于…的答复　A　关于…的答复　A: tidy takes the spaces round A away, so the two copies touch."""
    result, draft = _import(tmp_path, {"head": f"测试县教育局\n测教函〔2024〕7号\n{TITLE}{mark}{gap}{TITLE}{mark}"})
    got = values(draft)
    assert got["title"] == TITLE and got["category"] == next(c for c in "ABCD" if c in mark), result.draft


# -- thanks after a clause about the proposal, run on into the last measure ----------------------------

THANKS = [f"{you}{what}{why}，{again}感谢{you2}对教育工作的关心和支持{end}"
          for you, what, why, again, you2, end in itertools.product(
              ("您", "你们"), ("这一提案", "提出的建议", "的提案"), ("对加强校园安全具有重要意义", "切中要害"),
              ("再次", "衷心", ""), ("您", "你们"), ("。", "！"))]


@pytest.mark.parametrize("thanks", THANKS, ids=[f"{i:02d}" for i in range(len(THANKS))])
def test_thanks_after_a_clause_run_on_into_the_last_measure_is_the_closing(tmp_path, thanks):
    body = "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,每月检查一次。" + thanks
    result, draft = _import(tmp_path, {"body": body, "closing": ""})
    assert comparable(draft["closing"][0]) == comparable(thanks)
    assert comparable("每月检查一次。") in comparable(str(draft["measures"])) and "感谢" not in str(draft["measures"])


def test_a_clause_thanking_no_one_stays_in_the_measure(tmp_path):
    """The closing needs the thanks to speak to the member: 群众对此表示感谢 is the measure's."""
    body = "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,每月检查一次。群众反映良好，纷纷表示满意。"
    result, draft = _import(tmp_path, {"body": body})
    assert "纷纷表示满意" in str(draft["measures"]) and draft["closing"][0].startswith("感谢")


# -- the proposal's title in the opening, quoted “…” or not at all, after its number -------------------

PROPOSAL = "关于加强校园安全的提案"
OPENINGS = [f"{who}{number}{quoted}{after}"
            for who, number, quoted, after in itertools.product(
                ("您提出的", "您领衔提出的", "县政协十届三次会议"),
                ("第12号提案", "12号提案", "12号委员提案", ""),
                (f"“{PROPOSAL}”", f"“{PROPOSAL[:-3]}”的提案", PROPOSAL),
                ("收悉,现答复如下:", "已收悉。现答复如下:", "我局已收悉,现答复如下:"))
            if who.endswith("的") or number]  # 县政协十届三次会议关于…: no proposal named


@pytest.mark.parametrize("opening", OPENINGS, ids=[f"{i:02d}" for i in range(len(OPENINGS))])
def test_the_proposal_title_is_read_from_an_opening_however_it_is_quoted(tmp_path, opening):
    """提出的第23号提案“关于…”收悉, 第25号建议“关于…”收悉, 提出的8号提案关于…的建议收悉, 关于“…”第22号提案:
    the 《》 the opening usually has, replaced by “” or by nothing (the title ending in its kind word)."""
    result, draft = _import(tmp_path, {"opening": opening})
    assert re.sub("的提案$", "", draft["proposal"]["title"]) == PROPOSAL[:-3], (opening, draft["proposal"])
    assert draft["proposal"]["id"] == "12"


# -- dev4/dev5 (131–170): what their first look showed, generated ------------------------------------

TABLE_ROWS = [f"{row}" for row in (
    "发布机构：测试县教育局　　成文日期：2024-03-06　　{label}：{value}",
    "生成日期 | 2024-03-06 | {label} | {value}",
    "索引号：1162/2024-12 | {label}：{value}",
)]


@pytest.mark.parametrize("row", TABLE_ROWS)
@pytest.mark.parametrize("label", ["公开方式", "公开属性", "是否公开"])
@pytest.mark.parametrize("value", ["主动公开", "依申请公开"])
def test_a_disclosure_in_the_pages_metadata_table_is_page_furniture(tmp_path, row, label, value):
    """133, 167: the page's table says 公开方式：主动公开; the letter says nothing: disclosure 无, the row a comment.
    The same words on a line of their own stay the letter's disclosure."""
    line = row.format(label=label, value=value)
    result, draft = _import(tmp_path, {"head": line + "\n测试县教育局\n测教函〔2024〕7号\n" + TITLE})
    assert "disclosure" not in draft and line.split("|")[-1].strip()[-4:] in result.draft  # kept as a comment
    result, draft = _import(tmp_path, {"head": f"{label}：{value}\n测试县教育局\n测教函〔2024〕7号\n" + TITLE})
    assert draft["disclosure"] == value


@pytest.mark.parametrize("label", ["提案号：", "提案编号:", "建议号：", "编号：", "类别：", "联系人：张三，"])
@pytest.mark.parametrize("after", ["收悉,现答复如下:", "已收悉。经研究,现答复如下:"])
def test_a_label_in_brackets_inside_the_opening_does_not_cut_it(tmp_path, label, after):
    """144: 《…的提案》（提案号：96）收悉 was cut at 提案号, the rest joined to the body."""
    opening = f"您提出的《关于加强校园安全的提案》（{label}12）{after}"
    result, draft = _import(tmp_path, {"opening": opening})
    assert comparable(draft["opening"]) == comparable(opening)
    assert draft["proposal"]["title"] == "关于加强校园安全的提案"


@pytest.mark.parametrize("closer", ["〕", "]", "】", "）", "﹞"])
@pytest.mark.parametrize("seq", ["7号", "第7号"])
def test_a_document_number_that_lost_its_opening_bracket_is_read_and_warned(tmp_path, closer, seq):
    """145: 景市监函2021〕31号."""
    result, draft = _import(tmp_path, {"head": f"测试县教育局\n测教函2024{closer}{seq}\n{TITLE}"})
    assert values(draft)["number"] == RIGHT["number"]
    assert [n.line for n in result.notes if n.code == "import-number-damaged"] == [2]


@pytest.mark.parametrize("name_label", ["联系人", "经办人", "承办人"])
@pytest.mark.parametrize("phone_label", ["电话", "联系电话", "手机"])
@pytest.mark.parametrize("gap", ["　", " ", "　　", ""])
def test_contact_labels_without_colons(tmp_path, name_label, phone_label, gap):
    """147: 联系人　李娜　　电话　0911-8213376 read 联系人李娜 as the name."""
    phone = "13912345678" if phone_label == "手机" else "0871-1234567"
    result, draft = _import(tmp_path, {"tail": f"{name_label}{gap}李四{gap}{gap or '　'}{phone_label}{gap}{phone}"})
    assert (values(draft)["contact_name"], values(draft)["contact_phone"]) == ("李四", phone), result.draft


@pytest.mark.parametrize("unit", ["（区教育局）", "(办公室)", "（基础教育科", "（科长）"])
@pytest.mark.parametrize("shape", ["联系人:李四{unit}　　联系电话:0871-1234567", "联系人：李四{unit}，电话：0871-1234567",
                                   "联系电话：0871-1234567　联系人：李四{unit}"])
def test_a_contact_name_with_its_unit_in_brackets(tmp_path, unit, shape):
    """162: 联系人:俞文杰(区建管委) — the name without the unit."""
    result, draft = _import(tmp_path, {"tail": shape.format(unit=unit)})
    assert (values(draft)["contact_name"], values(draft)["contact_phone"]) == ("李四", "0871-1234567"), result.draft


@pytest.mark.parametrize("second", ["测试县财政局", "测试县交通运输局", "测试县住房和城乡建设局"])
@pytest.mark.parametrize("gap", [" ", "　", "  "])
def test_a_joint_replys_title_naming_two_organs_gives_the_first(tmp_path, second, gap):
    """162: 泖港区建设和管理委员会 泖港区交通委员会关于…的答复 made one organ of both names."""
    result, draft = _import(tmp_path, {"head": f"测教函〔2024〕7号\n测试县教育局{gap}{second}{TITLE}",
                                       "signature": f"测试县教育局{gap}{second}"})
    assert values(draft)["organ"] == "测试县教育局" and values(draft)["signature"] == f"测试县教育局、{second}"
    assert not [n for n in result.notes if n.code == "import-signature"]


@pytest.mark.parametrize("proposer", ["农工党测试县支部", "民进测试县总支", "测试县工商业联合会", "九三学社测试县支社"])
@pytest.mark.parametrize("kind", ["提案", "建议"])
def test_a_proposals_own_title_under_its_proposers_name_names_no_organ(tmp_path, proposer, kind):
    """163: the page lists the proposal (农工党沭东县支部关于提升县域医疗服务能力的提案) above the letter:
    the proposer is not the organ; the organ comes from the signature."""
    result, draft = _import(tmp_path, {"head": f"{proposer}关于加强校园安全的{kind}\n测教函〔2024〕7号\n{TITLE}"})
    assert values(draft)["organ"] == "测试县教育局" and values(draft)["title"] == TITLE


SPEAKS = ["对您提出的建议，我们将认真研究吸纳。", "您的提案很有针对性，我局将认真吸纳。", "对你们提出的意见，我们将在工作中采纳。"]


@pytest.mark.parametrize("speaks", SPEAKS)
@pytest.mark.parametrize("thanks", ["再次感谢您对教育工作的关注！", "感谢您对教育工作的关心和支持。"])
@pytest.mark.parametrize("joined", [False, True])
def test_a_closing_that_speaks_of_the_proposal_before_the_thanks_starts_there(tmp_path, speaks, thanks, joined):
    """148: 对您提出的建议，我们将认真研究吸纳。再次感谢…委员… — a paragraph of its own, or run on into the last measure."""
    last = "我局将建立巡查制度,每月检查一次。"
    body = "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n" + last + ("" if joined else "\n") + speaks + thanks
    result, draft = _import(tmp_path, {"body": body, "closing": ""})
    assert comparable(draft["closing"][0]).startswith(comparable(speaks)), draft["closing"]
    assert comparable("每月检查一次。") in comparable(str(draft["measures"])) and speaks[:5] not in str(draft["measures"])


@given(st.integers(8, 60), st.integers(20, 40), st.integers(1, 30), st.integers(0, 59))
@settings(max_examples=60, deadline=None)
def test_one_line_run_on_does_not_unwrap_a_wrapped_text(count, wrap, extra, at):
    """164 (a variant): a PDF's text wrapped at `wrap`, one line longer (the closing joined to the last)."""
    widths = [wrap] * count
    widths[at % count] = wrap + 5 + extra
    lines = [Line(i, "字" * w, width=w) for i, w in enumerate(widths, 1)]
    assert line_width(lines) == wrap


@pytest.mark.parametrize("gap", ["", " ", "　"])
@pytest.mark.parametrize("part", ["opening", "body", "closing"])
def test_a_sentence_written_twice_stays_twice_for_check_to_show(tmp_path, gap, part):
    """A title printed twice is one title; a sentence printed twice (a slip left by an edit, which check's
    repeated-sentence reports) is not a page title: the draft keeps both copies."""
    sentence = {"opening": "您提出的《关于加强校园安全的提案》(第12号)收悉,现答复如下:",
                "body": "我局已完成校园安全排查,整改隐患十二处。", "closing": "感谢您对教育工作的关心和支持。"}[part]
    change = {part: sentence + gap + sentence} if part != "body" else \
        {"body": "一、工作情况\n" + sentence + gap + sentence + "\n二、下步打算\n我局将建立巡查制度,每月检查一次。"}
    result, draft = _import(tmp_path, change)
    assert comparable(str(draft)).count(comparable(sentence)[:12]) == 2, result.draft


@pytest.mark.parametrize("wish", ["希望以后多提宝贵意见,以利我们改进工作。", "希望您继续关心和支持教育工作。",
                                  "希望你们今后继续监督我们的工作!"])
@pytest.mark.parametrize("joined", [False, True])
def test_a_wish_for_more_advice_after_the_last_measure_is_the_closing(tmp_path, wish, joined):
    """14 (a variant): 希望以后多提宝贵意见… run on into the last measure; a measure's own 希望通过… stays."""
    body = "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,希望通过巡查减少隐患。" \
        + ("" if joined else "\n") + wish
    result, draft = _import(tmp_path, {"body": body, "closing": ""})
    assert comparable(draft["closing"][0]) == comparable(wish) and "希望通过巡查" in str(draft["measures"])


@pytest.mark.parametrize("cut", [6, 12, 16, 20])
@pytest.mark.parametrize("organ", ["", "测试县教育局"])
def test_a_title_printed_twice_and_broken_over_two_lines_is_one_title(tmp_path, cut, organ):
    """156 (two variants at once): X局关于…的答复　关于…会议 / 第12号提案的答复."""
    twice = f"{organ}{TITLE}　{TITLE}"
    at = len(twice) - cut
    result, draft = _import(tmp_path, {"head": f"测试县教育局\n测教函〔2024〕7号\n{twice[:at]}\n{twice[at:]}"})
    assert values(draft)["title"] == TITLE, result.draft
