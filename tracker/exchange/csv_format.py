"""CSV rows and lines: the interchange records as a spreadsheet writes and reads them.

One header for every line type (``tracker.fields.CSV_COLUMNS``); lists are cells joined
by "; ", flags and counts are parsed from their text, and cells a spreadsheet would run as
a formula are written with a leading apostrophe. Pure functions on text and dicts: no
database, no printing. Validation of the records' content stays in ``validating``; this
module reports only what stops a CSV row from becoming a dict (docs/formats.md, CSV).
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

from tracker import fields
from tracker.errors import InvalidInput

# One header for every line type (names that several types share are one column), and the
# columns whose cells hold lists, flags, counts and numbers.
CSV_COLUMNS = fields.CSV_COLUMNS
LIST_COLUMNS = fields.columns_of_kind("list")
BOOL_COLUMNS = fields.columns_of_kind("flag")
INT_COLUMNS = fields.columns_of_kind("count")
NUMBER_COLUMNS = fields.columns_of_kind("number")

# The columns a row of each type cannot do without (the rest may be left out of the header).
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "claim": ("text", "outlet"),
    "outlet": ("name",),
    "speaker": ("name", "reliability"),
    "relation": ("a", "b", "kind"),
    "verdict": ("claim", "rating"),
}

# Key order of the dicts csv_rows yields, as export_records writes them, so that a CSV row
# dumped as JSON is the same line as the JSON Lines export.
_FIELD_ORDER: dict[str, tuple[str, ...]] = {kind: fields.names(kind) for kind in fields.LINES}
_COLUMN_INDEX = {name: i for i, name in enumerate(CSV_COLUMNS)}

# A cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV
# injection"). Claim texts come from hostile channels, so such cells are written with a
# leading apostrophe; one apostrophe is taken off again on read (see _defuse).
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_DEFUSED = re.compile(r"'+[=+\-@\t\r]")
_INT = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _column_name(raw: str) -> str:
    """Header names ignore case, surrounding spaces and a byte-order mark; a space or
    hyphen may stand for '_' ("Speaker role" is speaker_role)."""
    return re.sub(r"[\s\-]+", "_", raw.strip().lstrip("\ufeff").strip().lower())


# Headings that spreadsheets and other tools use for a field of ours.
_FIELD_SYNONYMS = {
    "date": "published",
    "published_at": "published",
    "publication_date": "published",
    "pubdate": "published",
    "source": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "link": "url",
    "author": "speaker",
    "attributed_to": "speaker",
    "claim_text": "text",
    "statement": "text",
}


def field_hint(name: str, allowed: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The field an unknown CSV column or JSON key most likely means (its other spelling,
    a heading other tools use for it, or a misspelling of it), or None."""
    allowed = sorted(allowed)
    key = _column_name(str(name))
    if key in allowed:
        return key  # "Text", "speaker count"
    if _FIELD_SYNONYMS.get(key) in allowed:
        return _FIELD_SYNONYMS[key]
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=cutoff)
    return close[0] if close else None


def check_csv_header(header: list[str], line_types: Iterable[str] | None = None) -> None:
    """Raise InvalidInput (one sentence, without the file name: the caller adds it) when
    the header names an unknown column, names one twice, or lacks a column that rows of
    ``line_types`` need. Without ``line_types``: claim rows if there is no 'type' column,
    else only the names are checked (the rows decide the rest)."""
    names = [_column_name(h) for h in header]
    known = set(CSV_COLUMNS)
    if len(header) == 1 and names[0] not in known and any(sep in header[0] for sep in ";\t"):
        sep = "semicolons" if ";" in header[0] else "tabs"
        raise InvalidInput(
            f"the CSV header is a single column '{header[0][:60]}' with {sep} in it: tracker reads "
            "comma-separated files, so save the sheet as CSV with commas between cells."
        )
    seen: dict[str, int] = {}
    for position, (raw, name) in enumerate(zip(header, names, strict=True), start=1):
        if not name:
            continue  # a nameless column is allowed while its cells are empty (csv_rows)
        if name not in known:
            close = field_hint(name, CSV_COLUMNS, cutoff=0.6)
            hint = f"did you mean '{close}'?" if close else "the columns are listed in docs/formats.md."
            raise InvalidInput(
                f"the CSV header has an unknown column '{raw.strip()}' (column {position}; "
                f"the first line of a CSV file must name the columns): {hint}"
            )
        if name in seen:
            raise InvalidInput(
                f"the CSV header names the column '{name}' twice (columns {seen[name]} and "
                f"{position}): keep one."
            )
        seen[name] = position
    if line_types is None:
        line_types = () if "type" in seen else ("claim",)
    wanted = set(line_types)
    for kind in (k for k in REQUIRED_COLUMNS if k in wanted):
        for column in REQUIRED_COLUMNS[kind]:
            if column not in seen:
                need = " and ".join(f"'{c}'" for c in REQUIRED_COLUMNS[kind])
                raise InvalidInput(
                    f"the CSV header has no '{column}' column, and {kind} rows need {need}: add the column."
                )


