"""Building many drafts: only those whose inputs changed, on all cores, going on after failures.

The parent decides from the manifest which drafts are up to date (hashing files only: no Word,
no Jinja), hands the rest to a pool of worker processes (each builds with `build_draft`),
records what each output was built from, and saves the manifest at the end.  Outputs are
byte-identical whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterkitError, Location, Problem, display_path
from .manifest import Manifest


@dataclass
class Outcome:
    draft: Path
    status: str                      # "built", "unchanged" or "failed"
    output: Path | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Summary:
    built: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    orphans: list[tuple[Path, bool]] = field(default_factory=list)  # (output, removed)


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
        manifest = Manifest(Path(self.output) if self.output else self.project.output, self.project.root)
        todo = []
        try:
            for draft in self.drafts:
                target = self.project.output_for(draft, self.output)
                if not self.force and manifest.up_to_date(draft, target):
                    self.summary.unchanged += 1
                    yield Outcome(draft, "unchanged", target)
                else:
                    todo.append(draft)
            for draft, result in self._build(todo):
                if isinstance(result, list):
                    manifest.forget(draft)
                    self.summary.failed += 1
                    yield Outcome(draft, "failed", problems=result)
                else:
                    output, inputs, output_digest = result
                    manifest.record(draft, output, inputs, output_digest)
                    self.summary.built += 1
                    yield Outcome(draft, "built", output)
            self.summary.orphans = self._orphans(manifest)
        finally:
            if todo or self.summary.orphans or not manifest.path.exists():
                try:
                    manifest.save()
                except OSError:  # the output folder cannot be written: the builds said so already;
                    pass         # without a manifest the next build simply builds everything
            self.summary.seconds = time.perf_counter() - started

    def _build(self, todo: list[Path]):
        args = [(str(d), str(self.project.root), str(self.output) if self.output else None) for d in todo]
        if self.jobs == 1 or len(todo) <= 1:
            for arg in args:
                yield Path(arg[0]), _work(arg)
            return
        from . import build  # noqa: F401  (imported once here, shared by the forked workers)

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, min(8, len(todo) // (self.jobs * 8)))  # small: no worker idles at the end
        pool = context.Pool(min(self.jobs, len(todo)))
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
        found = []
        for key, output in manifest.orphans():
            removed = False
            if self.clean:
                for stale in (output, output.with_suffix(".pdf")):
                    stale.unlink(missing_ok=True)
                manifest.entries.pop(key, None)
                removed = True
            found.append((output, removed))
        return found


_PROJECTS: dict[str, object] = {}


def _work(arg):
    """Build one draft in this process: (output, inputs, digest), or the problems."""
    from .build import build_draft
    from .project import open_project

    path, root, output = arg
    try:
        project = _PROJECTS.get(root)
        if project is None:
            project = _PROJECTS[root] = open_project(Path(root))
        built = build_draft(Path(path), project, Path(output) if output else None)
        return built.output, built.inputs, built.output_digest
    except LetterkitError as error:
        return error.problems
    except Exception as error:  # a bug must not stop the other drafts
        return [Problem(Location(display_path(path)), "internal-error",
                        f"letterkit 内部错误：{type(error).__name__}: {error}",
                        "请把这个草稿和下面的信息报告给维护者：" + traceback.format_exc(limit=3).replace("\n", " | "))]


def _work_pair(arg):
    return arg[0], _work(arg)
