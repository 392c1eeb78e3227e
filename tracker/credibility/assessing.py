"""Assessing stored claims: the pure rules applied to the facts read from the database.

Owns :func:`assess_all` and :func:`assess_one` (the credibility part of ``claim show``).
Contradicted-by grades need the grades of other claims: a first pass grades every claim
ignoring contradictions, a second pass regrades the contradicted ones using the grades of
the claims that contradict them (docs/credibility.md). Never writes, never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from tracker.credibility.assessment import assess
from tracker.credibility.facts import Assessment, ClaimFacts
from tracker.credibility.reading import facts_batches, open_contradictions


@dataclass
class Assessed:
    id: int
    key: str | None
    text: str
    topics: list[str]
    spread: int  # distinct outlets carrying it
    verdict: str | None
    assessment: Assessment
    disputed: bool


def assess_all(
    session: Session,
    ids: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Assessed]:
    """Every active claim (or those in ``ids``) with its credibility assessment."""
    contra = open_contradictions(session)
    first: dict[int, int] = {}
    pending: list[tuple[ClaimFacts, dict]] = []
    yield from first_pass(facts_batches(session, ids), contra, first, pending, progress)
    if ids is not None:
        # Grades of contradicting claims outside ``ids`` are needed too.
        outside = {o for c, _ in pending for o in contra[c.id] if o not in first}
        if outside:
            for batch in facts_batches(session, sorted(outside)):
                for claim, _ in batch:
                    first[claim.id] = assess(claim).grade
    yield from second_pass(pending, contra, first)


def assess_one(session: Session, claim_id: int) -> Assessed:
    return next(assess_all(session, [claim_id]))


def first_pass(
    batches: Iterable[list[tuple[ClaimFacts, dict]]],
    contra: dict[int, list[int]],
    first: dict[int, int],
    pending: list[tuple[ClaimFacts, dict]],
    progress: Callable[[int], None] | None = None,
) -> Iterator[Assessed]:
    """Assess the claims of ``batches``. Those without an open contradiction are final
    and yielded; the others go to ``pending``, with their grade in ``first`` (only the
    grades of contradicted claims are ever needed: the relation goes both ways)."""
    for batch in batches:
        for claim, extra in batch:
            a = assess(claim)
            if claim.id in contra:
                first[claim.id] = a.grade
                pending.append((claim, extra))
            else:
                yield _assessed(claim, extra, a, False)
        if progress:
            progress(len(batch))


def second_pass(
    pending: Iterable[tuple[ClaimFacts, dict]], contra: dict[int, list[int]], first: dict[int, int]
) -> Iterator[Assessed]:
    """Regrade contradicted claims with the first-pass grades of the claims that
    contradict them."""
    for claim, extra in pending:
        grades = tuple(first[o] for o in contra[claim.id] if o in first)
        yield _assessed(claim, extra, assess(replace(claim, contradicted_by_grades=grades)), True)


def _assessed(claim: ClaimFacts, extra: dict, a: Assessment, disputed: bool) -> Assessed:
    return Assessed(
        id=claim.id,
        key=extra["key"],
        text=claim.text,
        topics=extra["topics"],
        spread=extra["spread"],
        verdict=claim.verdict,
        assessment=a,
        disputed=disputed,
    )
