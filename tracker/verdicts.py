"""Verdicts on claims: history kept, the latest is current."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from tracker import claims, events
from tracker.errors import InvalidInput
from tracker.models import RATINGS, Claim, Verdict


def check_rating(rating: str) -> str:
    r = (rating or "").strip().lower()
    if r not in RATINGS:
        raise InvalidInput(f"Rating '{rating}' is not one of {', '.join(RATINGS)}.")
    return r


def add(
    session: Session,
    claim: Claim,
    rating: str,
    *,
    reviewer: str | None = None,
    evidence_url: str | None = None,
    note: str | None = None,
    day: str | None = None,
) -> Verdict:
    verdict = Verdict(
        rating=check_rating(rating),
        reviewer=reviewer or events.actor(),
        evidence_url=evidence_url,
        note=note,
        date=claims.check_date(day, "Verdict date") or date.today().isoformat(),
    )
    claim.verdicts.append(verdict)
    session.flush()
    events.record(session, "verdict", claim.id, verdict=verdict.id, rating=verdict.rating)
    return verdict


def add_if_new(session: Session, claim: Claim, rating: str, **kw) -> Verdict | None:
    """Add a verdict unless the claim's history already holds the same one (re-imports)."""
    rating = check_rating(rating)
    for v in claim.verdicts:
        if v.rating != rating:
            continue
        if all(
            kw.get(name) is None or kw.get(name) == getattr(v, attr)
            for name, attr in (
                ("reviewer", "reviewer"),
                ("evidence_url", "evidence_url"),
                ("note", "note"),
                ("day", "date"),
            )
        ):
            return None
    return add(session, claim, rating, **kw)
