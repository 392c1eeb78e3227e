"""Outlet scores over the database: every outlet's track record, for ``report outlets``
and the summary.

Owns the one grouped query that counts, per outlet, the active claims it carried (as the
outlet or as the cited origin of a repost), their latest verdicts and their open
contradictions; the score and suggested grade come from the pure
:mod:`tracker.credibility.track_record`. Never writes, never prints.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from tracker.credibility.beta import beta_score
from tracker.credibility.facts import FALSE_VERDICTS, TRUE_VERDICTS, OutletRecord
from tracker.credibility.reading import outlet_table
from tracker.credibility.track_record import record_disagrees, suggested_grade
from tracker.models import Appearance, Claim, Relation, Verdict


@dataclass
class OutletScore:
    record: OutletRecord
    mean: float
    low: float
    high: float
    suggested: str
    disagrees: bool
    contradicted_share: float = field(default=0.0)


def outlet_scores(session: Session) -> list[OutletScore]:
    """Every outlet's track record, by name: claims carried (as outlet or cited origin),
    verdicts, contradictions, the Beta(1,1)-smoothed accuracy with its 90% interval, the
    grade that record suggests."""
    counts = _record_counts(session)
    out = []
    for oid, (name, grade, _kind) in sorted(outlet_table(session).items(), key=lambda kv: kv[1][0].lower()):
        c = counts.get(oid, Counter())
        record = OutletRecord(
            outlet=name,
            grade=grade,
            carried=c["carried"],
            with_verdict=c["with_verdict"],
            true=c["true"],
            false=c["false"],
            mixed=c["mixed"],
            contradicted=c["contradicted"],
        )
        mean, low, high = beta_score(record.true, record.false)
        out.append(
            OutletScore(
                record,
                mean,
                low,
                high,
                suggested_grade(record),
                record_disagrees(record),
                record.contradicted / record.carried if record.carried else 0.0,
            )
        )
    return out


def _record_counts(session: Session) -> dict[int, Counter]:
    """Outlet id -> counts of the active claims it carried: carried, with_verdict, true,
    false, mixed (by each claim's latest verdict) and contradicted."""
    latest = select(Verdict.claim_id, func.max(Verdict.id).label("vid")).group_by(Verdict.claim_id).subquery()
    rating = select(latest.c.claim_id, Verdict.rating).join(Verdict, Verdict.id == latest.c.vid).subquery()
    carried = (
        select(Appearance.outlet_id.label("oid"), Appearance.claim_id.label("cid"))
        .union(
            select(Appearance.via_outlet_id.label("oid"), Appearance.claim_id.label("cid")).where(
                Appearance.via_outlet_id.is_not(None)
            )
        )
        .subquery()
    )
    contradicted = (
        select(Relation.a_id.label("cid"))
        .where(Relation.kind == "contradicts", Relation.state != "dismissed")
        .union(select(Relation.b_id).where(Relation.kind == "contradicts", Relation.state != "dismissed"))
        .subquery()
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    stmt = (
        select(
            carried.c.oid, rating.c.rating, (contradicted.c.cid.is_not(None)).label("contra"), func.count()
        )
        .select_from(carried)
        .join(Claim, and_(Claim.id == carried.c.cid, Claim.status == "active"))
        .outerjoin(rating, rating.c.claim_id == carried.c.cid)
        .outerjoin(contradicted, contradicted.c.cid == carried.c.cid)
        .group_by(carried.c.oid, rating.c.rating, contradicted.c.cid.is_not(None))
    )
    for oid, r, contra, n in session.execute(stmt):
        c = counts[oid]
        c["carried"] += n
        if r:
            c["with_verdict"] += n
            if r in TRUE_VERDICTS:
                c["true"] += n
            elif r in FALSE_VERDICTS:
                c["false"] += n
            elif r == "mixed":
                c["mixed"] += n
        if contra:
            c["contradicted"] += n
    return counts
