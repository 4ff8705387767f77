"""Issue 6's promise, kept (issue 12): `letterkit import` of a letter letterkit built gives back the
same draft values, and the draft it writes builds the very same .docx, byte for byte.

Every repository draft, and a covering matrix of generated letters (layout × seal × 版头 marks ×
签发人 × 类别 × 公开 × 附件 × 版记 × template: pairwise, every three values together with CI=true)."""

import dataclasses
import json
import os
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from hypothesis import HealthCheck, example, given, settings, strategies as st

import lettergen
from letterkit.blocks import to_text
from letterkit.build import build_draft, letter_blocks, read_draft
from letterkit.errors import LetterkitError
from letterkit.importing import import_file
from letterkit.project import open_project

from conftest import REPO

REPO_DRAFTS = sorted(open_project(REPO).drafts())
# values that are not the letter's: where the draft was, how it was written (layers, templates)
NOT_VALUES = {"path", "sources", "template", "department", "absent", "deadlines", "categories",
              "title", "salutation", "opening", "closing"}  # these four: compared as printed
FACTORS = {"layout": ["letter", "general", "plain"], "seal": ["seal", "none", "joint"],
           "marks": [(), ("copyno", "secrecy", "urgency")], "signer": [False, True], "category": [False, True],
           "disclosure": [False, True], "attachments": [0, 2], "annex": [False, True],
           "colophon": ["none", "cc", "printer", "both"], "template": ["reply", "cohandling"]}
CASES = [lettergen.as_case(row) for row in lettergen.covering(FACTORS, 3 if os.environ.get("CI") else 2)]


def values(path: Path) -> dict:
    """The draft's values as build reads them (layers merged); seals as image bytes; title,
    salutation, opening and closing as printed (a template may write them for the draft)."""
    project = open_project(path)
    draft = read_draft(path, project)
    out = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft) if f.name not in NOT_VALUES}
    out["seal"] = Path(draft.seal).read_bytes() if draft.seal else None
    out["co_signers"] = [(c.signature, Path(c.seal).read_bytes() if c.seal else None) for c in draft.co_signers]
    blocks = letter_blocks(draft, project)
    out["title"] = "".join(b.text for b in blocks if b.kind == "title")
    out["salutation"] = next(b.text for b in blocks if b.kind == "to")
    out["body"] = to_text([b for b in blocks if b.kind in ("p", "heading")])  # opening, measures, closing
    return out


def round_trip(draft: Path, project, folder: Path):
    """Build → import the .docx → write the draft and its seals → build again: (first, again, imported draft, result)."""
    first = build_draft(draft, project, folder / "first").output
    result = import_file(first)
    again = folder / "again" / (draft.stem + ".yaml")
    again.parent.mkdir(parents=True, exist_ok=True)
    again.write_text(result.draft, encoding="utf-8")
    for name, data in result.images.items():
        (again.parent / name).write_bytes(data)
    second = build_draft(again, open_project(again), folder / "second").output
    return first, second, again, result


def assert_same(draft: Path, project, folder: Path):
    first, second, again, result = round_trip(draft, project, folder)
    unbuildable = [n.message for n in result.notes if n.code == "import-unbuildable"]
    assert not unbuildable, unbuildable  # the seals it wrote beside the draft are found (3 of 5 drafts said not)
    before, after = values(draft), values(again)
    wrong = {key: (before[key], after[key]) for key in before if before[key] != after[key]}
    assert not wrong, f"{draft.name}: {wrong}"
    assert first.read_bytes() == second.read_bytes(), f"{draft.name}: the rebuilt letter differs"


@pytest.mark.parametrize("draft", REPO_DRAFTS, ids=lambda p: p.stem)
def test_every_repository_draft_comes_back_with_its_values(tmp_path, draft):
    assert_same(draft, open_project(REPO), tmp_path)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated")
    paths = lettergen.write_project(root, CASES)
    return root, paths


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.name for c in CASES])
def test_generated_letters_come_back_with_their_values(generated, tmp_path, index):
    root, paths = generated
    assert_same(paths[index], open_project(paths[index]), tmp_path)


# -- the tester's findings, one by one ------------------------------------------------------------

def draft_with(root: Path, **changes) -> Path:
    data = lettergen.draft(lettergen.Case())
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    lettergen.write_project(root, [])
    path = root / "drafts" / "one.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def imported(tmp_path, path: Path) -> dict:
    first = build_draft(path, open_project(path), tmp_path / "first").output
    return yaml.safe_load(import_file(first).draft)


