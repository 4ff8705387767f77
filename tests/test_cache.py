"""The title cache cannot change a letter (issue 15, item 14): entries are checked against the
title they claim to segment, the cache folder must be the user's own (0700, not writable by
others), and there is no fallback to the shared temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx

from conftest import MINIMAL_DRAFT, make_project
from letterkit import titles

# long, and without 第/关于/会议/的 to break at: segmented by jieba, so looked up in the cache
TITLE = "加快推进老旧小区既有住宅加装电梯和完善社区养老服务设施建设工作意见答复"
PLANTED = {TITLE: ["关于5号楼", "的答复"], "关于": ["关", "于"]}


def _build(tmp_path: Path, env: dict) -> str:
    root = make_project(tmp_path / "project", {"drafts/draft.yaml": MINIMAL_DRAFT + f"title: {TITLE}\n"})
    done = subprocess.run([sys.executable, "-m", "letterkit", "build"], cwd=root, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return "".join(p.text for p in docx.Document(str(root / "build" / "draft.docx")).paragraphs).replace("\n", "")


def _plant(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"title-words-{titles.CACHE_VERSION}.json").write_text(json.dumps(PLANTED, ensure_ascii=False),
                                                                      encoding="utf-8")


def test_a_planted_entry_in_the_users_cache_cannot_change_a_title(tmp_path):
    cache = tmp_path / "cache"
    _plant(cache / "letterkit")
    os.chmod(cache / "letterkit", 0o700)
    letter = _build(tmp_path, {"XDG_CACHE_HOME": str(cache)})
    assert TITLE in letter and "5号楼" not in letter


def test_no_fallback_to_the_shared_temporary_folder(tmp_path):
    shared = tmp_path / "tmp"
    _plant(shared)
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")  # the user cache cannot be made
    letter = _build(tmp_path, {"XDG_CACHE_HOME": str(tmp_path / "not-a-folder"), "TMPDIR": str(shared)})
    assert TITLE in letter and "5号楼" not in letter
    assert json.loads((shared / f"title-words-{titles.CACHE_VERSION}.json").read_text(encoding="utf-8")) == PLANTED
    assert not (shared / "jieba.cache").exists()  # jieba's dictionary cache kept private too


def test_a_cache_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    from letterkit.cache import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = cache_dir("jinja")
    assert folder == tmp_path / "letterkit" / "jinja"
    assert (tmp_path / "letterkit").stat().st_mode & 0o777 == 0o700
    os.chmod(tmp_path / "letterkit", 0o777)
    assert cache_dir("jinja") is None
    os.chmod(tmp_path / "letterkit", 0o700)
    os.chmod(folder, 0o775)
    assert cache_dir("jinja") is None
    os.chmod(folder, 0o700)
    assert cache_dir("jinja") == folder
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    os.rmdir(folder)
    folder.symlink_to(tmp_path / "elsewhere")  # a symlink planted in place of the folder
    assert cache_dir("jinja") is None


def test_entries_are_checked_against_their_title():
    assert titles._valid(PLANTED) == {"关于": ["关", "于"]}  # the planted title is dropped
    good = {"关于加装电梯": ["关于", "加装", "电梯"]}
    assert titles._valid({**good, "x": "x", 1: ["1"], "y": [1], "": []}) == good
