"""Issue 15, the second independent re-test: numbers YAML reads as other numbers, --fix through a
symlink, a template failing at run time, import of a device or a huge file, more invisible
characters.  Each runs through the CLI as a clerk would and failed on the code before its fix."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import MINIMAL_DRAFT, make_project
from test_retest15_inputs import assert_clean_failure, run


@pytest.mark.parametrize("written, read_as", [("1:10", "70"), ("1_0", "10"), ("+7", None)])
@pytest.mark.parametrize("field", ["seq", "year"])
def test_a_number_yaml_would_read_as_another_is_refused(tmp_path, written, read_as, field):
    draft = MINIMAL_DRAFT.replace("seq: 7", f"seq: {written}") if field == "seq" \
        else MINIMAL_DRAFT.replace("year: 2024", f"year: {written}")
    root = make_project(tmp_path, {"letterkit.yaml": "output: build\n", "drafts/d.yaml": draft})
    done = run(root, "build")
    if read_as is None:  # a plain signed number is what it says; only its range is checked
        assert "wrong-type" not in done.stderr, done.stderr
        return
    out = assert_clean_failure(done, "wrong-type")
    assert f"'{written}'" in out and not (root / "build" / "d.docx").exists()


def test_fix_never_replaces_a_symlinked_draft_by_a_copy(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(MINIMAL_DRAFT.replace("做好相关工作。", "做好相关工作,"), encoding="utf-8")
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", "drafts/d.yaml": MINIMAL_DRAFT})
    link = root / "drafts" / "link.yaml"
    os.symlink(outside, link)
    before = outside.read_bytes()
    done = run(root, "check", "--fix")
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "符号链接" in said and "path-outside" in said, said
    assert link.is_symlink() and outside.read_bytes() == before


@pytest.mark.parametrize("expression, what", [("1/0", "除以零"), ("'a'|format(1, 2)", "值的类型不对"),
                                              ("[].pop()", "下标超出范围"), ("{}['x']", None)])
def test_a_template_failing_at_run_time_is_named_at_its_line(tmp_path, expression, what):
    template = ('{% extends "builtin/reply.j2" %}\n{% block closing %}\n'
                f"p {{{{ {expression} }}}}\n{{% endblock %}}\n")
    root = make_project(tmp_path, {"letterkit.yaml": "output: build\n", "drafts/d.yaml": MINIMAL_DRAFT,
                                   "templates/reply.j2": template})
    for command in ("build", "check"):
        done = run(root, command)
        out = done.stdout + done.stderr
        assert done.returncode == 1 and "Traceback" not in out and "internal-error" not in out, out
        if command == "build":
            assert "templates/reply.j2:3: 错误 " in out, out
            assert what is None or what in out, out


def test_import_refuses_a_device_a_pipe_and_a_huge_file(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as file:
        file.truncate(5_000_000)  # sparse: five megabytes of NUL cost no disk
    for path, code in ((Path("/dev/zero"), "not-a-file"), (pipe, "not-a-file"), (huge, "input-too-large")):
        assert_clean_failure(run(tmp_path, "import", str(path)), code)


@pytest.mark.parametrize("character", ["\u200e", "\u200f", "\u061c", "\u00ad", "\u034f", "\u180e", "\u2064",
                                       "\u115f", "\ufff9", "\U0010ffff"])
def test_invisible_marks_never_pass_into_the_letter(tmp_path, character):
    draft = MINIMAL_DRAFT.replace("  - 下一步", f'  - "下一步\\U{ord(character):08X}"\n  - 再下一步')
    root = make_project(tmp_path, {"letterkit.yaml": "output: build\n", "drafts/d.yaml": draft})
    out = assert_clean_failure(run(root, "build"), "bad-character")
    assert f"U+{ord(character):04X}" in out
    if ord(character) == 0x10FFFF:
        assert "非字符" in out


@pytest.mark.parametrize("signum", [15, 1], ids=["SIGTERM", "SIGHUP"])
def test_a_kill_during_a_plain_build_stops_the_workers_quietly_and_keeps_the_records(tmp_path, signum):
    import signal
    import subprocess
    import sys

    files = {"letterkit.yaml": "output: build\n"}
    for index in range(120):
        files[f"drafts/d{index:03d}.yaml"] = MINIMAL_DRAFT.replace("seq: 7", f"seq: {index + 1}").replace(
            'id: "0012"', f'id: "{index + 1:04d}"')
    root = make_project(tmp_path, files)
    process = subprocess.Popen([sys.executable, "-m", "letterkit", "build", "-j", "2"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert "→" in process.stdout.readline()  # the first letter is written: the pool is at work
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err
    assert "Traceback" not in err and "已终止" in err, err
    assert not list((root / "build").rglob("*.tmp"))
    again = run(root, "build")
    summary = re.search(r"已生成 (\d+)，未改动 (\d+)，失败 0", again.stdout + again.stderr)
    assert again.returncode == 0 and summary, again.stdout + again.stderr
    assert int(summary[2]) > 0  # the letters built before the kill were recorded: not built again
    assert len(list((root / "build").glob("*.docx"))) == 120


def test_a_drafts_subfolder_linked_out_of_the_project_is_reported_not_skipped(tmp_path):
    outside = make_project(tmp_path / "elsewhere", {"x.yaml": MINIMAL_DRAFT})
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n",
                                         "drafts/d.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 8")})
    os.symlink(outside, root / "drafts" / "linked")
    for command in ("build", "check"):
        done = run(root, command)
        said = done.stdout + done.stderr
        assert done.returncode == 1 and "drafts/linked/x.yaml" in said and "path-outside" in said, said
    assert not (root / "build" / "linked").exists()


def test_an_output_subfolder_linked_out_of_the_output_is_never_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", "drafts/sub/d.yaml": MINIMAL_DRAFT})
    (root / "build").mkdir()
    os.symlink(elsewhere, root / "build" / "sub")
    out = assert_clean_failure(run(root, "build"), "path-outside")
    assert "build/sub" in out and not list(elsewhere.iterdir())


def test_new_run_six_times_at_once_hands_out_six_numbers(tmp_path):
    import subprocess
    import sys

    done = run(tmp_path, "init", "p", "--department", "d1", "--organ", "深圳市福田区民政局",
               "--short-name", "福田区民政局", "--code", "福民函")
    assert done.returncode == 0, done.stderr
    root = tmp_path / "p"
    processes = [subprocess.Popen([sys.executable, "-m", "letterkit", "new", "--kind", "建议", "--id", f"P{k}",
                                   "--title", f"关于第{k}件的建议", "--name", "王", "--session", "会"],
                                  cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for k in range(6)]
    assert all(p.wait(timeout=120) == 0 for p in processes)
    numbers = [line.split("#")[0].strip() for path in (root / "drafts").rglob("*.yaml")
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith("seq:")]
    assert len(numbers) == 7 and len(set(numbers)) == 7, numbers  # init's sample and the six


@pytest.mark.render
def test_a_kill_during_check_render_leaves_no_temporary_folders(tmp_path):
    import shutil
    import subprocess
    import sys
    import time

    from conftest import require_soffice

    require_soffice()
    files = {"letterkit.yaml": "output: build\n"}
    for index in range(6):
        files[f"drafts/d{index}.yaml"] = MINIMAL_DRAFT.replace("seq: 7", f"seq: {index + 1}").replace(
            'id: "0012"', f'id: "{index + 1:04d}"')
    root = make_project(tmp_path / "p", files)
    assert run(root, "build").returncode == 0
    private = tmp_path / "tmp"
    private.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "letterkit", "check", "--render", "build"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "TMPDIR": str(private)})
    deadline = time.monotonic() + 60
    def measuring() -> bool:  # LibreOffice done, the PDFs being measured (pdftoppm, pdfplumber)
        return bool(list(private.glob("letterkit-check-*/*.pdf"))) and not list(private.glob("letterkit-lo-*"))

    while not measuring() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.terminate()
    out, err = process.communicate(timeout=120)
    assert process.returncode in (143, 0, 1), err  # 0/1: it finished before the signal
    assert "Traceback" not in err, err
    time.sleep(1)
    left = [p.name for p in private.iterdir()  # ours; lu*.tmp are LibreOffice's own, killed with it
            if p.name.startswith(("letterkit-check-", "letterkit-lo-")) or (p.is_dir() and p.name.startswith("tmp"))]
    shutil.rmtree(private, ignore_errors=True)
    assert not left, left


@pytest.mark.invalid_docx  # the bomb is made from a letter on purpose
def test_import_of_a_word_file_with_an_entity_bomb_answers_in_chinese(tmp_path):
    import zipfile

    from letterkit.build import build_draft
    from letterkit.project import open_project

    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", "drafts/d.yaml": MINIMAL_DRAFT})
    letter = build_draft(root / "drafts" / "d.yaml", open_project(root), root / "build").output
    entities = '<!ENTITY a "' + "a" * 100 + '">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh"))
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(letter) as source, zipfile.ZipFile(bomb, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = data.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&h;", 1)
                data = f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'.encode() + body
            out.writestr(item, data)
    for command in ("import", "textconv"):
        out = assert_clean_failure(run(tmp_path, command, str(bomb)), "not-docx")
        assert "amplification" not in out
