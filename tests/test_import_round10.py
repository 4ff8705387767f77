"""Import, round 10: what dev14's held-out letters (751–826) showed the import misreading.  A category and a disclosure
mark on one line with the gap squeezed out (（A类）主动公开, 819) left unplaced; a session named …会议期间提出 (777) not
read; a date line that lost its day (2021年8月日, 815) kept as a closing paragraph; a page's publication date without
its label beside 来源： (753) left unplaced; numbered items run on after a heading in one paragraph (二、…。1.…2.…,
（一）…。1.…；2.…: 763, 793) kept as one paragraph starting with a hand-typed 1.  Each made a family of generated
cases, with the close shapes that must not change."""

import itertools

import pytest

from imported import import_text, line_of, sample
from test_import_round7 import _letter

HEAD = ["测试区住房和城乡建设局", "测住建函〔2024〕12号"]
TITLE = "关于区十届人大三次会议第45号建议的答复"


def _unplaced(result):
    return [n for n in result.notes if n.code == "import-unplaced"]


def _letter_text(draft) -> str:
    """Every piece of the letter's running text the draft prints (title, opening, measures, closing)."""
    parts = [str(draft.get("title", "")), str(draft.get("opening", ""))]

    def walk(items):
        for item in items or ():
            if isinstance(item, dict):
                parts.extend([str(item.get("heading") or ""), str(item.get("text") or "")])
                walk(item.get("items"))
            else:
                parts.append(str(item))
    walk(draft.get("measures"))
    parts += [str(p) for p in draft.get("closing") or ()]
    return "\n".join(parts)


# -- 1. a category mark and a disclosure on one line, the gap between squeezed out ------------------------------

