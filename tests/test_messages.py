"""Messages that say what is really wrong (issue 15, item 22): the YAML parser's English never
reaches a clerk, a Windows-1252 file is not called UTF-16, a Word file given to build is
named as one with the command to use, and build and check agree on "no drafts"."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import MINIMAL_DRAFT, REPO, make_project
from letterkit.errors import LetterkitError
from letterkit.load import load_file, load_text

ENGLISH = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")  # "did not", "found unknown"… (field names are single words)

BROKEN = {
    "unclosed bracket": "a: [1, 2\nb: 3\n",
    "unclosed brace": "a: {b: 1\n",
    "unknown escape": 'a: "x\\qy"\n',
    "two documents": "a: 1\n---\nb: 2\n",
    "anchor without name": "a: &\nb: 2\n",
    "text after block indicator": "a: |x\n  b\n",
    "text after a quoted value": 'a: "b" c\n',
    "two directives": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\n",
    "colon in value": "a: b: c\n",
    "list after mapping": "a: b\n- c\n",
    "bad indentation": "a:\n  - b\n c: 1\n",
    "tab": "a:\n\tb: 1\n",
    "unclosed quote": 'a: "b\n',
    "undefined alias": "a: *x\n",
    "at sign": "a: @b\n",
    "backtick": "a: `b\n",
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_yaml_errors_are_chinese_with_a_place(text):
    with pytest.raises(LetterkitError) as caught:
        load_text(text, "drafts/d.yaml")
    (problem,) = caught.value.problems
    assert problem.location.line and problem.location.column
    assert not ENGLISH.search(f"{problem.message} {problem.hint}"), str(problem)


@settings(max_examples=2000 if os.environ.get("CI") else 200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(MINIMAL_DRAFT)), st.sampled_from(list(":[]{}\"'&*!|>-#%@`\t\n ,?")),
                          st.booleans()), min_size=1, max_size=4))
def test_any_damaged_draft_gets_a_chinese_message(edits):
    text = MINIMAL_DRAFT
    for at, ch, insert in edits:
        at = min(at, len(text))
        text = text[:at] + ch + text[at + (0 if insert else 1):]
    try:
        load_text(text, "drafts/d.yaml")
    except LetterkitError as error:
        for problem in error.problems:
            assert not ENGLISH.search(f"{problem.message} {problem.hint}"), (text, str(problem))


ENCODED = {
    "Windows-1252": ("title: café naïve résumés\n".encode("cp1252"), "Windows-1252"),
    "Windows-1252, odd length": ("title: café naïve résumé\n".encode("cp1252"), "Windows-1252"),
    "GBK": ("title: 关于加强校园安全的提案\n".encode("gbk"), "GBK"),
    "UTF-16 with BOM": ("title: 关于加强校园安全的提案\n".encode("utf-16"), "UTF-16"),
}


@pytest.mark.parametrize("data, name", ENCODED.values(), ids=ENCODED.keys())
def test_the_encoding_named_is_the_likely_one(data, name, tmp_path):
    (tmp_path / "d.yaml").write_bytes(data)
    with pytest.raises(LetterkitError) as caught:
        load_file(tmp_path / "d.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "encoding" and name in problem.message
    assert name == "UTF-16" or "UTF-16" not in problem.message


def run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "letterkit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("name, start, says", [("letter.docx", b"PK\x03\x04", "letterkit import letter.docx"),
                                                ("letter.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3", "PDF"),
                                                ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1", ".docx")])
def test_build_of_a_word_or_pdf_file_says_it_is_not_a_draft(name, start, says, tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n"})
    (root / name).write_bytes(start + bytes(range(128, 256)) * 4)
    done = run(root, "build", name)
    assert done.returncode == 1 and "not-a-draft" in done.stderr and says in done.stderr, done.stderr
    assert "UTF-8" not in done.stderr


def test_a_real_docx_given_to_build(tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n", "drafts/d.yaml": MINIMAL_DRAFT})
    assert run(root, "build").returncode == 0
    done = run(root, "build", "build/d.docx")
    assert done.returncode == 1 and "这是 Word 文件" in done.stderr and "letterkit import build/d.docx" in done.stderr


@pytest.mark.parametrize("layout", ["empty drafts folder", "no drafts folder", "empty folder named"])
def test_build_and_check_agree_on_no_drafts(layout, tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "defaults: {}\n"})
    args = []
    if layout != "no drafts folder":
        (root / "drafts").mkdir()
    if layout == "empty folder named":
        (root / "other").mkdir()
        args = ["other"]
    built, checked = run(root, "build", *args), run(root, "check", *args)
    assert built.returncode == checked.returncode == 1
    assert "no-drafts" in built.stderr and "no-drafts" in checked.stderr
    assert built.stderr.splitlines()[0] == checked.stderr.splitlines()[0]
