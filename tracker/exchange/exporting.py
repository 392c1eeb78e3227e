"""Export: JSON Lines (lossless), CSV (the same records), ClaimReview JSON-LD.

Beyond claim and outlet lines, an export writes ``speaker``, ``relation`` and ``verdict``
lines and a ``claim`` field on the second and later appearances of a claim, so that an
export imported into an empty database exports again to the same file
(docs/formats.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker import fields, outlets
from tracker.exchange import claimreview, csv_format
from tracker.fields import appearance_values
from tracker.models import Appearance, Claim, Outlet, Relation, Speaker, Verdict


def export_csv(session: Session) -> Iterator[str]:
    return csv_format.csv_lines(export_records(session), refuse_controls=True)


def export_claimreview(session: Session, organisation: str, url_base: str | None = None) -> list[dict]:
    """ClaimReview JSON-LD for every active claim with a verdict (its current verdict)."""
    items = []
    stmt = (
        select(Claim)
        .where(Claim.status == "active", Claim.id.in_(select(Verdict.claim_id)))
        .order_by(Claim.id)
        .options(
            selectinload(Claim.appearances).selectinload(Appearance.outlet),
            selectinload(Claim.appearances).selectinload(Appearance.via),
            selectinload(Claim.verdicts),
        )
    )
    for claim in session.scalars(stmt):
        v = claim.verdict
        verdict = {
            "rating": v.rating,
            "reviewer": v.reviewer,
            "evidence": v.evidence_url,
            "note": v.note,
            "date": v.date,
        }
        items.append(
            claimreview.claimreview(
                _claim_object(claim), verdict, organisation=organisation, url_base=url_base
            )
        )
    return claimreview.claimreview_document(items)


def _claim_object(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "key": claim.key,
        "text": claim.text,
        "appearances": [appearance_values(a) for a in claim.appearances],
    }


def claim_line(claim: Claim, a: Appearance, first: bool, key: str) -> dict[str, Any]:
    """The export line of one appearance, every field of ``fields.CLAIM_LINE`` in order
    (empty ones are dropped by the caller). The claim's own fields (topics, event date)
    go on its first line only."""
    values = appearance_values(a)
    values.update(
        type="claim",
        key=key if first else a.key,
        claim=key,
        text=claim.text,
        anonymous=a.anonymous or None,
        stance=a.stance if a.stance != "asserts" else None,
        topics=list(claim.topics or []) if first else None,
        event_date=claim.event_date if first else None,
    )
    return {f.name: values.get(f.name) for f in fields.CLAIM_LINE}


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != ""}


def export_key(claim: Claim) -> str:
    return claim.key or f"claim-{claim.id}"


def export_records(session: Session) -> Iterator[dict[str, Any]]:
    # Outlets and speakers by name in code-point order, sorted here: a PostgreSQL database
    # with a locale collation would order the names otherwise than SQLite, and the export
    # of the same data must be the same file on both.
    stored = session.scalars(select(Outlet).options(selectinload(Outlet.aliases)))
    for o in sorted(stored, key=lambda o: (o.name, o.id)):
        yield _drop_none(
            {
                "type": "outlet",
                "name": o.name,
                "aliases": outlets.alias_names(o),
                "kind": o.kind,
                "country": o.country,
                "url": o.url,
                "reliability": o.grade,
                "notes": o.notes,
            }
        )
    for sp in sorted(session.scalars(select(Speaker)), key=lambda sp: (sp.name, sp.id)):
        yield _drop_none({"type": "speaker", "name": sp.name, "reliability": sp.grade, "notes": sp.notes})
    keys: dict[int, str] = {}
    stmt = (
        select(Claim)
        .where(Claim.status == "active")
        .order_by(Claim.id)
        .options(
            selectinload(Claim.appearances).selectinload(Appearance.outlet),
            selectinload(Claim.appearances).selectinload(Appearance.via),
        )
    )
    for claim in session.scalars(stmt):
        key = keys[claim.id] = export_key(claim)
        for i, a in enumerate(claim.appearances):
            line = claim_line(claim, a, i == 0, key)
            yield _drop_none(line)
    for r in session.scalars(select(Relation).order_by(Relation.id)):
        if r.a_id in keys and r.b_id in keys:
            yield _drop_none(
                {
                    "type": "relation",
                    "a": keys[r.a_id],
                    "b": keys[r.b_id],
                    "kind": r.kind,
                    "state": r.state,
                    "origin": r.origin,
                    "score": r.score,
                    "reasons": r.reasons,
                    "signals": r.signals,
                    "note": r.note,
                }
            )
    for v in session.scalars(select(Verdict).order_by(Verdict.id)):
        if v.claim_id in keys:
            yield _drop_none(
                {
                    "type": "verdict",
                    "claim": keys[v.claim_id],
                    "rating": v.rating,
                    "reviewer": v.reviewer,
                    "evidence": v.evidence_url,
                    "note": v.note,
                    "date": v.date,
                }
            )


def dumps_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)


def export_jsonl(session: Session) -> Iterator[str]:
    for record in export_records(session):
        yield dumps_line(record) + "\n"
