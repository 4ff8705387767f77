"""Incremental builds that never lie and never destroy: a save during a build, coarse file times
under --watch, two drafts for one output, --clean, letters touched up in Word, --pdf after a
failure, damaged manifests, leftovers of a killed build, Ctrl-C, two builds at once, a full disk.
The fault-injection tests run everywhere, CI included (the real full disk needs root: a tmpfs)."""

from __future__ import annotations

import errno
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from letterkit import build as build_module, manifest as manifest_module, write as write_module
from letterkit.batch import Batch
from letterkit.cli import cli
from letterkit.manifest import MANIFEST, Manifest
from letterkit.project import open_project
from letterkit.textconv import to_text

from conftest import MINIMAL_DRAFT, REPO, make_project

SEAL = (REPO / "drafts" / "seals" / "sample-seal.png").read_bytes()


def draft(seq=7, **extra) -> str:
    text = MINIMAL_DRAFT.replace("organ:\n  name: 测试市测试区教育局\n  code: 测教函\n", "")
    return text.replace("seq: 7", f"seq: {seq}") + "".join(f"{k}: {v}\n" for k, v in extra.items())


def new_tree(root: Path, count: int = 3) -> Path:
    """A project of `count` drafts of department d (profile d extends district, own template, a seal)."""
    files = {
        "letterkit.yaml": "output: build\n",
        "profiles/district.yaml": "categories: {A: 已解决}\n",
        "profiles/d.yaml": "extends: district\norgan:\n  name: 测试市测试区教育局\n  code: 测教函\n",
        "templates/d/reply.j2": '{% extends "builtin/reply.j2" %}{% block note %}（联系人：{{ contact.name }}）{% endblock %}\n',
    }
    for i in range(count):
        files[f"drafts/l{i:02d}.yaml"] = draft(seq=i + 1, department="d", seal="seal.png")
    make_project(root, files)
    (root / "drafts" / "seal.png").write_bytes(SEAL)
    return root


@pytest.fixture
def tree(tmp_path):
    return new_tree(tmp_path / "p")


def run(root, output=None, **options):
    project = open_project(root)
    drafts = options.pop("drafts", None) or project.drafts()
    batch = Batch(drafts, project, output, jobs=options.pop("jobs", 1), **options)
    outcomes = list(batch.run())
    return {o.draft.stem: o for o in outcomes}, batch.summary


def built(outcomes) -> set[str]:
    return {name for name, o in outcomes.items() if o.status == "built"}


def letterkit(*args, cwd, **popen):
    return subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, **popen)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# 1. A save during a build ------------------------------------------------------------------------

SAVES = [  # (what is saved, file, old text, new text, what the letter then says)
    ("the draft", "drafts/l00.yaml", "张三", "王五", "王五"),
    ("its profile", "profiles/d.yaml", "教育局", "教体局", "教体局"),
    ("the profile it extends", "profiles/district.yaml", "categories: {A: 已解决}\n",
     "categories: {A: 已解决}\ncontact: {name: 赵六, phone: '82345679'}\n", None),
    ("its template", "templates/d/reply.j2", "联系人：", "联系人为", "联系人为"),
    ("the project file", "letterkit.yaml", "output: build\n", "output: build\ndefaults: {cc: [某某办公室]}\n", "某某办公室"),
]


@pytest.mark.parametrize("what, name, old, new, shows", SAVES, ids=[s[0] for s in SAVES])
def test_a_file_saved_during_a_build_is_built_again_by_the_next(tree, monkeypatch, what, name, old, new, shows):
    """The save lands after the build read its inputs and before it ends (the moment the old
    manifest hashed them): the next build must see the change and build the letter again."""
    run(tree)
    replace_in(tree / "drafts/l00.yaml", "date: 2024-05-06", "date: 2024-05-07")  # l00 is rebuilt…
    original = write_module.to_bytes

    def to_bytes_then_save(document, when):
        if not saved:
            saved.append(1)
            replace_in(tree / name, old, new)  # …and the clerk saves while it is being written
        return original(document, when)

    saved: list = []
    monkeypatch.setattr(write_module, "to_bytes", to_bytes_then_save)
    outcomes, _ = run(tree, drafts=[tree / "drafts/l00.yaml"])
    assert saved and built(outcomes) == {"l00"}
    monkeypatch.setattr(write_module, "to_bytes", original)
    outcomes, _ = run(tree)
    assert "l00" in built(outcomes), f"{what} saved during the build was recorded as built"
    if shows:
        assert shows in to_text(tree / "build/l00.docx")
    assert built(run(tree)[0]) == set()


