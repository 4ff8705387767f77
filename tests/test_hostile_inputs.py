"""Issue 15, inputs that hang, blow up or crash: each runs as a clerk would run it (the CLI
in a subprocess), must end quickly with a clear message in Chinese and a non-zero exit, never
a traceback, and must not take the machine's memory with it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_DRAFT

MEASURE = """\
import json, resource, subprocess, sys, time
limit = int(sys.argv[1]) * 2**20  # address space: a runaway fails fast instead of swapping the machine
started = time.perf_counter()
done = subprocess.run(sys.argv[2:], capture_output=True, text=True,
                      preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "peak_mb": peak,
                  "seconds": time.perf_counter() - started}))
"""


def measured(cwd: Path, *args: str, limit_mb: int = 1500) -> dict:
    """Run `letterkit args` in a fresh process: exit code, output, peak memory (MB), time."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(limit_mb), sys.executable, "-m", "letterkit", *args],
                          cwd=cwd, capture_output=True, text=True)
    return json.loads(done.stdout)


def test_yaml_alias_bomb_is_refused_with_bounded_memory(project):
    """One long anchor and 2,000 aliases: 319 KB on disk, 600 million characters expanded
    (2.2 GB of memory before the bound)."""
    anchor = "\n        ".join(["我局高度重视您提出的建议已组织有关科室认真研究办理现将有关情况答复如下" * 3] * 935)
    items = "".join("      - *a\n" for _ in range(2000))
    draft = MINIMAL_DRAFT.split("measures:")[0] + (
        f"measures:\n  - heading: 工作情况\n    items:\n      - &a {anchor}\n{items}"
        "closing:\n  - 下一步，我局将继续做好相关工作。\ndate: 2024-05-06\ncontact:\n  name: 李四\n  phone: \"82345678\"\n")
    root = project({"letterkit.yaml": "output: build\n", "drafts/bomb.yaml": draft})
    size = (root / "drafts" / "bomb.yaml").stat().st_size
    assert 300_000 < size < 340_000
    anchor_line = draft.splitlines().index(next(l for l in draft.splitlines() if "&a" in l)) + 1
    for command in ("check", "build"):
        run = measured(root, command, "drafts/bomb.yaml")
        print(f"{command}: {size // 1024} KB draft, peak {run['peak_mb']} MB, {run['seconds']:.2f} s")
        said = run["out"] + run["err"]
        assert run["code"] == 1, said
        assert "Traceback" not in said and "内部错误" not in said
        assert f"drafts/bomb.yaml:{anchor_line}:9: 错误 yaml-too-large" in said
        assert "别名" in said and "展开" in said
        assert run["peak_mb"] < 300
    assert not (root / "build" / "bomb.docx").exists()


def test_a_long_draft_without_aliases_is_still_read(tmp_path):
    """The bound is on expansion: ordinary large text (here 300,000 characters) loads."""
    from letterkit.load import load_text

    text = "items:\n" + "".join(f"  - 第{i}条很长的文字" + "字" * 290 + "\n" for i in range(1000))
    assert len(load_text(text, "x.yaml").data["items"]) == 1000


