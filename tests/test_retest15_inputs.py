"""Defects an independent re-test of issue 15 found: style values pasted into the letter's XML
unchecked, jieba's shared cache, over-long ids, hidden characters in `new`, misleading and
English messages.  Each test fails on the code before the fix."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_DRAFT, make_project

ENGLISH = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u200b]")


def run(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def assert_clean_failure(done: subprocess.CompletedProcess, code: str) -> str:
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "Traceback" not in out and "internal-error" not in out, out
    assert f"错误 {code}" in out, out
    assert not RAW_CONTROL.search(out), out
    return out


# -- 1. house-style values: type and range, never pasted into XML -----------------------------------

BAD_STYLES = {
    "markup colour": ("{colors: {red: '<x/>'}}", "colors.red"),
    "attribute injection": ("{colors: {red: 'FF0000\" w:themeColor=\"accent1'}}", "colors.red"),
    "not hex": ("{colors: {red: zz}}", "colors.red"),
    "five digits": ("{colors: {red: FF000}}", "colors.red"),
    "zero page": ("{page: {width: 0}}", "page.width"),
    "huge page": ("{page: {height: 100000}}", "page.height"),
    "negative margin": ("{page: {left: -5}}", "page.left"),
    "no lines": ("{grid: {lines: 0}}", "grid.lines"),
    "too many chars": ("{grid: {chars: 100000}}", "grid.chars"),
    "fractional lines": ("{grid: {lines: 22.5}}", "grid.lines"),
    "font size zero": ("{roles: {body: {size: 0}}}", "roles.body.size"),
    "unknown font key": ("{roles: {body: {font: nope}}}", "roles.body.font"),
    "bad align": ("{roles: {body: {align: middle}}}", "roles.body.align"),
    "flag not bool": ("{signature: {sealed: 3}}", "signature.sealed"),
    "no page number": ("{page_number: {text: '第页'}}", "page_number.text"),
    "NaN": ("{seal: {diameter: .nan}}", "seal.diameter"),
    "margins eat the page": ("{page: {left: 100, right: 90}}", "版心"),
}


@pytest.mark.parametrize("style, named", BAD_STYLES.values(), ids=BAD_STYLES.keys())
@pytest.mark.parametrize("layer", ["draft", "profile", "project"])
def test_bad_style_is_refused_at_its_place(tmp_path, style, named, layer):
    files = {"letterkit.yaml": "{}\n"}
    if layer == "project":
        files["letterkit.yaml"] = f"defaults:\n  style: {style}\n"
        files["drafts/d.yaml"] = MINIMAL_DRAFT
        where = "letterkit.yaml:2:"
    elif layer == "draft":
        files["drafts/d.yaml"] = MINIMAL_DRAFT + f"style: {style}\n"
        where = "drafts/d.yaml:24:"
    else:
        files["profiles/x.yaml"] = f"style: {style}\n"
        files["drafts/d.yaml"] = MINIMAL_DRAFT + "department: x\n"
        where = "profiles/x.yaml:1:"
    root = make_project(tmp_path, files)
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "bad-style")
    line = next(line for line in out.splitlines() if "bad-style" in line)
    assert line.startswith(where) and named in line, out
    assert re.search(r"\d+ 位|\d+–\d+|只能是|true 或 false|{n}|至少", line), line  # says what is allowed
    assert not (root / "out" / "d.docx").exists()


GOOD_STYLES = ["{colors: {red: C00000}}", "{page: {width: 148, height: 210, left: 15, right: 15, top: 20, bottom: 20}}",
               "{grid: {lines: 20, chars: 26}}", "{roles: {body: {size: 15.5}}}", "{fonts: {fangsong: 仿宋}}"]


@pytest.mark.parametrize("style", GOOD_STYLES)
def test_reasonable_styles_still_build(tmp_path, style):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "drafts/d.yaml": MINIMAL_DRAFT + f"style: {style}\n"})
    done = run(root, "build", "drafts/d.yaml", "-o", "out")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (root / "out" / "d.docx").exists()


@pytest.mark.parametrize("color", ['<x/>', 'FF0000" w:themeColor="accent1', "&amp;", "'"])
def test_a_colour_is_an_attribute_never_markup(color):
    """Defence behind validation: the red rule's colour reaches the XML as one attribute value."""
    import docx

    from letterkit import oxml

    paragraph = docx.Document().add_paragraph()
    oxml.add_rect(paragraph, 1, x_mm=1, y_mm=1, width_mm=10, height_mm=1, color=color)
    fills = [e for e in paragraph._p.iter() if e.tag.endswith("}srgbClr")]
    assert [f.get("val") for f in fills] == [color]
    assert not any("themeColor" in key for e in paragraph._p.iter() for key in e.attrib)


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\x85", "\u202e", "\u200b"])
def test_messages_show_hidden_characters_as_code_points(tmp_path, char):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n",
                                   "drafts/d.yaml": MINIMAL_DRAFT + f'style: {{"a{char}b": 1}}\n'.replace(char, f"\\u{ord(char):04x}")})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "unknown-key")
    assert f"U+{ord(char):04X}" in out


