"""`letterkit check` over a whole project, fast: what each draft's check found is remembered
while nothing it read changes, the drafts not remembered are checked on all cores, and the
checks across drafts (one 发文字号, one reply per proposal) run in the parent every time.

Whatever was remembered and however many processes ran, the findings and their order are
those of checking every draft afresh in one process (tests/test_check_speed.py compares them).

A draft's result is remembered in letterkit's private cache folder under a key made of
letterkit's own files (code, templates, house style), the libraries that read YAML, templates
and words, today's date, the current folder and the draft's path; and beside it the digest of every file its check read (the draft, the project
file, its department's profiles, the templates it used and those that would shadow them,
seal images) — the files an incremental build watches.  A draft that failed to load or to
validate is not remembered: it is checked again each time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import sys
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterkitError, Location, Problem, display_path

FORMAT = 1
PER_WORKER = 40  # drafts a worker must get before a pool pays for its start (fork, jieba's words)
GC_THRESHOLD = 70_000  # allocations between two collections of the youngest objects while checking (Python's default: 700)
WORD_RULES = ("lost-character", "doubled-character", "organ-name-words")  # the rules that read jieba's dictionary


@dataclass
class Outcome:
    """One draft's own check: its problems (unsorted, as found) and what the cross-draft checks need."""
    problems: list[Problem]
    number: tuple | None = None    # (code, year, seq, as printed, where seq is written)
    proposal: tuple | None = None  # (kind, number as compared, where the id is written)
    loads: bool = False            # its layers load: `held` is what the project's index of numbers would read
    held: tuple | None = None      # docnumbers.number_of its merged layers
    inputs: dict | None = field(default=None, repr=False)  # files read → digest; None: not remembered


def check_paths(paths, project, jobs: int | None = None) -> dict:
    """Proofread drafts: {draft path: [Problem]} in the order of `paths`, each list sorted by line and
    column — load and validation problems included."""
    paths = list(paths)
    memo = Memo(project)
    outcomes = {path: memo.get(path) for path in paths}
    todo = [path for path, outcome in outcomes.items() if outcome is None]
    with _few_collections(), closing(_check_many(todo, project, jobs)) as checked:  # a kill while saving one still ends the pool
        for outcome, path in zip(checked, todo):  # the pool's end asked first: a pool left open at the last
            # draft would be ended by terminate(), which can wait forever for a queue lock a worker holds
            outcomes[path] = outcome
            memo.put(path, outcome)  # as they come: a check stopped midway keeps what it did
    return _across(paths, outcomes, project)


def check_one(path, project) -> Outcome:
    """Load, validate, render the title and opening, run the rules: one draft, in this process."""
    from .build import inputs, layers
    from .deadlines import today
    from .docnumbers import number_of
    from .lint import _draft_disabled, _rendered, check_draft, readable_draft
    from .validate import validate

    try:
        loaded = layers(path, project)
    except LetterkitError as error:
        return Outcome(list(error.problems))
    held = number_of(loaded.data)
    problems: list[Problem] = []
    base_dirs = [Path(path).resolve().parent, project.root]
    try:
        draft = readable = validate(loaded, display_path(path), base_dirs=base_dirs)
    except LetterkitError as error:
        draft, problems = None, list(error.problems)
        # the rules that read the validated draft still run, on the draft with the wrong fields set aside
        readable = readable_draft(loaded, problems, lambda data: validate(data, display_path(path), base_dirs=base_dirs))
    disabled = set(project.check_disabled) | set(_draft_disabled(loaded))
    problems += check_draft(loaded, readable, disabled, today=today(), letter=_rendered(readable, project, problems))
    if draft is None:
        return Outcome(problems, loads=True, held=held)
    outcome = Outcome(problems, loads=True, held=held, inputs=_with_real_paths(inputs(draft, loaded, project)))
    if draft.number is not None:
        number = draft.number
        outcome.number = (number.code, number.year, number.seq, str(number), draft.sources.locate(("number", "seq")))
    if draft.addressee is not None and draft.proposal.id and "duplicate-proposal" not in disabled:
        # replies to the member only: a 会办 opinion to the lead unit shares the proposal's id
        from .assignments import ident  # ＴＡ８０３ and TA803 are one proposal

        outcome.proposal = (draft.proposal.kind, ident(draft.proposal.id).upper(), loaded.sources.locate(("proposal", "id")))
    return outcome


