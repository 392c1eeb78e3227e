"""``tracker calibrate``: precision and recall of the judgement at each content threshold,
on a labelled set, and the threshold that meets a target precision.

A labelled set is a pairs file in the format of the shared evaluation's ``truth.json``
(docs/formats.md, "Labelled pairs") and the interchange file of its claims, each claim line
with a ``key``. For each threshold tried, the claims are imported into an empty database
of their own (a temporary SQLite file) with that ``content`` threshold in force, exactly as
``tracker import`` would import them, and the contradiction report is run; then:

- the pairs *linked as duplicates* are the pairs of keys that end as appearances of one
  claim, or on two claims related as duplicates (any state but dismissed);
- the pairs *flagged as contradictions* are the report's pairs, each spread over the keys
  of its two claims.

Precision and recall are counted against the set's duplicate clusters (every pair of
keys in one cluster) and its contradiction pairs, as ``../shared/eval/score.py`` counts
them. The proposed threshold is the lowest one whose duplicate precision meets the
target (the most recall that precision allows); when none does, the most precise one.
No output: the command renders the result.
"""

from __future__ import annotations

import itertools
import json
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import InvalidInput

CONTENT_STEPS = (30.0, 35.0, 40.0, 45.0, 50.0, 55.0, 60.0, 65.0, 70.0)
"""The content thresholds tried when none are given."""

FIELDS = ("duplicates", "contradictions", "hard_negatives")
"""The lists of a pairs file that calibration reads (others, such as ``unverified``, are
allowed and left alone)."""


@dataclass(frozen=True)
class Labels:
    duplicates: frozenset[frozenset[str]]  # every pair of keys of one cluster
    contradictions: frozenset[frozenset[str]]
    hard_negatives: frozenset[frozenset[str]]


@dataclass(frozen=True)
class Row:
    """The figures at one threshold."""

    content: float
    dup_found: int
    dup_right: int
    dup_true: int
    con_flagged: int
    con_right: int
    con_found: int
    con_true: int
    hard_negatives_flagged: int

    @property
    def dup_precision(self) -> float | None:
        return _ratio(self.dup_right, self.dup_found)

    @property
    def dup_recall(self) -> float | None:
        return _ratio(self.dup_right, self.dup_true)

    @property
    def con_precision(self) -> float | None:
        return _ratio(self.con_right, self.con_flagged)

    @property
    def con_recall(self) -> float | None:
        return _ratio(self.con_found, self.con_true)


@dataclass(frozen=True)
class Calibration:
    rows: list[Row]
    target: float
    proposed: Row
    meets_target: bool


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


# --------------------------------------------------------------------- the pairs file


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _entries(text: str, name: str) -> Iterator[tuple[int, object]]:
    """(line, value) of each entry of the top-level list ``name`` of a JSON object."""
    m = re.search(rf'"{re.escape(name)}"\s*:\s*\[', text)
    if m is None:
        return
    decoder = json.JSONDecoder()
    i = m.end()
    while True:
        while i < len(text) and text[i] in " \t\r\n,":
            i += 1
        if i >= len(text) or text[i] == "]":
            return
        value, end = decoder.raw_decode(text, i)
        yield _line(text, i), value
        i = end


