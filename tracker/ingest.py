"""From an article to candidate claims, and storing the accepted ones.

The extractor (``tracker.extract``) is pure; this module reads the file, turns each
candidate into a ``ClaimInput`` for the given outlet, and stores accepted candidates
through the same path as ``claim add`` (duplicates become appearances, near-duplicates
and contradictions suggested relations). Outlets a sentence cites as its origin (`via`)
are created on first sight, as ``import`` does.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from tracker import claims, outlets
from tracker.errors import InvalidInput


def read_article(path: Path):
    from tracker.exchange.reading import read_text
    from tracker.extract import extract

    text = read_text(path)
    if not text.strip():
        raise InvalidInput(f"{path.name} is empty: there is nothing to ingest.")
    return extract(text, html=None if path.suffix.lower() not in (".html", ".htm") else True)


def to_input(candidate, *, outlet: str, date: str | None, url: str | None) -> claims.ClaimInput:
    return claims.ClaimInput(
        text=candidate.text,
        outlet=outlet,
        published=date,
        url=url,
        speaker=candidate.speaker,
        anonymous=candidate.anonymous,
        via=candidate.via,
        quote=candidate.sentence,
        stance=candidate.stance,
        hedges=tuple(candidate.hedges),
    )


def check_target(session: Session, outlet: str, date: str | None) -> str:
    """The outlet's canonical name; refuses an unknown outlet or a bad date up front."""
    claims.check_date(date, "Published date")
    return outlets.resolve(session, outlet).name


def store(
    session: Session, data: claims.ClaimInput, *, merge: bool = True, into: int | None = None
) -> claims.AddResult:
    """Store a reviewed candidate: judged as ``claim add`` judges it (joining the claim it
    is the same as when ``merge``), or, with ``into``, as a new appearance of that stored
    claim, the analyst's choice among the closest claims shown."""
    if data.via and outlets.find(session, data.via) is None:
        outlets.add(session, outlets.OutletInput(name=data.via))
    from tracker.claims import workflow
    from tracker.judgement import single

    if into is not None:
        target = claims.get(session, str(into))
        return claims.add(session, data.checked(), into=target)
    plan = single.plan_add(session, data)
    return workflow.apply_plan(session, plan, merge=merge and plan.same is not None)
