"""Deadlines: `register --due/--overdue` on a pinned day puts late, nearly due and answered letters
in the right state and order; the XLSX opens in Calc with dates as dates and late rows filled;
`status` counts them; `check` warns about a letter dated past its deadline."""

import csv
import datetime as dt
import io
import json
import subprocess

import openpyxl
from hypothesis import given, strategies as st

from letterkit import deadlines
from letterkit.pdf import find_soffice, renderer_env

from conftest import require_soffice
from test_assignments import office, run

LIST = """\
编号,标题,提案人,主办单位,会办单位,交办日期
TA1,关于养老的提案,张三,区民政局,,2024-01-02
TA2,关于助餐的提案,李四,区民政局,,2024-02-10
TA3,关于托育的提案,王五,区民政局,,2024-01-05
TA4,关于助浴的提案,赵六,区民政局,,2024-04-01
TA5,关于交通的提案,钱七,区交通局,区民政局,2024-03-25
"""
DAY = "2024-05-01"


def year_project(tmp_path):
    root = office(tmp_path)
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    assert run(root, "new", "--from", tmp_path / "list.csv").returncode == 0
    answered = root / "drafts/2024/futian-mz-TA3.yaml"
    answered.write_text(answered.read_text(encoding="utf-8") + "sent: 2024-03-30\n", encoding="utf-8")
    assert run(root, "new", "--department", "futian-mz", "--kind", "提案", "--id", "TA6", "--title", "关于公园的提案",
               "--name", "孙八", "--session", "区政协会议").returncode == 0  # no assigned date: no deadline
    return root


def table(stdout):
    lines = stdout.splitlines()
    return [line.split() for line in lines[2:] if line.strip()]


def test_register_due_puts_late_first_then_nearly_due_and_answered_last(tmp_path):
    root = year_project(tmp_path)
    done = run(root, "register", "--due", "--today", DAY)
    assert done.returncode == 0, done.stderr
    rows = {r[1]: r for r in table(done.stdout)}
    assert [r[1] for r in table(done.stdout)] == ["TA1", "TA5", "TA2", "TA4", "TA6", "TA3"]
    assert rows["TA1"][-3:] == ["2024-04-02", "-29", "已逾期"]  # due, days left, state (no output file yet)
    assert rows["TA5"][-3:] == ["2024-04-25", "-6", "已逾期"]         # 会办: one month
    assert rows["TA2"][-3:] == ["2024-05-10", "9", "即将到期"]
    assert rows["TA4"][-3:] == ["2024-07-01", "61", "未生成"]
    assert rows["TA3"][-1] == "已办复"
    overdue = run(root, "register", "--overdue", "--today", DAY)
    assert [r[1] for r in table(overdue.stdout)] == ["TA1", "TA5"]
    # the same day from the environment; a day later TA2 is nearer still
    assert run(root, "register", "--due", today=DAY).stdout == done.stdout
    later = {r[1]: r for r in table(run(root, "register", "--today", "2024-05-11").stdout)}
    assert later["TA2"][-2:] == ["-1", "已逾期"]


def test_status_counts_per_department_and_kind(tmp_path):
    root = year_project(tmp_path)
    assert run(root, "build", "drafts/2024/futian-mz-TA3.yaml").returncode == 0
    done = run(root, "status", "--today", DAY, "--format", "json")
    assert json.loads(done.stdout) == {"today": DAY, "groups": [
        {"department": "futian-mz", "kind": "提案", "total": 6, "built": 1, "answered": 1, "late": 2, "soon": 1}]}
    text = run(root, "status", "--today", DAY).stdout.splitlines()
    assert text[0] == f"{DAY} 办理进度" and text[1].split() == ["部门", "类型", "应办", "已生成", "已办复", "已逾期", "即将到期"]
    assert text[3].split() == ["futian-mz", "提案", "6", "1", "1", "2", "1"]
    assert run(root, "register", today="5月1日").stderr.startswith("LETTERKIT_TODAY: 错误 bad-date")


def test_the_xlsx_marks_late_rows_and_opens_in_calc_with_dates(tmp_path):
    root = year_project(tmp_path)
    done = run(root, "register", "--due", "--today", DAY, "-o", "r.xlsx", "-o", "r.csv")
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(root / "r.xlsx").active
    heads = [c.value for c in sheet[1]]
    assert heads[7:12] == ["成文日期", "交办日期", "办理期限", "剩余天数", "状态"]
    fills = {}
    for row in sheet.iter_rows(min_row=2):
        by = dict(zip(heads, row))
        assert isinstance(by["办理期限"].value, (dt.date, dt.datetime)) or by["办理期限"].value is None
        assert by["办理期限"].number_format == "yyyy-mm-dd"
        colours = {c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None for c in row}
        assert len(colours) == 1  # the whole row
        fills[by["编号"].value] = colours.pop()
    assert fills == {"TA1": "00FFC7CE", "TA5": "00FFC7CE", "TA2": "00FFEB9C", "TA4": None, "TA6": None, "TA3": None}
    assert sheet["K2"].value == -29

    require_soffice()
    out = tmp_path / "calc"
    converted = subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                                "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false',
                                "--outdir", str(out), str(root / "r.xlsx")], capture_output=True, text=True,
                               env=renderer_env(), timeout=180)
    assert converted.returncode == 0, converted.stderr
    calc = list(csv.reader(io.StringIO((out / "r.csv").read_text(encoding="utf-8-sig"))))
    ours = list(csv.reader(io.StringIO((root / "r.csv").read_text(encoding="utf-8-sig"))))
    assert calc == ours and calc[1][9] == "2024-04-02"


def test_check_warns_about_letters_dated_past_their_deadline(tmp_path):
    root = year_project(tmp_path)
    late = root / "drafts/2024/futian-mz-TA1.yaml"
    late.write_text(late.read_text(encoding="utf-8").replace("date: 2024-04-01", "date: 2024-04-20"), encoding="utf-8")
    # a 会办 opinion whose own deadline the lead unit extended, dated too late for the lead unit to use it
    cohandling = root / "drafts/2024/futian-mz-TA5-huiban.yaml"
    text = cohandling.read_text(encoding="utf-8").replace("date: 2024-04-01", "date: 2024-06-20")
    cohandling.write_text(text + "due: 2024-06-30\n", encoding="utf-8")
    done = run(root, "check", today="2024-07-01")
    warnings = [line for line in done.stderr.splitlines() + done.stdout.splitlines() if "after-deadline" in line]
    assert len(warnings) == 2, done.stdout + done.stderr
    assert any("futian-mz-TA1.yaml" in w and "成文日期 2024-04-20 晚于办理期限 2024-04-02" in w for w in warnings)
    assert any("futian-mz-TA5-huiban.yaml" in w and "主办单位的期限是 2024-06-25" in w for w in warnings)
    cohandling.write_text(text.replace("date: 2024-06-20", "date: 2024-06-05") + "due: 2024-06-30\n", encoding="utf-8")
    assert sum("after-deadline" in line for line in run(root, "check", today="2024-07-01").stdout.splitlines()) == 1


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)), st.integers(0, 24))
def test_months_are_added_as_calendars_count_them(day, months):
    later = deadlines.add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + dt.timedelta(days=1)).day == 1)


def test_deadline_settings_come_from_the_profile(tmp_path):
    root = year_project(tmp_path)
    profile = root / "profiles/futian-mz.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "deadlines: {reply_months: 2, warn_days: 40}\n", encoding="utf-8")
    rows = {r[1]: r for r in table(run(root, "register", "--today", DAY).stdout)}
    assert rows["TA4"][-3:] == ["2024-06-01", "31", "即将到期"]