def _defuse(cell: str) -> str:
    return "'" + cell if _FORMULA_START.match(cell) else cell


def _undefuse(cell: str) -> str:
    return cell[1:] if _DEFUSED.match(cell) else cell


def _join_list(items: Iterable[Any]) -> str:
    return "|".join(str(i).replace("\\", "\\\\").replace("|", "\\|") for i in items)


def _split_list(cell: str) -> list[str]:
    """'|' separates items; '\\|' is a '|' and '\\\\' a backslash inside an item. Any other
    backslash is kept as typed, so hand-written cells need no escaping."""
    if "\\" not in cell:
        return cell.split("|")
    items: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        c = cell[i]
        if c == "\\" and i + 1 < len(cell) and cell[i + 1] in "\\|":
            current.append(cell[i + 1])
            i += 2
            continue
        if c == "|":
            items.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    items.append("".join(current))
    return items


# What spreadsheets write for a yes/no cell (export writes true/false).
_TRUE = frozenset(("true", "yes", "y", "1"))
_FALSE = frozenset(("false", "no", "n", "0"))


def _cell_value(name: str, cell: str) -> Any:
    """The JSON value of one non-empty cell; raises ValueError with the row's error text."""
    if name in BOOL_COLUMNS:
        word = cell.strip().lower()
        if word not in _TRUE and word not in _FALSE:
            raise ValueError(f"{name} must be true or false, not '{cell[:40]}'.")
        return word in _TRUE
    if name in INT_COLUMNS:
        if not _INT.fullmatch(cell.strip()):
            raise ValueError(f"{name} must be a whole number, not '{cell[:40]}'.")
        return int(cell.strip())
    if name in NUMBER_COLUMNS:
        text = cell.strip()
        if _INT.fullmatch(text):
            return int(text)
        if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
            raise ValueError(f"{name} must be a number, not '{cell[:40]}'.")
        return float(text)
    cell = _undefuse(cell)
    if name in LIST_COLUMNS:
        return _split_list(cell)
    return cell


def _csv_error_text(exc: csv.Error) -> str:
    message = str(exc)
    if "unexpected end of data" in message:
        return 'a quoted cell that starts on this row is never closed (a closing " is missing).'
    if "expected after" in message:
        return (
            'a quoted cell has more text after its closing ": put the whole cell in quotes '
            'and write each " inside it twice.'
        )
    if "field larger than field limit" in message:
        return f"a cell is longer than {csv.field_size_limit()} characters."
    return f"the row cannot be read as CSV ({message})."


def _row_dict(names: list[str], cells: list[str]) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    for position, (name, cell) in enumerate(zip(names, cells, strict=True), start=1):
        if cell == "":
            continue
        if not name:
            raise ValueError(f"cell {position} has a value but its column has no name in the header.")
        rec[name] = _cell_value(name, cell)
    order = _FIELD_ORDER.get(rec.get("type", "claim"), ())
    rank = {name: i for i, name in enumerate(order)}
    keys = sorted(rec, key=lambda k: (k not in rank, rank.get(k, 0), _COLUMN_INDEX[k]))
    return {k: rec[k] for k in keys}


