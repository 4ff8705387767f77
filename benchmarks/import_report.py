"""Import report: each published letter (and every repository draft, built and re-imported), how
much of it survives `letterkit import` → `letterkit build`.  A report, not a test; run by hand or in CI:

    python3 benchmarks/import_report.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letterkit.build import build_draft  # noqa: E402
from letterkit.importing import import_file, survival  # noqa: E402
from letterkit.project import open_project  # noqa: E402
from letterkit.textconv import to_text  # noqa: E402


def row(source: Path, work: Path) -> str:
    started = time.perf_counter()
    result = import_file(source)
    draft = work / (source.stem + ".yaml")
    draft.write_text(result.draft, encoding="utf-8")
    for name, image in result.images.items():  # seals, beside the draft, as `letterkit import` writes them
        (work / name).write_bytes(image)
    built = build_draft(draft, open_project(draft), work / "out").output
    share = survival(result.text, to_text(built))
    warnings = sum(1 for n in result.notes if n.severity == "warning")
    changes = sum(1 for n in result.notes if n.severity == "note")
    took = (time.perf_counter() - started) * 1000
    return f"{source.name[:44]:<46}{share:>8.1%}{warnings:>6}{changes:>6}{took:>9.0f}"


def main() -> None:
    published = sorted((ROOT / "tests" / "fixtures" / "published").glob("*.txt"))
    print(f"{'input':<46}{'survive':>8}{'warn':>6}{'note':>6}{'ms':>9}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for source in published + [ROOT / "tests" / "fixtures" / "handmade.docx"]:
            print(row(source, work))
        project = open_project(ROOT)
        for path in project.drafts():
            built = build_draft(path, project, work / "first").output
            print(row(built, work))


if __name__ == "__main__":
    main()
