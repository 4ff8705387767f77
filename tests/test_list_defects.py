"""`letterkit new --from`: the defects an independent tester found, each pinned by cases generated
over its variants — a draft's identity is (kind, id, role) and file names never stand in for it;
ids are compared after NFKC; roles written in a unit cell or a column; wide and unnamed columns;
broken drafts; error values, control characters and line breaks in cells; group proposers;
a bad LETTERKIT_TODAY; the order of a draft's dates."""

import datetime as dt
import itertools
import subprocess
import sys

import openpyxl
import pytest
import yaml

from letterkit import assignments

from test_assignments import letter, office, run

NAMES = {assignments.normal(n) for n in ("深圳市福田区民政局", "福田区民政局", "区民政局")}


def drafts(root):
    return sorted(p.name for p in (root / "drafts").rglob("*.yaml"))


def load(root, name):
    return yaml.safe_load((root / "drafts/2024" / name).read_text(encoding="utf-8"))


def csv_list(tmp_path, rows, header="编号,标题,提案人,主办单位,会办单位,交办日期", name="list.csv"):
    path = tmp_path / name
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def read(tmp_path, header, rows):
    """The list read in-process for 区民政局, as `new --from` reads it (fast: no subprocess)."""
    return assignments.read_list(csv_list(tmp_path, rows, header=header, name="inproc.csv"), NAMES)


def xlsx_list(tmp_path, rows, merges=(), name="list.xlsx"):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for span in merges:
        book.active.merge_cells(span)
    book.save(tmp_path / name)
    return tmp_path / name


# -- 1, 2: identity is (kind, id, role), never the file name ---------------------------

def test_a_fresh_init_project_drafts_list_item_1(tmp_path):
    """init's sample is 建议 1 in <dept>-1.yaml; the list's 提案 1 must still be drafted."""
    init = subprocess.run([sys.executable, "-m", "letterkit", "init", "office", "--department", "futian-mz",
                           "--organ", "深圳市福田区民政局", "--short-name", "区民政局", "--code", "福民函"],
                          cwd=tmp_path, capture_output=True, text=True, env={**__import__("os").environ,
                                                                              "LETTERKIT_TODAY": "2024-04-01"})
    assert init.returncode == 0, init.stderr
    root = tmp_path / "office"
    sample = drafts(root)
    source = csv_list(tmp_path, ["1,关于养老的提案,张三,区民政局,,2024-03-01", "TA2,关于助餐的提案,李四,区民政局,,2024-03-01"],
                      header="编号,标题,提案人,主办单位,会办单位,交办日期")
    done = run(root, "new", "--from", source, "--kind", "提案")
    assert done.returncode == 0, done.stderr
    assert "新建草稿 2 份" in done.stdout, done.stdout
    made = sorted(set(drafts(root)) - set(sample))
    assert made == ["futian-mz-TA1.yaml", "futian-mz-TA2.yaml"]
    assert load(root, "futian-mz-TA1.yaml")["proposal"]["id"] == "1"
    assert run(root, "build").returncode == 0
    # the list's 建议 1 is the sample's case: kept, but said plainly, since the titles differ
    suggestion = csv_list(tmp_path, ["1,关于路灯的建议,刘一,区民政局,,2024-03-01"], name="jy.csv")
    done = run(root, "new", "--from", suggestion, "--kind", "建议")
    assert "新建草稿 0 份，已有草稿 1 份" in done.stdout
    assert "futian-mz-1.yaml 已是建议 1（主办）的草稿" in done.stdout and "关于路灯的建议" in done.stdout


@pytest.mark.parametrize("roles", list(itertools.product(["主办", "会办"], repeat=2)))
def test_a_proposal_and_a_suggestion_with_the_same_number_get_a_draft_each(tmp_path, roles):
    root = office(tmp_path)
    rows = []
    for kind, role in zip(("提案", "建议"), roles):
        units = "区民政局," if role == "主办" else "区教育局,区民政局"
        rows.append(f"{kind},1,关于{kind}一的{kind},张三,{units},2024-03-01")
    done = run(root, "new", "--from", csv_list(tmp_path, rows, header="类型,编号,标题,提案人,主办单位,会办单位,交办日期"))
    assert done.returncode == 0, done.stderr
    assert "新建草稿 2 份" in done.stdout
    found = {(d["proposal"]["kind"], d["proposal"]["id"], "template" in d)
             for d in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (root / "drafts").rglob("*.yaml"))}
    assert found == {("提案", "1", roles[0] == "会办"), ("建议", "1", roles[1] == "会办")}
    assert "新建草稿 0 份，已有草稿 2 份" in run(root, "new", "--from", tmp_path / "list.csv").stdout


