"""Issue 12, round 5: what the generated variants of the letters 71–130 still got wrong, as generated
cases on the plain letter of test_import_patterns (invented text): a title line with the 发文字号 after
it (after the organ's name, a 类别 mark between), a page title printed twice with its mark, and thanks
after a clause about the proposal run on into the last measure.  Each fails on the importer before
this round."""

import itertools
import re

import pytest
import yaml

from letterkit.importing import comparable, import_file
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
                ("第12号提案", "12号提案", ""),
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
