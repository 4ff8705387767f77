"""Issue 12, the importer defects an independent tester found (letters in the shape of published
pages): each shape as a short letter, with what the draft must say.  Their generated variants over
the development letters are in test_import_variants.py (the ISSUE12 changes at its end)."""

import json
import re
import subprocess
import sys

import pytest
import yaml

from letterkit.build import build_draft
from letterkit.project import open_project
from letterkit.textconv import to_text
from imported import import_text as _import

BODY = ("王明委员：\n您提出的《关于加快推进城区老旧小区改造的提案》（第22号）收悉。现答复如下：\n"
        "2021年，我区实施老旧小区改造项目36个，完成投资1.26亿元。\n此致\n敬礼！\n")
TAIL = "孝感市孝南区住房和城乡建设局\n2022年6月30日\n联系人：张涛　联系电话：0712-2861234\n"
TITLE = "关于区政协十届一次会议第22号提案的答复\n"



def _builds(tmp_path, result):
    draft = tmp_path / "letter.yaml"
    draft.write_text(result.draft, encoding="utf-8")
    build_draft(draft, open_project(draft), tmp_path / "out")


@pytest.mark.parametrize("furniture", ["孝感市孝南区人民政府门户网站", "孝感市孝南区人民政府门户网站 www.xiaonan.gov.cn",
                                       "孝感市孝南区人民政府", "孝南区政府网", "孝感市孝南区人民政府网站"])
@pytest.mark.parametrize("number", ["", "孝南住建函〔2022〕45号\n"])
def test_a_site_or_government_name_above_the_letter_is_not_its_organ(tmp_path, furniture, number):
    """1. The page's site name or the government over a letter its 局 signs: the organ is the 局's,
    the line a comment, no signature mismatch; the draft builds and check finds no signature-organ."""
    result, draft = _import(tmp_path, f"{furniture}\n{number}{TITLE}{BODY}{TAIL}")
    assert draft["organ"]["name"] == "孝感市孝南区住房和城乡建设局"
    assert f"：{furniture.replace(' ', '')}" in result.draft.split("layout:")[0]  # kept in the header comment
    assert not [n for n in result.notes if n.code == "import-signature"]
    if number:
        assert draft["organ"]["code"] == "孝南住建函" and draft["number"] == {"year": 2022, "seq": 45}
    _builds(tmp_path, result)


def test_a_letter_the_government_itself_signs_keeps_its_letterhead(tmp_path):
    result, draft = _import(tmp_path, f"孝感市孝南区人民政府\n{TITLE}{BODY}孝感市孝南区人民政府\n2022年6月30日\n"
                                      "联系人：张涛　联系电话：0712-2861234\n")
    assert draft["organ"]["name"] == "孝感市孝南区人民政府" and draft["layout"] == "letter"


@pytest.mark.parametrize("gap", ["", " ", "　　　　", "\t"])
@pytest.mark.parametrize("mark", ["A", "B", "Ｃ"])
def test_a_bare_category_letter_after_the_number_is_the_category(tmp_path, gap, mark):
    """2. 西民函〔2022〕14号　　A: number, category and title each right."""
    result, draft = _import(tmp_path, f"西民函〔2022〕14号{gap}{mark}\n对区政协十四届一次会议第86号提案的答复\n{BODY}{TAIL}")
    assert draft["number"] == {"year": 2022, "seq": 14} and draft["organ"]["code"] == "西民函"
    assert draft["category"] == {"Ｃ": "C"}.get(mark, mark)
    assert draft["title"] == "对区政协十四届一次会议第86号提案的答复"


@pytest.mark.parametrize("mark", ["A", "B", "D"])
def test_a_bare_category_letter_alone_under_the_title_is_the_category(tmp_path, mark):
    result, draft = _import(tmp_path, f"{TITLE}{mark}\n{BODY}{TAIL}")
    assert draft["title"] == TITLE.strip() and draft["category"] == mark


@pytest.mark.parametrize("organ,first,second", [
    ("章贡区城市管理局", "关于区十八届人大三次会议", "第12号建议的答复"),
    ("章贡区城市管理局", "关于区十八届人大三次会议第12号", "建议的答复"),
    ("赣州市章贡区城市管理局", "对区十八届人大三次", "会议第12号建议的答复"),
])
def test_a_two_line_title_that_starts_with_the_organ_keeps_its_first_line(tmp_path, organ, first, second):
    """3. 章贡区城市管理局关于区十八届人大三次会议 / 第12号建议的答复: the whole title, the organ read."""
    result, draft = _import(tmp_path, f"{organ}{first}\n{second}\n赵小兵代表：\n您提出的关于规范城区占道经营的第12号建议收悉。"
                                      "现答复如下：\n我局将城区划分为12个责任网格。\n专此答复。\n赣州市章贡区城市管理局\n"
                                      "2023年7月20日\n联系人：钟伟　联系电话：0797-8123456\n")
    assert draft["title"] == first + second
    assert draft["organ"]["name"] == "赣州市章贡区城市管理局"  # the title's 章贡区城市管理局 named in full, as signed
    assert draft["proposal"]["id"] == "12"
    assert not [n for n in result.notes if n.code in ("import-unplaced", "import-misplaced")]


