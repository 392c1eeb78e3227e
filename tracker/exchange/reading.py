"""Reading an import file: its text, its rows, its validated records, its rejects.

A file is read whole (up to TRACKER_MAX_IMPORT_MB) as UTF-8 text; a spreadsheet, PDF,
archive or UTF-16 file is refused with what to do. JSON Lines or CSV (``csv_format``) rows
are validated by ``validating.parse_records``; with ``--skip-invalid`` the bad lines are
left out and written verbatim to NAME.rejects.EXT with their reasons beside them.
"""

from __future__ import annotations

import io
import json
import os
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from tracker import parallel
from tracker.claims import bulk
from tracker.errors import InvalidInput
from tracker.exchange import csv_format
from tracker.exchange.validating import Record, claim_line, parse_records

# Import validates every line before writing, so the whole file is held in memory.
# Larger files are refused with advice; TRACKER_MAX_IMPORT_MB raises the limit.
DEFAULT_MAX_IMPORT_MB = 40


def max_file_bytes() -> int:
    raw = os.environ.get("TRACKER_MAX_IMPORT_MB", "")
    try:
        return int(float(raw) * 1024 * 1024) if raw else DEFAULT_MAX_IMPORT_MB * 1024 * 1024
    except ValueError as exc:
        raise InvalidInput(f"TRACKER_MAX_IMPORT_MB='{raw}' is not a number of megabytes.") from exc


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
    src = path.name
    rejects: list[tuple[int, str]] | None = [] if skip_invalid else None
    is_csv = csv_format.looks_like_csv(path.name, text[:4096])
    if is_csv:
        try:
            rows = [_no_controls(n, r, text) for n, r in csv_format.csv_rows(text)]
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
            prefold.add(claim_line(r))

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
        # Physical lines as the CSV reader counts them (line feeds and carriage returns);
        # str.splitlines would also break at a vertical tab or U+2028 inside a cell.
        lines = list(io.StringIO(source.text, newline=""))
        starts = [n for n, _ in csv_format.csv_rows(source.text)]  # in order
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
    excepted, see ``csv_format.CSV_CONTROL``)."""

    if isinstance(row, dict):
        for name, value in row.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and (m := csv_format.CSV_CONTROL.search(item)):
                    return number, (
                        f"field '{name}' contains a control character (U+{ord(m.group()):04X}); remove it."
                    )
    return number, row
