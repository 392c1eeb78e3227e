"""Helpers shared by the command modules: the session boundary and output options."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON on stdout (schema: docs/json.md), nothing else.")
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Accept the default answer to every question.")]
NoInputOpt = Annotated[
    bool, typer.Option("--no-input", help="Never prompt; take the default answer (for scripts).")
]


def target(ctx: typer.Context) -> str | None:
    root = ctx.find_root()
    return (root.obj or {}).get("db")


@contextmanager
def session(ctx: typer.Context) -> Iterator[Session]:
    """One transaction per command: everything or nothing is written."""
    from tracker.db import open_database, session_scope

    engine = open_database(target(ctx))
    try:
        with session_scope(engine) as s:
            yield s
    finally:
        engine.dispose()


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def interactive(yes: bool, no_input: bool) -> bool:
    """Whether the command may ask questions."""
    return not (yes or no_input) and sys.stdin.isatty()


def info(message: str) -> None:
    """A diagnostic line on stderr (never mixed into --json output)."""
    typer.echo(message, err=True)
