"""The responsibility detector: one attack (the same place or target, within a few days,
no clash of weapons) attributed to different perpetrators (docs/contradictions.md,
"responsibility").

Owns: :func:`responsibility`. Who a text names as the perpetrator is ``actors``' business.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.contradictions.analysis import _info
from tracker.contradictions.pairs import _show, _show_run, _v
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import _day_precise, period_words, same_period


def responsibility(a: ClaimView, b: ClaimView) -> Signal | None:
    """One attack (same place or target, within a few days) with different perpetrators."""
    a, b = _v(a), _v(b)
    ia, ib = _info(a.text), _info(b.text)
    if not ia.agents or not ib.agents or not ia.attack or not ib.attack:
        return None
    agents_a = frozenset().union(*(g.keys for g in ia.agents))
    agents_b = frozenset().union(*(g.keys for g in ib.agents))
    if agents_a & agents_b:
        return None
    if ia.weapons and ib.weapons and ia.weapons.isdisjoint(ib.weapons):
        return None  # a drone attack and a rocket attack: two events
    place = (ia.names - agents_a - agents_b) & (ib.names - agents_a - agents_b)
    if not place:
        return None
    if not same_period(a, b, SETTINGS.responsibility_window_days):
        return None
    score = 70.0
    if _day_precise(a) and _day_precise(b):
        score += 15.0
    reasons = (
        f'"{_show_run(ia.agents[0].phrase, ia)}" vs "{_show_run(ib.agents[0].phrase, ib)}": '
        "the same attack attributed to different perpetrators",
        f"same place or target ({_show(place, ia, ib)}), {period_words(a, b, 'same time')}",
    )
    return Signal("responsibility", score, reasons)