def _word_file(path: Path, *, huge: int = 0, members: int = 0, parts: int = 0, lying: bool = False) -> Path:
    """A Word file made by python-docx, then doctored: its text `huge` bytes of XML,
    `members` extra tiny parts, `parts` extra parts of 40 MB each, or a document.xml whose
    zip directory gives a small size for a large content (`lying`)."""
    import zipfile

    import docx

    plain = path.with_name("plain.docx")
    document = docx.Document()
    document.add_paragraph("关于加强校园安全的提案的答复")
    document.save(str(plain))
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml" and huge:
                head, tail = data.split(b"</w:t>", 1)
                with bomb.open(info.filename, "w", force_zip64=True) as out:
                    out.write(head)
                    chunk = "答".encode() * (2**20 // 3)
                    for _ in range(huge // len(chunk)):
                        out.write(chunk)
                    out.write(b"</w:t>" + tail)
                continue
            if info.filename == "word/document.xml" and lying:
                data = data.replace(b"</w:t>", "答".encode() * 3_000_000 + b"</w:t>", 1)
            bomb.writestr(info.filename, data)
        for i in range(members):
            bomb.writestr(f"customXml/extra{i}.xml", b"<a/>")
        for i in range(parts):
            with bomb.open(f"word/media/image{i}.png", "w", force_zip64=True) as out:
                for _ in range(40):
                    out.write(b"\0" * 2**20)
    if lying:  # the directory now says the text is 1,000 bytes long
        data = bytearray(path.read_bytes())
        name = b"word/document.xml"
        at = data.rindex(b"PK\x01\x02", 0, data.rindex(name))  # its central directory entry
        data[at + 24:at + 28] = (1000).to_bytes(4, "little")
        path.write_bytes(bytes(data))
    return path


BOMBS = {
    "one part of 1 GB": dict(huge=2**30),
    "10,000 parts": dict(members=10_000),
    "8 pictures of 40 MB": dict(parts=8),
    "a part lying about its size": dict(lying=True),
}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    """Each bomb made once (the 1 GB one takes seconds to compress)."""
    made = {}

    def bomb(name):
        if name not in made:
            made[name] = _word_file(tmp_path_factory.mktemp("bomb") / "bomb.docx", **BOMBS[name])
        return made[name]
    return bomb


@pytest.mark.parametrize("command", ["import", "textconv"])
@pytest.mark.parametrize("name", BOMBS)
def test_word_zip_bomb_is_refused_with_bounded_memory(tmp_path, bombs, name, command):
    bomb = tmp_path / "bomb.docx"
    bomb.symlink_to(bombs(name))
    run = measured(tmp_path, command, "bomb.docx", "-o", "bomb.yaml") if command == "import" \
        else measured(tmp_path, command, "bomb.docx")
    said = run["out"] + run["err"]
    print(f"{command} {name}: {bomb.stat().st_size // 1024} KB zip, peak {run['peak_mb']} MB, {run['seconds']:.2f} s")
    assert run["code"] == 1, said
    assert "Traceback" not in said and "内部错误" not in said
    assert said.startswith("bomb.docx: 错误 ") or "\nbomb.docx: 错误 " in said, said
    assert ("docx-too-large" in said and "上限" in said) if name != "a part lying about its size" else "not-docx" in said
    assert run["peak_mb"] < 400
    assert not (tmp_path / "bomb.yaml").exists()


def test_an_ordinary_word_letter_still_reads(tmp_path):
    _word_file(tmp_path / "letter.docx")
    run = measured(tmp_path, "textconv", "letter.docx")
    assert run["code"] == 0 and "关于加强校园安全的提案的答复" in run["out"]


# A LibreOffice stand-in: `soffice` is a wrapper that starts the real worker (here a
# sleeper, as soffice starts soffice.bin) and writes both process ids down.  "hang" waits
# for its worker like soffice does; "leave" exits and leaves it running; "slow" converts
# each letter in 1.5 s, as a real one does with a long batch; "crash" converts nine letters
# and dies half-way through writing the tenth's PDF.
FAKE_SOFFICE = """\
#!/bin/sh
sleep 100000 &
echo "$$ $!" >> "{pids}"
case "{mode}" in
  hang) wait ;;
  leave) exit 0 ;;
  slow)
    kill $!
    out=""; next=""
    for arg in "$@"; do
      if [ "$next" = 1 ]; then out="$arg"; next=""; continue; fi
      case "$arg" in --outdir) next=1 ;; *.docx) sleep 1.5; name=$(basename "$arg" .docx); printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/$name.pdf" ;; esac
    done ;;
  crash)
    kill $!
    out=""; next=""; n=0
    for arg in "$@"; do
      if [ "$next" = 1 ]; then out="$arg"; next=""; continue; fi
      case "$arg" in --outdir) next=1 ;; *.docx)
        n=$((n + 1)); name=$(basename "$arg" .docx)
        if [ $n -eq 10 ]; then printf '%%PDF-1.4\\n' > "$out/$name.pdf"; exit 1; fi
        printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/$name.pdf" ;; esac
    done ;;
esac
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has stopped running (nobody has reaped it yet)


def _fake_renderer(tmp_path: Path, mode: str) -> tuple[dict, Path]:
    bin_dir, pids = tmp_path / "fakebin", tmp_path / "pids.txt"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE.format(pids=pids, mode=mode))
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}, pids


def _letters(project, count: int) -> Path:
    return project({"letterkit.yaml": "output: build\n",
                    **{f"drafts/d{i}.yaml": MINIMAL_DRAFT.replace("seq: 7", f"seq: {i + 1}") for i in range(count)}})


@pytest.mark.parametrize("how", ["option", "environment"])
@pytest.mark.parametrize("mode", ["hang", "leave"])
def test_a_hung_libreoffice_is_killed_with_all_it_started(project, tmp_path, mode, how):
    import time

    root = _letters(project, 1)
    env, pids = _fake_renderer(tmp_path, mode)
    args = [sys.executable, "-m", "letterkit", "build", "--pdf"]
    if how == "option":
        args += ["--pdf-timeout", "2"]
    else:
        env["LETTERKIT_PDF_TIMEOUT"] = "2"
    started = time.monotonic()
    done = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, timeout=120)
    took = time.monotonic() - started
    print(f"{mode}, timeout by {how}: over in {took:.1f} s")
    wrapper, worker = map(int, pids.read_text().split())
    assert not _alive(wrapper) and not _alive(worker), "a LibreOffice process survived"
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "正在用 LibreOffice 生成 1 份 PDF" in done.stderr and "PDF 0/1" in done.stderr  # progress shown
    if mode == "hang":
        assert "错误 render-failed LibreOffice 已有 2 秒没有转换完任何一份（完成 0/1 份）" in done.stderr
        assert "已结束它启动的全部进程" in done.stderr and "--pdf-timeout" in done.stderr
    else:
        assert "错误 render-failed LibreOffice 没有生成这些文件的 PDF" in done.stderr
    assert took < 60
    assert (root / "build" / "d0.docx").is_file() and not (root / "build" / "d0.pdf").exists()


def test_the_wait_scales_with_the_batch(project, tmp_path):
    """Three letters at 1.5 s each take 4.5 s: past a 2 s timeout, yet never 2 s without a PDF."""
    root = _letters(project, 3)
    env, _ = _fake_renderer(tmp_path, "slow")
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf", "--pdf-timeout", "2"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "PDF 3/3" in done.stderr
    assert all((root / "build" / f"d{i}.pdf").is_file() for i in range(3))


def test_pdfs_that_finished_are_kept_when_libreoffice_dies_on_a_later_letter(project, tmp_path):
    """Issue 11: 540 letters, LibreOffice gave up on the last 49 and not one PDF was saved, the
    summary said 失败 0.  Now the nine finished PDFs are in place, the summary counts the three
    without one, the half-written tenth is not taken for a PDF, and the next run makes the rest."""
    root = _letters(project, 12)
    env, _ = _fake_renderer(tmp_path, "crash")
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    made = sorted((root / "build").glob("*.pdf"))
    assert len(made) == 9 and all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in made)
    assert "错误 render-failed LibreOffice 没有生成这些文件的 PDF" in done.stderr
    assert "已完成的 9 份 PDF 照常保存；3 份没有 PDF" in done.stderr
    assert "失败 0，PDF 失败 3" in done.stderr
    assert done.stdout.count("PDF → ") == 9
    (tmp_path / "again").mkdir()
    env, _ = _fake_renderer(tmp_path / "again", "slow")
    again = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf"], cwd=root, env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "PDF 3/3" in again.stderr and len(list((root / "build").glob("*.pdf"))) == 12


def test_a_bad_timeout_setting_is_a_clear_error(project, tmp_path):
    root = _letters(project, 1)
    env, _ = _fake_renderer(tmp_path, "slow")
    env["LETTERKIT_PDF_TIMEOUT"] = "ten"
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "--pdf"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "LETTERKIT_PDF_TIMEOUT='ten' 不是有效的秒数" in done.stderr


# -- import's survival report (#20) ----------------------------------------------------------

def _difflib_share(original: str, rebuilt: str) -> float:
    """The survival share as it was computed before: difflib on characters, quadratic."""
    import difflib

    from letterkit.importing import comparable

    a, b = comparable(original), comparable(rebuilt)
    return sum(x.size for x in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()) / len(a)


@pytest.mark.parametrize("source", sorted((Path(__file__).parent / "fixtures" / "published").glob("*.txt")),
                         ids=lambda p: p.stem[:8])
def test_survival_share_is_what_difflib_gave(source):
    """On real letters with one character in 30 deleted, inserted or changed, the share is the old one."""
    import random

    from letterkit.importing import survival

    text = source.read_text(encoding="utf-8")
    rng = random.Random(source.name)
    for _ in range(5):
        chars = list(text)
        for _ in range(len(chars) // 30):
            at, roll = rng.randrange(len(chars)), rng.random()
            if roll < 0.4:
                del chars[at]
            elif roll < 0.7:
                chars.insert(at, rng.choice("的，一。a"))
            else:
                chars[at] = rng.choice("的，一。a")
        assert survival(text, "".join(chars)) == pytest.approx(_difflib_share(text, "".join(chars)), abs=0.005)


def test_importing_fifty_letters_in_one_file_is_quick(tmp_path):
    """50 times the seed letter (860 KB): the survival report alone took minutes."""
    seed = Path(__file__).parent / "fixtures" / "published" / "seed-futian-TA20200005.txt"
    (tmp_path / "long.txt").write_text(seed.read_text(encoding="utf-8") * 50, encoding="utf-8")
    run = measured(tmp_path, "import", "long.txt", "-o", "long.yaml")
    print(f"import of 50 letters: {run['seconds']:.1f} s, peak {run['peak_mb']} MB")
    assert run["code"] == 0, run["err"]
    assert "文字归位" in run["out"] and (tmp_path / "long.yaml").is_file()
    assert run["seconds"] < 60  # 5 s measured; the old report never finished in minutes


# -- #22: headings, check going on, seal images, templates, and no traceback for any input ------

def _cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=root, capture_output=True, text=True,
                          env=env, timeout=300)


def _no_traceback(done) -> None:
    said = done.stdout + done.stderr
    assert done.returncode in (0, 1), said[-2000:]
    assert "Traceback" not in said and "内部错误" not in said and "internal-error" not in said, said[-2000:]


def test_ten_thousand_headings_are_refused_where_the_ten_thousandth_is_and_check_goes_on(project):
    measures = "".join(f"  - heading: 第{i}项工作\n    items:\n      - 已落实。\n" for i in range(10_000))
    many = MINIMAL_DRAFT.split("measures:")[0] + "measures:\n" + measures + MINIMAL_DRAFT.split("closing:")[1].join(
        ["closing:", ""])
    root = project({"letterkit.yaml": "output: build\n", "drafts/a-many.yaml": many,
                    "drafts/b-typo.yaml": MINIMAL_DRAFT.replace("closing:", "closng:").replace("seq: 7", "seq: 8")})
    line = many.splitlines().index("  - heading: 第9999项工作") + 1
    for command in ("check", "build"):
        done = _cli(root, command)
        _no_traceback(done)
        said = done.stdout + done.stderr
        assert done.returncode == 1
        assert f"drafts/a-many.yaml:{line}:14: 错误 too-many-headings" in said
        assert "drafts/b-typo.yaml" in said and "closng" in said  # the other draft is still checked


def test_check_goes_on_past_a_draft_that_meets_a_bug(project, monkeypatch):
    """Whatever letterkit gets wrong on one draft, check reports it and checks the others."""
    from click.testing import CliRunner

    from letterkit import lint
    from letterkit.cli import cli

    root = project({"letterkit.yaml": "output: build\n", "drafts/a.yaml": MINIMAL_DRAFT,
                    "drafts/b.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 8").replace("closing:", "closng:"),
                    "drafts/c.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 9").replace('"0012"', '"0013"')})
    real = lint.check_draft

    def buggy(loaded, *args, **kwargs):
        if loaded.files and loaded.files[-1].name == "a.yaml":
            raise RuntimeError("a bug")
        return real(loaded, *args, **kwargs)
    monkeypatch.setattr(lint, "check_draft", buggy)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1 and not isinstance(result.exception, RuntimeError), result.output
    assert "drafts/a.yaml: 错误 internal-error letterkit 内部错误：RuntimeError: a bug" in result.output
    assert "drafts/b.yaml:" in result.output and "closng" in result.output
    assert "检查了 3 份草稿" in result.output


def _damaged_seals() -> dict[str, bytes]:
    good = (Path(__file__).parent.parent / "drafts" / "seals" / "sample-seal.png").read_bytes()
    cases = {f"cut at {p}%": good[:len(good) * p // 100] for p in (10, 50, 90, 99)}
    cases["one byte flipped"] = good[:len(good) // 2] + bytes([good[len(good) // 2] ^ 0xFF]) + good[len(good) // 2 + 1:]
    cases["garbage after the signature"] = good[:8] + b"garbage" * 40
    cases["header only"] = good[:33]
    cases["JPEG cut short"] = b"\xff\xd8\xff\xe0" + b"\0" * 200
    return cases


def test_a_damaged_seal_image_is_a_clear_error(project):
    seals = _damaged_seals()
    files = {"letterkit.yaml": "output: build\n", "drafts/good.yaml": MINIMAL_DRAFT}
    for i, name in enumerate(seals):
        files[f"drafts/d{i}.yaml"] = MINIMAL_DRAFT.replace("seq: 7", f"seq: {10 + i}").replace(
            '"0012"', f'"{100 + i}"') + f"seal: seal{i}.{'jpg' if 'JPEG' in name else 'png'}\n"
    root = project(files)
    for i, (name, data) in enumerate(seals.items()):
        (root / "drafts" / f"seal{i}.{'jpg' if 'JPEG' in name else 'png'}").write_bytes(data)
    done = _cli(root, "build", "-j", "1")
    _no_traceback(done)
    assert done.returncode == 1
    for i, name in enumerate(seals):
        seal = f"seal{i}.{'jpg' if 'JPEG' in name else 'png'}"
        assert f"drafts/{seal}: 错误 bad-image" in done.stderr or f"'{seal}' 不是 PNG 或 JPEG" in done.stderr, name
        assert not (root / "build" / f"d{i}.docx").exists()
    assert (root / "build" / "good.docx").is_file()


HOSTILE_TEMPLATES = {
    "range(10**9)": "{% for i in range(10**9) %}p {{ i }}\n{% endfor %}",
    "'x' * 10**9": "p {{ 'x' * 10**9 }}\n",
    "[x] * 10**9": "p {{ (['x'] * 10**9)|length }}\n",
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}p x\n",
    "doubling": "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
                "{% set ns.s = ns.s + ns.s %}{% endfor %}p {{ ns.s }}\n",
    "% width": "p {{ '%1000000000s' % 'x' }}\n",
    "format width": "p {{ '{:>1000000000}'.format('x') }}\n",
    "ljust": "p {{ 'x'.ljust(10**9) }}\n",
    "replace": "p {{ ('x' * 100000)|replace('x', 'y' * 100000) }}\n",
    "center": "p {{ 'x'|center(10**9) }}\n",
    "join": "p {{ (('x' * 1000000)|list)|join('y' * 1000) }}\n",
    "printed": "{% for i in range(100000) %}p {{ 'x' * 100000 }}\n{% endfor %}",
    "power": "p {{ 7 ** 1000000 }}\n",
    "recursion": "{% macro m(n) %}{{ m(n) }}{% endmacro %}p {{ m(1) }}\n",
}


@pytest.mark.parametrize("name", HOSTILE_TEMPLATES)
def test_a_template_cannot_make_huge_values(project, name):
    root = project({"letterkit.yaml": "output: build\n", "templates/evil.j2": "title 标题\n" + HOSTILE_TEMPLATES[name],
                    "drafts/d.yaml": MINIMAL_DRAFT + "template: evil.j2\n"})
    run = measured(root, "build", "-j", "1")
    said = run["out"] + run["err"]
    print(f"{name}: peak {run['peak_mb']} MB, {run['seconds']:.1f} s")
    assert run["code"] == 1, said
    assert "Traceback" not in said and "内部错误" not in said
    assert "templates/evil.j2:2: 错误 template-too-large" in said or \
        ("templates/evil.j2" in said and "template-too-large" in said), said
    assert run["peak_mb"] < 400 and run["seconds"] < 60


def test_ordinary_template_arithmetic_still_works(project):
    template = ("title 标题\np {{ 2 ** 10 }} {{ 'ab' * 3 }} {{ '%05d' % 42 }} {{ '{:,}'.format(12345678) }} "
                "{{ range(3)|list|join('、') }} {{ 'a b'|replace(' ', '-') }} {{ '第' ~ 20240056 ~ '号' }}\n")
    root = project({"letterkit.yaml": "output: build\n", "templates/ok.j2": template,
                    "drafts/d.yaml": MINIMAL_DRAFT + "template: ok.j2\n"})
    done = _cli(root, "build")
    assert done.returncode == 0, done.stderr
    import docx

    text = "\n".join(p.text for p in docx.Document(str(root / "build" / "d.docx")).paragraphs)
    assert "1024 ababab 00042 12,345,678 0、1、2 a-b 第20240056号" in text
