"""The candidate rule: which stored claims a claim is judged against (its *pool*).

One rule, whatever the way a claim arrives (``claim add``, ``import``, ``ingest``, an
edit) or the pass that looks at it (``dedupe``, the contradiction scan):

1. Of the claim's tokens (``tokens_of`` its matching form), those that some other claim
   holds are ranked by how many claims hold them, counted up to ``rank_cap`` (ties in
   token order); the ``query_tokens`` rarest are the claim's *query tokens*.
2. For each query token, the ``window`` newest claims holding it are looked at.
3. A claim found through at least ``shared_tokens`` of the query tokens (through all of
   them, when there are fewer) is in the pool; so is every claim holding the rarest
   query token when no more than ``window`` claims hold it (the rarest word a claim has,
   a name most often, is reason enough to compare two claims, however common the rest
   of their words are).
4. When more than ``pool`` claims qualify, those sharing the most weight are kept (a
   query token held by ``n`` claims weighs ``1 / sqrt(1 + n)``), then the newest.
5. A claim on one side of an opposition of the opposing-action lexicon also meets the
   ``window`` newest claims on the other side (found through their side markers: its
   *partners*) that share at least ``shared_tokens`` of its tokens, counting only tokens
   that at most ``partner_token_cap`` of those partners hold: at most ``pool`` of them,
   those sharing the most weight first, then the newest. Two claims that say opposite
   things share fewer words than two wordings of one claim do, and the words they share
   need only be rare among the claims on the other side; the opposition is the reason to
   look at them.

The rule reads only ``holders(token)``, the newest ``window + 1`` claims holding a
token, oldest first, and ``holders.count(token)``, how many hold it, as the source answers
them (the database, the database plus an import's new claims, or for a whole-database
pass the claims older than the one judged).
So the same claim against the same stored claims gets the same pool from every source.
Pure: no database, no printing.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from typing import Protocol

from tracker.matching.settings import SETTINGS


class Holders(Protocol):
    """A source of postings: ``holders(token)``, the newest ``window + 1`` claims holding
    a token, oldest first; ``holders.count(token)``, how many hold it, up to ``rank_cap``."""

    def __call__(self, token: str) -> Sequence[int]: ...

    def count(self, token: str) -> int: ...

    def total(self) -> int: ...


def held_tokens(tokens: Sequence[str], holders: Holders) -> list[tuple[int, str, Sequence[int]]]:
    """(holder count, token, holders) of the tokens some claim holds, rarest first; the
    first ``query_tokens`` of them are the claim's query tokens."""
    return [(n, tok, holders(tok)) for n, tok in _ranked(tokens, holders)]


def _ranked(tokens: Sequence[str], holders: Holders) -> list[tuple[int, str]]:
    """(holder count, token) of the tokens some claim holds, rarest first."""
    found = []
    for tok in tokens:
        n = holders.count(tok)
        if n:
            found.append((n, tok))
    found.sort()
    return found


def pool(tokens: Sequence[str], holders: Holders, partners: Sequence[str] = ()) -> list[int]:
    """The claims a claim with these posted ``tokens`` (and the side markers of its
    ``partners``) is judged against, oldest first."""
    ranked = _ranked(tokens, holders)
    if not ranked:
        return []
    members = _rarest_sharers([(n, tok, holders(tok)) for n, tok in ranked[: SETTINGS.query_tokens]])
    if partners:
        members = sorted(set(members) | set(_partners(ranked, partners, holders)))
    return members


def _rarest_sharers(chosen: list[tuple[int, str, Sequence[int]]]) -> list[int]:
    window = SETTINGS.window
    looked = [ids[-window:] for _, _, ids in chosen]
    need = min(SETTINGS.shared_tokens, len(chosen))
    hits = Counter(chain.from_iterable(looked))
    # The rarest query token, when the window holds all its holders, ties on its own.
    rarest = set(chosen[0][2]) if chosen[0][0] <= window else set()
    members = [cid for cid, n in hits.items() if n >= need or cid in rarest]
    if len(members) > SETTINGS.pool:
        weights = [1.0 / (1 + n) ** 0.5 for n, _, _ in chosen]
        sets = [set(ids) for ids in looked]
        weight = {c: sum(w for w, s in zip(weights, sets, strict=True) if c in s) for c in members}
        members = heapq.nlargest(SETTINGS.pool, members, key=lambda c: (weight[c], c))
    return sorted(members)


def _partners(held: list[tuple[int, str]], partners: Sequence[str], holders: Holders) -> list[int]:
    window = SETTINGS.window
    side = set(chain.from_iterable(holders(m)[-window:] for m in partners))
    if not side:
        return []
    need = min(SETTINGS.shared_tokens, len(held))
    weight: dict[int, float] = {}
    count: Counter = Counter()
    for n, tok in held:
        sharers = side.intersection(holders(tok)[-window:])
        if len(sharers) > SETTINGS.partner_token_cap:
            continue
        w = 1.0 / (1 + n) ** 0.5
        for c in sharers:
            weight[c] = weight.get(c, 0.0) + w
            count[c] += 1
    found = [c for c, k in count.items() if k >= need]
    if len(found) > SETTINGS.pool:
        found = heapq.nlargest(SETTINGS.pool, found, key=lambda c: (weight[c], c))
    return found