def test_a_file_name_held_by_another_case_is_not_taken_for_this_one(tmp_path):
    root = office(tmp_path)
    source = csv_list(tmp_path, ["TA5,关于养老的提案,张三,区民政局,,2024-03-01"])
    other = csv_list(tmp_path, ["TA6,关于托育的提案,王五,区民政局,,2024-03-01"], name="other.csv")
    assert run(root, "new", "--from", other).returncode == 0
    (root / "drafts/2024/futian-mz-TA6.yaml").rename(root / "drafts/2024/futian-mz-TA5.yaml")  # hand-renamed
    done = run(root, "new", "--from", source)
    assert done.returncode == 0 and "新建草稿 1 份" in done.stdout, done.stdout
    assert "futian-mz-TA5.yaml 已是另一件的草稿" in done.stdout and "futian-mz-TA5-2.yaml" in done.stdout
    assert load(root, "futian-mz-TA5-2.yaml")["proposal"]["id"] == "TA5"
    assert load(root, "futian-mz-TA5.yaml")["proposal"]["id"] == "TA6"


# -- 3: ids are compared after NFKC -------------------------------------------------

WIDE = str.maketrans("TAJY0123456789", "ＴＡＪＹ０１２３４５６７８９")


@pytest.mark.parametrize("spelling", [lambda i: i.translate(WIDE), lambda i: f" {i[:2]} {i[2:]} ",
                                      lambda i: "\u200b" + i, lambda i: i.translate(WIDE).replace("Ａ", "A")])
def test_full_width_and_spaced_numbers_are_the_same_number(tmp_path, spelling):
    root = office(tmp_path)
    rows = [f"{spelling(i)},关于第{n}件的提案,张三,区民政局,,2024-03-01" for n, i in enumerate(["TA901", "TA902", "TA903"])]
    done = run(root, "new", "--from", csv_list(tmp_path, rows))
    assert done.returncode == 0, done.stderr
    assert drafts(root) == ["futian-mz-TA901.yaml", "futian-mz-TA902.yaml", "futian-mz-TA903.yaml"]
    assert load(root, "futian-mz-TA901.yaml")["proposal"]["id"] == "TA901"
    again = run(root, "new", "--from", csv_list(tmp_path, ["TA803,关于甲的提案,张三,区民政局,,2024-03-01"]
                                                + [r.replace("TA", "ＴＡ") for r in rows]))
    assert "新建草稿 1 份，已有草稿 3 份" in again.stdout
    third = run(root, "new", "--from", csv_list(tmp_path, ["ＴＡ８０３,关于甲的提案,张三,区民政局,,2024-03-01"]))
    assert "新建草稿 0 份，已有草稿 1 份" in third.stdout


# -- 4: the role, in a unit cell or a column -----------------------------------------

LEAD_MARKS, CO_MARKS = ["主办", "主", "牵头"], ["会办", "会", "协办", "协"]


@pytest.mark.parametrize("lead_mark, co_mark, brackets, sep, mine_first", [
    (lead, co, b, sep, first) for lead, co in itertools.product(LEAD_MARKS, CO_MARKS)
    for b, sep, first in [("（）", "、", True), ("()", "；", False)]])
def test_role_marks_inside_one_unit_cell(tmp_path, lead_mark, co_mark, brackets, sep, mine_first):
    o, c = brackets
    mine, other = f"区民政局{o}{co_mark}{c}", f"区教育局{o}{lead_mark}{c}"
    cell = sep.join([mine, other] if mine_first else [other, mine])
    reading = read(tmp_path, "编号,标题,提案人,承办单位,交办日期", [f"TA1,关于校园的提案,张三,{cell},2024-03-01"])
    assert [(a.role, a.lead) for a in reading.mine] == [(assignments.COHANDLING, ["区教育局"])]
    swapped = read(tmp_path, "编号,标题,提案人,承办单位", [f"TA1,关于校园的提案,张三,{sep.join([mine.replace(co_mark, lead_mark), other.replace(lead_mark, co_mark)])}"])
    assert [a.role for a in swapped.mine] == [assignments.LEAD]


