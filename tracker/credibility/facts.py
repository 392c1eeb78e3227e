"""The plain values the credibility rules read and return, and the scales they use.

Owns the two grading scales (Admiralty source grades A-F, information credibility 1-6),
the verdict families, the unverified codes, and the frozen dataclasses that carry a claim's
facts in (:class:`AppearanceFacts`, :class:`ClaimFacts`, :class:`OutletRecord`) and the
conclusions out (:class:`Origin`, :class:`Assessment`).

Must not: touch the database, print, or import typer, rich or SQLAlchemy. The database
side of the package builds these values from stored rows; the rules only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ADMIRALTY_GRADES: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
TRUE_VERDICTS = frozenset({"true", "mostly-true"})
FALSE_VERDICTS = frozenset({"false", "mostly-false"})
# Machine-readable reasons for listing a claim as unverified, in the order they are listed.
UNVERIFIED_CODES: tuple[str, ...] = (
    "single-origin",
    "anonymous",
    "hedged",
    "interested-party",
    "cannot-be-judged",
)

# --- inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AppearanceFacts:
    """One outlet carrying the claim, as plain values."""

    outlet: str  # outlet canonical name
    outlet_grade: str | None  # Admiralty A-F set by the analyst, or None
    outlet_kind: str | None  # wire, newspaper, broadcaster, government, armed-group, ...
    url: str | None
    via: str | None  # canonical name of the outlet this appearance cites as its origin
    speaker: str | None
    anonymous: bool
    stance: str  # asserts | denies | reports
    hedges: tuple[str, ...]  # hedge words found in the quote/text
    published: str | None  # ISO date
    # Analyst grade of the `via` outlet, when the caller knows it. Lets an origin that is
    # only seen through reposts ("via AP", no AP appearance) still carry AP's grade.
    via_grade: str | None = None
    # Analyst grade of the speaker (tracker.speakers), for a named, not anonymous speaker.
    speaker_grade: str | None = None


@dataclass(frozen=True)
class ClaimFacts:
    """A claim with everything the credibility rules look at."""

    id: int
    text: str
    hedges: tuple[str, ...]  # hedge words in the claim text itself
    appearances: tuple[AppearanceFacts, ...]
    verdict: str | None  # true, mostly-true, mixed, mostly-false, false, unproven
    # Information-credibility grades (1-6) of the claims that contradict this one through a
    # confirmed or suggested (not dismissed) contradiction relation.
    contradicted_by_grades: tuple[int, ...]
    interested_party: bool = False  # True when the caller knows; otherwise computed


@dataclass(frozen=True)
class OutletRecord:
    """What an outlet has carried and how the verdicts on those claims came out."""

    outlet: str
    grade: str | None  # analyst-set Admiralty grade
    carried: int  # claims with at least one appearance in this outlet
    with_verdict: int  # of those, claims with any verdict
    true: int  # verdict true or mostly-true
    false: int  # verdict false or mostly-false
    mixed: int  # verdict mixed (unproven is counted in with_verdict only)
    contradicted: int  # carried claims with a confirmed or suggested contradiction


# --- outputs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Appearances that trace back to one source and so count once.

    ``key`` is the display name of the root outlet, ``outlets`` the outlets carrying it (in
    order of first appearance), ``appearances`` indexes into the sequence given to
    :func:`~tracker.credibility.origins`, and ``grade`` the origin's source grade: the
    analyst grade of the speakers it names when they are graded (the lowest, if several;
    ``graded_speaker`` then names the one it comes from), else its root outlet's grade when
    the facts show it.
    """

    key: str
    outlets: tuple[str, ...]
    appearances: tuple[int, ...]
    grade: str | None = None
    graded_speaker: str | None = None

    def describe_grade(self) -> str:
        """ "Reuters (B)", "Reuters (speaker Jane Roe: E)", "Reuters (ungraded)"."""
        if self.graded_speaker:
            return f"{self.key} (speaker {self.graded_speaker}: {self.grade})"
        return f"{self.key} ({self.grade or 'ungraded'})"


@dataclass(frozen=True)
class Assessment:
    """Everything the credibility rules conclude about one claim."""

    grade: int
    reasons: tuple[str, ...]  # sentences a person can read
    unverified: tuple[str, ...]  # codes from UNVERIFIED_CODES; empty when not unverified
    origins: tuple[Origin, ...] = field(default=())  # over the appearances that support it


def supporting(claim: ClaimFacts) -> list[tuple[int, AppearanceFacts]]:
    """Appearances that carry the claim (assert or report it), not those that deny it,
    with their index in ``claim.appearances``."""
    return [(i, a) for i, a in enumerate(claim.appearances) if stance(a) != "denies"]


def stance(app: AppearanceFacts) -> str:
    """The appearance's stance, compared case-insensitively."""
    return (app.stance or "").strip().casefold()
