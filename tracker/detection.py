"""Contradiction detection over the database (SPEC §5): which pairs to look at, running
the detectors of ``tracker.contradictions`` on them, and recording what they find as
suggested ``contradicts`` relations.

Owns the plausible-pair search. Detectors never see all pairs:
- for a new claim (``claim add``, ``import``, ``ingest``), its index candidates;
- for the full scan (``report contradictions``), pairs of claims whose words are close
  (blocking on rare tokens, as ``dedupe`` does) and that differ in numbers, negation,
  verdicts or name an attack; plus pairs from opposing classes of the lexicon that share
  a rare token. Both are then checked with ``plausible`` (shared names, same period).
A dismissed pair is never suggested again. Never prints.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker import contradictions as det
from tracker import parallel
from tracker.db import chunks
from tracker.models import Appearance, Claim, Outlet, Relation, Verdict

BATCH = 20_000
CANDIDATES_PER_CLAIM = 60
"""How many index candidates of a new claim are run through every detector."""
SCAN_FLOOR = 45.0
"""Full scan of a small database (compared pair by pair): word similarity (token sort,
matching form) from which a pair is examined."""
SCAN_FLOOR_BLOCKED = 70.0
"""Full scan of a large database (blocked): the same, higher, so that the detectors see
the pairs whose wording is close rather than every pair that shares two rare words."""
LEXICON_SHARED_TOKENS = 2
"""Opposing-action candidates: claims on opposite sides of the lexicon that share at
least this many rare tokens (names, places, the thing acted on)..."""
LEXICON_TOKEN_CAP = 20
"""...where rare means carried by at most this many of the claims on those two sides."""
DETECT_PARALLEL_FROM = 5_000
"""Candidate pairs from which the detectors run in forked workers."""
SCAN_BLOCK_TOKENS = 4
"""Full scan: each claim is blocked under every pair of this many of its rarest tokens,
as dedupe does. At 1,000,000 bench claims, 4 instead of 5 costs 10 of 10,000 injected
number changes and 6 of 5,000 negations as candidates, and saves a third of the scan."""

_DIGITS = re.compile(r"\d")
_ATTACK = frozenset(
    "attack attacks attacked strike strikes struck bombing bombed rocket rockets drone drones "
    "missile missiles fired launched claimed".split()
)


def _negated(tokens: Iterable[str]) -> bool:
    from tracker.normalize import NEGATIONS

    return not NEGATIONS.isdisjoint(tokens)


# ---------------------------------------------------------------- views


@dataclass
class Unwritten:
    """What a transaction is about to write for one claim: its new appearances, as
    (published, stance, speaker, outlet id), with the topics and event date they bring,
    and, for a claim not stored yet, its text."""

    appearances: list[tuple[str | None, str, str | None, int]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    event_date: str | None = None
    text: str | None = None


def views(
    session: Session, ids: Iterable[int], unwritten: Mapping[int, Unwritten] | None = None
) -> dict[int, det.ClaimView]:
    """ClaimViews for the given claims, read in batches; with ``unwritten``, as they will
    be once that is written (new appearances after the stored ones, topics added, an event
    date where there was none; a claim not stored yet from its ``text``)."""
    unwritten = unwritten or {}
    ids = sorted(set(ids))
    out: dict[int, det.ClaimView] = {}
    names = dict(session.execute(select(Outlet.id, Outlet.name)).all())

    def more(cid: int) -> list:
        u = unwritten.get(cid)
        return [(p, st, sp, names.get(oid, "")) for p, st, sp, oid in u.appearances] if u else []

    stored = [cid for cid in ids if cid not in unwritten or unwritten[cid].text is None]
    for chunk in chunks(stored, 900):
        apps: dict[int, list] = defaultdict(list)
        for cid, pub, stance, speaker, oid in session.execute(
            select(
                Appearance.claim_id,
                Appearance.published,
                Appearance.stance,
                Appearance.speaker,
                Appearance.outlet_id,
            )
            .where(Appearance.claim_id.in_(chunk))
            .order_by(Appearance.id)
        ):
            apps[cid].append((pub, stance, speaker, names.get(oid, "")))
        verdicts: dict[int, str] = {}
        for cid, rating in session.execute(
            select(Verdict.claim_id, Verdict.rating).where(Verdict.claim_id.in_(chunk)).order_by(Verdict.id)
        ):
            verdicts[cid] = rating
        for cid, text, event_date, topics in session.execute(
            select(Claim.id, Claim.text, Claim.event_date, Claim.topics).where(Claim.id.in_(chunk))
        ):
            u = unwritten.get(cid)
            if u is not None:
                topics = list(dict.fromkeys([*(topics or []), *u.topics]))
                event_date = event_date or u.event_date
            out[cid] = _view(cid, text, event_date, topics, apps.get(cid, []) + more(cid), verdicts.get(cid))
    for cid in ids:
        u = unwritten.get(cid)
        if u is not None and u.text is not None:
            out[cid] = _view(cid, u.text, u.event_date, u.topics, more(cid), None)
    return out


def _view(
    cid: int,
    text: str,
    event_date: str | None,
    topics: Iterable[str] | None,
    appearances: list[tuple[str | None, str, str | None, str]],
    verdict: str | None,
) -> det.ClaimView:
    a = appearances
    return det.ClaimView(
        id=cid,
        text=text,
        event_date=event_date,
        published=tuple(p for p, _, _, _ in a if p),
        stances=tuple(s for _, s, _, _ in a),
        speakers=tuple(sp for _, _, sp, _ in a if sp),
        outlets=tuple(o for _, _, _, o in a),
        topics=tuple(topics or ()),
        verdict=verdict,
    )


# ---------------------------------------------------------------- recording


def _dismissed(session: Session, pairs: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs the analyst dismissed (for any kind): never suggested again."""
    wanted = {tuple(sorted(p)) for p in pairs}
    if not wanted:
        return set()
    rows = session.execute(
        select(Relation.a_id, Relation.b_id).where(
            Relation.state == "dismissed", Relation.kind == "contradicts"
        )
    ).all()
    return {(a, b) for a, b in rows if (a, b) in wanted}


