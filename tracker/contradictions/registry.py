"""The registry of contradiction detectors and :func:`detect`, which runs them on a pair.

Owns: :data:`DETECTORS`, the detectors in the order ``detect`` runs them, each with its
kind, its function, the third argument it takes and, for the detectors that need the word
similarity, the cheap test that decides whether it runs at all. Adding a detector is one
module in ``detectors/`` and one entry here. ``detect`` computes the pair's similarity once,
only when a detector needs it, and returns the signals strongest first; among equal scores
the registry order holds.

Must not: hold detector rules (they live in the detector modules), touch the database,
print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from tracker.contradictions.detectors.numeric import numeric
from tracker.contradictions.detectors.opposing_action import opposing_action
from tracker.contradictions.detectors.ordinal import ordinal
from tracker.contradictions.detectors.polarity import polarity, polarity_applies
from tracker.contradictions.detectors.responsibility import responsibility
from tracker.contradictions.detectors.verdict import verdict, verdict_applies
from tracker.contradictions.lexicon import Lexicon, default_lexicon
from tracker.contradictions.pairs import _v, similarity
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import time_stated


@dataclass(frozen=True)
class Detector:
    """One registry entry.

    ``function(a, b)`` is the detector; ``takes`` names the third argument ``detect`` passes
    it: "lexicon" (the lexicon of the call) or "similarity" (the pair's word similarity,
    computed once per pair, only when a detector that takes it runs). ``when(a, b)`` is a
    cheap test that lets the detector run at all (None: every pair); ``least_similarity``
    skips pairs less alike than that, for a detector that trusts the similarity it is given.
    """

    kind: str
    function: Callable[..., Signal | None]
    takes: Literal["lexicon", "similarity"] | None = None
    when: Callable[[ClaimView, ClaimView], bool] | None = None
    least_similarity: float | None = None


DETECTORS: tuple[Detector, ...] = (
    Detector("numeric", numeric),
    Detector("opposing-action", opposing_action, takes="lexicon"),
    Detector("responsibility", responsibility),
    Detector("ordinal", ordinal),
    Detector("polarity", polarity, takes="similarity", when=polarity_applies),
    # Given a similarity, verdict trusts it (an analyst link vouches for a pair); detect
    # vouches for none, so the near-duplicate threshold is applied here.
    Detector(
        "verdict",
        verdict,
        takes="similarity",
        when=verdict_applies,
        least_similarity=SETTINGS.verdict_similarity,
    ),
)


def detect(a: ClaimView, b: ClaimView, lexicon: Lexicon | None = None) -> list[Signal]:
    """Every detector on one pair, strongest first; [] when nothing is found."""
    a, b = _v(a), _v(b)
    lex = default_lexicon() if lexicon is None else lexicon
    out: list[Signal] = []
    sim: float | None = None
    for d in DETECTORS:
        if d.when is not None and not d.when(a, b):
            continue
        if d.takes is None:
            sig = d.function(a, b)
        elif d.takes == "lexicon":
            sig = d.function(a, b, lex)
        else:
            if sim is None:
                sim = similarity(a, b)
            if d.least_similarity is not None and sim < d.least_similarity:
                continue
            sig = d.function(a, b, sim)
        if sig is not None:
            out.append(sig)
    if out and not (time_stated(a) and time_stated(b)):
        # The time of one side is only inferred (when it was published) or unknown: at
        # most a possible contradiction.
        cap = SETTINGS.strong_score - 5.0
        out = [replace(s, score=min(s.score, cap)) for s in out]
    out.sort(key=lambda s: -s.score)
    return out
