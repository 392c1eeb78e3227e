"""The bulk writer: many claim lines placed by the judgement's replay and written in a
few statements (``import``).

Each line is prepared without the database (fingerprint, hedges, matching form and its
facts; in forked workers for large files, begun while the file is read: ``Prefold``),
placed in file order by ``tracker.judgement.replay.Replay`` (the same decision ``claim
add --yes`` would make for it), and then the new claims, their appearances, postings and
suggested relations are written in bulk; the detectors run in forked workers meanwhile.
Never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker import db, outlets, parallel, relations
from tracker.claims.inputs import ClaimInput, appearance_columns
from tracker.judgement import replay
from tracker.judgement.facts import lexicon, lexicon_sides, opposite_markers, side_markers, text_facts
from tracker.matching.form import alias_map, fingerprint, fold_text, tokens_of
from tracker.matching.index import post
from tracker.matching.similarity import TextFacts, cached_polarity_marks
from tracker.models import Appearance, Claim
from tracker.text import find_hedges, fold_and_numbers

FOLD_PARALLEL_FROM = 20_000
"""Imports of at least this many claim lines prepare them in forked workers."""
PREFOLD_BATCH = 2_000
"""Claim lines sent to the prefold workers at a time."""
DETECT_PARALLEL_FROM = 5_000
"""Detector pairs from which the detectors run in forked workers."""
IMPORT_CACHE_MB = 512
"""SQLite page cache of a large import's connection: the claims' and appearances' indexes
take keys and fingerprints in no order, and a cache that holds them keeps that fast."""


@dataclass(frozen=True)
class ClaimLine:
    """A validated claim line: its number in the file, what it says, its ``claim`` field."""

    number: int
    data: ClaimInput
    claim_ref: str | None = None


@dataclass
class Written:
    """What ``write`` did: counts, and {line key: claim id}."""

    claims: int = 0
    appearances: int = 0
    unchanged: int = 0
    outlets: int = 0
    suggestions: int = 0
    keys: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- preparing lines


def prepare_line(text_: str, quote: str | None, judged: bool, aliases: Any) -> tuple:
    """What an import works out for one claim line without the database, as a plain
    tuple (what comes back from a worker is unpickled in the importing process, and a
    tuple unpickles several times faster than a NamedTuple): (fingerprint, hedges, and
    for a judged line its matching form, posted form, numbers, polarity marks, lexicon
    sides)."""
    hedges = find_hedges(f"{text_} {quote or ''}")
    if not judged:
        return (fingerprint(text_), hedges, None, None, (), 0, ())
    norm, numbers = fold_and_numbers(text_, aliases or None)  # fold_text, and the numbers
    sides = tuple(lexicon_sides(text_))
    return (
        fingerprint(text_),
        hedges,
        norm,
        " ".join(tokens_of(norm)),
        numbers,
        cached_polarity_marks(text_),
        sides,
    )


def stored_keys(session: Session, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` a stored appearance or claim holds."""
    found: set[str] = set()
    for chunk in db.chunks(list(keys)):
        found.update(session.scalars(select(Appearance.key).where(Appearance.key.in_(chunk))))
        found.update(session.scalars(select(Claim.key).where(Claim.key.in_(chunk))))
    return found


def _empty(session: Session) -> bool:
    return session.execute(select(Claim.id).limit(1)).first() is None


class Prefold:
    """The claim lines of a large file prepared (``prepare_line``) in forked workers
    while the rest of the file is read and checked: the workers fork before the lines are
    read, and each batch of checked lines goes to them through a pipe. A line is judged
    unless it names its ``claim`` or its key is stored (looked up per batch).
    ``results()`` gives {line number: prepared tuple}; ``cancel()`` stops the workers."""

    def __init__(self, session: Session, workers: int) -> None:
        self.session = session
        aliases = alias_map(session)
        self.empty = _empty(session)
        lexicon()  # loaded once, before the fork

        def work(batch: list[tuple[int, str, str | None, bool]]) -> list[tuple[int, tuple]]:
            return [(n, prepare_line(t, q, j, aliases)) for n, t, q, j in batch]

        self._feed = parallel.Feed(work, workers)
        self._batch: list[ClaimLine] = []

    def add(self, line: ClaimLine) -> None:
        self._batch.append(line)
        if len(self._batch) >= PREFOLD_BATCH:
            self._send()

    def _send(self) -> None:
        batch, self._batch = self._batch, []
        keys = [x.data.key for x in batch if x.data.key]
        known = stored_keys(self.session, keys) if keys and not self.empty else set()
        self._feed.send(
            [
                (x.number, x.data.text, x.data.quote, not x.claim_ref and x.data.key not in known)
                for x in batch
            ]
        )

    def results(self) -> dict[int, tuple]:
        if self._batch:
            self._send()
        done: dict[int, tuple] = {}
        for part in self._feed.results():
            done.update(part)
        return done

    def cancel(self) -> None:
        self._feed.cancel()


