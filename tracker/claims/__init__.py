"""Claims: what an input may hold (``inputs``), claims and appearances in the database
(``store``), and the workflow that stores the judgement's decisions and re-judges what
it changes (``workflow``: add, edit, delete, merge, undo).

The names most code needs are importable from here; ``workflow`` is imported on its own
(``from tracker.claims import workflow``), since it calls the judgement, which reads
claims through this package.
"""

from tracker.claims.inputs import ClaimInput, check_date, check_stance, check_text
from tracker.claims.store import (
    AddResult,
    add,
    claims_by_id,
    find_same_text,
    get,
    list_claims,
    relations_of,
    review_status,
    snapshot_claim,
    texts_of,
)
from tracker.matching.form import fingerprint, same_text_form

__all__ = [
    "AddResult",
    "ClaimInput",
    "add",
    "check_date",
    "check_stance",
    "check_text",
    "claims_by_id",
    "find_same_text",
    "fingerprint",
    "get",
    "list_claims",
    "relations_of",
    "review_status",
    "same_text_form",
    "snapshot_claim",
    "texts_of",
]
