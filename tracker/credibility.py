"""Credibility over the database (SPEC §6): feeds the pure rules of
``tracker.credibility_rules`` from stored claims, and builds the outlet track records.

Owns the queries behind ``report unverified|outlets|summary`` and the credibility part of
``claim show``. It reads in id-range batches with Core rows rather than ORM objects, so
a report over a million claims stays within memory and time. Never prints.

Contradicted-by grades need the grades of other claims: a first pass grades every claim
ignoring contradictions, a second pass regrades the contradicted ones using the grades
of the claims that contradict them (docs/credibility.md).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from tracker import credibility_rules as rules
from tracker.models import Appearance, Claim, Outlet, Relation, Verdict

BATCH = 20_000


@dataclass
class Assessed:
    id: int
    key: str | None
    text: str
    topics: list[str]
    spread: int  # distinct outlets carrying it
    verdict: str | None
    assessment: rules.Assessment
    disputed: bool


def _outlets(session: Session) -> dict[int, tuple[str, str | None, str | None]]:
    return {
        oid: (name, grade, kind)
        for oid, name, grade, kind in session.execute(
            select(Outlet.id, Outlet.name, Outlet.grade, Outlet.kind)
        )
    }


def _open_contradictions(session: Session) -> dict[int, list[int]]:
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


def _facts_batches(
    session: Session, ids: list[int] | None = None, bounds: tuple[int, int] | None = None
) -> Iterator[list[tuple[rules.ClaimFacts, dict]]]:
    """ClaimFacts (without contradiction grades) with display fields, in batches; ``bounds``
    (lowest id, highest id) limits them to an id range."""
    from tracker import speakers
    from tracker.normalize import find_hedges

    outlets = _outlets(session)
    speaker_grade = speakers.lookup(session)
    last = 0
    while True:
        stmt = select(Claim.id, Claim.key, Claim.text, Claim.topics).where(Claim.status == "active")
        if ids is not None:
            stmt = stmt.where(Claim.id.in_(ids))
        if bounds is not None:
            stmt = stmt.where(Claim.id.between(*bounds))
        rows = session.execute(stmt.where(Claim.id > last).order_by(Claim.id).limit(BATCH)).all()
        if not rows:
            return
        lo, hi = rows[0][0], rows[-1][0]
        apps: dict[int, list] = defaultdict(list)
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
        latest: dict[int, str] = {}
        for cid, rating in session.execute(
            select(Verdict.claim_id, Verdict.rating)
            .where(Verdict.claim_id.between(lo, hi))
            .order_by(Verdict.id)
        ):
            latest[cid] = rating
        batch = []
        for cid, key, text, topics in rows:
            facts = []
            for _, oid, vid, url, speaker, anonymous, stance, hedges, published in apps.get(cid, ()):
                name, grade, kind = outlets[oid]
                via = outlets[vid] if vid else None
                facts.append(
                    rules.AppearanceFacts(
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
                )
            claim = rules.ClaimFacts(
                id=cid,
                text=text,
                hedges=tuple(find_hedges(text)),
                appearances=tuple(facts),
                verdict=latest.get(cid),
                contradicted_by_grades=(),
            )
            spread = len({f.outlet for f in facts})
            batch.append((claim, {"key": key, "topics": list(topics or []), "spread": spread}))
        yield batch
        last = hi
        if ids is not None:
            return


def assess_all(
    session: Session,
    ids: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Assessed]:
    """Every active claim (or those in ``ids``) with its credibility assessment."""
    contra = _open_contradictions(session)
    first: dict[int, int] = {}
    pending: list[tuple[rules.ClaimFacts, dict]] = []
    yield from _first_pass(_facts_batches(session, ids), contra, first, pending, progress)
    if ids is not None:
        # Grades of contradicting claims outside ``ids`` are needed too.
        outside = {o for c, _ in pending for o in contra[c.id] if o not in first}
        if outside:
            for batch in _facts_batches(session, sorted(outside)):
                for claim, _ in batch:
                    first[claim.id] = rules.assess(claim).grade
    yield from _second_pass(pending, contra, first)


def _first_pass(
    batches: Iterable[list[tuple[rules.ClaimFacts, dict]]],
    contra: dict[int, list[int]],
    first: dict[int, int],
    pending: list[tuple[rules.ClaimFacts, dict]],
    progress: Callable[[int], None] | None = None,
) -> Iterator[Assessed]:
    """Assess the claims of ``batches``. Those without an open contradiction are final
    and yielded; the others go to ``pending``, with their grade in ``first`` (only the
    grades of contradicted claims are ever needed: the relation goes both ways)."""
    for batch in batches:
        for claim, extra in batch:
            a = rules.assess(claim)
            if claim.id in contra:
                first[claim.id] = a.grade
                pending.append((claim, extra))
            else:
                yield _assessed(claim, extra, a, False)
        if progress:
            progress(len(batch))


def _second_pass(
    pending: Iterable[tuple[rules.ClaimFacts, dict]], contra: dict[int, list[int]], first: dict[int, int]
) -> Iterator[Assessed]:
    """Regrade contradicted claims with the first-pass grades of the claims that
    contradict them."""
    from dataclasses import replace

    for claim, extra in pending:
        grades = tuple(first[o] for o in contra[claim.id] if o in first)
        yield _assessed(claim, extra, rules.assess(replace(claim, contradicted_by_grades=grades)), True)


def _assessed(claim: rules.ClaimFacts, extra: dict, a: rules.Assessment, disputed: bool) -> Assessed:
    return Assessed(
        id=claim.id,
        key=extra["key"],
        text=claim.text,
        topics=extra["topics"],
        spread=extra["spread"],
        verdict=claim.verdict,
        assessment=a,
        disputed=disputed,
    )


def assess_one(session: Session, claim_id: int) -> Assessed:
    return next(assess_all(session, [claim_id]))


def unverified(
    session: Session, limit: int | None = 100, progress: Callable[[int], None] | None = None
) -> tuple[list[Assessed], int]:
    """Unverified claims ranked by spread (most outlets first), and how many there are."""
    tally = _tally(session, limit if limit and limit > 0 else None, progress)
    return tally.ranked(), tally.unverified


@dataclass
class _Tally:
    """What ``unverified`` and ``summary`` keep of the assessed claims: counts, and the
    ``top`` unverified claims by spread (all of them when ``top`` is None)."""

    top: int | None
    total: int = 0
    unverified: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_grade: Counter = field(default_factory=Counter)
    heap: list[tuple[int, int, Assessed]] = field(default_factory=list)

    def add(self, item: Assessed) -> None:
        self.total += 1
        status = "rated" if item.verdict else ("disputed" if item.disputed else "unreviewed")
        self.by_status[status] += 1
        self.by_grade[item.assessment.grade] += 1
        if item.assessment.unverified:
            self.unverified += 1
            self._keep((item.spread, -item.id, item))

    def _keep(self, entry: tuple[int, int, Assessed]) -> None:
        if self.top is None:
            self.heap.append(entry)
        elif len(self.heap) < self.top:
            heapq.heappush(self.heap, entry)
        elif entry[:2] > self.heap[0][:2]:
            heapq.heapreplace(self.heap, entry)

    def merge(self, other: _Tally) -> None:
        self.total += other.total
        self.unverified += other.unverified
        self.by_status.update(other.by_status)
        self.by_grade.update(other.by_grade)
        for entry in other.heap:
            self._keep(entry)

    def ranked(self) -> list[Assessed]:
        return [e[2] for e in sorted(self.heap, key=lambda e: (-e[0], -e[1]))]


STATUSES = ("unreviewed", "disputed", "rated")

PARALLEL_FROM = 50_000
"""Reports over at least this many claims are assessed by forked workers (``tracker.parallel``)."""


def _tally(session: Session, top: int | None, progress: Callable[[int], None] | None) -> _Tally:
    from tracker import parallel

    with parallel.no_gc():
        return _tally_all(session, top, progress)


def _tally_all(session: Session, top: int | None, progress: Callable[[int], None] | None) -> _Tally:
    workers, url = _parallel_plan(session)
    if workers > 1 and url is not None:
        return _tally_parallel(session, url, workers, top, progress)
    tally = _Tally(top)
    for item in assess_all(session, progress=progress):
        tally.add(item)
    return tally


def _parallel_plan(session: Session) -> tuple[int, str | None]:
    """How many workers may assess the claims, and the URL they read from. One (no
    workers) for small databases, in-memory ones, and when this transaction has written
    something the workers' connections could not see."""
    from tracker import db, parallel

    if parallel.workers(PARALLEL_FROM, PARALLEL_FROM) <= 1:
        return 1, None
    count = session.scalar(select(func.count()).select_from(Claim).where(Claim.status == "active")) or 0
    workers = parallel.workers(count, PARALLEL_FROM)
    if workers <= 1:
        return 1, None
    url = db.reader_url(session)
    if url is None or db.has_written(session):
        return 1, None
    return workers, url


