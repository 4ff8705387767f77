"""Issue 12, round 3: the shapes the held-out letters 51–70 still got wrong, as generated cases on
the plain letter of test_import_patterns (invented text): a reply whose whole text stands on the
salutation's line, an organ abbreviated in a page title above the letter, a proposal's number in
brackets after its quoted title, and replies signed by two or three organs.  Each is read for what
it is, and the draft builds."""

import itertools
import re
import os

import pytest
import yaml

from letterkit.build import build_draft
from letterkit.importing import comparable, import_file
from letterkit.importing.score import values
from letterkit.project import open_project

from test_import_patterns import BASE, RIGHT, _letter

LONG = os.environ.get("CI") == "true" or os.environ.get("LETTERKIT_LONG") == "1"
TITLE = "关于县政协十届三次会议第12号提案的答复"
OPENING = "您提出的《关于加强校园安全的提案》收悉,现答复如下:"


def _import(tmp_path, change):
    path = tmp_path / "letter.txt"
    text = _letter(change)
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    return text.splitlines(), result, yaml.safe_load(result.draft)


def _builds(tmp_path, result):
    draft = tmp_path / "letter.yaml"
    draft.write_text(result.draft, encoding="utf-8")
    build_draft(draft, open_project(draft), tmp_path / "out")
    assert not [n for n in result.notes if n.code == "import-unbuildable"]


# -- 56: salutation, opening, the reply and the closing on one line ---------------------------------

ONE_LINE = [(f"张三委员{colon}您提出的《关于加强校园安全的提案》收悉,{verb}如下{colon}{reply}{thanks}", reply, thanks)
            for colon, verb, reply, thanks in itertools.product(
                (":", "："), ("现答复", "现回复", "现将办理情况答复"),
                ("经排查,全县学校整改隐患十二处,并建立了巡查制度。", "我局已完成排查;下一步将每月检查一次。"),
                ("感谢您对教育工作的关心和支持!", "特此答复。", "再次感谢您的关心。"))]


@pytest.mark.parametrize("line,reply,thanks", ONE_LINE, ids=[f"{i:02d}" for i in range(len(ONE_LINE))])
def test_a_reply_written_on_the_salutations_line_keeps_opening_body_and_closing_apart(tmp_path, line, reply, thanks):
    lines, result, draft = _import(tmp_path, {"salutation": line, "opening": "", "body": "", "closing": ""})
    assert draft["opening"].endswith(("如下：", "如下:")) and draft["opening"].startswith("您提出的")
    assert comparable(draft["closing"][0]) == comparable(thanks)  # punctuation widths aside
    assert comparable(reply) in comparable(str(draft["measures"]))
    assert values(draft)["addressee"] == "张三委员"


@pytest.mark.parametrize("thanks", ["感谢您对教育工作的关心和支持!", "特此答复。"])
def test_a_one_paragraph_reply_without_answer_words_still_has_its_closing(tmp_path, thanks):
    """您提出的…收悉。我局已…。感谢… — no 答复如下: the closing sentence is still the closing."""
    text = "您提出的《关于加强校园安全的提案》收悉。我局已完成校园安全排查,整改隐患十二处。" + thanks
    lines, result, draft = _import(tmp_path, {"opening": text, "body": "", "closing": ""})
    assert draft["opening"].startswith("您提出的") and "整改隐患" in draft["opening"]
    assert draft["closing"][0].startswith(thanks[:4])


# -- 65: the organ abbreviated in a page title, the full name in the signature ----------------------

ORGANS = [("县卫健委", "测试县卫生健康委员会"), ("区住建局", "某某市测试区住房和城乡建设局"), ("县发改局", "测试县发展和改革局"),
          ("测试县政府", "测试县人民政府"), ("区城管局", "某某市测试区城市管理局")]


@pytest.mark.parametrize("short,full", ORGANS)
@pytest.mark.parametrize("shape", ["page", "only"])
def test_an_organ_abbreviated_before_the_title_gives_way_to_its_full_name_in_the_signature(tmp_path, short, full, shape):
    head = f"{short}关于县政协十届三次会议第12号提案的答复\n测教函〔2024〕7号\n{TITLE}" if shape == "page" \
        else f"{short}{TITLE}"
    lines, result, draft = _import(tmp_path, {"head": head, "signature": full})
    got = values(draft)
    assert got["organ"] == full and got["signature"] == full, result.draft
    assert not [n for n in result.notes if n.code == "import-signature"]


