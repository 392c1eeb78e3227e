"""The value types of the contradiction detectors and their settings.

Owns: :class:`DetectorSettings` and its one instance :data:`SETTINGS` (every threshold),
:class:`ClaimView` (what the detectors know of a claim), :class:`Signal` (one detector's
finding), :class:`Prepared` (a view with its text analysed), and the lexicon's
:class:`Opposition` and :class:`PhraseMatch`.

Must not: analyse text, touch the database, print, or import typer, rich or SQLAlchemy.
The database side builds the views; the detectors return the signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.contradictions.analysis import _TextInfo


@dataclass(frozen=True)
class DetectorSettings:
    """Every detector threshold, in one place (docs/contradictions.md, "Settings")."""

    window_days: int = 45
    """Two claims are about the same period when their date windows are at most this far
    apart (numeric, polarity, verdict, plausible)."""
    opposing_window_days: int = 60
    """The opposing-action window: wider, because instructions and their reported reversal
    are often dated only to the month (a June meeting against an early-July visit)."""
    responsibility_window_days: int = 3
    """One attack: the two event windows are at most this many days apart."""
    polarity_similarity: float = 70.0
    """Near-identical (negation words left out) for the polarity detector."""
    verdict_similarity: float = 75.0
    """Near-duplicate for the verdict detector, when the caller gives no similarity."""
    plausible_tokens: int = 2
    """Shared content tokens that make a pair without a shared name worth a look."""
    opposing_similarity: float = 45.0
    """Opposing action: least word similarity of the two claims (they are about one thing)."""
    proposition_similarity: float = 65.0
    """Confirm vs deny, support vs oppose: the confirmed and the denied statement must be
    nearly the same sentence, or the two claims are about different things."""
    proposition_oppositions: tuple[str, ...] = ("confirm-vs-deny", "support-vs-oppose")
    # Oppositions about who did something: both texts must name the one who did it (or
    # denies it), and the same one.
    agent_oppositions: tuple[str, ...] = ("claim-vs-deny-responsibility",)
    strong_score: float = 70.0
    """A signal scoring at least this is *strong*; below it, *possible*. A pair whose time
    is known on one side only from when it was published (or not at all) scores below it."""


def tier(score: float | None) -> str | None:
    """ "strong" or "possible" for a detector's score; None for a pair linked by hand."""
    if score is None:
        return None
    return "strong" if score >= SETTINGS.strong_score else "possible"


SETTINGS = DetectorSettings()


@dataclass(frozen=True)
class ClaimView:
    """What the detectors need to know about one claim; built by the database side."""

    id: int
    text: str
    event_date: str | None = None  # partial ISO: YYYY, YYYY-MM, YYYY-MM-DD
    published: tuple[str, ...] = ()  # ISO dates of its appearances
    stances: tuple[str, ...] = ()  # asserts | denies | reports, one per appearance
    speakers: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    verdict: str | None = None  # true, mostly-true, mixed, mostly-false, false, unproven


@dataclass(frozen=True)
class Signal:
    """One detector's finding on a pair: its kind, a 0-100 confidence, and readable reasons."""

    kind: str  # "numeric" | "polarity" | "opposing-action" | "responsibility" | "ordinal" | "verdict"
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Prepared:
    """A view with its per-text analysis resolved (``prepare``); detectors accept either."""

    view: ClaimView
    info: _TextInfo
    window: tuple[int, int] | None


@dataclass(frozen=True)
class Opposition:
    """Two opposing predicate classes (docs/lexicon.md); which one is ``a`` has no meaning."""

    name: str
    a: tuple[str, ...]
    b: tuple[str, ...]


@dataclass(frozen=True)
class PhraseMatch:
    """A lexicon phrase found in a text: its opposition, its side, the phrase and its mood
    (``tracker/data/moods.toml``: "fact", "wanted", "plan" or "open")."""

    opposition: str
    side: str  # "a" | "b"
    phrase: str
    mood: str = "fact"
    start: int = -1  # where the phrase stands in the text's normalised tokens
