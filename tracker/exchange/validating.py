"""Validating import lines: every field of every line checked before anything is written.

A bad line is named by file, line number and field, with one sentence saying what is
wrong. The fields each line type may carry come from ``tracker.fields``; a claim line
becomes a ``claims.ClaimInput`` whose values (dates, stance, text) ``ClaimInput.checked``
checks as ``claim add`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tracker import claims, fields, outlets
from tracker.claims import bulk
from tracker.errors import InvalidInput
from tracker.models import GRADES, RATINGS, RELATION_KINDS, RELATION_STATES

LINE_TYPES = fields.LINE_TYPES
CLAIM_FIELDS = frozenset(fields.names("claim"))
OUTLET_FIELDS = frozenset(fields.names("outlet"))
SPEAKER_FIELDS = frozenset(fields.names("speaker"))
RELATION_FIELDS = frozenset(fields.names("relation"))
VERDICT_FIELDS = frozenset(fields.names("verdict"))


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


# Optional fields of a claim line that must be strings (type, text and outlet are checked
# on their own), and the lists of keys a line may give.
_CLAIM_STRINGS = tuple(
    f.name for f in fields.CLAIM_LINE if f.kind == "text" and f.name not in ("type", "text", "outlet")
)
_CLAIM_LISTS = tuple(f.name for f in fields.by_holder("line") if f.kind == "list")
# The fields a claim line hands on to claims.ClaimInput.
_CLAIM_INPUT = tuple(f.name for f in fields.CLAIM_LINE if f.holder != "line")


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
    values = {name: rec.get(name) for name in _CLAIM_INPUT}
    values.update(
        text=text,
        outlet=outlet,
        anonymous=anonymous,
        speaker_count=count,
        stance=rec.get("stance") or "asserts",
        topics=tuple(_list(rec, "topics", src, line)),
    )
    data = claims.ClaimInput(**values)
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
        from tracker.exchange.csv_format import field_hint

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


def claim_line(r: Record) -> bulk.ClaimLine:
    return bulk.ClaimLine(r.line, r.claim, r.data.get("claim") or None)
