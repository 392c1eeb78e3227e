"""`tracker db path|upgrade|current|history`: where the database is and its migrations."""

from __future__ import annotations

import typer

from tracker.cli.common import target

app = typer.Typer(help="The database: location and schema migrations.", no_args_is_help=True)


@app.command("path")
def path(ctx: typer.Context) -> None:
    """Print where the database is (a file path, or the URL without its password)."""
    from tracker.db import display_location, resolve_url

    typer.echo(display_location(resolve_url(target(ctx))))


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Create the database if needed and migrate it to the newest schema."""
    from tracker import db

    engine = db.make_engine(db.resolve_url(target(ctx)))
    before = db.current_revision(engine)
    db.upgrade(engine)
    after = db.current_revision(engine)
    engine.dispose()
    typer.echo(
        f"Schema at {after}" + (f" (was {before or 'empty'})." if before != after else " (already current).")
    )


@app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the schema revision of the database."""
    from tracker import db

    engine = db.make_engine(db.resolve_url(target(ctx)))
    rev = db.current_revision(engine)
    engine.dispose()
    state = "head" if rev == db.SCHEMA_HEAD else f"behind head {db.SCHEMA_HEAD}"
    typer.echo(f"{rev or 'empty'} ({state})" if rev else f"empty (head is {db.SCHEMA_HEAD})")


@app.command("history")
def history() -> None:
    """List the schema migrations, oldest first."""
    from alembic.script import ScriptDirectory

    from tracker.db import migrations_dir

    script = ScriptDirectory(str(migrations_dir()))
    for rev in reversed(list(script.walk_revisions())):
        typer.echo(f"{rev.revision}  {rev.doc}")
