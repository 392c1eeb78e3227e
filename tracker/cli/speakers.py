"""`tracker speaker grade|ungrade|list`."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, print_json, session

app = typer.Typer(
    help="Speakers: the people and bodies claims are attributed to, and their reliability grades.",
    no_args_is_help=True,
)


@app.command("grade")
def grade(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The speaker's name, in any spelling.")],
    value: Annotated[str, typer.Argument(metavar="GRADE", help="A–F on the Admiralty scale.")],
    note: Annotated[
        str | None, typer.Option("--note", help="Why this grade (replaces the stored note).")
    ] = None,
) -> None:
    """Set a speaker's source-reliability grade (A completely reliable … F cannot be judged).

    The grade covers every spelling of the name ("Ismail Qaani", "Esmail Ghaani") and, for
    the claims the speaker is credited with by name, counts before the outlet's grade
    (docs/credibility.md).
    """
    from tracker import speakers
    from tracker.render import console, data

    with session(ctx) as s:
        sp = speakers.set_grade(s, name, value, note)
        console().print(data(f"{sp.name}: grade {sp.grade}"))


@app.command("ungrade")
def ungrade(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The speaker's name, in any spelling.")],
) -> None:
    """Remove a speaker's grade: its claims are judged by their outlets' grades again."""
    from tracker import speakers
    from tracker.render import console, data

    with session(ctx) as s:
        sp = speakers.clear_grade(s, name)
        console().print(data(f"{sp.name}: no grade"))


@app.command("list")
def list_(
    ctx: typer.Context,
    graded: Annotated[bool, typer.Option("--graded", help="Only speakers with a grade.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    json_: JsonOpt = False,
) -> None:
    """Named speakers, most credited first: appearances (all spellings together) and grade."""
    from tracker import speakers
    from tracker.render import console
    from tracker.render.speakers import credited_dict, speakers_table

    with session(ctx) as s:
        rows = speakers.credited(s, graded_only=graded)
        if json_:
            print_json([credited_dict(c) for c in rows[:limit]])
        else:
            console().print(speakers_table(rows[:limit], len(rows)))
