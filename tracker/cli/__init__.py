"""The command line: typer apps, one module per command group.

Imports only typer at module level so that ``tracker --help`` stays fast; each command
imports the core and the renderers it needs. The one error boundary is
``TrackerGroup.invoke``: a ``TrackerError`` becomes one sentence on stderr and exit 1,
usage errors stay exit 2 (click), Ctrl-C exits 130 quietly, and no traceback is shown
unless ``--debug``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from typer.core import TyperGroup


def _database_error(exc: Exception) -> str | None:
    """Advice for database-access failures that are not bugs."""
    mod = type(exc).__module__
    if not (mod.startswith("sqlalchemy") or mod.startswith("sqlite3") or mod.startswith("psycopg")):
        return None
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    if "locked" in text or "busy" in text:
        return (
            "The database is busy: another tracker command is writing to it. "
            "Wait for it to finish and run the command again."
        )
    if type(exc).__name__ in ("OperationalError", "InterfaceError"):
        return f"The database could not be used: {text}. Check --db or TRACKER_DB."
    return None


class TrackerGroup(TyperGroup):
    def invoke(self, ctx):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            typer.echo("Interrupted; nothing was written.", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1) from None
        except Exception as exc:
            from tracker.errors import TrackerError

            if ctx.obj and ctx.obj.get("debug"):
                raise
            if isinstance(exc, TrackerError):
                message = str(exc)
            else:
                message = _database_error(exc)
                if message is None:
                    raise
            typer.echo(f"Error: {message}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=TrackerGroup,
    name="tracker",
    help="Track claims, the outlets that carry them and the people they are attributed to; "
    "find near-duplicates and contradictions; judge credibility.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from tracker import __version__

        typer.echo(f"tracker {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="TRACKER_DB",
            metavar="PATH|URL",
            help="Database: a file path or a SQLAlchemy URL (default: tracker.db in the user data "
            "folder; see `tracker db path`).",
            show_envvar=True,
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = {"db": db, "debug": debug}
    from tracker import usersettings

    usersettings.apply_file()  # the user's thresholds (a bad file: one sentence, exit 1)
    from tracker.matching import synonyms

    synonyms.check_file()  # the user's synonym classes, checked before any work


def _register() -> None:
    from tracker.cli import (
        aliases,
        calibrate,
        claims,
        db,
        exchange,
        lexicon,
        outlets,
        reports,
        review,
        speakers,
        synonyms,
    )

    app.add_typer(claims.app, name="claim")
    app.add_typer(outlets.app, name="outlet")
    app.add_typer(speakers.app, name="speaker")
    review.register(app)
    app.add_typer(reports.app, name="report")
    exchange.register(app)
    calibrate.register(app)
    app.add_typer(aliases.app, name="alias")
    app.add_typer(lexicon.app, name="lexicon")
    app.add_typer(synonyms.app, name="synonyms")
    app.add_typer(db.app, name="db")


_register()


def main() -> None:
    """The console script. Once the command has finished (its transaction committed or
    rolled back, its database engine disposed) and its output is flushed, the process
    ends with ``os._exit``: Python's own shutdown would spend another 0.1-0.15 s tearing
    down SQLAlchemy's modules, a fifth of a short command (docs/performance.md). An
    uncaught exception (a bug, or ``--debug``) ends the usual way, with its traceback."""
    import os

    try:
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            code = code or 1
    os._exit(code)