# -- 2. jieba never reads the shared temporary folder --------------------------------------------------

LOST = ("在已有IC技术公共服务平台、5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台基础上，"
        "引进集成电路设计公共服务平台。")
LONG_TITLE = "关于进一步加强和改进新时代城市社区养老服务设施规划建设与运营管理工作的建议"


def test_a_planted_jieba_cache_changes_nothing(tmp_path):
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", LOST).replace("关于加强校园安全的提案", LONG_TITLE)
    root = make_project(tmp_path / "p", {"letterkit.yaml": "{}\n", "drafts/d.yaml": draft})
    results, plant = [], marshal.dumps(({"平台": 1, "平": 1}, 2))
    for planted in (False, True):
        shared = tmp_path / f"tmp{planted}"
        shared.mkdir()
        if planted:  # a dictionary with one word, newer than jieba's own
            (shared / "jieba.cache").write_bytes(plant)
            os.chmod(shared / "jieba.cache", 0o644)
        env = {"TMPDIR": str(shared), "XDG_CACHE_HOME": str(tmp_path / f"cache{planted}")}
        check = run(root, "check", "drafts/d.yaml", env=env)
        code = ("from letterkit import titles; from letterkit.proof.dictionary import dictionary;"
                f"print(titles.words({LONG_TITLE!r})); print(len(dictionary()[0]));"
                "import jieba; print(jieba.dt.tmp_dir)")
        segmented = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                                   env={**os.environ, **env})
        assert segmented.returncode == 0, segmented.stderr
        results.append((check.stdout, check.returncode, segmented.stdout.splitlines()[:2]))
        assert str(shared) not in segmented.stdout  # jieba's folder is letterkit's own cache
        if planted:
            assert (shared / "jieba.cache").read_bytes() == plant
    assert "lost-character" in results[0][0]
    assert results[0] == results[1]


# -- 3 and 9. `new`: ids that fit a file name, no hidden characters ----------------------------------

@pytest.fixture
def new_project(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    done = run(root, "init", "--department", "zj")
    assert done.returncode == 0, done.stderr
    return root


NEW_BAD = {
    "300-character id": (["--id", "Q" * 300], "bad-value", "--id"),
    "id of slashes": (["--id", "///"], "bad-value", "--id"),
    "ESC in id": (["--id", "a\x1bb"], "bad-character", "--id"),
    "RLO in title": (["--title", "关于\u202e加强"], "bad-character", "--title"),
    "BEL in name": (["--name", "王\x07五"], "bad-character", "--name"),
    "zero-width space in title": (["--title", "关于\u200b加强"], "bad-character", "--title"),
    "tag character in session": (["--session", "会议\U000e0041"], "bad-character", "--session"),
    "NUL-free DEL in title": (["--title", "关于\x7f加强"], "bad-character", "--title"),
}


@pytest.mark.parametrize("change, code, option", NEW_BAD.values(), ids=NEW_BAD.keys())
def test_new_refuses_what_validation_would(new_project, change, code, option):
    values = {"--kind": "提案", "--id": "12", "--title": "关于加强管理的提案", "--name": "王五", "--session": "六届三次会议"}
    values.update(dict(zip(change[::2], change[1::2])))
    before = sorted(p.name for p in (new_project / "drafts").rglob("*.yaml"))
    done = run(new_project, "new", "--department", "zj", *[x for pair in values.items() for x in pair])
    out = assert_clean_failure(done, code)
    assert out.startswith(f"{option}:"), out
    assert sorted(p.name for p in (new_project / "drafts").rglob("*.yaml")) == before


@pytest.mark.parametrize("char", ["\u200b", "\U000e0041", "\ufeff", "\u2060"])
def test_zero_width_and_tag_characters_are_bad_characters(tmp_path, char):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n",
                                   "drafts/d.yaml": MINIMAL_DRAFT.replace("关于加强", f"关于{char}加强")})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "bad-character")
    assert f"U+{ord(char):04X}" in out


