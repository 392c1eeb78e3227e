"""The verdict detector: a claim rated false that a near-duplicate asserts, or two
near-duplicates whose verdicts clash (docs/contradictions.md, "verdict").

Owns: :func:`verdict`, :func:`verdict_applies` (the cheap test ``detect`` runs first) and
which verdicts count as false or true. It defers to the numeric detector (different numbers
are not the same claim) and reuses polarity's negation and stance rules.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.contradictions.analysis import _info
from tracker.contradictions.detectors.numeric import numeric
from tracker.contradictions.detectors.polarity import _asserting, _denies_only, _text_flip
from tracker.contradictions.pairs import _v
from tracker.contradictions.pairs import similarity as _similarity
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import same_period

_FALSE = frozenset(("false", "mostly-false"))
_TRUE = frozenset(("true", "mostly-true"))


def _flipped(a: ClaimView, b: ClaimView) -> bool:
    """One claim says the opposite of the other: a word negated on one side only, or one
    denied where the other is asserted (both at once cancel out)."""
    stance = (_denies_only(a) and _asserting(b)) or (_denies_only(b) and _asserting(a))
    return (_text_flip(_info(a.text), _info(b.text)) is not None) != stance


def verdict(a: ClaimView, b: ClaimView, similarity: float | None = None) -> Signal | None:
    """A claim rated false or mostly-false that the other (a near-duplicate) asserts, or two
    near-duplicates whose verdicts clash. ``similarity`` lets the caller vouch for the pair
    (an analyst ``supports`` link, or its own score); without it the words must be at least
    ``SETTINGS.verdict_similarity`` alike."""
    a, b = _v(a), _v(b)
    false_a, false_b = a.verdict in _FALSE, b.verdict in _FALSE
    true_a, true_b = a.verdict in _TRUE, b.verdict in _TRUE
    if not (false_a or false_b or (true_a and true_b)):
        return None
    if not same_period(a, b):
        return None
    sim = _similarity(a, b) if similarity is None else similarity
    if similarity is None and sim < SETTINGS.verdict_similarity:
        return None
    if numeric(a, b) is not None:
        return None  # different numbers: not the same claim
    flipped = _flipped(a, b)
    alike = f"word similarity {sim:.0f}"
    if (false_a and true_b) or (true_a and false_b):
        if flipped:
            return None  # "X" false and "not X" true agree
        f, t = (a, b) if false_a else (b, a)
        return Signal(
            "verdict",
            85.0,
            (
                f"the same claim rated {f.verdict} (claim {f.id}) and {t.verdict} (claim {t.id})",
                alike,
            ),
        )
    if (false_a and false_b) or (true_a and true_b):
        if not flipped:
            return None
        return Signal(
            "verdict",
            80.0,
            (
                f"both rated {a.verdict} / {b.verdict}, yet one says the opposite of the other",
                alike,
            ),
        )
    f, o = (a, b) if false_a else (b, a)
    if flipped or not _asserting(o) or o.verdict not in (None, "unproven"):
        return None
    score = min(90.0, 65.0 + max(0.0, sim - SETTINGS.verdict_similarity))
    return Signal(
        "verdict",
        round(score, 1),
        (
            f"claim {o.id} asserts what claim {f.id} is rated {f.verdict}",
            alike,
        ),
    )


def verdict_applies(a: ClaimView, b: ClaimView) -> bool:
    """Whether :func:`verdict` can find anything: a claim rated false or mostly-false, or
    both rated true or mostly-true."""
    return a.verdict in _FALSE or b.verdict in _FALSE or (a.verdict in _TRUE and b.verdict in _TRUE)
