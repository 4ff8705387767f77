"""Issue 15, the independent re-test: what still broke after the first round of fixes — long
core properties, a draft symlinked to another, undecodable manifests, zip members lying about
their size, SIGTERM during --pdf, symlinked lock files, Ctrl-C under --watch, --clean's words,
upper-case .YAML drafts.  Each runs as a clerk would (the CLI), most in a subprocess."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import MINIMAL_DRAFT, make_project


def letterkit(*args, cwd, timeout=300, **popen):
    return subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, **popen)


def no_traceback(done) -> None:
    said = done.stdout + done.stderr
    assert "Traceback" not in said and "内部错误" not in said and "internal-error" not in said, said


def draft(seq=7, **replace) -> str:
    text = MINIMAL_DRAFT.replace("seq: 7", f"seq: {seq}")
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


def small_project(root: Path, count: int = 1) -> Path:
    make_project(root, {"letterkit.yaml": "output: build\n",
                        **{f"drafts/d{i}.yaml": draft(seq=i + 1) for i in range(count)}})
    return root


# 3. Undecodable manifests --------------------------------------------------------------------

UNDECODABLE = {
    "nested 3,000 deep": ("[" * 3000 + "]" * 3000).encode(),
    "nested objects": ('{"a":' * 3000 + "1" + "}" * 3000).encode(),
    "UTF-16 garbage": b"\xff\xfe garbage",
    "Latin-1 bytes": '{"projects": {"..": {"é": 1}}}'.encode("latin-1"),
}


@pytest.mark.parametrize("name", UNDECODABLE)
def test_an_undecodable_manifest_is_warned_about_and_treated_as_none(tmp_path, name):
    root = small_project(tmp_path / "p")
    assert letterkit("build", cwd=root).returncode == 0
    (root / "build" / ".letterkit-manifest.json").write_bytes(UNDECODABLE[name])
    for command in (["status"], ["register", "-o", "reg.csv"], ["build"]):
        done = letterkit(*command, cwd=root)
        no_traceback(done)
        assert "RecursionError" not in done.stderr
        if command == ["build"]:
            assert done.returncode == 0, done.stderr
            assert "警告 bad-manifest" in done.stderr
            assert "已生成 1，未改动 0，失败 0" in done.stdout
    done = letterkit("build", cwd=root)  # rewritten: a sound manifest again
    assert done.returncode == 0 and "bad-manifest" not in done.stderr and "未改动 1" in done.stdout


# 6. Lock files do not follow symlinks ----------------------------------------------------------

@pytest.mark.parametrize("lock", [".letterkit-build.lock", ".letterkit-manifest.lock"])
@pytest.mark.parametrize("target_exists", [False, True])
def test_a_symlinked_lock_file_creates_nothing_outside(tmp_path, lock, target_exists):
    root = small_project(tmp_path / "p")
    outside = tmp_path / "outside" / "file"
    outside.parent.mkdir()
    if target_exists:
        outside.write_text("keep me", encoding="utf-8")
    (root / "build").mkdir()
    (root / "build" / lock).symlink_to(outside)
    done = letterkit("build", cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert (root / "build" / "d0.docx").is_file()
    if target_exists:
        assert outside.read_text(encoding="utf-8") == "keep me"
    else:
        assert not outside.exists(), "the build created a file outside the project"
    assert not (root / "build" / lock).is_symlink()
    assert f"build/{lock}: 警告 lock-symlink" in done.stderr


# 1. Core properties longer than Word allows ----------------------------------------------------

TITLE = "关于加强校园安全和周边交通秩序管理工作的提案"  # 22 characters


def long_text(length: int) -> str:
    return (TITLE * (length // len(TITLE) + 1))[:length - 3] + "的提案"


@pytest.mark.parametrize("length", [255, 256, 300, 1000])
def test_a_long_title_and_organ_name_are_cut_in_the_properties_only(tmp_path, length):
    from docx import Document

    from letterkit.textconv import to_text

    title, organ = long_text(length), "测试市测试区" + "教育" * (length // 2) + "局"
    root = tmp_path / "p"
    make_project(root, {"letterkit.yaml": "output: build\n",
                        "drafts/t.yaml": draft(**{'id: "0012"': 'id: 无', "关于加强校园安全的提案": title,
                                                       "测试市测试区教育局": organ})})
    done = letterkit("build", cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    letter = root / "build" / "t.docx"
    props = Document(str(letter)).core_properties
    assert title[:200] in props.title and len(props.title) == min(255, len(title) + 4)  # 《关于…的提案》的答复, cut
    assert len(props.author) <= 255 and organ.startswith(props.author) and props.author
    assert props.last_modified_by == props.author
    assert "".join(to_text(letter).split()).count(title[-40:]) >= 1  # the letter keeps the whole title


# 2. A draft that is a symlink to another draft -------------------------------------------------

@pytest.mark.parametrize("where", ["drafts/b.yaml", "drafts/sub/b.yaml"])
def test_a_draft_symlinked_to_another_is_a_duplicate_number_in_build_and_check(tmp_path, where):
    root = small_project(tmp_path / "p")
    link = root / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(os.path.relpath(root / "drafts" / "d0.yaml", link.parent))
    for command in (["build"], [ "build", where], ["check"]):
        done = letterkit(*command, cwd=root)
        no_traceback(done)
        assert done.returncode == 1, done.stderr
        said = done.stderr + done.stdout
        assert re.search(rf"{re.escape(where)}:\d+:\d+: 错误 duplicate-number (?:草稿 \S+ 的)?发文字号 \S+ 已由 drafts/d0.yaml 使用", said), said
        if command != ["build", where]:
            assert re.search(r"drafts/d0.yaml:\d+:\d+: 错误 duplicate-number (?:草稿 \S+ 的)?发文字号 \S+ 已由 " + re.escape(where), said)
        assert not (root / "build" / Path(where).relative_to("drafts").with_suffix(".docx")).exists()


def test_a_draft_reached_through_a_symlinked_folder_is_not_its_own_duplicate(tmp_path):
    root = small_project(tmp_path / "p")
    (tmp_path / "alias").symlink_to(root)
    for command in ("build", "check"):
        done = letterkit(command, str(tmp_path / "alias" / "drafts" / "d0.yaml"), cwd=tmp_path)
        no_traceback(done)
        assert done.returncode == 0 and "duplicate-number" not in done.stderr, done.stderr
    done = letterkit("build", "./drafts/../drafts/d0.yaml", "--force", cwd=root)
    assert done.returncode == 0 and "duplicate-number" not in done.stderr, done.stderr


# 9. Upper-case .YAML drafts --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["X.YAML", "x.Yml", "sub/Y.Yaml", "z.yML"])
def test_upper_case_yaml_drafts_are_built_by_a_full_build(tmp_path, name):
    root = tmp_path / "p"
    make_project(root, {"letterkit.yaml": "output: build\n", f"drafts/{name}": draft(seq=3)})
    done = letterkit("build", cwd=root)
    no_traceback(done)
    assert done.returncode == 0 and "已生成 1，" in done.stdout, done.stdout + done.stderr
    assert (root / "build" / Path(name).with_suffix(".docx")).is_file()
    done = letterkit("check", cwd=root)
    assert "检查了 1 份草稿" in done.stderr, done.stderr


@pytest.mark.parametrize("first, second", [("x.yaml", "x.YAML"), ("x.YML", "x.yaml"), ("x.Yaml", "x.yml")])
def test_the_same_output_clash_sees_any_case(tmp_path, first, second):
    root = tmp_path / "p"
    make_project(root, {"letterkit.yaml": "output: build\n", f"drafts/{first}": draft(seq=3),
                        f"drafts/{second}": draft(seq=4)})
    done = letterkit("build", cwd=root)
    no_traceback(done)
    assert done.returncode == 1 and not (root / "build" / "x.docx").exists()
    for one, other in ((first, second), (second, first)):
        assert f"drafts/{one}: 错误 same-output drafts/{one} 和 drafts/{other} 都会生成 build/x.docx" in done.stderr


# 4. A zip member lying about its size ----------------------------------------------------------

def lying_docx(path: Path, real: int, claimed: int | None) -> Path:
    """A python-docx Word file whose document.xml holds `real` bytes of text while the zip's
    directory (central and local headers) says `claimed`."""
    import docx

    plain = path.with_name("plain.docx")
    document = docx.Document()
    document.add_paragraph("关于加强校园安全的提案的答复")
    document.save(str(plain))
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "word/document.xml":
                out.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</w:t>", 1)
            with out.open(info.filename, "w") as stream:
                stream.write(head)
                chunk = "答".encode() * (2**20 // 3)
                for _ in range(real // len(chunk)):
                    stream.write(chunk)
                stream.write(b"</w:t>" + tail)
    if claimed is None:
        return path
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    central = data.rindex(b"PK\x01\x02", 0, data.rindex(name))
    data[central + 24:central + 28] = claimed.to_bytes(4, "little")
    local = int.from_bytes(data[central + 42:central + 46], "little")
    data[local + 22:local + 26] = claimed.to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


@pytest.fixture(scope="module")
def liar(tmp_path_factory):
    return lying_docx(tmp_path_factory.mktemp("liar") / "liar.docx", 500 * 2**20, 20_000)


@pytest.mark.parametrize("command", [["import", "liar.docx", "-o", "liar.yaml"], ["textconv", "liar.docx"],
                                     ["check", "--render", "liar.docx"]])
def test_a_part_lying_about_its_size_is_refused_without_inflating_it(tmp_path, liar, command):
    from test_hostile_inputs import measured

    (tmp_path / "liar.docx").symlink_to(liar)
    run = measured(tmp_path, *command, limit_mb=2000)
    said = run["out"] + run["err"]
    print(f"{command[0]}: {liar.stat().st_size // 1024} KB zip claiming 20 KB for 500 MB, "
          f"peak {run['peak_mb']} MB, {run['seconds']:.2f} s")
    assert run["code"] == 1, said
    assert "Traceback" not in said and "内部错误" not in said and "BadZipFile" not in said
    assert re.search(r"(^|\n)liar\.docx: 错误 (not-docx|docx-too-large) Word 文件已损坏，无法读取其中的 word/document\.xml", said), said
    assert run["peak_mb"] < 300
    assert not (tmp_path / "liar.yaml").exists()


def test_an_honest_large_letter_still_reads_through_the_guard(tmp_path):
    """3 MB of text, its size told truly: checked chunk by chunk, then read."""
    lying_docx(tmp_path / "honest.docx", 3 * 2**20, None)
    done = letterkit("textconv", "honest.docx", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("关于加强校园安全的提案的答复答答答"), done.stderr


# 5. A kill during --pdf; a stale PDF after a failed render ---------------------------------------

@pytest.mark.parametrize("signame, code", [("SIGTERM", 143), ("SIGINT", 130), ("SIGHUP", 129)])
def test_a_kill_during_pdf_stops_libreoffice_and_removes_its_folder(tmp_path, signame, code):
    from test_hostile_inputs import _alive, _fake_renderer

    root = small_project(tmp_path / "p", 2)
    env, pids = _fake_renderer(tmp_path, "hang")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env["TMPDIR"] = str(temp)
    process = subprocess.Popen([sys.executable, "-m", "letterkit", "build", "--pdf"], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(temp.glob("letterkit-lo-*")), "LibreOffice's folder is made while it runs"
    process.send_signal(getattr(signal, signame))  # letterkit alone, as `kill <pid>` does
    _, err = process.communicate(timeout=60)
    wrapper, worker = map(int, pids.read_text().split())
    time.sleep(0.2)
    assert not _alive(wrapper) and not _alive(worker), "a LibreOffice process survived"
    assert list(temp.glob("letterkit-lo-*")) == [], "LibreOffice's temporary folder was left behind"
    assert process.returncode == code, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "已中断" in err or "已终止" in err
    assert (root / "build" / "d0.docx").is_file()


def test_a_failed_render_leaves_no_pdf_of_the_previous_text(tmp_path):
    from test_hostile_inputs import _fake_renderer

    root = small_project(tmp_path / "p", 2)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    slow, _ = _fake_renderer(tmp_path / "a", "slow")  # makes a PDF of each letter
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf"], cwd=root, env=slow,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and (root / "build" / "d0.pdf").is_file() and (root / "build" / "d1.pdf").is_file()
    draft_file = root / "drafts" / "d0.yaml"
    draft_file.write_text(draft_file.read_text(encoding="utf-8").replace("张三", "王五"), encoding="utf-8")
    failing, _ = _fake_renderer(tmp_path / "b", "leave")  # makes none
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf", "--pdf-timeout", "2"], cwd=root,
                          env=failing, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "render-failed" in done.stderr, done.stderr
    assert "王五" in letterkit("textconv", "build/d0.docx", cwd=root).stdout
    assert not (root / "build" / "d0.pdf").exists(), "the PDF of the previous text stayed beside the new letter"
    assert (root / "build" / "d1.pdf").is_file()  # an unchanged letter keeps its PDF


# 7. Ctrl-C under --watch ------------------------------------------------------------------------

def test_ctrl_c_stops_watch_quietly_in_chinese_with_130(tmp_path):
    root = small_project(tmp_path / "p")
    process = subprocess.Popen([sys.executable, "-m", "letterkit", "build", "--watch", "-j", "1"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        seen = ""
        while "已生成" not in seen:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            seen += line
        time.sleep(1)  # the watcher running
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert err.strip().endswith("已停止监视。"), err
    assert "KeyboardInterrupt" not in err + out and "Traceback" not in err and "stopping watch" not in err


# 8. Orphans and --clean ---------------------------------------------------------------------------

def orphaned(tmp_path) -> Path:
    """Four letters with PDFs (as letterkit records them), then their drafts deleted: d0 as it was
    written, d1 touched up in Word, d2's manifest entry naming a file outside the output folder."""
    import json

    root = small_project(tmp_path / "p", 5)  # d4 stays, for now
    outside = tmp_path / "outside.docx"
    outside.write_bytes(b"someone else's")
    assert letterkit("build", cwd=root).returncode == 0
    from letterkit.batch import record_pdfs
    from letterkit.project import open_project

    for i in range(4):
        (root / "build" / f"d{i}.pdf").write_bytes(b"%PDF " + str(i).encode())
    record_pdfs(open_project(root), None, [root / "build" / f"d{i}.pdf" for i in range(4)])
    manifest = root / "build" / ".letterkit-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    entry = data["projects"][".."]["drafts/d2.yaml"]
    entry.update(output=str(outside), output_digest=__import__("hashlib").sha256(b"someone else's").hexdigest())
    manifest.write_text(json.dumps(data), encoding="utf-8")
    (root / "build" / "d1.docx").write_bytes(b"touched up in Word")
    for i in range(4):
        (root / "drafts" / f"d{i}.yaml").unlink()
    return root