MARKS = [f"{o}{c}类{e}" for o, e in (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")) for c in "ABCD"] + \
        [f"（{c}）" for c in "ABCD"]
DISCLOSED = {"主动公开": "主动公开", "依申请公开": "依申请公开", "不予公开": "不予公开", "此件公开发布": "主动公开"}


@pytest.mark.parametrize("mark,written,gap,where", sample(list(itertools.product(
    MARKS, DISCLOSED, ("　　", "  ", " ", ""), ("before-title", "after-number"))), 8))
def test_a_category_mark_and_a_disclosure_on_one_line_are_both_read(tmp_path, mark, written, gap, where):
    """（A类）　　主动公开 on a line of its own (819): the import squeezed the gap out and read neither; the line was
    left unplaced with both the category and the disclosure lost."""
    line = f"{mark}{gap}{written}"
    head = HEAD + [line, TITLE] if where == "before-title" else HEAD[:1] + [line] + HEAD[1:] + [TITLE]
    result, draft = import_text(tmp_path, _letter(head=head))
    assert draft.get("category") == mark.strip("（）()【】[]类"), result.draft
    assert draft.get("disclosure") == DISCLOSED[written], result.draft
    assert draft.get("title") == TITLE
    assert not _unplaced(result), [n.message for n in _unplaced(result)]
    assert written not in _letter_text(draft)


@pytest.mark.parametrize("line,category", [("（A类）", "A"), ("类别：B", "B"), ("测住建函〔2024〕12号（C类）", "C")])
def test_a_category_mark_without_a_disclosure_stays_as_it_was(tmp_path, line, category):
    """The close shapes: a mark alone, a labelled mark, a mark after the number: the category, no disclosure."""
    head = HEAD + [line, TITLE] if "函" not in line else HEAD[:1] + [line, TITLE]
    result, draft = import_text(tmp_path, _letter(head=head))
    assert draft.get("category") == category, result.draft
    assert "disclosure" not in draft
    assert not _unplaced(result)


# -- 2. the session in an opening: 在…会议期间提出 --------------------------------------------------------------

SESSIONS = ["区政协十一届三次会议", "县十八届人大二次会议", "政协某市第十三届委员会第二次会议", "区第十一届人民代表大会第一次会议"]


@pytest.mark.parametrize("session,joint", itertools.product(SESSIONS, ("上", "期间", "中", "召开期间", "")))
def test_the_session_is_read_from_the_opening_whatever_joins_it_to_ti_chu(tmp_path, session, joint):
    """您在区政协十一届三次会议期间提出的《…》(777): the session was read after 上 only."""
    kind = "提案" if "政协" in session else "建议"
    opening = f"您在{session}{joint}提出的《关于推进老旧小区加装电梯的{kind}》（第17号）收悉。现将办理情况答复如下："
    text = _letter(head=HEAD + [f"关于《关于推进老旧小区加装电梯的{kind}》的答复"],
                   salutation=f"张明{'委员' if kind == '提案' else '代表'}：", opening=opening)
    result, draft = import_text(tmp_path, text)
    assert draft["proposal"].get("session") == session, result.draft


@pytest.mark.parametrize("opening", ["您在会议期间提出的《关于推进老旧小区加装电梯的建议》收悉。现答复如下：",
                                     "您提出的《关于推进老旧小区加装电梯的建议》收悉。现答复如下："])
def test_no_session_is_made_up_when_the_opening_names_none(tmp_path, opening):
    result, draft = import_text(tmp_path, _letter(head=HEAD + ["关于《关于推进老旧小区加装电梯的建议》的答复"], opening=opening))
    assert "session" not in draft["proposal"], result.draft


# -- 3. a date line that lost its day or its month ------------------------------------------------------------

LOST = [("2021年8月日", "日（几号）"), ("2021年8月", "日（几号）"), ("2021年月18日", "月份"), ("2021年 月 日", "月份和日"),
        ("二〇二一年八月日", "日（几号）"), ("二〇二一年月十八日", "月份"), ("2024年12月日", "日（几号）")]


@pytest.mark.parametrize("written,lost,contact", sample([(*l, c) for l, c in itertools.product(LOST, (True, False))], 2))
def test_a_date_that_lost_a_part_is_the_date_line_read_as_none_with_a_warning_naming_the_part(tmp_path, written, lost, contact):
    """2021年8月日 (815): not read as a date, kept as a closing paragraph under an import-unplaced warning.  Now the
    date line: an import-date warning naming what is missing, date 无 (never a guessed day), not in the closing."""
    tail = ["测试区住房和城乡建设局", written] + (["联系人：李华，联系电话：0871-6543210"] if contact else [])
    text = _letter(tail=tail)
    result, draft = import_text(tmp_path, text)
    assert str(draft.get("date")) == "无", result.draft
    dated = [n for n in result.notes if n.code == "import-date"]
    assert [(n.line, n.severity) for n in dated] == [(line_of(text, written), "warning")], [n.message for n in result.notes]
    assert f"缺了{lost}" in dated[0].message and written.replace(" ", "") in dated[0].message
    assert not _unplaced(result), [n.message for n in _unplaced(result)]
    assert written not in _letter_text(draft)
    assert draft.get("signature") == "测试区住房和城乡建设局"


@pytest.mark.parametrize("written,read", [("2021年8月18日", "2021-08-18"), ("二〇二一年八月十八日", "2021-08-18"),
                                          ("2021年8月18号", "2021-08-18")])
def test_a_whole_date_is_read_as_before(tmp_path, written, read):
    result, draft = import_text(tmp_path, _letter(tail=["测试区住房和城乡建设局", written]))
    assert str(draft.get("date")) == read


@pytest.mark.parametrize("sentence", ["2021年8月，我局完成了全区老旧小区加装电梯的摸底调查。",
                                      "截至2021年8月底，全区共完成加装电梯12部。"])
def test_a_month_inside_the_body_is_no_date_line(tmp_path, sentence):
    """A body paragraph naming a month stays body text."""
    body = ["一、基本情况。2023年，我区共实施老旧小区改造项目19个。", sentence, "二、下一步工作。我局将简化加装电梯审批流程。"]
    result, draft = import_text(tmp_path, _letter(body=body))
    assert sentence in _letter_text(draft)
    assert str(draft.get("date")) == "2024-06-12"


# -- 4. a page's publication date without its label, beside 来源： --------------------------------------------

STAMPS = ["2024-05-22", "2024-05-22 09:41", "2024-05-22 09:41:22", "2024/05/22", "2024年05月22日"]
SOURCES = ["来源：万州区城市管理局", "来源:区人民政府", "信息来源：测试区住房和城乡建设局", "浏览次数：35"]


@pytest.mark.parametrize("stamp,source,gap,above", sample(list(itertools.product(STAMPS, SOURCES, ("　　", "  "), (True, False)))))
def test_a_pages_date_beside_its_source_is_page_furniture(tmp_path, stamp, source, gap, above):
    """2024-05-22　　来源：万州区城市管理局 (753): the 来源 read as the page's, the date left an import-unplaced warning."""
    row = f"{stamp}{gap}{source}"
    head = ([TITLE, row] if above else [row]) + HEAD + [TITLE]
    result, draft = import_text(tmp_path, _letter(head=head))
    assert not _unplaced(result), [n.message for n in _unplaced(result)]
    assert draft.get("title") == TITLE and str(draft.get("date")) == "2024-06-12", result.draft
    assert stamp not in _letter_text(draft)


@pytest.mark.parametrize("stamp", ["2024-05-22 09:41", "2024-05-22 09:41:22"])
def test_a_pages_date_and_time_alone_is_page_furniture(tmp_path, stamp):
    result, draft = import_text(tmp_path, _letter(head=[TITLE, stamp] + HEAD + [TITLE]))
    assert not _unplaced(result), [n.message for n in _unplaced(result)]


def test_a_date_alone_above_the_letter_is_still_warned(tmp_path):
    """The close case: a bare date on a line of its own, no page label beside it and no clock time, may be the
    letter's own: it stays warned, as before."""
    result, draft = import_text(tmp_path, _letter(head=["2024-05-22"] + HEAD + [TITLE]))
    assert _unplaced(result)


# -- 5. numbered items run on after a heading in one paragraph --------------------------------------------------

ITEMS = ["做好种苗保障。依托区林木种苗站培育优良种苗80万株，免费向种植户发放。",
         "加强技术指导。组织技术人员深入基地开展现场培训14场次，培训种植户620人次。",
         "落实扶持资金。2022年兑现管护补助资金156万元，惠及农户1300余户。"]
CLAUSES = ["实行弹性上下班制度，参与课后服务的教师可推迟到校", "将课后服务工作量纳入绩效工资分配，教师人均每月约620元",
           "在职称评聘中，同等条件下优先考虑课后服务表现突出的教师"]
NUMBERS = {"dot": "{}.", "wide": "{}．", "dun": "{}、"}
HEADINGS = {"一、": "二、我局主要工作。", "（一）": "（一）挖掘校内师资潜力。", "一、colon": "二、主要工作措施："}


def _heading_items(draft, start):
    node = next(m for m in _walk(draft.get("measures")) if isinstance(m, dict) and str(m.get("heading", "")).startswith(start))
    return node


def _walk(items):
    for item in items or ():
        yield item
        if isinstance(item, dict):
            yield from _walk(item.get("items"))


@pytest.mark.parametrize("heading,number,count,ends", sample(list(itertools.product(
    HEADINGS, NUMBERS, (2, 3), ("sentences", "clauses")))))
def test_items_run_on_after_a_heading_become_its_items(tmp_path, heading, number, count, ends):
    """二、我局主要工作。1.做好种苗保障。……2.…… (763) and （一）……。1.实行……；2.将……；3.在……。 (793): kept as one
    paragraph whose text starts with a hand-typed 1. (check then says so).  Now each number opens an item of the heading."""
    if ends == "sentences":
        items = ITEMS[:count]
    else:
        items = [c + ("；" if k < count - 1 else "。") for k, c in enumerate(CLAUSES[:count])]
    run = HEADINGS[heading] + "".join(NUMBERS[number].format(k + 1) + item for k, item in enumerate(items))
    body = ["一、基本情况。2023年，我区共实施老旧小区改造项目19个。", run] if heading != "（一）" else \
        ["一、基本情况。2023年，我区共实施老旧小区改造项目19个。", "二、主要措施", run]
    result, draft = import_text(tmp_path, _letter(body=body))
    node = _heading_items(draft, HEADINGS[heading][len(heading.split("colon")[0]):][:4])
    assert not node.get("text"), result.draft
    children = [c for c in node.get("items") or () if isinstance(c, dict)]
    assert len(children) == count, result.draft
    for child, item in zip(children, items):
        printed = str(child.get("heading", "")) + str(child.get("text") or "")
        assert printed == item, (printed, item)
        assert not printed[:1].isdigit()


CLOSE = [
    # a single 1.: a number in a sentence, no run
    "二、我局主要工作。1.做好种苗保障，依托区林木种苗站培育优良种苗80万株。",
    # 1.5万: a decimal, never an item
    "二、我局主要工作。今年种植面积达到1.2万亩。2.5万农户受益，人均增收3.6千元。",
    # numbers out of order: 1. then 3.
    "二、我局主要工作。1.做好种苗保障。依托种苗站培育种苗。3.落实扶持资金。兑现补助资金。",
    # numbers written two ways: 1. then 2、
    "二、我局主要工作。1.做好种苗保障。依托种苗站培育种苗。2、落实扶持资金。兑现补助资金。",
    # an enumeration inside the paragraph's sentence, after the heading's text has begun
    "二、我局主要工作。区财政安排专项资金860万元，主要用于：1.购买居家养老服务；2.实施适老化改造。",
    # （1）……；（2）……: an enumeration a sentence may hold (check's hand-typed-number reads it so too)
    "二、我局主要工作。（1）做好种苗保障，培育种苗80万株；（2）加强技术指导，培训种植户620人次。",
    "二、我局主要工作。全区建成1号、2号、3号三座苗圃，免费向种植户发放种苗。",
]


@pytest.mark.parametrize("run", CLOSE)
def test_a_paragraph_without_an_ordered_run_of_numbers_stays_whole(tmp_path, run):
    body = ["一、基本情况。2023年，我区共实施老旧小区改造项目19个。", run]
    result, draft = import_text(tmp_path, _letter(body=body))
    node = _heading_items(draft, "我局主要工作")
    assert not [c for c in node.get("items") or () if isinstance(c, dict)], result.draft
    assert run[len("二、我局主要工作。"):] in _letter_text(draft).replace("\n", "")


def test_items_on_lines_of_their_own_are_read_as_before(tmp_path):
    body = ["一、基本情况。2023年，我区共实施老旧小区改造项目19个。", "二、我局主要工作。"] + \
        [f"{k + 1}.{item}" for k, item in enumerate(ITEMS)]
    result, draft = import_text(tmp_path, _letter(body=body))
    node = _heading_items(draft, "我局主要工作")
    assert len([c for c in node.get("items") or () if isinstance(c, dict)]) == 3, result.draft
