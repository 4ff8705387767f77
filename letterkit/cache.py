"""letterkit's own cache folder ($XDG_CACHE_HOME/letterkit, else ~/.cache/letterkit): work that
is the same every run (compiled templates, the prepared empty letter, segmented titles) kept
between processes so a one-letter build does not redo it.  Everything in it may be deleted.

What is read back from a cache can change a letter, so the folder must be the user's own:
created private (0700), and refused — nothing cached — when another user owns it or others
may write to it.  There is no fallback to a shared temporary folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_dir(*parts: str) -> Path | None:
    """The folder (created), or None when it cannot be made or is not private: then nothing is cached."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "letterkit"
    folder = base.joinpath(*parts)
    try:
        base.parent.mkdir(parents=True, exist_ok=True)
        for level in [base, *(base.joinpath(*parts[:i + 1]) for i in range(len(parts)))]:
            level.mkdir(mode=0o700, exist_ok=True)
            if not _private(level):
                return None
    except OSError:
        return None
    return folder


def _private(folder: Path) -> bool:
    """Ours, a real folder (not a symlink), and writable by nobody else."""
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def jieba():
    """jieba, initialised with its prepared dictionary kept in letterkit's private cache folder
    (else a fresh private temporary one), never in the shared temporary folder's jieba.cache
    that anyone could plant: every use (titles, proofreading) comes through here."""
    import logging
    import tempfile

    import jieba as module

    module.setLogLevel(logging.WARNING)
    if not module.dt.initialized:
        folder = cache_dir("jieba")
        module.dt.tmp_dir = str(folder) if folder else tempfile.mkdtemp(prefix="letterkit-jieba-")
        module.initialize()
    return module