HUIBAN = ("关于区政协二届二次会议第56号提案的会办意见\n区教育体育局：\n你局转来的区政协二届二次会议第56号提案"
          "《关于解决城区学校周边交通拥堵问题的提案》收悉。经研究，我局会办意见如下：\n{items}以上意见，供参考。\n"
          "九江市濂溪区自然资源局\n2023年5月8日\n联系人：周敏　联系电话：0792-8123456\n")
POINTS = ["在国土空间规划编制中，对新建中小学校按照规范预留接送车辆临时停靠区域，2023年新批的2所学校已落实。",
          "对已建成学校周边，配合交通、城管部门利用边角地块设置临时停车场，目前已梳理出可利用地块5处。"]


@pytest.mark.parametrize("numbers", [("一、", "二、"), ("1.", "2."), ("（一）", "（二）"), ("1、", "2、")])
def test_numbered_whole_sentences_keep_their_numbers_in_the_built_letter(tmp_path, numbers):
    """4. A 会办意见's numbered points, each a whole sentence ending in 。: kept as numbered headings, so the
    built letter prints a number before each (一、 二、 at the first level, as letterkit numbers by depth —
    the published 1. too, which import-skipped-level says), the sentence whole; a note names each line
    (no heading-joined warning); `check` finds no error (no hand-typed number)."""
    items = "".join(n + p + "\n" for n, p in zip(numbers, POINTS))
    result, draft = _import(tmp_path, HUIBAN.format(items=items))
    assert draft["measures"] == [{"heading": p} for p in POINTS]
    assert not [n for n in result.notes if n.code == "import-heading-joined"]
    assert sorted(n.line for n in result.notes if n.code == "import-numbered-paragraph") == [4, 5]
    _builds(tmp_path, result)
    printed = to_text(tmp_path / "out" / "letter.docx")
    assert all(f"{n}{p}" in printed for n, p in zip(("一、", "二、"), POINTS)), printed
    check = subprocess.run([sys.executable, "-m", "letterkit", "check", str(tmp_path / "letter.yaml"), "--format", "json"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert check.returncode == 0 and not [f["code"] for f in json.loads(check.stdout) if f["severity"] == "error"]


def test_short_numbered_headings_stay_headings(tmp_path):
    items = "一、加强日常巡查。\n今年共劝导占道经营行为3400余起，成效明显。\n二、建立长效机制。\n会同市场监管部门开展联合执法。\n"
    result, draft = _import(tmp_path, HUIBAN.format(items=items))
    assert [m["heading"] for m in draft["measures"]] == ["加强日常巡查。", "建立长效机制。"]


@pytest.mark.parametrize("organ,cut", [("桂林市七星区交通运输局", 1), ("桂林市七星区发展和改革委员会", 3),
                                       ("桂林市七星区卫生健康局", 1), ("七星区教育局", 1)])
def test_an_organ_from_a_signature_that_lost_its_end_is_the_whole_name_printed_elsewhere(tmp_path, organ, cut):
    """5. 桂林市七星区交通运输 signing, the opening naming 桂林市七星区交通运输局: the whole name, warned at the
    signature; the signature itself as printed (check names the slip)."""
    short = organ[:-cut]
    result, draft = _import(tmp_path, f"关于区十二届人大一次会议第9号建议的答复\n蒋丽华代表：\n你提出的《关于增开穿山片区公交线路的建议》"
                                      f"收悉，{organ}经认真研究，现答复如下：\n穿山片区现有公交线路6条。\n专此函复。\n{short}\n"
                                      "2022年5月26日\n联系人：唐静　联系电话：0773-5812345\n")
    assert draft["organ"]["name"] == organ and draft["signature"] == short
    assert any(n.code == "import-signature" and n.line == 6 and organ in n.message for n in result.notes)


def test_a_signature_that_is_a_whole_name_is_not_lengthened(tmp_path):
    result, draft = _import(tmp_path, f"{TITLE}{BODY}孝感市孝南区住房和城乡建设局\n2022年6月30日\n"
                                      "联系人：张涛　联系电话：0712-2861234\n")
    assert draft["organ"]["name"] == "孝感市孝南区住房和城乡建设局"


FOUR = ["王明委员：", "您提出的提案收悉，现答复如下：", "我局将加强老旧小区改造。", "孝感市孝南区住房和城乡建设局", "2022年6月30日"]


@pytest.mark.parametrize("drop", [(), (2,), (0,), (0, 2)])
def test_an_unbuildable_draft_names_the_fields_to_fill_and_filling_them_builds(tmp_path, drop):
    """6. A few lines with no title and no number: the warning names the field(s) whose filling makes
    the draft build (not every field written 无), and filling just those does build."""
    lines = [t for i, t in enumerate(FOUR) if i not in drop]
    result, draft = _import(tmp_path, "\n".join(lines) + "\n")
    warning = next(n for n in result.notes if n.code == "import-unbuildable")
    named = re.search(r"补上 (.+?) 就能生成", warning.hint).group(1).split("、")
    assert 1 <= len(named) <= 3 and "草稿中写作" not in warning.hint, warning.hint
    fill = {"title": "关于老旧小区改造提案的答复", "measures": ["我局将加强老旧小区改造。"], "proposal.title": "关于老旧小区改造的提案",
            "proposal.id": "22", "signature": "孝感市孝南区住房和城乡建设局", "organ": {"name": "孝感市孝南区住房和城乡建设局"},
            "addressee": {"name": "王明", "role": "委员"}}
    for name in named:
        key, _, sub = name.partition(".")
        if sub:
            draft[key][sub] = fill[name]
        else:
            draft[key] = fill[name]
    path = tmp_path / "filled.yaml"
    path.write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    build_draft(path, open_project(path), tmp_path / "out")  # builds: the named fields were enough


@pytest.mark.parametrize("ids, sep", [(("15", "27"), "、"), (("21", "34", "56"), "、"), (("8", "12"), "和")])
def test_several_numbers_under_one_hao_keep_the_first_and_warn_the_others(tmp_path, ids, sep):
    """第15、27号建议: a joint reply's numbers under one 号 — the first is the draft's, the rest warned."""
    title = f"关于市十届人大三次会议第{sep.join(ids)}号建议的答复\n"
    result, draft = _import(tmp_path, title + "吴国平、林秀英代表：\n你们分别提出的《关于改善城区学校周边交通秩序的建议》收悉，"
                            "现合并答复如下：\n我局已办理。\n特此答复。\n某市交通运输局\n2024年6月1日\n联系人：张三　联系电话：0598-1234567\n")
    assert draft["proposal"]["id"] == ids[0]
    warned = [n for n in result.notes if n.code == "import-joint-reply"]
    assert len(warned) == 1 and all(f"第{i}号" in warned[0].message for i in ids[1:])


@pytest.mark.parametrize("gap, mark", [("　", "A"), ("  ", "Ｂ"), ("", "C")])
def test_a_bare_category_letter_after_the_title_on_its_line_is_the_category(tmp_path, gap, mark):
    result, draft = _import(tmp_path, f"关于区政协三届五次会议第73号提案的答复{gap}{mark}\n曾庆华委员：\n您提出的《关于发展早茶产业的提案》"
                            "收悉。现答复如下：\n我局已办理。\n特此答复。\n某区农业农村局\n2021年7月9日\n联系人：张三　联系电话：0831-1234567\n")
    assert draft["title"] == "关于区政协三届五次会议第73号提案的答复"
    assert draft["category"] == mark.translate(str.maketrans("ＡＢＣＤ", "ABCD"))


@pytest.mark.parametrize("last", ["您这一建议对改善农村饮水条件具有重要意义，再次感谢您对水利工作的关心和支持。",
                                  "你们的建议很有见地，衷心感谢你们对水利工作的支持！"])
def test_thanks_after_a_clause_about_the_proposal_is_the_closing(tmp_path, last):
    result, draft = _import(tmp_path, "关于县十九届人大二次会议第7号建议的答复\n张三代表：\n您提出的《关于改善农村饮水条件的建议》收悉，"
                            "现答复如下：\n一、加快工程建设。确保9月底前完工通水。\n二、建立长效管护机制。落实村级管水员。\n"
                            f"{last}\n某县水利局\n2023年7月6日\n联系人：柯文斌　电话：0716-5223089\n")
    assert draft["closing"] == [last]


def test_the_session_is_read_from_a_title_that_opens_with_it(tmp_path):
    result, draft = _import(tmp_path, "市十届人大四次会议第19号建议答复\n尊敬的马鞍镇代表团：\n贵代表团提出的“关于加快马鞍镇卫生院改扩建的建议”"
                            "收悉，现答复如下：\n项目已列入计划。\n特此答复。\n某市卫生健康局\n2024年6月3日\n联系人：张三　联系电话：0555-1234567\n")
    assert draft["proposal"]["session"] == "市十届人大四次会议" and draft["proposal"]["id"] == "19"