def relation_row(a: int, b: int, signals: list[det.Signal]) -> dict:
    """The table row of the detectors' finding on a pair, a suggested contradiction."""
    from tracker import relations

    return relations.suggestion(
        a,
        b,
        "contradicts",
        origin=signals[0].kind,
        score=round(max(s.score for s in signals), 1),
        reasons=[r for s in signals for r in s.reasons],
        signals=[s.kind for s in signals],
    )


def record(session: Session, a: Claim | int, b: Claim | int, signals: list[det.Signal]) -> Relation | None:
    """Store the detectors' finding on a pair as a suggested contradiction."""
    from tracker import relations

    ca = a if isinstance(a, Claim) else session.get(Claim, a)
    cb = b if isinstance(b, Claim) else session.get(Claim, b)
    if ca is None or cb is None or ca.id == cb.id:
        return None
    row = relation_row(ca.id, cb.id, signals)
    return relations.store(
        session,
        ca,
        cb,
        "contradicts",
        origin=row["origin"],
        score=row["score"],
        reasons=row["reasons"],
        signals=row["signals"],
        log=False,
    )


def detect_pairs(
    session: Session, pairs: Iterable[tuple[int, int]], lexicon_: det.Lexicon | None = None
) -> list[tuple[int, int, list[det.Signal]]]:
    """Run every detector on the given pairs (those that are plausible)."""
    pairs = [p for p in pairs if p[0] != p[1]]  # start_detection orders them and drops repeats
    if not pairs:
        return []
    return start_detection(views(session, {x for p in pairs for x in p}), pairs, lexicon_).results()


def start_detection(
    vs: dict[int, det.ClaimView],
    pairs: Iterable[tuple[int, int]],
    lexicon_: det.Lexicon | None = None,
    *,
    beside: bool = False,
    feed: parallel.Feed | None = None,
) -> parallel.Started:
    """``detect_pairs`` on claims whose views are given, begun now: with many pairs the
    forked workers run while the caller goes on; ``results()`` waits for them and gives
    the findings. ``beside``: the caller works meanwhile (an import writes its rows), so
    one core is left to it. ``feed``: workers forked earlier (``detector_feed``), to
    which the views and pairs are sent (with the built-in or user lexicon)."""
    pairs = sorted({tuple(sorted(p)) for p in pairs if p[0] != p[1]})
    lex = lexicon_ or lexicon()
    workers = parallel.workers(len(pairs), DETECT_PARALLEL_FROM)
    forked = workers > 1
    if beside and forked:
        workers -= 1
    shares = _shares(pairs, workers * 4) if forked else [pairs]

    def findings(
        parts: list[list[tuple[int, int, list[det.Signal]]]],
    ) -> list[tuple[int, int, list[det.Signal]]]:
        return sorted((f for part in parts for f in part), key=lambda f: (f[0], f[1]))

    if feed is not None and forked and lexicon_ is None:
        for part in shares:
            feed.send(({x: vs[x] for p in part for x in p if x in vs}, part))
        return parallel.Started(lambda: findings(feed.results()), feed.cancel)
    # Each worker keeps the claims it has prepared for the shares it runs next.
    prepared: dict[int, det.Prepared] = {}
    started = parallel.start(
        lambda k: _detect_share(vs, shares[k], lex, prepared), len(shares), workers, fork_one=forked
    )
    return parallel.Started(lambda: findings(started.results()), started.cancel)


