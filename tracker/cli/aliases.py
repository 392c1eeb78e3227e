"""`tracker alias add|list|remove`: name variants for matching."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, print_json, session

app = typer.Typer(
    help="Name aliases for matching: spellings the built-in key does not fold.", no_args_is_help=True
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name as you want it matched.")],
    variant: Annotated[str, typer.Argument(help="Another spelling or name for it.")],
) -> None:
    """Say that VARIANT names the same person, group or place as NAME."""
    from tracker import aliases
    from tracker.render import console, data

    with session(ctx) as s:
        alias, count = aliases.add(s, name, variant)
        console().print(
            data(f"'{alias.variant}' now matches '{alias.name}' ({count} stored claim(s) re-folded).")
        )


@app.command("list")
def list_(ctx: typer.Context, json_: JsonOpt = False) -> None:
    """List the name aliases."""
    from tracker import aliases
    from tracker.render import console, data
    from tracker.render.jsonout import alias_dict

    with session(ctx) as s:
        rows = aliases.list_all(s)
        if json_:
            print_json([alias_dict(a) for a in rows])
        else:
            for a in rows:
                console().print(data(f"{a.variant} → {a.name}"))


@app.command("remove")
def remove(
    ctx: typer.Context, variant: Annotated[str, typer.Argument(help="The variant to forget.")]
) -> None:
    """Remove a name alias."""
    from tracker import aliases
    from tracker.render import console

    with session(ctx) as s:
        count = aliases.remove(s, variant)
        console().print(f"Alias removed ({count} stored claim(s) re-folded).")
