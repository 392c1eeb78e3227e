"""The unverified report and the summary over the database.

Owns ``report unverified`` (unverified claims ranked by spread, most outlets first) and
``report summary`` (counts by status and grade, open contradictions, the top unverified
claims, the outlets whose record disagrees with their grade). Large databases are
assessed by forked workers (``tracker.parallel``), each reading id ranges over its own
connection; the answer is the same as in one process. Never writes, never prints.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from tracker.credibility.assessing import Assessed, assess_all, first_pass, second_pass
from tracker.credibility.facts import ClaimFacts
from tracker.credibility.reading import facts_batches, open_contradictions
from tracker.credibility.scores import OutletScore, outlet_scores
from tracker.models import Claim, Relation


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

    contra = open_contradictions(session)
    lo, hi = session.execute(
        select(func.min(Claim.id), func.max(Claim.id)).where(Claim.status == "active")
    ).one()
    parts = workers * 8
    step = (hi - lo) // parts + 1
    ranges = [(lo + k * step, min(hi, lo + (k + 1) * step - 1)) for k in range(parts)]
    tally = _Tally(top)
    first: dict[int, int] = {}
    pending: list[tuple[ClaimFacts, dict]] = []

    def take(result) -> None:
        part, grades, held, n = result
        tally.merge(part)
        first.update(grades)
        pending.extend(held)
        if progress:
            progress(n)

    parallel.run(lambda k: _tally_range(url, ranges[k], contra, top), parts, workers, on_result=take)
    for item in second_pass(sorted(pending, key=lambda e: e[0].id), contra, first):
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
    held: list[tuple[ClaimFacts, dict]] = []
    seen: list[int] = []
    with _Session(_READER[url]) as s, s.begin():
        for item in first_pass(facts_batches(s, bounds=bounds), contra, grades, held, seen.append):
            tally.add(item)
    return tally, grades, held, sum(seen)


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
