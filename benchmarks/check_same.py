"""Does `letterkit check --format json` print, byte for byte, what another letterkit revision
printed?  A speed-up must not change a finding (issue 13).  Prints one line per project and
exits 1 when any differs.

    python3 benchmarks/check_same.py c53a427                       # the repository's drafts, 1,000 generated drafts,
                                                                   # the published letters imported as drafts
    python3 benchmarks/check_same.py c53a427 --drafts 200 --distinct

Both revisions check the same project files afresh (an empty cache folder each), with the same
LETTERKIT_TODAY; the other revision is taken out of git (git archive) into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import ROOT, synthetic_project  # noqa: E402
from check_time import make_distinct  # noqa: E402


def checked(code: Path, folder: Path, cache: Path) -> tuple[bytes, float]:
    """The JSON output of a cold `letterkit check` of `folder` by the letterkit in `code`, and its wall time."""
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(code), "XDG_CACHE_HOME": str(cache), "LETTERKIT_TODAY": "2026-06-01"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", "--format", "json"], cwd=folder, env=env,
                          capture_output=True)
    return done.stdout, time.perf_counter() - start


def projects(tmp: Path, count: int, distinct: bool) -> dict[str, Path]:
    """The repository's own project; the published letters imported as drafts into a copy of it; generated drafts."""
    imported = tmp / "imported"
    imported.mkdir()
    for name in ("letterkit.yaml", "profiles", "templates"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, imported / name)
    letters = sorted((ROOT / "tests" / "fixtures" / "published").rglob("*.txt"))  # the 18 real ones, the seed, 40 synthetic
    (imported / "drafts").mkdir(parents=True)
    for source in letters:
        subprocess.run([sys.executable, "-m", "letterkit", "import", str(source), "-o",
                        str(imported / "drafts" / f"{source.parent.name}-{source.stem}.yaml")],
                       cwd=imported, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    generated = synthetic_project(tmp / "generated", count)
    if distinct:
        make_distinct(generated)
    return {"repository": ROOT, f"{len(list((imported / 'drafts').glob('*.yaml')))} imported letters": imported,
            f"{count} generated drafts{' (distinct)' if distinct else ''}": generated}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("revision", help="the letterkit revision to compare with (a git commit or branch)")
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--distinct", action="store_true", help="no paragraph repeated across drafts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        other = tmp / "other"
        archive = subprocess.run(["git", "archive", args.revision, "letterkit"], cwd=ROOT, capture_output=True, check=True)
        tarfile.open(fileobj=BytesIO(archive.stdout)).extractall(other)
        differ = 0
        for name, folder in projects(tmp, args.drafts, args.distinct).items():
            theirs, their_time = checked(other, folder, tmp / "cache")
            ours, our_time = checked(ROOT, folder, tmp / "cache")
            same = ours == theirs and ours.startswith(b"[")
            differ += not same
            print(f"{name}: {'the same' if same else 'DIFFERENT'} ({len(ours):,} bytes; "
                  f"{args.revision} {their_time:.1f} s, this tree {our_time:.1f} s wall)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