@pytest.mark.parametrize("short,signature", [("区住建局", "某某市测试区城市管理局"), ("县教育局", "测试县卫生健康委员会")])
def test_another_organ_in_the_title_is_not_taken_for_an_abbreviation(tmp_path, short, signature):
    """A name that is not the signature's in short (住建 is not in 城市管理局) stays, and the mismatch is warned."""
    lines, result, draft = _import(tmp_path, {"head": f"{short}{TITLE}", "signature": signature})
    assert values(draft)["organ"] == short
    assert any(n.code == "import-signature" for n in result.notes)


# -- 68: the proposal's number in brackets after its quoted title -----------------------------------

NUMBERS = [(f"您提出的{q[0]}关于加强校园安全的提案{q[1]}{o}{n}{c}收悉,现答复如下:", n.strip("第号编:： "))
           for q, (o, c), n in itertools.product((("《", "》"), ("“", "”")), (("（", "）"), ("(", ")")),
                                                 ("0317号", "第0317号", "317号", "编号:317", "A0317号"))]


@pytest.mark.parametrize("opening,number", NUMBERS, ids=[o for o, _ in NUMBERS])
def test_a_proposal_number_in_brackets_after_its_title_is_the_id(tmp_path, opening, number):
    lines, result, draft = _import(tmp_path, {"head": "测试县教育局\n测教函〔2024〕7号", "opening": opening})
    assert values(draft)["id"] == number, result.draft
    assert values(draft)["proposal_title"] == "关于加强校园安全的提案"


# -- 68: a reply signed by two or three organs --------------------------------------------------------

JOINT = [("测试县教育局", "测试县公安局"), ("某某市测试区城市管理执法局", "某某市测试区住房和城乡建设局"),
         ("测试县教育局", "测试县公安局", "测试县交通运输局"),
         ("某某市测试区城市管理执法局", "某某市测试区住房和城乡建设局", "某某市测试区交通运输局")]


@pytest.mark.parametrize("organs", JOINT, ids=lambda o: f"{len(o)}-{len(''.join(o))}")
@pytest.mark.parametrize("gap", ["　　", "  ", "\t", " "])
def test_a_reply_signed_by_several_organs_keeps_them_all_and_builds(tmp_path, organs, gap):
    """Every organ a co-signer in the order printed; when the names with their seals do not fit on
    one line the draft says sealed: false (signatures one under another) and a note says why."""
    lines, result, draft = _import(tmp_path, {"head": TITLE, "signature": gap.join(organs)})
    assert values(draft)["signature"] == "、".join(organs)
    assert draft["organ"]["name"] == organs[0]
    if draft.get("sealed") is False:
        note = next(n for n in result.notes if n.code == "import-joint-unsealed")
        assert note.line == next(i for i, t in enumerate(lines, 1) if t.startswith(organs[0]))
    _builds(tmp_path, result)


def test_the_joint_signatures_of_a_short_pair_keep_their_seals(tmp_path):
    lines, result, draft = _import(tmp_path, {"head": TITLE, "signature": "测试县教育局　　测试县公安局"})
    assert "sealed" not in draft


def test_the_round3_letter_of_the_base_is_still_right(tmp_path):
    """The base letter itself: nothing above changed what it reads."""
    lines, result, draft = _import(tmp_path, {})
    got = values(draft)
    assert {k: got[k] for k in RIGHT if k != "closing"} == {k: v for k, v in RIGHT.items() if k != "closing"}
    assert BASE["closing"] in draft["closing"][0].replace("。", "。")


# -- the layout the letter prints: 签发人 or a 版记 with 印发 make it a 通用格式 letter ----------------

SIGNER_LINES = ["测教函〔2024〕7号          签发人：王五", "测教函〔2024〕7号\t签发人:王五", "测教函〔2024〕7号\n签发人：王 五", "测教函〔2024〕7号"]
COLOPHONS = ["抄送：县政协提案委员会。\n测试县教育局办公室          2024年3月6日印发", "测试县教育局办公室  2024年3月6日印发",
             "抄送：县政协提案委员会，县政府办公室。", ""]
LAYOUTS = [(s, c) for s, c in itertools.product(SIGNER_LINES, COLOPHONS)]


def _general(signer: str, colophon: str) -> bool:
    return "签发人" in signer or "印发" in colophon