# -- 4. templates: include errors where the include is, Jinja's syntax errors in Chinese --------------

INCLUDES = {
    "missing": ('{% include "nothere.j2" %}', "template-not-found", "nothere.j2"),
    "absolute": ('{% include "/tmp/x.j2" %}', "path-outside", "/tmp/x.j2"),
    "dot-dot": ('{% include "../x.j2" %}', "path-outside", "../x.j2"),
    "dot-dot inside": ('{% include "parts/../../x.j2" %}', "path-outside", "../"),
    "import missing": ('{% import "gone.j2" as g %}', "template-not-found", "gone.j2"),
}


@pytest.mark.parametrize("tag, code, named", INCLUDES.values(), ids=INCLUDES.keys())
def test_a_bad_include_is_reported_where_it_is_written(tmp_path, tag, code, named):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "templates/mine.j2": f"第一行\n\n{tag}\n",
                                   "drafts/d.yaml": MINIMAL_DRAFT + "template: mine.j2\n"})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), code)
    assert out.startswith("templates/mine.j2:3: "), out
    assert named in out and "template 字段" not in out and "defaults.yaml" not in out, out


SYNTAX = {
    "extends in a block": '{% extends "reply.j2" %}\n{% block body %}{% extends "/abs" %}{% endblock %}',
    "unclosed for": "x\n{% for a in b %}",
    "wrong end": "{% if a %}\n{% endfor %}",
    "unclosed print": "{{ a ",
    "unknown tag": "{% frobnicate %}",
    "unknown filter": "{{ a | nothere }}",
    "unclosed comment": "{# a",
    "two names": "{{ a b }}",
    "stray brace": "{{ a }",
    "empty tag": "{% %}",
}


@pytest.mark.parametrize("template", SYNTAX.values(), ids=SYNTAX.keys())
def test_template_syntax_errors_are_chinese(tmp_path, template):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "templates/mine.j2": template + "\n",
                                   "drafts/d.yaml": MINIMAL_DRAFT + "template: mine.j2\n"})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "template-syntax")
    line = out.splitlines()[0]
    assert re.match(r"templates/mine\.j2:\d+: ", line), line
    assert not ENGLISH.search(line), line


# -- 8. messages that blame the right thing ---------------------------------------------------------

@pytest.mark.parametrize("raw", [".inf", "-.inf", ".nan", ".Inf", "+.inf"])
def test_special_float_id_gets_a_real_example(tmp_path, raw):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "drafts/d.yaml": MINIMAL_DRAFT.replace('id: "0012"', f"id: {raw}")})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "wrong-type")
    assert 'id: ""' not in out and re.search(r'id: "\w+"', out), out


def test_an_over_long_draft_is_blamed_on_the_draft(tmp_path):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n",
                                   "drafts/d.yaml": MINIMAL_DRAFT.replace("每日巡查校园周边。", "巡查" * 780_000)})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "draft-too-large")
    assert out.startswith("drafts/d.yaml: ") and "1,560," in out and "500,000" in out, out
    assert "structure.j2" not in out and "大循环" not in out


