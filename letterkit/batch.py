"""Building many drafts: only those whose inputs changed, on all cores, going on after failures.

The parent decides from the manifest which drafts are up to date (hashing files only: no Word,
no Jinja), hands the rest to a pool of worker processes (each builds with `build_draft`),
records what each output was built from, and saves the manifest at the end.  Outputs are
byte-identical whatever the number of workers.
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import re
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG

from .confine import is_inside
from .errors import LetterkitError, Location, Problem, display_path
from .manifest import MANIFEST, Manifest, open_lock


@dataclass
class Outcome:
    draft: Path
    status: str                      # "built", "unchanged" or "failed"
    output: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    aside: Path | None = None        # where a letter changed in Word was moved before this build (--force)


@dataclass
class Summary:
    built: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    orphans: list[tuple[Path, bool]] = field(default_factory=list)  # (output, removed)
    kept: dict[Path, str] = field(default_factory=dict)  # file --clean did not delete → why
    removed: list[Path] = field(default_factory=list)    # files --clean deleted (letters and their PDFs)
    refused: dict[Path, str] = field(default_factory=dict)  # without --clean: orphan --clean would keep → why
    warnings: list[str] = field(default_factory=list)   # about the build as a whole (its records)
    leftovers: int = 0                                  # temporary files of a killed build removed


class Batch:
    """`for outcome in batch.run(): …` then `batch.summary`."""

    def __init__(self, drafts: list[Path], project, output: Path | None = None, jobs: int | None = None,
                 force: bool = False, clean: bool = False):
        self.drafts, self.project, self.output = [Path(d) for d in drafts], project, output
        self.jobs = jobs or os.cpu_count() or 1
        self.force, self.clean = force, clean
        self.summary = Summary()

    def run(self):
        started = time.perf_counter()
        _PROJECTS.clear()  # project files may have changed since the last run (watch mode)
        folder = Path(self.output) if self.output else self.project.output
        manifest = Manifest(folder, self.project.root)
        if manifest.warning:
            self.summary.warnings.append(manifest.warning)
        targets = {draft: self.project.output_for(draft, self.output) for draft in self.drafts}
        running = _claim(folder, set(targets.values()), self.summary)
        todo = []
        try:
            clashes, written = _clashes(targets, manifest), manifest.by_output()
            for draft, target in targets.items():
                if draft not in clashes and not is_inside(target.parent, folder):
                    clashes[draft] = Problem(  # a subfolder of the output that is a symlink out of it
                        Location(display_path(target)), "path-outside",
                        f"输出文件夹 {display_path(target.parent)} 指向输出目录 {display_path(folder)} 之外（符号链接），没有生成",
                        "删掉这个符号链接，或用 -o 指定要输出到的目录")
                if draft in clashes:
                    self.summary.failed += 1
                    yield Outcome(draft, "failed", problems=[clashes[draft]])
                elif not self.force and manifest.up_to_date(draft, target):
                    self.summary.unchanged += 1
                    yield Outcome(draft, "unchanged", target)
                else:
                    todo.append((draft, written.get(manifest.key(target), (None, None))[1]))
            for draft, result in self._build(todo):
                if isinstance(result, list):
                    manifest.forget(draft)
                    self.summary.failed += 1
                    yield Outcome(draft, "failed", problems=result)
                else:
                    output, inputs, output_digest, aside = result
                    manifest.record(draft, output, inputs, output_digest)
                    self.summary.built += 1
                    yield Outcome(draft, "built", output, aside=aside)
            self.summary.orphans = self._orphans(manifest)
        finally:
            if manifest.changes or not manifest.path.exists():
                try:
                    manifest.save()
                except OSError as error:  # the output folder cannot be written (full, read-only)
                    self.summary.warnings.append(
                        f"{display_path(manifest.path)}: 警告 manifest-not-saved 生成记录没能保存：{error.strerror or error}"
                        "（已生成的信完好；下次会把这些信重新生成一遍）")
            self.summary.warnings.extend(w for w in manifest.lock_warnings if w not in self.summary.warnings)
            if running:
                running.close()
            self.summary.seconds = time.perf_counter() - started

    def _build(self, todo: list[tuple[Path, str | None]]):
        if not todo:
            return  # a no-change build loads neither python-docx nor Jinja
        from .build import Guard

        args = [(str(d), str(self.project.root), str(self.output) if self.output else None, Guard(written, self.force))
                for d, written in todo]
        if self.jobs == 1 or len(todo) <= 1:
            for arg in args:
                yield Path(arg[0]), _work(arg)
            return
        from . import build  # noqa: F401  (imported once here, shared by the forked workers)

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, min(8, len(todo) // (self.jobs * 8)))  # small: no worker idles at the end
        pool = context.Pool(min(self.jobs, len(todo)), initializer=_worker_start)
        finished = False
        try:
            for path, result in pool.imap_unordered(_work_pair, args, chunksize=chunk):
                yield Path(path), result
            finished = True
        finally:
            if finished:
                pool.close()  # workers end normally, saving what they cached (segmented titles)
            else:
                pool.terminate()
            pool.join()

    def _orphans(self, manifest: Manifest) -> list[tuple[Path, bool]]:
        """Outputs of deleted drafts; with --clean, those letterkit wrote (and nobody changed since)
        are deleted, the others kept with the reason."""
        found = []
        for key, output in manifest.orphans():
            entry = manifest.entries[key]
            removed = False
            if self.clean:
                twins = [(output, entry["output_digest"])]
                pdf = output.with_suffix(".pdf")
                if os.path.lexists(pdf):
                    twins.append((pdf, entry.get("pdf_digest")))
                refused = {path: manifest.removable(path, recorded) for path, recorded in twins}
                for path, reason in refused.items():
                    if reason is None:
                        path.unlink()
                        self.summary.removed.append(path)
                    else:
                        self.summary.kept[path] = reason
                removed = refused[output] is None
                if removed:
                    manifest.drop(key)
            else:  # said now, so the clerk is not told to use --clean on a file it would keep
                reason = manifest.removable(output, entry["output_digest"])
                if reason is not None:
                    self.summary.refused[output] = reason
            found.append((output, removed))
        return found


def _clashes(targets: dict[Path, Path], manifest: Manifest) -> dict[Path, Problem]:
    """Drafts that would write the same output as another draft (x.yaml and x.yml; another
    project building into the same folder): none of them is built, each told about the other."""
    by_target: dict[Path, list[Path]] = {}
    for draft, target in targets.items():
        if draft.suffix.lower() in (".yaml", ".yml"):  # anything else (a .docx given by mistake) is no draft: load says so
            by_target.setdefault(target, []).append(draft)
    problems, owners = {}, manifest.owners()
    for target, drafts in by_target.items():
        others = {d: [display_path(o) for o in drafts if o != d] for d in drafts}
        if len(drafts) == 1:
            owner = manifest.owner(drafts[0], target, owners)
            if owner is None:
                continue
            others[drafts[0]] = [owner if os.path.isabs(owner) else display_path(manifest.root / owner)]
        for draft in drafts:
            problems[draft] = Problem(
                Location(display_path(draft)), "same-output",
                f"{display_path(draft)} 和 {'、'.join(others[draft])} 都会生成 {display_path(target)}，两个都没有生成",
                "给其中一个草稿改名（.yaml 和 .yml 同名也算重名），或删掉多余的；另一个项目的信请用 -o 输出到别的目录")
    return problems


RUNNING = ".letterkit-build.lock"  # flock'ed shared while a build runs in the folder
_LEFTOVER = re.compile(r"\.(.+\.docx|" + re.escape(MANIFEST) + r")\.[a-z0-9_]{8}\.tmp")


def _claim(folder: Path, outputs: set[Path], summary: Summary):
    """Mark the output folder as in use for this build (a shared flock, held until it ends).
    When no other build holds it, remove the temporary files a killed build left behind in the
    folders this one writes to: write_atomic's names (.x.docx.<8 random>.tmp), owned by this user,
    regular files.  None is being written then: every letterkit build holds the lock while it writes."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open_lock(folder / RUNNING, summary.warnings)
    except OSError:
        return None  # a folder that cannot be written: each letter will say so
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass  # another build is running here (or the file system has no locks): nothing removed
    else:
        for where in {folder, *(p.parent for p in outputs)}:
            try:
                names = os.listdir(where)
            except OSError:
                continue
            for name in filter(_LEFTOVER.fullmatch, names):
                path = os.path.join(where, name)
                try:
                    stat = os.lstat(path)
                    if S_ISREG(stat.st_mode) and stat.st_uid == os.getuid():
                        os.unlink(path)
                        summary.leftovers += 1
                except OSError:
                    continue
    try:
        fcntl.flock(handle, fcntl.LOCK_SH)
    except OSError:
        pass
    return handle


