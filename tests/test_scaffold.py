"""`letterkit new` and `init` (issue 15, items 7, 8 and 22): every value written reads back as
given, whatever it holds; a 发文字号 is never handed out twice, nor used twice; init works
in a folder that has a .gitignore and can be run again after an interruption."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import MINIMAL_DRAFT, make_project
from letterkit.build import build_draft
from letterkit.errors import LetterkitError
from letterkit.load import load_file
from letterkit.project import open_project
from letterkit.scaffold import init_project, new_draft
from letterkit.validate import hidden_character

PROFILE = "organ: {name: 测试市测试区住房和建设局, code: 测住建函}\nsignature: 测试市测试区住房和建设局\n" \
          "contact: {name: 李四, phone: \"82345678\"}\n"
HOSTILE = ["关于5号楼 #3单元的建议", "A: B", "'引号开头", '"双引号开头', "第一行\n第二行", "*别名", "&锚点", "!标记",
           "{花括号}", "[方括号]", "- 短横", "? 问号", "% 百分号", "@ 艾特", "` 反引号", "| 竖线", "> 大于", "null", "~",
           "true", "0012", "1e3", "2024-05-06", " 前后空格 ", "尾随冒号:", "tab\tin", "\u202e反转", "emoji 😀",
           "\\反斜杠", "…—“”《》", "#", ": ", "---", "...", "\x85", "行\u2028分隔", "\ufeff开头"]
TEXT = st.one_of(st.sampled_from(HOSTILE),
                 st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
TODAY = dt.date(2024, 6, 1)
SWEEP = bool(os.environ.get("CI"))  # CI tries many more values


def _project() -> Path:
    return make_project(Path(tempfile.mkdtemp(prefix="letterkit-new-")),
                        {"letterkit.yaml": "defaults: {}\n", "profiles/dept.yaml": PROFILE})


@settings(max_examples=600 if SWEEP else 60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, name=TEXT, session=TEXT, id=TEXT)
@example(title="关于5号楼 #3单元的建议", name="A: B", session="'x", id="1\n2: 3")
def test_new_writes_every_value_so_it_reads_back_exactly(title, name, session, id):
    root = _project()
    try:
        path = new_draft(open_project(root), department="dept", kind="建议", id=id, title=title, name=name,
                         session=session, today=TODAY)
    except LetterkitError as error:  # refused only by the rules a draft's values obey (README: letterkit new)
        values = {"id": id, "title": title, "name": name, "session": session}
        for problem in error.problems:
            value = values[problem.location.path.lstrip("-")]
            assert (hidden_character(value) or not value.strip() or len(value) > 500
                    or (problem.location.path == "--id" and (len(value) > 40 or not re.search(r"[0-9A-Za-z\u4e00-\u9fff]", value)))), str(problem)
        assert not list((root / "drafts").rglob("*.yaml"))  # nothing written
        return
    data = load_file(path).data  # read as letterkit reads drafts
    assert data == yaml.safe_load(path.read_text(encoding="utf-8"))  # and as any YAML reader does
    assert set(data) == {"department", "number", "proposal", "addressee", "measures", "date"}  # nothing injected
    assert data["proposal"] == {"kind": "建议", "id": id, "title": title, "session": session}
    assert data["addressee"] == {"name": name} and data["department"] == "dept"
    assert data["measures"][0]["items"] == [f"我局高度重视您提出的《{title}》，已组织有关科室认真研究办理。"]
    assert data["number"] == {"year": 2024, "seq": 1} and data["date"] == TODAY
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")  # still the commented draft


@settings(max_examples=80 if SWEEP else 10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organ=TEXT, short_name=TEXT, code=TEXT, contact=TEXT, phone=TEXT)
def test_init_writes_every_value_so_it_reads_back_exactly(organ, short_name, code, contact, phone):
    root = Path(tempfile.mkdtemp(prefix="letterkit-init-"))
    init_project(root, department="dept", organ=organ, short_name=short_name, code=code, contact=contact,
                 phone=phone, today=TODAY)
    data = load_file(root / "profiles" / "dept.yaml").data
    assert data == {"organ": {"name": organ, "short_name": short_name, "code": code}, "signature": organ,
                    "contact": {"name": contact, "phone": phone}}


def test_a_title_with_a_hash_is_the_letters_title(tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n", "profiles/dept.yaml": PROFILE})
    title = "关于5号楼 #3单元加装电梯的建议"
    path = new_draft(open_project(root), department="dept", kind="建议", id="7", title=title, name="张三",
                     session="一届一次会议", today=TODAY)
    built = build_draft(path)
    import docx

    assert any(title in p.text for p in docx.Document(str(built.output)).paragraphs)


# -- 发文字号 ------------------------------------------------------------------------------------

def _numbered(seq: int, code: str = "测教函", year: int = 2024, id: str = "0012") -> str:
    return (MINIMAL_DRAFT.replace("seq: 7", f"seq: {seq}").replace("year: 2024", f"year: {year}")
            .replace("code: 测教函", f"code: {code}").replace('id: "0012"', f'id: "{id}"'))


BROKEN = {
    "syntax": "number:\n  year: 2024\n  seq: 35\nproposal: [unclosed\n",
    "invalid": "number: {year: 2024, seq: 35}\nproposal: 42\n",
    "unknown department": "department: nosuch\nnumber:\n  year: 2024\n  seq: 35\n",
    "not utf-8": "number:\n  year: 2024\n  seq: 35\ntitle: 关于\n",
}


@pytest.mark.parametrize("how", sorted(BROKEN))
def test_new_never_hands_out_the_number_of_a_broken_draft(how, tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n", "profiles/dept.yaml": PROFILE,
                                   "drafts/2024/ok.yaml": "department: dept\n" + _numbered(34, "测住建函")})
    broken = root / "drafts" / "2024" / "broken.yaml"
    text = BROKEN[how]
    broken.write_bytes(text.encode("gb18030") if how == "not utf-8" else text.encode("utf-8"))
    with pytest.raises(LetterkitError):
        build_draft(broken)  # it really is broken
    path = new_draft(open_project(root), department="dept", kind="建议", id="9", title="关于某事", name="张三",
                     session="一届一次会议", today=TODAY)
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["number"]["seq"] == 36


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "letterkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_two_drafts_with_one_number_fail_build_and_check_naming_both(tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n",
                                   "drafts/a/first.yaml": _numbered(35, id="1"),
                                   "drafts/b/second.yaml": _numbered(35, id="2"),
                                   "drafts/c/other-organ.yaml": _numbered(35, code="测卫函", id="3"),
                                   "drafts/c/other-year.yaml": _numbered(35, year=2023, id="4").replace(
                                       "2024-05-06", "2023-05-06")})
    for command in (["build"], ["check"], ["build", "drafts/b"], ["check", "drafts/b/second.yaml"]):
        done = run(root, *command)
        out = done.stdout + done.stderr
        assert done.returncode == 1 and "duplicate-number" in out, (command, out)
        assert "测教函〔2024〕35号" in out and "drafts/a/first.yaml" in out, (command, out)
        duplicates = [line for line in out.splitlines() if "duplicate-number" in line]
        assert not any("other-" in line for line in duplicates), (command, out)
    done = run(root, "build", "drafts/c")
    assert done.returncode == 0, done.stderr  # another organ's or year's 35号 is another number
    assert not (root / "build" / "b" / "second.docx").exists()


# -- init ----------------------------------------------------------------------------------------

def test_init_in_a_folder_with_a_gitignore_completes_and_keeps_it(tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("我们自己的说明\n", encoding="utf-8")
    done = run(tmp_path, "init")
    assert done.returncode == 0, done.stderr
    kept = (tmp_path / ".gitignore").read_text(encoding="utf-8")
    assert kept.startswith("*.pyc\n") and "build/" in kept.splitlines()
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "我们自己的说明\n"
    assert "已补充 .gitignore" in done.stdout and "已存在，保留原文件 README.md" in done.stdout
    assert run(tmp_path, "build").returncode == 0


def test_init_runs_again_after_an_interruption(tmp_path):
    assert run(tmp_path, "init").returncode == 0
    for name in ("schema/project.schema.json", ".gitattributes"):
        (tmp_path / name).unlink()
    for draft in (tmp_path / "drafts").rglob("*.yaml"):
        draft.unlink()  # as if init had stopped before the example draft
    profile = (tmp_path / "profiles" / "my-dept.yaml").read_text(encoding="utf-8") + "# 改过\n"
    (tmp_path / "profiles" / "my-dept.yaml").write_text(profile, encoding="utf-8")
    again = run(tmp_path, "init")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "schema/project.schema.json").is_file() and (tmp_path / ".gitattributes").is_file()
    assert (tmp_path / "profiles" / "my-dept.yaml").read_text(encoding="utf-8") == profile  # never overwritten
    assert run(tmp_path, "build").returncode == 0
    assert run(tmp_path, "init").returncode == 1  # a project with drafts: refused


@pytest.mark.parametrize("department", ["true", "123", "null", "2024-05-06", "1e3", "住建局"])
def test_new_writes_a_department_name_yaml_would_read_as_something_else(department, tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n", f"profiles/{department}.yaml": PROFILE})
    path = new_draft(open_project(root), department=department, kind="提案", id="3", title="关于某事的提案",
                     name="张三", session="一届一次会议", today=TODAY)
    assert load_file(path).data["department"] == department
    assert build_draft(path).output.is_file()  # the profile was found: its organ is in the letter


def test_a_number_inherited_from_a_profile_is_a_duplicate_across_its_drafts(tmp_path):
    draft = MINIMAL_DRAFT.replace("organ:\n  name: 测试市测试区教育局\n  code: 测教函\nnumber:\n  year: 2024\n  seq: 7\n",
                                  "department: dept\n")
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n",
                                   "profiles/dept.yaml": PROFILE + "number: {year: 2024, seq: 3}\n",
                                   "drafts/one.yaml": draft, "drafts/two.yaml": draft.replace('"0012"', '"0013"')})
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "one.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "duplicate-number" and "drafts/two.yaml" in problem.message
    assert problem.location.path.endswith("profiles/dept.yaml")  # where the shared number is written
    path = new_draft(open_project(root), department="dept", kind="建议", id="9", title="关于某事", name="张三",
                     session="一届一次会议", today=TODAY)
    assert load_file(path).data["number"]["seq"] == 4
