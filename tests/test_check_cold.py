"""A cold `letterkit check` was made faster (issue 13) without changing what it finds.

- lost-character reads a paragraph's two-character words and its loose characters with C loops
  (map/compress) instead of a Python loop per character: on any text, the same answer as the plain
  definition kept here (hypothesis, texts made of the seed letter's own characters and marks, so
  that dictionary words, doubled words and loose characters all occur);
- the cycle collector runs less often while drafts are checked, and what the parent loaded before
  forking is frozen: after a check, Python's collector is as it was (a library call leaves no
  global setting behind), and a check run twice in one process finds the same.

tests/test_check_speed.py compares the whole command's output with the reference check on a
mixed project (and on 1,000 drafts with CI=true); benchmarks/check_same.py compares it with
another letterkit revision's, byte for byte.
"""

from __future__ import annotations

import gc
import shutil
from operator import add

from hypothesis import given, settings, strategies as st

from letterkit.checkrun import check_paths
from letterkit.importing import import_file
from letterkit.project import open_project
from letterkit.proof import missing

from conftest import REPO, SEED_TEXT

SEED = SEED_TEXT.read_text(encoding="utf-8")
ALPHABET = sorted(set(SEED) - {"\n"})


def plain_paragraph(text: str) -> tuple[list, set, list]:
    """missing._paragraph's words and loose characters as they were first written, one character at a time."""
    pairs = missing.dictionary()[0]
    paired = [pair for pair in map(add, text, text[1:]) if pair in pairs]
    counted, rare = set(paired), missing.rarely_alone()
    loose = [at for at, ch in enumerate(text[:-1]) if ch in rare and at
             and text[at - 1:at + 1] not in counted and text[at:at + 2] not in counted]
    return paired, counted, loose


def pieces_of_the_seed(draw_from) -> st.SearchStrategy[str]:
    """Texts glued from runs of the seed letter (real words) and single characters of it."""
    runs = st.integers(0, len(SEED) - 12).flatmap(lambda at: st.integers(1, 12).map(lambda n: SEED[at:at + n].replace("\n", "")))
    return st.lists(st.one_of(runs, st.sampled_from(draw_from)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(pieces_of_the_seed(ALPHABET))
def test_a_paragraphs_words_and_loose_characters_are_those_of_the_plain_definition(text):
    missing.text_module.forget()
    paired, counted, loose, padded, known = missing._paragraph(text)
    assert (paired, counted, loose) == plain_paragraph(text)
    assert padded == "\n" * missing.PAD + text + "\n" * missing.PAD and known == {}


def test_every_paragraph_of_the_seed_letter_reads_as_before():
    missing.text_module.forget()
    paragraphs = [line.strip() for line in SEED.splitlines() if line.strip()]
    assert paragraphs and all(missing._paragraph(text)[:3] == plain_paragraph(text) for text in paragraphs)
    assert any(missing._paragraph(text)[2] for text in paragraphs)  # loose characters occur: the test can fail


def test_a_check_leaves_the_cycle_collector_as_it_found_it(tmp_path, monkeypatch):
    root = tmp_path / "project"
    root.mkdir()
    for name in ("letterkit.yaml", "profiles", "templates", "drafts"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    (root / "drafts" / "seed.yaml").write_text(import_file(SEED_TEXT).draft, encoding="utf-8")  # findings to compare
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = open_project(root)
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    first = check_paths(project.drafts(), project, jobs=1)
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-cache"))  # nothing remembered: checked again
    again = check_paths(project.drafts(), open_project(root), jobs=1)
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen
    found = {str(k): [str(p) for p in v] for k, v in first.items()}
    assert any(found.values()) and found == {str(k): [str(p) for p in v] for k, v in again.items()}
