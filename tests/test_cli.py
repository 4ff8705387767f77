"""End to end, as a clerk runs it: `letterkit build` in a project folder."""

import os
import re
import subprocess
import sys

import docx

from conftest import MINIMAL_DRAFT, repo_copy, require_soffice


def run(cwd, *args):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_build_with_no_paths_builds_every_draft_of_the_project(tmp_path):
    root = repo_copy(tmp_path)
    done = run(root / "drafts", "build")  # the project is found upward from here
    assert done.returncode == 0, done.stderr
    outputs = sorted((root / "build").rglob("*.docx"))
    drafts = sorted((root / "drafts").rglob("*.yaml"))
    assert len(outputs) == len(drafts) >= 2
    lines = done.stdout.strip().splitlines()
    assert len(lines) == len(drafts) + 1 and all(" → " in line for line in lines[:-1])  # one line per letter
    assert re.fullmatch(rf"已生成 {len(drafts)}，未改动 0，失败 0，用时 [0-9.]+ 秒", lines[-1])  # and a summary
    for output in outputs:
        assert docx.Document(str(output)).paragraphs  # python-docx reopens every file
    assert (root / "build" / "2020" / "futian-TA20200005.docx").is_file()


def test_build_a_file_or_a_folder_into_another_output(tmp_path):
    root = repo_copy(tmp_path)
    done = run(root, "build", "drafts/2024", "-o", "out")
    assert done.returncode == 0, done.stderr
    built = sorted(p.name for p in (root / "out").rglob("*.docx"))
    assert built == sorted(p.with_suffix(".docx").name for p in (root / "drafts" / "2024").glob("*.yaml"))
    assert not (root / "out" / "2020").exists()
    done = run(root, "build", "drafts/2020/futian-TA20200005.yaml")
    assert done.returncode == 0 and (root / "build" / "2020" / "futian-TA20200005.docx").is_file()


def test_bad_drafts_are_reported_in_chinese_with_locations_and_the_rest_still_build(project):
    root = project({
        "letterkit.yaml": "output: build\n",
        "drafts/good.yaml": MINIMAL_DRAFT,
        "drafts/typo.yaml": MINIMAL_DRAFT.replace("closing:", "closng:").replace("seq: 7", "seq: 8"),  # its own number
        "drafts/syntax.yaml": MINIMAL_DRAFT.replace("  year: 2024", "  year 2024"),
    })
    done = run(root, "build")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "drafts/typo.yaml:" in done.stderr and "未知字段 'closng'" in done.stderr and "closing" in done.stderr
    assert "drafts/syntax.yaml:" in done.stderr and "YAML 语法错误" in done.stderr
    for line in done.stderr.strip().splitlines()[:-1]:
        path, line_no, column, rest = line.split(":", 3)
        assert line_no.isdigit() and column.isdigit() and rest.startswith(" 错误 ")
    assert (root / "build" / "good.docx").is_file()
    assert not (root / "build" / "typo.docx").exists()


def test_usage_errors_exit_2(tmp_path):
    assert run(tmp_path, "build", "no/such/draft.yaml").returncode == 2
    done = run(tmp_path, "build", "--no-such-option")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_an_empty_folder_says_there_is_nothing_to_build(tmp_path):
    done = run(tmp_path, "build")
    assert done.returncode == 1 and "没有找到草稿" in done.stderr


def test_version_and_module_entry_point(tmp_path):
    done = run(tmp_path, "--version")
    assert done.returncode == 0 and "letterkit" in done.stdout


def test_an_unwritable_output_is_a_clear_error(tmp_path):
    root = repo_copy(tmp_path)
    (root / "blocker").write_text("a file where the output folder should be")
    done = run(root, "build", "drafts/2024", "-o", "blocker/out")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "write-error" in done.stderr and "无法写入文件" in done.stderr


def test_build_pdf_writes_each_pdf_next_to_its_docx_and_reports_fonts(tmp_path):
    require_soffice()
    root = repo_copy(tmp_path)
    done = run(root, "build", "--pdf")
    assert done.returncode == 0, done.stderr
    for docx_file in (root / "build").rglob("*.docx"):
        assert docx_file.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    from letterkit.pdf import font_substitutions
    from letterkit.style import house_style
    for official, used in font_substitutions(list(house_style()["fonts"].values())):
        assert f"{official} → {used}" in done.stdout  # each substitution on this machine is reported


def test_build_pdf_without_libreoffice_says_how_to_install_and_keeps_the_docx(tmp_path):
    root = repo_copy(tmp_path)
    env = dict(os.environ, PATH=os.path.dirname(sys.executable))  # no soffice on this PATH
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf"], cwd=root, capture_output=True,
                          text=True, env=env)
    assert done.returncode == 1
    assert "LibreOffice" in done.stderr and "apt-get install" in done.stderr
    assert list((root / "build").rglob("*.docx")) and not list((root / "build").rglob("*.pdf"))


