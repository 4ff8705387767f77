"""Heading numbers of GB/T 9704 7.3.3: 一、 → （一） → 1. → （1）.

Numbers are generated from the position of a heading in the tree, never typed.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (1–9999)."""
    if not 1 <= n <= 9999:
        raise ValueError(f"chinese_numeral takes 1–9999, got {n}")
    out = ""
    pending_zero = False
    for value, unit in UNITS:
        digit, n = divmod(n, value)
        if digit:
            if pending_zero:
                out += "零"
                pending_zero = False
            out += DIGITS[digit] + unit
        elif out:
            pending_zero = True
    if n:
        if pending_zero:
            out += "零"
        out += DIGITS[n]
    if out.startswith("一十"):  # 十一, not 一十一 (standard usage below 20)
        out = out[1:]
    return out


def heading_number(level: int, n: int) -> str:
    """The printed number of the n-th heading (1-based) at `level` (1–4)."""
    if level == 1:
        return f"{chinese_numeral(n)}、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading levels are 1–4, got {level}")


class Counter:
    """Numbers headings in document order; a heading resets all deeper levels."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0]

    def next(self, level: int) -> str:
        self.counts[level - 1] += 1
        for deeper in range(level, 4):
            self.counts[deeper] = 0
        return heading_number(level, self.counts[level - 1])
