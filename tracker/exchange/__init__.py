"""Exchange: claims in and out of the database as files.

``reading`` reads and checks a file (JSON Lines or CSV) line by line; ``validating`` holds
the checks of each line type; ``importing`` writes the checked records; ``exporting``
writes JSON Lines, CSV and ClaimReview; ``csv_format`` and ``claimreview`` translate the
records to and from those two formats. The fields of every line type are listed once, in
``tracker.fields``. Calls the core (``tracker.claims``, ``tracker.outlets``) for every
write; never the CLI.
"""

from tracker.exchange.exporting import export_claimreview, export_csv, export_jsonl, export_records
from tracker.exchange.importing import (
    DUPLICATE_MODES,
    ImportReport,
    check_duplicates_mode,
    import_file,
    import_records,
)
from tracker.exchange.reading import Source, read_records, read_text, write_rejects
from tracker.exchange.validating import LineError, Record, parse_records

__all__ = [
    "DUPLICATE_MODES",
    "ImportReport",
    "LineError",
    "Record",
    "Source",
    "check_duplicates_mode",
    "export_claimreview",
    "export_csv",
    "export_jsonl",
    "export_records",
    "import_file",
    "import_records",
    "parse_records",
    "read_records",
    "read_text",
    "write_rejects",
]
