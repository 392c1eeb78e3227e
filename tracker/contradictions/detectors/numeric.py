"""The numeric detector: same subject, same counted thing, numbers that cannot both hold,
same period (docs/contradictions.md, "numeric").

Owns: :func:`numeric` and how two counts clash (their intervals do not meet; "no
casualties" against a death or injury; deaths against only minor injuries, weakly). What a
text counts is ``counts``' business; what ties two texts to one subject is ``pairs``'.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.contradictions.analysis import _info
from tracker.contradictions.counts import _Count
from tracker.contradictions.pairs import _same_subject, _v
from tracker.contradictions.types import ClaimView, Signal
from tracker.contradictions.windows import _day_precise, _when, same_period


def _disjoint(x: _Count, y: _Count) -> bool:
    return x.high < y.low or y.high < x.low


def _fmt_count(c: _Count) -> str:
    return f'"{c.phrase}"'


def numeric(a: ClaimView, b: ClaimView) -> Signal | None:
    """Same subject, same counted thing, different numbers, same period."""
    a, b = _v(a), _v(b)
    ia, ib = _info(a.text), _info(b.text)
    if not ia.counts or not ib.counts:
        return None
    subject = _same_subject(ia, ib)
    if subject is None or not same_period(a, b):
        return None
    found: list[tuple[float, str]] = []
    by_key_a: dict[tuple[str, str], list[_Count]] = {}
    by_key_b: dict[tuple[str, str], list[_Count]] = {}
    for c in ia.counts:
        by_key_a.setdefault(c.key, []).append(c)
    for c in ib.counts:
        by_key_b.setdefault(c.key, []).append(c)
    attack_a = ia.attack or bool(ia.weapons)
    what = "the same attack" if attack_a and (ib.attack or ib.weapons) else "the same thing"
    for key, ca in by_key_a.items():
        cb = by_key_b.get(key)
        if not cb:
            continue
        if all(_disjoint(x, y) for x in ca for y in cb):
            x, y = ca[0], cb[0]
            exact = x.low == x.high and y.low == y.high
            score = 80.0 if exact else 72.0
            found.append((score, f"{_fmt_count(x)} vs {_fmt_count(y)}: different counts of {what}"))
    # "no casualties" against any reported death or injury
    for left, right, flip in ((by_key_a, by_key_b, False), (by_key_b, by_key_a, True)):
        zero = [c for c in left.get(("casualty", "any"), ()) if c.high == 0]
        if not zero:
            continue
        for key in (("casualty", "death"), ("casualty", "injury")):
            pos = [c for c in right.get(key, ()) if c.low > 0]
            if pos:
                x, y = (pos[0], zero[0]) if flip else (zero[0], pos[0])
                found.append(
                    (75.0, f"{_fmt_count(x)} vs {_fmt_count(y)}: different casualty counts of {what}")
                )
                break
    # deaths on one side, only minor injuries on the other
    if not found:
        for left, right, flip in ((by_key_a, by_key_b, False), (by_key_b, by_key_a, True)):
            deaths = [c for c in left.get(("casualty", "death"), ()) if c.low > 0]
            minor = [c for c in right.get(("casualty", "injury"), ()) if c.minor and c.low > 0]
            if deaths and minor and ("casualty", "death") not in right:
                x, y = (minor[0], deaths[0]) if flip else (deaths[0], minor[0])
                found.append(
                    (
                        45.0,
                        f"{_fmt_count(x)} vs {_fmt_count(y)}: deaths on one side, only minor "
                        f"injuries on the other, in {what}",
                    )
                )
                break
    if not found:
        return None
    found.sort(key=lambda f: -f[0])
    score = found[0][0]
    if _day_precise(a) and _day_precise(b):
        score += 5
    if len(ia.names & ib.names) >= 2:
        score += 5
    reasons = tuple(r for _, r in found) + (
        f"same subject ({subject}), same period ({_when(a)} / {_when(b)})",
    )
    return Signal("numeric", min(score, 95.0), reasons)
