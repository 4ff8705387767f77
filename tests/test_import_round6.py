"""Round 6 of issue 12: what the mutated letters (tests/misplacegen.py) showed, generated over the shapes
in invented letters — a label line run on after a paragraph's last sentence is cut off and read for
what it is; head parts a web page set side by side with a wide gap are split; a page address amid the
body, a second 类别 mark, a stray line between salutation and opening are kept out of the letter; an
opening broken mid-sentence stays whole; and what cannot be cut (a label run into a heading, a title
glued to a salutation) is warned at the line that holds it."""

import itertools

import pytest
import yaml

from letterkit.importing import import_file
from letterkit.importing.roles import labelled
from letterkit.importing.score import values, zones

from test_import_patterns import BASE, BODY_TEXT, RIGHT, _letter


def _import(tmp_path, letter: str):
    path = tmp_path / "letter.txt"
    path.write_text(letter, encoding="utf-8")
    result = import_file(path)
    draft = yaml.safe_load(result.draft)
    return result, draft, values(draft), zones(draft)


def _line(letter: str, piece: str) -> int:
    return next(no for no, text in enumerate(letter.splitlines(), 1) if piece in text)


RUN_ON = [  # a tail line, and the field it must give (None: kept out as a comment)
    ("联系人：李四，联系电话：0871-6543210", {"contact_name": "李四", "contact_phone": "0871-6543210"}),
    ("联系电话：13912345678 联系人：王五", {"contact_name": "王五", "contact_phone": "13912345678"}),
    ("联系人及电话:赵六 0871-1234567", {"contact_name": "赵六", "contact_phone": "0871-1234567"}),
    ("经办人：钱七  电话：6612345", {"contact_name": "钱七", "contact_phone": "6612345"}),
    ("此件公开发布", {"disclosure": "主动公开"}),
    ("公开属性：依申请公开", {"disclosure": "依申请公开"}),
    ("审核：孙八", {}),
    ("承办负责人：周九", {}),
    ("答复类别：B", {"category": "B"}),
    ("字体：[大 中 小]", {}),
    ("【打印本页】 【关闭窗口】", {}),
    ("浏览次数：35", {}),
]


@pytest.mark.parametrize("where,glue", list(itertools.product(("body", "closing"), ("", " ", "　"))))
@pytest.mark.parametrize("line,fields", RUN_ON, ids=[t for t, _ in RUN_ON])
def test_a_label_line_run_on_after_the_last_sentence_is_cut_off_and_read(tmp_path, line, fields, where, glue):
    letter = _letter({where: BASE[where] + glue + line})
    result, draft, got, text = _import(tmp_path, letter)
    assert {k: got[k] for k in fields} == fields, result.draft
    assert {k: got[k] for k in RIGHT} == RIGHT, result.draft  # the paragraph it ran on from keeps its text
    label = line.replace(" ", "")[:5]
    assert label not in "".join(text.values()), result.draft
    note = next(n for n in result.notes if n.code == "import-label-run-on")
    assert note.line == _line(letter, line)
    assert not [n for n in result.notes if n.code in ("import-misplaced", "import-unplaced")], [n.message for n in result.notes]


TITLE = "关于县政协十届三次会议第12号提案的答复"
HEAD_ROWS = [  # (head, salutation, fields beyond RIGHT); {gap} is where the page set its parts apart
    ("测试县教育局\n测教函〔2024〕7号{gap}" + TITLE, "张三委员:", {}),
    ("测试县教育局\n测教函〔2024〕7号\n" + TITLE + "{gap}张三委员:", "", {}),
    ("测试县教育局\n测教函〔2024〕7号\n" + TITLE + "{gap}尊敬的张三委员：", "", {}),
    ("测试县教育局\n测教函〔2024〕7号\n" + TITLE, "类别：A{gap}张三委员:", {"category": "A"}),
    ("测试县教育局\n签发人：王五{gap}测教函〔2024〕7号\n" + TITLE, "张三委员:", {"signer": "王五"}),
    ("测试县教育局{gap}测教函〔2024〕7号\n" + TITLE, "张三委员:", {}),
]


@pytest.mark.parametrize("gap", [" ", "  ", "　　", "\t\t", "　 "], ids=["space", "spaces", "ideographic", "tabs", "mixed"])
@pytest.mark.parametrize("head,salutation,fields", HEAD_ROWS, ids=[f"row{i}" for i in range(len(HEAD_ROWS))])
def test_two_head_parts_set_side_by_side_with_a_wide_gap_are_read_as_two_lines(tmp_path, head, salutation, fields, gap):
    letter = _letter({"head": head.format(gap=gap), "salutation": salutation.format(gap=gap)})
    result, draft, got, text = _import(tmp_path, letter)
    want = {**RIGHT, **fields}
    assert {k: got[k] for k in want} == want, (letter, result.draft)
    assert not [n for n in result.notes if n.code in ("import-misplaced", "import-unplaced")], [n.message for n in result.notes]


