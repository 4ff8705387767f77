"""Paths named in drafts, profiles and templates stay inside the project (issue 15, items 10–13).

Each way out — an absolute path, `../`, a symlink — is tried for each thing a file can name:
a seal (in a draft and in a profile), a department, an `extends`, the draft itself, a template,
and a seal line a template prints.  Each must be refused with `path-outside` (or `bad-name`) at
the file:line:column that named it, the outside file never read into the letter nor echoed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_DRAFT, REPO, make_project
from letterkit.build import build_draft
from letterkit.errors import LetterkitError

SEAL = REPO / "drafts" / "seals" / "sample-seal.png"


def _project(tmp_path, extra: dict[str, str] | None = None, draft: str = MINIMAL_DRAFT) -> Path:
    root = make_project(tmp_path / "project", {"letterkit.yaml": "defaults: {}\n", "drafts/draft.yaml": draft,
                                               **(extra or {})})
    (root / "seals").mkdir()
    shutil.copy(SEAL, root / "seals" / "ours.png")
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SEAL, outside / "theirs.png")
    (outside / "secret.yaml").write_text("organ: {name: 机密内容甲乙丙, code: 密函}\npassword: hunter2-秘密\n",
                                         encoding="utf-8")
    (root / "seals" / "link-out.png").symlink_to(outside / "theirs.png")
    (root / "seals" / "link-in.png").symlink_to(root / "seals" / "ours.png")
    return root


def _problems(root: Path, draft: str = "drafts/draft.yaml"):
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / draft)
    return caught.value.problems


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


SEALS_OUT = {"absolute": lambda root: str(root.parent / "outside" / "theirs.png"),
             "dotdot": lambda root: "../../outside/theirs.png",
             "symlink": lambda root: "seals/link-out.png"}


@pytest.mark.parametrize("how", sorted(SEALS_OUT))
@pytest.mark.parametrize("where", ["draft", "profile", "co_signer"])
def test_a_seal_outside_the_project_is_refused(how, where, tmp_path):
    root = _project(tmp_path)
    value = SEALS_OUT[how](root)
    if where == "draft":
        text = MINIMAL_DRAFT + f"seal: '{value}'\n"
        files = {"drafts/draft.yaml": text}
    elif where == "co_signer":
        text = MINIMAL_DRAFT + f"co_signers:\n  - signature: 乙局\n    seal: '{value}'\n"
        files = {"drafts/draft.yaml": text}
    else:
        text = f"seal: '{value}'\n"
        files = {"profiles/dept.yaml": text, "drafts/draft.yaml": MINIMAL_DRAFT + "department: dept\n"}
    make_project(root, files)
    (problem,) = _problems(root)
    assert problem.code == "path-outside" and "项目目录之外" in problem.message
    file = "drafts/draft.yaml" if where != "profile" else "profiles/dept.yaml"
    assert problem.location.path.endswith(file)
    assert problem.location.line == _line_of(text, "seal:") and problem.location.column


@pytest.mark.parametrize("value", ["seals/ours.png", "seals/link-in.png", "../seals/ours.png"])
def test_a_seal_inside_the_project_is_used(value, tmp_path):
    root = _project(tmp_path, draft=MINIMAL_DRAFT + f"seal: {value}\n")
    assert build_draft(root / "drafts" / "draft.yaml").output.is_file()


NAMES_OUT = ["/etc/passwd", "../outside/secret", "../../outside/secret", "a/b", "..", ".hidden", "a\\b"]


@pytest.mark.parametrize("name", NAMES_OUT)
@pytest.mark.parametrize("field", ["department", "extends"])
def test_a_department_or_extends_is_a_plain_name(name, field, tmp_path):
    extra = {"profiles/base.yaml": f"extends: '{name}'\n"} if field == "extends" else {}
    department = "base" if field == "extends" else name
    text = MINIMAL_DRAFT + f"department: '{department}'\n"
    root = _project(tmp_path, extra, draft=text)
    (problem,) = _problems(root)
    assert problem.code == "bad-name" and "简单的名称" in problem.message
    assert problem.location.line and problem.location.column
    assert "机密内容" not in str(problem) and "hunter2" not in str(problem)


def test_a_profile_that_is_a_symlink_out_is_refused(tmp_path):
    root = _project(tmp_path, draft=MINIMAL_DRAFT + "department: dept\n")
    (root / "profiles").mkdir()
    (root / "profiles" / "dept.yaml").symlink_to(root.parent / "outside" / "secret.yaml")
    (problem,) = _problems(root)
    assert problem.code == "path-outside" and "符号链接" in problem.message
    assert problem.location.path.endswith("draft.yaml") and problem.location.line == _line_of(
        MINIMAL_DRAFT + "department: dept\n", "department:")


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "letterkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_a_draft_that_is_a_symlink_out_is_refused_and_never_echoed(tmp_path):
    root = _project(tmp_path)
    (root / "drafts" / "draft.yaml").unlink()
    (root / "drafts" / "stolen.yaml").symlink_to(root.parent / "outside" / "secret.yaml")
    for command in (["build"], ["check"], ["build", "drafts/stolen.yaml"], ["explain", "drafts/stolen.yaml"],
                    ["register"]):
        done = run(root, *command)
        assert "机密内容" not in done.stdout + done.stderr and "hunter2" not in done.stdout + done.stderr, command
        assert "Traceback" not in done.stderr, command
        if command[0] != "register":
            assert done.returncode == 1 and "path-outside" in done.stdout + done.stderr, (command, done.stderr)
    assert not list((root / "build").rglob("*.docx")) if (root / "build").exists() else True


def test_a_drafts_folder_that_is_a_symlink_out_is_refused(tmp_path):
    root = _project(tmp_path)
    (root / "drafts" / "shared").symlink_to(root.parent / "outside")
    done = run(root, "build")  # not followed when listing drafts, or refused
    assert "机密内容" not in done.stdout + done.stderr and not (root / "build" / "shared").exists()
    done = run(root, "build", "drafts/shared/secret.yaml")
    assert done.returncode == 1 and "path-outside" in done.stderr and "机密内容" not in done.stdout + done.stderr


def test_a_draft_named_outside_the_project_on_the_command_line_is_built(tmp_path):
    root = _project(tmp_path)
    elsewhere = make_project(tmp_path / "elsewhere", {"draft.yaml": MINIMAL_DRAFT})
    done = run(root, "build", elsewhere / "draft.yaml")
    assert done.returncode == 0, done.stderr


def test_a_template_that_is_a_symlink_out_is_refused(tmp_path):
    root = _project(tmp_path, draft=MINIMAL_DRAFT + "template: mine.j2\n")
    (root / "templates").mkdir()
    (root.parent / "outside" / "mine.j2").write_text("title 机密内容甲乙丙\n", encoding="utf-8")
    (root / "templates" / "mine.j2").symlink_to(root.parent / "outside" / "mine.j2")
    (problem,) = _problems(root)
    assert problem.code == "path-outside" and problem.location.path.endswith("mine.j2")
    assert "机密内容" not in str(problem)


def test_a_template_included_through_a_symlink_out_is_refused(tmp_path):
    root = _project(tmp_path, draft=MINIMAL_DRAFT + "template: mine.j2\n")
    (root / "templates").mkdir()
    (root / "templates" / "mine.j2").write_text('{% extends "reply.j2" %}{% include "part.j2" %}\n', encoding="utf-8")
    (root.parent / "outside" / "part.j2").write_text("机密内容甲乙丙\n", encoding="utf-8")
    (root / "templates" / "part.j2").symlink_to(root.parent / "outside" / "part.j2")
    (problem,) = _problems(root)
    assert problem.code == "path-outside" and problem.location.path.endswith("part.j2")


@pytest.mark.parametrize("seal", ["/etc/passwd", "{{ '/'.join(['', 'etc', 'x.png']) }}", "seals/ours.png"])
def test_a_template_prints_only_the_seals_the_draft_names(seal, tmp_path):
    template = (REPO / "letterkit/templates/reply.j2").read_text(encoding="utf-8").replace("seal {{ seal }}",
                                                                                          f"seal {seal}")
    root = _project(tmp_path, {"templates/reply.j2": template}, draft=MINIMAL_DRAFT + "seal: seals/ours.png\n")
    (problem,) = _problems(root)
    assert problem.code == "template-seal" and problem.location.path.endswith("templates/reply.j2")


def test_new_refuses_a_department_that_is_a_path(tmp_path):
    root = _project(tmp_path, {"profiles/dept.yaml": "organ: {name: 甲局, code: 甲函}\n"})
    (root / "profiles").joinpath("../../outside/evil.yaml").write_text("organ: {name: 甲局, code: 甲函}\n",
                                                                      encoding="utf-8")
    for department in ("../../outside/evil", str(root.parent / "outside" / "evil"), "../drafts/x"):
        done = run(root, "new", "--department", department, "--kind", "提案", "--id", "1", "--title", "关于某事",
                   "--name", "张三", "--session", "一届一次会议")
        assert done.returncode == 1 and "bad-name" in done.stderr, done.stderr
    assert sorted(p.name for p in root.parent.rglob("*.yaml") if "drafts" in p.parts) == ["draft.yaml"]


@pytest.mark.parametrize("command", ["explain", "check", "build"])
def test_no_command_reads_a_profile_outside_by_department(command, tmp_path):
    root = _project(tmp_path, draft=MINIMAL_DRAFT + "department: ../../outside/secret\n")
    done = run(root, command, "drafts/draft.yaml")
    out = done.stdout + done.stderr
    assert done.returncode == 1 and "bad-name" in out and "机密内容" not in out and "hunter2" not in out, out


@pytest.mark.parametrize("line, code", [("seal: " + "印" * 100 + "a" * 300 + ".png", "read-error"),
                                        ("department: " + "a" * 300, "bad-name"),
                                        ("template: " + "a" * 300, "template-not-found")])
def test_a_name_too_long_for_the_file_system_is_a_clear_error(line, code, tmp_path):
    root = _project(tmp_path, draft=MINIMAL_DRAFT + line + "\n")
    (problem,) = _problems(root)
    assert problem.code == code and problem.location.line == MINIMAL_DRAFT.count("\n") + 1