def test_an_inherited_duplicate_number_names_each_draft(tmp_path):
    draft = MINIMAL_DRAFT.replace("number:\n  year: 2024\n  seq: 7\n", "department: x\n")
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "profiles/x.yaml": "number:\n  year: 2024\n  seq: 7\n",
                                   "drafts/a.yaml": draft, "drafts/b.yaml": draft.replace('"0012"', '"0013"')})
    for command in (["build", "-o", "out"], ["check"]):
        out = assert_clean_failure(run(root, *command), "duplicate-number")
        lines = [line for line in out.splitlines() if "duplicate-number" in line]
        assert len(lines) == 2 and len(set(lines)) == 2, out
        assert any("草稿 drafts/a.yaml" in line for line in lines) and any("草稿 drafts/b.yaml" in line for line in lines), out
        assert all("profiles/x.yaml" in line for line in lines)


@pytest.mark.parametrize("aliases", [10, 2000])
def test_identical_errors_are_counted_not_repeated(tmp_path, aliases):
    draft = MINIMAL_DRAFT.replace("closing:\n  - 下一步，我局将继续做好相关工作。\n",
                                  "closing: [&x {a: 1}" + ", *x" * (aliases - 1) + "]\n")
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "drafts/d.yaml": draft})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "wrong-type")
    lines = [line for line in out.splitlines() if "wrong-type" in line]
    assert len(lines) == 4, out
    assert f"另有 {aliases - 3:,} 处相同的错误" in lines[-1]


# -- 5. no library English in messages ----------------------------------------------------------------

TAGS = ["!!binary xx", "!!binary aGVsbG8=", "!foo x", "!!timestamp zz", "!!int zz", "!!python/object:os.system x",
        "&a !!str x", "!!map {b: 1}", "!x\n  - 1"]


@pytest.mark.parametrize("value", TAGS)
def test_yaml_tags_are_refused_in_chinese(value):
    from letterkit.errors import LetterkitError
    from letterkit.load import load_text

    with pytest.raises(LetterkitError) as caught:
        load_text(f"a: 1\nb: {value}\n", "drafts/d.yaml")
    (problem,) = caught.value.problems
    assert str(problem.location) == "drafts/d.yaml:2:4", str(problem)
    assert "YAML 标记" in problem.message and not ENGLISH.search(f"{problem.message} {problem.hint}"), str(problem)


def _docx_variants(folder: Path) -> dict[str, Path]:
    import zipfile

    import docx

    made = {}
    (folder / "text.docx").write_bytes(b"hello")
    (folder / "pdf.docx").write_bytes(b"%PDF-1.4\n")
    (folder / "doc.docx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 60)
    with zipfile.ZipFile(folder / "zip.docx", "w") as package:
        package.writestr("a.txt", "x")
    with zipfile.ZipFile(folder / "damaged.docx", "w") as package:  # parts that are not Word's
        package.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        package.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                         'officeDocument" Target="word/document.xml"/></Relationships>')
        package.writestr("word/document.xml", "<x/>")
    good = folder / "good.docx"
    document = docx.Document()
    document.add_paragraph("x")
    document.save(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(folder / "long-text.docx", "w", zipfile.ZIP_DEFLATED) as package:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:t>x</w:t>", b"<w:t>" + b"a" * (60 * 2**20) + b"</w:t>")
            package.writestr(item, data)
    for path in folder.glob("*.docx"):
        if path != good:
            made[path.stem] = path
    return made


def test_textconv_of_what_is_not_a_good_docx_says_so_in_chinese(tmp_path):
    codes = {"text": "not-docx", "pdf": "not-docx", "doc": "not-docx", "zip": "not-docx", "damaged": "not-docx",
             "long-text": "docx-too-large"}
    variants = _docx_variants(tmp_path)
    assert set(variants) == set(codes)
    for name, path in variants.items():
        done = run(tmp_path, "textconv", path.name)
        out = assert_clean_failure(done, codes[name])
        assert out.startswith(f"{path.name}: ") and not ENGLISH.search(out.split(codes[name], 1)[1]), out


def test_a_full_disk_is_named_in_chinese(tmp_path, monkeypatch):
    import errno

    from letterkit import write
    from letterkit.build import build_draft
    from letterkit.errors import LetterkitError

    root = make_project(tmp_path, {"letterkit.yaml": "{}\n", "drafts/d.yaml": MINIMAL_DRAFT})

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(write, "write_atomic", full)
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "d.yaml", output=root / "out")
    (problem,) = caught.value.problems
    assert problem.code == "write-error" and "磁盘已满" in problem.message, str(problem)
    assert not ENGLISH.search(str(problem)), str(problem)