def test_role_marks_end_to_end(tmp_path):
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, ["TA1,关于校园的提案,张三,区教育局（主办）、区民政局（会办）,2024-03-01"],
                                               header="编号,标题,提案人,承办单位,交办日期"))
    assert done.returncode == 0, done.stderr
    assert drafts(root) == ["futian-mz-TA1-huiban.yaml"]
    assert load(root, "futian-mz-TA1-huiban.yaml")["recipient"] == "区教育局"


@pytest.mark.parametrize("header", ["办理类型", "办理方式", "承办类型"])
@pytest.mark.parametrize("value", ["会办", "协办"])
def test_one_row_per_unit_with_the_role_in_a_column(tmp_path, header, value):
    root = office(tmp_path)
    rows = ["TA1,关于校园的提案,张三,区教育局,主办,2024-03-01", f"TA1,关于校园的提案,张三,区民政局,{value},2024-03-01",
            "TA2,关于养老的提案,李四,区民政局,主办,2024-03-01", f"TA2,关于养老的提案,李四,区卫健局,{value},2024-03-01"]
    done = run(root, "new", "--from", csv_list(tmp_path, rows, header=f"编号,标题,提案人,承办单位,{header},交办日期"))
    assert done.returncode == 0, done.stderr
    assert drafts(root) == ["futian-mz-TA1-huiban.yaml", "futian-mz-TA2.yaml"]
    assert load(root, "futian-mz-TA1-huiban.yaml")["recipient"] == "区教育局"


@pytest.mark.parametrize("value", ["主办", "主办单位", "牵头"])
def test_a_role_column_saying_lead_with_a_cohandling_column_beside_it(tmp_path, value):
    root = office(tmp_path)
    rows = [f"TA1,关于校园的提案,张三,区教育局,区民政局,{value}", f"TA2,关于养老的提案,李四,区民政局,区卫健局,{value}"]
    done = run(root, "new", "--from", csv_list(tmp_path, rows, header="编号,标题,提案人,承办单位,会办单位,办理类型"))
    assert done.returncode == 0, done.stderr
    assert drafts(root) == ["futian-mz-TA1-huiban.yaml", "futian-mz-TA2.yaml"]
    assert load(root, "futian-mz-TA1-huiban.yaml")["recipient"] == "区教育局"


def test_a_role_column_value_it_cannot_read_is_reported(tmp_path):
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, ["TA1,关于校园的提案,张三,区民政局,待定"],
                                               header="编号,标题,提案人,承办单位,办理类型"))
    assert done.returncode == 1 and "list.csv:2:5: 错误 bad-role E2：办理类型“待定”看不出是主办还是会办" in done.stderr


# -- 5: a wide header takes every column it spans; an unnamed column is read or named -----

def test_a_header_merged_over_columns_takes_all_their_values(tmp_path):
    root = office(tmp_path)
    source = xlsx_list(tmp_path, [
        ["编号", "标题", "提案人", None, "主办单位", "会办单位", None, "交办日期"],
        ["TA1", "关于校园的提案", "张三", "李四", "区民政局", "区教育局", "区卫健局", dt.date(2024, 3, 1)],
        ["TA2", "关于交通的提案", "王五", None, "区交通局", "区教育局", "区民政局", dt.date(2024, 3, 1)],
    ], merges=["C1:D1", "F1:G1"])
    done = run(root, "new", "--from", source)
    assert done.returncode == 0, done.stderr
    assert load(root, "futian-mz-TA1.yaml")["addressee"] == {"name": "张三、李四"}
    assert "会办单位：区教育局、区卫健局" in (root / "drafts/2024/futian-mz-TA1.yaml").read_text(encoding="utf-8")
    assert load(root, "futian-mz-TA2-huiban.yaml")["recipient"] == "区交通局"


def test_a_csv_column_without_a_header(tmp_path):
    root = office(tmp_path)
    after_list = csv_list(tmp_path, ["TA1,关于校园的提案,张三,李四,区民政局,,2024-03-01"],
                          header="编号,标题,提案人,,主办单位,会办单位,交办日期")
    done = run(root, "new", "--from", after_list)
    assert done.returncode == 0, done.stderr
    assert load(root, "futian-mz-TA1.yaml")["addressee"] == {"name": "张三、李四"}
    elsewhere = csv_list(tmp_path, ["TA2,关于养老的提案,张三,区民政局,重要,2024-03-01"],
                         header="编号,标题,提案人,主办单位,,交办日期", name="b.csv")
    done = run(root, "new", "--from", elsewhere)
    assert "b.csv:1:5: 警告 unnamed-column E1：E 列没有表头，却有内容" in done.stderr, done.stderr


