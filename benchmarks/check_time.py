"""How long does `letterkit check` take on a 1,000-draft project, and how much of it is the
proofreading rules (letterkit/proof)?  Prints numbers; asserts nothing.

    python3 benchmarks/check_time.py              # 1,000 seed-sized drafts (every 100th ten times longer)
    python3 benchmarks/check_time.py --drafts 200 --jobs 1

Each run is a fresh `letterkit check` process with a cache folder of its own (XDG_CACHE_HOME):
one draft first (start-up; builds the dictionary jieba's words are read from, once per machine);
then all drafts with nothing remembered ("cold"); again, answering from what the first run
remembered ("warm", letterkit/checkrun.py); the next day (LETTERKIT_TODAY one day on: every
draft checked again, the proofreading findings still remembered, letterkit/proof/remember.py);
and with the proofreading rules switched off (the project file changed: nothing remembered
applies).  The drafts are benchmarks/build_time.py's synthetic project: they share most
paragraphs, as one office's replies share their closings and standard measures, and the rules
work out what one paragraph holds once per distinct paragraph (letterkit/proof/text.per_text);
`--distinct` writes a number into every paragraph, so that nothing is shared.  Measured on the 2-core
machine of issue 13 (README, "性能"): see the figures there; the last line prints the aim beside this run.
benchmarks/check_same.py checks that a faster check still prints the same findings.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import synthetic_project  # noqa: E402

TARGET_DRAFTS, TARGET_WALL, TARGET_CPU = 1000, 5.0, 10.0  # issue 13, on a 2-core machine
# the last figures measured (round 23, speed23, 2026-12-03): the machine shared, so wall time says little; before
# (main d3b39c5) and after taken in turn, each a fresh run of this script, two pairs
LAST_MEASURED = ("round 11's end (f0418b5, 2026-12-03, idle, load 0.5-1.4): cold 14.9 s wall, 26.8 s CPU, rules 21.9 ms a "
                 "draft; --distinct 26.0 s wall, 48.5 s CPU, rules 43.2 ms a draft.  "
                 "round 23 (2026-12-03, before/after taken in turn): load 2.1-2.7: cold 28.1 s -> 23.9 s CPU (wall 23.1 -> "
                 "21.5 s), rules 23.9 -> 18.7 ms a draft; --distinct 45.1 s -> 38.3 s CPU (wall 24.1 -> 20.5 s), rules 40.6 -> "
                 "33.9 ms a draft.  Load 5.5-7: cold 34.0 s -> 26.5 s CPU (rules 28.7 -> 20.6 ms); --distinct 52.3 s -> 43.8 s "
                 "CPU (rules 45.3 -> 38.5 ms)")


def timed(folder: Path, cache: Path, *paths: str, today: str = "2026-06-01", jobs: int | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child and its workers, letterkit's summary line): on a
    shared machine the CPU time is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    options = ["-j", str(jobs)] if jobs else []
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", *options, *paths], cwd=folder, capture_output=True,
                          text=True, env={**os.environ, "XDG_CACHE_HOME": str(cache), "LETTERKIT_TODAY": today})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def make_distinct(folder: Path) -> None:
    """Every paragraph of every draft made its own (a number written into it): no paragraph
    repeats across drafts, so nothing a rule worked out for one paragraph serves another draft."""
    import yaml

    def mark(node, tag):
        if isinstance(node, str):
            return f"{node}（{tag}）" if len(node) >= 8 else node
        if isinstance(node, list):
            return [mark(item, f"{tag}.{i}") for i, item in enumerate(node)]
        if isinstance(node, dict):
            return {key: mark(value, f"{tag}.{key}") if key in ("text", "heading", "items") else value
                    for key, value in node.items()}
        return node

    for path in sorted((folder / "drafts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["measures"] = mark(data["measures"], path.stem)
        if "closing" in data:
            data["closing"] = mark(data["closing"], path.stem)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="letterkit check -j (default: all cores)")
    parser.add_argument("--distinct", action="store_true", help="no paragraph repeated across drafts (see make_distinct)")
    args = parser.parse_args()
    from letterkit import proof

    n, jobs = args.drafts, args.jobs
    with tempfile.TemporaryDirectory() as tmp:
        folder = synthetic_project(Path(tmp) / "project", n)
        if args.distinct:
            make_distinct(folder)
        cache = Path(tmp) / "cache"
        first, first_cpu, _ = timed(folder, cache, "drafts/d0000.yaml")
        print(f"one draft, first run on this machine:           {first:6.2f} s wall, {first_cpu:6.2f} s CPU")
        one, one_cpu, _ = timed(folder, cache, "drafts/d0001.yaml")
        print(f"one draft, cold start:                          {one:6.2f} s wall, {one_cpu:6.2f} s CPU")
        cold, cold_cpu, summary = timed(folder, cache, jobs=jobs)
        print(f"{n} drafts, cold (nothing remembered):         {cold:6.2f} s wall, {cold_cpu:6.2f} s CPU  ({summary})")
        warm, warm_cpu, _ = timed(folder, cache, jobs=jobs)
        print(f"{n} drafts, warm (run again, nothing changed): {warm:6.2f} s wall, {warm_cpu:6.2f} s CPU")
        day, day_cpu, _ = timed(folder, cache, today="2026-06-02", jobs=jobs)
        print(f"{n} drafts, the next day (findings remembered): {day:6.2f} s wall, {day_cpu:6.2f} s CPU")
        config = folder / "letterkit.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "check:\n  disable: [" + ", ".join(r.code for r in proof.CHECK_RULES) + "]\n",
                          encoding="utf-8")
        off, off_cpu, summary = timed(folder, cache, jobs=jobs)
        print(f"{n} drafts, proofreading rules off (cold):     {off:6.2f} s wall, {off_cpu:6.2f} s CPU  ({summary})")
        extra = cold_cpu - off_cpu
        print(f"   the proofreading rules, nothing remembered: {extra:6.2f} s CPU ({extra / n * 1000:.1f} ms per draft)")
        print(f"issue 13's aim for {TARGET_DRAFTS} drafts on 2 cores: cold <= {TARGET_WALL:.0f} s wall; with --distinct <= "
              f"{TARGET_CPU:.0f} s CPU.  This run: cold {cold:.1f} s wall, {cold_cpu:.1f} s CPU"
              f"{' (distinct)' if args.distinct else ''} over {n} drafts on {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"last measured, {LAST_MEASURED}")


if __name__ == "__main__":
    main()
