"""``claim search``: claims whose words best cover a query a person typed.

Not a judgement: a query is a few names or words, not a claim. Candidates are the
claims holding the query's words (through the candidate index, a word held by more than
``SETTINGS.search_holders`` claims only when no rarer word narrows the search), ranked
by the share of the query's words each holds.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from sqlalchemy import select

from tracker.errors import InvalidInput
from tracker.matching.form import alias_map, fold_text, tokens_of
from tracker.matching.index import newest_holders, posted_claims, posted_counts
from tracker.matching.settings import SETTINGS
from tracker.models import Claim

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SEARCH_FLOOR = 50.0
"""``search`` leaves out claims that hold less than half of the query's words."""
SEARCH_CANDIDATES = 300
"""At most this many claims (those holding the most query words) are ranked."""


def candidates(session: Session, wanted: list[str]) -> list[int]:
    cap = SETTINGS.search_holders
    counts = posted_counts(session, wanted, cap + 1)
    usable = [t for t in wanted if 0 < counts[t] <= cap]
    if usable:
        found = [posted_claims(session, t) for t in usable]
    else:
        common = sorted((counts[t], t) for t in wanted if counts[t] > 0)[:2]
        held = newest_holders(session, [t for _, t in common], cap)
        found = list(held.values())
    hits = Counter(chain.from_iterable(found))
    return [c for c, _ in sorted(hits.items(), key=lambda e: (-e[1], -e[0]))[:SEARCH_CANDIDATES]]


def search(session: Session, query: str, limit: int = 20) -> list[tuple[int, float]]:
    """Claims whose words best cover ``query``, best first, with a score from 0 to 100:
    the share of the query's content words the claim holds (spellings folded; a word the
    claim holds only nearly, as a typo would, counts for its similarity). Ties go to the
    claim whose wording is closest overall."""
    norm = fold_text(query, alias_map(session))
    if not norm.strip():
        raise InvalidInput("Give words or names to search for.")
    wanted = tokens_of(norm) or norm.split()
    ids = candidates(session, wanted)
    if not ids:
        return []
    rows = session.execute(
        select(Claim.id, Claim.norm).where(Claim.id.in_(ids), Claim.status == "active")
    ).all()

    def coverage(claim_norm: str) -> float:
        held = set(claim_norm.split())
        total = 0.0
        for word in wanted:
            if word in held:
                total += 100.0
            elif near := process.extractOne(word, held, scorer=fuzz.ratio, processor=None, score_cutoff=75):
                total += near[1]
        return total / len(wanted)

    ranked = sorted(
        (
            (cid, round(coverage(claim_norm), 1), fuzz.token_sort_ratio(norm, claim_norm, processor=None))
            for cid, claim_norm in rows
        ),
        key=lambda r: (-r[1], -r[2], r[0]),
    )
    return [(cid, score) for cid, score, _ in ranked[:limit] if score >= SEARCH_FLOOR]
