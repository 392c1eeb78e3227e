"""Near-duplicate clusters over the whole database (``tracker dedupe``).

Finds pairs with the judgement's whole-database pass (``judgement.whole.duplicate_pairs``:
every claim judged against its pool among the older claims), adds the duplicate relations
already suggested or confirmed, leaves out dismissed pairs, and groups the rest into
clusters around a representative (``matching.clusters.around_representatives``): every
member of a cluster is paired with its representative, so one loose pair cannot join two
stories. Applying a cluster merges the pairs above the merge threshold into the oldest
claim and records the suggestion-band pairs as suggested duplicate relations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Claim, Relation


@dataclass
class Pair:
    a: int
    b: int
    score: float
    kind: str  # "same" (above the merge threshold, or confirmed) | "suggest"
    reasons: list[str] = field(default_factory=list)


@dataclass
class Cluster:
    ids: list[int]
    pairs: list[Pair]

    @property
    def keep(self) -> int:
        return self.ids[0]


def find_clusters(session: Session, progress: Callable[[str], None] | None = None) -> list[Cluster]:
    from tracker import parallel
    from tracker.judgement import whole
    from tracker.matching.clusters import around_representatives

    say = progress or (lambda _msg: None)
    with parallel.no_gc():
        found = whole.duplicate_pairs(session, say)
    rels = session.execute(
        select(Relation.a_id, Relation.b_id, Relation.state, Relation.score).where(
            Relation.kind == "duplicate"
        )
    ).all()
    dismissed = {(a, b) for a, b, state, _ in rels if state == "dismissed"}
    active = set(session.scalars(select(Claim.id).where(Claim.status == "active")))
    pairs: dict[tuple[int, int], Pair] = {}
    for a, b, j in found:
        if (a, b) in dismissed:
            continue
        pairs[(a, b)] = Pair(a, b, j.score, "same" if j.kind == "same" else "suggest", list(j.reasons))
    for a, b, state, score in rels:
        if state == "dismissed" or a not in active or b not in active or (a, b) in pairs:
            continue
        kind = "same" if state == "confirmed" else "suggest"
        pairs[(a, b)] = Pair(a, b, score or 0.0, kind, [f"{state} duplicate relation"])
    groups = around_representatives((a, b, (p.kind != "same", -p.score)) for (a, b), p in pairs.items())
    by_member: dict[int, int] = {m: i for i, g in enumerate(groups) for m in g}
    members: list[list[Pair]] = [[] for _ in groups]
    for (a, b), pair in sorted(pairs.items()):
        if a in by_member and by_member[a] == by_member.get(b):
            members[by_member[a]].append(pair)
    return [Cluster(g, members[i]) for i, g in enumerate(groups)]


def apply(session: Session, cluster: Cluster) -> list[tuple[int, int, int]]:
    """Merge the cluster's merge-rule pairs into its oldest member; suggest the rest.
    Returns (keep, gone, event id) for every merge."""
    from tracker import relations
    from tracker.claims import workflow
    from tracker.matching.clusters import clusters

    same = [(p.a, p.b) for p in cluster.pairs if p.kind == "same"]
    merges: list[tuple[int, int, int]] = []
    survivor: dict[int, int] = {}
    for group in clusters(same):
        keep = group[0]
        for gone in group[1:]:
            _, event_id = workflow.merge(session, str(keep), str(gone), check=False)
            merges.append((keep, gone, event_id))
            survivor[gone] = keep
    for p in cluster.pairs:
        if p.kind != "suggest":
            continue
        a, b = survivor.get(p.a, p.a), survivor.get(p.b, p.b)
        if a == b:
            continue
        ca, cb = session.get(Claim, a), session.get(Claim, b)
        relations.store(
            session,
            ca,
            cb,
            "duplicate",
            origin="dedupe",
            score=p.score,
            reasons=p.reasons,
            signals=["duplicate"],
        )
    return merges
