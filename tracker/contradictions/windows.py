"""The time rule the contradiction detectors share: every claim has a date window, and two
claims are about the same period when their windows are at most so many days apart.

Owns: :func:`period` and :func:`same_period`, the cached date windows they read (an event
date as an interval, else the span of the publication dates), and the wording of a claim's
date in reasons (:func:`_when`).

Must not: read claim texts, touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from tracker.contradictions.types import SETTINGS, ClaimView


@lru_cache(maxsize=65536)
def _date_window(value: str | None) -> tuple[int, int] | None:
    """A partial ISO date as (first day, last day) ordinals; None when it is not a date."""
    if not value:
        return None
    s = value.strip()[:10]
    try:
        if len(s) == 4:
            y = int(s)
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        if len(s) == 7 and s[4] == "-":
            y, m = int(s[:4]), int(s[5:7])
            start = date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return start.toordinal(), nxt.toordinal() - 1
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            d = date(int(s[:4]), int(s[5:7]), int(s[8:10])).toordinal()
            return d, d
    except ValueError:
        return None
    return None


@lru_cache(maxsize=131072)
def _window(event_date: str | None, published: tuple[str, ...]) -> tuple[int, int] | None:
    w = _date_window(event_date)
    if w is not None:
        return w
    spans = [s for s in (_date_window(p) for p in published) if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def period(view: ClaimView) -> tuple[date, date] | None:
    """The claim's time window: its event date as an interval, else the span of its
    publication dates; None when it has neither."""
    w = _window(view.event_date, view.published)
    if w is None:
        return None
    return date.fromordinal(w[0]), date.fromordinal(w[1])


def same_period(a: ClaimView, b: ClaimView, days: int = SETTINGS.window_days) -> bool:
    """True when the two claims' windows are at most ``days`` apart (or overlap), or when
    either has no date at all (nothing separates them)."""
    wa = _window(a.event_date, a.published)
    wb = _window(b.event_date, b.published)
    if wa is None or wb is None:
        return True
    return max(wb[0] - wa[1], wa[0] - wb[1]) <= days


def _when(view: ClaimView) -> str:
    if view.event_date and _date_window(view.event_date):
        return view.event_date
    dates = sorted(p for p in view.published if _date_window(p))
    return f"published {dates[0]}" if dates else "undated"


def _day_precise(view: ClaimView) -> bool:
    w = _window(view.event_date, view.published)
    return w is not None and w[1] - w[0] <= 1
