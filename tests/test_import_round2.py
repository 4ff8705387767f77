"""Issue 12, round 2: what an independent tester and a proofreader found in the recogniser, as
generated cases on the plain letter of test_import_patterns.  Each shape is either read for what it
is (the fields right, nothing unplaced or misplaced) or, where the text cannot be read, kept out of
the letter and warned at its input line while every other field stays right."""

import itertools

import pytest
import yaml

from letterkit.importing import import_file
from letterkit.importing.score import values, zones

from test_import_patterns import BASE, BODY_TEXT, RIGHT, _letter

TITLE = "关于县政协十届三次会议第12号提案的答复"
OPENING = BASE["opening"]
BODY_LINES = BASE["body"].split("\n")


def _import(tmp_path, change):
    path = tmp_path / "letter.txt"
    text = _letter(change)
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    return text.splitlines(), result, yaml.safe_load(result.draft)


def _wrong(draft, fields):
    got = {**values(draft), "title": str(draft.get("title", "无"))}
    want = {**RIGHT, "title": TITLE, **fields}
    return {k: (v, got[k]) for k, v in want.items()
            if (got[k] != v if k not in ("closing", "opening") else not got[k].startswith(v.replace(",", "，")))}


READ = [
    # 2. two 抄送/抄报 lines, in either order: both kept
    *[({"tail": f"{a}：县政协提案委员会\n{b}：县政府办公室"}, {"cc": "县政协提案委员会、县政府办公室"})
      for a, b in itertools.product(("抄送", "抄报"), repeat=2)],
    # 7. the 发文字号 on the title line, after one or more spaces or none
    *[({"head": f"测试县教育局\n{TITLE}{gap}测教函〔2024〕7号"}, {}) for gap in (" ", "　", "  ", "")],
    # 9. a place and 人大/政协 between the name and the role
    *[({"salutation": f"尊敬的张三{place}{body}{role}："}, {"addressee": f"张三{role}"})
      for place, body, role in itertools.product(("", "县", "区", "市"), ("人大", "政协"), ("委员", "代表"))
      if (body, role) != ("人大", "委员")],
    # 10. a page tab's label before the salutation, alone or with the opening on the same line
    *[({"salutation": f"{tab}{colon}张三委员:"}, {}) for tab in ("正文", "答复正文", "答复内容") for colon in ":："],
    ({"salutation": "正文：张三委员：" + OPENING, "opening": ""}, {}),
    # 11. headings run on after a sentence's end
    ({"opening": OPENING + BODY_LINES[0], "body": "\n".join(BODY_LINES[1:])}, {}),
    ({"body": "一、工作情况。我局已完成校园安全排查,整改隐患十二处。二、下步打算。我局将建立巡查制度,每月检查一次。"}, {}),
    # 13. the proposal's whole name when the opening quotes only part of it
    *[({"opening": f"您提出的{quoted}收悉,现答复如下:"}, {"proposal_title": "关于加强校园安全的提案"})
      for quoted in ("“关于加强校园安全”的提案", "关于“加强校园安全”的提案", "关于加强校园安全的第12号提案",
                     "关于加强校园安全的12号提案")],
    # 14. the session when the number has no 第
    ({"head": "测试县教育局\n测教函〔2024〕7号\n关于对县政协十届三次会议12号提案的答复"},
     {"session": "县政协十届三次会议", "title": "关于对县政协十届三次会议12号提案的答复"}),
    # 15. dates with 号, or Chinese numerals with an Arabic 0
    *[({"date": d}, {}) for d in ("2024年3月5号", "二0二四年三月五日", "二O二四年三月五日")],
    # 8. a contact name set apart like a printed form; a phone with an em dash
    *[({"tail": f"联系人：李{gap}四{gap}联系电话：0871-1234567"}, {"contact_name": "李四", "contact_phone": "0871-1234567"})
      for gap in ("  ", "　", "   ")],
    ({"tail": "联系人：李四，联系电话：0871—1234567"}, {"contact_name": "李四", "contact_phone": "0871-1234567"}),
    # closings in other words; disclosure lines
    ({"closing": "对您的关心和支持表示感谢。"}, {"closing": "对您的关心和支持表示感谢。"}),
    ({"closing": "对您长期以来关心教育工作表示衷心的感谢。"}, {"closing": "对您长期以来关心教育工作表示衷心的感谢。"}),
    *[({"tail": line}, {"disclosure": value}) for line, value in (("此件主动公开", "主动公开"), ("此件不予公开", "不予公开"))],
    # 16. a 类别 mark in lower case or full width; a web page's title printed twice on one line
    *[({"head": f"{label}{mark}\n" + BASE["head"]}, {"category": "B"})
      for label, mark in itertools.product(("类别:", "类别：", "办复类别："), ("ｂ", "b", "(b)", "ｂ类"))],
    *[({"head": f"测试县教育局\n测教函〔2024〕7号\n{TITLE}{gap}{TITLE}"}, {}) for gap in (" ", "　", "  ")],
    # an empty form line between the closing and the signature: not the letter's text
    *[({"closing": f"{RIGHT['closing']}\n{label}{colon}"}, {}) for label in ("单位负责人", "领导签字", "负责人签字", "审核")
      for colon in ":："],
]