def _prepared(
    lines: Sequence[ClaimLine], judged: Sequence[bool], aliases: Any, prefold: Prefold | None
) -> list[tuple]:
    """Every line's ``prepare_line`` tuple: from the prefold where it prepared the line as
    it is judged now, the rest here (in forked workers for many lines)."""
    early = prefold.results() if prefold is not None else {}
    done: list[tuple | None] = []
    for x, j in zip(lines, judged, strict=True):
        p = early.get(x.number)
        done.append(p if p is not None and (p[2] is not None) == j else None)
    del early
    todo = [n for n, p in enumerate(done) if p is None]
    work = parallel.fork_map(
        lambda n: prepare_line(lines[n].data.text, lines[n].data.quote, judged[n], aliases),
        todo,
        parallel.workers(len(todo), FOLD_PARALLEL_FROM),
    )
    for n, p in zip(todo, work, strict=True):
        done[n] = p
    return done  # type: ignore[return-value]


# ---------------------------------------------------------------- placing and writing


def _first_id(session: Session) -> int:
    return (session.scalar(select(func.max(Claim.id))) or 0) + 1


def _real_ids(session: Session, first: int, n: int) -> list[int]:
    """Ids for the ``n`` new claims placed from ``first`` on. SQLite: this command holds
    the write lock (BEGIN IMMEDIATE), so they are free as placed. PostgreSQL: from the
    sequence, in the same order."""
    if n == 0 or session.bind.dialect.name != "postgresql":
        return list(range(first, first + n))
    return list(
        session.execute(
            text("SELECT nextval(pg_get_serial_sequence('claims', 'id')) FROM generate_series(1, :n)"),
            {"n": n},
        ).scalars()
    )


class _Outlets:
    """Outlet ids by name, created on first sight."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[str, tuple[int, str]] = {}
        self.by_name: dict[str, tuple[int, str]] = {}
        self.added = 0

    def __call__(self, name: str) -> tuple[int, str]:
        """(id, canonical name) of the outlet ``name``."""
        hit = self.by_name.get(name)
        if hit is not None:
            return hit
        norm = outlets.name_norm(name)
        if norm not in self.ids:
            outlet, made = outlets.get_or_create(self.session, name)
            self.added += int(made)
            self.ids[norm] = (outlet.id, outlet.name)
        self.by_name[name] = self.ids[norm]
        return self.by_name[name]


def write(
    session: Session,
    lines: Sequence[ClaimLine],
    *,
    merge: bool = True,
    resolve: Callable[[str], int | None] = lambda _key: None,
    progress: Callable[[int], None] | None = None,
    prefold: Prefold | None = None,
) -> Written:
    """Place every claim line (``Replay``) and write the result. ``merge``: a line judged
    the same as a claim joins it (else every judged line is a claim of its own);
    ``resolve``: the stored claim id of a key a line's ``claim`` field names."""
    out = Written()
    outlet = _Outlets(session)
    empty = _empty(session)
    known = stored_keys(session, [x.data.key for x in lines if x.data.key]) if not empty else set()
    aliases = alias_map(session)
    judged = [not x.claim_ref and not (x.data.key and x.data.key in known) for x in lines]
    prepared = _prepared(lines, judged, aliases, prefold)
    first = _first_id(session)
    placed = [
        None if x.data.key and x.data.key in known else _line(x, outlet(x.data.outlet)[1], p, aliases, n)
        for n, (x, p) in enumerate(zip(lines, prepared, strict=True))
    ]
    workers = parallel.workers(len(lines), FOLD_PARALLEL_FROM)
    ahead = [x for x, j in zip(placed, judged, strict=True) if x is not None and j]
    rp = replay.Replay(
        session,
        first,
        merge=merge,
        known=replay.judged_ahead(ahead, workers) if empty and workers > 1 else None,
    )
    rp.preload([p[0] for p, j in zip(prepared, judged, strict=True) if j])
    apps = _place(rp, lines, placed, prepared, outlet, out, resolve, progress)
    out.unchanged += rp.placed.unchanged
    out.outlets = outlet.added
    _store(session, rp, apps, first, out)
    return out


def _place(
    rp: replay.Replay,
    lines: Sequence[ClaimLine],
    placed: Sequence[replay.Line | None],
    prepared: Sequence[tuple],
    outlet: _Outlets,
    out: Written,
    resolve: Callable[[str], int | None],
    progress: Callable[[int], None] | None,
) -> list[tuple[int, ClaimLine, tuple]]:
    """Each line through the replay, in order: (claim id, line, (outlet id, via id,
    hedges)) for every line that adds an appearance."""
    apps = []
    for n, x in enumerate(lines):
        if progress is not None and n and n % 1000 == 0:
            progress(1000)
        oid = outlet(x.data.outlet)[0]
        vid = outlet(x.data.via)[0] if x.data.via else None
        if placed[n] is None:  # its key is stored
            out.unchanged += 1
            continue
        cid = rp.place(placed[n], lambda ref, x=x: _ref(ref, x, out.keys, resolve))
        if cid is None:
            continue
        apps.append((cid, x, (oid, vid, prepared[n][1])))
        if x.data.key:
            out.keys[x.data.key] = cid
    return apps


