"""What the proofreading rules found in a draft, kept between runs in letterkit's cache folder.

A clerk or CI runs `letterkit check` over the same thousand drafts again and again; the rules
read only the draft's text (and the title and opening the template prints), so their findings
are the same as long as that text and the rules' code are.  The key is a digest of both.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from .registry import Finding

MOST = 200_000  # findings lists kept; past that the file starts again (only a cache)
_state = {"dirty": False, "last": (None, None)}
_new: dict = {}  # findings worked out in this process since taken() last asked (a worker's, for its parent)


@lru_cache(maxsize=1)
def _version() -> str:
    """A digest of the rules' own code and lost-character's glossary: a changed rule never reads an old finding."""
    from . import glossary

    digest = hashlib.sha1()
    for module in sorted(Path(__file__).parent.glob("*.py")) + [Path(glossary.TERMS_FILE), Path(glossary.PHRASES_FILE)]:
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _file() -> Path | None:
    from ..cache import cache_dir

    folder = cache_dir("proof")
    return folder / f"findings-{_version()}.json" if folder else None


@lru_cache(maxsize=1)
def _store() -> dict:
    path = _file()
    try:
        store = json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else {}
    except (OSError, ValueError):
        store = {}
    atexit.register(save)
    return store if isinstance(store, dict) else {}


def _digest(c) -> str | None:
    """The draft's text as the rules read it, or None when it cannot be written out (then no cache)."""
    data, letter = c.data, getattr(c, "letter", {})
    if _state["last"][0] is data:
        return _state["last"][1]
    try:
        text = json.dumps([data, letter], sort_keys=True, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        key = None
    else:
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    _state["last"] = (data, key)
    return key


def remembering(code: str, check):
    """`check`, answering from the cache when this draft's text was checked before."""
    def remembered(c):
        key = _digest(c)
        if key is None:
            yield from check(c)
            return
        store = _store()
        found = store.get(f"{code} {key}")
        if found is None:
            found = [[list(f.path), f.message, f.hint, f.offset] for f in check(c)]
            if len(store) < MOST:
                store[f"{code} {key}"] = _new[f"{code} {key}"] = found
                _state["dirty"] = True
        for path, message, hint, offset in found:
            yield Finding(tuple(path), message, hint, offset)
    return remembered


def load() -> None:
    """Read the kept findings now: before forking workers, so they share one copy."""
    _store()


def taken() -> dict:
    """The findings this process worked out since the last call (a worker hands them to its parent)."""
    found = dict(_new)
    _new.clear()
    return found


def adopt(found: dict) -> None:
    """Keep findings a worker worked out, to be saved with this process's own."""
    store = _store()
    for key, value in found.items():
        if len(store) >= MOST:
            break
        store[key] = value
        _state["dirty"] = True


def save() -> None:
    """Write the cache (merged with what another process wrote meanwhile), whole or not at all."""
    path = _file()
    if not _state["dirty"] or path is None:
        return
    _state["dirty"] = False
    store = _store()
    try:
        on_disk = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        on_disk = {}
    merged = {**(on_disk if isinstance(on_disk, dict) and len(on_disk) < MOST else {}), **store}
    try:
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # only a cache: a read-only home costs time, nothing else