@pytest.mark.parametrize("signer,colophon", LAYOUTS, ids=[f"{i:02d}" for i in range(len(LAYOUTS))])
def test_the_layout_is_the_one_the_letter_prints(tmp_path, signer, colophon):
    lines, result, draft = _import(tmp_path, {"head": f"测试县教育局\n{signer}\n{TITLE}", "tail": colophon})
    assert draft["layout"] == ("general" if _general(signer, colophon) else "letter"), result.draft
    assert ("signer" in draft) == ("签发人" in signer) and ("printer" in draft) == ("印发" in colophon)


def test_an_imported_general_letter_raises_no_unprinted_field_in_check(tmp_path):
    """Issue 13's false alarms: a letter printing 签发人 and a 版记 with 印发 was imported as layout: letter
    and `letterkit check` said three times that a field would not be printed.  All shapes checked at once."""
    import subprocess
    import sys

    drafts = []
    shapes = [(s, c) for s, c in LAYOUTS if _general(s, c)]
    for i, (signer, colophon) in enumerate(shapes if LONG else shapes[::3]):  # check costs about 1 s a draft
        lines, result, draft = _import(tmp_path, {"head": f"测试县教育局\n{signer}\n{TITLE}", "tail": colophon})
        path = tmp_path / f"letter{i:02d}.yaml"
        path.write_text(result.draft, encoding="utf-8")
        drafts.append(str(path))
    run = subprocess.run([sys.executable, "-m", "letterkit", "check", *drafts], capture_output=True, text=True, cwd=tmp_path)
    assert "unprinted-field" not in run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "letter00.yaml" in run.stdout + run.stderr  # the check ran


# -- a heading run into its paragraph with nothing between ----------------------------------------

HEADS = ["加快项目建设", "关于校园周边交通问题", "工作开展情况", "完善长效机制", "下一步工作打算", "关于S612线拓宽改造问题"]
STARTS = ["今年以来", "目前", "我局", "2023年", "针对", "截至10月底", "全县"]
RUN_ON = [(h, s) for h, s in itertools.product(HEADS, STARTS)] + [("关于校园周边交通问题", "河山镇")]


@pytest.mark.parametrize("head,start", RUN_ON, ids=[f"{h}-{s}" for h, s in RUN_ON])
@pytest.mark.parametrize("number", ["一、", "（一）", "1."])
def test_a_heading_run_into_its_paragraph_is_split_after_its_last_word(tmp_path, head, start, number):
    body = f"{number}{head}{start}，全县已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,每月检查一次。"
    lines, result, draft = _import(tmp_path, {"body": body})
    first = draft["measures"][0]
    assert first["heading"] == head and first["text"].startswith(start), result.draft
    assert any(n.code == "import-heading-split" and n.line == lines.index(body.splitlines()[0]) + 1 for n in result.notes)
    assert not any(n.code == "import-heading-joined" for n in result.notes)


@pytest.mark.parametrize("text", ["一、加强管理。今年以来全县已完成校园安全排查。", "一、加强管理，提升服务水平。",
                                  "一、今年以来全县已完成校园安全排查，整改隐患十二处。", "一、加强校园安全管理"])
def test_a_heading_with_its_own_punctuation_or_a_sentence_is_not_cut(tmp_path, text):
    lines, result, draft = _import(tmp_path, {"body": text + "\n二、下步打算\n我局将建立巡查制度,每月检查一次。"})
    assert not any(n.code == "import-heading-split" for n in result.notes), draft["measures"][0]


# -- the shapes of letters 91–110 (dev2) ----------------------------------------------------------

TABS = [f"{a}{gap}{b}" for a, b in itertools.permutations(("提案答复", "提案原文", "答复内容", "建议答复"), 2)
        for gap in ("　　", "  ", " | ")]


@pytest.mark.parametrize("tabs", TABS)
def test_a_pages_tab_labels_above_the_title_are_page_furniture(tmp_path, tabs):
    lines, result, draft = _import(tmp_path, {"head": f"{tabs}\n测试县教育局\n测教函〔2024〕7号\n{TITLE}"})
    assert draft["title"] == TITLE and tabs.split()[0] not in result.draft.split("\n# 导入时")[0].split("title:")[-1]
    assert any(no == 1 for no, _, _ in [(c, 0, 0) for c in result.kept_out])


LINKS = [f"{label}{name}.{ext}{gap}{action}" for label, name, ext, gap, action in itertools.product(
    ("附件：", "相关附件：", ""), ("答复函（测教函〔2024〕7号）", "第12号提案答复"), ("pdf", "docx", "ofd", "PDF"), ("　", "", " "),
    ("下载", "点击下载"))]


