"""`letterkit new --from 交办清单`: a list made in LibreOffice Calc (merged header cells, other
header spellings, empty rows, bad rows) and a GBK CSV become drafts that build for both roles;
a second run adds nothing; bad rows are named by sheet, row and column."""

import datetime as dt
import subprocess
import sys
from xml.sax.saxutils import escape

import docx
import pytest
import yaml
from hypothesis import given, settings, strategies as st

from letterkit import assignments, listdrafts
from letterkit.build import layers, read_draft
from letterkit.pdf import find_soffice, renderer_env
from letterkit.project import open_project

from conftest import make_project, require_soffice

PROFILE = """\
organ:
  name: 深圳市福田区民政局
  short_name: 福田区民政局
  code: 福民函
  aliases: [区民政局]
signature: 深圳市福田区民政局
contact:
  name: 陈一
  phone: 0755-82000000
"""
TODAY = "2024-04-01"


def run(cwd, *args, today=TODAY):
    env = {**__import__("os").environ, "LETTERKIT_TODAY": today}
    return subprocess.run([sys.executable, "-m", "letterkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env)


def office(tmp_path):
    root = make_project(tmp_path / "office", {"letterkit.yaml": "output: build\n", "profiles/futian-mz.yaml": PROFILE})
    (root / "drafts").mkdir()
    return root


def letter(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


# -- a list made in LibreOffice Calc ------------------------------------------------

def cell(value, columns=1, rows=1):
    span = (f' table:number-columns-spanned="{columns}"' if columns > 1 else "") + \
           (f' table:number-rows-spanned="{rows}"' if rows > 1 else "")
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, dt.date):
        return (f'<table:table-cell{span} office:value-type="date" office:date-value="{value.isoformat()}" '
                f'table:style-name="date"><text:p>{value.isoformat()}</text:p></table:table-cell>')
    return f'<table:table-cell{span} office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


COVERED = "<table:covered-table-cell/>"


def calc_list(tmp_path, rows: list[str], form="xlsx"):
    """A Flat ODS written as Calc saves it, converted to .xlsx (or .xls) by LibreOffice itself."""
    body = "".join(f"<table:table-row>{row}</table:table-row>" for row in rows)
    fods = tmp_path / "交办清单.fods"
    fods.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text>
  <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="交办清单">{body}</table:table></office:spreadsheet></office:body>
</office:document>""", encoding="utf-8")
    done = subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                           "--convert-to", form, "--outdir", str(tmp_path), str(fods)],
                          capture_output=True, text=True, env=renderer_env(), timeout=180)
    assert done.returncode == 0, done.stderr
    return tmp_path / f"交办清单.{form}"


def calc_rows():
    d = dt.date(2024, 3, 15)
    return [
        cell("福田区政协六届三次会议提案交办清单", columns=7) + COVERED * 6,                     # a banner over the header
        cell("案号", rows=2) + cell("案由", rows=2) + cell("领衔人", rows=2) + cell("承办单位", columns=2) + COVERED
        + cell("交办时间", rows=2) + cell("备注", rows=2),                                      # 承办单位 over 主办 | 会办
        COVERED * 3 + cell("主办单位") + cell("协办单位") + COVERED * 2,
        cell("TA20240001") + cell("关于完善社区养老服务设施的提案") + cell("张三、李四") + cell("区民政局")
        + cell("区卫生健康局") + cell(d) + cell(None),                                          # lead, two proposers
        cell("TA20240002") + cell("关于加强校园周边交通安全的提案") + cell("王五") + cell("深圳市福田区教育局")
        + cell("福田区民政局、区交通局") + cell(d) + cell(None),                                # co-handling
        cell(None) * 7,                                                                         # an empty row
        cell("TA20240003") + cell("关于增设公共停车场的提案") + cell("赵六") + cell("区交通局") + cell(None)
        + cell(d) + cell(None),                                                                 # another department
        cell("TA20240004") + cell("关于老旧小区改造的提案") + cell("钱七") + cell("深圳市福田区民政局") + cell(None)
        + cell("三月中旬") + cell(None),                                                        # a date that is not a date
        cell(None) + cell("关于无编号的提案") + cell("孙八") + cell("区民政局") + cell(None) + cell(d) + cell(None),
        cell("TA20240006") + cell("关于社区食堂的提案", rows=2) + cell("周九") + cell("区民政局") + cell(None)
        + cell(d) + cell(None),                                                                 # a merged data cell
        cell("TA20240007") + COVERED + cell("吴十") + cell("区民政局") + cell(None) + cell(d) + cell(None),
        cell("TA20240008") + cell("关于“长者饭堂”: 扩面 #2 的提案") + cell("民革福田区委会") + cell("福田区民政局")
        + cell(None) + cell(dt.date(2024, 3, 20)) + cell("集体提案"),                            # hostile text, a collective
    ]


def test_a_calc_list_becomes_drafts_that_build_and_a_second_run_adds_nothing(tmp_path):
    require_soffice()
    root = office(tmp_path)
    source = calc_list(tmp_path, calc_rows())
    done = run(root, "new", "--from", source)
    assert done.returncode == 1  # bad rows were reported
    drafts = sorted(p.name for p in (root / "drafts" / "2024").glob("*.yaml"))
    assert drafts == ["futian-mz-TA20240001.yaml", "futian-mz-TA20240002-huiban.yaml", "futian-mz-TA20240008.yaml"]
    where = "交办清单.xlsx[交办清单]"
    errors = [line for line in done.stderr.splitlines() if "错误" in line]
    assert any(f"{where}:8:6: 错误 bad-date F8：" in line and "三月中旬" in line for line in errors), errors
    assert any(f"{where}:9:1: 错误 missing-value A9：没有编号" in line for line in errors), errors
    assert sum("merged-cell" in line and "B10:B11" in line for line in errors) == 2, errors
    assert "本部门 3 件（主办 2，会办 1），新建草稿 3 份" in done.stdout and "其他部门 1 行跳过" in done.stdout
    assert "有错 4 行" in done.stdout and "空行 1 行" in done.stdout

    lead = yaml.safe_load((root / "drafts/2024/futian-mz-TA20240001.yaml").read_text(encoding="utf-8"))
    assert lead["assigned"] == dt.date(2024, 3, 15) and lead["addressee"] == {"name": "张三、李四"}
    assert lead["proposal"] == {"kind": "提案", "id": "TA20240001", "title": "关于完善社区养老服务设施的提案"}
    built = run(root, "build")
    assert built.returncode == 0, built.stderr
    text = letter(root / "build/2024/futian-mz-TA20240001.docx")
    assert "尊敬的张三、李四委员：" in text and "深圳市福田区民政局" in text and "2024年4月1日" in text
    assert any("（联系人：陈一，联系电话：0755-82000000）" in p for p in text)
    cohandling = letter(root / "build/2024/futian-mz-TA20240002-huiban.docx")
    assert "深圳市福田区教育局：" in cohandling and "关于第TA20240002号提案的会办意见" in "".join(cohandling)
    collective = letter(root / "build/2024/futian-mz-TA20240008.docx")
    assert "民革福田区委会：" in collective and any("《关于“长者饭堂”: 扩面 #2 的提案》" in p for p in collective)
    assert run(root, "check").returncode == 0

    before = {p: p.read_bytes() for p in (root / "drafts").rglob("*.yaml")}
    again = run(root, "new", "--from", source)
    assert "新建草稿 0 份，已有草稿 3 份未改动" in again.stdout
    assert {p: p.read_bytes() for p in (root / "drafts").rglob("*.yaml")} == before


def test_a_gbk_csv_with_other_spellings(tmp_path):
    root = office(tmp_path)
    source = tmp_path / "建议.csv"
    source.write_bytes(("序号,建议号,标题,代表,主办单位,会办单位,交办日期\r\n"
                        "1,JY001,关于增加社区医生的建议,刘一代表,区卫生健康局,区民政局,2024年3月1日\r\n"
                        "2,JY002,关于加装电梯的建议,陈  二,区民政局,,2024/3/1\r\n"
                        ",,,,,,\r\n"
                        "3,JY003,关于路灯的建议,黄三,区城管局,,2024.3.1\r\n").encode("gbk"))
    done = run(root, "new", "--from", source)
    assert done.returncode == 0, done.stderr
    lead = yaml.safe_load((root / "drafts/2024/futian-mz-JY002.yaml").read_text(encoding="utf-8"))
    assert lead["addressee"] == {"name": "陈二"} and lead["proposal"]["kind"] == "建议"  # kind from the JY prefix
    cohandling = yaml.safe_load((root / "drafts/2024/futian-mz-JY001-huiban.yaml").read_text(encoding="utf-8"))
    assert cohandling["recipient"] == "区卫生健康局" and cohandling["template"] == "cohandling.j2"
    assert cohandling["assigned"] == lead["assigned"] == dt.date(2024, 3, 1)  # 2024年3月1日, 2024/3/1
    assert "其他部门 1 行跳过" in done.stdout
    assert run(root, "build").returncode == 0
    assert "尊敬的陈二代表：" in letter(root / "build/2024/futian-mz-JY002.docx")


def test_one_cell_naming_both_lead_and_cohandling_units(tmp_path):
    root = office(tmp_path)
    source = tmp_path / "list.csv"
    source.write_text("提案号,案由,第一提案人,承办单位,交办日期\n"
                      "TA1,关于校园安全的提案,张三,主办：区教育局；会办：区民政局、区交通局,2024-03-01\n"
                      "TA2,关于养老的提案,李四,主办单位：区民政局 会办单位：区卫健局,2024-03-01\n"
                      "TA3,关于停车的提案,王五,主办：区交通局；会办：区教育局,2024-03-01\n", encoding="utf-8-sig")
    done = run(root, "new", "--from", source)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / "drafts").rglob("*.yaml")) == ["futian-mz-TA1-huiban.yaml", "futian-mz-TA2.yaml"]
    assert yaml.safe_load((root / "drafts/2024/futian-mz-TA1-huiban.yaml").read_text(encoding="utf-8"))["recipient"] == "区教育局"
    assert "其他部门 1 行跳过" in done.stdout


def test_a_header_it_cannot_place_is_named_with_the_known_names(tmp_path):
    root = office(tmp_path)
    source = tmp_path / "list.csv"
    source.write_text("编号,案由摘要,提案人,主办单位\nTA1,关于养老的提案,张三,区民政局\n", encoding="utf-8-sig")
    done = run(root, "new", "--from", source)
    assert done.returncode == 1 and "list.csv:1:2: 错误 unknown-column B1：不认识表头“案由摘要”" in done.stderr
    assert "标题：标题/案由/提案标题" in done.stderr and not list((root / "drafts").rglob("*.yaml"))
    mapped = run(root, "new", "--from", source, "--columns", "案由摘要=标题")
    assert mapped.returncode == 0, mapped.stderr
    assert (root / "drafts/2024/futian-mz-TA1.yaml").is_file()


def test_a_wide_header_cell_and_rows_merged_under_it_are_one_column(tmp_path):
    """案由 over B:C, each row's title merged over B:C too: one title column, not a merged-cell error;
    a title merged over two rows still is one."""
    import openpyxl

    root = office(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "案由", None, "提案人", "主办单位", "交办日期"])
    sheet.append(["TA1", "关于养老的提案", None, "张三", "区民政局", dt.date(2024, 3, 1)])
    sheet.append(["TA2", "关于助餐的提案", None, "李四", "区民政局", dt.date(2024, 3, 1)])
    sheet.append(["TA3", "关于托育的提案", None, "王五", "区民政局", dt.date(2024, 3, 1)])
    sheet.append(["TA4", None, None, "赵六", "区民政局", dt.date(2024, 3, 1)])
    for span in ("B1:C1", "B2:C2", "B3:C3", "B4:C5"):
        sheet.merge_cells(span)
    book.save(tmp_path / "list.xlsx")
    done = run(root, "new", "--from", tmp_path / "list.xlsx")
    assert sorted(p.name for p in (root / "drafts").rglob("*.yaml")) == ["futian-mz-TA1.yaml", "futian-mz-TA2.yaml"]
    assert done.stderr.count("merged-cell") == 2 and "B4:C5" in done.stderr
    assert yaml.safe_load((root / "drafts/2024/futian-mz-TA2.yaml").read_text(encoding="utf-8"))["proposal"]["title"] \
        == "关于助餐的提案"


@pytest.mark.parametrize("column, ident, session, kind", [
    ("建议", "TA1", None, "建议"),                       # the column wins
    ("提案（政协）", "JY1", None, "提案"),
    (None, "TA2024001", None, "提案"), (None, "ZX12", None, "提案"), (None, "JY7", None, "建议"), (None, "rd7", None, "建议"),
    (None, "2024001", "福田区政协六届三次会议", "提案"), (None, "2024001", "福田区第八届人民代表大会第四次会议", "建议"),
    (None, "2024001", "区人大八届四次会议", "建议"), (None, "2024001", None, None), (None, "2024001", "某会议", None),
])
def test_the_kind_comes_from_a_column_the_number_or_the_session(column, ident, session, kind):
    assert assignments._kind(column, ident, session) == kind


@pytest.mark.parametrize("cell, day", [
    ("2024-03-01", dt.date(2024, 3, 1)), ("2024/3/1", dt.date(2024, 3, 1)), ("2024.03.01", dt.date(2024, 3, 1)),
    ("2024年3月1日", dt.date(2024, 3, 1)), ("2024 年 3 月 1 日", dt.date(2024, 3, 1)), ("20240301", dt.date(2024, 3, 1)),
    (20240301, dt.date(2024, 3, 1)), (45352, dt.date(2024, 3, 1)), (dt.datetime(2024, 3, 1, 9, 30), dt.date(2024, 3, 1)),
    ("2024-02-30", None), ("三月中旬", None), ("2024-3", None), (7, None),
])
def test_dates_as_lists_write_them(cell, day):
    assert assignments._date(cell) == day


def test_an_xls_saved_by_calc_gives_the_same_drafts_and_reports(tmp_path):
    require_soffice()
    found = {}
    for form in ("xlsx", "xls"):
        root = office(tmp_path / form)
        calc_list(tmp_path / form, calc_rows(), form).rename(root / f"清单.{form}")
        done = run(root, "new", "--from", f"清单.{form}")
        drafts = {p.name: p.read_text(encoding="utf-8").replace(f"清单.{form}", "清单")
                  for p in (root / "drafts").rglob("*.yaml")}
        reports = [line.replace(f"清单.{form}", "清单") for line in done.stderr.splitlines()]
        found[form] = (done.returncode, drafts, reports)
    assert found["xls"] == found["xlsx"] and len(found["xls"][1]) == 3 and len(found["xls"][2]) == 4


def test_a_damaged_xls_is_refused_with_how_to_convert_it(tmp_path):
    root = office(tmp_path)
    (tmp_path / "old.xls").write_bytes(b"<html><table><tr><td>\xe7\xbc\x96\xe5\x8f\xb7</td></tr></table></html>")
    done = run(root, "new", "--from", tmp_path / "old.xls")
    assert done.returncode == 1 and "bad-xls" in done.stderr and "--convert-to xlsx" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_draft_answering_the_proposal_already_is_kept(tmp_path):
    root = office(tmp_path)
    source = tmp_path / "list.csv"
    source.write_text("编号,标题,提案人,主办单位\nTA1,关于养老的提案,张三,区民政局\n", encoding="utf-8")
    assert run(root, "new", "--department", "futian-mz", "--kind", "提案", "--id", "TA1", "--title", "关于养老的提案",
               "--name", "张三", "--session", "区政协会议").returncode == 0
    done = run(root, "new", "--from", source)
    assert "新建草稿 0 份，已有草稿 1 份未改动" in done.stdout and "没有新的草稿" in done.stdout


def test_new_takes_the_projects_only_department_and_names_the_missing_options(tmp_path):
    root = office(tmp_path)
    done = run(root, "new", "--kind", "建议", "--id", "20240056", "--title", "关于加装电梯的建议", "--name", "李明华",
               "--session", "区人大会议")
    assert done.returncode == 0 and (root / "drafts/2024/futian-mz-20240056.yaml").is_file(), done.stderr
    missing = run(root, "new", "--kind", "建议")
    assert missing.returncode == 2 and "缺少 --id、--title、--name、--session" in missing.stderr
    (root / "profiles/futian-jy.yaml").write_text(PROFILE.replace("民政局", "教育局"), encoding="utf-8")
    two = run(root, "new", "--kind", "建议", "--id", "2", "--title", "关于路灯的建议", "--name", "王五", "--session", "会议")
    assert two.returncode == 1 and "which-department" in two.stderr and "futian-jy、futian-mz" in two.stderr


HOSTILE = st.text(st.sampled_from(list("关于#: '\"\n\t-[]{}&*!|>%@`,?民政局提案ab1 \\")), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(title=HOSTILE, name=HOSTILE, unit=HOSTILE)
def test_cell_values_round_trip_through_the_draft(title, name, unit):
    """Whatever a cell holds ('#', ': ', quotes, line breaks), the draft holds the same text."""
    item = assignments.Assignment("x.csv", 2, title, title, "提案", assignments.COHANDLING, [name], title,
                                  [unit], [], dt.date(2024, 3, 1))
    data = yaml.safe_load(listdrafts.draft_text("futian-mz", item, 3, dt.date(2024, 4, 1)))
    assert data["proposal"] == {"kind": "提案", "id": title, "title": title, "session": title}
    assert data["recipient"] == unit and data["assigned"] == dt.date(2024, 3, 1)
    assert set(data) == {"department", "template", "recipient", "number", "proposal", "assigned", "measures", "date"}


def test_a_hostile_draft_builds_with_the_text_as_written(tmp_path):
    root = office(tmp_path)
    title = "关于5号楼 #3单元: 加装'电梯' \"等\"的提案"
    item = assignments.Assignment("x.csv", 2, "TA9", title, "提案", assignments.LEAD, ["张三"], None, ["区民政局"])
    path = root / "drafts" / "d.yaml"
    path.write_text(listdrafts.draft_text("futian-mz", item, 3, dt.date(2024, 4, 1)), encoding="utf-8")
    draft = read_draft(path, open_project(root), layers(path, open_project(root)))
    assert draft.proposal.title == title and draft.assigned is None and draft.due is None
