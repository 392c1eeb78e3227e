"""Information credibility: the one rule that grades a claim 1-6, with its reasons.

Owns the precedence of the grades (1, 5, 4, 2, 3, 6), the doubts that make a claim 4
(hedged, anonymous only, interested parties only), and the sentences that explain a grade.
Origins come from :mod:`tracker.credibility.independence`, interested parties from
:mod:`tracker.credibility.interest`.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tracker.credibility.facts import (
    FALSE_VERDICTS,
    TRUE_VERDICTS,
    UNVERIFIED_CODES,
    AppearanceFacts,
    ClaimFacts,
    Origin,
    stance,
    supporting,
)
from tracker.credibility.independence import origins_of
from tracker.credibility.interest import interest_reasons

# Source grades good enough for a single origin to make a claim "possibly true" (3).
GOOD_SOURCE_GRADES = frozenset({"A", "B", "C"})
# A contradiction by a claim graded 1 or 2 makes this one "improbable" (5).
STRONG_CONTRADICTION_GRADES = frozenset({1, 2})
# The order in which the information-credibility rules are tried; the first that applies
# wins. See information_credibility() for why 4 comes before 2.
PRECEDENCE: tuple[int, ...] = (1, 5, 4, 2, 3, 6)


def information_credibility(claim: ClaimFacts) -> int:
    """Information credibility 1-6 of a claim, the one rule everything uses.

    Only supporting appearances (stance asserts or reports) are counted as origins; an
    appearance that denies the claim counts against it. The rules are tried in this
    order (PRECEDENCE) and the first that applies wins:

    1. confirmed: the verdict is true or mostly-true. A reviewer's verdict outranks
       everything, including a clashing contradiction (the contradictions report shows it).
    5. improbable: the verdict is false or mostly-false, or a claim graded 1 or 2
       contradicts it (confirmed or suggested relation).
       (No supporting appearance at all: 6, there is nothing to weigh.)
    4. doubtful: any of
       - hedged: the claim text has hedge words, or every supporting appearance is hedged
         or has stance "reports" (carried without being endorsed);
       - anonymous only: every origin credits anonymous speakers and names none;
       - only interested parties (:func:`~tracker.credibility.is_interested_party`).
    2. probably true: two or more independent origins
       (:func:`~tracker.credibility.origins`), no contradicting claim of any grade, and no
       appearance denying it.
    3. possibly true: at least one origin graded A, B or C (and none of the doubts of 4).
       An origin's grade is that of the named speakers it credits when the analyst graded
       them (the lowest, if several: the speaker is the source, the outlet only carries
       the words), else that of its root outlet. With two origins that rule 2 refused
       because of a weak contradiction, a well-graded origin still makes it 3: adding an
       origin never lowers a grade.
    6. cannot be judged: everything else: one origin graded D-F or not graded at all, no
       appearances, or a mixed/unproven verdict with nothing else to go on. Mixed and
       unproven verdicts do not decide the grade; the other rules still apply.

    Why 4 before 2: two origins repeating an anonymous, hedged or self-serving claim do not
    make it probably true. With anonymous speakers independence cannot be shown (the same
    unnamed official may brief both agencies); with hedges no origin stands behind it; two
    interested parties are still interested. So two independent anonymous origins are 4.
    """
    return grade_claim(claim)[0]


def credibility_explained(claim: ClaimFacts) -> tuple[int, list[str]]:
    """The grade and the reasons for it, as sentences a person can read.

    e.g. ``(5, ["verdict false"])`` or ``(2, ["2 independent origins: Associated Press,
    Reuters"])``.
    """
    grade, reasons, _, _ = grade_claim(claim)
    return grade, reasons


def grade_claim(claim: ClaimFacts) -> tuple[int, list[str], list[str], list[Origin]]:
    """The rule of :func:`information_credibility`; returns grade, reasons, grade-4 cause
    codes and the origins of the supporting appearances."""
    verdict = (claim.verdict or "").strip().casefold() or None
    support = supporting(claim)
    found = origins_of(support)
    strong = [g for g in claim.contradicted_by_grades if g in STRONG_CONTRADICTION_GRADES]

    # 1 confirmed
    if verdict in TRUE_VERDICTS:
        return 1, [f"verdict {verdict}"], [], found
    # 5 improbable
    if verdict in FALSE_VERDICTS or strong:
        reasons = [f"verdict {verdict}"] if verdict in FALSE_VERDICTS else []
        if strong:
            reasons.append(f"contradicted by {_grades_phrase(strong)}")
        return 5, reasons, [], found

    notes = [f"verdict {verdict} does not settle it"] if verdict else []
    if not support:
        reason = "no appearances" if not claim.appearances else "only denials, no support"
        return 6, [*notes, reason], [], found

    # 4 doubtful
    causes, reasons = _doubts(claim, support, found)
    if causes:
        ordered = [c for c in UNVERIFIED_CODES if c in causes]
        return 4, [*notes, *reasons, _describe_origins(found)], ordered, found

    # 2 probably true
    against: list[str] = []
    if claim.contradicted_by_grades:
        against.append(f"contradicted by {_grades_phrase(claim.contradicted_by_grades)}")
    denials = [a.speaker or a.outlet for a in claim.appearances if stance(a) == "denies"]
    if denials:
        against.append("denied by " + ", ".join(dict.fromkeys(denials)))
    if len(found) >= 2 and not against:
        return 2, [*notes, _describe_origins(found)], [], found

    # 3 possibly true
    good = [o for o in found if o.grade in GOOD_SOURCE_GRADES]
    context = [*notes, _describe_origins(found), *against]
    if good:
        graded = ", ".join(o.describe_grade() for o in good)
        return 3, [*context, f"origin graded A-C: {graded}"], [], found

    # 6 cannot be judged
    grades = ", ".join(o.describe_grade() for o in found)
    return 6, [*context, f"no origin graded A-C: {grades}"], [], found


def _doubts(
    claim: ClaimFacts, support: list[tuple[int, AppearanceFacts]], found: list[Origin]
) -> tuple[list[str], list[str]]:
    """The doubts that make a claim 4: their cause codes and the reasons to show."""
    causes: list[str] = []
    reasons: list[str] = []
    if claim.hedges:
        causes.append("hedged")
        reasons.append("hedged: " + ", ".join(claim.hedges))
    elif all(app.hedges or stance(app) == "reports" for _, app in support):
        causes.append("hedged")
        reasons.append("hedged: no appearance asserts it without hedging")
    if all(_origin_is_anonymous(o, claim.appearances) for o in found):
        causes.append("anonymous")
        reasons.append("anonymous speakers only")
    interest = interest_reasons(claim)
    if interest:
        causes.append("interested-party")
        reasons.append("only interested parties: " + "; ".join(interest))
    return causes, reasons


def _origin_is_anonymous(origin: Origin, appearances: Sequence[AppearanceFacts]) -> bool:
    """An origin is anonymous when it credits unnamed speakers and names none.

    Reposts that credit no speaker inherit their origin's sourcing; an origin whose only
    appearances credit no speaker at all is the outlet's own voice, not anonymous.
    """
    apps = [appearances[i] for i in origin.appearances]
    named = any(a.speaker and a.speaker.strip() and not a.anonymous for a in apps)
    return not named and any(a.anonymous for a in apps)


def _describe_origins(found: Sequence[Origin]) -> str:
    if len(found) == 1:
        only = found[0]
        n = len(only.appearances)
        return f"1 origin: {only.key}" + (f" ({n} appearances)" if n > 1 else "")
    return f"{len(found)} independent origins: " + ", ".join(o.key for o in found)


def _grades_phrase(grades: Iterable[int]) -> str:
    ordered = sorted(set(grades))
    if len(ordered) == 1:
        return f"a claim graded {ordered[0]}"
    return "claims graded " + ", ".join(str(g) for g in ordered)
