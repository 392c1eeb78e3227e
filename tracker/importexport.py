"""Import and export in the interchange format (SPEC §7).

Owns reading and writing files: JSON Lines now (CSV and ClaimReview build on the same
records). Import validates every line before it writes anything; a bad line is named by
file, line number and field, and nothing is written. Re-importing a file changes nothing.
Calls ``tracker.claims`` and ``tracker.outlets`` for every write; never the CLI.

Beyond the claim and outlet lines of the spec, export writes ``relation`` and ``verdict``
lines and a ``claim`` field on the second and later appearances of a claim, so that an
export imported into an empty database exports again to the same file
(docs/formats.md).
"""

from __future__ import annotations

import io
import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker import claims, events, outlets
from tracker.claims import bulk
from tracker.errors import InvalidInput
from tracker.models import (
    GRADES,
    RATINGS,
    RELATION_KINDS,
    RELATION_STATES,
    Appearance,
    Claim,
    Outlet,
    Relation,
    Speaker,
    Verdict,
)

LINE_TYPES = ("claim", "outlet", "speaker", "relation", "verdict")
# Import validates every line before writing, so the whole file is held in memory.
# Larger files are refused with advice; TRACKER_MAX_IMPORT_MB raises the limit.
DEFAULT_MAX_IMPORT_MB = 40


def max_file_bytes() -> int:
    import os

    raw = os.environ.get("TRACKER_MAX_IMPORT_MB", "")
    try:
        return int(float(raw) * 1024 * 1024) if raw else DEFAULT_MAX_IMPORT_MB * 1024 * 1024
    except ValueError as exc:
        raise InvalidInput(f"TRACKER_MAX_IMPORT_MB='{raw}' is not a number of megabytes.") from exc


CLAIM_FIELDS = {
    "type",
    "key",
    "claim",
    "text",
    "outlet",
    "published",
    "url",
    "speaker",
    "speaker_role",
    "anonymous",
    "speaker_count",
    "via",
    "quote",
    "stance",
    "topics",
    "event_date",
    "verdict",
    "contradicts",
    "supports",
    "duplicates",
}
OUTLET_FIELDS = {"type", "name", "aliases", "kind", "country", "url", "reliability", "notes"}
SPEAKER_FIELDS = {"type", "name", "reliability", "notes"}
RELATION_FIELDS = {"type", "a", "b", "kind", "state", "origin", "score", "reasons", "signals", "note"}
VERDICT_FIELDS = {"type", "claim", "rating", "reviewer", "evidence", "note", "date"}


class LineError(InvalidInput):
    def __init__(self, source: str, line: int, field: str | None, message: str):
        where = f"{source}, line {line}" + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")
        self.line = line
        self.field = field


@dataclass
class Record:
    line: int
    type: str
    data: dict[str, Any]
    claim: claims.ClaimInput | None = None


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


