"""`tracker report contradictions|unverified|outlets|summary`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, print_json, session

app = typer.Typer(
    help="Reports: contradictions, unverified claims, outlet records, summary.", no_args_is_help=True
)

OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Also write a printable copy: FILE.html, FILE.md or FILE.txt (not with --json).",
    ),
]
LimitOpt = Annotated[int, typer.Option(help="At most this many rows (0: all).")]


def check_output(output: Path | None, json_: bool) -> None:
    """Refuse a bad --output before the report is worked out."""
    from tracker.render import report

    report.check_output(output, json_)


def show(doc, output: Path | None) -> None:
    from tracker.render import console
    from tracker.render.report import to_rich, write

    console().print(to_rich(doc))
    if output is not None:
        write(doc, output)
        typer.echo(f"Wrote {output}.", err=True)


def progress_counter(label: str):
    """A progress callback for long reports: a rich spinner on a terminal, nothing when piped."""
    import sys

    if not sys.stderr.isatty():
        return None, None
    from rich.progress import Progress, SpinnerColumn, TextColumn

    prog = Progress(
        SpinnerColumn(),
        TextColumn("{task.description} {task.completed:,} claims"),
        transient=True,
        console=None,
    )
    task = prog.add_task(label, total=None)
    return prog, lambda n: prog.advance(task, n)


@app.command("unverified")
def unverified(
    ctx: typer.Context, limit: LimitOpt = 100, json_: JsonOpt = False, output: OutputOpt = None
) -> None:
    """Claims with no verdict that rest on one origin, anonymous speakers, hedged wording
    or an interested party, ranked by how many outlets carry them."""
    from tracker import claims, credibility
    from tracker.render.credibility import unverified_doc
    from tracker.render.jsonout import unverified_dict

    check_output(output, json_)

    prog, tick = progress_counter("grading")
    with session(ctx) as s:
        if prog:
            with prog:
                items, total = credibility.unverified(s, limit or None, progress=tick)
        else:
            items, total = credibility.unverified(s, limit or None)
        if json_:
            print_json([unverified_dict(claims.get(s, str(it.id)), it) for it in items])
            return
        show(unverified_doc(items, total), output)


@app.command("outlets")
def outlets(
    ctx: typer.Context,
    sort: Annotated[str, typer.Option(help="name, claims, accuracy, contradicted or grade.")] = "name",
    json_: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    """Each outlet's record: claims carried, verdicts, contradicted share, smoothed accuracy
    with its 90% interval, and the grade that record suggests beside the grade set."""
    from tracker import credibility
    from tracker.errors import InvalidInput
    from tracker.render.credibility import outlets_doc
    from tracker.render.jsonout import outlet_score_dict

    check_output(output, json_)

    keys = {
        "name": lambda o: o.record.outlet.lower(),
        "claims": lambda o: -o.record.carried,
        "accuracy": lambda o: -o.mean,
        "contradicted": lambda o: -o.contradicted_share,
        "grade": lambda o: o.record.grade or "Z",
    }
    if sort not in keys:
        raise InvalidInput(f"--sort must be one of {', '.join(keys)}, not '{sort}'.")
    with session(ctx) as s:
        scores = sorted(credibility.outlet_scores(s), key=keys[sort])
    if json_:
        print_json([outlet_score_dict(o) for o in scores])
        return
    show(outlets_doc(scores), output)


@app.command("summary")
def summary(ctx: typer.Context, json_: JsonOpt = False, output: OutputOpt = None) -> None:
    """One screen: counts by status and credibility, open contradictions, the most-spread
    unverified claims, outlets whose record disagrees with their grade."""
    from tracker import credibility
    from tracker.render.credibility import summary_doc
    from tracker.render.jsonout import summary_dict

    check_output(output, json_)

    prog, tick = progress_counter("grading")
    with session(ctx) as s:
        if prog:
            with prog:
                result = credibility.summary(s, progress=tick)
        else:
            result = credibility.summary(s)
    if json_:
        print_json(summary_dict(result))
        return
    show(summary_doc(result), output)


@app.command("contradictions")
def contradictions(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Also list dismissed pairs.")] = False,
    least: Annotated[
        str,
        typer.Option(
            "--min",
            metavar="TIER",
            help="strong: leave out the suggestions that are only possible (default: possible).",
        ),
    ] = "possible",
    json_: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    """Pairs of claims that cannot both be true, grouped by topic, with both sides'
    outlets, speakers and dates, the detectors' reasons, the tier (strong or possible) and
    the state. Runs every detector over the whole database first; new findings are stored
    as suggested relations."""
    import sys

    from tracker.errors import InvalidInput
    from tracker.judgement import report as judged
    from tracker.render.contradictions import report_doc
    from tracker.render.jsonout import contradiction_dict

    check_output(output, json_)
    if least not in ("strong", "possible"):
        raise InvalidInput(f"--min must be strong or possible, not {least!r}.")
    say = (lambda m: typer.echo(m, err=True)) if sys.stderr.isatty() and not json_ else None
    with session(ctx) as s:
        items = judged.contradiction_report(s, include_dismissed=all_, progress=say, least=least)
        if json_:
            print_json([contradiction_dict(it) for it in items])
            return
        show(report_doc(items, all_), output)
