"""`tracker outlet add|list|show|alias|grade`."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, print_json, session

app = typer.Typer(help="Outlets: publishers, their aliases and reliability grades.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The outlet's canonical name.")],
    alias: Annotated[
        list[str] | None, typer.Option("--alias", "-a", help="Another name (repeatable).")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="wire, newspaper, broadcaster, government, armed-group, …")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Country of the outlet.")] = None,
    url: Annotated[str | None, typer.Option(help="Home page URL.")] = None,
    grade: Annotated[str | None, typer.Option(help="Reliability grade A–F (Admiralty scale).")] = None,
    notes: Annotated[str | None, typer.Option(help="Free-text notes.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Add an outlet."""
    from tracker import outlets
    from tracker.render import console, data
    from tracker.render.jsonout import outlet_dict

    with session(ctx) as s:
        o = outlets.add(s, outlets.OutletInput(name, tuple(alias or ()), kind, country, url, grade, notes))
        if json_:
            print_json(outlet_dict(o, outlets.alias_names(o)))
        else:
            console().print(
                data(f"Added outlet {o.name}")
                + data(f" (aliases: {', '.join(outlets.alias_names(o))})" if alias else "")
            )


@app.command("list")
def list_(ctx: typer.Context, json_: JsonOpt = False) -> None:
    """List outlets with their aliases and grades."""
    from tracker import outlets
    from tracker.render import console
    from tracker.render.jsonout import outlet_dict
    from tracker.render.outlets import outlets_table

    with session(ctx) as s:
        rows = outlets.list_all(s)
        if json_:
            print_json([outlet_dict(o, outlets.alias_names(o)) for o in rows])
        else:
            console().print(outlets_table(rows))


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Outlet name or alias.")],
    json_: JsonOpt = False,
) -> None:
    """Show one outlet, its aliases and the claims it carried."""
    from tracker import outlets
    from tracker.render import console
    from tracker.render.jsonout import outlet_show_dict
    from tracker.render.outlets import outlet_panel

    with session(ctx) as s:
        o = outlets.resolve(s, name)
        record = outlets.track_record(s, o)
        if json_:
            print_json(outlet_show_dict(o, outlets.alias_names(o), record))
        else:
            console().print(outlet_panel(o, outlets.alias_names(o), record))


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Outlet name or alias.")],
    new_alias: Annotated[str, typer.Argument(metavar="ALIAS", help="The other name to add.")],
) -> None:
    """Give an outlet another name."""
    from tracker import outlets
    from tracker.render import console, data

    with session(ctx) as s:
        o = outlets.add_alias(s, name, new_alias)
        console().print(data(f"{o.name} is also known as: {', '.join(outlets.alias_names(o))}"))


@app.command("grade")
def grade(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Outlet name or alias.")],
    value: Annotated[str, typer.Argument(metavar="GRADE", help="A–F on the Admiralty scale.")],
) -> None:
    """Set an outlet's source-reliability grade (A completely reliable … F cannot be judged)."""
    from tracker import outlets
    from tracker.render import console, data

    with session(ctx) as s:
        o = outlets.set_grade(s, name, value)
        console().print(data(f"{o.name}: grade {o.grade}"))
