"""Recall of `import` + `check` on slips planted into the published letters (tests/slipgen.py).

    PYTHONPATH=. python3 benchmarks/slips_report.py [--rounds N] [--seed S] [--misses]

Prints, per family of slip, how many planted slips were found, and the overall figure for the
serious and standard-breaking ones; --misses lists the slips that were not found.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import slipgen  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--family", action="append")
    args = parser.parse_args()
    families = [f for f in slipgen.FAMILIES if not args.family or f.name in args.family]
    started = time.perf_counter()
    outcomes = slipgen.sweep(slipgen.published_letters(), args.rounds, args.seed, families)
    elapsed = time.perf_counter() - started
    table = slipgen.recall(outcomes)
    grades = {f.name: f.grade for f in slipgen.FAMILIES}
    print(f"{'family':24} {'grade':9} found/planted  recall")
    for name, (hit, total) in table.items():
        if name != "all":
            print(f"{name:24} {grades[name]:9} {hit:5}/{total:<7} {hit / total:6.1%}")
    for grade in ("serious", "standard"):
        hit = sum(o.found for o in outcomes if o.grade == grade)
        total = sum(1 for o in outcomes if o.grade == grade)
        print(f"{'all ' + grade:34} {hit:5}/{total:<7} {hit / max(total, 1):6.1%}")
    rest = [o for o in outcomes if o.grade == "serious" and o.family != "lost-character"]
    print(f"{'serious, lost-character apart':34} {sum(o.found for o in rest):5}/{len(rest):<7} "
          f"{sum(o.found for o in rest) / max(len(rest), 1):6.1%}")
    hit, total = table["all"]
    print(f"{'overall':34} {hit:5}/{total:<7} {hit / total:6.1%}")
    print(f"{len(outcomes)} planted letters imported and checked in {elapsed:.1f} s")
    if args.misses:
        for o in outcomes:
            if not o.found:
                print(f"MISS {o.family:22} {o.letter[:12]:12} line {o.slip.line}: {o.slip.original!r} → {o.slip.planted!r}")


if __name__ == "__main__":
    main()
