"""Bad input, one folder per case (tests/bad_drafts/<what it proves>/), built through the CLI:
a clear Chinese line with file:line:column and exit 1 — never a traceback, never a file
written.  The `ok` cases must simply build (a BOM and CRLF line ends, Jinja syntax in a
value printed literally, a very long value)."""

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

CASES = Path(__file__).parent / "bad_drafts"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_draft(case, tmp_path):
    root = tmp_path / case
    shutil.copytree(CASES / case, root)
    expected = (root / "expected-code").read_text(encoding="utf-8").strip()
    done = subprocess.run([sys.executable, "-m", "letterkit", "build"], cwd=root, capture_output=True, text=True,
                          timeout=60)
    assert "Traceback" not in done.stderr and "内部错误" not in done.stderr
    output = root / "build" / "draft.docx"
    if expected == "ok":
        assert done.returncode == 0, done.stderr
        assert docx.Document(str(output)).paragraphs
        return
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first.startswith("drafts/draft.yaml:") and f" 错误 {expected} " in first, done.stderr
    location = first.split(" ", 1)[0].rstrip(":").split(":")
    assert len(location) == 3 and location[1].isdigit() and location[2].isdigit()  # file:line:column
    assert not output.exists() and not list(root.rglob("*.tmp"))


def test_jinja_in_a_value_is_printed_literally(tmp_path):
    root = tmp_path / "case"
    shutil.copytree(CASES / "jinja-in-value", root)
    subprocess.run([sys.executable, "-m", "letterkit", "build"], cwd=root, check=True, capture_output=True)
    texts = [p.text for p in docx.Document(str(root / "build" / "draft.docx")).paragraphs]
    assert "尊敬的{{ 7*7 }}{% raw %}委员：" in texts


# -- mutated drafts: a valid .docx or a clean error, never anything else ---------------------

import yaml  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from conftest import MINIMAL_DRAFT  # noqa: E402
from letterkit.build import build_draft  # noqa: E402
from letterkit.errors import LetterkitError  # noqa: E402

ODD = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True),
                st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
                st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
                st.dates())


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, prefix + (index,))


@st.composite
def mutated_drafts(draw):
    data = yaml.safe_load(MINIMAL_DRAFT)
    for _ in range(draw(st.integers(1, 3))):
        candidates = [p for p in paths(data) if p]
        path = draw(st.sampled_from(candidates))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["drop", "replace"]))
        if action == "drop":
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(ODD)
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_drafts())
def test_a_mutated_draft_builds_or_fails_cleanly(tmp_path, data):
    draft = tmp_path / "drafts" / "draft.yaml"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        built = build_draft(draft, output=tmp_path / "build")
    except LetterkitError as error:
        assert error.problems and all(p.location.path for p in error.problems)
    else:
        assert docx.Document(str(built.output)).paragraphs
