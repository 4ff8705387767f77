"""`letterkit check` of a large project is fast and says exactly what it said before.

The reference below is the check as letterkit did it before it remembered results or used
more than one process: every draft loaded, validated, rendered and checked in order, then the
checks across drafts.  The command's `--format json` output must be byte for byte the
reference's, checked afresh in one process, on a pool, and answered from what was remembered;
and a remembered result must follow every file the check read (draft, profile, template, seal,
project file) and today's date.  With CI=true the same comparison runs on a 1,000-draft project
and prints the times (benchmarks/check_time.py measures them in detail).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from letterkit import load
from letterkit.errors import LetterkitError, Problem, display_path
from letterkit.importing import import_file
from letterkit.checkrun import check_paths
from letterkit.project import open_project

from conftest import LETTERS, MINIMAL_DRAFT, REPO, SEED_TEXT, make_project

sys.path.insert(0, str(REPO / "benchmarks"))
from build_time import synthetic_project  # noqa: E402

CI = os.environ.get("CI", "").lower() == "true"
TODAY = "2026-06-01"


def reference(paths, project) -> dict:
    """letterkit's check before this change (lint.check_paths as it was), the oracle."""
    from letterkit.assignments import ident
    from letterkit.build import layers
    from letterkit.deadlines import today
    from letterkit.docnumbers import duplicate_message, others_with
    from letterkit.lint import _draft_disabled, _rendered, check_draft
    from letterkit.validate import validate

    results, seen_ids = {}, {}
    for path in paths:
        try:
            loaded = layers(path, project)
        except LetterkitError as error:
            results[path] = error.problems
            continue
        problems = []
        try:
            draft = validate(loaded, display_path(path), base_dirs=[Path(path).resolve().parent, project.root])
        except LetterkitError as error:
            draft, problems = None, list(error.problems)
        disabled = set(project.check_disabled) | set(_draft_disabled(loaded))
        problems += check_draft(loaded, draft, disabled, today=today(), letter=_rendered(draft, project, problems))
        if draft is not None and draft.number is not None:
            number = draft.number
            others = others_with(project, path, number.code, number.year, number.seq)
            if others:
                where = draft.sources.locate(("number", "seq"))
                message, hint = duplicate_message(str(number), others, path, where.path)
                problems.append(Problem(where, "duplicate-number", message, hint, "error"))
        if draft is not None and draft.addressee is not None and draft.proposal.id and "duplicate-proposal" not in disabled:
            seen_ids.setdefault((draft.proposal.kind, ident(draft.proposal.id).upper()), []).append((path, loaded))
        results[path] = problems
    for (kind, number), drafts in seen_ids.items():
        if len(drafts) > 1:
            for path, loaded in drafts:
                others = "、".join(display_path(p) for p, _ in drafts if p != path)
                results[path].append(Problem(loaded.sources.locate(("proposal", "id")), "duplicate-proposal",
                                             f"{kind} {number} 也由 {others} 答复", "一件提案/建议只写一份草稿", "error"))
    for path in results:
        results[path].sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
    return results


def as_json(results: dict) -> str:
    """What `letterkit check --format json` prints for these results."""
    return json.dumps([{"path": p.location.path, "line": p.location.line, "column": p.location.column,
                        "severity": p.severity, "code": p.code, "message": p.message, "hint": p.hint}
                       for found in results.values() for p in found], ensure_ascii=False, indent=2) + "\n"


