"""`tracker lexicon path|show`: the opposing-action lexicon (docs/lexicon.md)."""

from __future__ import annotations

import typer

from tracker.cli.common import JsonOpt, print_json

app = typer.Typer(
    help="The opposing-action lexicon used by the contradiction detector.", no_args_is_help=True
)


@app.command("path")
def path() -> None:
    """Print where your own lexicon file goes (it extends the built-in one)."""
    from tracker.contradictions import lexicon_path

    p = lexicon_path()
    typer.echo(str(p))
    typer.echo(
        "(exists)" if p.exists() else "(not created yet; see docs/lexicon.md for the format)", err=True
    )


@app.command("show")
def show(json_: JsonOpt = False) -> None:
    """Print the lexicon in force: built-in oppositions merged with your file."""
    from tracker.contradictions import load_lexicon
    from tracker.render import console, data
    from tracker.render.jsonout import opposition_dict

    lex = load_lexicon()
    if json_:
        print_json([opposition_dict(o) for o in lex.oppositions])
        return
    out = console()
    for o in lex.oppositions:
        out.print(data(o.name, "bold"))
        out.print(data("  a: " + ", ".join(o.a)))
        out.print(data("  b: " + ", ".join(o.b)))
