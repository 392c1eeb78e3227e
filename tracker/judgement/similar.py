"""``claim similar``: the stored claims closest to a claim or a text, ranked, each with
what the pipeline makes of the pair.

Candidates are the claim's pool (the candidate rule every judgement uses) and the claims
that hold its words (``claim search``'s candidates: a word held by more than
``search_holders`` claims does not narrow them), so that a loose rewording below every
threshold is still ranked. Each is ranked by the mean of three scores from 0 to 100: the
duplicate score of the matching forms (``matching.similarity.score``), the weighted share
of the claim's tokens the other holds, a token weighing by how rare it is among the
stored claims (its inverse document frequency), so that shared names, places and numbers
count for more than shared frame words, and the same share counted in concepts
(``matching.content``: stems and synonym classes), on the content score's scale. The best ``limit``
are judged as ``claim add`` would judge them: the ranking is the scores', the label the
judgement's. Read-only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select
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
        # The claims holding its rarest words (those the weighted share counts most).
        holders.prefetch(words)
        rarest = sorted(words, key=lambda w: (holders.count(w), w))[:RAREST_WORDS]
        ids.update(candidates(session, rarest))
    ids.discard(exclude)
    if not ids:
        return []
    rows = session.execute(
        select(Claim.id, Claim.text, Claim.norm).where(Claim.id.in_(ids), Claim.status == "active")
    ).all()
    # How many claims there are, from the newest id (an index lookup, not a count): it
    # sets the scale of the weights, and ids left by merged or deleted claims barely move it.
    stored = max(1, session.scalar(select(func.max(Claim.id))) or 1)
    weight = {w: math.log((1 + stored) / (1 + holders.count(w))) for w in words}
    whole = sum(weight.values())
    mine_c = content.concepts(text, norm)
    cw = pair.Weights(holders)
    own = {c: cw(t) for c, t in mine_c.tokens.items()}
    own_whole = sum(own.values())

    def rank(other: str, other_norm: str) -> float:
        # The content term is the share of the claim's concept weight the other holds,
        # on the content score's scale (200 S / (W + S)): the other's own words are not
        # weighed, so no holder count beyond the claim's own is fetched.
        shared = mine_c.tokens.keys() & content.concepts(other, other_norm).tokens.keys()
        held = sum(own[c] for c in shared)
        concept_share = 200.0 * held / (own_whole + held) if held else 0.0
        return (score(norm, other_norm) + _held_weight(weight, whole, other_norm) + concept_share) / 3

    ranked = sorted(
        ((round(rank(other, other_norm), 1), cid, other, other_norm) for cid, other, other_norm in rows),
        key=lambda r: (-r[0], r[1]),
    )[:limit]
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


def _held_weight(weight: dict[str, float], whole: float, other_norm: str) -> float:
    """The share of the query's word weight (``whole``; a word weighing by how rare it is
    among the stored claims) that the other claim holds, 0 to 100."""
    if not whole:
        return 0.0
    held = set(tokens_of(other_norm))
    return 100.0 * sum(w for word, w in weight.items() if word in held) / whole