def big_project(folder: Path, synthetic: int) -> Path:
    """The repository's own project (drafts, profiles, templates, seals), the published letters
    imported as drafts, `synthetic` seed-sized drafts, and drafts that break in each way:
    YAML, validation, a missing seal, one number and one proposal used twice."""
    folder.mkdir(parents=True)
    for name in ("letterkit.yaml", "profiles", "templates", "drafts"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    for source in [SEED_TEXT, *LETTERS]:
        (folder / "drafts" / "imported").mkdir(exist_ok=True)
        (folder / "drafts" / "imported" / f"{source.stem}.yaml").write_text(import_file(source).draft, encoding="utf-8")
    generated = synthetic_project(folder.parent / f"{folder.name}-generated", synthetic)
    shutil.copytree(generated / "drafts", folder / "drafts" / "synthetic")
    broken = folder / "drafts" / "broken"
    broken.mkdir()
    (broken / "yaml.yaml").write_text("organ: [未闭合\n", encoding="utf-8")
    (broken / "invalid.yaml").write_text(MINIMAL_DRAFT.replace("date: 2024-05-06", "date: 2024-02-30"), encoding="utf-8")
    (broken / "seal.yaml").write_text(MINIMAL_DRAFT + "seal: seals/没有这个.png\n", encoding="utf-8")
    shutil.copy(folder / "drafts" / "synthetic" / "d0003.yaml", broken / "twin.yaml")  # its number and proposal twice
    return folder


def run_check(root: Path, cache: Path, *options: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "LETTERKIT_TODAY": TODAY}
    return subprocess.run([sys.executable, "-m", "letterkit", "check", "--format", "json", *options], cwd=root,
                          capture_output=True, text=True, env=env)


def reference_json(root: Path, monkeypatch) -> str:
    monkeypatch.chdir(root)
    monkeypatch.setenv("LETTERKIT_TODAY", TODAY)
    project = open_project(root)
    return as_json(reference(project.drafts(), project))


@pytest.fixture(scope="module")
def project_of_many(tmp_path_factory):
    return big_project(tmp_path_factory.mktemp("many") / "project", 120)


def test_the_mixed_project_has_findings_of_every_kind(project_of_many, monkeypatch):
    """The comparison below means something: errors and warnings, load and validation problems,
    proofreading findings and the checks across drafts are all in it."""
    found = json.loads(reference_json(project_of_many, monkeypatch))
    codes = {item["code"] for item in found}
    assert {"yaml-syntax", "bad-date", "no-such-file", "duplicate-number", "duplicate-proposal",
            "lost-character", "signature-organ"} <= codes, codes
    assert len(found) > 3000 and len({item["path"] for item in found}) > 100


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_check_prints_the_reference_afresh_on_a_pool_and_from_what_it_remembered(project_of_many, tmp_path, monkeypatch, jobs):
    want = reference_json(project_of_many, monkeypatch)
    cache = tmp_path / "cache"
    first = run_check(project_of_many, cache, "-j", jobs)
    assert "Traceback" not in first.stderr and first.returncode == 1
    assert first.stdout == want
    assert list((cache / "letterkit" / "check").rglob("*.json")), "nothing was remembered"
    second = run_check(project_of_many, cache, "-j", jobs)
    assert second.stdout == want and second.stderr == first.stderr and second.returncode == 1


def test_the_default_number_of_processes_prints_the_reference(project_of_many, tmp_path, monkeypatch):
    done = run_check(project_of_many, tmp_path / "cache")
    assert done.stdout == reference_json(project_of_many, monkeypatch)


def test_the_text_output_is_the_reference_line_for_line(project_of_many, tmp_path, monkeypatch):
    monkeypatch.chdir(project_of_many)
    monkeypatch.setenv("LETTERKIT_TODAY", TODAY)
    project = open_project(project_of_many)
    results = reference(project.drafts(), project)
    lines = [str(p) for found in results.values() for p in found]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "LETTERKIT_TODAY": TODAY}
    for _ in range(2):  # afresh, then remembered
        done = subprocess.run([sys.executable, "-m", "letterkit", "check"], cwd=project_of_many, capture_output=True,
                              text=True, env=env)
        assert done.stdout == "\n".join(lines) + "\n"
        errors = sum(p.severity == "error" for found in results.values() for p in found)
        assert done.stderr == f"检查了 {len(results)} 份草稿：{errors} 个错误，{len(lines) - errors} 个警告。\n"


def test_a_remembered_check_reads_no_good_draft_again(project_of_many, monkeypatch):
    """The second check answers for every draft that loaded and validated without parsing its
    YAML again (before, each check read all thousand); a broken draft is read each time."""
    monkeypatch.chdir(project_of_many)
    monkeypatch.setenv("LETTERKIT_TODAY", TODAY)
    read = []
    real = load.load_text
    monkeypatch.setattr(load, "load_text", lambda text, display: read.append(display) or real(text, display))
    project = open_project(project_of_many)
    first = check_paths(project.drafts(), project, 1)
    read.clear()
    again = check_paths(project.drafts(), open_project(project_of_many), 1)
    assert as_json(again) == as_json(first)
    drafts_read = {name for name in read if name.startswith("drafts")}
    assert drafts_read == {"drafts/broken/invalid.yaml", "drafts/broken/yaml.yaml", "drafts/broken/seal.yaml"}


