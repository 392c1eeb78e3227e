"""Rich views of outlets."""

from __future__ import annotations

from typing import Any

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tracker import outlets as core
from tracker.models import Outlet
from tracker.render import data


def outlets_table(rows: list[Outlet]) -> Table:
    table = Table(title=f"{len(rows)} outlet(s)")
    table.add_column("name")
    table.add_column("aliases")
    table.add_column("kind")
    table.add_column("grade", justify="center")
    for o in rows:
        table.add_row(data(o.name), data(", ".join(core.alias_names(o))), data(o.kind or ""), o.grade or "—")
    return table


def outlet_panel(o: Outlet, aliases: list[str], record: dict[str, Any]) -> Panel:
    body = Text()
    for label, value in (
        ("aliases", ", ".join(aliases)),
        ("kind", o.kind),
        ("country", o.country),
        ("url", o.url),
        ("grade", o.grade),
        ("notes", o.notes),
    ):
        if value:
            body.append(f"{label}: ", style="bold")
            body.append_text(data(value))
            body.append("\n")
    body.append("track record: ", style="bold")
    body.append(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in record.items()))
    return Panel(body, title=data(o.name))