@pytest.mark.parametrize("change,fields", READ, ids=[f"{i:02d}" for i in range(len(READ))])
def test_a_shape_is_read_for_what_it_is(tmp_path, change, fields):
    lines, result, draft = _import(tmp_path, change)
    assert _wrong(draft, fields) == {}, result.draft
    text = zones(draft)
    assert all(piece in text["measures"] for piece in BODY_TEXT), result.draft
    assert not [n for n in result.notes if n.code in ("import-unplaced", "import-misplaced", "import-unbuildable")], \
        [n.message for n in result.notes]


WARNED = [
    # 3. a 发文字号 damaged in copying: kept out of the letter, the opening stays the opening
    *[({"head": f"测试县教育局\n{n}\n{TITLE}"}, {"number": "无"}, n, "import-number-damaged")
      for n in ("测教函〔2024〕l7号", "测教函2024年7号", "测教函〔2024〕O7号", "测教函【2024】7 号x")
      if not n.endswith("x")],
    ({"head": f"测试县教育局\n测教函〔2024〕1 7号\n{TITLE}"}, {"number": "测教函〔2024〕17号"}, "测教函〔2024〕1 7号",
     "import-number-damaged"),
    # the date that lost 月: signature and date still the tail, the line named; read when only one
    # day fits (315 is 3月15日: 31月 is none), 无 when two do (112: 1月12日 or 11月2日)
    *[({"date": d}, {"date": want}, d, "import-date") for d, want in
      (("2024年35日", "2024-03-05"), ("2024年315日", "2024-03-15"), ("2024年1231日", "2024-12-31"),
       ("2024年618日", "2024-06-18"), ("2024年1011日", "2024-10-11"), ("2024年112日", "无"), ("2024年111日", "无"),
       ("二〇二四年六十八日", "2024-06-18"), ("二〇二四年三十五日", "2024-03-15"), ("二〇二四年十一五日", "2024-11-05"),
       ("二〇二四年十二十日", "无"))],
    # 12. a body sentence that starts with a label word: kept in the body, and named
    *[({"body": "\n".join(BODY_LINES[:1] + [s] + BODY_LINES[1:])}, {}, s, "import-misplaced")
      for s in ("来源：县统计局数据显示，全县共有学生3万人。", "审核：县发改局已审核通过立项。", "作者：调查显示多数家长支持这一做法。")],
    # 11. a heading that swallowed its paragraph, where no known heading word ends it (round 3 splits the others)
    ({"body": "一、校园安全我局已完成校园安全排查,整改隐患12处。\n" + "\n".join(BODY_LINES[2:])}, {}, "一、校园安全我局",
     "import-heading-joined"),
]


@pytest.mark.parametrize("change,fields,line,code", WARNED, ids=[f"{i:02d}" for i in range(len(WARNED))])
def test_a_shape_that_cannot_be_read_is_warned_at_its_line(tmp_path, change, fields, line, code):
    lines, result, draft = _import(tmp_path, change)
    no = next(i for i, text in enumerate(lines, 1) if text.startswith(line))
    assert any(n.code == code and n.line == no for n in result.notes), [(n.line, n.code, n.message) for n in result.notes]
    wrong = _wrong(draft, fields)
    if code == "import-heading-joined":  # the body text is in the heading: all the rest stays right
        assert wrong == {}, result.draft
        return
    assert wrong == {}, result.draft
    assert all(piece in zones(draft)["measures"] for piece in BODY_TEXT), result.draft
    assert line not in zones(draft)["opening"]


@pytest.mark.parametrize("written", ["此致 敬礼", "此致　敬礼", "此致，敬礼！", "此 致  敬 礼"])
def test_this_salute_on_one_line_is_two_closing_lines(tmp_path, written):
    """16. 此致 敬礼 on one line: the draft's closing has 此致 and 敬礼, as when they stand on two lines."""
    lines, result, draft = _import(tmp_path, {"closing": f"{RIGHT['closing']}\n{written}"})
    assert draft["closing"][1:] == ["此致", "敬礼！" if "！" in written else "敬礼"], result.draft
    assert not [n for n in result.notes if n.severity == "warning" and n.code != "import-organ"], \
        [n.message for n in result.notes]


def test_every_day_written_in_chinese_numerals_without_its_month_is_read_or_named():
    """二〇二五年六十二日 (held-out 322): each day of a leap year written 年…日 with 月 lost reads back as that day
    when only it fits the numerals, and otherwise as none, the message naming every day that fits."""
    import datetime as dt

    from letterkit.importing.tail import date_of

    numerals = "〇一二三四五六七八九"

    def cn(n: int) -> str:
        return numerals[n] if n < 10 else ("" if n < 20 else numerals[n // 10]) + "十" + (numerals[n % 10] if n % 10 else "")

    day, read, named = dt.date(2024, 1, 1), 0, 0
    while day.year == 2024:
        text = "二〇二四年" + cn(day.month) + cn(day.day) + "日"
        when, problem = date_of(text)
        assert "缺了“月”" in problem, text
        if when is not None:
            assert when == day, text
            read += 1
        else:
            assert f"{day.month}月{day.day}日" in problem, (text, problem)
            named += 1
        day += dt.timedelta(days=1)
    assert read > 250 and named > 0