def csv_rows(text: str) -> Iterator[tuple[int, dict | str]]:
    """Like ``reading.jsonl_rows`` for CSV: (line number, the JSON Lines object of the
    row) or (line number, error text) per data row. The first non-blank row is the header,
    checked by check_csv_header (InvalidInput) before anything is yielded. Line numbers are
    physical lines of the file: a row whose quoted cell holds line breaks is reported at
    the line where it starts. Blank rows (no cells, or only empty cells) are skipped."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, list[str] | str]] = []
    end = 0  # the last physical line consumed so far
    while True:
        start = end + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            end = reader.line_num
            if header is None:
                raise InvalidInput(
                    f"the CSV header (line {start}) cannot be read: {_csv_error_text(exc)}"
                ) from exc
            rows.append((start, _csv_error_text(exc)))
            continue
        end = reader.line_num
        if not cells or all(c == "" for c in cells):
            continue
        if header is None:
            header = cells
            continue
        rows.append((start, cells))
    if header is None:
        return
    check_csv_header(header, line_types=())
    names = [_column_name(h) for h in header]
    out: list[tuple[int, dict | str]] = []
    for line, cells in rows:
        if isinstance(cells, str):
            out.append((line, cells))
            continue
        if len(cells) != len(names):
            n = len(cells)
            out.append(
                (line, f"the row has {n} cell{'s' * (n != 1)} but the header has {len(names)} columns.")
            )
            continue
        try:
            out.append((line, _row_dict(names, cells)))
        except ValueError as exc:
            out.append((line, str(exc)))
    check_csv_header(header, line_types={rec.get("type", "claim") for _, rec in out if isinstance(rec, dict)})
    yield from out


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be written to CSV.")
        return repr(value)
    if isinstance(value, list | tuple):
        return _defuse(_join_list(value))
    return _defuse(str(value))


# Control characters a CSV cell may not hold: a file with one is taken for a broken file
# (CSV has no escapes). Tab, line feed and carriage return are text; ESC is let through
# because claim texts may hold ANSI escapes, which tracker stores as given and prints
# inert (SPEC §11), and a CSV export must read back.
CSV_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]")


def csv_lines(records: Iterable[dict], *, refuse_controls: bool = False) -> Iterator[str]:
    """The header, then one CSV line per record (the dicts of export_records), each ending
    in "\\n". Cells are quoted only where needed (csv.QUOTE_MINIMAL, plus any cell holding a
    carriage return, which the csv module would otherwise leave bare). With
    ``refuse_controls``, a value holding a ``CSV_CONTROL`` character raises InvalidInput
    (the import would refuse the file)."""
    buffer = io.StringIO()
    # A "\r\n" terminator makes the writer quote cells holding "\r" as well as "\n"; each
    # line's own terminator is then swapped for "\n".
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    def line(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()[:-2] + "\n"

    yield line(list(CSV_COLUMNS))
    for record in records:
        unknown = sorted(set(record) - set(CSV_COLUMNS))
        if unknown:
            raise ValueError(f"record field '{unknown[0]}' has no CSV column.")
        cells = [_cell_text(record.get(name)) for name in CSV_COLUMNS]
        out = line(cells)
        if refuse_controls and CSV_CONTROL.search(out):
            _refuse_control(record, cells)
        yield out


def _refuse_control(record: dict, cells: list[str]) -> None:
    """A value holding a control character (stored from a JSON escape or an argument)
    would make a CSV file that cannot be read back."""
    for name, cell in zip(CSV_COLUMNS, cells, strict=True):
        if m := CSV_CONTROL.search(cell):
            what = record.get("key") or record.get("name") or record.get("claim") or record.get("type")
            raise InvalidInput(
                f"The {record.get('type', 'claim')} '{what}' holds a control character "
                f"(U+{ord(m.group()):04X}) in its '{name}', which a CSV file cannot carry: "
                "export with --format jsonl."
            )


def looks_like_csv(path_name: str, head: str) -> bool:
    """True for a .csv file; False for .jsonl/.ndjson/.json; otherwise sniff ``head`` (the
    start of the file): CSV when its first non-blank line is not a JSON object and, read
    as a CSV row, names at least one column of CSV_COLUMNS."""
    suffix = PurePath(path_name).suffix.lower()
    if suffix == ".csv":
        return True
    if suffix in (".jsonl", ".ndjson", ".json"):
        return False
    first = next((ln for ln in head.splitlines() if ln.strip()), "").lstrip("\ufeff").strip()
    if not first or first.startswith(("{", "[")):
        return False
    try:
        cells = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return False
    return any(_column_name(c) in _COLUMN_INDEX for c in cells)
