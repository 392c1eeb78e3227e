"""`tracker import FILE` and `tracker export`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, info, print_json, session, target


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="JSON Lines or CSV file in the interchange format (docs/formats.md).")
    ],
    duplicates: Annotated[
        str,
        typer.Option(
            help="merge: near-duplicates above the merge threshold join the stored claim; "
            "suggest: every line is its own claim, near-duplicates are suggested for review."
        ),
    ] = "merge",
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Import the valid lines; write the others to NAME.rejects.EXT "
            "(reasons in NAME.rejects.txt).",
        ),
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Import claims and outlets. Every line is checked first; one bad line and nothing is
    written (unless --skip-invalid)."""
    import sys

    from tracker import exchange

    exchange.check_duplicates_mode(duplicates)  # before a large file is read
    with session(ctx) as s:
        # Read with the session: a large file's lines are prepared while it is read.
        source = exchange.read_records(file, skip_invalid=skip_invalid, session=s)
        claim_lines = sum(1 for r in source.records if r.type == "claim")
        if sys.stderr.isatty() and not json_ and claim_lines >= 2000:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task(f"importing {file.name}", total=claim_lines)
                report = exchange.import_records(
                    s,
                    source.records,
                    file.name,
                    duplicates=duplicates,
                    progress=lambda n: bar.advance(task, n),
                    rejects=source.rejects if skip_invalid else None,
                    prefold=source.prefold,
                )
        else:
            report = exchange.import_records(
                s,
                source.records,
                file.name,
                duplicates=duplicates,
                rejects=source.rejects if skip_invalid else None,
                prefold=source.prefold,
            )
        report.rejected = len(source.rejects)
        # Before the commit: when the rejects cannot be written, nothing is imported.
        rejects_path = exchange.write_rejects(source) if source.rejects else None
    from tracker import db

    db.tidy_after_bulk(target(ctx), report.claims_added + report.appearances_added)
    if json_:
        from tracker.render.jsonout import import_report_dict

        print_json(import_report_dict(report, rejects_path))
        return
    from tracker.render import console
    from tracker.render.exchange import import_summary

    console().print(import_summary(file.name, report))
    if rejects_path is not None:
        info(
            f"{len(source.rejects)} line(s) left out, written to {rejects_path} (reasons in "
            f"{rejects_path.with_suffix('.txt')})."
        )


def export(
    ctx: typer.Context,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (lossless), csv, or claimreview.")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    organisation: Annotated[
        str, typer.Option(help="claimreview: the fact-checking organisation named as author.")
    ] = "tracker",
    url_base: Annotated[
        str | None, typer.Option(help="claimreview: base URL of your published reviews.")
    ] = None,
) -> None:
    """Export the database: JSON Lines (imports back to the same data), CSV for
    spreadsheets, or schema.org ClaimReview JSON-LD for claims with a verdict."""
    import json

    from tracker import exchange
    from tracker.errors import InvalidInput

    with session(ctx) as s:
        if format_ == "jsonl":
            chunks = list(exchange.export_jsonl(s))
        elif format_ == "csv":
            chunks = list(exchange.export_csv(s))
        elif format_ == "claimreview":
            doc = exchange.export_claimreview(s, organisation, url_base)
            chunks = [json.dumps(doc, ensure_ascii=False, indent=2) + "\n"]
        else:
            raise InvalidInput(f"Export format '{format_}' is not one of jsonl, csv, claimreview.")
    if output is None:
        sys.stdout.writelines(chunks)
    else:
        tmp = output.with_name(output.name + ".part")
        try:
            tmp.write_text("".join(chunks), encoding="utf-8")
            tmp.replace(output)
        except OSError as exc:
            raise InvalidInput(f"Cannot write {output}: {exc.strerror}.") from exc
        info(f"Wrote {output}.")


def ingest(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An article: plain text or HTML.")],
    outlet: Annotated[str, typer.Option("--outlet", "-o", help="The outlet that published it.")],
    date: Annotated[str | None, typer.Option("--date", "-d", help="Published date, YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the article.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Store every candidate without asking.")] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt: list the candidates, store none.")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Propose one candidate claim per attributed sentence of an article; review each
    (accept, edit, skip) or store all with --yes. --json lists them and stores nothing."""
    from tracker import ingest as core
    from tracker.cli.common import interactive
    from tracker.render import console, data
    from tracker.render.claims import add_summary, candidate_panel
    from tracker.render.jsonout import candidate_dict

    with session(ctx) as s:
        outlet_name = core.check_target(s, outlet, date)
        candidates = core.read_article(file)
        if json_:
            print_json([candidate_dict(c) for c in candidates])
            return
        out = console()
        if not candidates:
            out.print(data(f"No attributed sentences found in {file.name}."))
            return
        ask = interactive(yes, no_input)
        stored = 0
        for n, c in enumerate(candidates, 1):
            out.print(candidate_panel(n, len(candidates), c))
            item = core.to_input(c, outlet=outlet_name, date=date, url=url)
            into = None
            if ask:
                near = _closest_shown(s, out, item.text)
                keys = "[a]ccept / [e]dit / [s]kip / [q]uit"
                if near:
                    keys += f" / [1-{len(near)}] an appearance of that closest claim"
                choice = typer.prompt(keys, default="a", err=True).strip().lower()
                if choice.isdigit() and 1 <= int(choice) <= len(near):
                    into = near[int(choice) - 1]
                elif choice.startswith("q"):
                    break
                elif choice.startswith("s"):
                    continue
                elif choice.startswith("e"):
                    from dataclasses import replace

                    text = typer.prompt("Claim text", default=item.text, err=True)
                    speaker = typer.prompt("Speaker", default=item.speaker or "", err=True)
                    item = replace(item, text=text, speaker=speaker or None)
            elif not yes:
                continue
            out.print(add_summary(core.store(s, item, into=into)))
            stored += 1
        if not (yes or ask):
            out.print(
                f"{len(candidates)} candidate(s); nothing stored. "
                "Review them on a terminal, or store all with --yes."
            )
        else:
            out.print(f"{stored} of {len(candidates)} candidate(s) stored.")


CLOSEST = 3
"""How many of the closest stored claims the ingest review shows under a candidate."""


def _closest_shown(s, out, text: str) -> list[int]:
    """Show the closest stored claims to a candidate (as ``claim add`` does) and return
    their ids, closest first: the claims a one-key answer can record it under."""
    from tracker import claims
    from tracker.judgement.similar import similar
    from tracker.render.claims import similar_table

    near = similar(s, text, limit=CLOSEST)
    if not near:
        return []
    loaded = claims.claims_by_id(s, [f.claim_id for f in near])
    rows = [(loaded[f.claim_id], f) for f in near]
    out.print(similar_table(text, rows, f"The {len(rows)} closest stored claims (1-{len(rows)}) to: "))
    return [f.claim_id for f in near]


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("export")(export)
    app.command("ingest")(ingest)
