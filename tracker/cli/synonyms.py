"""`tracker synonyms path|show`: the synonym classes of the content score (docs/matching.md)."""

from __future__ import annotations

import typer

from tracker.cli.common import JsonOpt, print_json

app = typer.Typer(
    help="The synonym classes and word forms the duplicate judgement reads.", no_args_is_help=True
)


@app.command("path")
def path() -> None:
    """Print where your own synonyms file goes (it extends the built-in one)."""
    from tracker.matching.synonyms import synonyms_path

    p = synonyms_path()
    typer.echo(str(p))
    typer.echo(
        "(exists)" if p.exists() else "(not created yet; see docs/matching.md for the format)", err=True
    )


@app.command("show")
def show(json_: JsonOpt = False) -> None:
    """Print the classes in force: the built-in ones merged with your file."""
    from tracker.matching.synonyms import load, stemmer
    from tracker.render import console, data

    vocabulary = load(stem=stemmer())
    if json_:
        from tracker.render.jsonout import synonyms_dict

        print_json(synonyms_dict(vocabulary))
        return
    out = console()
    for name, words in vocabulary.classes.items():
        out.print(data(f"{name}: " + ", ".join(words)))
    out.print(data("forms: " + ", ".join(f"{k} = {v}" for k, v in vocabulary.forms.items())))
