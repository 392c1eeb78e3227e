"""The pipeline over the whole database: every active claim judged against its pool among
the claims older than it, the pairs adding the claims one by one in id order would have
judged. ``dedupe`` reads the duplicate judgements, the contradiction scan of ``report
contradictions`` the detectors' findings.

The claims' postings are read once into memory (``matching.index.AllHolders``); the
pools and judgements of large databases are worked out in forked workers, each taking a
share of the claims. Read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import parallel
from tracker.judgement import pair
from tracker.judgement.facts import lexicon, split_posted, text_facts
from tracker.judgement.views import views
from tracker.matching.index import AllHolders, all_forms
from tracker.matching.pool import pool
from tracker.matching.similarity import Judgement
from tracker.models import Claim, Relation

Say = Callable[[str], None]


def _quiet(_msg: str) -> None:
    return None


def _shared(
    session: Session, say: Say, first: int | None = None
) -> tuple[list[int], dict[int, tuple[list[str], list[str]]], AllHolders]:
    say("reading the candidate index")
    forms = all_forms(session)
    if first is not None:
        forms = forms[:first]
    ids = [cid for cid, _ in forms]
    tokens = {cid: split_posted(form.split()) for cid, form in forms}
    return ids, tokens, AllHolders(forms)


def _by_shares(ids: Sequence[int], work: Callable[[Sequence[int]], list]) -> list:
    """``work`` on shares of ``ids`` (in forked workers for many claims), results in order."""
    n = parallel.workers(len(ids))
    shares = [ids[s] for s in parallel.split(len(ids), n * 8)] if n > 1 else [ids]
    parts = parallel.run(lambda k: work(shares[k]), len(shares), n)
    return [item for part in parts for item in part]


def _sides(text: dict[int, tuple[str, str]]) -> Callable[[int], pair.Side]:
    """Each claim's ``pair.Side``, made once per process when first asked for."""
    made: dict[int, pair.Side] = {}

    def side(cid: int) -> pair.Side:
        s = made.get(cid)
        if s is None:
            t, n = text[cid]
            s = made[cid] = pair.side(cid, t, n, text_facts(t))
        return s

    return side


def duplicate_pairs(
    session: Session, progress: Say | None = None, first: int | None = None
) -> list[tuple[int, int, Judgement]]:
    """(older id, newer id, judgement) of every pair judged "same" or "suggest";
    ``first``: only among the first this-many active claims (their pools hold no
    newer claim, so these are the pairs the whole database has among them)."""
    say = progress or _quiet
    ids, tokens, holders = _shared(session, say, first)
    rows = session.execute(select(Claim.id, Claim.text, Claim.norm).where(Claim.status == "active"))
    text = {cid: (t, n) for cid, t, n in rows}
    say(f"judging {len(ids):,} claims against their pools")
    lexicon()  # loaded before the workers fork

    side = _sides(text)

    def work(share: Sequence[int]) -> list:
        out = []
        for cid in share:
            toks, partners = tokens[cid]
            older = holders.before(cid)
            members = pool(toks, older, partners)
            if members:
                me, them = side(cid), [side(c) for c in members]
                for m, j in pair.duplicates(me, them, pair.weigh(older, me)):
                    if j.kind in ("same", "suggest"):
                        out.append((m.id, cid, j))
        return out

    return _by_shares(ids, work)


def contradiction_rows(session: Session, progress: Say | None = None) -> list[dict]:
    """The suggested-contradiction rows of every pair the detectors flag that is not
    related as "contradicts" already (in any state: a dismissed pair stays dismissed)."""
    say = progress or _quiet
    ids, tokens, holders = _shared(session, say)
    say(f"reading {len(ids):,} claims")
    vs = views(session, ids)
    text = {
        cid: (t, n)
        for cid, t, n in session.execute(
            select(Claim.id, Claim.text, Claim.norm).where(Claim.status == "active")
        )
    }
    related = {
        (a, b)
        for a, b in session.execute(
            select(Relation.a_id, Relation.b_id).where(Relation.kind == "contradicts")
        )
    }
    say(f"running the detectors on the pools of {len(ids):,} claims")
    lexicon()

    side = _sides(text)

    def work(share: Sequence[int]) -> list:
        out = []
        for cid in share:
            toks, partners = tokens[cid]
            members = [
                (side(c), vs[c]) for c in pool(toks, holders.before(cid), partners) if (c, cid) not in related
            ]
            for other, signals in pair.contradictions(side(cid), vs[cid], members):
                out.append(pair.contradiction_row(other, cid, signals))
        return out

    return _by_shares(ids, work)
