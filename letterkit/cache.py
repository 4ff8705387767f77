"""letterkit's own cache folder ($XDG_CACHE_HOME/letterkit, else ~/.cache/letterkit): work that
is the same every run (compiled templates, the prepared empty letter, segmented titles) kept
between processes so a one-letter build does not redo it.  Everything in it may be deleted."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(*parts: str) -> Path | None:
    """The folder (created), or None when it cannot be made: then nothing is cached."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "letterkit"
    folder = base.joinpath(*parts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
