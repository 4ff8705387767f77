"""A cold `letterkit check` was made faster (issue 13) without changing what it finds.

- lost-character's phrase check puts a letter's keys together from what each paragraph holds when
  most paragraphs were seen before: the same keys, in the same order, as reading the letter whole;
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

from hypothesis import given, settings, strategies as st

from letterkit.checkrun import check_paths
from letterkit.importing import import_file
from letterkit.project import open_project
from letterkit.proof import dictionary, shortened

from conftest import REPO, SEED_TEXT

SEED = SEED_TEXT.read_text(encoding="utf-8")
ALPHABET = sorted(set(SEED) - {"\n"})


def pieces_of_the_seed(draw_from) -> st.SearchStrategy[str]:
    """Texts glued from runs of the seed letter (real words) and single characters of it."""
    runs = st.integers(0, len(SEED) - 12).flatmap(lambda at: st.integers(1, 12).map(lambda n: SEED[at:at + n].replace("\n", "")))
    return st.lists(st.one_of(runs, st.sampled_from(draw_from)), max_size=30).map("".join)


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


PARAGRAPHS = [line.strip() for line in SEED.splitlines() if len(line.strip()) >= 8]


@st.composite
def letters_of_seed_paragraphs(draw) -> list[str]:
    """Paragraphs of the seed letter, some repeated, some with one character taken out (a lost character)."""
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=12))
    letter = []
    for text in chosen:
        if draw(st.booleans()):
            at = draw(st.integers(1, len(text) - 2))
            text = text[:at] + text[at + 1:]
        letter.append(text)
    return letter


def four_cjk(full: dict) -> dict:
    return {key: places for key, places in full.items() if shortened.SHORT_CJK.fullmatch(key)}


@settings(max_examples=150, deadline=None)
@given(letters_of_seed_paragraphs())
def test_the_phrase_keys_put_together_paragraph_by_paragraph_are_the_letters(paragraphs):
    """The lost-character phrase check reads the same keys, in the same order, whichever way it finds them."""
    shortened.text_module.forget()
    pairs = dictionary.dictionary()[0]
    assert four_cjk(shortened._keys_by_paragraph(paragraphs, pairs)) == four_cjk(shortened._keys_of_letter("\n".join(paragraphs), pairs))
    first = shortened.shortened_phrases(paragraphs)   # nothing seen before: the letter as one text
    again = shortened.shortened_phrases(paragraphs)   # every paragraph seen: put together from each paragraph's
    assert first == again


def test_a_shortened_phrase_is_found_the_same_whether_its_paragraphs_were_seen_or_not():
    whole = "公共技术服务平台已经建成，由公司运营管理。"
    paragraphs = [whole, "搭建公共技术服务台，为企业提供服务。", whole]
    shortened.text_module.forget()
    first = shortened.shortened_phrases(paragraphs)
    assert first == [(1, 2, "公共技术服务台", "公共技术服务平台", "平")] == shortened.shortened_phrases(paragraphs)
    assert shortened._phrase_memo  # the second time went paragraph by paragraph
