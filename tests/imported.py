"""Helpers the import test files share: a letter's text imported through a file, and the default suite's sample
of generated cases (every case under CI)."""

from __future__ import annotations

import os

import yaml

from letterkit.importing import import_file

LONG = os.environ.get("CI") == "true" or os.environ.get("LETTERKIT_LONG") == "1"


def sample(cases: list, step: int = 3) -> list:
    """Every case under CI; else every `step`-th (the first and last always), so the default suite stays quick."""
    return cases if LONG else [case for k, case in enumerate(cases) if k % step == 0 or k == len(cases) - 1]


def import_text(tmp_path, text: str):
    """The import result and its draft as a dict, for `text` written to a file as a clerk would save it."""
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    return result, yaml.safe_load(result.draft)


def line_of(text: str, start: str) -> int:
    """The number of the first line of `text` starting with `start`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))
