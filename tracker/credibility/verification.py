"""Unverified claims: why a claim is listed by ``report unverified``.

Owns the rule that a claim with no verdict is unverified when its credibility is 4 or 6
or it rests on one origin, and the codes that say why (``UNVERIFIED_CODES``, in that
order). The grade itself comes from :mod:`tracker.credibility.grading`.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.credibility.facts import ClaimFacts, Origin
from tracker.credibility.grading import grade_claim


def unverified_reasons(claim: ClaimFacts) -> list[str]:
    """Why the claim is listed as unverified, as codes from UNVERIFIED_CODES.

    Empty when the claim has a verdict (any rating). Otherwise:
    "single-origin" when its supporting appearances have exactly one origin; for grade 4
    its causes ("anonymous", "hedged", "interested-party"); "cannot-be-judged" for
    grade 6. The claim is unverified iff the list is non-empty, that is: no verdict, and
    credibility 4 or 6 or resting on one origin. Codes come in UNVERIFIED_CODES order.
    """
    grade, _, causes, found = grade_claim(claim)
    return unverified_codes(claim, grade, causes, found)


def is_unverified(claim: ClaimFacts) -> bool:
    """True when :func:`unverified_reasons` lists anything."""
    return bool(unverified_reasons(claim))


def unverified_codes(
    claim: ClaimFacts, grade: int, causes: Sequence[str], found: Sequence[Origin]
) -> list[str]:
    """:func:`unverified_reasons` from what :func:`~tracker.credibility.grading.grade_claim`
    concluded: the ``grade``, its grade-4 ``causes`` (already in code order) and the
    origins ``found``."""
    codes: list[str] = []
    if not claim.verdict:
        if len(found) == 1:
            codes.append("single-origin")
        if grade == 4:
            codes.extend(causes)
        if grade == 6:
            codes.append("cannot-be-judged")
    return codes
