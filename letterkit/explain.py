"""`letterkit explain`: every value a draft ends up with, and the file and line it came from,
so a clerk can see why a letter says what it says."""

from __future__ import annotations

import datetime as dt


from .load import Loaded
from .validate import _dotted


def explain(loaded: Loaded) -> list[tuple[str, str, str]]:
    """(dotted path, value, where) for every value of the merged layers, in reading order."""
    rows: list[tuple[str, str, str]] = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + (index,))
        else:
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            rows.append((_dotted(path), shown, str(loaded.sources.locate(path))))

    walk(loaded.data if isinstance(loaded.data, dict) else {}, ())
    return rows


def format_rows(rows: list[tuple[str, str, str]], width: int = 48) -> str:
    lines = []
    for name, value, where in rows:
        shown = value if len(value) <= width else value[: width - 1] + "…"
        lines.append(f"{name} = {shown}    ← {where}")
    return "\n".join(lines)