def test_orphans_are_told_per_file_what_clean_would_do_and_clean_names_every_deletion(tmp_path):
    root = orphaned(tmp_path)
    outside = tmp_path / "outside.docx"
    done = letterkit("build", cwd=root)
    no_traceback(done)
    said = done.stdout + done.stderr
    assert "build/d0.docx：草稿已不存在，是孤儿文件（用 --clean 删除）" in said
    assert "build/d3.docx：草稿已不存在，是孤儿文件（用 --clean 删除）" in said
    assert re.search(r"build/d1\.docx：草稿已不存在，是孤儿文件；生成后被改过.*--clean 也不会删它", said), said
    assert re.search(re.escape(str(outside)) + r"：草稿已不存在，是孤儿文件；不在输出目录之内.*--clean 也不会删它", said), said
    assert said.count("用 --clean 删除") == 2

    # the last draft was deleted: --clean still cleans, without a no-drafts error
    (root / "drafts" / "d4.yaml").unlink()
    done = letterkit("build", "--clean", cwd=root)
    no_traceback(done)
    said = done.stdout + done.stderr
    assert done.returncode == 0 and "no-drafts" not in said, said
    for name in ("d0.docx", "d0.pdf", "d3.docx", "d3.pdf", "d4.docx"):
        assert f"build/{name}：草稿已不存在，已删除" in said, said
        assert not (root / "build" / name).exists()
    assert (root / "build" / "d1.docx").read_bytes() == b"touched up in Word"
    assert outside.read_bytes() == b"someone else's"
    assert "build/d1.docx：草稿已不存在，生成后被改过" in said


def test_clean_with_no_drafts_and_nothing_to_clean_is_still_no_drafts(tmp_path):
    root = tmp_path / "p"
    make_project(root, {"letterkit.yaml": "output: build\n"})
    (root / "drafts").mkdir()
    done = letterkit("build", "--clean", cwd=root)
    assert done.returncode == 1 and "错误 no-drafts" in done.stderr
