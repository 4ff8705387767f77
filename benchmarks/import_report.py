"""Import report: how well `letterkit import` reads the published letters, field by field, against
values written by hand (tests/fixtures/published/expected/), and how much of each letter's text
ends up in its right place; then every repository draft, built and re-imported (the round trip).
A report, not a test; run by hand or in CI:

    python3 benchmarks/import_report.py              # development letters
    python3 benchmarks/import_report.py --held-out   # also the held-out letters (10, 13, 14, 16, 51–70, 71–90, 91–110, 111–130, 131–170)

The new letters (published/new/, 31–50) are always shown.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letterkit.build import build_draft  # noqa: E402
from letterkit.importing import import_file, placed  # noqa: E402
from letterkit.importing.score import FIELDS, score  # noqa: E402
from letterkit.project import open_project  # noqa: E402
from letterkit.textconv import to_text  # noqa: E402

PUBLISHED = ROOT / "tests" / "fixtures" / "published"
HELD_OUT = ("10", "13", "14", "16")  # kept out of tuning; see tests/fixtures/published/README.md


def _key(source: Path) -> str:
    return source.name.split("_")[0]  # 07, 51, 104


def scored(source: Path):
    expected = yaml.safe_load((source.parent / "expected" / f"{_key(source)}.yaml").read_text(encoding="utf-8"))
    result = import_file(source)
    warned = {n.line for n in result.notes if n.severity == "warning"}
    return score(expected, yaml.safe_load(result.draft), source.read_text(encoding="utf-8").splitlines(), warned,
                 result.kept_out)


def table(name: str, sources: list[Path]) -> None:
    scores = {}
    for source in sources:
        scores[_key(source)] = scored(source)
    print(f"\n== {name}: {len(scores)} letters ==")
    print(f"{'letter':<8}{'fields':>8}{'placed':>8}{'misplaced':>10}{'unwarned':>9}  wrong")
    for key, s in scores.items():
        right = sum(ok for ok, _, _ in s.fields.values())
        wrong = ", ".join(f"{f}={got[:16]}" for f, (ok, _, got) in s.fields.items() if not ok)
        placed = s.placed_chars / s.total_chars if s.total_chars else 1
        print(f"{key:<8}{right:>5}/{len(s.fields):<2}{placed:>8.1%}{len(s.misplaced):>10}{len(s.unwarned):>9}  {wrong}")
        for line, role, zone in s.misplaced:
            print(f"{'':<8}line {line} ({role}) → {zone}")
    print("per field: " + "  ".join(
        f"{f} {sum(s.fields[f][0] for s in scores.values()) / len(scores):.0%}" for f in FIELDS))
    total = sum(s.total_chars for s in scores.values())
    print(f"all right and nothing misplaced: {sum(s.all_right for s in scores.values())}/{len(scores)}; "
          f"text in its right place: {sum(s.placed_chars for s in scores.values()) / total:.1%}; "
          f"misplaced lines not warned: {sum(len(s.unwarned) for s in scores.values())}")


def round_trip() -> None:
    print("\n== repository drafts: build → import → build ==")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = open_project(ROOT)
        for path in project.drafts():
            started = time.perf_counter()
            built = build_draft(path, project, work / "first").output
            result = import_file(built)
            draft = work / (built.stem + ".yaml")
            draft.write_text(result.draft, encoding="utf-8")
            for name, image in result.images.items():
                (work / name).write_bytes(image)
            again = build_draft(draft, open_project(draft), work / "out").output
            same = to_text(again) == to_text(built)
            took = (time.perf_counter() - started) * 1000
            print(f"{path.name[:44]:<46}{'same' if same else 'DIFFERS':>8}  in place {placed(result):>6.1%}{took:>8.0f} ms")


def main() -> None:
    letters = sorted(PUBLISHED.glob("[0-9][0-9]_*.txt"))
    table("development letters", [p for p in letters if p.name[:2] not in HELD_OUT])
    if "--held-out" in sys.argv:
        table("held-out letters", [p for p in letters if p.name[:2] in HELD_OUT])
    table("new letters (31–50, written for issue 12)", sorted((PUBLISHED / "new").glob("[0-9][0-9]_*.txt")))
    if "--held-out" in sys.argv:  # measured before they were added: see published/heldout/README.md
        table("held-out letters 51–70", sorted((PUBLISHED / "heldout").glob("[0-9][0-9]_*.txt")))
        # 91–110: first measured unseen at 15/20 (see published/dev2/README.md), then developed on
        table("letters 91–110 (dev2)", sorted((PUBLISHED / "dev2").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        # 71–90: measured unseen before and after round 3 (see published/heldout2/README.md), then fixed
        table("held-out letters 71–90", sorted((PUBLISHED / "heldout2").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        # 111–130: the same (see published/heldout3/README.md)
        table("held-out letters 111–130", sorted((PUBLISHED / "heldout3").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        # 131–150, 151–170: first measured unseen at 15/20 and 17/20 (see published/dev4, dev5 README.md), then developed on
        table("letters 131–150 (dev4)", sorted((PUBLISHED / "dev4").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        table("letters 151–170 (dev5)", sorted((PUBLISHED / "dev5").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        # 171–190: held out in round 5, measured 16/20 on main and 18/20 on the round's work (published/heldout4/README.md)
        table("held-out letters 171–190", sorted((PUBLISHED / "heldout4").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        # 211–242: developed on in round 6; 191–210, 291–310: held out in round 6 (published/heldout5, heldout6 README.md)
        table("letters 211–242 (dev6, dev7)", sorted([*(PUBLISHED / "dev6").glob("[0-9]*_*.txt"), *(PUBLISHED / "dev7").glob("[0-9]*_*.txt")],
                                                    key=lambda p: int(_key(p))))
        table("held-out letters 191–210", sorted((PUBLISHED / "heldout5").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
        table("held-out letters 291–310", sorted((PUBLISHED / "heldout6").glob("[0-9]*_*.txt"), key=lambda p: int(_key(p))))
    round_trip()


if __name__ == "__main__":
    main()
