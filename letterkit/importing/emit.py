"""Import, stage 4: the recognised fields as a YAML draft a clerk can read and edit.

Written by hand rather than by yaml.dump so the draft reads like the repository's own:
fields in reading order, one measure per item, the lines kept out of the letter and the
import's report as comments at the top.  Scalars are quoted by PyYAML, so any text is safe.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .clean import without_hidden


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value)
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=None)
    if dumped.endswith("\n...\n"):
        dumped = dumped[: -len("\n...\n")]
    return dumped.rstrip("\n")


def _mapping(data: dict, indent: int) -> list[str]:
    out = []
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out += _mapping(value, indent + 2)
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            out += _sequence(value, indent + 2)
        else:
            out.append(f"{pad}{key}: {scalar(value)}")
    return out


def _sequence(items: list, indent: int) -> list[str]:
    out = []
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            item = {k: v for k, v in item.items() if v not in (None, [])}
            lines = _mapping(item, indent + 2)
            out.append(pad + "- " + lines[0].lstrip())
            out += lines[1:]
        else:
            out.append(f"{pad}- {scalar(item)}")
    return out


def _commentable(text: str) -> str:
    """A note quoting the input stays one comment line that YAML reads: no line break, no control character."""
    return without_hidden(re.sub(r"[\n\r\x0b\x0c\x85\u2028\u2029]", " ", text))[0]


def to_yaml(fields: dict, header: list[str]) -> str:
    lines = [f"# {_commentable(line)}" if line else "#" for line in header]
    previous = None
    for key, value in fields.items():
        if key in ("proposal", "title", "measures", "signature") and previous is not None:
            lines.append("")
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += _mapping(value, 2)
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines += _sequence(value, 2)
        else:
            lines.append(f"{key}: {scalar(value)}")
        previous = key
    return "\n".join(lines) + "\n"
