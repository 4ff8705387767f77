"""Issue 15, inputs that hang, blow up or crash: each runs as a clerk would run it (the CLI
in a subprocess), must end quickly with a clear message in Chinese and a non-zero exit, never
a traceback, and must not take the machine's memory with it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import MINIMAL_DRAFT

MEASURE = """\
import json, resource, subprocess, sys, time
limit = int(sys.argv[1]) * 2**20  # address space: a runaway fails fast instead of swapping the machine
started = time.perf_counter()
done = subprocess.run(sys.argv[2:], capture_output=True, text=True,
                      preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "peak_mb": peak,
                  "seconds": time.perf_counter() - started}))
"""


def measured(cwd: Path, *args: str, limit_mb: int = 1500) -> dict:
    """Run `letterkit args` in a fresh process: exit code, output, peak memory (MB), time."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(limit_mb), sys.executable, "-m", "letterkit", *args],
                          cwd=cwd, capture_output=True, text=True)
    return json.loads(done.stdout)


def test_yaml_alias_bomb_is_refused_with_bounded_memory(project):
    """One long anchor and 2,000 aliases: 319 KB on disk, 600 million characters expanded
    (2.2 GB of memory before the bound)."""
    anchor = "\n        ".join(["我局高度重视您提出的建议已组织有关科室认真研究办理现将有关情况答复如下" * 3] * 935)
    items = "".join("      - *a\n" for _ in range(2000))
    draft = MINIMAL_DRAFT.split("measures:")[0] + (
        f"measures:\n  - heading: 工作情况\n    items:\n      - &a {anchor}\n{items}"
        "closing:\n  - 下一步，我局将继续做好相关工作。\ndate: 2024-05-06\ncontact:\n  name: 李四\n  phone: \"82345678\"\n")
    root = project({"letterkit.yaml": "output: build\n", "drafts/bomb.yaml": draft})
    size = (root / "drafts" / "bomb.yaml").stat().st_size
    assert 300_000 < size < 340_000
    anchor_line = draft.splitlines().index(next(l for l in draft.splitlines() if "&a" in l)) + 1
    for command in ("check", "build"):
        run = measured(root, command, "drafts/bomb.yaml")
        print(f"{command}: {size // 1024} KB draft, peak {run['peak_mb']} MB, {run['seconds']:.2f} s")
        said = run["out"] + run["err"]
        assert run["code"] == 1, said
        assert "Traceback" not in said and "内部错误" not in said
        assert f"drafts/bomb.yaml:{anchor_line}:9: 错误 yaml-too-large" in said
        assert "别名" in said and "展开" in said
        assert run["peak_mb"] < 300
    assert not (root / "build" / "bomb.docx").exists()


def test_a_long_draft_without_aliases_is_still_read(tmp_path):
    """The bound is on expansion: ordinary large text (here 300,000 characters) loads."""
    from letterkit.load import load_text

    text = "items:\n" + "".join(f"  - 第{i}条很长的文字" + "字" * 290 + "\n" for i in range(1000))
    assert len(load_text(text, "x.yaml").data["items"]) == 1000