def read_labels(path: Path, keys: set[str]) -> Labels:
    """The labelled pairs of ``path``, every key checked against the claims' ``keys``;
    InvalidInput naming the line and the field of the first entry that is not valid."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"No pairs file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Cannot read the pairs file {path}: {exc}.") from None
    try:
        top = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg}).") from None
    if not isinstance(top, dict):
        raise InvalidInput(f"{path}, line 1: expected a JSON object with {', '.join(FIELDS)}.")
    if not isinstance(top.get("duplicates"), list):
        raise InvalidInput(
            f"{path}, line 1, field 'duplicates': a list of clusters of claim keys is required."
        )
    found: dict[str, set[frozenset[str]]] = {f: set() for f in FIELDS}
    for name in FIELDS:
        if name in top and not isinstance(top[name], list):
            raise InvalidInput(f"{path}, field {name!r}: expected a list.")
        for line, entry in _entries(text, name):
            where = f"{path}, line {line}, field {name!r}"
            if (
                not isinstance(entry, list)
                or len(entry) < 2
                or not all(isinstance(k, str) for k in entry[:2])
            ):
                raise InvalidInput(f"{where}: each entry must be a list of at least two claim keys.")
            group = entry if name == "duplicates" else entry[:2]
            if name == "duplicates" and not all(isinstance(k, str) for k in group):
                raise InvalidInput(f"{where}: a duplicate cluster holds claim keys only.")
            unknown = [k for k in group if k not in keys]
            if unknown:
                raise InvalidInput(f"{where}: no claim line has the key {unknown[0]!r}.")
            found[name] |= {frozenset(p) for p in itertools.combinations(sorted(set(group)), 2)}
    return Labels(
        frozenset(_closure(found["duplicates"])),
        frozenset(found["contradictions"]),
        frozenset(found["hard_negatives"]),
    )


def _closure(pairs: set[frozenset[str]]) -> set[frozenset[str]]:
    """Every pair of keys in one connected cluster (clusters are closed)."""
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for p in pairs:
        a, b = sorted(p)
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for k in parent:
        groups.setdefault(root(k), []).append(k)
    return {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def claim_keys(path: Path) -> set[str]:
    """The ``key`` of every claim line of an interchange file (read as ``import`` reads it)."""
    from tracker.exchange import read_records

    return {r.data["key"] for r in read_records(path).records if r.type == "claim" and r.data.get("key")}


# --------------------------------------------------------------------- one run


def _run(claims: Path, content: float) -> tuple[set[frozenset[str]], list[set[frozenset[str]]]]:
    """(pairs linked as duplicates, the key pairs of each flagged contradiction) of the
    claims imported with this content threshold into an empty database."""
    from tracker import db, exchange
    from tracker.judgement.report import contradiction_report
    from tracker.matching.settings import overridden

    with tempfile.TemporaryDirectory(prefix="tracker-calibrate-") as tmp, overridden(content=content):
        engine = db.open_database(str(Path(tmp) / "calibrate.db"))
        try:
            with db.session_scope(engine) as s:
                exchange.import_file(s, claims)
                items = contradiction_report(s)
                keys = _keys_by_claim(s)
                linked = _linked(s, keys)
                flagged = [
                    {
                        frozenset((x, y))
                        for x in keys.get(it.a.id, ())
                        for y in keys.get(it.b.id, ())
                        if x != y
                    }
                    for it in items
                ]
                s.rollback()
        finally:
            engine.dispose()
    return linked, flagged


def _keys_by_claim(session) -> dict[int, set[str]]:
    from sqlalchemy import select

    from tracker.models import Appearance

    out: dict[int, set[str]] = {}
    for cid, key in session.execute(select(Appearance.claim_id, Appearance.key)):
        if key:
            out.setdefault(cid, set()).add(key)
    return out


def _linked(session, keys: dict[int, set[str]]) -> set[frozenset[str]]:
    from sqlalchemy import select

    from tracker.models import Relation

    found = {frozenset(p) for ks in keys.values() for p in itertools.combinations(sorted(ks), 2)}
    rows = session.execute(
        select(Relation.a_id, Relation.b_id).where(
            Relation.kind == "duplicate", Relation.state != "dismissed"
        )
    )
    for a, b in rows:
        found |= {frozenset((x, y)) for x in keys.get(a, ()) for y in keys.get(b, ()) if x != y}
    return found


def _row(content: float, labels: Labels, linked: set, flagged: list[set]) -> Row:
    covered = set().union(*flagged) if flagged else set()
    return Row(
        content=content,
        dup_found=len(linked),
        dup_right=len(linked & labels.duplicates),
        dup_true=len(labels.duplicates),
        con_flagged=len(flagged),
        con_right=sum(1 for f in flagged if f & labels.contradictions),
        con_found=len(labels.contradictions & covered),
        con_true=len(labels.contradictions),
        hard_negatives_flagged=len(labels.hard_negatives & covered),
    )


def calibrate(
    pairs: Path, claims: Path, *, target: float = 0.8, steps: Sequence[float] = CONTENT_STEPS
) -> Calibration:
    """The figures at each content threshold of ``steps`` and the one proposed for
    ``target`` duplicate precision."""
    if not 0 < target <= 1:
        raise InvalidInput(f"The target precision must be above 0 and at most 1, not {target:g}.")
    if not claims.exists():
        raise InvalidInput(f"No claims file {claims}: name it with --claims.")
    labels = read_labels(pairs, claim_keys(claims))
    rows = [_row(t, labels, *_run(claims, t)) for t in sorted(set(steps))]
    meeting = [r for r in rows if r.dup_precision is not None and r.dup_precision >= target]
    if meeting:
        return Calibration(rows, target, min(meeting, key=lambda r: r.content), True)
    best = max(rows, key=lambda r: (r.dup_precision or 0.0, r.dup_recall or 0.0))
    return Calibration(rows, target, best, False)
