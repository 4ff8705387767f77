"""`letterkit register`: one row per draft, sorted by proposal id, as a table, CSV and XLSX."""

import csv
import re
import io
import subprocess
import sys

import openpyxl

from letterkit import register
from letterkit.pdf import find_soffice, renderer_env
from letterkit.project import open_project

from conftest import repo_copy, require_soffice


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "letterkit", *map(str, args)], cwd=cwd, capture_output=True, text=True)


def test_rows_sorted_by_id_with_the_state_of_each_output(tmp_path):
    root = repo_copy(tmp_path)
    assert run(root, "build", "drafts/2024").returncode == 0
    (root / "drafts/2024/zhujian-JY20240056.yaml").write_text(
        (root / "drafts/2024/zhujian-JY20240056.yaml").read_text(encoding="utf-8").replace("李明华", "李明"), encoding="utf-8")
    (root / "drafts/2024/broken.yaml").write_text("proposal: {kind: 建议, id: '1'}\n", encoding="utf-8")
    project = open_project(root)
    rows = register.rows(project.drafts(), project)
    assert [r.id for r in rows] == ["1", "20240018", "20240018", "20240056", "20240077", "TA 20200005"]
    by_number = {r.number: r for r in rows}
    assert by_number["福住建函〔2024〕35号"].status == "已生成，需重新生成"  # its draft changed since
    assert by_number["福住建函〔2024〕35号"].member == "李明代表" and by_number["福住建函〔2024〕35号"].category == "B"
    assert by_number["福科创函〔2020〕12号"].status == "未生成" and by_number["福科创函〔2020〕12号"].output == ""
    assert by_number["福教〔2024〕86号"].status == "已生成，最新" and by_number["福教〔2024〕86号"].date == "2024-07-05"
    assert by_number[""].status == "草稿有误" and by_number[""].kind == "建议"
    assert [r.id for r in register.rows(project.drafts(), project, kind="提案")] == ["20240018", "20240018", "TA 20200005"]
    assert {r.department for r in register.rows(project.drafts(), project, department="futian-zhujian")} == {"futian-zhujian"}


def test_csv_and_xlsx_hold_the_same_rows_and_are_byte_stable(tmp_path):
    root = repo_copy(tmp_path)
    assert run(root, "build").returncode == 0
    done = run(root, "register", "-o", "r.csv", "-o", "r.xlsx")
    assert done.returncode == 0, done.stderr
    text = (root / "r.csv").read_bytes()
    assert text.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[0][:3] == ["类型", "编号", "委员/代表"] and len(rows) == 6
    sheet = openpyxl.load_workbook(root / "r.xlsx").active
    cells = [[("" if c.value is None else c.value.strftime("%Y-%m-%d") if hasattr(c.value, "strftime") else str(c.value))
              for c in row] for row in sheet.iter_rows()]
    assert cells == rows and sheet.freeze_panes == "A2"
    first = (root / "r.xlsx").read_bytes()
    assert run(root, "register", "-o", "r.xlsx").returncode == 0
    assert (root / "r.xlsx").read_bytes() == first
    table = run(root, "register", "--kind", "建议").stdout.splitlines()
    assert table[0].split()[:3] == ["类型", "编号", "委员/代表"] and len(table) == 2 + 2


def test_the_register_opens_in_libreoffice_calc(tmp_path):
    require_soffice()
    root = repo_copy(tmp_path)
    assert run(root, "build").returncode == 0
    assert run(root, "register", "-o", "r.xlsx", "-o", "r.csv").returncode == 0
    out = tmp_path / "calc"
    profile = tmp_path / "lo-profile"
    done = subprocess.run([find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                           'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', "--outdir", str(out),
                           str(root / "r.xlsx")], capture_output=True, text=True, env=renderer_env(), timeout=180)
    assert done.returncode == 0, done.stderr
    calc = list(csv.reader(io.StringIO((out / "r.csv").read_text(encoding="utf-8-sig"))))
    ours = list(csv.reader(io.StringIO((root / "r.csv").read_text(encoding="utf-8-sig"))))
    assert calc == ours


# -- formulas: a cell that starts like one stays text (issue 15, item 15) ------------------------

import dataclasses  # noqa: E402

import pytest  # noqa: E402

HOSTILE = ["=1+1", "=HYPERLINK(\"http://x.invalid\",\"点击\")", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


# dates and the day count come from validated drafts, never from free text
TEXT_COLUMNS = [f.name for f in dataclasses.fields(register.Row)
                if f.name not in register.DATES + ("remaining", "state", "built")]


@pytest.mark.parametrize("column", TEXT_COLUMNS)
@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v[:2]))
def test_a_cell_that_looks_like_a_formula_is_text(column, value, tmp_path):
    row = register.Row(kind="建议", id="1", title="关于加强社区养老服务的建议")
    setattr(row, column, value)
    (tmp_path / "r.xlsx").write_bytes(register.to_xlsx([row]))
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    cell = sheet.cell(row=2, column=[f.name for f in dataclasses.fields(register.Row)].index(column) + 1)
    assert cell.data_type == "s" and cell.value == value
    cells = list(csv.reader(io.StringIO(register.to_csv([row]).decode("utf-8-sig"))))[1]
    assert cells[[f.name for f in dataclasses.fields(register.Row)].index(column)] == "'" + value


def test_a_title_starting_with_equals_is_text_through_the_cli(tmp_path):
    root = repo_copy(tmp_path)
    draft = root / "drafts/2024/zhujian-JY20240056.yaml"
    text = draft.read_text(encoding="utf-8")
    title = re.search(r"^  title: (.*)$", text, re.M).group(1)
    draft.write_text(text.replace(f"  title: {title}", "  title: \"=1+1关于\""), encoding="utf-8")
    done = run(root, "register", "-o", "r.csv", "-o", "r.xlsx")
    assert done.returncode == 0, done.stderr
    titles = [c.value for c in openpyxl.load_workbook(root / "r.xlsx").active["D"]]
    assert "=1+1关于" in titles
    assert all(c.data_type == "s" for c in openpyxl.load_workbook(root / "r.xlsx").active["D"])
    assert "'=1+1关于" in (root / "r.csv").read_text(encoding="utf-8-sig")


def test_a_broken_draft_with_blanks_never_shows_none(tmp_path):
    from conftest import make_project

    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n",
                                   "drafts/broken.yaml": "proposal:\n  kind:\n  id:\n  title:\ncc:\n  -\n"})
    project = open_project(root)
    found = register.rows(project.drafts(), project)
    assert found[0].status == "草稿有误"
    assert "None" not in register.table(found) and b"None" not in register.to_csv(found)
