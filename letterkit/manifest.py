"""The build manifest: what each letter was built from, so an unchanged draft is not built again.

`build/.letterkit-manifest.json` records, per draft, the content hash of every input (the draft,
the project file, its department's profiles, each template it used and the ones that would
shadow them if they appeared, seal images) and of the output it wrote, plus a fingerprint of
letterkit itself (its version and every file of the package: code, built-in templates, house
style).  A draft is up to date when all of these hash the same; anything else rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from . import __version__

MANIFEST = ".letterkit-manifest.json"
PACKAGE = Path(__file__).resolve().parent


def digest(path: str | Path) -> str | None:
    """sha256 of the file's bytes; None when there is no such file."""
    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """letterkit's version and every file it ships: a new letterkit rebuilds everything."""
    h = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(PACKAGE)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class Manifest:
    def __init__(self, folder: Path, root: Path):
        self.folder, self.root = Path(folder), Path(root).resolve()
        self.path = self.folder / MANIFEST
        self.entries: dict[str, dict] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("code") == code_fingerprint():
                self.entries = data.get("drafts", {})
        except (OSError, ValueError, AttributeError):
            pass  # no manifest, or a damaged one: everything is built

    def key(self, path: Path) -> str:
        """A path as the manifest names it: relative to the project when inside it.
        (os.path on strings: this runs for every input of every draft on a no-change build.)"""
        path = os.path.abspath(path)
        root = str(self.root)
        if path.startswith(root + os.sep):
            return path[len(root) + 1:].replace(os.sep, "/")
        return path

    def _path(self, key: str) -> str:
        return key if os.path.isabs(key) else os.path.join(self.root, key)

    def up_to_date(self, draft: Path, output: Path) -> bool:
        entry = self.entries.get(self.key(draft))
        if entry is None or entry.get("output") != self.key(output):
            return False
        if known_digest(self._path(entry["output"])) != entry.get("output_digest"):
            return False
        return all(known_digest(self._path(key)) == value for key, value in entry.get("inputs", {}).items())

    def record(self, draft: Path, output: Path, inputs: dict[str, str | None], output_digest: str) -> None:
        self.entries[self.key(draft)] = {
            "output": self.key(output),
            "output_digest": output_digest,
            "inputs": {self.key(Path(p)): d for p, d in sorted(inputs.items())},
        }

    def forget(self, draft: Path) -> None:
        self.entries.pop(self.key(draft), None)

    def orphans(self) -> list[tuple[str, Path]]:
        """(draft, output) of drafts that are gone while their output stays."""
        return [(key, Path(self._path(entry["output"]))) for key, entry in sorted(self.entries.items())
                if not os.path.isfile(self._path(key))]

    def save(self) -> None:
        from .write import write_atomic

        data = {"letterkit": __version__, "code": code_fingerprint(), "drafts": dict(sorted(self.entries.items()))}
        write_atomic(self.path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


_SEEN: dict[str, tuple[int, int, str | None]] = {}  # path → (mtime_ns, size, digest), in this process


def known_digest(path: str) -> str | None:
    """digest(), remembered while the file's time and size stay the same: the project file,
    profiles and templates are read once per process, not once per draft."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    seen = _SEEN.get(path)
    if seen and seen[:2] == (stat.st_mtime_ns, stat.st_size):
        return seen[2]
    value = digest(path)
    _SEEN[path] = (stat.st_mtime_ns, stat.st_size, value)
    return value


def inputs_of(files: list[Path], absent: list[Path]) -> dict[str, str | None]:
    """The digests to record: files read (those inside letterkit itself are covered by its
    fingerprint) and files whose appearance would change the letter (recorded as absent)."""
    package = str(PACKAGE) + os.sep
    result: dict[str, str | None] = {}
    for path in files:
        path = os.path.abspath(path)
        if not path.startswith(package):
            result[path] = known_digest(path)
    for path in absent:
        path = os.path.abspath(path)
        if not path.startswith(package):
            result.setdefault(path, None)
    return result
