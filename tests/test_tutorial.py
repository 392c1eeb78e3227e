"""docs/tutorial.md runs as written: every ``sh`` block's commands, in order, against one
database, and every line of the output shown under a block (table and tree borders, trimmed
lines and prompts aside) is in what the commands print."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Cli

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)
CHROME = "│┃┏┓┗┛┡┩┠┨━─┳┻╇╈╋┣┫└┘┌┐├┤┬┴┼╭╮╰╯═║╔╗╚╝"
WIDE = {"COLUMNS": "200"}


def _blocks() -> list[tuple[list[list[str]], list[str]]]:
    """[(commands of an ``sh`` block, the output lines shown after it)]."""
    out: list[tuple[list[list[str]], list[str]]] = []
    for lang, body in BLOCK.findall(TUTORIAL.read_text(encoding="utf-8")):
        if lang == "sh":
            joined = body.replace("\\\n", " ")
            commands = [shlex.split(line, comments=True) for line in joined.splitlines()]
            out.append(([c for c in commands if c], []))
        elif out:
            out[-1][1].extend(body.splitlines())
    return out


def _flat(text: str) -> str:
    """The text without borders and with its whitespace collapsed: wrapped lines join up."""
    return " ".join(text.translate({ord(c): " " for c in CHROME}).split())


def _expected(lines: list[str]) -> list[str]:
    """The output lines a reader can check word for word: no table rows, no trimmed text."""
    kept = []
    for line in lines:
        body = line.lstrip(" " + CHROME)
        if not body or "..." in body or any(c in body for c in CHROME) or "[Y/n]" in body:
            continue
        kept.append(_flat(body))
    return kept


def test_the_tutorial_runs_as_written(db_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    cli = Cli(db_url)
    blocks = _blocks()
    assert len(blocks) >= 6
    event = None
    for commands, shown in blocks:
        printed = []
        for argv in commands:
            assert argv[0] == "tracker", argv
            args = [event if a == "EVENT" else a for a in argv[1:]]
            if None in args:
                pytest.fail("the tutorial undoes an event before any command printed one")
            result = cli(*args, env=WIDE)
            assert result.exit_code == 0, f"{shlex.join(argv)}: {result.output}"
            printed.append(result.output)
            found = re.search(r"undo with: tracker undo (\d+)", result.output)
            event = found.group(1) if found else event
        flat = _flat("\n".join(printed))
        for line in _expected(shown):
            assert line in flat, f"not printed by {commands}: {line!r}"
    assert (tmp_path / "contradictions.html").exists()


def test_the_repost_joins_the_ap_claim(db_url, tmp_path, monkeypatch):
    """The tutorial's central step, checked on the database: one claim, two appearances."""
    from sqlalchemy import func, select

    from tracker.db import open_database
    from tracker.models import Appearance, Claim

    monkeypatch.chdir(tmp_path)
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    cli = Cli(db_url)
    for argv in [c for commands, _ in _blocks()[:3] for c in commands]:
        cli.ok(*argv[1:])
    engine = open_database(db_url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Claim)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(Appearance)).scalar() == 2
    engine.dispose()
