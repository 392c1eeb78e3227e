"""Writing validated records: outlets, speakers' grades, claims, relations, verdicts.

Claim lines go through ``tracker.claims.bulk``, which places each line as ``claim add``
would (the same judgement pipeline, in file order) and writes the rows in bulk. Keys
given on lines (``claim``, ``contradicts``, ``supports``, ``duplicates``, relation and
verdict lines) are resolved against the file and the database before the first write.
Re-importing a file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import claims, events, outlets, parallel, relations, speakers, verdicts
from tracker.claims import bulk
from tracker.errors import InvalidInput
from tracker.exchange.reading import read_records
from tracker.exchange.validating import LineError, Record, _list, claim_line
from tracker.models import Appearance, Claim


@dataclass
class ImportReport:
    lines: int = 0
    outlets_added: int = 0
    speakers_graded: int = 0
    claims_added: int = 0
    appearances_added: int = 0
    unchanged: int = 0
    relations_added: int = 0
    verdicts_added: int = 0
    suggestions: int = 0
    rejected: int = 0

    @property
    def changed(self) -> bool:
        return any(
            (
                self.outlets_added,
                self.speakers_graded,
                self.claims_added,
                self.appearances_added,
                self.relations_added,
                self.verdicts_added,
            )
        )


def _claim_ref(session: Session, key: str, created: dict[str, int]) -> Claim | None:
    claim = session.get(Claim, created[key]) if key in created else None
    if claim is None:
        claim = session.scalar(select(Claim).where(Claim.key == key))
    if claim is None:
        app = session.scalar(select(Appearance).where(Appearance.key == key))
        claim = app.claim if app is not None else None
    while claim is not None and claim.status == "merged" and claim.merged_into_id:
        claim = session.get(Claim, claim.merged_into_id)
    return claim


def _resolve_reference_keys(session: Session, records: list[Record], src: str) -> None:
    in_file = {r.data["key"] for r in records if r.type == "claim" and r.data.get("key")}

    def known(key: str) -> bool:
        return key in in_file or _claim_ref(session, key, {}) is not None

    for r in records:
        refs: list[tuple[str, str]] = []
        if r.type == "claim":
            if r.data.get("claim"):
                refs.append(("claim", r.data["claim"]))
            for name in ("contradicts", "supports", "duplicates"):
                refs.extend((name, k) for k in _list(r.data, name, src, r.line))
        elif r.type == "relation":
            refs += [("a", r.data["a"]), ("b", r.data["b"])]
        elif r.type == "verdict":
            refs.append(("claim", r.data["claim"]))
        for name, key in refs:
            if not known(key):
                raise LineError(src, r.line, name, f"no claim with key '{key}' in the file or the database.")


def _import_outlets(session: Session, recs: list[dict], report: ImportReport) -> None:
    """Outlet lines: those naming an outlet that is not stored (the first line for each
    name) are added together; the others add what they know to the stored outlet."""
    stored = outlets.known_names(session, [rec["name"] for rec in recs])
    new: dict[str, dict] = {}
    named: set[str] = set()  # names and aliases of the new outlets
    later: list[dict] = []
    for rec in recs:
        norm = outlets.name_norm(rec["name"])
        if norm in stored or norm in named:
            later.append(rec)
        else:
            new[norm] = rec
            named.add(norm)
            named.update(outlets.name_norm(a) for a in _list(rec, "aliases", "", 0))
    outlets.add_many(
        session,
        [
            outlets.OutletInput(
                name=rec["name"],
                aliases=tuple(_list(rec, "aliases", "", 0)),
                kind=rec.get("kind"),
                country=rec.get("country"),
                url=rec.get("url"),
                grade=rec.get("reliability"),
                notes=rec.get("notes"),
            )
            for rec in new.values()
        ],
    )
    report.outlets_added += len(new)
    for rec in later:
        _import_outlet(session, rec, report)


def _import_outlet(session: Session, rec: dict, report: ImportReport) -> None:
    """An outlet line for an outlet that is stored: its new aliases, and the fields the
    stored outlet lacks."""
    outlet = outlets.find(session, rec["name"])
    changed = False
    for alias in _list(rec, "aliases", "", 0):
        if outlets.find(session, alias) is None:
            outlets.add_alias(session, outlet.name, alias)
            changed = True
    for attr, key in (("kind", "kind"), ("country", "country"), ("url", "url"), ("notes", "notes")):
        if rec.get(key) and getattr(outlet, attr) is None:
            setattr(outlet, attr, rec[key])
            changed = True
    if rec.get("reliability") and outlet.grade is None:
        outlets.set_grade(session, outlet.name, rec["reliability"])
        changed = True
    report.unchanged += 0 if changed else 1


DUPLICATE_MODES = ("merge", "suggest")


def check_duplicates_mode(duplicates: str) -> None:
    if duplicates not in DUPLICATE_MODES:
        modes = ", ".join(DUPLICATE_MODES)
        raise InvalidInput(f"--duplicates must be one of {modes}, not '{duplicates}'.")


def import_records(
    session: Session,
    records: list[Record],
    src: str,
    *,
    duplicates: str = "merge",
    progress: Callable[[int], None] | None = None,
    rejects: list[tuple[int, str]] | None = None,
    prefold: bulk.Prefold | None = None,
) -> ImportReport:
    """Write validated records. ``duplicates``: "merge" (a line above the merge threshold
    joins the stored claim as an appearance) or "suggest" (every line is its own claim;
    near-duplicates become suggested duplicate relations). Either way, suggestion-band
    duplicates and contradiction candidates are recorded as suggested relations.
    ``prefold``: the claim lines' preparation begun while the file was read
    (``read_records``)."""
    try:
        return _import_records(session, records, src, duplicates, progress, rejects, prefold)
    finally:
        if prefold is not None:
            prefold.cancel()  # its workers are gone once the results are in; not before


def _import_records(
    session: Session,
    records: list[Record],
    src: str,
    duplicates: str,
    progress: Callable[[int], None] | None,
    rejects: list[tuple[int, str]] | None,
    prefold: bulk.Prefold | None,
) -> ImportReport:
    check_duplicates_mode(duplicates)
    while True:
        try:
            with parallel.no_gc():
                _resolve_reference_keys(session, records, src)
            break
        except LineError as exc:
            if rejects is None:
                raise
            rejects.append((exc.line, str(exc)))
            records = [r for r in records if r.line != exc.line]
    report = ImportReport(lines=len(records))
    # A large file's records stay in memory to the end: a garbage collection would walk
    # them all, again and again, while the outlets and claims are written.
    with parallel.no_gc():
        _import_outlets(session, [r.data for r in records if r.type == "outlet"], report)
        graded = [r.data for r in records if r.type == "speaker"]
        report.speakers_graded += speakers.add_many(
            session, [(rec["name"], rec["reliability"], rec.get("notes")) for rec in graded]
        )
        created = _write_claims(
            session, [r for r in records if r.type == "claim"], report, duplicates, progress, prefold
        )
    _write_links(session, records, created, src, report)
    if report.changed:
        events.record(
            session,
            "import",
            source=src,
            claims=report.claims_added,
            appearances=report.appearances_added,
            outlets=report.outlets_added,
        )
    return report


def _write_links(
    session: Session, records: list[Record], created: dict[str, int], src: str, report: ImportReport
) -> None:
    """Relations and verdicts: those of relation and verdict lines, and those a claim line
    gives by key."""
    for r in records:
        if r.type == "claim":
            _claim_links(session, r, created, src, report)
        elif r.type == "relation":
            a = _claim_ref(session, r.data["a"], created)
            b = _claim_ref(session, r.data["b"], created)
            if a is None or b is None or a.id == b.id:
                continue
            if relations.store(
                session,
                a,
                b,
                r.data["kind"],
                origin=r.data.get("origin") or "analyst",
                state=r.data.get("state") or "confirmed",
                score=r.data.get("score"),
                reasons=_list(r.data, "reasons", src, r.line),
                signals=_list(r.data, "signals", src, r.line),
                note=r.data.get("note"),
            ):
                report.relations_added += 1
        elif r.type == "verdict":
            claim = _claim_ref(session, r.data["claim"], created)
            if claim is not None and verdicts.add_if_new(
                session,
                claim,
                r.data["rating"],
                reviewer=r.data.get("reviewer"),
                evidence_url=r.data.get("evidence"),
                note=r.data.get("note"),
                day=r.data.get("date"),
            ):
                report.verdicts_added += 1


_SHORTHAND = ("verdict", "contradicts", "supports", "duplicates")


def _claim_links(
    session: Session, r: Record, created: dict[str, int], src: str, report: ImportReport
) -> None:
    """A claim line's verdict and its relations given by key."""
    if not any(r.data.get(name) for name in _SHORTHAND):
        return
    claim = (
        _claim_ref(session, r.data["key"], created)
        if r.data.get("key")
        else (claims.find_same_text(session, r.data["text"]))
    )
    if claim is None:
        return
    if r.data.get("verdict"):
        if verdicts.add_if_new(session, claim, r.data["verdict"]):
            report.verdicts_added += 1
    for name, kind in (
        ("contradicts", "contradicts"),
        ("supports", "supports"),
        ("duplicates", "duplicate"),
    ):
        for key in _list(r.data, name, src, r.line):
            other = _claim_ref(session, key, created)
            if (
                other is not None
                and other.id != claim.id
                and relations.store(session, claim, other, kind, origin="analyst", state="confirmed")
            ):
                report.relations_added += 1


def _write_claims(
    session: Session,
    lines: list[Record],
    report: ImportReport,
    duplicates: str,
    progress: Callable[[int], None] | None = None,
    prefold: bulk.Prefold | None = None,
) -> dict[str, int]:
    """Place and write every claim line (``tracker.claims.bulk``). Returns {line key:
    claim id}."""

    def resolve(key: str) -> int | None:
        target = _claim_ref(session, key, {})
        return target.id if target is not None else None

    written = bulk.write(
        session,
        [claim_line(r) for r in lines],
        merge=duplicates == "merge",
        resolve=resolve,
        progress=progress,
        prefold=prefold,
    )
    report.outlets_added += written.outlets
    report.claims_added += written.claims
    report.appearances_added += written.appearances
    report.unchanged += written.unchanged
    report.suggestions += written.suggestions
    return written.keys


def import_file(session: Session, path: Path, **kw: Any) -> ImportReport:
    source = read_records(path, session=session)
    return import_records(session, source.records, path.name, prefold=source.prefold, **kw)