def _line(x: ClaimLine, outlet_name: str, p: tuple, aliases: Any, index: int) -> replay.Line:
    fp, _hedges, norm, posted, numbers, polarity, sides = p
    if norm is None:  # a line that names its claim: folded only if it makes one
        norm = fold_text(x.data.text, aliases)
        posted = " ".join(tokens_of(norm))
        facts = text_facts(x.data.text)
    else:
        facts = TextFacts(numbers, polarity, frozenset(sides))
    return replay.Line(
        x.data,
        outlet_name,
        fp,
        norm,
        posted.split() if posted else [],
        side_markers(facts.sides),
        opposite_markers(facts.sides),
        facts,
        x.claim_ref,
        index,
    )


def _ref(ref: str, x: ClaimLine, keys: dict[str, int], resolve: Callable[[str], int | None]) -> int | None:
    """The claim a line's ``claim`` field names: a claim placed by an earlier line, else a
    stored one; None for the line's own key (the line makes that claim)."""
    if ref in keys:
        return keys[ref]
    if ref == x.data.key:
        return None
    return resolve(ref)


def _store(session: Session, rp: replay.Replay, apps: list, first: int, out: Written) -> None:
    """Write the claims, appearances, postings and suggested relations the replay made."""
    made = sorted(c for c in rp.states if c >= first)
    ids = _real_ids(session, first, len(made))
    real = dict(zip(made, ids, strict=True))

    def to_real(cid: int) -> int:
        return real.get(cid, cid)

    vs, pairs = rp.check_views()
    detected = _start_detection(vs, pairs)
    try:
        _write_rows(session, rp, apps, real, out)
    except BaseException:
        detected.cancel()
        raise
    rows = [_remap(r, to_real) for r in rp.placed.duplicates]
    rows += [_remap(r, to_real) for part in detected.results() for r in part]
    out.suggestions += relations.add_suggestions(session, rows)
    out.keys = {k: to_real(v) for k, v in out.keys.items()}


def _remap(row: dict, to_real: Callable[[int], int]) -> dict:
    a, b = sorted((to_real(row["a_id"]), to_real(row["b_id"])))
    return {**row, "a_id": a, "b_id": b}


def _start_detection(vs: dict, pairs: list) -> parallel.Started:
    """The detectors on the replay's pairs, begun now: in forked workers (one per core)
    while the rows are written, for many pairs; else when the results are asked for."""
    workers = parallel.workers(len(pairs), DETECT_PARALLEL_FROM)
    shares = [pairs[s] for s in parallel.split(len(pairs), workers * 4)] if workers > 1 else [pairs]
    return parallel.start(lambda k: replay.detect_checks(vs, shares[k]), len(shares), workers)


def _write_rows(session: Session, rp: replay.Replay, apps: list, real: dict[int, int], out: Written) -> None:
    """The new claims with their postings, the appearances, and the stored claims' new
    topics and event dates."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_MB * 1024}")
    claims: dict[int, dict] = {}
    updates: dict[int, dict] = {}
    app_rows = []
    for cid, x, (oid, vid, hedges) in apps:
        d = x.data
        rid = real.get(cid, cid)
        if cid in real and cid not in claims:
            st = rp.states[cid]
            claims[cid] = {
                "id": rid,
                "key": d.key,
                "text": d.text,
                "norm": st.norm,
                "fingerprint": fingerprint(d.text),
                "event_date": d.event_date,
                "topics": list(d.topics),
                "status": "active",
            }
            out.claims += 1
        else:
            row = claims.get(cid) or updates.setdefault(cid, {"topics": [], "event_date": None})
            row["topics"] = list(dict.fromkeys([*row["topics"], *d.topics]))
            row["event_date"] = row["event_date"] or d.event_date
            out.appearances += 1
        app_rows.append(_appearance_row(rid, oid, vid, d, hedges))
    db.insert_rows(conn, Claim.__table__, list(claims.values()))
    db.insert_rows(conn, Appearance.__table__, app_rows)
    post(conn, [(row["id"], rp.states[cid].posted) for cid, row in claims.items()])
    for cid, upd in updates.items():
        claim = session.get(Claim, cid)
        claim.topics = list(dict.fromkeys([*(claim.topics or []), *upd["topics"]]))
        claim.event_date = claim.event_date or upd["event_date"]
    session.flush()


def _appearance_row(claim_id: int, oid: int, vid: int | None, d: ClaimInput, hedges: list[str]) -> dict:
    return {
        "claim_id": claim_id,
        "outlet_id": oid,
        "via_outlet_id": vid,
        "hedges": hedges,
        **appearance_columns(d),
    }
