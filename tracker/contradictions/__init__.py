"""Contradiction detection between two claims: the detectors, the time rule they share, the
cheap pre-filter and the opposing-action lexicon (pure).

The package is laid out by job; this module only re-exports the public API, so callers
import from ``tracker.contradictions``:

- ``types``: the value types (:class:`ClaimView`, :class:`Signal`, :class:`Prepared`,
  :class:`Opposition`, :class:`PhraseMatch`) and the thresholds (:data:`SETTINGS`);
- ``words``: the closed word classes, built from the files in ``tracker/data/``;
- ``analysis``, ``counts``, ``actors``: what the detectors see in one text, cached per text;
- ``windows``: claims' date windows and :func:`same_period`;
- ``lexicon``: the opposing-action lexicon (built-in file merged with the user's);
- ``pairs``: :func:`prepare`, :func:`similarity`, :func:`plausible`, :func:`describe`;
- ``detectors/``: one module per detector; ``registry``: the detectors :func:`detect` runs,
  in order.

docs/contradictions.md explains every rule, with examples and what each detector
deliberately does not flag; docs/lexicon.md the lexicon and the user's file.

Must not: touch the database, print, or import typer, rich or SQLAlchemy. The database side
(candidate pairs, stored relations, dismissals, the report) builds :class:`ClaimView` objects
and calls :func:`plausible` and :func:`detect`; it decides what is stored.
"""

from __future__ import annotations

from tracker.contradictions.actors import actor_key
from tracker.contradictions.detectors.numeric import numeric
from tracker.contradictions.detectors.opposing_action import opposing_action
from tracker.contradictions.detectors.ordinal import ordinal, ordinals_differ
from tracker.contradictions.detectors.polarity import polarity
from tracker.contradictions.detectors.responsibility import responsibility
from tracker.contradictions.detectors.verdict import verdict
from tracker.contradictions.lexicon import (
    Lexicon,
    builtin_lexicon,
    default_lexicon,
    lexicon_path,
    load_lexicon,
    predicate_matches,
    predicates,
)
from tracker.contradictions.pairs import describe, plausible, prepare, similarity
from tracker.contradictions.registry import DETECTORS, detect
from tracker.contradictions.types import (
    SETTINGS,
    ClaimView,
    DetectorSettings,
    Opposition,
    PhraseMatch,
    Prepared,
    Signal,
    tier,
)
from tracker.contradictions.windows import period, same_period, time_stated

__all__ = [
    "DETECTORS",
    "SETTINGS",
    "ClaimView",
    "DetectorSettings",
    "Lexicon",
    "Opposition",
    "PhraseMatch",
    "Prepared",
    "Signal",
    "actor_key",
    "builtin_lexicon",
    "default_lexicon",
    "describe",
    "detect",
    "lexicon_path",
    "load_lexicon",
    "numeric",
    "opposing_action",
    "ordinal",
    "ordinals_differ",
    "period",
    "plausible",
    "polarity",
    "predicate_matches",
    "predicates",
    "prepare",
    "responsibility",
    "same_period",
    "similarity",
    "tier",
    "time_stated",
    "verdict",
]