# -- 6: a draft YAML cannot read still answers its case ----------------------------------

@pytest.mark.parametrize("damage", ["measures:\n  - heading: [unclosed\n", "\t\tbad: : :\n", "title: \"open\n"])
def test_a_broken_draft_is_recognised_or_named(tmp_path, damage):
    root = office(tmp_path)
    source = csv_list(tmp_path, ["TA1,关于养老的提案,张三,区民政局,,2024-03-01", "TA2,关于助餐的提案,李四,区教育局,区民政局,2024-03-01"])
    assert run(root, "new", "--from", source).returncode == 0
    for name in ("futian-mz-TA1.yaml", "futian-mz-TA2-huiban.yaml"):
        path = root / "drafts/2024" / name
        path.rename(root / "drafts" / name)  # moved and broken mid-edit
        (root / "drafts" / name).write_text((root / "drafts" / name).read_text(encoding="utf-8") + damage, encoding="utf-8")
    again = run(root, "new", "--from", source)
    assert "新建草稿 0 份，已有草稿 2 份" in again.stdout, again.stdout + again.stderr
    assert drafts(root) == ["futian-mz-TA1.yaml", "futian-mz-TA2-huiban.yaml"]
    (root / "drafts/x.yaml").write_text("proposal: {kind: 提案, [\n", encoding="utf-8")  # not even an id line
    refused = run(root, "new", "--from", source)
    assert refused.returncode == 1 and "drafts/x.yaml" in refused.stderr and "broken-draft" in refused.stderr


# -- 7, 8, 13, 14: what a cell may hold ----------------------------------------------

@pytest.mark.parametrize("error", ["#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#NULL!"])
@pytest.mark.parametrize("column", [0, 1, 2, 3])
def test_spreadsheet_error_values_are_bad_cells(tmp_path, error, column):
    row = ["TA1", "关于养老的提案", "张三", "区民政局", dt.date(2024, 3, 1)]
    row[column] = error
    source = xlsx_list(tmp_path, [["编号", "标题", "提案人", "主办单位", "交办日期"], row,
                                  ["TA2", "关于助餐的提案", "李四", "区民政局", dt.date(2024, 3, 1)]])
    reading = assignments.read_list(source, NAMES)
    assert [a.id for a in reading.mine] == ["TA2"] and reading.bad == 1
    assert [(p.location.line, p.location.column, p.code) for p in reading.problems] == [(2, column + 1, "bad-cell")]
    assert error in reading.problems[0].message


def test_an_error_value_end_to_end(tmp_path):
    root = office(tmp_path)
    source = xlsx_list(tmp_path, [["编号", "标题", "提案人", "主办单位"], ["TA1", "#REF!", "张三", "区民政局"],
                                  ["TA2", "关于助餐的提案", "李四", "区民政局"]])
    done = run(root, "new", "--from", source)
    assert done.returncode == 1 and "list.xlsx[Sheet]:2:2: 错误 bad-cell B2：单元格是错误值 #REF!" in done.stderr, done.stderr
    assert done.stderr.count(": 错误 ") == 1 and drafts(root) == ["futian-mz-TA2.yaml"]


@pytest.mark.parametrize("kind", ["议案", "其他", "信访"])
def test_an_unknown_kind_is_reported(tmp_path, kind):
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, [f"{kind},TA1,关于养老的提案,张三,区民政局"],
                                               header="类型,编号,标题,提案人,主办单位"))
    assert done.returncode == 1 and f"list.csv:2:1: 错误 unknown-kind A2：类型“{kind}”不是提案或建议" in done.stderr
    assert drafts(root) == []


@pytest.mark.parametrize("title, expected", [
    ("关于完善\n社区服务的提案", "关于完善社区服务的提案"), ("关于完善 \r\n 社区服务的提案", "关于完善社区服务的提案"),
    ("关于推进\nAI 应用的提案", "关于推进AI 应用的提案"), ("关于 5G\nbase station 的提案", "关于 5G base station 的提案"),
])
def test_a_line_break_in_a_title_joins_chinese_without_a_space(tmp_path, title, expected):
    root = office(tmp_path)
    done = run(root, "new", "--from", xlsx_list(tmp_path, [["编号", "标题", "提案人", "主办单位"], ["TA1", title, "张三", "区民政局"]]))
    assert done.returncode == 0, done.stderr
    assert load(root, "futian-mz-TA1.yaml")["proposal"]["title"] == expected