def _tally_parallel(
    session: Session, url: str, workers: int, top: int | None, progress: Callable[[int], None] | None
) -> _Tally:
    """``_tally`` with forked workers, each reading id ranges over its own connection.
    Contradicted claims come back unassessed and are finished here, once every first-pass
    grade is known (as in ``assess_all``)."""
    from tracker import parallel

    contra = _open_contradictions(session)
    lo, hi = session.execute(
        select(func.min(Claim.id), func.max(Claim.id)).where(Claim.status == "active")
    ).one()
    parts = workers * 8
    step = (hi - lo) // parts + 1
    ranges = [(lo + k * step, min(hi, lo + (k + 1) * step - 1)) for k in range(parts)]
    tally = _Tally(top)
    first: dict[int, int] = {}
    pending: list[tuple[rules.ClaimFacts, dict]] = []

    def take(result) -> None:
        part, grades, held, n = result
        tally.merge(part)
        first.update(grades)
        pending.extend(held)
        if progress:
            progress(n)

    parallel.run(lambda k: _tally_range(url, ranges[k], contra, top), parts, workers, on_result=take)
    for item in _second_pass(sorted(pending, key=lambda e: e[0].id), contra, first):
        tally.add(item)
    return tally


_READER: dict[str, object] = {}


def _tally_range(url: str, bounds: tuple[int, int], contra: dict[int, list[int]], top: int | None):
    """In a worker: assess the claims with ids in ``bounds``; contradicted ones are held
    back with their first-pass grade."""
    from sqlalchemy.orm import Session as _Session

    from tracker import db

    if url not in _READER:
        _READER[url] = db.make_engine(url, reader=True)
    tally = _Tally(top)
    grades: dict[int, int] = {}
    held: list[tuple[rules.ClaimFacts, dict]] = []
    seen: list[int] = []
    with _Session(_READER[url]) as s, s.begin():
        for item in _first_pass(_facts_batches(s, bounds=bounds), contra, grades, held, seen.append):
            tally.add(item)
    return tally, grades, held, sum(seen)


