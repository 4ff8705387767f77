"""What an import tells the clerk: changes it made, anomalies it kept, lines it could not place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Note:
    line: int | None   # the input's line (or Word paragraph), 1-based
    code: str
    message: str
    hint: str | None = None
    severity: str = "warning"  # "warning": a slip or an unplaced line; "note": a change made
    column: int | None = None  # 1-based, when the finding is one character of the line


def compact(numbers: list[int], most: int = 12) -> str:
    """[3, 4, 5, 9] → 第 3–5、9 行: line lists in a note stay one line."""
    numbers = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs]
    shown = "、".join(parts[:most]) + ("等" if len(parts) > most else "")
    return f"第 {shown} 行"


@dataclass
class Recognised:
    fields: dict                                        # draft fields, in the order a clerk reads them
    comments: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, why) kept out of the letter
    notes: list[Note] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)  # file name (beside the draft) → seal image
    seal_lines: set[int] = field(default_factory=set)       # input lines whose pictures became those seals
