"""Department profiles: the merge order, which layer wins for each kind of value, templates per
department, and `letterkit explain`."""

import subprocess
import sys

import docx
import pytest

from letterkit.build import build_draft, layers, read_draft
from letterkit.errors import LetterkitError
from letterkit.project import open_project

from conftest import make_project

DRAFT = """\
department: dept-a
number: {year: 2024, seq: 1}
proposal: {kind: 提案, id: "7", title: 关于某事的提案}
addressee: {name: 张三}
measures: [正文。]
date: 2024-05-06
"""

FILES = {
    "letterkit.yaml": "defaults:\n  layout: plain\n  sealed: true\n  cc: [项目抄送]\n  contact: {name: 项目联系人, phone: \"82000000\"}\n",
    "profiles/district.yaml": "layout: letter\ncc: [区抄送甲, 区抄送乙]\ncontact: {name: 区联系人}\n",
    "profiles/dept-a.yaml": ("extends: district\norgan: {name: 甲局全称, short_name: 甲局, code: 甲函}\n"
                             "signature: 甲局\nstyle: {spacing: {before_signature: 3}}\n"),
    "profiles/dept-b.yaml": "extends: district\norgan: {name: 乙局全称, code: 乙函}\n",
    "drafts/a1.yaml": DRAFT,
    "drafts/a2.yaml": DRAFT.replace('id: "7"', 'id: "8"').replace("seq: 1", "seq: 2") + "contact: {phone: \"83000000\"}\ncc: [草稿抄送]\n",
    "drafts/b1.yaml": DRAFT.replace("dept-a", "dept-b"),
}


@pytest.fixture
def root(tmp_path):
    return make_project(tmp_path, FILES)


def test_each_layer_wins_over_the_one_before(root):
    project = open_project(root)
    a1 = read_draft(root / "drafts" / "a1.yaml", project)
    assert a1.layout == "letter"                     # scalar: profile over project
    assert a1.sealed is True and a1.template == "reply.j2"  # untouched: project and built-in defaults
    assert a1.cc == ["区抄送甲", "区抄送乙"]          # list: replaced whole by the profile
    assert (a1.contact.name, a1.contact.phone) == ("区联系人", "82000000")  # mapping: merged key by key
    assert a1.organ.name == "甲局全称" and a1.signature == "甲局"
    assert a1.style == {"spacing": {"before_signature": 3}}
    a2 = read_draft(root / "drafts" / "a2.yaml", project)
    assert a2.cc == ["草稿抄送"] and (a2.contact.name, a2.contact.phone) == ("区联系人", "83000000")  # the draft wins


def test_a_profile_value_changes_every_letter_of_its_department_and_no_other(root, tmp_path):
    def signatures():
        built = {name: build_draft(root / "drafts" / f"{name}.yaml", open_project(root), tmp_path / "out")
                 for name in ("a1", "a2", "b1")}
        return {name: [p.text for p in docx.Document(str(b.output)).paragraphs if p.style.name == "发文机关署名"]
                for name, b in built.items()}
    before = signatures()
    profile = root / "profiles" / "dept-a.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("signature: 甲局", "signature: 甲局全称"), encoding="utf-8")
    after = signatures()
    assert before["a1"] == before["a2"] == ["甲局"] and after["a1"] == after["a2"] == ["甲局全称"]
    assert before["b1"] == after["b1"] == ["乙局全称"]


def test_house_style_override_from_a_profile_reaches_the_letter(root, tmp_path):
    built = build_draft(root / "drafts" / "a1.yaml", open_project(root), tmp_path)
    signature = next(p for p in docx.Document(str(built.output)).paragraphs if p.style.name == "发文机关署名")
    assert signature.paragraph_format.space_before.pt == pytest.approx(3 * 28.95, abs=0.1)


def test_department_template_is_used_only_for_its_letters(root, tmp_path):
    (root / "templates" / "dept-a").mkdir(parents=True)
    (root / "templates" / "dept-a" / "reply.j2").write_text(
        '{% extends "builtin/reply.j2" %}{% block title %}甲局的标题{% endblock %}\n', encoding="utf-8")
    project = open_project(root)
    titles = {name: docx.Document(str(build_draft(root / "drafts" / f"{name}.yaml", project, tmp_path).output)).paragraphs[0].text
              for name in ("a1", "b1")}
    assert titles["a1"] == "甲局的标题" and titles["b1"] != "甲局的标题"


def test_extends_include_and_import_chains(root, tmp_path):
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "parts.j2").write_text("{% macro thanks() %}谢谢。{% endmacro %}\n", encoding="utf-8")
    (root / "templates" / "middle.j2").write_text(
        '{% extends "reply.j2" %}{% import "parts.j2" as parts %}{% block closing %}p {{ parts.thanks() }}\n{% endblock %}\n',
        encoding="utf-8")
    (root / "templates" / "top.j2").write_text('{% extends "middle.j2" %}{% block title %}顶层标题{% endblock %}\n', encoding="utf-8")
    (root / "drafts" / "a1.yaml").write_text(DRAFT + "template: top.j2\n", encoding="utf-8")
    texts = [p.text for p in docx.Document(str(build_draft(root / "drafts" / "a1.yaml", open_project(root), tmp_path).output)).paragraphs]
    assert texts[0] == "顶层标题" and "谢谢。" in texts


def test_unknown_department_and_cycles_are_clear_errors(root):
    (root / "drafts" / "a1.yaml").write_text(DRAFT.replace("dept-a", "dept-c"), encoding="utf-8")
    with pytest.raises(LetterkitError) as caught:
        layers(root / "drafts" / "a1.yaml", open_project(root))
    problem = caught.value.problems[0]
    assert problem.code == "unknown-department" and problem.location.line == 1 and "是否想写 'dept-" in problem.hint
    (root / "profiles" / "district.yaml").write_text("extends: dept-b\n", encoding="utf-8")
    with pytest.raises(LetterkitError) as caught:
        layers(root / "drafts" / "b1.yaml", open_project(root))
    assert caught.value.problems[0].code == "profile-cycle"


def test_explain_names_the_file_and_line_of_every_value(root):
    done = subprocess.run([sys.executable, "-m", "letterkit", "explain", "drafts/a2.yaml"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "organ.name = 甲局全称    ← profiles/dept-a.yaml:2:15" in lines
    assert "layout = letter    ← profiles/district.yaml:1:9" in lines
    assert "contact.phone = 83000000    ← drafts/a2.yaml:7:18" in lines
    assert any(l.startswith("contact.name = 区联系人    ← profiles/district.yaml:") for l in lines)
    assert any(l.startswith("template = reply.j2    ← letterkit/defaults.yaml（内置）") for l in lines)