def _detect_share(
    vs: dict[int, det.ClaimView],
    pairs: list[tuple[int, int]],
    lex: det.Lexicon,
    prepared: dict[int, det.Prepared],
) -> list[tuple[int, int, list[det.Signal]]]:
    """The detectors' findings on ``pairs`` (those that are plausible); ``prepared``
    keeps each claim's analysis for the next share."""
    found = []
    for a, b in pairs:
        if a not in vs or b not in vs or not det.plausible(vs[a], vs[b]):
            continue
        for x in (a, b):
            if x not in prepared:
                prepared[x] = det.prepare(vs[x])
        signals = det.detect(prepared[a], prepared[b], lex)
        if signals:
            found.append((a, b, signals))
    return found


def detector_feed() -> parallel.Feed:
    """One worker for ``start_detection(..., feed=...)``, forked now. A large import forks
    it before it reads its file: forked later, from a process holding millions of
    records, the worker and the importing process (which writes its rows meanwhile)
    would copy each other's memory page by page as they touch it."""
    lex = lexicon()
    prepared: dict[int, det.Prepared] = {}

    def work(item: tuple[dict[int, det.ClaimView], list[tuple[int, int]]]) -> list:
        return _detect_share(item[0], item[1], lex, prepared)

    return parallel.Feed(work, 1, fork_one=True)


