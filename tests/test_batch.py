"""Incremental, parallel builds: each kind of input change rebuilds exactly the drafts it affects."""

import json
import re
import shutil
import subprocess
import sys

import pytest

from letterkit.batch import Batch
from letterkit.manifest import MANIFEST
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT, REPO, make_project

SEAL = (REPO / "drafts" / "seals" / "sample-seal.png").read_bytes()
PROFILE = "organ:\n  name: 测试市测试区{unit}\n  code: 测{code}函\n"


def draft(**extra) -> str:
    text = MINIMAL_DRAFT.replace("organ:\n  name: 测试市测试区教育局\n  code: 测教函\n", "")
    return text + "".join(f"{k}: {v}\n" for k, v in extra.items())


@pytest.fixture
def tree(tmp_path):
    """Three departments' drafts: a (profile a extends district, own template, a seal),
    b (profile b extends district), c (no department: organ in the draft, the project's template)."""
    root = make_project(tmp_path / "p", {
        "letterkit.yaml": "output: build\n",
        "profiles/district.yaml": "categories: {A: 已解决}\n",
        "profiles/a.yaml": "extends: district\n" + PROFILE.format(unit="教育局", code="教"),
        "profiles/b.yaml": "extends: district\n" + PROFILE.format(unit="水务局", code="水"),
        "templates/a/reply.j2": '{% extends "builtin/reply.j2" %}{% block note %}（联系人：{{ contact.name }}）{% endblock %}\n',
        "templates/plain.j2": '{% extends "reply.j2" %}\n',
        "drafts/a1.yaml": draft(department="a", seal="seal.png"),
        "drafts/a2.yaml": draft(department="a").replace("seq: 7", "seq: 8"),
        "drafts/b1.yaml": draft(department="b"),
        "drafts/c1.yaml": MINIMAL_DRAFT.replace("seq: 7", "seq: 11") + "template: plain.j2\n",  # a1 has 测教函〔2024〕7号
    })
    (root / "drafts" / "seal.png").write_bytes(SEAL)
    return root


def build(root, **options):
    project = open_project(root)
    batch = Batch(project.drafts(), project, jobs=options.pop("jobs", 1), **options)
    outcomes = list(batch.run())
    return {o.draft.stem for o in outcomes if o.status == "built"}, batch.summary, outcomes


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


ALL = {"a1", "a2", "b1", "c1"}


def test_a_second_build_builds_nothing(tree):
    assert build(tree)[0] == ALL
    built, summary, _ = build(tree)
    assert built == set() and (summary.unchanged, summary.built, summary.failed) == (4, 0, 0)


CHANGES = [
    ("the draft", lambda r: edit(r / "drafts/b1.yaml", "张三", "李五"), {"b1"}),
    ("only the draft's time", lambda r: (r / "drafts/b1.yaml").touch(), set()),
    ("its department's profile", lambda r: edit(r / "profiles/b.yaml", "水务局", "水利局"), {"b1"}),
    ("the profile its profile extends", lambda r: edit(r / "profiles/district.yaml", "已解决", "已经解决"), {"a1", "a2", "b1"}),
    ("its department's template", lambda r: edit(r / "templates/a/reply.j2", "联系人", "联系"), {"a1", "a2"}),
    ("a new template that shadows a built-in one", lambda r: (r / "templates/b").mkdir() or (r / "templates/b/snippets.j2").write_text(
        (REPO / "letterkit/templates/snippets.j2").read_text(encoding="utf-8").replace("尊敬的", "敬爱的"), encoding="utf-8"), {"b1"}),
    ("the project's template", lambda r: (r / "templates/plain.j2").write_text('{% extends "reply.j2" %}{# v2 #}\n', encoding="utf-8"), {"c1"}),
    ("a seal image", lambda r: (r / "drafts/seal.png").write_bytes(SEAL + b"\0"), {"a1"}),
    ("the project file", lambda r: (r / "letterkit.yaml").write_text("output: build\ndefaults: {sealed: true}\n", encoding="utf-8"), ALL),
    ("letterkit itself", lambda r: _rewrite_manifest(r, code="an older letterkit"), ALL),
    ("a deleted output", lambda r: (r / "build/a2.docx").unlink(), {"a2"}),
]


def _rewrite_manifest(root, **fields):
    path = root / "build" / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("what, change, expected", CHANGES, ids=[c[0] for c in CHANGES])