# ---------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from exc
    limit = max_file_bytes()
    if size > limit:
        raise InvalidInput(
            f"{path.name} is {size / 1048576:.0f} MB, over the import limit of {limit / 1048576:.0f} MB: "
            "split it into smaller files, or raise TRACKER_MAX_IMPORT_MB."
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:  # a folder, no permission
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from exc
    kind = _not_text(raw, path)
    if kind:
        raise InvalidInput(f"{path.name} is {kind}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            f"{path}, line {line}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8."
        ) from exc
    return text


_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


def _not_text(raw: bytes, path: Path) -> str | None:
    """What a file that is no text file is, with what to do, to end "NAME is …"; None for
    text (or what may be text: undecodable bytes are reported with their line)."""
    suffix = path.suffix.lower()
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # ZIP (xlsx, docx, odt), old Office
        if suffix in _SPREADSHEETS:
            return "a spreadsheet workbook, not a text file: save the sheet as CSV (UTF-8) first."
        if suffix in (".docx", ".doc", ".odt", ".rtf"):
            return "a word-processor document, not a text file: save it as plain text or HTML first."
        return "a ZIP archive or Office document, not a text file: extract or save it as text first."
    if raw.startswith(b"%PDF"):
        return "a PDF, not a text file: copy its text into a .txt file first."
    if raw.startswith(b"\x1f\x8b"):
        return "gzip-compressed: decompress it first (gunzip)."
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text: convert it first, e.g. iconv -f utf-16 -t utf-8."
    if b"\x00" in raw[:4096]:
        return (
            "not a text file (it holds NUL bytes: a binary file, or UTF-16 text without a byte-order mark)."
        )
    return None


def _str(rec: dict, name: str, src: str, line: int, required: bool = False) -> str | None:
    value = rec.get(name)
    if value is None:
        if required:
            raise LineError(src, line, name, "is required.")
        return None
    if not isinstance(value, str):
        raise LineError(src, line, name, f"must be a string, not {type(value).__name__}.")
    return value


def _list(rec: dict, name: str, src: str, line: int) -> list[str]:
    value = rec.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LineError(src, line, name, "must be a list of strings.")
    return value


def _check(fn: Callable[[], Any], src: str, line: int, name: str) -> Any:
    try:
        return fn()
    except InvalidInput as exc:
        raise LineError(src, line, name, str(exc)) from exc


# Optional fields of a claim line that must be strings, and lists of strings.
_CLAIM_STRINGS = (
    "published",
    "event_date",
    "stance",
    "verdict",
    "key",
    "claim",
    "url",
    "speaker",
    "speaker_role",
    "via",
    "quote",
)
_CLAIM_LISTS = ("contradicts", "supports", "duplicates")


def parse_claim(rec: dict, src: str, line: int) -> claims.ClaimInput:
    anonymous = rec.get("anonymous", False)
    if not isinstance(anonymous, bool):
        raise LineError(src, line, "anonymous", "must be true or false.")
    count = rec.get("speaker_count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
        raise LineError(src, line, "speaker_count", "must be a positive whole number.")
    text = _str(rec, "text", src, line, required=True)
    outlet = _str(rec, "outlet", src, line, required=True)
    if not outlet.strip():
        raise LineError(src, line, "outlet", "is empty.")
    for name in _CLAIM_STRINGS:
        if name in rec:
            _str(rec, name, src, line)
    rating = rec.get("verdict")
    if rating is not None and rating not in RATINGS:
        raise LineError(src, line, "verdict", f"must be one of {', '.join(RATINGS)}.")
    for name in _CLAIM_LISTS:
        if name in rec:
            _list(rec, name, src, line)
    data = claims.ClaimInput(
        text=text,
        outlet=outlet,
        published=rec.get("published"),
        url=rec.get("url"),
        speaker=rec.get("speaker"),
        speaker_role=rec.get("speaker_role"),
        anonymous=anonymous,
        speaker_count=count,
        via=rec.get("via"),
        quote=rec.get("quote"),
        stance=rec.get("stance") or "asserts",
        topics=tuple(_list(rec, "topics", src, line)),
        event_date=rec.get("event_date"),
        key=rec.get("key"),
    )
    try:
        return data.checked()  # the values themselves: text, dates, stance
    except InvalidInput as exc:
        raise LineError(src, line, getattr(exc, "field", "text"), str(exc)) from exc


def parse_outlet(rec: dict, src: str, line: int) -> None:
    name = _str(rec, "name", src, line, required=True)
    if not outlets.name_norm(name):
        raise LineError(src, line, "name", "is empty.")
    _list(rec, "aliases", src, line)
    for f in ("kind", "country", "url", "notes"):
        _str(rec, f, src, line)
    _reliability(rec, src, line)


def _reliability(rec: dict, src: str, line: int, required: bool = False) -> None:
    """The Admiralty grade of an outlet or speaker line, A-F."""
    grade = _str(rec, "reliability", src, line, required=required)
    if grade is not None and grade.strip().upper() not in GRADES:
        raise LineError(src, line, "reliability", "must be one of A, B, C, D, E, F.")


def parse_speaker(rec: dict, src: str, line: int) -> None:
    from tracker import speakers

    name = _str(rec, "name", src, line, required=True)
    _check(lambda: speakers.speaker_name(name), src, line, "name")
    _reliability(rec, src, line, required=True)
    _str(rec, "notes", src, line)


def parse_relation(rec: dict, src: str, line: int) -> None:
    for f in ("a", "b"):
        _str(rec, f, src, line, required=True)
    kind = _str(rec, "kind", src, line, required=True)
    if kind not in RELATION_KINDS:
        raise LineError(src, line, "kind", f"must be one of {', '.join(RELATION_KINDS)}.")
    state = _str(rec, "state", src, line)
    if state is not None and state not in RELATION_STATES:
        raise LineError(src, line, "state", f"must be one of {', '.join(RELATION_STATES)}.")
    score = rec.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
        raise LineError(src, line, "score", "must be a number.")
    _list(rec, "reasons", src, line)
    _list(rec, "signals", src, line)
    if rec["a"] == rec["b"]:
        raise LineError(src, line, "b", "a relation needs two different claims.")


def parse_verdict(rec: dict, src: str, line: int) -> None:
    _str(rec, "claim", src, line, required=True)
    rating = _str(rec, "rating", src, line, required=True)
    if rating not in RATINGS:
        raise LineError(src, line, "rating", f"must be one of {', '.join(RATINGS)}.")
    _check(lambda: claims.check_date(_str(rec, "date", src, line)), src, line, "date")


def parse_records(
    rows: Iterable[tuple[int, dict | str]],
    src: str,
    rejects: list[tuple[int, str]] | None = None,
    on_record: Callable[[Record], None] | None = None,
) -> list[Record]:
    """Validate every record. ``rows`` yields (line number, parsed object or an error text
    for a line that did not parse). The first bad record raises LineError, unless
    ``rejects`` is given: then bad records are left out and listed there as
    (line number, message). ``on_record`` is called with each valid record."""
    records: list[Record] = []
    for line, rec in rows:
        try:
            records.append(_parse_one(line, rec, src))
        except LineError as exc:
            if rejects is None:
                raise
            rejects.append((line, str(exc)))
            continue
        if on_record is not None:
            on_record(records[-1])
    if rejects is None:
        _check_references(records, src)
        return records
    while True:  # a left-out line can leave another line's reference dangling
        try:
            _check_references(records, src)
            return records
        except LineError as exc:
            rejects.append((exc.line, str(exc)))
            records = [r for r in records if r.line != exc.line]


_ALLOWED = {
    "claim": CLAIM_FIELDS,
    "outlet": OUTLET_FIELDS,
    "speaker": SPEAKER_FIELDS,
    "relation": RELATION_FIELDS,
    "verdict": VERDICT_FIELDS,
}


def _parse_one(line: int, rec: dict | str, src: str) -> Record:
    if isinstance(rec, str):
        raise LineError(src, line, None, rec)
    kind = rec.get("type", "claim")
    if kind not in LINE_TYPES:
        raise LineError(src, line, "type", f"must be one of {', '.join(LINE_TYPES)}.")
    unknown = sorted(set(rec) - _ALLOWED[kind])
    if unknown:
        from tracker.formats import field_hint

        hint = field_hint(unknown[0], _ALLOWED[kind])
        raise LineError(
            src,
            line,
            unknown[0],
            f"is not a field of {'an' if kind == 'outlet' else 'a'} {kind} line"
            + (f"; did you mean '{hint}'?" if hint else "."),
        )
    record = Record(line, kind, rec)
    if kind == "claim":
        record.claim = parse_claim(rec, src, line)
    elif kind == "outlet":
        parse_outlet(rec, src, line)
    elif kind == "speaker":
        parse_speaker(rec, src, line)
    elif kind == "relation":
        parse_relation(rec, src, line)
    else:
        parse_verdict(rec, src, line)
    return record


def _check_references(records: list[Record], src: str) -> None:
    seen: dict[str, int] = {}
    for r in records:
        if r.type != "claim":
            continue
        key = r.data.get("key")
        if key and key in seen:
            raise LineError(src, r.line, "key", f"'{key}' is already used on line {seen[key]}.")
        if key:
            seen[key] = r.line
    # References to keys neither in the file nor stored are checked against the database
    # at write time (before the first write) by ``_resolve_reference_keys``.


def jsonl_lines(text: str) -> list[str]:
    """The lines of a JSON Lines text: ended by "\n" (or "\r\n") only. ``str.splitlines``
    also breaks at U+2028, U+2029 and U+0085, which JSON allows raw inside a string (an
    export writes them so), and would cut such a line in two."""
    lines = text.split("\n")
    if "\r" in text:
        lines = [line.removesuffix("\r") for line in lines]
    return lines


def jsonl_rows(text: str) -> Iterator[tuple[int, dict | str]]:
    for number, line in enumerate(jsonl_lines(text), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            if exc.msg.startswith("Invalid control character"):
                bad = line[exc.pos] if exc.pos < len(line) else "?"
                yield (
                    number,
                    (
                        f"contains a raw control character (U+{ord(bad):04X}) at column {exc.colno}; "
                        "remove it or write it as a JSON escape."
                    ),
                )
            else:
                # json's own wording can end in "at" ("Unterminated string starting at")
                yield number, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})."
            continue
        if not isinstance(obj, dict):
            yield number, "each line must be a JSON object."
            continue
        yield number, obj


# ---------------------------------------------------------------- writing


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
    from tracker import parallel, relations, speakers, verdicts

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
    shorthand = ("verdict", "contradicts", "supports", "duplicates")
    for r in records:
        if r.type == "claim":
            if not any(r.data.get(name) for name in shorthand):
                continue
            claim = (
                _claim_ref(session, r.data["key"], created)
                if r.data.get("key")
                else (claims.find_same_text(session, r.data["text"]))
            )
            if claim is None:
                continue
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
        [_claim_line(r) for r in lines],
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


def _claim_line(r: Record) -> bulk.ClaimLine:
    return bulk.ClaimLine(r.line, r.claim, r.data.get("claim") or None)


@dataclass
class Source:
    """A file read for import: its records, and what was left out (``--skip-invalid``)."""

    path: Path
    records: list[Record]
    rejects: list[tuple[int, str]] = field(default_factory=list)
    text: str = ""  # kept for the rejects file only (--skip-invalid)
    csv: bool = False
    prefold: bulk.Prefold | None = None


def read_records(path: Path, *, skip_invalid: bool = False, session: Session | None = None) -> Source:
    """Every record of a JSON Lines or CSV file, validated; the first bad one raises,
    unless ``skip_invalid``. With the ``session`` that will import them, the claim
    lines of a large file are prepared in forked workers while the file is read
    (``Source.prefold``, for ``import_records``)."""
    from tracker import parallel

    text = read_text(path)
    prefold = None
    if session is not None:
        workers = parallel.workers(text.count("\n") + 1, bulk.FOLD_PARALLEL_FROM)
        if workers > 1:
            prefold = bulk.Prefold(session, workers)
    try:
        return _read_records(path, text, skip_invalid, prefold)
    except BaseException:
        if prefold is not None:
            prefold.cancel()
        raise


def _read_records(path: Path, text: str, skip_invalid: bool, prefold: bulk.Prefold | None) -> Source:
    from tracker import formats, parallel

    src = path.name
    rejects: list[tuple[int, str]] | None = [] if skip_invalid else None
    is_csv = formats.looks_like_csv(path.name, text[:4096])
    if is_csv:
        try:
            rows = [_no_controls(n, r, text) for n, r in formats.csv_rows(text)]
        except InvalidInput as exc:
            raise InvalidInput(f"{src}: {exc}") from exc
    else:
        if text.lstrip()[:1] == "[":
            raise InvalidInput(_json_array_message(src, text[:4096]))
        rows = jsonl_rows(text)
    with parallel.no_gc():  # a million records are a million new objects that all stay
        records = parse_records(rows, src, rejects, _feeder(prefold))
    # The file's text is let go unless the rejects file may need it: it is as big as the
    # file (up to four times, in memory), and the import that follows holds everything else.
    return Source(path, records, rejects or [], text if skip_invalid else "", is_csv, prefold)


def _feeder(prefold: bulk.Prefold | None) -> Callable[[Record], None] | None:
    """What hands each checked claim line to the prefold workers, if there are any."""
    if prefold is None:
        return None

    def feed(r: Record) -> None:
        if r.type == "claim":
            prefold.add(_claim_line(r))

    return feed


def _json_array_message(src: str, head: str) -> str:
    """A file that opens with "[" is a JSON array, not JSON Lines."""
    if '"ClaimReview"' in head:
        return (
            f"{src} is a ClaimReview export, which import does not read back: "
            "export with --format jsonl to move claims between databases."
        )
    return (
        f"{src} holds a JSON array, not JSON Lines: write one JSON object per line "
        f"(for example: jq -c '.[]' {src} > claims.jsonl) and import that."
    )


def write_rejects(source: Source) -> Path | None:
    """The rejected lines, verbatim and in the input's format (CSV keeps its header), in
    NAME.rejects.EXT beside the input, with NAME.rejects.txt saying why each was left out.
    Fix them and import the rejects file."""
    if not source.rejects:
        return None
    wanted = sorted({n for n, _ in source.rejects})
    out: list[str] = []
    if source.csv:
        from tracker import formats

        # Physical lines as the CSV reader counts them (line feeds and carriage returns);
        # str.splitlines would also break at a vertical tab or U+2028 inside a cell.
        lines = list(io.StringIO(source.text, newline=""))
        starts = [n for n, _ in formats.csv_rows(source.text)]  # in order
        out.append(lines[0])
        for n in wanted:
            after = bisect_right(starts, n)  # the next row's first line, if there is one
            end = starts[after] - 1 if after < len(starts) else len(lines)
            out.extend(lines[n - 1 : end])
    else:
        lines = jsonl_lines(source.text)
        out.extend(lines[n - 1] for n in wanted if 0 < n <= len(lines))
    target = source.path.with_name(f"{source.path.stem}.rejects{source.path.suffix or '.jsonl'}")
    reasons = source.path.with_name(f"{source.path.stem}.rejects.txt")
    try:
        target.write_text("".join(x if x.endswith("\n") else x + "\n" for x in out), encoding="utf-8")
        reasons.write_text("".join(f"{msg}\n" for _, msg in sorted(source.rejects)), encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"Cannot write the rejects file {target}: {exc.strerror}.") from exc
    return target


def _no_controls(number: int, row: dict | str, text: str) -> tuple[int, dict | str]:
    """CSV cells cannot escape control characters; a row holding one is refused (ESC
    excepted, see ``formats.CSV_CONTROL``)."""
    from tracker.formats import CSV_CONTROL

    if isinstance(row, dict):
        for name, value in row.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and (m := CSV_CONTROL.search(item)):
                    return number, (
                        f"field '{name}' contains a control character (U+{ord(m.group()):04X}); remove it."
                    )
    return number, row


def import_file(session: Session, path: Path, **kw: Any) -> ImportReport:
    source = read_records(path, session=session)
    return import_records(session, source.records, path.name, prefold=source.prefold, **kw)


def export_csv(session: Session) -> Iterator[str]:
    from tracker import formats

    return formats.csv_lines(export_records(session), refuse_controls=True)


def export_claimreview(session: Session, organisation: str, url_base: str | None = None) -> list[dict]:
    """ClaimReview JSON-LD for every active claim with a verdict (its current verdict)."""
    from tracker import formats

    items = []
    stmt = (
        select(Claim)
        .where(Claim.status == "active", Claim.id.in_(select(Verdict.claim_id)))
        .order_by(Claim.id)
        .options(
            selectinload(Claim.appearances).selectinload(Appearance.outlet),
            selectinload(Claim.appearances).selectinload(Appearance.via),
            selectinload(Claim.verdicts),
        )
    )
    for claim in session.scalars(stmt):
        v = claim.verdict
        verdict = {
            "rating": v.rating,
            "reviewer": v.reviewer,
            "evidence": v.evidence_url,
            "note": v.note,
            "date": v.date,
        }
        items.append(
            formats.claimreview(_claim_object(claim), verdict, organisation=organisation, url_base=url_base)
        )
    return formats.claimreview_document(items)


def _claim_object(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "key": claim.key,
        "text": claim.text,
        "appearances": [
            {
                "outlet": a.outlet.name,
                "published": a.published,
                "url": a.url,
                "speaker": a.speaker,
                "speaker_role": a.speaker_role,
                "anonymous": a.anonymous,
                "speaker_count": a.speaker_count,
                "via": a.via.name if a.via else None,
                "stance": a.stance,
            }
            for a in claim.appearances
        ],
    }


# ---------------------------------------------------------------- export


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != ""}


