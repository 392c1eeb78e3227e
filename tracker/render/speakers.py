"""Rich views of speakers and their grades."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from tracker.render import data
from tracker.speakers import Credited


def speakers_table(rows: list[Credited], total: int) -> Table:
    title = f"{len(rows)} speaker(s)" if len(rows) == total else f"{len(rows)} of {total} speaker(s)"
    table = Table(title=title)
    table.add_column("speaker")
    table.add_column("appearances", justify="right")
    table.add_column("grade", justify="center")
    table.add_column("notes")
    for c in rows:
        table.add_row(data(c.name), str(c.appearances), c.grade or "—", data(c.notes or ""))
    return table


def credited_dict(c: Credited) -> dict[str, Any]:
    return {"name": c.name, "key": c.key, "appearances": c.appearances, "grade": c.grade, "notes": c.notes}