# ---------------------------------------------------------------- outlets


@dataclass
class OutletScore:
    record: rules.OutletRecord
    mean: float
    low: float
    high: float
    suggested: str
    disagrees: bool
    contradicted_share: float = field(default=0.0)


def outlet_scores(session: Session) -> list[OutletScore]:
    """Every outlet's track record: claims carried (as outlet or cited origin), verdicts,
    contradictions, the Beta(1,1)-smoothed accuracy with its 90% interval, the grade that
    record suggests."""
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
            if r in rules.TRUE_VERDICTS:
                c["true"] += n
            elif r in rules.FALSE_VERDICTS:
                c["false"] += n
            elif r == "mixed":
                c["mixed"] += n
        if contra:
            c["contradicted"] += n
    out = []
    for oid, (name, grade, _kind) in sorted(_outlets(session).items(), key=lambda kv: kv[1][0].lower()):
        c = counts.get(oid, Counter())
        record = rules.OutletRecord(
            outlet=name,
            grade=grade,
            carried=c["carried"],
            with_verdict=c["with_verdict"],
            true=c["true"],
            false=c["false"],
            mixed=c["mixed"],
            contradicted=c["contradicted"],
        )
        mean, low, high = rules.beta_score(record.true, record.false)
        out.append(
            OutletScore(
                record,
                mean,
                low,
                high,
                rules.suggested_grade(record),
                rules.record_disagrees(record),
                record.contradicted / record.carried if record.carried else 0.0,
            )
        )
    return out


# ---------------------------------------------------------------- summary


@dataclass
class Summary:
    claims: int
    by_status: dict[str, int]
    by_credibility: dict[int, int]
    open_contradictions: int
    unverified_total: int
    top_unverified: list[Assessed]
    disagreeing_outlets: list[OutletScore]


def summary(session: Session, top: int = 10, progress: Callable[[int], None] | None = None) -> Summary:
    tally = _tally(session, top, progress)
    open_contra = (
        session.scalar(
            select(func.count())
            .select_from(Relation)
            .where(
                Relation.kind == "contradicts",
                Relation.state != "dismissed",
                or_(Relation.state == "suggested", Relation.state == "confirmed"),
            )
        )
        or 0
    )
    return Summary(
        claims=tally.total,
        by_status={k: tally.by_status[k] for k in STATUSES if tally.by_status[k]},
        by_credibility={g: tally.by_grade.get(g, 0) for g in range(1, 7)},
        open_contradictions=open_contra,
        unverified_total=tally.unverified,
        top_unverified=tally.ranked(),
        disagreeing_outlets=[o for o in outlet_scores(session) if o.disagrees],
    )
