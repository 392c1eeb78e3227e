"""Helpers of the parity tests: a file imported in one go against the same lines added one
by one, as ``claim add --yes`` adds them, compared claim by claim."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import exchange, outlets, relations, verdicts
from tracker.claims import workflow
from tracker.judgement import single
from tracker.models import Appearance, Claim, Outlet, Relation, Verdict


def snapshot(session: Session) -> dict:
    """Everything the judgement decides, keyed by claim keys (ids may differ): claims
    (text, matching form, event date, topics, status), appearances, relations (kind, state,
    origin; score and signals of suggestions) and verdicts."""
    key = dict(session.execute(select(Claim.id, Claim.key)).all())
    names = dict(session.execute(select(Outlet.id, Outlet.name)).all())
    out: dict = {"claims": {}, "appearances": {}, "relations": set(), "verdicts": set()}
    for c in session.scalars(select(Claim)):
        out["claims"][c.key] = (
            c.text,
            c.norm,
            c.event_date,
            tuple(c.topics or ()),
            c.status,
            key.get(c.merged_into_id),
        )
    for a in session.scalars(select(Appearance)):
        out["appearances"][a.key] = (
            key[a.claim_id],
            names[a.outlet_id],
            names.get(a.via_outlet_id),
            a.published,
            a.speaker,
            a.anonymous,
            a.stance,
            tuple(a.hedges or ()),
            a.quote,
        )
    for r in session.scalars(select(Relation)):
        # What the judgement decided (score, signals) for its suggestions; an analyst's
        # relation is the same relation whether a line or ``tracker link`` made it.
        judged = (r.score, tuple(r.signals or ())) if r.state == "suggested" else ()
        out["relations"].add((key[r.a_id], key[r.b_id], r.kind, r.state, r.origin, *judged))
    for v in session.scalars(select(Verdict)):
        out["verdicts"].add((key[v.claim_id], v.rating, v.reviewer, v.date))
    return out


def by_import(session: Session, path: Path) -> None:
    exchange.import_file(session, path)
    session.flush()


def one_by_one(session: Session, path: Path) -> None:
    """The file's outlet lines imported, then each claim line added as ``claim add --yes``
    adds it (outlets it names created first), then the lines' verdicts and relations."""
    source = exchange.read_records(path)
    outlet_lines = [r for r in source.records if r.type == "outlet"]
    if outlet_lines:
        exchange.import_records(session, outlet_lines, path.name)
    claim_lines = [r for r in source.records if r.type == "claim"]
    for r in claim_lines:
        data = r.claim
        outlets.get_or_create(session, data.outlet)
        if data.via:
            outlets.get_or_create(session, data.via)
        plan = single.plan_add(session, data)
        workflow.apply_plan(session, plan, merge=plan.same is not None)
    by_key = {c.key: c for c in session.scalars(select(Claim))}
    app_claim = dict(session.execute(select(Appearance.key, Appearance.claim_id)).all())
    for r in claim_lines:
        claim = by_key.get(r.claim.key) or session.get(Claim, app_claim[r.claim.key])
        if r.data.get("verdict"):
            verdicts.add_if_new(session, claim, r.data["verdict"])
        for name, kind in (
            ("contradicts", "contradicts"),
            ("supports", "supports"),
            ("duplicates", "duplicate"),
        ):
            for other_key in r.data.get(name) or []:
                other = by_key.get(other_key) or session.get(Claim, app_claim[other_key])
                if other.id != claim.id:
                    relations.store(session, claim, other, kind, origin="analyst", state="confirmed")
    session.flush()
