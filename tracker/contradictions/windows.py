"""The time rule the contradiction detectors share: every claim has a date window, and two
claims are about the same period when their windows are at most so many days apart.

Owns: :func:`period` and :func:`same_period`, the cached date windows they read (an event
date as an interval, else the time the claim's text gives, else the span of the
publication dates), and the wording of a claim's time in reasons (:func:`period_words`).

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from tracker.contradictions.timetext import month_span, text_window
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
            return month_span(int(s[:4]), int(s[5:7]))
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            d = date(int(s[:4]), int(s[5:7]), int(s[8:10])).toordinal()
            return d, d
    except ValueError:
        return None
    return None


def _first_published(published: tuple[str, ...]) -> str | None:
    dates = sorted(p for p in published if _date_window(p))
    return dates[0] if dates else None


@lru_cache(maxsize=131072)
def _window(event_date: str | None, published: tuple[str, ...], text: str = "") -> tuple[int, int] | None:
    w = _date_window(event_date)
    if w is not None:
        return w
    said = text_window(text, _first_published(published)) if text else None
    if said is not None:
        return said[0], said[1]
    spans = [s for s in (_date_window(p) for p in published) if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def window_of(view: ClaimView) -> tuple[int, int] | None:
    """The claim's window as (first day, last day) ordinals (see :func:`period`)."""
    return _window(view.event_date, view.published, view.text)


def period(view: ClaimView) -> tuple[date, date] | None:
    """The claim's time window: its event date as an interval, else the time its text
    gives (``timetext.text_window``), else the span of its publication dates; None when it
    has none of them."""
    w = window_of(view)
    if w is None:
        return None
    return date.fromordinal(w[0]), date.fromordinal(w[1])


def same_period(a: ClaimView, b: ClaimView, days: int = SETTINGS.window_days) -> bool:
    """True when the two claims' windows are at most ``days`` apart (or overlap), or when
    either has no date at all (nothing separates them: the reasons say "time unknown")."""
    wa, wb = window_of(a), window_of(b)
    if wa is None or wb is None:
        return True
    return max(wb[0] - wa[1], wa[0] - wb[1]) <= days


def _when(view: ClaimView) -> str:
    if view.event_date and _date_window(view.event_date):
        return view.event_date
    first = _first_published(view.published)
    said = text_window(view.text, first) if view.text else None
    if said is not None:
        return f'"{said[2]}"'
    return f"published {first}" if first else "undated"


def period_words(a: ClaimView, b: ClaimView, same: str = "same period") -> str:
    """How a reason gives the two claims' times: "same period (2021-06 / 2021-07)", or
    "time unknown (undated / 2021-07)" when either has no window."""
    known = window_of(a) is not None and window_of(b) is not None
    return f"{same if known else 'time unknown'} ({_when(a)} / {_when(b)})"


def time_stated(view: ClaimView) -> bool:
    """Whether the claim's time is stated (an event date, or the time its text gives)
    rather than inferred from when it was published."""
    if _date_window(view.event_date) is not None:
        return True
    return bool(view.text) and text_window(view.text, _first_published(view.published)) is not None


def _day_precise(view: ClaimView) -> bool:
    w = window_of(view)
    return w is not None and w[1] - w[0] <= 1
