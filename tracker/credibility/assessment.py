"""One pass over a claim: its grade, the reasons, why it is unverified, and its origins.

Owns :func:`assess`, what the database side calls for every claim; the views
``information_credibility``, ``credibility_explained`` and ``unverified_reasons`` give
parts of the same answer. Must not: touch the database, print, or import typer, rich or
SQLAlchemy.
"""

from __future__ import annotations

from tracker.credibility.facts import Assessment, ClaimFacts
from tracker.credibility.grading import grade_claim
from tracker.credibility.verification import unverified_codes


def assess(claim: ClaimFacts) -> Assessment:
    """Grade, reasons, unverified codes and origins of one claim in a single pass.

    :func:`~tracker.credibility.information_credibility`,
    :func:`~tracker.credibility.credibility_explained` and
    :func:`~tracker.credibility.unverified_reasons` are views of this; call it directly
    when you need several.
    """
    grade, reasons, causes, found = grade_claim(claim)
    codes = unverified_codes(claim, grade, causes, found)
    return Assessment(grade, tuple(reasons), tuple(codes), tuple(found))
