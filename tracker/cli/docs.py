"""The command reference (docs/commands.md), generated from the commands' own help.

Run ``python -m tracker.cli.docs > docs/commands.md``; a test fails when the file is
stale or a command has no help text.
"""

from __future__ import annotations

from typer import Context


def _walk(cmd, path: list[str]):
    yield path, cmd
    if hasattr(cmd, "list_commands"):
        for name in cmd.list_commands(Context(cmd)):
            yield from _walk(cmd.get_command(Context(cmd), name), [*path, name])


def commands():
    """(full name, click command) for every command and group, in the order of --help."""
    import typer

    from tracker.cli import app

    root = typer.main.get_command(app)
    return [(" ".join(["tracker", *p]), c) for p, c in _walk(root, [])]


def reference() -> str:
    out = [
        "# Command reference",
        "",
        "Generated from each command's `--help` by `python -m tracker.cli.docs`; do not edit by hand.",
        "",
    ]
    for name, cmd in commands():
        ctx = Context(cmd, info_name=name, terminal_width=100, max_content_width=100)
        out += [f"## `{name}`", "", "```", cmd.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(reference(), end="")