@pytest.mark.parametrize("link", LINKS[::3] + ["点击下载：答复函.pdf", "下载附件 第12号提案答复.doc"])
def test_a_download_link_above_the_letter_is_page_furniture(tmp_path, link):
    lines, result, draft = _import(tmp_path, {"head": f"{link}\n{TITLE}\n测教函〔2024〕7号"})
    assert draft["title"] == TITLE and values(draft)["number"] == "测教函〔2024〕7号"
    assert 1 in result.kept_out


@pytest.mark.parametrize("written", ["测教函〔20247号", "测教函〔2024 7号", "测教函【20247号", "测教函〔20247"])
def test_a_document_number_that_lost_its_closing_bracket_is_read_and_warned(tmp_path, written):
    lines, result, draft = _import(tmp_path, {"head": f"测试县教育局\n{written}\n{TITLE}"})
    assert values(draft)["number"] == "测教函〔2024〕7号"
    assert any(n.code == "import-number-damaged" and n.line == 2 for n in result.notes)


@pytest.mark.parametrize("opening", [f"您提出的{n}{q[0]}关于加强校园安全的提案{q[1]}收悉,现答复如下:"
                                     for n in ("第12号提案", "第12号", "12号提案", "第12号建议")
                                     for q in ("“”", "《》")])
def test_a_number_before_the_quoted_title_leaves_the_title(tmp_path, opening):
    lines, result, draft = _import(tmp_path, {"opening": opening})
    assert values(draft)["proposal_title"] == "关于加强校园安全的提案"


@pytest.mark.parametrize("code,printer,signature,organ", [
    ("余交函", "杭州市余杭区交通运输局办公室", "杭州市临平区交通运输局", "杭州市余杭区交通运输局"),
    ("测教函", "测试县教育局办公室", "某某县教育局", "测试县教育局"),
    ("测教函", "测试县教育局办公室", "测试县教育局", "测试县教育局"),       # they agree: the signature
    ("某教函", "测试县教育局办公室", "某某县教育局", "某某县教育局"),       # the code fits the signature
])
def test_without_a_letterhead_the_organ_is_the_one_the_document_number_names(tmp_path, code, printer, signature, organ):
    """No letterhead: the organ is read from the signature, unless the 发文字号's code fits the 印发机关's
    organ and not the signature's; then the signature is warned as not the organ's."""
    lines, result, draft = _import(tmp_path, {"head": f"{code}〔2024〕7号\n{TITLE}", "signature": signature,
                                              "tail": f"抄送：县政协提案委员会。\n{printer}  2024年3月6日印发"})
    assert draft["organ"]["name"] == organ and values(draft)["signature"] == signature
    assert any(n.code == "import-signature" for n in result.notes) == (organ != signature)


# -- one letter answering several proposals ------------------------------------------------------

JOINT_REPLIES = [(f"关于县政协十届三次会议第12号{sep}第{n}号提案的答复",
                  f"您提出的《关于加强校园安全的提案》（第12号）{conj}《关于{other}的提案》（第{n}号）均已收悉,现合并答复如下:")
                 for sep, n, conj, other in itertools.product(("、", "和", "，"), ("15", "203"), ("和", "、", "及"),
                                                              ("改善校园周边交通", "增加校车线路"))]


@pytest.mark.parametrize("title,opening", JOINT_REPLIES, ids=[f"{i:02d}" for i in range(len(JOINT_REPLIES))])
def test_a_reply_to_several_proposals_keeps_the_first_and_warns_with_the_others(tmp_path, title, opening):
    lines, result, draft = _import(tmp_path, {"head": f"测试县教育局\n测教函〔2024〕7号\n{title}", "opening": opening})
    got = values(draft)
    assert got["id"] == "12" and got["proposal_title"] == "关于加强校园安全的提案"
    warning = next(n for n in result.notes if n.code == "import-joint-reply")
    assert warning.line == 3 and re.search(r"第(15|203)号", warning.message) and "《关于" in warning.message
    assert "import-joint-reply" not in [n.code for n in _import(tmp_path, {})[1].notes]  # one proposal: nothing said


# -- a 发文字号 without a letterhead or a signature -------------------------------------------------

