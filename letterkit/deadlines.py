"""Deadlines of assigned proposals: when a reply or a 会办 opinion is due, and whether it is late.

A lead unit answers within `reply_months` of the day the proposal was assigned (3 months for
提案 and 建议 in most provinces), a co-handling unit sends its opinion to the lead unit within
`cohandling_months` (1 month).  Provinces differ, so the numbers are settings (`deadlines:` in
letterkit.yaml's defaults, a profile or a draft).  A draft may also name its `due` outright (an
extension agreed for a 建议 that needs six months).  "Today" can be pinned with LETTERKIT_TODAY
so reports and tests are reproducible.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os

DEFAULTS = {"reply_months": 3, "cohandling_months": 1, "warn_days": 14, "lead_days": 15}
TODAY_ENV = "LETTERKIT_TODAY"

LATE, SOON, ANSWERED = "已逾期", "即将到期", "已办复"


def today() -> dt.date:
    """The day reports are made for: $LETTERKIT_TODAY (YYYY-MM-DD) when set, else the clock's."""
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        from .errors import LetterkitError, Location, Problem

        raise LetterkitError([Problem(Location(TODAY_ENV), "bad-date", f"环境变量 {TODAY_ENV}='{pinned}' 不是日期",
                                      "写成 2024-06-18，或删去这个环境变量")]) from None


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, or the month's last day (3 months after 11-30 is 02-28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def settings(given: dict | None) -> dict:
    """The deadline settings with every number filled in."""
    return {**DEFAULTS, **{k: v for k, v in (given or {}).items() if v is not None}}


def due_date(assigned: dt.date | None, cohandling: bool, rules: dict) -> dt.date | None:
    if assigned is None:
        return None
    return add_months(assigned, rules["cohandling_months" if cohandling else "reply_months"])


def lead_due(assigned: dt.date, rules: dict) -> dt.date:
    """The latest day a 会办 opinion is of use: the lead unit's deadline less the days it needs."""
    return add_months(assigned, rules["reply_months"]) - dt.timedelta(days=rules["lead_days"])


def state(due: dt.date | None, answered: bool, day: dt.date, warn_days: int) -> str:
    """已办复, 已逾期, 即将到期 (due within warn_days), or "" (nothing to say about time)."""
    if answered:
        return ANSWERED
    if due is None:
        return ""
    if due < day:
        return LATE
    if (due - day).days <= warn_days:
        return SOON
    return ""