SEAL = bytes.fromhex("89504e470d0a1a0a") + b"\0" * 32
EDITS = {
    # name: (what to change, a code that appears or disappears because of it)
    "draft": (lambda root: _replace(root / "drafts/d.yaml", "每日巡查校园周边。", "每日巡查校园周边,加强管理。"), "half-width-punctuation"),
    "profile": (lambda root: _replace(root / "profiles/edu.yaml", "测试市测试区教育局", "测试市测试区卫生健康局"), "signature-organ"),
    "template appears": (lambda root: (root / "templates").mkdir() or (root / "templates/reply.j2").write_text(
        '{% extends "builtin/reply.j2" %}{% block title %}关于加强校园安全的通知{% endblock %}', encoding="utf-8"), "title-form"),
    "seal removed": (lambda root: (root / "seals/s.png").unlink(), "no-such-file"),
    "seal not an image": (lambda root: (root / "seals/s.png").write_bytes(b"GIF89a" + b"\0" * 32), "bad-image"),
    "project file": (lambda root: _replace(root / "letterkit.yaml", "output: build", "output: build\ndefaults:\n  signer: 张三"),
                     "unprinted-field"),
    "today": (lambda root: os.environ.__setitem__("LETTERKIT_TODAY", "2024-05-01"), "date-future"),
    "draft becomes a symlink out": (lambda root: _symlink_out(root / "drafts/d.yaml"), "path-outside"),
}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _symlink_out(path: Path) -> None:
    outside = path.parent.parent.parent / "elsewhere.yaml"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_remembered_result_follows_every_file_the_check_read(tmp_path, monkeypatch, edit):
    draft = MINIMAL_DRAFT.replace("organ:\n  name: 测试市测试区教育局\n  code: 测教函\n", "department: edu\n") \
        + "signature: 测试市测试区教育局\nseal: seals/s.png\n"
    root = make_project(tmp_path / "p", {"letterkit.yaml": "output: build\n", "drafts/d.yaml": draft,
                                         "profiles/edu.yaml": "organ:\n  name: 测试市测试区教育局\n  code: 测教函\n"})
    (root / "seals").mkdir()
    (root / "seals/s.png").write_bytes(SEAL)
    monkeypatch.chdir(root)
    monkeypatch.setenv("LETTERKIT_TODAY", TODAY)
    check = lambda: as_json(check_paths(open_project(root).drafts(), open_project(root)))
    before = check()
    assert before == as_json(reference(open_project(root).drafts(), open_project(root)))
    assert check() == before  # now remembered
    change, code = EDITS[edit]
    change(root)
    after = check()
    assert after == as_json(reference(open_project(root).drafts(), open_project(root)))
    assert (f'"code": "{code}"' in after) != (f'"code": "{code}"' in before), after


@pytest.mark.skipif(not CI, reason="a 1,000-draft project: CI=true runs it")
def test_a_thousand_drafts_checked_in_seconds_with_the_same_findings(tmp_path, monkeypatch):
    root = big_project(tmp_path / "project", 1000)
    want = reference_json(root, monkeypatch)
    cache = tmp_path / "cache"
    times = []
    for _ in range(2):
        start = time.perf_counter()
        done = run_check(root, cache)
        times.append(time.perf_counter() - start)
        assert done.stdout == want
    print(f"\n1,000+ drafts: first check {times[0]:.1f} s, again {times[1]:.1f} s")
    assert times[1] < 10, "a check that remembers should take a few seconds"


def test_a_kill_during_a_check_on_several_processes_ends_them_all_quietly(project_of_many, tmp_path):
    """SIGTERM while the workers check: exit 128+15 with one line, no traceback from any worker,
    no worker left running."""
    import signal

    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "LETTERKIT_TODAY": TODAY}
    running = subprocess.Popen([sys.executable, "-m", "letterkit", "check", "-j", "2"], cwd=project_of_many, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(cache.glob("letterkit/check/*/*.json")) and time.monotonic() < deadline:  # workers have answered
        time.sleep(0.01)
    running.send_signal(signal.SIGTERM)
    stderr = running.communicate(timeout=60)[1]
    assert running.returncode == 128 + signal.SIGTERM, stderr
    assert stderr.strip() == "已终止。"
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-s", str(running.pid)], capture_output=True, text=True).stdout.split()
    assert left == []


def test_a_bug_met_in_a_worker_is_reported_for_its_draft_and_the_others_are_checked(tmp_path, monkeypatch):
    """As in one process (tests/test_hostile_inputs.py): the draft that meets a bug in letterkit
    gets an internal-error line, every other draft its findings."""
    from click.testing import CliRunner

    from letterkit import lint
    from letterkit.cli import cli

    drafts = {f"drafts/d{i}.yaml": MINIMAL_DRAFT.replace("seq: 7", f"seq: {i + 1}").replace('"0012"', f'"00{i + 20}"')
              for i in range(6)}
    drafts["drafts/d4.yaml"] = drafts["drafts/d4.yaml"].replace("closing:", "closng:")
    root = make_project(tmp_path, {"letterkit.yaml": "output: build\n", **drafts})
    real = lint.check_draft

    def buggy(loaded, *args, **kwargs):
        if loaded.files and loaded.files[-1].name == "d2.yaml":
            raise RuntimeError("a bug")
        return real(loaded, *args, **kwargs)
    monkeypatch.setattr(lint, "check_draft", buggy)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "-j", "2"])
    assert result.exit_code == 1 and not isinstance(result.exception, RuntimeError), result.output
    assert "drafts/d2.yaml: 错误 internal-error letterkit 内部错误：RuntimeError: a bug" in result.output
    assert "drafts/d4.yaml:" in result.output and "closng" in result.output
    assert "检查了 6 份草稿" in result.output
