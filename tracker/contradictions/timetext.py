"""The time a claim's own words give: "on November 7, 2021", "in late July 2021", "since
spring 2020", "in 2017", "last month", "on Wednesday" (the last two relative to the date the
claim was first published).

Owns: :func:`text_window`, the span of every time expression in a claim's text as
(first day, last day) ordinals, and the words of the expressions it read (for reasons).
The month, season and relative words are data (``tracker/data/calendar.toml``; the words
that make a number a year, ``counting.toml``).

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from tracker import data
from tracker.text import normalize

_CAL = data.toml("calendar")
_MONTHS = {m: i + 1 for i, m in enumerate(_CAL["months"])}
_MONTHS.update({a: _MONTHS[m] for a, m in _CAL["month_of_abbreviation"].items()})
_SEASONS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _CAL["seasons"].items()}
_WEEKDAYS = {d: i for i, d in enumerate(_CAL["weekdays"])}
_YEAR_LEADS = frozenset(data.toml("counting")["year_before"])
_SINCE = frozenset(_CAL["since"])
FIRST_YEAR, LAST_YEAR = 1900, 2100

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON = "|".join(_SEASONS)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH}) (\d{{1,2}}) (\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH}) (?:of )?(\d{{4}})\b")
_SEASON_YEAR = re.compile(rf"\b({_SEASON}) (?:of )?(\d{{4}})\b")
_YEAR = re.compile(r"\b(\w+) (\d{4})\b")
_RELATIVE = re.compile(r"\b(yesterday|today|(?:last|this|next) (?:week|month|year))\b")
_WEEKDAY = re.compile(rf"\b(?:on|last) ({'|'.join(_WEEKDAYS)})\b")


# A text without one of these holds no time expression: most claims skip the full reading.
_MAY_HOLD = re.compile(
    rf"\d{{4}}|\b(?:yesterday|today|last|this|next|{'|'.join(_WEEKDAYS)})\b", re.IGNORECASE
)


def month_span(y: int, m: int) -> tuple[int, int]:
    """The first and last day of month ``m`` of year ``y``, as ordinals."""
    start = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return start.toordinal(), nxt.toordinal() - 1


def _year_ok(y: int) -> bool:
    return FIRST_YEAR <= y <= LAST_YEAR


def _absolute(norm: str) -> list[tuple[int, int, int, str]]:
    """(start, end, position, words) of each absolute date in a normalised text."""
    found: list[tuple[int, int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, span: tuple[int, int], words: str | None = None) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((span[0], span[1], m.start(), words or m.group()))

    for pattern, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
        for m in pattern.finditer(norm):
            d, y = int(m.group(order[0])), int(m.group(order[2]))
            if not _year_ok(y):
                continue
            try:
                day = date(y, _MONTHS[m.group(order[1])], d).toordinal()
            except ValueError:
                continue
            add(m, (day, day))
    for m in _MONTH_YEAR.finditer(norm):
        y = int(m.group(2))
        if _year_ok(y):
            add(m, month_span(y, _MONTHS[m.group(1)]))
    for m in _SEASON_YEAR.finditer(norm):
        y = int(m.group(2))
        if _year_ok(y):
            first, last = _SEASONS[m.group(1)]
            end_year = y + (last < first)
            add(m, (month_span(y, first)[0], month_span(end_year, last)[1]))
    for m in _YEAR.finditer(norm):
        y = int(m.group(2))
        if _year_ok(y) and m.group(1) in _YEAR_LEADS:
            add(m, (date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()), m.group(2))
    return found


def _relative(norm: str, published: int) -> list[tuple[int, int, int, str]]:
    """(start, end, position, words) of each date said relative to the published day."""
    p = date.fromordinal(published)
    out: list[tuple[int, int, int, str]] = []
    for m in _RELATIVE.finditer(norm):
        words = m.group(1)
        if words == "yesterday":
            span = (published - 1, published - 1)
        elif words == "today":
            span = (published, published)
        else:
            which, unit = words.split()
            step = {"last": -1, "this": 0, "next": 1}[which]
            if unit == "week":
                monday = published - p.weekday() + 7 * step
                span = (monday, monday + 6)
            elif unit == "month":
                y, mo = divmod(p.year * 12 + p.month - 1 + step, 12)
                span = month_span(y, mo + 1)
            else:
                y = p.year + step
                span = (date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal())
        out.append((span[0], span[1], m.start(), words))
    for m in _WEEKDAY.finditer(norm):
        back = (p.weekday() - _WEEKDAYS[m.group(1)]) % 7 or 7  # the last such day before
        day = (p - timedelta(days=back)).toordinal()
        out.append((day, day, m.start(), m.group()))
    return out


@lru_cache(maxsize=131_072)
def text_window(text: str, published: str | None = None) -> tuple[int, int, str] | None:
    """(first day, last day, the words read) of the time a claim's text gives, or None.

    Every date in the text counts, and the window spans them all; "since" up to six words
    before a date, or "from" right before it, opens the window from that date to the day
    the claim was published ("since spring 2020", "from May 2021"). Relative words ("last
    month", "on Wednesday", "yesterday") are read from ``published``, the first
    publication day (ISO), and are left out without it.
    """
    if _MAY_HOLD.search(text) is None:
        return None
    norm = normalize(text)
    day = None
    if published:
        try:
            day = date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            day = None
    found = _absolute(norm)
    if day is not None:
        found += _relative(norm, day)
    if not found:
        return None
    start = min(f[0] for f in found)
    end = max(f[1] for f in found)
    words = [f[3] for f in sorted(found, key=lambda f: f[2])]
    for s, _, pos, w in found:
        before = norm[:pos].split()
        opens = w.split()[0] in _SINCE or (before and before[-1] in _SINCE) or "since" in before[-6:]
        if day is not None and opens and day >= s:
            end = max(end, day)
            words = [("since " + w) if w in words[:1] else w for w in words]
            break
    return start, end, ", ".join(words)