@pytest.mark.parametrize("mark", ["\u200b", "\ufeff", "\u200d", "\u2060"])
def test_zero_width_marks_are_dropped(tmp_path, mark):
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, [f"TA1,关于{mark}养老的提案,张{mark}三,区民政局{mark}"],
                                               header="编号,标题,提案人,主办单位"))
    assert done.returncode == 0, done.stderr
    assert load(root, "futian-mz-TA1.yaml")["proposal"]["title"] == "关于养老的提案"
    assert run(root, "check").returncode == 0


@pytest.mark.parametrize("char", ["\x00", "\u202e", "\x07", "\x1b", "\u2066"])
def test_control_characters_are_reported_by_row_and_column(tmp_path, char):
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, [f"TA1,关于{char}养老的提案,张三,区民政局",
                                                          "TA2,关于助餐的提案,李四,区民政局"], header="编号,标题,提案人,主办单位"))
    assert done.returncode == 1 and "list.csv:2:2: 错误 control-char B2" in done.stderr, done.stderr
    assert f"U+{ord(char):04X}" in done.stderr and drafts(root) == ["futian-mz-TA2.yaml"]


# -- 9, 10: how a group or a collective is addressed ----------------------------------

@pytest.mark.parametrize("cell, kind, salutation", [
    ("张三等5人", "提案", "张三等5名委员："), ("张三 等 5 人", "提案", "张三等5名委员："), ("纪占斌等3名代表", "建议", "纪占斌等3名代表："),
    ("张三等五位委员", "提案", "张三等五名委员："),
])
def test_a_group_of_proposers_is_addressed_as_the_letters_do(tmp_path, cell, kind, salutation):
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, [f"{kind},X1,关于养老的{kind},{cell},区民政局"],
                                               header="类型,编号,标题,提案人,主办单位"))
    assert done.returncode == 0, done.stderr
    assert run(root, "build").returncode == 0
    built = next((root / "build").rglob("*.docx"))
    assert salutation in letter(built) and not any("尊敬的张三等" in p for p in letter(built))
    register = run(root, "register").stdout
    assert salutation.rstrip("：") in register


@pytest.mark.parametrize("cell", ["民进福田区委员会", "九三学社福田区基层委员会"])
def test_the_register_shows_a_collective_as_the_letter_does(tmp_path, cell):
    root = office(tmp_path)
    assert run(root, "new", "--from", csv_list(tmp_path, [f"TA1,关于养老的提案,{cell},区民政局"],
                                               header="编号,标题,提案人,主办单位")).returncode == 0
    register = run(root, "register").stdout
    assert cell in register and f"{cell}委员" not in register


@pytest.mark.parametrize("cell, names", [
    ("Li Ming", ["Li Ming"]), ("张 三 李四", ["张三", "李四"]), ("张三 李四", ["张三", "李四"]), ("陈  二", ["陈二"]),
    ("欧阳娜娜、Li Ming", ["欧阳娜娜", "Li Ming"]),
])
def test_names_are_not_split_inside_one_name(cell, names):
    from letterkit import assignments

    assert assignments._names(cell) == names


# -- 11: a bad LETTERKIT_TODAY ----------------------------------------------------------

@pytest.mark.parametrize("command", [["check"], ["build"], ["register"], ["status"], ["new", "--from", "list.csv"]])
@pytest.mark.parametrize("day", ["5月1日", "2024-13-01"])
def test_a_bad_today_is_one_usage_error(tmp_path, command, day):
    root = office(tmp_path)
    csv_list(root, ["TA1,关于养老的提案,张三,区民政局,,2024-03-01"])
    assert run(root, "new", "--from", "list.csv").returncode == 0
    done = run(root, *command, today=day)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("LETTERKIT_TODAY: 错误 bad-date"), lines
    assert not (root / "build").exists()


# -- 12: the order of a draft's dates ----------------------------------------------------

