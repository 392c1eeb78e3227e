"""The pipeline over the claim lines of an import, in file order: each line is judged
against the stored claims and the claims the lines before it made, exactly as adding the
lines one by one with ``claim add --yes`` would judge it (``single.plan_add``).

The rule for a line, in order:
1. a line whose key is stored, or a keyless line whose words, outlet and date are stored
   already, changes nothing (re-importing a file changes nothing);
2. a line that names its ``claim`` becomes an appearance of it;
3. otherwise the line is judged: an exact repeat (same words up to case and spacing; the
   oldest such claim) or, failing that, the best member of its pool judged "same" is the
   claim it joins (``merge`` mode), or the first of its duplicate suggestions (``suggest``
   mode, where every judged line is a claim of its own);
4. a line that makes a claim has every other member judged "same" or "suggest" as a
   suggested duplicate, and the detectors run on the rest of its pool with each member as
   it stood when the line came: its appearances so far, its event date so far.

The replay decides and records; ``tracker.claims.bulk`` writes. New claims get ids above
every stored one in the order they are made (``first_id`` + n), which the database
assigns in the same order, so ties broken by id fall the same way. Read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import contradictions as det
from tracker import parallel
from tracker.claims.inputs import ClaimInput
from tracker.db import chunks
from tracker.judgement import pair
from tracker.judgement.facts import text_facts
from tracker.judgement.views import AppearanceFacts, make_view, stored
from tracker.matching.form import same_text_form
from tracker.matching.index import AllHolders, Overlay, StoredHolders
from tracker.matching.pool import pool
from tracker.matching.similarity import Judgement, TextFacts
from tracker.models import Appearance, Claim, Outlet


@dataclass
class Line:
    """One claim line as the replay reads it: its matching form, posted tokens, the side
    markers it posts and those of the opposite sides (``facts``), and ``TextFacts``."""

    data: ClaimInput
    outlet: str  # the outlet's canonical name
    fingerprint: str
    norm: str
    tokens: Sequence[str]
    markers: Sequence[str]
    partners: Sequence[str]
    facts: TextFacts
    claim_ref: str | None = None  # the line's "claim" field
    index: int = -1  # the line's place among the import's claim lines


@dataclass
class State:
    """A claim the replay has touched: its text and facts, its appearances in order (each
    with the event date its line gave), and whether it is stored."""

    text: str
    norm: str
    facts: TextFacts
    event_date: str | None  # stored (None for a claim the replay makes)
    stored_apps: list[AppearanceFacts] = field(default_factory=list)
    verdict: str | None = None
    topics: tuple[str, ...] = ()  # stored
    new_apps: list[tuple[AppearanceFacts, str | None, tuple[str, ...]]] = field(default_factory=list)
    side: pair.Side | None = None
    line: int = -1  # for a claim the replay makes: the index of the line that made it
    posted: str = ""  # for a claim the replay makes: its posted form

    def view(self, cid: int, k: int) -> det.ClaimView:
        """The claim as it stood with its first ``k`` new appearances (each line brings its
        appearance, its topics, and its event date where the claim had none)."""
        apps = self.new_apps[:k]
        event_date = self.event_date
        topics = list(self.topics)
        for _, ed, tp in apps:
            event_date = event_date or ed
            topics.extend(tp)
        appearances = [*self.stored_apps, *(a for a, _, _ in apps)]
        return make_view(cid, self.text, event_date, dict.fromkeys(topics), appearances, self.verdict)


@dataclass
class Placed:
    """What the lines placed so far bring besides their claims and appearances:
    ``duplicates`` the suggested duplicate rows, ``checks`` the pairs for the detectors
    as (member id, how many new appearances the member had then, new claim id), and how
    many lines changed nothing."""

    duplicates: list[dict] = field(default_factory=list)
    checks: list[tuple[int, int, int]] = field(default_factory=list)
    unchanged: int = 0


class Replay:
    """Place the claim lines of one import, in order (see the module docstring)."""

    def __init__(
        self, session: Session, first_id: int, *, merge: bool, known: dict[int, tuple] | None = None
    ) -> None:
        self.session = session
        self.merge = merge
        self.known = known or {}
        self.holders = Overlay(StoredHolders(session))
        self.next_id = first_id
        self.states: dict[int, State] = {}
        self.by_fp: dict[str, list[int]] = {}
        self.seen: set[tuple[int, str, str | None]] = set()
        self.placed = Placed()

    # ---------------------------------------------------------------- stored claims

    def preload(self, fingerprints: Sequence[str]) -> None:
        """Stored active claims with these fingerprints (exact repeats), and the (claim,
        outlet, date) of their appearances (lines imported before)."""
        fps = sorted(set(fingerprints))
        if self.holders.stored.empty or not fps:
            return
        for chunk in chunks(fps):
            for cid, fp in self.session.execute(
                select(Claim.id, Claim.fingerprint).where(
                    Claim.fingerprint.in_(chunk), Claim.status == "active"
                )
            ):
                self.by_fp.setdefault(fp, []).append(cid)
        ids = sorted(c for group in self.by_fp.values() for c in group)
        for group in self.by_fp.values():
            group.sort()
        self._load(ids)
        for chunk in chunks(ids):
            for cid, name, pub in self.session.execute(
                select(Appearance.claim_id, Outlet.name, Appearance.published)
                .join(Outlet, Outlet.id == Appearance.outlet_id)
                .where(Appearance.claim_id.in_(chunk))
            ):
                self.seen.add((cid, name, pub))

    def _load(self, ids: Sequence[int]) -> None:
        """The states of stored claims not loaded yet."""
        todo = [c for c in ids if c not in self.states]
        if not todo:
            return
        norms = {}
        for chunk in chunks(todo):
            norms.update(
                (cid, n)
                for cid, n in self.session.execute(select(Claim.id, Claim.norm).where(Claim.id.in_(chunk)))
            )
        for cid, (text, event_date, topics, apps, verdict) in stored(self.session, todo).items():
            self.states[cid] = State(
                text, norms[cid], text_facts(text), event_date, list(apps), verdict, tuple(topics)
            )

    # ---------------------------------------------------------------- one line

    def same_words(self, line: Line) -> list[int]:
        """The active claims (stored, or made by an earlier line) with the line's words,
        oldest first."""
        form = same_text_form(line.data.text)
        return [
            c for c in self.by_fp.get(line.fingerprint, ()) if same_text_form(self.states[c].text) == form
        ]

    def place(self, line: Line, resolve: Callable[[str], int | None]) -> int | None:
        """Place one line; returns the claim it is an appearance of (new or not), or None
        when it changes nothing. ``resolve``: claim id of a ``claim`` reference."""
        data = line.data
        repeats = self.same_words(line)
        if not data.key and any((c, line.outlet, data.published) in self.seen for c in repeats):
            self.placed.unchanged += 1
            return None
        if line.claim_ref:
            into = resolve(line.claim_ref)
            return self._join(into, line) if into is not None else self._make(line)
        exact = repeats[0] if repeats else None
        self.holders.prefetch([*line.tokens, *line.partners])
        members = [c for c in pool(line.tokens, self.holders, line.partners) if c != exact]
        self._load([c for c in members if c not in self.states])
        found = self._duplicates(line, members)
        same = exact if exact is not None else (m.id if (m := pair.best_same(found)) else None)
        if self.merge and same is not None:
            return self._join(same, line)
        cid = self._make(line)
        suggested = ([(same, _SAME_WORDS)] if exact is not None else []) + [
            (m.id, j) for m, j in found if j.kind in ("same", "suggest")
        ]
        for other, j in suggested:
            self.placed.duplicates.append(pair.duplicate_row(cid, other, j))
        for other in members:
            if other != same:
                self.placed.checks.append((other, len(self.states[other].new_apps), cid))
        return cid

    def _duplicates(self, line: Line, members: list[int]) -> list[tuple[pair.Side, Judgement]]:
        """``pair.duplicates`` of the line against the pool members, taking the string
        judgements worked out ahead (``known``, keyed by line) for members made by lines it
        holds; the content route is judged here, its weights being the holder counts as
        they stand when the line comes."""
        looked, judged, seen = self.known.get(line.index, ((), {}, frozenset()))
        todo, found, string_judged = [], [], set()
        for c in members:
            made_by = self.states[c].line
            if made_by in looked:
                j = judged.get(made_by)
                if j is not None:
                    found.append((self._side(c), j))
                if made_by in seen:
                    string_judged.add(c)
            else:
                todo.append(self._side(c))
        new = pair.side(0, line.data.text, line.norm, line.facts)
        if todo:
            more, judged_now = pair.string_duplicates(new, todo)
            found += more
            string_judged |= judged_now
        rest = [self._side(c) for c in members if c not in string_judged]
        if rest:
            found += pair.content_duplicates(new, rest, pair.weigh(self.holders, new))
        found.sort(key=lambda e: (pair.RANK[e[1].kind], -e[1].score, e[0].id))
        return found

    def _side(self, cid: int) -> pair.Side:
        st = self.states[cid]
        if st.side is None:
            st.side = pair.side(cid, st.text, st.norm, st.facts)
        return st.side

    def _app(self, line: Line) -> tuple[AppearanceFacts, str | None, tuple[str, ...]]:
        d = line.data
        return (d.published, d.stance, d.speaker, line.outlet), d.event_date, tuple(d.topics)

    def _join(self, cid: int, line: Line) -> int:
        if cid not in self.states:
            self._load([cid])
        st = self.states[cid]
        st.new_apps.append(self._app(line))
        self.seen.add((cid, line.outlet, line.data.published))
        return cid

    def _make(self, line: Line) -> int:
        cid = self.next_id
        self.next_id += 1
        posted = " ".join([*line.tokens, *line.markers])
        st = State(line.data.text, line.norm, line.facts, None, line=line.index, posted=posted)
        st.new_apps.append(self._app(line))
        self.states[cid] = st
        self.by_fp.setdefault(line.fingerprint, []).append(cid)
        self.holders.add(cid, [*line.tokens, *line.markers])
        self.seen.add((cid, line.outlet, line.data.published))
        return cid

    # ---------------------------------------------------------------- the detectors' work

    def check_views(self) -> tuple[dict[tuple[int, int], tuple[pair.Side, det.ClaimView]], list]:
        """What the detectors need of each claim (its ``Side`` and its view as it stood),
        keyed (claim id, new appearances then), and the pairs as (member key, new claim
        key), the member (the older claim) first."""
        vs: dict[tuple[int, int], tuple[pair.Side, det.ClaimView]] = {}
        pairs = []
        for member, k, new in self.placed.checks:
            mk, nk = (member, k), (new, 1)
            for key in (mk, nk):
                if key not in vs:
                    vs[key] = (self._side(key[0]), self.states[key[0]].view(key[0], key[1]))
            pairs.append((mk, nk))
        return vs, pairs


_SAME_WORDS = Judgement("same", 100.0, ("same words",), ("duplicate",))


def judged_ahead(lines: Sequence[Line], workers: int) -> dict[int, tuple]:
    """The string duplicate judgements of each line against the pool it would have if every
    line before it made a claim, worked out in forked workers before the replay: {line
    index: (the indexes of the lines in that pool, {index: judgement} of those judged
    "same" or "suggest", the indexes the string judgement looked at)}. A string judgement
    depends on the two texts only, so the replay takes it for any
    pool member made by one of those lines; merges change some pools, and the members
    this does not cover are judged as the replay goes."""
    holders = AllHolders((x.index, " ".join([*x.tokens, *x.markers])) for x in lines)
    by_index = {x.index: x for x in lines}
    sides = {x.index: pair.side(x.index, x.data.text, x.norm, x.facts) for x in lines}
    order = [x.index for x in lines]

    def work(share: Sequence[int]) -> list[tuple[int, tuple]]:
        out = []
        for n in share:
            x = by_index[n]
            members = pool(x.tokens, holders.before(n), x.partners)
            found, seen = pair.string_duplicates(sides[n], [sides[m] for m in members])
            out.append((n, (frozenset(members), {m.id: j for m, j in found}, frozenset(seen))))
        return out

    shares = [order[s] for s in parallel.split(len(order), workers * 8)]
    return dict(
        item for part in parallel.run(lambda k: work(shares[k]), len(shares), workers) for item in part
    )


def detect_checks(
    vs: dict[tuple[int, int], tuple[pair.Side, det.ClaimView]],
    pairs: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> list[dict]:
    """Contradiction rows of the replay's detector pairs."""
    rows = []
    for mk, nk in pairs:
        side, view = vs[nk]
        for other, signals in pair.contradictions(side, view, [vs[mk]]):
            rows.append(pair.contradiction_row(other, nk[0], signals))
    return rows