@pytest.mark.parametrize("at", [0, 1, 2])
@pytest.mark.parametrize("url", ["https://www.example.gov.cn/art/2024/3/6/art_1_2.html", "http://x.gov.cn/a.htm"])
def test_a_page_address_amid_the_body_is_kept_out_of_the_letter(tmp_path, url, at):
    body = BASE["body"].split("\n")
    body.insert(at + 1, url)
    letter = _letter({"body": "\n".join(body)})
    result, draft, got, text = _import(tmp_path, letter)
    assert {k: got[k] for k in RIGHT} == RIGHT and all(p in text["measures"] for p in BODY_TEXT)
    assert "gov.cn" not in "".join(text.values()) and "gov.cn" in result.draft  # a comment of the draft


@pytest.mark.parametrize("second", ["类别：C", "分类标识【D】", "答复类别：A"])
def test_a_second_category_mark_is_a_comment_and_a_different_one_is_warned(tmp_path, second):
    letter = _letter({"head": "类别：A\n" + BASE["head"], "tail": second})
    result, draft, got, text = _import(tmp_path, letter)
    assert got["category"] == "A" and second[:4] not in "".join(text.values())
    warned = [n.line for n in result.notes if n.code == "import-category-twice"]
    assert warned == ([] if second.endswith("A") else [_line(letter, second)])


@pytest.mark.parametrize("cut", range(6, 40, 3))
def test_an_opening_broken_mid_sentence_stays_whole(tmp_path, cut):
    opening = BASE["opening"]
    letter = _letter({"opening": opening[:cut] + "\n" + opening[cut:]})
    result, draft, got, text = _import(tmp_path, letter)
    assert {k: got[k] for k in RIGHT} == RIGHT, result.draft
    assert draft["opening"].replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")") == opening
    assert draft["measures"][0]["heading"] == "工作情况"


@pytest.mark.parametrize("stray", ["测试县人民政府门户网站", "正文　相关附件　政策解读", "测试县教育局", TITLE])
def test_a_stray_line_between_salutation_and_opening_is_a_warned_comment(tmp_path, stray):
    letter = _letter({"salutation": BASE["salutation"] + "\n" + stray})
    result, draft, got, text = _import(tmp_path, letter)
    assert {k: got[k] for k in RIGHT} == RIGHT, result.draft
    assert stray not in text["opening"] + text["measures"] + text["closing"]
    if stray != TITLE and labelled(stray) is None:  # (page furniture and a page's title again: no warning needed)
        assert letter.splitlines().index(BASE["salutation"]) + 2 in [n.line for n in result.notes if n.code == "import-unplaced"]


UNCUT = [  # text run together that cannot be cut for sure: warned at the line that holds it
    ("body", "一、工作情况字体：[大 中 小]\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,每月检查一次。", "字体"),
    ("body", "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算联系电话：0871-6543210\n我局将建立巡查制度,每月检查一次。", "联系电话"),
    ("opening", "您提出的《关于加强校园安全的提案》(第12号)收悉,现答复如下: 测试县教育局", "如下: 测试县教育局"),
    ("body", "一、工作情况关于县政协十届三次会议第12号提案的答复\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n"
             "我局将建立巡查制度,每月检查一次。", "工作情况关于"),
]


@pytest.mark.parametrize("part,text,piece", UNCUT, ids=[p for _, _, p in UNCUT])
def test_text_run_together_that_cannot_be_cut_is_warned_at_its_line(tmp_path, part, text, piece):
    letter = _letter({part: text, **({"salutation": ""} if part == "head" else {})})
    result, draft, got, zone = _import(tmp_path, letter)
    warned = [n.line for n in result.notes if n.code in ("import-misplaced", "import-unplaced") and n.severity == "warning"]
    assert _line(letter, piece) in warned, [(n.line, n.message) for n in result.notes]


# -- what dev6 and dev7 (211–222, 231–242) showed at their first look, generated ----------------------

@pytest.mark.parametrize("label", ["浏览量：", "浏览次数：", "点击数：", "阅读量："])
@pytest.mark.parametrize("number,read", [("测教函〔202407号", "测教函〔2024〕7号"), ("测教函〔2024〕7号", "测教函〔2024〕7号"),
                                         ("测教函2024〕7号", "测教函〔2024〕7号")])