@pytest.mark.parametrize("extra, warning", [
    ("sent: 2024-09-01\n", "发出日期 2024-09-01 晚于今天"),
    ("sent: 2024-03-20\n", "发出日期 2024-03-20 早于成文日期 2024-04-01"),
    ("due: 2024-02-01\n", "办理期限 2024-02-01 早于交办日期 2024-03-01"),
    ("sent: 2024-02-20\n", "发出日期 2024-02-20 早于交办日期 2024-03-01"),
])
def test_check_warns_about_dates_out_of_order(tmp_path, extra, warning):
    root = office(tmp_path)
    assert run(root, "new", "--from", csv_list(tmp_path, ["TA1,关于养老的提案,张三,区民政局,,2024-03-01"])).returncode == 0
    path = root / "drafts/2024/futian-mz-TA1.yaml"
    clean = run(root, "check", today="2024-05-01")
    assert "date-order" not in clean.stdout
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    done = run(root, "check", today="2024-05-01")
    assert any("date-order" in line and warning in line for line in done.stdout.splitlines()), done.stdout


def test_check_warns_when_assigned_is_after_the_date_and_reports_the_larger_lateness(tmp_path):
    root = office(tmp_path)
    assert run(root, "new", "--from", csv_list(tmp_path, ["TA1,关于养老的提案,张三,区民政局,,2024-03-01"])).returncode == 0
    path = root / "drafts/2024/futian-mz-TA1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("assigned: 2024-03-01", "assigned: 2024-04-05"), encoding="utf-8")
    assert "交办日期 2024-04-05" in run(root, "check", today="2024-05-01").stdout
    path.write_text(text.replace("date: 2024-04-01", "date: 2024-06-10") + "sent: 2024-06-20\n", encoding="utf-8")
    late = [line for line in run(root, "check", today="2024-07-01").stdout.splitlines() if "after-deadline" in line]
    assert len(late) == 1 and "发出日期 2024-06-20 晚于办理期限 2024-06-01（晚 19 天）" in late[0], late


# -- 15: smaller ------------------------------------------------------------------------

def test_new_help_names_xls_and_a_number_listed_twice_is_named(tmp_path):
    assert ".xls" in run(tmp_path, "new", "--help").stdout.replace(".xlsx", "")
    root = office(tmp_path)
    done = run(root, "new", "--from", csv_list(tmp_path, ["TA1,关于养老的提案,张三,区民政局", "TA2,关于甲的提案,李四,区民政局",
                                                          "TA1,关于助餐的提案,张三,区民政局"], header="编号,标题,提案人,主办单位"))
    assert "duplicate-row" in done.stderr and "第 4 行和第 2 行都是提案 TA1" in done.stderr, done.stderr
    assert "关于养老的提案" in done.stderr and "关于助餐的提案" in done.stderr


def test_check_sees_a_full_width_number_as_the_same_proposal(tmp_path):
    root = office(tmp_path)
    assert run(root, "new", "--from", csv_list(tmp_path, ["TA803,关于养老的提案,张三,区民政局"], header="编号,标题,提案人,主办单位")).returncode == 0
    twin = root / "drafts/2024/twin.yaml"
    twin.write_text((root / "drafts/2024/futian-mz-TA803.yaml").read_text(encoding="utf-8")
                    .replace("id: TA803", "id: ＴＡ８０３").replace("seq: 1", "seq: 2"), encoding="utf-8")
    done = run(root, "check")
    assert done.returncode == 1 and done.stdout.count("duplicate-proposal") == 2, done.stdout


def test_an_error_value_in_an_xls_is_a_bad_cell(tmp_path):
    """xlrd reads an error cell as a code; it is reported as in an .xlsx, not read as empty."""
    from conftest import require_soffice
    from test_assignments import cell, calc_list

    require_soffice()
    root = office(tmp_path)
    rows = [cell("编号") + cell("标题") + cell("提案人") + cell("主办单位"),
            cell("TA1") + '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0"/>'
            + cell("张三") + cell("区民政局"),
            cell("TA2") + cell("关于助餐的提案") + cell("李四") + cell("区民政局")]
    source = calc_list(tmp_path, rows, "xls")
    done = run(root, "new", "--from", source)
    assert done.returncode == 1 and "2:2: 错误 bad-cell B2：单元格是错误值 #" in done.stderr, done.stderr
    assert done.stderr.count(": 错误 ") == 1 and drafts(root) == ["futian-mz-TA2.yaml"]