def test_sealed_false_comes_back(tmp_path):
    fields = imported(tmp_path, draft_with(tmp_path, sealed=False, seal=None))
    assert fields["sealed"] is False


def test_the_signer_of_a_letter_layout_comes_back(tmp_path):
    fields = imported(tmp_path, draft_with(tmp_path, signer="张建国"))  # the 信函格式 does not print it
    assert fields["signer"] == "张建国"


def test_a_plain_letters_code_and_number_come_back(tmp_path):
    fields = imported(tmp_path, draft_with(tmp_path, layout="plain"))  # no 版头: no 发文字号 on the page
    assert fields["organ"]["code"] == "福测函" and fields["number"] == {"year": 2024, "seq": lettergen.seq_of(lettergen.Case())}


def test_a_closing_that_starts_with_xiayibu_stays_a_closing(tmp_path):
    path = REPO / "drafts" / "2024" / "jiaoyu-TA20240018.yaml"
    fields = imported(tmp_path, path)
    assert fields["closing"] == ["下一步，我局将继续会同交警部门，做好校园周边交通安全管理工作。", "感谢您对教育工作的关心和支持。"]
    assert fields["measures"][-1] == "详细点位清单见附件。"  # a paragraph of its own, not under the last heading


def test_what_the_page_shows_wins_over_what_was_kept(tmp_path):
    """A letter edited in Word: the edit comes back; the kept shape is not forced on other paragraphs."""
    first = build_draft(REPO / "drafts" / "2024" / "jiaoyu-TA20240018.yaml", open_project(REPO), tmp_path).output
    document = docx.Document(str(first))
    body = [p for p in document.paragraphs if p.text == "详细点位清单见附件。"][0]
    body.runs[0].text = "详细点位清单见附件一。"
    signer = [p for p in document.paragraphs if "刘晓红" in p.text][0]
    for run in signer.runs:
        run.text = run.text.replace("刘晓红", "王晓红")
    removed = [p for p in document.paragraphs if p.text.startswith("2.家长志愿者")][0]._p
    removed.getparent().remove(removed)
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    result = import_file(edited)
    assert "详细点位清单见附件一。" in result.draft and "王晓红" in result.draft and "各校组织家长志愿者队伍" not in result.draft
    assert "下一步" in result.draft and result.fields["signer"] == "张建国"  # unprinted values still come back


# -- a .docx made by hand may carry anything in letterkit's document variable ----------------------

JSON = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)
KEYS = ["layout", "sealed", "organ", "number", "file_mark", "signer", "copy_number", "secrecy", "urgency", "printer",
        "print_date", "proposal", "assigned", "sent", "style", "body", "closing", "annexes", "name", "code", "year", "seq"]
KEPT = st.dictionaries(st.sampled_from(KEYS), JSON | st.dictionaries(st.sampled_from(KEYS), JSON, max_size=4)
                       | st.text(alphabet="hpc0123 ", max_size=30), max_size=10)


@pytest.fixture(scope="module")
def built_letter(tmp_path_factory):
    return build_draft(REPO / "drafts" / "2024" / "jiaoyu-TA20240018.yaml", open_project(REPO),
                       tmp_path_factory.mktemp("built")).output


@given(kept=KEPT | st.sampled_from(["[" * 100_000, "{", "", "null", "[1, 2]", '"x"']))
@example(kept={"layout": {}, "style": {"!": None, "layout": [{}]}})  # found with CI=true: keys and lists the draft writer cannot write
@settings(max_examples=200 if os.environ.get("CI") else 25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_value_in_the_kept_variable_imports_without_a_traceback(tmp_path, built_letter, kept):
    document = docx.Document(str(built_letter))
    variable = document.settings.element.find(qn("w:docVars")).find(qn("w:docVar"))
    variable.set(qn("w:val"), kept if isinstance(kept, str) else json.dumps(kept, ensure_ascii=False))
    path = tmp_path / "made-by-hand.docx"
    document.save(str(path))
    result = import_file(path)  # never a traceback
    assert isinstance(yaml.safe_load(result.draft), dict)
    draft = tmp_path / "made-by-hand.yaml"
    draft.write_text(result.draft, encoding="utf-8")
    for name, data in result.images.items():
        (tmp_path / name).write_bytes(data)
    try:
        build_draft(draft, open_project(draft), tmp_path / "out")
    except LetterkitError:  # a draft build rejects was said at import
        assert any(n.code == "import-unbuildable" for n in result.notes), result.draft