def _worker_start() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent alone answers it
    (stops the pool, keeps what was built), the workers print no tracebacks.  The parent stops
    them with SIGTERM, which waits for a letter being written (write.write_atomic).

    SIGTERM and SIGHUP end a worker by raising SystemExit rather than by the default action: a
    worker idle in the pool holds the task queue's lock while it waits, and one killed outright
    there never releases it, so the parent's pool.terminate() would wait for that lock forever
    (a `kill` of the whole group hung `build -j 2` now and then).  An exception leaves the
    queue's `with lock:` and releases it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # the parent's handler (pdf.stoppable) is not theirs
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _end_worker)


def _end_worker(signum, frame):
    raise SystemExit(128 + signum)


def record_pdfs(project, output: Path | None, pdfs: list[Path]) -> None:
    """The digests of PDFs made beside their letters: --clean deletes only those, unchanged."""
    from .manifest import digest

    manifest = Manifest(Path(output) if output else project.output, project.root)
    for path in pdfs:
        value = digest(path)
        if value:
            manifest.record_pdf(path.with_suffix(".docx"), value)
    try:
        manifest.save()
    except OSError:
        pass  # without the record --clean keeps the PDF (and says so)


_PROJECTS: dict[str, object] = {}


def _work(arg):
    """Build one draft in this process: (output, inputs, digest), or the problems."""
    from .build import build_draft
    from .project import open_project

    path, root, output, guard = arg
    try:
        project = _PROJECTS.get(root)
        if project is None:
            project = _PROJECTS[root] = open_project(Path(root))
        built = build_draft(Path(path), project, Path(output) if output else None, guard)
        return built.output, built.inputs, built.output_digest, built.aside
    except LetterkitError as error:
        return error.problems
    except Exception as error:  # a bug must not stop the other drafts
        return [Problem(Location(display_path(path)), "internal-error",
                        f"letterkit 内部错误：{type(error).__name__}: {error}",
                        "请把这个草稿和下面的信息报告给维护者：" + traceback.format_exc(limit=3).replace("\n", " | "))]


def _work_pair(arg):
    return arg[0], _work(arg)
