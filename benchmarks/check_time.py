"""How long does `letterkit check` take on a 1,000-draft project, and how much of it is the
proofreading rules (letterkit/proof)?  Prints numbers; asserts nothing.

    python3 benchmarks/check_time.py              # 1,000 seed-sized drafts (every 100th ten times longer)
    python3 benchmarks/check_time.py --drafts 200

Three cold runs of `letterkit check` in a process of their own: all rules; the proofreading
rules switched off (project `check: {disable: […]}`); and one draft alone (start-up and jieba's
dictionary).  The drafts are benchmarks/build_time.py's synthetic project.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import synthetic_project  # noqa: E402


def timed(folder: Path, *paths: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child, letterkit's summary line): on a shared machine
    the CPU time is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", *paths], cwd=folder,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=1000)
    args = parser.parse_args()
    from letterkit import proof

    with tempfile.TemporaryDirectory() as tmp:
        folder = synthetic_project(Path(tmp) / "project", args.drafts)
        all_rules, all_cpu, summary = timed(folder)
        print(f"letterkit check, {args.drafts} drafts, all rules:        {all_rules:6.2f} s wall, {all_cpu:6.2f} s CPU  ({summary})")
        config = folder / "letterkit.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "check:\n  disable: [" + ", ".join(proof.CODES) + "]\n",
                          encoding="utf-8")
        without, without_cpu, summary = timed(folder)
        print(f"letterkit check, {args.drafts} drafts, proofreading off: {without:6.2f} s wall, {without_cpu:6.2f} s CPU  ({summary})")
        extra = all_cpu - without_cpu
        print(f"   the proofreading rules: {extra:6.2f} s CPU ({extra / args.drafts * 1000:.1f} ms per draft)")
        config.write_text("output: build\n", encoding="utf-8")
        one, one_cpu, _ = timed(folder, "drafts/d0000.yaml")
        print(f"letterkit check, one draft (cold start):       {one:6.2f} s wall, {one_cpu:6.2f} s CPU")


if __name__ == "__main__":
    main()
