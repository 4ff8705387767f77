"""The build manifest: what each letter was built from, so an unchanged draft is not built again.

`build/.letterkit-manifest.json` records, per project and draft, the content hash of every input
(the draft, the project file, its department's profiles, each template it used and the ones that
would shadow them if they appeared, seal images) and of the output it wrote, plus a fingerprint of
letterkit itself (its version and every file of the package: code, built-in templates, house
style).  A draft is up to date when all of these hash the same; anything else rebuilds it.

The input digests are those of the bytes the build actually read (`note_read`), not of the files
as they are when it ends: a file saved during a build is seen as changed by the next one.
The output digest is what letterkit wrote: an output that no longer has it was changed by someone
else (touched up in Word) and is neither overwritten nor deleted without a word.

Several projects may build into one folder (`-o`): each keeps its own section, named by its
folder relative to the output folder, and never treats another's letters as its own.  Two builds
at once merge their entries under a file lock instead of the last one's save winning.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from . import __version__
from .errors import display_path

MANIFEST = ".letterkit-manifest.json"
LOCK = ".letterkit-manifest.lock"  # flock'ed while the manifest is read, merged and written
PACKAGE = Path(__file__).resolve().parent
FORMAT = 2


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
        self.project = os.path.relpath(self.root, os.path.abspath(self.folder)).replace(os.sep, "/")
        self.warning: str | None = None  # said once when the file on disk is not a manifest
        self.lock_warnings: list[str] = []  # a symlinked lock file replaced (said after the build)
        self.changes: dict[str, dict | None] = {}  # this run's records (None: forgotten), merged in on save
        sections = self._read()
        self.entries: dict[str, dict] = sections.pop(self.project, {})
        self.others: dict[str, dict] = sections  # the other projects' sections (project → drafts)

    def _read(self) -> dict[str, dict]:
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}  # no manifest yet (or unreadable): everything is built
        sections = _sections(data, self.root, self.project)
        if sections is None:
            self.warning = (f"{display_path(self.path)}: 警告 bad-manifest 生成记录不是 letterkit 写的格式，当作没有记录"
                            f"（本次全部重新生成并重写它）")
            return {}
        return sections

    def key(self, path: Path) -> str:
        """A path as the manifest names it: relative to the project when inside it.
        (os.path on strings: this runs for every input of every draft on a no-change build.)"""
        path = os.path.abspath(path)
        root = str(self.root)
        if not path.startswith(root + os.sep) and os.path.realpath(path).startswith(root + os.sep):
            path = os.path.realpath(path)  # reached through a symlinked folder: the same draft, the same key
        if path.startswith(root + os.sep):
            return path[len(root) + 1:].replace(os.sep, "/")
        return path

    def _path(self, key: str, root: str | Path | None = None) -> str:
        return key if os.path.isabs(key) else os.path.join(root or self.root, key)

    def up_to_date(self, draft: Path, output: Path) -> bool:
        entry = self.entries.get(self.key(draft))
        if entry is None or entry.get("stale") or entry.get("output") != self.key(output):
            return False
        if known_digest(self._path(entry["output"])) != entry.get("output_digest"):
            return False
        return all(known_digest(self._path(key)) == value for key, value in entry.get("inputs", {}).items())

    def written(self, output: Path) -> str | None:
        """The digest letterkit recorded writing to `output` (for this project), or None."""
        return self.by_output().get(self.key(output), (None, None))[1]

    def by_output(self) -> dict[str, tuple[str, str]]:
        """output key → (draft key, output digest) of this project's entries."""
        return {e["output"]: (k, e["output_digest"]) for k, e in self.entries.items()}

    def owners(self) -> dict[str, str]:
        """Every output another draft may own → that draft: this project's drafts (absolute output
        path → draft key) and other projects' building into the same folder (→ absolute draft path);
        a draft that no longer exists owns nothing."""
        found = {}
        for project, entries in self.others.items():
            root = os.path.normpath(os.path.join(os.path.abspath(self.folder), project))
            for key, entry in entries.items():
                draft = os.path.normpath(self._path(key, root))
                if os.path.isfile(draft):  # a project moved or deleted since leaves its outputs free
                    found[os.path.normpath(self._path(entry["output"], root))] = draft
        for key, entry in self.entries.items():
            if os.path.isfile(self._path(key)):  # a draft that is gone (renamed) leaves its output free
                found[self._path(entry["output"])] = key
        return found

    def owner(self, draft: Path, output: Path, owners: dict[str, str] | None = None) -> str | None:
        """Another draft whose letter `output` is (one of this project's that still exists, or any
        of another project's building into the same folder), or None."""
        other = (owners if owners is not None else self.owners()).get(os.path.abspath(output))
        return None if other == self.key(draft) else other

    def record(self, draft: Path, output: Path, inputs: dict[str, str | None], output_digest: str) -> None:
        key = self.key(draft)
        self.entries[key] = self.changes[key] = {
            "output": self.key(output),
            "output_digest": output_digest,
            "inputs": {self.key(Path(p)): d for p, d in sorted(inputs.items())},
        }

    def record_pdf(self, output: Path, pdf_digest: str) -> None:
        """The digest of the PDF made from `output` (so --clean may delete it later)."""
        key = self.key(output)
        for draft, entry in self.entries.items():
            if entry.get("output") == key:
                self.entries[draft] = self.changes[draft] = dict(entry, pdf_digest=pdf_digest)

    def forget(self, draft: Path) -> None:
        """Not up to date any more (the draft failed); what its output was written as is kept,
        so that output is still known as letterkit's own."""
        key = self.key(draft)
        entry = self.entries.get(key)
        if entry is not None:
            self.entries[key] = self.changes[key] = {"output": entry["output"], "output_digest": entry["output_digest"],
                                                      "inputs": {}, "stale": True}

    def drop(self, key: str) -> None:
        self.entries.pop(key, None)
        self.changes[key] = None

    def orphans(self) -> list[tuple[str, Path]]:
        """(draft, output) of drafts that are gone while their output stays.  An entry whose
        output is gone, or is now another live draft's (x.yaml renamed x.yml), is dropped."""
        live = {self._path(e["output"]) for k, e in self.entries.items() if os.path.isfile(self._path(k))}
        found = []
        for key, entry in sorted(self.entries.items()):
            if os.path.isfile(self._path(key)):
                continue
            output = self._path(entry["output"])
            if output in live or not os.path.lexists(output):
                self.drop(key)
            else:
                found.append((key, Path(output)))
        return found

    def removable(self, path: Path, recorded: str | None) -> str | None:
        """Why `path` must not be deleted by --clean, or None when it may: only a regular file
        inside the output folder that still has the digest letterkit recorded writing."""
        real, folder = os.path.realpath(path), os.path.realpath(self.folder)
        if not real.startswith(folder + os.sep) or os.path.islink(path):
            return "不在输出目录之内，不删除"
        if recorded is None:
            return "没有记录是 letterkit 生成的，不删除"
        if digest(path) != recorded:
            return "生成后被改过（例如在 Word 里编辑过），不删除"
        return None

    def save(self) -> None:
        """Merge this run's records into the manifest on disk (another build may have saved since)."""
        from .write import write_atomic

        self.folder.mkdir(parents=True, exist_ok=True)
        with locked(self.folder / LOCK, self.lock_warnings):
            sections = {}
            if self.path.exists():
                try:
                    sections = _sections(self.path.read_bytes(), self.root, self.project) or {}
                except OSError:
                    sections = {}
            own = sections.setdefault(self.project, {})
            for key, entry in self.changes.items():
                if entry is None:
                    own.pop(key, None)
                else:
                    own[key] = entry
            if not own:
                del sections[self.project]
            data = {"letterkit": __version__, "format": FORMAT, "code": code_fingerprint(),
                    "projects": {p: dict(sorted(d.items())) for p, d in sorted(sections.items())}}
            write_atomic(self.path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        self.changes.clear()


def open_lock(path: Path, warnings: list[str] | None = None):
    """Open (create) a lock file without following a symlink: a link planted there
    (`build/.letterkit-build.lock -> /elsewhere`) would make letterkit create or touch a file
    outside the output folder.  Such a link is removed (the link only, not what it points to)
    and replaced by a plain file, and `warnings` says so."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError:
        if not os.path.islink(path):
            raise
        os.unlink(path)
        if warnings is not None:
            warnings.append(f"{display_path(Path(path))}: 警告 lock-symlink 锁文件是一个符号链接，已删除这个链接"
                            f"（它指向的文件没有动），换成普通文件")
        fd = os.open(path, flags | os.O_EXCL, 0o644)
    return os.fdopen(fd, "r+b")


@contextmanager
def locked(path: Path, warnings: list[str] | None = None):
    """An exclusive flock on `path` (created) for the duration: one manifest merge at a time."""
    with open_lock(path, warnings) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass  # a file system without locks (some network shares): merged unlocked, as before
        yield  # closing the file releases the lock


def _sections(data: bytes, root: Path, project: str) -> dict[str, dict] | None:
    """project → {draft: entry}, or None when the bytes are not a manifest (not UTF-8, not JSON,
    nested too deep to parse, or JSON of the wrong shape).
    Entries made by another letterkit are kept, marked stale: they still say what letterkit wrote."""
    try:
        data = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(data, dict):
        return None
    current = data.get("code") == code_fingerprint()
    if "projects" not in data and isinstance(data.get("drafts"), dict):  # the first format: one project
        drafts = data["drafts"]
        if not all(_valid(e) for e in drafts.values()):
            return None
        data = {"projects": {project: {k: e for k, e in drafts.items()  # only the drafts surely ours
                                       if os.path.isfile(k if os.path.isabs(k) else os.path.join(root, k))}}}
    projects = data.get("projects")
    if not isinstance(projects, dict):
        return None
    result = {}
    for name, drafts in projects.items():
        if not isinstance(drafts, dict) or not all(isinstance(k, str) and _valid(e) for k, e in drafts.items()):
            return None
        result[name] = {k: e if current else dict(e, stale=True) for k, e in drafts.items()}
    return result


def _valid(entry) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("output"), str)
            and isinstance(entry.get("output_digest"), str) and isinstance(entry.get("inputs", {}), dict)
            and all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in entry.get("inputs", {}).items())
            and isinstance(entry.get("pdf_digest", ""), str))


_SEEN: dict[str, tuple[int, int, str | None]] = {}  # path → (mtime_ns, size, digest), in this process
_READ: dict[str, str] = {}  # path → digest of the bytes last read from it by a build, in this process


def known_digest(path: str) -> str | None:
    """digest(), remembered while the file's time and size stay the same: the project file,
    profiles and templates are read once per process, not once per draft.  A file system with
    coarse times (FAT, SMB: 1–2 s) can keep both through a save: `invalidate` what a watcher saw."""
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


def invalidate(paths) -> None:
    """Forget the remembered digests of `paths` (reported changed): they are hashed again."""
    for path in paths:
        _SEEN.pop(os.path.abspath(path), None)


def note_read(path: str | Path, data: bytes | str) -> str:
    """Remember the digest of the bytes a build read from `path` (text: as UTF-8); returns it."""
    value = hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()
    _READ[os.path.abspath(path)] = value
    return value


def inputs_of(files: list[Path], absent: list[Path]) -> dict[str, str | None]:
    """The digests to record: files read, as they were read (those inside letterkit itself are
    covered by its fingerprint), and files whose appearance would change the letter (recorded
    as absent).  A file the build did not read itself (a template it might have included) is
    hashed now."""
    package = str(PACKAGE) + os.sep
    result: dict[str, str | None] = {}
    for path in files:
        path = os.path.abspath(path)
        if not path.startswith(package):
            value = _READ.get(path)
            result[path] = value if value is not None else known_digest(path)
    for path in absent:
        path = os.path.abspath(path)
        if not path.startswith(package):
            result.setdefault(path, None)
    return result