def test_each_input_change_rebuilds_exactly_the_drafts_it_affects(tree, what, change, expected):
    assert build(tree)[0] == ALL
    change(tree)
    assert build(tree)[0] == expected
    assert build(tree)[0] == set()  # and then all is up to date again


def test_force_rebuilds_everything(tree):
    build(tree)
    assert build(tree, force=True)[0] == ALL


def test_a_failed_draft_does_not_stop_the_others_and_is_tried_again(tree):
    build(tree)
    edit(tree / "drafts/a2.yaml", "seq: 8", "seq: 0")
    edit(tree / "drafts/b1.yaml", "张三", "李五")
    built, summary, outcomes = build(tree)
    assert built == {"b1"} and summary.failed == 1
    [failed] = [o for o in outcomes if o.status == "failed"]
    assert failed.draft.stem == "a2" and failed.problems[0].code == "out-of-range"
    status = {o.draft.stem: o.status for o in build(tree)[2]}
    assert status["a2"] == "failed"  # not recorded as built: tried again, fails again
    edit(tree / "drafts/a2.yaml", "seq: 0", "seq: 9")
    assert build(tree)[0] == {"a2"}


def test_a_deleted_draft_leaves_an_orphan_that_clean_removes(tree):
    build(tree)
    (tree / "drafts/b1.yaml").unlink()
    _, summary, _ = build(tree)
    assert [(p.name, removed) for p, removed in summary.orphans] == [("b1.docx", False)]
    assert (tree / "build/b1.docx").is_file()
    _, summary, _ = build(tree, clean=True)
    assert [(p.name, removed) for p, removed in summary.orphans] == [("b1.docx", True)]
    assert not (tree / "build/b1.docx").exists()
    assert build(tree)[1].orphans == []


def test_parallel_and_serial_builds_write_the_same_bytes(tree, tmp_path):
    build(tree, jobs=1)
    serial = {p.name: p.read_bytes() for p in (tree / "build").glob("*.docx")}
    shutil.rmtree(tree / "build")
    built, _, _ = build(tree, jobs=2)
    assert built == ALL
    assert {p.name: p.read_bytes() for p in (tree / "build").glob("*.docx")} == serial


def test_the_cli_lists_failures_at_the_end_with_a_summary(tree):
    (tree / "drafts/bad.yaml").write_text("organ: [\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", "-j", "2"], cwd=tree, capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len([l for l in done.stdout.splitlines() if " → " in l]) == 4  # plain lines, not a bar: not a terminal
    errors = done.stderr.strip().splitlines()
    assert errors[0].startswith("drafts/bad.yaml:") and re.fullmatch(r"已生成 4，未改动 0，失败 1，用时 [0-9.]+ 秒", errors[-1])
    again = subprocess.run([sys.executable, "-m", "letterkit", "build"], cwd=tree, capture_output=True, text=True)
    assert re.search(r"已生成 0，未改动 4，失败 1", again.stderr)


def test_watch_rebuilds_exactly_what_a_save_changes_and_survives_a_bad_save(tree):
    import queue
    import threading
    import time

    build(tree)
    process = subprocess.Popen([sys.executable, "-m", "letterkit", "build", "--watch", "-j", "1"], cwd=tree,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l.rstrip("\n")) for l in process.stdout], daemon=True).start()

    def wait_for(pattern, seconds=20):
        seen, end = [], time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if re.search(pattern, line):
                return seen
        raise AssertionError(f"no line matching {pattern!r}; saw {seen}")

    try:
        wait_for("监视")
        time.sleep(0.5)
        edit(tree / "drafts/b1.yaml", "张三", "李五")
        seen = wait_for(r"已生成 1，")
        assert [l for l in seen if " → " in l] == ["drafts/b1.yaml → build/b1.docx"]
        (tree / "drafts/a2.yaml").write_text("organ: [\n", encoding="utf-8")  # a bad save
        wait_for(r"drafts/a2.yaml:\d+:\d+: 错误 ")
        edit(tree / "profiles/a.yaml", "教育局", "教体局")
        seen = wait_for(r"已生成 1，")  # a1 rebuilt; a2 still bad, reported again
        assert [l for l in seen if " → " in l] == ["drafts/a1.yaml → build/a1.docx"]
        assert process.poll() is None  # still watching
    finally:
        process.terminate()
        process.wait(timeout=10)