def test_a_seal_saved_during_a_build_is_built_again_by_the_next(tree, monkeypatch):
    run(tree)
    replace_in(tree / "drafts/l00.yaml", "date: 2024-05-06", "date: 2024-05-07")
    original = write_module.to_bytes

    def to_bytes_then_save(document, when):
        (tree / "drafts/seal.png").write_bytes(SEAL + b"\0")
        return original(document, when)

    monkeypatch.setattr(write_module, "to_bytes", to_bytes_then_save)
    run(tree, drafts=[tree / "drafts/l00.yaml"])
    monkeypatch.setattr(write_module, "to_bytes", original)
    assert built(run(tree)[0]) == {"l00", "l01", "l02"}  # every letter with that seal


def test_a_profile_saved_twice_during_a_parallel_batch_leaves_no_letter_with_the_old_phone(tmp_path):
    """The issue's case, with real workers: whatever each letter read, after the next build
    every letter has the last saved phone number."""
    files = {"letterkit.yaml": "output: build\n",
             "profiles/d.yaml": "organ:\n  name: 测试市测试区教育局\n  code: 测教函\ncontact: {name: 李四, phone: '82345678'}\n"}
    for i in range(30):
        files[f"drafts/l{i:02d}.yaml"] = draft(seq=i + 1, department="d").replace("contact:\n  name: 李四\n  phone: \"82345678\"\n", "")
    root = make_project(tmp_path / "p", files)
    process, _ = start_and_wait_for_letters(root, 3, "-j", "2")
    replace_in(root / "profiles/d.yaml", "82345678", "82345670")
    time.sleep(0.3)
    replace_in(root / "profiles/d.yaml", "82345670", "82345679")
    _, err = process.communicate(timeout=300)
    assert process.returncode in (0, 1) and "Traceback" not in err  # 1: a draft read the profile half saved
    assert letterkit("build", cwd=root).returncode == 0
    stale = [p.name for p in sorted((root / "build").glob("*.docx")) if "82345679" not in to_text(p)]
    assert stale == []


# 2. Coarse file times (FAT, exFAT, SMB) --------------------------------------------------------------
# Emulated: the file's time is set back to the same whole second after a same-size save, which is
# what a file system with 1–2 s times keeps (no mkfs.vfat here for a loop-mounted FAT image).

