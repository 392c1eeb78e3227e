"""Relations between claims: duplicate, supports, contradicts (SPEC §2, §5).

Owns every write to the relations table. A pair is stored once per kind with the lower
id first. A dismissed suggestion never comes back for the same pair: ``store`` will not
turn a dismissed relation back into a suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import events
from tracker.errors import InvalidInput
from tracker.models import RELATION_KINDS, RELATION_STATES, Claim, Relation


def ordered(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    return (a, b) if a.id < b.id else (b, a)


def find(session: Session, a_id: int, b_id: int, kind: str) -> Relation | None:
    lo, hi = sorted((a_id, b_id))
    return session.scalar(
        select(Relation).where(Relation.a_id == lo, Relation.b_id == hi, Relation.kind == kind)
    )


def store(
    session: Session,
    a: Claim,
    b: Claim,
    kind: str,
    *,
    origin: str,
    state: str = "suggested",
    score: float | None = None,
    reasons: Sequence[str] = (),
    signals: Sequence[str] = (),
    note: str | None = None,
    log: bool = True,
) -> Relation | None:
    """Create or strengthen a relation; None when nothing changed."""
    if kind not in RELATION_KINDS:
        raise InvalidInput(f"Relation kind '{kind}' is not one of {', '.join(RELATION_KINDS)}.")
    if state not in RELATION_STATES:
        raise InvalidInput(f"Relation state '{state}' is not one of {', '.join(RELATION_STATES)}.")
    if a.id == b.id:
        raise InvalidInput("A claim cannot be related to itself.")
    lo, hi = ordered(a, b)
    existing = find(session, lo.id, hi.id, kind)
    if existing is not None:
        if existing.state == state or state == "suggested":
            # Never downgrade a confirmed relation, never revive a dismissed one.
            return None
        before = existing.state
        existing.state = state
        existing.origin = origin if state == "confirmed" and origin == "analyst" else existing.origin
        if note:
            existing.note = note
        if log:
            events.record(
                session,
                "relation-state",
                lo.id,
                relation=existing.id,
                other=hi.id,
                kind=kind,
                before=before,
                after=state,
            )
        return existing
    rel = Relation(
        a_id=lo.id,
        b_id=hi.id,
        kind=kind,
        origin=origin,
        state=state,
        score=score,
        reasons=list(reasons),
        signals=list(signals),
        note=note,
    )
    session.add(rel)
    session.flush()
    if log:
        events.record(
            session,
            "relation-add",
            lo.id,
            relation=rel.id,
            other=hi.id,
            kind=kind,
            state=state,
            origin=origin,
        )
    return rel
