"""Shared fixtures: throwaway projects built from a dict of files, the repository's
own drafts, and one LibreOffice rendering of the seed letter shared by the PDF tests.
And a guard: every letter any test builds is validated against the OOXML schemas (tests/README.md)."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from hypothesis import settings

from letterkit.pdf import find_soffice

# CI draws the same examples each run, so that a run fails for a change, never for a new draw; local runs
# (and LETTERKIT_LONG=1) draw afresh and find what CI does not, to be fixed and kept as an @example.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") and os.environ.get("LETTERKIT_LONG") != "1":
    settings.load_profile("ci")

# letterkit remembers segmented titles in the user's cache; the tests keep theirs apart
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="letterkit-test-cache-")
CACHE = Path(os.environ["XDG_CACHE_HOME"])

REPO = Path(__file__).resolve().parent.parent
SEED_DRAFT = REPO / "drafts" / "2020" / "futian-TA20200005.yaml"
SUGGESTION_DRAFT = REPO / "drafts" / "2024" / "zhujian-JY20240056.yaml"
PUBLISHED = REPO / "tests" / "fixtures" / "published"  # copies of ../shared/seeds and ../shared/letters
SEED_TEXT = PUBLISHED / "seed-futian-TA20200005.txt"
LETTERS = sorted(PUBLISHED.glob("0*.txt"))

MINIMAL_DRAFT = """\
organ:
  name: 测试市测试区教育局
  code: 测教函
number:
  year: 2024
  seq: 7
proposal:
  kind: 提案
  id: "0012"
  title: 关于加强校园安全的提案
addressee:
  name: 张三
measures:
  - heading: 工作情况
    items:
      - heading: 加强巡查。
        text: 每日巡查校园周边。
closing:
  - 下一步，我局将继续做好相关工作。
date: 2024-05-06
contact:
  name: 李四
  phone: "82345678"
"""


def make_project(root: Path, files: dict[str, str]) -> Path:
    """Write a project tree from {relative path: text}."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path):
    return lambda files: make_project(tmp_path, files)


def require_soffice():
    """Skip where LibreOffice is missing, except in CI, where it must run."""
    if find_soffice():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run must install it")
    pytest.skip("LibreOffice (soffice) is not installed; the PDF layout tests need it")


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory):
    """The seed letter built and rendered once for every PDF test."""
    require_soffice()
    from letterkit.build import build_draft
    from letterkit.pdf import to_pdf

    out = tmp_path_factory.mktemp("seed")
    built = build_draft(SEED_DRAFT, output=out)
    return to_pdf([built.output], out)[0]


def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository's project files (drafts, templates, profiles, project file)."""
    target = tmp_path / "repo"
    target.mkdir()
    for name in ("drafts", "templates", "profiles"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "letterkit.yaml", target / "letterkit.yaml")
    return target


# -- every letter the suite builds, validated -----------------------------------------------------
# At the end of each test module, every .docx letterkit wrote since the last look (under pytest's
# temporary folders, where every test builds, and letterkit's cache) is checked with tests/ooxml_check.py:
# in-process builds and `python -m letterkit` subprocesses alike.  A schema error fails the module's last
# test, naming the file.  A test that writes a deliberately broken letter says so with
# @pytest.mark.invalid_docx.

_seen: dict[Path, tuple[int, int]] = {}
_verdicts: dict[str, list[str]] = {}  # sha256 of a package → its problems (many builds repeat)
_checked = {"letters": 0, "seconds": 0.0}


def pytest_configure(config):
    config.addinivalue_line("markers", "invalid_docx: the test writes .docx files that need not be valid OOXML")


_listed: dict[str, tuple[int, list[str]]] = {}  # folder → (its mtime, its subfolders) when last listed


def _new_docx(roots: list[Path]) -> list[Path]:
    """The .docx files written or changed since the last look.  A folder whose mtime has not moved has the
    same entries as when it was listed (letterkit writes by renaming a finished file into place, which
    moves it), so only its subfolders are visited: one stat a folder instead of listing it again."""
    found = []
    stack = [str(root) for root in roots]
    while stack:
        folder = stack.pop()
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError:
            continue
        if (listed := _listed.get(folder)) is not None and listed[0] == mtime:
            stack += listed[1]
            continue
        subfolders = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        subfolders.append(entry.path)
                    elif entry.name.endswith(".docx"):
                        try:
                            stat = entry.stat()
                        except OSError:
                            continue
                        path = Path(entry.path)
                        if _seen.get(path) != (stat.st_mtime_ns, stat.st_size):
                            _seen[path] = (stat.st_mtime_ns, stat.st_size)
                            found.append(path)
        except OSError:
            continue
        _listed[folder] = (mtime, subfolders)
        stack += subfolders
    return found