def test_a_page_row_ending_in_an_empty_label_does_not_swallow_the_number_below(tmp_path, label, number, read):
    """来源：X　　时间：Y　　浏览量： over a damaged 发文字号 (221): the empty label at the end of a row of
    page labels takes no value from the next line; the number is read (a damaged one with a warning)."""
    head = f"来源：测试县教育局　　时间：2024-06-19　　{label}\n{number}\n测试县教育局\n" + TITLE
    letter = _letter({"head": head})
    result, draft, got, text = _import(tmp_path, letter)
    assert got["number"] == read, result.draft
    if number != read:
        assert _line(letter, number) in [n.line for n in result.notes if n.code == "import-number-damaged"]


QUOTED = ['关于"{t}"的第12号提案收悉', '您提出的"关于{t}的提案"(第12号)收悉', '您提出的关于"{t}"的提案收悉',
          '张三委员提出的"关于{t}的提案"(12号)收悉']


@pytest.mark.parametrize("shape", QUOTED)
@pytest.mark.parametrize("subject", ["加强校园安全", "老旧小区加装电梯", "规范城区农贸市场周边秩序"])
def test_a_proposal_named_in_straight_quotes_is_read_without_them(tmp_path, shape, subject):
    """关于"老旧小区加装电梯"的第08号建议 (234): a copy's straight quotes read as the letter's “…”."""
    opening = shape.format(t=subject) + ",现答复如下:"
    letter = _letter({"opening": opening})
    result, draft, got, text = _import(tmp_path, letter)
    assert got["proposal_title"] == f"关于{subject}的提案"
    assert '"' not in got["proposal_title"]