def export_key(claim: Claim) -> str:
    return claim.key or f"claim-{claim.id}"


def export_records(session: Session) -> Iterator[dict[str, Any]]:
    # Outlets and speakers by name in code-point order, sorted here: a PostgreSQL database
    # with a locale collation would order the names otherwise than SQLite, and the export
    # of the same data must be the same file on both.
    stored = session.scalars(select(Outlet).options(selectinload(Outlet.aliases)))
    for o in sorted(stored, key=lambda o: (o.name, o.id)):
        yield _drop_none(
            {
                "type": "outlet",
                "name": o.name,
                "aliases": outlets.alias_names(o),
                "kind": o.kind,
                "country": o.country,
                "url": o.url,
                "reliability": o.grade,
                "notes": o.notes,
            }
        )
    for sp in sorted(session.scalars(select(Speaker)), key=lambda sp: (sp.name, sp.id)):
        yield _drop_none({"type": "speaker", "name": sp.name, "reliability": sp.grade, "notes": sp.notes})
    keys: dict[int, str] = {}
    stmt = (
        select(Claim)
        .where(Claim.status == "active")
        .order_by(Claim.id)
        .options(
            selectinload(Claim.appearances).selectinload(Appearance.outlet),
            selectinload(Claim.appearances).selectinload(Appearance.via),
        )
    )
    for claim in session.scalars(stmt):
        key = keys[claim.id] = export_key(claim)
        for i, a in enumerate(claim.appearances):
            line = {
                "type": "claim",
                "key": key if i == 0 else a.key,
                "claim": key,
                "text": claim.text,
                "outlet": a.outlet.name,
                "published": a.published,
                "url": a.url,
                "speaker": a.speaker,
                "speaker_role": a.speaker_role,
                "anonymous": a.anonymous or None,
                "speaker_count": a.speaker_count,
                "via": a.via.name if a.via else None,
                "quote": a.quote,
                "stance": a.stance if a.stance != "asserts" else None,
                "topics": list(claim.topics or []) if i == 0 else None,
                "event_date": claim.event_date if i == 0 else None,
            }
            yield _drop_none(line)
    for r in session.scalars(select(Relation).order_by(Relation.id)):
        if r.a_id in keys and r.b_id in keys:
            yield _drop_none(
                {
                    "type": "relation",
                    "a": keys[r.a_id],
                    "b": keys[r.b_id],
                    "kind": r.kind,
                    "state": r.state,
                    "origin": r.origin,
                    "score": r.score,
                    "reasons": r.reasons,
                    "signals": r.signals,
                    "note": r.note,
                }
            )
    for v in session.scalars(select(Verdict).order_by(Verdict.id)):
        if v.claim_id in keys:
            yield _drop_none(
                {
                    "type": "verdict",
                    "claim": keys[v.claim_id],
                    "rating": v.rating,
                    "reviewer": v.reviewer,
                    "evidence": v.evidence_url,
                    "note": v.note,
                    "date": v.date,
                }
            )


def dumps_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)


def export_jsonl(session: Session) -> Iterator[str]:
    for record in export_records(session):
        yield dumps_line(record) + "\n"