def _shares(pairs: list[tuple[int, int]], n: int) -> list[list[tuple[int, int]]]:
    """``pairs`` in ``n`` shares of about equal size that keep connected pairs together
    (whole components of the pair graph, largest first, each to the smallest share), so
    that a claim is analysed in one share only, except in components too big to keep."""
    from tracker import matching

    limit = -(-len(pairs) // n)
    comp_of: dict[int, int] = {}
    for k, group in enumerate(matching.clusters(pairs)):
        for x in group:
            comp_of[x] = k
    by_comp: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for p in pairs:
        by_comp[comp_of[p[0]]].append(p)
    out: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for members in sorted(by_comp.values(), key=len, reverse=True):
        for start in range(0, len(members), limit):
            min(out, key=len).extend(members[start : start + limit])
    return [s for s in out if s]


def detect_for_new(session: Session, new_ids: list[int], candidates: dict[int, list[int]]) -> int:
    """Detect contradictions between new claims and their index candidates; store them as
    suggested relations. ``candidates`` maps a new claim to the claims to compare with."""
    pairs = {(n, c) for n in new_ids for c in candidates.get(n, [])[:CANDIDATES_PER_CLAIM] if c != n}
    found = detect_pairs(session, pairs)
    skip = _dismissed(session, [(a, b) for a, b, _ in found])
    stored = 0
    for a, b, signals in found:
        if (a, b) not in skip and record(session, a, b, signals) is not None:
            stored += 1
    return stored


# ---------------------------------------------------------------- full scan


def candidate_pairs(session: Session, progress: Callable[[str], None] | None = None) -> set[tuple[int, int]]:
    """Plausible-pair candidates over the whole database (see the module docstring)."""
    from tracker import matching

    say = progress or (lambda _m: None)
    rows = session.execute(
        select(Claim.id, Claim.norm, Claim.text).where(Claim.status == "active").order_by(Claim.id)
    ).all()
    ids = [r[0] for r in rows]
    norms = [r[1] for r in rows]
    texts = [r[2] for r in rows]
    del rows
    rated = set(session.scalars(select(Verdict.claim_id).distinct()))
    denied = set(session.scalars(select(Appearance.claim_id).where(Appearance.stance == "denies").distinct()))
    say(f"comparing {len(ids):,} claims")
    floor = SCAN_FLOOR if len(norms) <= matching.SETTINGS.all_pairs_below else SCAN_FLOOR_BLOCKED

    def worth_a_look(i: int, j: int, _sim: float) -> bool | None:
        a, b = norms[i], norms[j]
        ta, tb = a.split(), b.split()
        if (
            [t for t in ta if _DIGITS.search(t)] != [t for t in tb if _DIGITS.search(t)]
            or _negated(ta) != _negated(tb)
            or ids[i] in rated
            or ids[j] in rated
            or ids[i] in denied
            or ids[j] in denied
            or (not _ATTACK.isdisjoint(ta) and not _ATTACK.isdisjoint(tb))
        ):
            return True
        return None

    stored = matching.stored_postings(session, ids)
    posted = stored.forms if stored else None
    found = matching.blocked_pairs(
        norms,
        floor,
        SCAN_BLOCK_TOKENS,
        post=worth_a_look,
        posted=posted,
        counts=stored.counts if stored else None,
    )
    pairs = {(ids[i], ids[j]) for i, j, _ in found}
    say("matching the opposing-action lexicon")
    pairs |= lexicon_pairs(ids, texts, norms, posted=posted)
    return pairs


def lexicon_pairs(
    ids: list[int],
    texts: list[str],
    norms: list[str],
    sides: list[frozenset] | None = None,
    posted: list[str] | None = None,
) -> set[tuple[int, int]]:
    """Claims on opposite sides of one opposition that share a rare token (of the
    matching form ``norms``); the lexicon itself is matched on the plain texts (or
    ``sides`` gives ``lexicon_sides`` of each, already computed). ``posted``: their
    ``matching.posted_form``, when known."""
    from collections import Counter

    from tracker import matching, parallel

    lexicon()  # loaded before the workers fork, so that each does not load it again
    if sides is None and posted is not None:
        hits = parallel.fork_map(lexicon_sides, texts)
        found = [(i, f, posted[i]) for i, f in enumerate(hits) if f]
        del hits
    elif sides is None:

        def hit(i: int) -> tuple[frozenset, str] | None:
            # A text that matches the lexicon comes back with its tokens (one string,
            # which pickles fast); the others (about two thirds) as None.
            f = lexicon_sides(texts[i])
            return (f, " ".join(matching.tokens_of(norms[i]))) if f else None

        hits = parallel.fork_map(hit, range(len(texts)))
        found = [(i, *h) for i, h in enumerate(hits) if h is not None]
        del hits
    else:
        found = [(i, f, posted[i] if posted else None) for i, f in enumerate(sides) if f]
    by_side: dict[tuple[str, str], list[int]] = defaultdict(list)
    toks: dict[int, list[str]] = {}
    for i, keys, joined in found:
        if joined is not None:
            toks[i] = joined.split()
        for key in keys:
            by_side[key].append(i)
    del found

    def tokens(i: int) -> list[str]:
        if i not in toks:
            toks[i] = matching.tokens_of(norms[i])
        return toks[i]

    def opposition_pairs(name: str) -> set[tuple[int, int]]:
        members, others = by_side[(name, "a")], by_side[(name, "b")]
        df: Counter = Counter()
        for i in (*members, *others):
            df.update(tokens(i))
        rare = {t for t, n in df.items() if n <= LEXICON_TOKEN_CAP}
        by_token: dict[str, list[int]] = defaultdict(list)
        for j in others:
            for t in rare.intersection(tokens(j)):
                by_token[t].append(j)
        pairs: set[tuple[int, int]] = set()
        for i in members:
            shared: Counter = Counter()
            for t in rare.intersection(tokens(i)):
                shared.update(by_token.get(t, ()))
            for j, n in shared.items():
                if i != j and n >= LEXICON_SHARED_TOKENS:
                    pairs.add(tuple(sorted((ids[i], ids[j]))))
        return pairs

    # Oppositions with claims on both sides, largest first: forked workers take them one
    # at a time, so the large ones are shared out evenly.
    def size(name: str) -> int:
        return len(by_side[(name, "a")]) + len(by_side[(name, "b")])

    names = sorted(
        (name for name, side in by_side if side == "a" and by_side.get((name, "b"))),
        key=lambda name: (-size(name), name),
    )
    workers = min(len(names), parallel.workers(sum(map(size, names))))
    found_pairs = parallel.run(lambda k: opposition_pairs(names[k]), len(names), workers)
    return set().union(*found_pairs)


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


def scan(session: Session, progress: Callable[[str], None] | None = None) -> int:
    """Full detection: store every contradiction found as a suggested relation (dismissed
    pairs stay dismissed). Returns how many relations were added or changed."""
    from tracker import relations

    say = progress or (lambda _m: None)
    pairs = candidate_pairs(session, progress)
    say(f"running the detectors on {len(pairs):,} candidate pairs")
    found = detect_pairs(session, pairs)
    say(f"recording {len(found):,} findings")
    # A pair already related as "contradicts" (suggested, confirmed or dismissed) stays as
    # it is: the rest are new suggestions, written in bulk.
    query = select(Relation.a_id, Relation.b_id).where(Relation.kind == "contradicts")
    stored = {(a, b) for a, b in session.execute(query)}
    return relations.add_suggestions(
        session, [relation_row(a, b, signals) for a, b, signals in found if (a, b) not in stored]
    )


def contradiction_report(
    session: Session,
    *,
    include_dismissed: bool = False,
    detect: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[Item]:
    """Every contradiction (detected now, suggested before, confirmed or linked by hand),
    grouped by topic, strongest first within a topic."""
    from tracker import parallel

    with parallel.no_gc():
        return _report(session, include_dismissed, detect, progress)


def _report(
    session: Session, include_dismissed: bool, detect: bool, progress: Callable[[str], None] | None
) -> list[Item]:
    from sqlalchemy.orm import selectinload

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


# ---------------------------------------------------------------- new texts


_SIDES: dict[str, frozenset[tuple[str, str]]] = {}
_LEXICON: list = []
_NONE: frozenset[tuple[str, str]] = frozenset()


def lexicon() -> det.Lexicon:
    """The lexicon in force, loaded once per process (a command is one process)."""
    if not _LEXICON:
        _LEXICON.append(det.default_lexicon())
    return _LEXICON[0]


def lexicon_sides(text: str) -> frozenset[tuple[str, str]]:
    """The (opposition, side) pairs of the lexicon that a claim's text matches."""
    sides = _SIDES.get(text)
    if sides is None:
        from tracker.normalize import normalize

        found = lexicon().match_tokens(tuple(normalize(text).split()))
        sides = frozenset((m.opposition, m.side) for m in found) if found else _NONE
        if len(_SIDES) > 200_000:
            _SIDES.clear()
        _SIDES[text] = sides
    return sides


def opposed(text_a: str, text_b: str) -> bool:
    return sides_opposed(lexicon_sides(text_a), lexicon_sides(text_b))


def sides_opposed(sa: frozenset[tuple[str, str]], sb: frozenset[tuple[str, str]]) -> bool:
    """Two texts with these ``lexicon_sides`` sit on opposite sides of one opposition."""
    return any((name, "b" if side == "a" else "a") in sb for name, side in sa)


def detect_text(
    session: Session, view: det.ClaimView, candidate_ids: list[int]
) -> list[tuple[int, list[det.Signal]]]:
    """Detectors between a text not stored yet (``view``, id 0) and stored claims."""
    if not candidate_ids:
        return []
    lex = lexicon()
    pv = det.prepare(view)
    out = []
    for cid, other in views(session, candidate_ids).items():
        if det.plausible(view, other):
            signals = det.detect(pv, det.prepare(other), lex)
            if signals:
                out.append((cid, signals))
    return out


# ---------------------------------------------------------------- compare


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
    from rapidfuzz import fuzz

    from tracker import claims, matching, relations
    from tracker.errors import InvalidInput

    a, b = claims.get(session, a_ref), claims.get(session, b_ref)
    if a.id == b.id:
        raise InvalidInput(f"'{a_ref}' and '{b_ref}' are the same claim.")
    vs = views(session, [a.id, b.id])
    lex = lexicon()
    va, vb = vs[a.id], vs[b.id]
    signals = det.detect(det.prepare(va), det.prepare(vb), lex)
    scores = {
        "match score (folded)": matching.score(a.norm, b.norm),
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
        det.plausible(va, vb),
        relations.between(session, a.id, b.id),
    )