def _across(paths: list, outcomes: dict, project) -> dict:
    """The checks across drafts, then each draft's problems sorted by place."""
    from .docnumbers import duplicate_message, known, others_with

    known(project, {path: outcome.held for path, outcome in outcomes.items() if outcome.loads})  # not loaded again
    results: dict = {}
    seen_ids: dict[tuple, list] = {}
    for path in paths:
        outcome = outcomes[path]
        problems = list(outcome.problems)
        if outcome.number is not None:  # two letters with one 发文字号: build refuses them too, never switched off
            code, year, seq, printed, where = outcome.number
            others = others_with(project, path, code, year, seq)
            if others:
                message, hint = duplicate_message(printed, others, path, where.path)
                problems.append(Problem(where, "duplicate-number", message, hint, "error"))
        if outcome.proposal is not None:
            kind, number, where = outcome.proposal
            seen_ids.setdefault((kind, number), []).append((path, where))
        results[path] = problems
    for (kind, number), drafts in seen_ids.items():
        if len(drafts) > 1:
            for path, where in drafts:
                others = "、".join(display_path(p) for p, _ in drafts if p != path)
                results[path].append(Problem(where, "duplicate-proposal", f"{kind} {number} 也由 {others} 答复",
                                             "一件提案/建议只写一份草稿", "error"))
    for path in results:
        results[path].sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
    return results


# -- on all cores ------------------------------------------------------------------------

_PROJECT: list = []  # the project the forked workers check drafts of