# -- 6. encodings and YAML reasons ---------------------------------------------------------------------

TRADITIONAL = ["title: 關於加強校園安全的提案，辦理情況答覆如下\n", "title: 臺灣\n", "organ: 臺北市政府教育局\nphone: 123\n"]


@pytest.mark.parametrize("text", TRADITIONAL)
def test_big5_is_not_called_gbk(tmp_path, text):
    from letterkit.errors import LetterkitError
    from letterkit.load import load_file

    (tmp_path / "d.yaml").write_bytes(text.encode("big5"))
    with pytest.raises(LetterkitError) as caught:
        load_file(tmp_path / "d.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "encoding" and "Big5" in problem.message and "GBK/" not in problem.message, str(problem)


YAML_REASONS = {
    "extra bracket": ("cc: [x]]\n", "]", 1),
    "extra brace": ("a: 1\nb: {x: 1}}\n", "}", 2),
    "BOM in the middle": ("a: 1\n\ufeffb: 2\n", "U+FEFF", 2),
    "ideographic space indent": ("a:\n  b: 1\n \u3000c: 2\n", "U+3000", 3),
}


@pytest.mark.parametrize("text, named, line", YAML_REASONS.values(), ids=YAML_REASONS.keys())
def test_yaml_errors_give_the_real_reason(text, named, line):
    from letterkit.errors import LetterkitError
    from letterkit.load import load_text

    with pytest.raises(LetterkitError) as caught:
        load_text(text, "drafts/d.yaml")
    (problem,) = caught.value.problems
    assert named in problem.message and "缩进没有对齐" not in problem.message, str(problem)
    assert problem.location.line == line


@pytest.mark.parametrize("space", ["\u00a0", "\u3000", "\u2003", "\u202f"])
def test_a_unicode_space_in_a_key_is_named(tmp_path, space):
    root = make_project(tmp_path, {"letterkit.yaml": "{}\n",
                                   "drafts/d.yaml": MINIMAL_DRAFT.replace("closing:", f"closing{space}:")})
    out = assert_clean_failure(run(root, "build", "drafts/d.yaml", "-o", "out"), "invisible-character")
    assert f"U+{ord(space):04X}" in out and "是否想写" not in out, out


# -- 7. path messages -------------------------------------------------------------------------------

def test_path_messages_say_what_the_path_is(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(MINIMAL_DRAFT.replace("seq: 7", "seq: 8"), encoding="utf-8")
    root = make_project(tmp_path / "p", {
        "letterkit.yaml": "{}\n", "profiles/fz.yaml": "{}\n", "profiles/x.yaml": "extends: [fz, linked]\n",
        "seals/a.png": "x",
        "drafts/s1.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 9") + "seal: /dev/zero\n",
        "drafts/s2.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 10") + "seal: seals\n",
        "drafts/p.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 11") + "department: x\n"})
    (root / "drafts" / "link.yaml").symlink_to(outside)
    out = assert_clean_failure(run(root, "build", "-o", "out"), "path-outside")
    lines = {line.split(":")[0]: line for line in out.splitlines() if "错误" in line}
    assert "符号链接" in lines["drafts/link.yaml"] and "绝对路径" not in lines["drafts/link.yaml"], out
    assert str(tmp_path) not in lines["drafts/link.yaml"]
    for name in ("drafts/s1.yaml", "drafts/s2.yaml"):
        assert "not-a-file" in lines[name] and "不是普通的图片文件" in lines[name] and "找不到" not in lines[name], out
    assert "目录" in lines["drafts/s2.yaml"]
    assert "fz、linked" in lines["profiles/x.yaml"] and "['" not in lines["profiles/x.yaml"], out
