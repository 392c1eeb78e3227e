"""Relations between claims: duplicate, supports, contradicts.

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


def suggestion(
    a_id: int,
    b_id: int,
    kind: str,
    *,
    origin: str,
    score: float | None,
    reasons: Sequence[str] = (),
    signals: Sequence[str] = (),
) -> dict:
    """The table row of a suggested relation, for ``add_suggestions``."""
    lo, hi = sorted((a_id, b_id))
    return {
        "a_id": lo,
        "b_id": hi,
        "kind": kind,
        "origin": origin,
        "state": "suggested",
        "score": score,
        "reasons": list(reasons),
        "signals": list(signals),
    }


def add_suggestions(session: Session, rows: Sequence[dict]) -> int:
    """Write many new suggested relations (``suggestion`` rows) at once, without an event
    each, as ``store(..., log=False)`` does. The caller makes sure that no pair is related
    with that kind already. Returns how many were written."""
    from tracker.db import insert_rows

    insert_rows(session.connection(), Relation.__table__, rows)
    return len(rows)


def add_new(session: Session, rows: Sequence[dict]) -> list[Relation]:
    """Store suggested relations (``suggestion`` rows) of a claim that has none yet (one
    just added), each logged as a "relation-add" event, in one flush."""
    rels = [Relation(**row) for row in rows]
    session.add_all(rels)
    session.flush()
    for rel in rels:
        events.pending(
            session,
            "relation-add",
            rel.a_id,
            relation=rel.id,
            other=rel.b_id,
            kind=rel.kind,
            state=rel.state,
            origin=rel.origin,
        )
    session.flush()
    return rels


def between(session: Session, a_id: int, b_id: int) -> list[Relation]:
    lo, hi = sorted((a_id, b_id))
    return list(
        session.scalars(
            select(Relation).where(Relation.a_id == lo, Relation.b_id == hi).order_by(Relation.id)
        )
    )


def link(session: Session, a: Claim, b: Claim, kind: str, note: str | None = None) -> tuple[Relation, int]:
    """An analyst's relation: created confirmed, or an existing one confirmed."""
    if a.id == b.id:
        raise InvalidInput("A claim cannot be linked to itself.")
    lo, hi = ordered(a, b)
    existing = find(session, lo.id, hi.id, kind)
    if existing is not None:
        change = {
            "id": existing.id,
            "created": False,
            "state": existing.state,
            "origin": existing.origin,
            "note": existing.note,
        }
        existing.state = "confirmed"
        existing.origin = "analyst" if existing.origin in ("analyst", "import") else existing.origin
        if note:
            existing.note = note
        rel = existing
    else:
        rel = Relation(
            a_id=lo.id,
            b_id=hi.id,
            kind=kind,
            origin="analyst",
            state="confirmed",
            reasons=[note] if note else ["linked by hand"],
            signals=["analyst"],
            note=note,
        )
        session.add(rel)
        session.flush()
        change = {"id": rel.id, "created": True}
    event = events.record(session, "link", lo.id, other=hi.id, kind=kind, relations=[change])
    return rel, event.id


def dismiss(session: Session, a: Claim, b: Claim) -> tuple[list[Relation], int]:
    """Dismiss every open relation between two claims; with none, record the pair as
    dismissed so that neither a duplicate nor a contradiction is suggested again."""
    if a.id == b.id:
        raise InvalidInput("A claim cannot be dismissed against itself.")
    lo, hi = ordered(a, b)
    changes = []
    rels = [r for r in between(session, lo.id, hi.id) if r.state != "dismissed"]
    if not rels and between(session, lo.id, hi.id):
        raise InvalidInput(f"The pair {lo.id}–{hi.id} is already dismissed.")
    for r in rels:
        changes.append({"id": r.id, "created": False, "state": r.state, "origin": r.origin, "note": r.note})
        r.state = "dismissed"
    if not rels:
        for kind in ("duplicate", "contradicts"):
            r = Relation(
                a_id=lo.id,
                b_id=hi.id,
                kind=kind,
                origin="analyst",
                state="dismissed",
                reasons=["dismissed by hand"],
                signals=[],
            )
            session.add(r)
            session.flush()
            rels.append(r)
            changes.append({"id": r.id, "created": True})
    session.flush()
    event = events.record(session, "dismiss", lo.id, other=hi.id, relations=changes)
    return rels, event.id


def undo(session: Session, payload: dict) -> None:
    """Reverse a link or dismissal from its event payload."""
    for change in payload.get("relations", []):
        rel = session.get(Relation, change["id"])
        if rel is None:
            continue
        if change["created"]:
            session.delete(rel)
        else:
            rel.state = change["state"]
            rel.origin = change["origin"]
            rel.note = change["note"]
    session.flush()