@pytest.mark.parametrize("extra", range(0, 21, 4))
def test_a_sentence_about_the_proposal_before_the_thanks_opens_the_closing(tmp_path, extra):
    """您这一提案对…具有很强的指导意义，我们将认真吸纳，扎实推进。再次感谢… (217): the sentence to the member
    about the proposal, up to about fifty characters, goes with the thanks into the closing."""
    about = "您这一提案对我县" + "全域旅游发展"[:extra % 7] + "教育工作具有很强的指导意义，我们将认真吸纳" + "，扎实推进" * (extra // 4) + "。"
    closing = about + "再次感谢您对教育工作的关心和支持！"
    letter = _letter({"closing": closing})
    result, draft, got, text = _import(tmp_path, letter)
    if len(about) <= 50:
        assert draft["closing"][0].startswith("您这一提案"), result.draft
        assert "您这一提案" not in text["measures"]
    else:  # a longer sentence is a measure's: the closing starts at the thanks
        assert draft["closing"][0].startswith("再次感谢")


# -- issue 12's leftovers: a page's 签发 record, joint replies ----------------------------------------

SIGNER_LINES = ["签发：刘建国", "签发人：刘建国", "签发人:刘建国", "领导签发：刘建国", "签发领导：刘建国"]


@pytest.mark.parametrize("after", ["date", "contact"])
@pytest.mark.parametrize("signer", SIGNER_LINES)
def test_a_signer_from_the_pages_record_is_kept_and_check_does_not_repeat_that_it_is_unprinted(tmp_path, signer, after):
    """签发人：X after the date of a letter-layout reply (heldout4 181, 183): the value is true and kept
    (signer, for the record), a note says so, and the draft switches off unprinted-field, so `check`
    does not warn on every run that the 信函格式 does not print it.  A 签发人 in the head (a general-layout
    letter, which prints it) gets no such line."""
    from letterkit.checkrun import check_paths
    from letterkit.project import open_project

    tail = [signer, "联系人：李四，联系电话：0871-6543210"]
    letter = _letter({"tail": "\n".join(tail if after == "date" else tail[::-1])})
    result, draft, got, text = _import(tmp_path, letter)
    assert draft["signer"] == "刘建国" and draft["layout"] == "letter" and draft["check"] == {"disable": ["unprinted-field"]}
    assert _line(letter, signer) in [n.line for n in result.notes if n.code == "import-signer-record"]
    path = tmp_path / "letter.yaml"
    path.write_text(result.draft, encoding="utf-8")
    codes = [p.code for p in check_paths([path], open_project(path))[path]]
    assert "unprinted-field" not in codes and "unknown-field" not in codes, codes
    head = _letter({"head": "测试县教育局\n测教函〔2024〕7号 " + signer + "\n" + TITLE})
    result, draft, got, text = _import(tmp_path, head)
    assert draft["layout"] == "general" and "check" not in draft and draft["signer"] == "刘建国"


JOINT = ["您提出的第12号和第15号提案收悉,现答复如下:", "你们提出的第12、15号提案收悉,现答复如下:",
         "您提出的《关于加强校园安全的提案》和《关于改善校园周边交通的提案》收悉,现答复如下:",
         "你们分别提出的《关于加强校园安全的提案》(第12号)、《关于改善校园周边交通的提案》(第15号)收悉,现答复如下:",
         "您提出的关于加强校园安全的第12号提案、关于改善校园周边交通的第15号提案均已收悉,现答复如下:",
         "您提出的“关于加强校园安全的提案”(第12号)和“关于改善校园周边交通的提案”(第15号)收悉,现合并答复如下:",
         "您提出的第12号、第15号、第21号提案收悉,现答复如下:",
         "您提出的《关于加强校园安全的提案》(12号)及《关于改善校园周边交通的提案》(15号)已收悉,现答复如下:"]


@pytest.mark.parametrize("title", [TITLE, "关于县政协十届三次会议第12号、第15号提案的答复"], ids=["one", "both"])
@pytest.mark.parametrize("opening", JOINT, ids=[f"j{i}" for i in range(len(JOINT))])
def test_a_joint_reply_keeps_the_first_proposal_and_warns_at_its_line_with_the_others(tmp_path, opening, title):
    """A letter answering two or three proposals: the draft holds the first (never a title spanning
    both), and a warning at the title's or the opening's line names each of the others."""
    letter = _letter({"opening": opening, "head": "测试县教育局\n测教函〔2024〕7号\n" + title})
    result, draft, got, text = _import(tmp_path, letter)
    assert got["id"] == "12" and got["proposal_title"] in ("关于加强校园安全的提案", "无"), got["proposal_title"]
    warning = next(n for n in result.notes if n.code == "import-joint-reply")
    assert warning.line in (_line(letter, title), _line(letter, opening)) and warning.severity == "warning"
    assert "15" in warning.message or "校园周边交通" in warning.message
    if "21" in opening:
        assert "21" in warning.message


@pytest.mark.parametrize("furniture", ["首页 > 政务公开 > 建议提案办理 > 政协提案", "当前位置：首页 > 政务公开", "【打印本页】 【关闭窗口】"])
@pytest.mark.parametrize("heading", ["一、工作情况", "二、下步打算"])
def test_page_furniture_run_on_after_a_heading_is_cut_off_and_the_heading_kept(tmp_path, heading, furniture):
    """（三）关于“完善医养结合机制”的建议首页 > 政务公开 > …: the whole line read as a page's navigation lost the
    heading silently; now the furniture is cut off (a note) and the heading stays in the measures."""
    letter = _letter({"body": BASE["body"].replace(heading, heading + furniture)})
    result, draft, got, text = _import(tmp_path, letter)
    assert heading[2:] in text["measures"] and "政务公开" not in text["measures"] and "打印本页" not in text["measures"]
    assert _line(letter, furniture) in [n.line for n in result.notes if n.code == "import-label-run-on"]


@pytest.mark.parametrize("organ", ["测试县教育局", "测试县人民政府办公室"])
@pytest.mark.parametrize("start", ["我县", "我局", "今年"])
def test_an_organ_name_run_into_the_start_of_a_sentence_is_warned(tmp_path, organ, start):
    body = f"一、工作情况\n{organ}{start}已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,每月检查一次。"
    letter = _letter({"body": body})
    result, draft, got, text = _import(tmp_path, letter)
    assert _line(letter, organ + start) in [n.line for n in result.notes if n.code == "import-misplaced"]


def test_a_salutation_holding_a_titles_second_line_is_warned(tmp_path):
    letter = _letter({"head": "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议", "salutation": "第12号提案的答复 张三委员:"})
    result, draft, got, text = _import(tmp_path, letter)
    assert _line(letter, "张三委员") in [n.line for n in result.notes if n.code == "import-misplaced"]


@pytest.mark.parametrize("name", ["王 立军", "王　立军", "欧阳 晓明"])
def test_a_category_beside_a_salutation_with_a_spaced_name_is_split(tmp_path, name):
    letter = _letter({"salutation": f"办理结果类别:C　　{name}代表:"})
    result, draft, got, text = _import(tmp_path, letter)
    assert got["category"] == "C" and got["addressee"] == name.replace(" ", "").replace("　", "") + "代表", result.draft