def _problems(path: Path) -> list[str]:
    """Its schema problems, for a package letterkit wrote (its styles are the lk… ones); [] for other files."""
    import zipfile

    from ooxml_check import check_docx

    try:
        data = path.read_bytes()
        with zipfile.ZipFile(path) as archive:
            if b'w:styleId="lk' not in archive.read("word/styles.xml"):
                return []
    except (OSError, KeyError, zipfile.BadZipFile):
        return []  # not a letter of ours (a test's stand-in file, a hand-made Word file)
    digest = hashlib.sha256(data).hexdigest()
    _checked["letters"] += 1
    if digest not in _verdicts:
        started = time.perf_counter()
        _verdicts[digest] = check_docx(path)
        _checked["seconds"] += time.perf_counter() - started
    return _verdicts[digest]


def pytest_terminal_summary(terminalreporter):
    if _checked["letters"]:
        terminalreporter.write_line(f"OOXML: {_checked['letters']} letters checked against the schemas "
                                    f"({len(_verdicts)} distinct, {_checked['seconds']:.1f} s; "
                                    f"looking for them {_checked.get('walking', 0.0):.1f} s)")


_finished: set[Path] = set()  # finished tests' own tmp_path folders, walked once since: nothing writes there
_ending: set[Path] = set()  # finished tests' own folders not walked since they finished
_found: list[str] = []  # problems found but not yet reported (they are reported when the module ends)


def _roots(base: Path) -> list[Path]:
    """Where a letter may have appeared: every folder under pytest's base but the finished tests' own,
    and letterkit's cache.  pytest's `…current` links to them are passed over: through them every letter
    was found twice, and the finished tests' folders walked again."""
    try:
        return [entry for entry in base.iterdir() if entry not in _finished and not entry.is_symlink()] + [CACHE]
    except OSError:
        return [CACHE]


def _look(base: Path, check: bool) -> None:
    """Find the letters written since the last look; check them unless a test wrote them on purpose broken."""
    started = time.perf_counter()
    paths = _new_docx(_roots(base))
    _finished.update(_ending)
    _ending.clear()
    _checked["walking"] = _checked.get("walking", 0.0) + time.perf_counter() - started
    if check:
        _found.extend(f"{path}:\n  " + "\n  ".join(problems[:10]) for path in paths if (problems := _problems(path)))


@pytest.fixture(autouse=True, scope="module")
def _built_letters_are_valid_ooxml(tmp_path_factory):
    """Look once a module, not once a test: the walk over pytest's folders after each of 30,000 tests cost
    over twenty minutes of CI.  A schema error fails the module's last test (its teardown), naming the file;
    the file's folder names the test that wrote it."""
    yield
    _look(tmp_path_factory.getbasetemp(), check=True)
    if _found:
        failures = list(_found)
        _found.clear()
        pytest.fail("letterkit wrote invalid Office Open XML (tests/ooxml_check.py):\n" + "\n".join(failures),
                    pytrace=False)


_base: list[Path] = []  # pytest's base folder, known once a test has run


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test marked invalid_docx sets up its fixtures, what earlier tests wrote is checked: a module-scoped
    fixture of broken letters is set up after this, and passed over with the test's own files after it."""
    if _base and item.get_closest_marker("invalid_docx") is not None:
        _look(_base[0], check=True)


@pytest.fixture(autouse=True)
def _deliberately_invalid_letters_set_aside(request, tmp_path_factory):
    """A test marked invalid_docx writes broken letters on purpose: what it (and its fixtures) wrote is passed over."""
    _base[:] = [tmp_path_factory.getbasetemp()]
    yield
    if isinstance(own := request.node.funcargs.get("tmp_path"), Path):
        _ending.add(own)
    if request.node.get_closest_marker("invalid_docx") is not None:
        _look(tmp_path_factory.getbasetemp(), check=False)
