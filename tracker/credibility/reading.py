"""Reading the credibility facts of stored claims, in batches.

Owns the queries that turn active claims, their appearances, outlets, speaker grades and
latest verdicts into :class:`~tracker.credibility.facts.ClaimFacts` (without contradiction
grades, which need a first grading pass), and the open contradictions between claims. It
reads in id-range batches with Core rows rather than ORM objects, so a report over a
million claims stays within memory and time. Never writes, never prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from tracker.credibility.facts import AppearanceFacts, ClaimFacts
from tracker.models import Appearance, Claim, Outlet, Relation, Verdict

BATCH = 20_000

OutletTable = dict[int, tuple[str, str | None, str | None]]
"""Outlet id -> (name, analyst grade, kind)."""


def outlet_table(session: Session) -> OutletTable:
    """Every outlet's name, grade and kind, by id."""
    return {
        oid: (name, grade, kind)
        for oid, name, grade, kind in session.execute(
            select(Outlet.id, Outlet.name, Outlet.grade, Outlet.kind)
        )
    }


def open_contradictions(session: Session) -> dict[int, list[int]]:
    """Claim id -> the claims it has an open (suggested or confirmed) contradiction with."""
    out: dict[int, list[int]] = defaultdict(list)
    for a, b in session.execute(
        select(Relation.a_id, Relation.b_id).where(
            Relation.kind == "contradicts", Relation.state != "dismissed"
        )
    ):
        out[a].append(b)
        out[b].append(a)
    return out


def facts_batches(
    session: Session, ids: list[int] | None = None, bounds: tuple[int, int] | None = None
) -> Iterator[list[tuple[ClaimFacts, dict]]]:
    """ClaimFacts (without contradiction grades) with display fields (key, topics, spread:
    the number of distinct outlets), in batches of up to BATCH claims in id order.
    ``ids`` limits them to those claims (one batch); ``bounds`` (lowest id, highest id) to
    an id range."""
    from tracker import speakers
    from tracker.text import find_hedges

    outlets = outlet_table(session)
    speaker_grade = speakers.lookup(session)
    last = 0
    while True:
        rows = _claim_rows(session, ids, bounds, last)
        if not rows:
            return
        lo, hi = rows[0][0], rows[-1][0]
        apps = _appearance_rows(session, lo, hi)
        latest = _latest_verdicts(session, lo, hi)
        batch = []
        for cid, key, text, topics in rows:
            facts = tuple(_appearance_facts(row, outlets, speaker_grade) for row in apps.get(cid, ()))
            claim = ClaimFacts(
                id=cid,
                text=text,
                hedges=tuple(find_hedges(text)),
                appearances=facts,
                verdict=latest.get(cid),
                contradicted_by_grades=(),
            )
            spread = len({f.outlet for f in facts})
            batch.append((claim, {"key": key, "topics": list(topics or []), "spread": spread}))
        yield batch
        last = hi
        if ids is not None:
            return


def _claim_rows(
    session: Session, ids: list[int] | None, bounds: tuple[int, int] | None, after: int
) -> Sequence[Row]:
    """The next batch of active claims with ids above ``after``: (id, key, text, topics)."""
    stmt = select(Claim.id, Claim.key, Claim.text, Claim.topics).where(Claim.status == "active")
    if ids is not None:
        stmt = stmt.where(Claim.id.in_(ids))
    if bounds is not None:
        stmt = stmt.where(Claim.id.between(*bounds))
    return session.execute(stmt.where(Claim.id > after).order_by(Claim.id).limit(BATCH)).all()


def _appearance_rows(session: Session, lo: int, hi: int) -> dict[int, list[Row]]:
    """Claim id -> its appearances in the order they were added, for claim ids lo..hi."""
    apps: dict[int, list[Row]] = defaultdict(list)
    for row in session.execute(
        select(
            Appearance.claim_id,
            Appearance.outlet_id,
            Appearance.via_outlet_id,
            Appearance.url,
            Appearance.speaker,
            Appearance.anonymous,
            Appearance.stance,
            Appearance.hedges,
            Appearance.published,
        )
        .where(Appearance.claim_id.between(lo, hi))
        .order_by(Appearance.id)
    ):
        apps[row[0]].append(row)
    return apps


def _latest_verdicts(session: Session, lo: int, hi: int) -> dict[int, str]:
    """Claim id -> the rating of its latest verdict, for claim ids lo..hi that have one."""
    latest: dict[int, str] = {}
    for cid, rating in session.execute(
        select(Verdict.claim_id, Verdict.rating).where(Verdict.claim_id.between(lo, hi)).order_by(Verdict.id)
    ):
        latest[cid] = rating
    return latest


def _appearance_facts(
    row: Row, outlets: OutletTable, speaker_grade: Callable[[str | None, bool], str | None]
) -> AppearanceFacts:
    """One row of :func:`_appearance_rows` as the rules see it, with its outlet's, its
    cited outlet's and its speaker's grades."""
    _, oid, vid, url, speaker, anonymous, stance, hedges, published = row
    name, grade, kind = outlets[oid]
    via = outlets[vid] if vid else None
    return AppearanceFacts(
        outlet=name,
        outlet_grade=grade,
        outlet_kind=kind,
        url=url,
        via=via[0] if via else None,
        speaker=speaker,
        anonymous=bool(anonymous),
        stance=stance,
        hedges=tuple(hedges or ()),
        published=published,
        via_grade=via[1] if via else None,
        speaker_grade=speaker_grade(speaker, anonymous),
    )