def _check_many(todo: list, project, jobs: int | None):
    """check_one for each draft, yielded in order as they come; on a pool of processes when there
    are many (or when `jobs` asks for it)."""
    jobs = min(jobs, len(todo)) if jobs else min(_cores(), len(todo) // PER_WORKER)
    methods = multiprocessing.get_all_start_methods()
    if jobs < 2 or "fork" not in methods:  # without fork each worker would start letterkit afresh
        for path in todo:
            yield check_one(path, project)
        return
    from . import build, lint, validate  # noqa: F401  (imported once here, shared by the forked workers)
    from .batch import _worker_start
    from .pdf import stoppable
    from .proof import remember

    remember.load()  # read once, shared by the workers
    if not set(WORD_RULES) <= set(project.check_disabled):  # jieba's words: read once here, shared by the workers
        from .proof import repetition
        from .proof.missing import prepare

        prepare()
        repetition.prepare()  # jieba's tags (read from its dictionary file)
    # the first draft checked here, before the fork: what the rules build on first use (tables, compiled patterns,
    # pypinyin's dictionaries, the templates) is built once and shared, not once in each worker
    first, todo = check_one(todo[0], project), todo[1:]
    gc.freeze()  # what is loaded now (jieba's words above all) is never scanned again, nor copied into a worker by a scan
    _PROJECT[:] = [project]
    size = max(1, min(25, len(todo) // (jobs * 4)))  # small enough that no worker idles at the end
    chunks = [todo[start:start + size] for start in range(0, len(todo), size)]
    with stoppable():  # a `kill`: the workers ended quietly, the CLI exits 128 + the signal
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_start)
        finished = False
        try:
            yield first  # once the workers are on their way: a kill from now on ends them all
            for outcomes, remembered in pool.imap(_check_chunk, chunks):  # in order: the output is deterministic
                remember.adopt(remembered)
                yield from outcomes
            finished = True
        finally:
            if finished:
                pool.close()
            else:
                pool.terminate()
            pool.join()
            _PROJECT.clear()


def _check_chunk(paths: list) -> tuple[list[Outcome], dict]:
    """In a worker: the drafts' outcomes, and the proofreading findings it worked out (the parent keeps them)."""
    from .proof import remember

    outcomes = [check_one(path, _PROJECT[0]) for path in paths]
    return outcomes, remember.taken()


@contextmanager
def _few_collections():
    """Python's cycle collector run a hundred times less often while drafts are checked: checking
    makes many short-lived lists and dicts and no cycles worth collecting, and each collection
    walked the memos and jieba's words again (5–10% of a cold check)."""
    before = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# -- remembered results --------------------------------------------------------------------

def _with_real_paths(inputs: dict) -> dict:
    """{path: [where it really is, digest]}: a file swapped for a symlink elsewhere is a change too."""
    return {path: [os.path.realpath(path), digest] for path, digest in inputs.items()}


class Memo:
    """Each draft's Outcome, kept between runs while its key and every file it read are the same:
    one small file per draft, so checking one draft reads and writes one."""

    def __init__(self, project):
        from .cache import cache_dir

        self.project = project
        self.folder = cache_dir("check", hashlib.sha1(str(project.root).encode()).hexdigest()[:16])
        self.seen: dict = {}  # path → [real path, digest] now, each file read once per run
        self.common = None

    def _file(self, path) -> Path | None:
        name = hashlib.sha1(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return self.folder / f"{name}.json" if self.folder else None

    def _key(self, path) -> str:
        """What the outcome depends on besides the files it read."""
        if self.common is None:
            from .deadlines import today
            from .manifest import code_fingerprint

            self.common = [FORMAT, code_fingerprint(), sys.version, str(today()), os.getcwd(), str(self.project.root),
                           sorted(self.project.check_disabled), _versions()]
        text = json.dumps(self.common + [str(path), os.path.abspath(path), os.path.realpath(path)])
        return hashlib.sha256(text.encode("ascii")).hexdigest()

    def _now(self, path: str) -> list:
        if path not in self.seen:
            from .manifest import digest

            self.seen[path] = [os.path.realpath(path), digest(path)]
        return self.seen[path]

    def get(self, path) -> Outcome | None:
        file = self._file(path)
        try:
            entry = json.loads(file.read_bytes()) if file else None
            if not isinstance(entry, dict) or entry["key"] != self._key(path) \
                    or any(self._now(file) != list(then) for file, then in entry["inputs"].items()):
                return None
            return Outcome([_problem(p) for p in entry["problems"]],
                           _with_location(entry["number"], 5), _with_location(entry["proposal"], 3), True,
                           tuple(entry["held"]) if entry["held"] else None, entry["inputs"])
        except (OSError, KeyError, TypeError, ValueError, AttributeError):  # none, or by another version: check afresh
            return None

    def put(self, path, outcome: Outcome) -> None:
        """Kept whole or not at all (written aside, then renamed); only a cache: a read-only home costs time."""
        file = self._file(path)
        if file is None:
            return
        try:
            if outcome.inputs is None:
                file.unlink(missing_ok=True)
                return
            entry = {"key": self._key(path), "inputs": outcome.inputs, "problems": [_plain(p) for p in outcome.problems],
                     "number": _plain_tuple(outcome.number), "proposal": _plain_tuple(outcome.proposal), "held": outcome.held}
            temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
            try:
                temporary.write_text(json.dumps(entry), encoding="ascii")
                os.replace(temporary, file)
            finally:  # a kill while writing leaves no half file behind
                temporary.unlink(missing_ok=True)
        except OSError:
            pass


def _versions() -> list:
    """The libraries whose behaviour is part of a check: YAML (and whether libyaml reads it),
    Jinja (the templates), jieba (the dictionary the lost-character rule reads).  Each by its
    installed file's place, time and size: reading package metadata takes a tenth of a second."""
    from importlib.util import find_spec

    import yaml

    found: list = [yaml.__version__, yaml.__with_libyaml__]
    for name in ("jinja2", "jieba"):
        try:
            origin = find_spec(name).origin
            info = os.stat(origin)
            found.append([origin, info.st_mtime_ns, info.st_size])
        except (AttributeError, ImportError, OSError, TypeError, ValueError):
            found.append(None)
    return found


def _plain(problem: Problem) -> list:
    where = problem.location
    return [where.path, where.line, where.column, problem.code, problem.message, problem.hint, problem.severity]


def _problem(item: list) -> Problem:
    path, line, column, code, message, hint, severity = item
    return Problem(Location(path, line, column), code, message, hint, severity)


def _plain_tuple(values: tuple | None) -> list | None:
    if values is None:
        return None
    *rest, where = values
    return [*rest, [where.path, where.line, where.column]]


def _with_location(values: list | None, size: int) -> tuple | None:
    if values is None:
        return None
    if len(values) != size:
        raise ValueError(values)
    *rest, where = values
    return (*rest, Location(*where))
