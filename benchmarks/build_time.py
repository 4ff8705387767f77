"""How fast is a build?  Prints numbers; asserts nothing.  Run by hand or from CI as a report.

    python3 benchmarks/build_time.py [--letters 100]

- the wall time of `letterkit build` for the seed draft, from a cold process;
- the in-process time per letter over N builds of the seed draft (median, p90);
- the peak memory (RSS) of this process.
"""

from __future__ import annotations

import argparse
import gc
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "drafts" / "2020" / "futian-TA20200005.yaml"


def cold_build(out: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "letterkit", "build", str(SEED), "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"letterkit build failed:\n{done.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=100, help="in-process builds to time (default 100)")
    args = parser.parse_args()

    from letterkit.build import build_draft
    from letterkit.project import open_project

    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        colds = [cold_build(out / f"cold{i}") for i in range(3)]
        project = open_project(SEED)
        built = build_draft(SEED, project, out / "warm")  # warm the caches once
        times = []
        for i in range(args.letters):
            start = time.perf_counter()
            build_draft(SEED, project, out / "warm")
            times.append(time.perf_counter() - start)
            gc.collect()
        size = built.output.stat().st_size

    times.sort()
    p90 = times[int(0.9 * (len(times) - 1))]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"letterkit build, seed draft, cold process: median {statistics.median(colds):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in colds)})")
    print(f"in-process build of the seed letter, {len(times)} builds: median {statistics.median(times) * 1000:.1f} ms, "
          f"p90 {p90 * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")
    print(f"output size: {size / 1024:.1f} KiB; peak RSS of this process: {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
