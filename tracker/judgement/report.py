"""The contradiction report and the side-by-side comparison of two claims.

``contradiction_report`` runs the whole-database scan (``whole``), stores what it finds
as suggested relations, and lists every contradiction relation (suggested, confirmed or
linked by hand; dismissed ones with ``include_dismissed``), grouped by topic, strongest
first. ``compare`` gathers everything that relates two claims: their facts, similarity
scores and every detector's signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tracker import claims, parallel, relations
from tracker import contradictions as det
from tracker.db import chunks
from tracker.errors import InvalidInput
from tracker.judgement import pair, whole
from tracker.judgement.facts import lexicon
from tracker.judgement.views import views
from tracker.matching.similarity import score
from tracker.models import Claim, Outlet, Relation


@dataclass
class Item:
    """One line of the contradiction report."""

    relation: Relation
    a: Claim
    b: Claim
    kinds: list[str]
    reasons: list[str]
    score: float | None
    state: str
    topic: str = field(default="")

    @property
    def tier(self) -> str | None:
        """ "strong" or "possible" (``contradictions.tier``); None for a pair linked by hand."""
        return det.tier(self.score) if self.relation.origin != "analyst" else None


def scan(session: Session, progress: Callable[[str], None] | None = None) -> int:
    """Judge every active claim against its pool (``whole.contradiction_rows``) and store
    what the detectors find as suggested relations (a pair related as "contradicts" in any
    state stays as it is). Returns how many relations were added."""
    rows = whole.contradiction_rows(session, progress)
    if progress is not None:
        progress(f"recording {len(rows):,} findings")
    return relations.add_suggestions(session, rows)


def contradiction_report(
    session: Session,
    *,
    include_dismissed: bool = False,
    detect: bool = True,
    progress: Callable[[str], None] | None = None,
    least: str = "possible",
) -> list[Item]:
    """Every contradiction (detected now, suggested before, confirmed or linked by hand),
    grouped by topic, strongest first within a topic. ``least="strong"`` leaves out the
    suggestions that are only possible (a confirmed pair or one linked by hand stays)."""
    with parallel.no_gc():
        items = _report(session, include_dismissed, detect, progress)
    if least == "strong":
        items = [it for it in items if it.state == "confirmed" or it.tier != "possible"]
    return items


def _report(
    session: Session, include_dismissed: bool, detect: bool, progress: Callable[[str], None] | None
) -> list[Item]:
    if detect:
        scan(session, progress)
    stmt = select(Relation).where(Relation.kind == "contradicts")
    if not include_dismissed:
        stmt = stmt.where(Relation.state != "dismissed")
    rels = list(session.scalars(stmt.order_by(Relation.id)))
    ids = {x for r in rels for x in (r.a_id, r.b_id)}
    claims: dict[int, Claim] = {}
    id_list = sorted(ids)
    # Every outlet in the identity map first: an appearance's outlet and via then resolve
    # without a query (there are few outlets and many appearances).
    session.scalars(select(Outlet)).all()
    for chunk in chunks(id_list, 5000):
        for c in session.scalars(
            select(Claim)
            .where(Claim.id.in_(chunk))
            .options(selectinload(Claim.appearances), selectinload(Claim.verdicts))
        ):
            claims[c.id] = c
    items = []
    for r in rels:
        a, b = claims.get(r.a_id), claims.get(r.b_id)
        if a is None or b is None or a.status != "active" or b.status != "active":
            continue
        topics = sorted(set(a.topics or []) & set(b.topics or [])) or sorted(
            set(a.topics or []) | set(b.topics or [])
        )
        items.append(
            Item(
                r,
                a,
                b,
                list(r.signals or [r.origin]),
                list(r.reasons or []),
                r.score,
                r.state,
                topics[0] if topics else "(no topic)",
            )
        )
    order = {"confirmed": 0, "suggested": 1, "dismissed": 2}
    items.sort(
        key=lambda it: (
            it.topic == "(no topic)",
            it.topic,
            order.get(it.state, 3),
            -(it.score or 0),
            it.relation.id,
        )
    )
    return items


def count_open(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Relation)
            .where(Relation.kind == "contradicts", Relation.state != "dismissed")
        )
        or 0
    )


@dataclass
class Comparison:
    a: Claim
    b: Claim
    facts_a: dict[str, list[str]]
    facts_b: dict[str, list[str]]
    scores: dict[str, float]
    signals: list[det.Signal]
    plausible: bool
    relations: list[Relation]


def compare(session: Session, a_ref: str, b_ref: str) -> Comparison:
    """Everything that relates two claims: their facts, similarity and every signal."""
    a, b = claims.get(session, a_ref), claims.get(session, b_ref)
    if a.id == b.id:
        raise InvalidInput(f"'{a_ref}' and '{b_ref}' are the same claim.")
    vs = views(session, [a.id, b.id])
    lex = lexicon()
    va, vb = pair.ordered(vs[a.id], vs[b.id])
    signals = det.detect(det.prepare(va), det.prepare(vb), lex)
    scores = {
        "match score (folded)": score(a.norm, b.norm),
        "token set": fuzz.token_set_ratio(a.norm, b.norm, processor=None),
        "token sort": fuzz.token_sort_ratio(a.norm, b.norm, processor=None),
        "plain ratio": fuzz.ratio(a.text.lower(), b.text.lower(), processor=None),
    }
    return Comparison(
        a,
        b,
        det.describe(a.text, lex),
        det.describe(b.text, lex),
        scores,
        signals,
        det.plausible(vs[a.id], vs[b.id]),
        relations.between(session, a.id, b.id),
    )
