"""The pipeline for one claim against the database: ``claim add``, ``ingest``, and the
re-checks after ``claim edit``, ``merge`` and ``undo``.

``plan_add`` judges a new input before it is stored: an exact repeat (same words up to
case and spacing), else the best member of its pool judged "same", is the claim it may
join; the members judged "same" or "suggest" are duplicate suggestions; the detectors
run on the rest of the pool. ``findings`` judges a stored claim against its pool (every
other active claim the candidate rule reaches) and gives the suggested relations it
would add. Read-only: the claim workflow (``tracker.claims.workflow``) stores what it
decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import contradictions as det
from tracker import outlets
from tracker.claims.inputs import ClaimInput
from tracker.claims.store import find_same_text
from tracker.judgement import pair
from tracker.judgement.facts import lexicon_sides, opposite_markers, text_facts
from tracker.judgement.views import make_view, views
from tracker.matching.form import alias_map, fold_text, tokens_of
from tracker.matching.index import StoredHolders
from tracker.matching.pool import pool
from tracker.matching.similarity import Judgement
from tracker.models import Claim


@dataclass
class Match:
    claim: Claim
    score: float
    kind: str = "duplicate"  # duplicate | contradiction
    reasons: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What ``plan_add`` found before storing: a claim the input is the same as (an exact
    repeat, or the best pool member judged "same"), near-duplicates to suggest, and
    contradiction candidates; ``pool``: the stored claims the input was judged against."""

    data: ClaimInput
    norm: str = ""
    pool: list[int] = field(default_factory=list)
    same: Match | None = None
    suggest: list[Match] = field(default_factory=list)
    contradict: list[Match] = field(default_factory=list)

    @property
    def found(self) -> list[Match]:
        return ([self.same] if self.same else []) + self.suggest + self.contradict


def stored_pool(holders: StoredHolders, text: str, norm: str) -> list[int]:
    """The pool of a claim with this text and matching form among the stored claims."""
    tokens = tokens_of(norm)
    partners = opposite_markers(lexicon_sides(text))
    holders.prefetch([*tokens, *partners])
    return pool(tokens, holders, partners)


def sides(session: Session, ids: list[int]) -> list[pair.Side]:
    """The stored claims ``ids`` as the duplicate judgement reads them (active only)."""
    if not ids:
        return []
    rows = session.execute(
        select(Claim.id, Claim.text, Claim.norm).where(Claim.id.in_(ids), Claim.status == "active")
    ).all()
    return [pair.side(cid, t, n, text_facts(t)) for cid, t, n in sorted(rows)]


def _match(session: Session, cid: int, j: Judgement) -> Match:
    return Match(session.get(Claim, cid), j.score, "duplicate", list(j.reasons), list(j.signals))


def new_view(data: ClaimInput, cid: int = 0) -> det.ClaimView:
    """The detectors' view of an input as the claim it would be (id 0: not stored yet)."""
    app = (data.published, data.stance, data.speaker, data.outlet)
    return make_view(cid, data.text, data.event_date, data.topics, [app])


def stored_contradictions(
    session: Session, claim_id: int, member_ids: list[int]
) -> list[tuple[int, list[det.Signal]]]:
    """The detectors' findings between a stored claim and the stored ``member_ids``."""
    vs = views(session, [claim_id, *member_ids])
    by_id = {s.id: s for s in sides(session, [claim_id, *member_ids])}
    me = by_id.pop(claim_id)
    return pair.contradictions(me, vs[claim_id], [(by_id[c], vs[c]) for c in sorted(by_id) if c in vs])


def plan_add(session: Session, data: ClaimInput) -> Plan:
    """Judge a new input against the stored claims, before storing it."""
    data = data.checked()
    outlets.resolve(session, data.outlet)
    if data.via:
        outlets.resolve(session, data.via)
    norm = fold_text(data.text, alias_map(session))
    plan = Plan(data, norm)
    exact = find_same_text(session, data.text)
    if exact is not None:
        plan.same = Match(exact, 100.0, "duplicate", ["same words"], ["duplicate"])
    holders = StoredHolders(session)
    plan.pool = [c for c in stored_pool(holders, data.text, norm) if exact is None or c != exact.id]
    new = pair.side(0, data.text, norm, text_facts(data.text))
    pool_sides = sides(session, plan.pool)
    found = pair.duplicates(new, pool_sides, pair.weigh(holders, new))
    for m, j in found:
        if j.kind == "same" and plan.same is None:
            plan.same = _match(session, m.id, j)
        elif j.kind in ("same", "suggest"):
            plan.suggest.append(_match(session, m.id, j))
    skip = plan.same.claim.id if plan.same else None
    others = [c for c in plan.pool if c != skip]
    vs = views(session, others)
    members = [(m, vs[m.id]) for m in sides(session, others)]
    found_c = pair.contradictions(new, new_view(data), members)
    plan.contradict = sorted(
        (
            Match(
                session.get(Claim, cid),
                round(max(s.score for s in signals), 1),
                "contradiction",
                [r for s in signals for r in s.reasons],
                [s.kind for s in signals],
            )
            for cid, signals in found_c
        ),
        key=lambda m: -m.score,
    )
    return plan


def findings(session: Session, claim: Claim) -> tuple[list[dict], list[dict]]:
    """The suggested relations a stored active claim would get from its pool: duplicate
    rows and contradiction rows (the caller leaves out pairs already related)."""
    holders = StoredHolders(session, exclude=claim.id)
    members = stored_pool(holders, claim.text, claim.norm)
    me = pair.side(claim.id, claim.text, claim.norm, text_facts(claim.text))
    pool_sides = sides(session, members)
    dup_rows = [
        pair.duplicate_row(claim.id, m.id, j)
        for m, j in pair.duplicates(me, pool_sides, pair.weigh(holders, me))
        if j.kind in ("same", "suggest")
    ]
    contra_rows = [
        pair.contradiction_row(*sorted((claim.id, cid)), signals)
        for cid, signals in stored_contradictions(session, claim.id, members)
    ]
    return dup_rows, contra_rows
