"""Keeping a claim's entry in the candidate index: its matching form (``claims.norm``)
and its posted form (its tokens and lexicon side markers, ``facts.posted_tokens``).

Every write of postings goes through ``post_claims``, ``index_claim`` or
``reindex_all``, so the posted form is worked out in one place. Never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from tracker.judgement.facts import posted_tokens
from tracker.matching.form import alias_map, fold_text
from tracker.matching.index import post, unpost, unpost_all
from tracker.models import Claim

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session


def posted_form(text_: str, norm: str) -> str:
    """The posted form of a claim: its posted tokens, space-separated."""
    return " ".join(posted_tokens(text_, norm))


def post_claims(conn: Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Post new active claims given as (id, text, matching form)."""
    post(conn, [(cid, posted_form(t, n)) for cid, t, n in rows])


def index_claim(session: Session, claim: Claim, aliases: dict[str, str] | None = None) -> None:
    """Set the claim's matching form and (for an active claim) its postings, after the
    claim has an id."""
    claim.norm = fold_text(claim.text, aliases)
    conn = session.connection()
    unpost(conn, [claim.id])
    if claim.status == "active":
        post_claims(conn, [(claim.id, claim.text, claim.norm)])


def reindex_all(conn: Connection, batch_size: int = 5000) -> int:
    """Recompute every claim's matching form, and the postings of the active ones (after a
    migration, an alias change, or a change of the lexicon)."""
    aliases = alias_map(conn)
    unpost_all(conn)
    last = 0
    done = 0
    while True:
        rows = conn.execute(
            select(Claim.id, Claim.text, Claim.status)
            .where(Claim.id > last)
            .order_by(Claim.id)
            .limit(batch_size)
        ).all()
        if not rows:
            return done
        folded = [(cid, t, fold_text(t, aliases), status) for cid, t, status in rows]
        conn.execute(
            text("UPDATE claims SET norm = :norm WHERE id = :id"),
            [{"norm": n, "id": cid} for cid, _, n, _ in folded],
        )
        post_claims(conn, [(cid, t, n) for cid, t, n, status in folded if status == "active"])
        last = rows[-1][0]
        done += len(rows)