@pytest.mark.parametrize("label", ["办理单位", "发布机构", "承办单位", "答复单位"])
@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("number", ["测教函〔2024〕7号", "测教函[2024]7号"])
def test_a_document_number_keeps_its_value_when_the_page_names_the_organ(tmp_path, label, colon, number):
    """No 版头, no 署名: the 发文字号 stays a value with the organ the page names (warned at that line),
    not number: 无; without such a page label it is 无 and warned as before (test_import_variants)."""
    head = f"{label}{colon}测试县教育局\n{number}\n{TITLE}"
    lines, result, draft = _import(tmp_path, {"head": head, "signature": ""})
    assert values(draft)["number"] == "测教函〔2024〕7号" and draft["organ"]["name"] == "测试县教育局", result.draft
    assert any(n.code == "import-organ" and n.line == 1 for n in result.notes)
    assert not any(n.code in ("import-number-organ", "import-unbuildable") for n in result.notes)
    _builds(tmp_path, result)


def test_a_page_organ_is_not_taken_when_no_document_number_needs_it(tmp_path):
    lines, result, draft = _import(tmp_path, {"head": f"发布机构：测试县教育局\n{TITLE}", "signature": ""})
    assert draft["organ"] == "无"


# -- items written as sentences, years after an item number, page widgets (from 91–110) --------------

SENTENCE_ITEMS = [f"{number}{text}" for number, text in itertools.product(
    ("一、", "（一）", "1.", "（1）"),
    ("按照《测试县校园安全专项规划（2021—2035年）》，再排查学校12所。", "在2021年以来整改隐患12处的基础上，继续推进巡查。",
     "做好安全培训工作，确保全年860人培训任务按期完成。", "我局将依托县公安局等部门，2025年计划新建巡查点6个。"))]


@pytest.mark.parametrize("item", SENTENCE_ITEMS)
def test_an_item_written_as_one_sentence_is_not_called_a_swallowed_heading(tmp_path, item):
    lines, result, draft = _import(tmp_path, {"body": item + "\n二、下步打算\n我局将建立巡查制度,每月检查一次。"
                                              if not item.startswith("二") else item})
    assert not [n.message for n in result.notes if n.code == "import-heading-joined"]


@pytest.mark.parametrize("year", ["2021年以来", "2023年秋季", "1998年起"])
@pytest.mark.parametrize("dot", [".", "．"])
def test_an_item_number_before_a_year_is_the_items_number(tmp_path, year, dot):
    """1.2021年以来，… is item 1 and a sentence opening with a year, not the number 1.2021."""
    body = f"一、工作情况\n1{dot}{year}，我局已完成校园安全排查。\n2{dot}我局将建立巡查制度,每月检查一次。"
    lines, result, draft = _import(tmp_path, {"body": body})
    items = draft["measures"][0]["items"]
    assert [i["heading"] if isinstance(i, dict) else i for i in items][0].startswith(year), result.draft
    assert not any(n.code == "import-numbering" for n in result.notes)


@pytest.mark.parametrize("widget", ["【字号  大  中  小】", "字号：【大】【中】【小】", "【字体 大 中 小】", "时间：2021-08-03点击："])
@pytest.mark.parametrize("end", ["【打印本页】  【关闭窗口】", "【打印】【关闭】", "[打印本页] [关闭窗口]", "【打印此页】【关闭】",
                                 "相关附件：测教函〔2024〕7号.pdf", "附件：答复全文.docx"])
def test_page_widgets_above_and_after_the_letter_are_page_furniture(tmp_path, widget, end):
    lines, result, draft = _import(tmp_path, {"head": f"{widget}\n{BASE['head']}", "tail": end})
    assert not [n.message for n in result.notes if n.code == "import-unplaced"]
    assert {1, len(lines)} <= result.kept_out


@pytest.mark.parametrize("above", range(0, 13, 3))
def test_a_title_printed_twice_below_many_lines_of_page_furniture_is_read_once(tmp_path, above):
    """Found with CI=true (variants: furniture added above a title printed twice): below ten lines the
    doubled title was no longer seen."""
    furniture = "\n".join(["浏览次数:35", "字体:[大 中 小]", "提案答复　　提案原文", "当前位置:首页 > 政务公开 > 建议提案办理"] * 4)
    head = "\n".join(furniture.splitlines()[:above] + ["测试县教育局", "测教函〔2024〕7号", f"{TITLE}　{TITLE}"])
    lines, result, draft = _import(tmp_path, {"head": head})
    assert draft["title"] == TITLE
