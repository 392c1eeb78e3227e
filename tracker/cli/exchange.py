"""`tracker import FILE` and `tracker export`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, info, print_json, session


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="JSON Lines file in the interchange format (docs/formats.md).")
    ],
    duplicates: Annotated[
        str,
        typer.Option(
            help="merge: near-duplicates above the merge threshold join the stored claim; "
            "suggest: every line is its own claim, near-duplicates are suggested for review."
        ),
    ] = "merge",
    json_: JsonOpt = False,
) -> None:
    """Import claims and outlets. Every line is checked first; one bad line and nothing is written."""
    from dataclasses import asdict

    from tracker import importexport

    with session(ctx) as s:
        report = importexport.import_file(s, file, duplicates=duplicates)
    if json_:
        print_json(asdict(report))
    else:
        from tracker.render import console
        from tracker.render.exchange import import_summary

        console().print(import_summary(file.name, report))


def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", "-f", help="jsonl.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Export the database (JSON Lines is lossless: it imports back to the same data)."""
    from tracker import importexport
    from tracker.errors import InvalidInput

    if format_ != "jsonl":
        raise InvalidInput(f"Export format '{format_}' is not supported; use jsonl.")
    with session(ctx) as s:
        lines = list(importexport.export_jsonl(s))
    if output is None:
        sys.stdout.writelines(lines)
    else:
        tmp = output.with_name(output.name + ".part")
        tmp.write_text("".join(lines), encoding="utf-8")
        tmp.replace(output)
        info(f"Wrote {len(lines)} line(s) to {output}.")


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("export")(export)