def coarse_save(path: Path, old: str, new: str) -> None:
    """A same-size save that keeps the file's time (whole seconds) and size."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    replace_in(path, old, new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def whole_second(path: Path) -> None:
    second = int(path.stat().st_mtime) * 10**9
    os.utime(path, ns=(second, second))


@pytest.mark.parametrize("name, old, new", [("drafts/l01.yaml", "张三", "王五"),
                                            ("profiles/d.yaml", "教育局", "教体局"),
                                            ("templates/d/reply.j2", "联系人：", "联系电：")])
def test_paths_reported_changed_are_hashed_again_whatever_their_time(tree, name, old, new):
    from letterkit.watch import forget

    whole_second(tree / name)
    run(tree)
    assert built(run(tree)[0]) == set()  # this process now remembers the digests by time and size
    coarse_save(tree / name, old, new)
    assert built(run(tree)[0]) == set()  # time and size alike: this process still trusts its digest…
    forget({tree / name})                # …until the watcher says the file changed
    rebuilt = built(run(tree)[0])
    assert rebuilt and (rebuilt == {"l01"} if name.startswith("drafts") else rebuilt == {"l00", "l01", "l02"})
    assert new in to_text(tree / "build/l01.docx") or name.startswith("templates") and "联系电" in to_text(tree / "build/l01.docx")


class Watching:
    """`letterkit build --watch` in the background, its lines read as they come."""

    def __init__(self, root: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "letterkit", "build", "--watch", "-j", "1"], cwd=root,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(l.rstrip("\n")) for l in self.process.stdout],
                         daemon=True).start()

    def wait_for(self, pattern: str, seconds: float = 30) -> list[str]:
        seen, end = [], time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if re.search(pattern, line):
                return seen
        raise AssertionError(f"no line matching {pattern!r}; saw {seen}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def test_watch_builds_a_same_second_same_size_save(tree):
    whole_second(tree / "drafts/l01.yaml")
    run(tree)
    watching = Watching(tree)
    try:
        watching.wait_for("监视")
        time.sleep(0.5)
        coarse_save(tree / "drafts/l01.yaml", "张三", "王五")
        seen = watching.wait_for(r"已生成 1，")
        assert "drafts/l01.yaml → build/l01.docx" in seen
        assert "王五" in to_text(tree / "build/l01.docx")
    finally:
        watching.stop()


# 3. Two drafts, one output ----------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [("x.yaml", "x.yml"), ("x.yml", "x.yaml"), ("sub/x.yaml", "sub/x.yml")])
def test_two_drafts_for_one_output_are_both_refused_naming_each_other(tmp_path, first, second):
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", f"drafts/{first}": MINIMAL_DRAFT,
                                         f"drafts/{second}": MINIMAL_DRAFT.replace("张三", "王五")})
    for _ in range(2):  # and again: neither wins on a second build
        done = letterkit("build", cwd=root)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        lines = [l for l in done.stderr.splitlines() if "same-output" in l]
        assert len(lines) == 2 and all(f"drafts/{first}" in l and f"drafts/{second}" in l for l in lines)
        assert not list((root / "build").rglob("*.docx"))


def test_a_draft_named_alone_does_not_take_the_output_of_another(tmp_path):
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", "drafts/x.yaml": MINIMAL_DRAFT})
    assert letterkit("build", cwd=root).returncode == 0
    letter = (root / "build/x.docx").read_bytes()
    (root / "drafts/x.yml").write_text(MINIMAL_DRAFT.replace("张三", "王五"), encoding="utf-8")
    done = letterkit("build", "drafts/x.yml", cwd=root)
    assert done.returncode == 1 and "drafts/x.yaml" in done.stderr and "same-output" in done.stderr
    assert (root / "build/x.docx").read_bytes() == letter


def test_a_renamed_draft_takes_over_its_output(tmp_path):
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", "drafts/x.yaml": MINIMAL_DRAFT})
    assert letterkit("build", cwd=root).returncode == 0
    (root / "drafts/x.yaml").rename(root / "drafts/x.yml")
    done = letterkit("build", "--clean", cwd=root)
    assert done.returncode == 0 and "孤儿" not in done.stdout + done.stderr and (root / "build/x.docx").is_file()


# 4. --clean ------------------------------------------------------------------------------------------

def test_clean_deletes_only_unchanged_letters_it_wrote_inside_the_output_folder(tree, tmp_path):
    run(tree)
    outside = tmp_path / "outside.docx"
    outside.write_bytes(b"a file of someone else")
    above = tree / "notes.docx"
    above.write_bytes(b"the clerk's own notes")
    path = tree / "build" / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = data["projects"][".."]
    template = entries["drafts/l00.yaml"]
    forged = {  # entries of drafts that are gone, naming files letterkit did not write
        "drafts/gone-absolute.yaml": dict(template, output=str(outside), output_digest=manifest_module.digest(outside)),
        "drafts/gone-above.yaml": dict(template, output="build/../notes.docx", output_digest=manifest_module.digest(above)),
    }
    entries.update(forged)
    path.write_text(json.dumps(data), encoding="utf-8")
    for name in ("l00", "l01", "l02"):
        (tree / f"drafts/{name}.yaml").unlink()
    (tree / "build/l01.docx").write_bytes(b"touched up in Word")   # changed since: kept
    (tree / "build/l02.pdf").write_bytes(b"a PDF letterkit has no record of")  # kept
    (tree / "drafts/l03.yaml").write_text(draft(seq=9, department="d"), encoding="utf-8")
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        result = runner.invoke(cli, ["build", "--clean", "-j", "1"])
    finally:
        os.chdir(cwd)
    out = result.output
    assert result.exit_code == 0, out
    assert outside.read_bytes() == b"a file of someone else" and above.read_bytes() == b"the clerk's own notes"
    assert not (tree / "build/l00.docx").exists() and not (tree / "build/l02.docx").exists()
    assert (tree / "build/l01.docx").read_bytes() == b"touched up in Word" and (tree / "build/l02.pdf").exists()
    for shown, reason in [("build/l00.docx", "已删除"), ("build/l02.docx", "已删除"), ("build/l01.docx", "被改过"),
                          ("build/l02.pdf", "没有记录"), (str(outside), "不在输出目录之内"), ("notes.docx", "不在输出目录之内")]:
        assert re.search(re.escape(shown) + "：草稿已不存在，.*" + reason, out), (shown, out)


def test_clean_deletes_a_pdf_it_made(tree, monkeypatch):
    made = []

    def fake_to_pdf(documents, *args, **kwargs):
        for d in documents:
            d.with_suffix(".pdf").write_bytes(b"%PDF " + d.name.encode())
            made.append(d.with_suffix(".pdf"))
        return made

    monkeypatch.setattr("letterkit.pdf.to_pdf", fake_to_pdf)
    monkeypatch.setattr("letterkit.pdf.font_substitutions", lambda names: [])
    monkeypatch.chdir(tree)
    assert CliRunner().invoke(cli, ["build", "--pdf", "-j", "1"]).exit_code == 0
    (tree / "drafts/l00.yaml").unlink()
    result = CliRunner().invoke(cli, ["build", "--clean", "-j", "1"])
    assert result.exit_code == 0 and not (tree / "build/l00.pdf").exists() and not (tree / "build/l00.docx").exists()


def test_two_projects_sharing_an_output_folder_keep_each_others_letters(tmp_path):
    shared = tmp_path / "shared"
    a = new_tree(tmp_path / "a", 2)
    b = make_project(tmp_path / "b", {"letterkit.yaml": "output: build\n", "drafts/b0.yaml": MINIMAL_DRAFT})
    assert letterkit("build", "-o", str(shared), cwd=a).returncode == 0
    letters = {p.name: p.read_bytes() for p in shared.glob("*.docx")}
    assert set(letters) == {"l00.docx", "l01.docx"}
    done = letterkit("build", "--clean", "-o", str(shared), cwd=b)
    assert done.returncode == 0 and "删除" not in done.stdout + done.stderr
    assert {p.name: p.read_bytes() for p in shared.glob("*.docx") if p.name != "b0.docx"} == letters
    again = letterkit("build", "-o", str(shared), cwd=a)  # and a's records survived b's build
    assert again.returncode == 0 and "已生成 0，未改动 2" in again.stdout + again.stderr
    (b / "drafts/l00.yaml").write_text(MINIMAL_DRAFT, encoding="utf-8")  # b now wants a's letter's name
    done = letterkit("build", "-o", str(shared), cwd=b)
    assert done.returncode == 1 and "same-output" in done.stderr and str(a / "drafts/l00.yaml") in done.stderr
    assert (shared / "l00.docx").read_bytes() == letters["l00.docx"]



@pytest.mark.parametrize("gone", ["moved", "deleted"])
def test_a_project_moved_or_deleted_leaves_its_letters_in_a_shared_folder_free(tmp_path, gone):
    """The tester's case: init, build -o a shared folder, rename the project, build again: refused
    with same-output naming a draft that no longer exists, and --force did not help."""
    shared = tmp_path / "shared"
    a = new_tree(tmp_path / "a", 2)
    assert letterkit("build", "-o", str(shared), cwd=a).returncode == 0
    letters = {p.name: p.read_bytes() for p in shared.glob("*.docx")}
    if gone == "moved":
        b = a.rename(tmp_path / "b")
    else:
        b = new_tree(tmp_path / "b", 2)  # another project with the same drafts' names
        for path in sorted(a.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    done = letterkit("build", "-o", str(shared), cwd=b)
    assert done.returncode == 0 and "same-output" not in done.stderr, done.stderr
    assert {p.name for p in shared.glob("*.docx")} == set(letters)
    assert letterkit("build", "-o", str(shared), cwd=b).stdout.count("未改动") >= 1

# 5. A letter touched up in Word --------------------------------------------------------------------------

EDITS = {"bytes": lambda data: b"edited", "a changed member": lambda data: data[:-30] + b"\0" * 30,
         "the same size": lambda data: data[:100] + bytes([data[100] ^ 1]) + data[101:]}


@pytest.mark.invalid_docx  # the "edited" letters are damaged on purpose
@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
@pytest.mark.parametrize("draft_changed", [False, True], ids=["nothing else changed", "the draft changed too"])
def test_a_letter_changed_in_word_is_kept_and_said_so_and_force_moves_it_aside(tree, edit, draft_changed):
    run(tree)
    letter = tree / "build/l01.docx"
    edited = EDITS[edit](letter.read_bytes())
    letter.write_bytes(edited)
    if draft_changed:
        replace_in(tree / "drafts/l01.yaml", "张三", "王五")
    for _ in range(2):  # kept, and kept again
        outcomes, summary = run(tree)
        assert outcomes["l01"].status == "failed" and letter.read_bytes() == edited
        [problem] = outcomes["l01"].problems
        assert problem.code == "edited-output" and re.search(r"letterkit import \S*build/l01.docx -o \S*drafts/l01.yaml", problem.hint)
        assert summary.failed == 1 and built(outcomes) == set()
    outcomes, _ = run(tree, force=True)
    aside = tree / "build/l01.word-edited.docx"
    assert outcomes["l01"].aside == aside and aside.read_bytes() == edited
    assert letter.read_bytes() != edited and zipfile.is_zipfile(letter)
    assert ("王五" in to_text(letter)) == draft_changed
    assert built(run(tree)[0]) == set()


def test_without_a_record_a_different_letter_is_moved_aside_not_lost(tree):
    run(tree)
    (tree / "build" / MANIFEST).unlink()
    letter = tree / "build/l01.docx"
    letter.write_bytes(b"edited while the records were lost")
    (tree / "build/l01.word-edited.docx").write_bytes(b"an earlier copy")
    outcomes, _ = run(tree)
    assert built(outcomes) == {"l00", "l01", "l02"}
    assert (tree / "build/l01.word-edited-2.docx").read_bytes() == b"edited while the records were lost"
    assert (tree / "build/l01.word-edited.docx").read_bytes() == b"an earlier copy"


def test_records_of_the_previous_format_still_protect_letters_edited_in_word(tree):
    """After upgrading letterkit: its old one-project manifest is read, so an edited letter is kept."""
    run(tree)
    path = tree / "build" / MANIFEST
    entries = json.loads(path.read_text(encoding="utf-8"))["projects"][".."]
    path.write_text(json.dumps({"letterkit": "0.2.0", "code": "an older letterkit", "drafts": entries}), encoding="utf-8")
    (tree / "build/l01.docx").write_bytes(b"edited")
    outcomes, summary = run(tree)
    assert built(outcomes) == {"l00", "l02"} and outcomes["l01"].problems[0].code == "edited-output"
    assert summary.warnings == [] and (tree / "build/l01.docx").read_bytes() == b"edited"


def test_the_cli_says_what_it_kept_and_exits_1(tree):
    assert letterkit("build", cwd=tree).returncode == 0
    (tree / "build/l00.docx").write_bytes(b"edited")
    done = letterkit("build", cwd=tree)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert re.search(r"build/l00.docx: 错误 edited-output .*letterkit import build/l00.docx -o drafts/l00.yaml", done.stderr)
    done = letterkit("build", "--force", cwd=tree)
    assert done.returncode == 0 and "已改名为 build/l00.word-edited.docx 保留" in done.stderr


# 9. --pdf after a failure --------------------------------------------------------------------------------

def test_pdf_is_not_made_from_the_old_letter_of_a_draft_that_just_failed(tree, monkeypatch):
    asked = []

    def fake_to_pdf(documents, *args, **kwargs):
        asked.extend(documents)
        for d in documents:
            d.with_suffix(".pdf").write_bytes(b"%PDF")
        return [d.with_suffix(".pdf") for d in documents]

    monkeypatch.setattr("letterkit.pdf.to_pdf", fake_to_pdf)
    monkeypatch.setattr("letterkit.pdf.font_substitutions", lambda names: [])
    monkeypatch.chdir(tree)
    assert CliRunner().invoke(cli, ["build", "-j", "1"]).exit_code == 0
    replace_in(tree / "drafts/l01.yaml", "seq: 2", "seq: 0")  # l01 now fails; its old .docx stays
    result = CliRunner().invoke(cli, ["build", "--pdf", "-j", "1"])
    assert result.exit_code == 1
    assert sorted(p.name for p in asked) == ["l00.docx", "l02.docx"]
    assert not (tree / "build/l01.pdf").exists() and "l01.pdf" not in result.output


# 21. Damaged manifests, leftovers, Ctrl-C, kill -9, two builds at once, a full disk ---------------------

WRONG_SHAPES = ["[]", '"text"', "null", "3", "{}", '{"projects": []}', '{"projects": {"..": []}}',
                '{"projects": {"..": {"drafts/l00.yaml": 3}}}', '{"projects": {"..": {"drafts/l00.yaml": {"output": 1}}}}',
                '{"projects": {"..": {"drafts/l00.yaml": {"output": "build/l00.docx", "output_digest": "x", "inputs": []}}}}',
                '{"drafts": []}', '{"drafts": {"drafts/l00.yaml": null}}', '{"code": 1, "drafts": {"a": {"inputs": {"b": 1}}}}']


@pytest.mark.parametrize("text", WRONG_SHAPES)
def test_a_manifest_of_the_wrong_shape_is_treated_as_none_with_a_warning(tree, text):
    run(tree)
    (tree / "build" / MANIFEST).write_text(text, encoding="utf-8")
    outcomes, summary = run(tree)
    assert built(outcomes) == {"l00", "l01", "l02"} and summary.failed == 0
    assert [w for w in summary.warnings if "bad-manifest" in w]
    outcomes, summary = run(tree)
    assert built(outcomes) == set() and summary.unchanged == 3 and summary.warnings == []


def test_the_cli_warns_about_a_damaged_manifest_and_builds(tree):
    assert letterkit("build", cwd=tree).returncode == 0
    (tree / "build" / MANIFEST).write_text('{"projects": {"..": []}}', encoding="utf-8")
    done = letterkit("build", cwd=tree)
    assert done.returncode == 0 and "Traceback" not in done.stderr and "内部错误" not in done.stderr
    assert re.search(r"build/\.letterkit-manifest\.json: 警告 bad-manifest", done.stderr)
    assert "已生成 3，未改动 0，失败 0" in done.stdout


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                               st.sampled_from(["projects", "drafts", "..", "code", "output", "output_digest", "inputs",
                                                "drafts/l00.yaml", "build/l00.docx", "stale", "pdf_digest"]), inner, max_size=4),
                           max_leaves=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=json_values)
def test_any_json_in_the_manifest_never_stops_a_build(tmp_path_factory, value):
    root = tmp_path_factory.mktemp("any")
    make_project(root, {"letterkit.yaml": "output: build\n", "drafts/l00.yaml": MINIMAL_DRAFT})
    (root / "build").mkdir()
    (root / "build" / MANIFEST).write_text(json.dumps(value), encoding="utf-8")
    outcomes, summary = run(root)
    assert outcomes["l00"].status in ("built", "unchanged") and summary.failed == 0


def test_leftover_temporary_files_are_removed_only_when_ours_and_no_build_is_running(tree):
    run(tree)
    build = tree / "build"
    ours = [build / ".l00.docx.ab12cd_9.tmp", build / f".{MANIFEST}.zz99zz99.tmp"]
    theirs = [build / ".l00.docx.tmp", build / "l00.docx.ab12cd_9.tmp", build / ".notes.txt.ab12cd_9.tmp",
              build / ".l00.docx.AB12CD_9.tmp"]
    for path in ours + theirs:
        path.write_bytes(b"half a letter")
    link = build / ".l01.docx.ab12cd_8.tmp"
    link.symlink_to(tree / "drafts/l01.yaml")
    import fcntl

    with open(build / ".letterkit-build.lock", "a+b") as other:  # another build is running here
        fcntl.flock(other, fcntl.LOCK_SH)
        _, summary = run(tree)
        assert summary.leftovers == 0 and all(p.exists() for p in ours)
    _, summary = run(tree)
    assert summary.leftovers == 2 and not any(p.exists() for p in ours)
    assert all(p.exists() for p in theirs) and link.is_symlink() and (tree / "drafts/l01.yaml").is_file()


def test_two_manifests_loaded_at_once_merge_their_records(tree):
    """Two builds that both started from the same records each add their own letters."""
    project = open_project(tree)
    first, second = Manifest(tree / "build", tree), Manifest(tree / "build", tree)
    first.record(tree / "drafts/l00.yaml", tree / "build/l00.docx", {}, "a")
    second.record(tree / "drafts/l01.yaml", tree / "build/l01.docx", {}, "b")
    first.save()
    second.save()
    assert set(Manifest(tree / "build", project.root).entries) == {"drafts/l00.yaml", "drafts/l01.yaml"}


def big_tree(root: Path, count: int) -> Path:
    files = {"letterkit.yaml": "output: build\n"}
    for i in range(count):
        files[f"drafts/{'a' if i % 2 else 'b'}/l{i:03d}.yaml"] = MINIMAL_DRAFT.replace("seq: 7", f"seq: {i + 1}")
    return make_project(root, files)


def assert_nothing_half_written(root: Path) -> None:
    """Every letter present is a whole .docx; no temporary file; the manifest is JSON or absent."""
    for letter in (root / "build").rglob("*.docx"):
        with zipfile.ZipFile(letter) as archive:
            assert archive.testzip() is None
    assert not [p for p in (root / "build").rglob("*.tmp")]
    if (root / "build" / MANIFEST).exists():
        json.loads((root / "build" / MANIFEST).read_text(encoding="utf-8"))


def test_two_builds_at_once_keep_each_others_records(tmp_path):
    root = big_tree(tmp_path / "p", 24)
    builds = [subprocess.Popen([sys.executable, "-m", "letterkit", "build", f"drafts/{part}", "-j", "1"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for part in ("a", "b")]
    for process in builds:
        process.communicate(timeout=300)
        assert process.returncode == 0
    done = letterkit("build", cwd=root)
    assert "已生成 0，未改动 24，失败 0" in done.stderr + done.stdout
    assert_nothing_half_written(root)


def start_and_wait_for_letters(root: Path, letters: int, *args) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen([sys.executable, "-m", "letterkit", "build", *args], cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    seen = []
    for line in process.stdout:
        seen.append(line)
        if len(seen) >= letters:
            return process, seen
    raise AssertionError(f"the build ended before {letters} letters: {process.stderr.read()}")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_batch_exits_130_quietly_and_keeps_what_was_built(tmp_path, jobs):
    root = big_tree(tmp_path / "p", 40)
    process, seen = start_and_wait_for_letters(root, 3, "-j", jobs)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal does: the whole foreground group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err and "已中断" in err
    assert_nothing_half_written(root)
    done = letterkit("build", cwd=root)
    counts = re.search(r"已生成 (\d+)，未改动 (\d+)，失败 0", done.stderr + done.stdout)
    assert counts and int(counts[1]) + int(counts[2]) == 40 and int(counts[2]) >= 3  # the letters built stayed recorded


def test_a_plain_kill_mid_batch_leaves_no_temporary_file(tmp_path):
    """SIGTERM to every process (a shutdown, `kill`): each waits for the letter it is writing."""
    root = big_tree(tmp_path / "p", 40)
    process, _ = start_and_wait_for_letters(root, 3, "-j", "2")
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)
    time.sleep(0.5)  # the workers, ending after their letter
    assert_nothing_half_written(root)


def test_kill_9_mid_batch_leaves_nothing_half_written_and_the_next_build_mends_all(tmp_path):
    root = big_tree(tmp_path / "p", 40)
    process, _ = start_and_wait_for_letters(root, 3, "-j", "2")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    (root / "build/a/.l001.docx.k9k9k9k9.tmp").write_bytes(b"PK half")  # as a kill inside write_atomic leaves
    done = letterkit("build", cwd=root)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "临时文件" in done.stderr
    assert_nothing_half_written(root)
    assert len(list((root / "build").rglob("*.docx"))) == 40
    assert "已生成 0，未改动 40" in (lambda d: d.stdout + d.stderr)(letterkit("build", cwd=root))


def reference_letters(tmp_path: Path, root: Path) -> dict[str, bytes]:
    out = tmp_path / "roomy"
    assert letterkit("build", "-o", str(out), cwd=root).returncode == 0
    return {p.name: p.read_bytes() for p in out.glob("*.docx")}


def check_full_disk(output: Path, root: Path, expected: dict[str, bytes], done) -> None:
    assert done.returncode == 1 and "Traceback" not in done.stderr and "内部错误" not in done.stderr
    assert re.search(r"错误 write-error 无法写入文件", done.stderr)
    letters = {p.name: p.read_bytes() for p in output.glob("*.docx")}
    assert letters and len(letters) < len(expected)
    assert all(data == expected[name] for name, data in letters.items())  # whole, never half
    assert not list(output.glob(".*.tmp"))


def test_a_full_disk_loses_nothing_and_the_next_build_finishes(tmp_path):
    """A real full disk: a 64 KiB tmpfs (needs root and mount, as in CI's container)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs needs root; test_an_emulated_full_disk covers the logic")
    root = big_tree(tmp_path / "p", 8)
    for path in root.glob("drafts/*/*.yaml"):
        path.rename(root / "drafts" / path.name)
    expected = reference_letters(tmp_path, root)
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        done = letterkit("build", "-o", str(disk), "-j", "1", cwd=root)
        check_full_disk(disk, root, expected, done)
        subprocess.run(["mount", "-o", "remount,size=4m", str(disk)], check=True)
        again = letterkit("build", "-o", str(disk), cwd=root)
        assert again.returncode == 0, again.stderr
        assert {p.name: p.read_bytes() for p in disk.glob("*.docx")} == expected
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_an_emulated_full_disk_loses_nothing(tmp_path, monkeypatch):
    """ENOSPC after a budget of bytes, in write_atomic's own writes: the same checks anywhere."""
    root = big_tree(tmp_path / "p", 6)
    for path in root.glob("drafts/*/*.yaml"):
        path.rename(root / "drafts" / path.name)
    expected = reference_letters(tmp_path, root)
    budget = [sum(sorted(len(v) for v in expected.values())[:2]) + 100]
    real_fdopen = os.fdopen

    class Disk:
        def __init__(self, file):
            self.file = file

        def write(self, data):
            if len(data) > budget[0]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            budget[0] -= len(data)
            return self.file.write(data)

        def __getattr__(self, name):
            return getattr(self.file, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.file.__exit__(*exc)

    monkeypatch.setattr(write_module.os, "fdopen", lambda *a, **k: Disk(real_fdopen(*a, **k)))
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["build", "-j", "1"])

    class Done:
        returncode, stderr = result.exit_code, result.output
    check_full_disk(root / "build", root, expected, Done)
    assert "manifest-not-saved" in result.output  # the records could not be written either: said so
    monkeypatch.setattr(write_module.os, "fdopen", real_fdopen)
    again = CliRunner().invoke(cli, ["build", "-j", "1"])
    assert again.exit_code == 0, again.output
    assert {p.name: p.read_bytes() for p in (root / "build").glob("*.docx")} == expected
