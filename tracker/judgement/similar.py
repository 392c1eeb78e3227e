"""``claim similar``: the stored claims closest to a claim or a text, ranked, each with
what the pipeline makes of the pair.

Candidates are the claim's pool (the candidate rule every judgement uses) and the claims
that hold its words (``claim search``'s candidates: a word held by more than
``search_holders`` claims does not narrow them), so that a loose rewording below every
threshold is still ranked. Each is ranked by the mean of two scores from 0 to 100: the
duplicate score of the matching forms (``matching.similarity.score``), and the share of
the claim's concept weight the other holds (``matching.content.held_share``: stems and
synonym classes, each concept weighing by how rare its word is among the stored claims),
so that shared names, places and numbers count for more than shared frame words. The
candidates are first narrowed to the ``NARROWED`` best with the concepts their matching
forms show (``content.form_concepts``: no text read again), then ranked with the concepts
of their texts. The best ``limit`` are judged as ``claim add`` would judge them: the
ranking is the scores', the label the judgement's. Read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.judgement import pair
from tracker.judgement.facts import text_facts
from tracker.judgement.single import stored_pool
from tracker.matching import content
from tracker.matching.form import alias_map, fold_text, tokens_of
from tracker.matching.index import StoredHolders
from tracker.matching.search import candidates
from tracker.matching.similarity import Judgement, judge, score
from tracker.models import Claim

NARROWED = 60
"""The candidates ranked on their texts' concepts, of those that rank best on their
matching forms alone."""

RAREST_WORDS = 8
"""Besides its pool, a claim's neighbours are looked for among the claims holding its
this-many rarest words."""

VERDICTS = {
    "same": "the same claim",
    "suggest": "possibly the same claim",
    "contradiction": "a contradiction candidate",
    "unrelated": "related",
}
"""How ``similar`` names the judgement of a pair."""


@dataclass(frozen=True)
class Similar:
    claim_id: int
    score: float
    judgement: Judgement

    @property
    def verdict(self) -> str:
        return VERDICTS[self.judgement.kind]


def similar(session: Session, text: str, exclude: int | None = None, limit: int = 10) -> list[Similar]:
    """The ``limit`` active claims closest to ``text`` (other than claim ``exclude``),
    closest first; ties go to the older claim."""
    norm = fold_text(text, alias_map(session))
    holders = StoredHolders(session, exclude=exclude)
    ids = set(stored_pool(holders, text, norm))
    words = tokens_of(norm)
    if words:
        # The claims holding its rarest words (those the held share counts most).
        holders.prefetch(words)
        rarest = sorted(words, key=lambda w: (holders.count(w), w))[:RAREST_WORDS]
        ids.update(candidates(session, rarest))
    ids.discard(exclude)
    if not ids:
        return []
    rows = session.execute(
        select(Claim.id, Claim.text, Claim.norm).where(Claim.id.in_(ids), Claim.status == "active")
    ).all()
    mine_c = content.concepts(text, norm)
    own = content.own_weights(mine_c, content.Weights(holders))

    def rank(other: str, other_norm: str, exact: bool) -> float:
        # The concepts the other holds: read from its text (exact), or, to narrow many
        # candidates cheaply, from its matching form alone.
        if exact:
            seen = content.concepts(other, other_norm).tokens
        else:
            seen = content.seen_in(mine_c, content.form_concepts(other_norm))
        return round((score(norm, other_norm) + content.held_share(own, seen)) / 2, 1)

    def best(candidates: list[tuple[int, str, str]], n: int, exact: bool) -> list[tuple[int, str, str]]:
        return sorted(candidates, key=lambda r: (-rank(r[1], r[2], exact), r[0]))[:n]

    # Narrowed on the matching forms, then ranked on the concepts of the texts.
    top = best(best([tuple(r) for r in rows], max(NARROWED, limit), False), limit, True)
    ranked = [(rank(other, other_norm, True), cid, other, other_norm) for cid, other, other_norm in top]
    mine = text_facts(text)
    new = pair.side(0, text, norm, mine)
    them = [pair.side(cid, other, other_norm, text_facts(other)) for _, cid, other, other_norm in ranked]
    # What the pipeline makes of each pair: its duplicate judgement where it finds one
    # (the string or the content route), else the string judgement (a contradiction
    # candidate, or related).
    found = {m.id: j for m, j in pair.duplicates(new, them, pair.weigh(holders, new))}
    return [
        Similar(cid, rank, found.get(cid) or judge(text, other, norm, other_norm, (mine, m.facts)))
        for (rank, cid, other, other_norm), m in zip(ranked, them, strict=True)
    ]