def test_a_project_output_outside_the_project_is_refused(project):
    root = project({"letterkit.yaml": "output: ../elsewhere\n", "drafts/d.yaml": MINIMAL_DRAFT})
    done = run(root, "build")
    assert done.returncode == 1 and "output-outside" in done.stderr
    assert not (root.parent / "elsewhere").exists()


def test_init_new_build_in_an_empty_folder(tmp_path):
    folder = tmp_path / "office"
    assert run(tmp_path, "init", "office", "--department", "futian-mz", "--organ", "深圳市福田区民政局",
               "--short-name", "福田区民政局", "--code", "福民函").returncode == 0
    for name in ("letterkit.yaml", "profiles/futian-mz.yaml", ".gitignore", ".gitattributes", "README.md", "templates/README.md"):
        assert (folder / name).is_file(), name
    assert "*.docx diff=letterkit" in (folder / ".gitattributes").read_text(encoding="utf-8")
    assert run(folder, "build").returncode == 0
    done = run(folder, "new", "--department", "futian-mz", "--kind", "提案", "--id", "TA7", "--title", "关于改善停车的提案",
               "--name", "陈一", "--session", "福田区政协六届三次会议")
    assert done.returncode == 0, done.stderr
    [draft] = folder.glob("drafts/*/futian-mz-TA7.yaml")
    text = draft.read_text(encoding="utf-8")
    assert "seq: 2" in text  # the example took 1
    built = run(folder, "build")
    assert built.returncode == 0 and run(folder, "check").returncode == 0
    letter = [p.text for p in docx.Document(str(next(folder.glob("build/*/futian-mz-TA7.docx")))).paragraphs]
    assert "尊敬的陈一委员：" in letter and "深圳市福田区民政局" in letter
    again = run(folder, "new", "--department", "futian-mz", "--kind", "提案", "--id", "TA7", "--title", "x",
                "--name", "y", "--session", "z")
    assert again.returncode == 1 and "file-exists" in again.stderr and draft.read_text(encoding="utf-8") == text
    assert run(folder, "init").returncode == 1  # never over an existing project


def test_textconv_shows_the_letter_as_text(tmp_path):
    root = repo_copy(tmp_path)
    assert run(root, "build", "drafts/2024/jiaoyu-TA20240018.yaml").returncode == 0
    done = run(root, "textconv", "build/2024/jiaoyu-TA20240018.docx")
    blocks = done.stdout.rstrip("\n").split("\n\n")
    assert blocks[0] == "【版头】\n深圳市福田区教育局文件\n福教〔2024〕86号\t签发人：张建国"
    assert "关于福田区政协六届三次会议\n第20240018号提案的答复" in blocks  # the title, broken where it is
    assert "尊敬的陈思远委员：" in blocks and "二、主要措施" in blocks and "（一）完善交通设施。" in "".join(blocks)
    assert blocks[blocks.index("深圳市福田区教育局 【图片】") + 1] == "2024年7月5日"  # signature with its seal, then date
    assert "【另起一页】" in blocks and blocks[blocks.index("【另起一页】") + 1] == "附件"
    assert blocks[-1] == "【版记】\n抄送：福田区政协提案委员会，福田区人民政府督查室。\n深圳市福田区教育局办公室\t2024年7月5日印发"


def test_git_diff_shows_the_text_of_built_letters_in_an_initialised_project(tmp_path):
    folder = tmp_path / "p"
    assert run(tmp_path, "init", folder).returncode == 0
    assert "*.docx diff=letterkit" in (folder / ".gitattributes").read_text(encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    # the one line the README gives, with this Python's letterkit
    subprocess.run(["git", "config", "diff.letterkit.textconv", f"{sys.executable} -m letterkit textconv"], cwd=folder, check=True)
    assert run(folder, "build").returncode == 0
    subprocess.run(["git", "add", "-A", "-f"], cwd=folder, check=True)
    subprocess.run(git + ["commit", "-qm", "first"], cwd=folder, check=True)
    [draft] = (folder / "drafts").rglob("*.yaml")
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("name: 李四", "name: 王五") if "name: 李四" in text else text + "closing: 以上答复，请指正。\n", encoding="utf-8")
    assert run(folder, "build").returncode == 0
    diff = subprocess.run(["git", "diff", "--", "*.docx"], cwd=folder, capture_output=True, text=True).stdout
    assert "Binary files" not in diff
    changed = [l for l in diff.splitlines() if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    assert changed and all("\ufffd" not in l for l in changed), diff
