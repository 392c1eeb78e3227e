"""Outlets and claims through the command line, and how bad input is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import table_counts

GHAANI = (
    "Quds Force commander Esmail Ghaani told Iraqi militia leaders to keep calm until the nuclear talks end."
)


@pytest.fixture
def ap(cli):
    cli.ok("outlet", "add", "Associated Press", "--alias", "AP", "--grade", "B", "--kind", "wire")
    return cli


def test_add_and_list_claim_with_appearance(ap):
    ap.ok(
        "claim",
        "add",
        GHAANI,
        "--outlet",
        "AP",
        "--date",
        "2021-07-09",
        "--speaker",
        "three Shiite political officials",
        "--anonymous",
        "--yes",
    )
    claims = ap.json("claim", "list")
    assert len(claims) == 1
    c = claims[0]
    assert c["text"] == GHAANI
    assert c["key"] is None
    assert c["status"] == "unreviewed"
    (a,) = c["appearances"]
    assert a["outlet"] == "Associated Press"
    assert a["published"] == "2021-07-09"
    assert a["speaker"] == "three Shiite political officials"
    assert a["anonymous"] is True
    assert a["via"] is None
    assert a["stance"] == "asserts"


def test_outlet_lookup_ignores_case_accents_and_punctuation(ap):
    ap.ok("claim", "add", GHAANI, "--outlet", "the associated press.", "--yes")
    ap.ok("outlet", "alias", "ap", "Associated Prèss Agency")
    ap.ok("claim", "add", "Another sentence about Baghdad.", "--outlet", "ASSOCIATED PRESS AGENCY", "--yes")
    outlets = ap.json("outlet", "list")
    assert [o["name"] for o in outlets] == ["Associated Press"]
    assert set(outlets[0]["aliases"]) == {"AP", "Associated Prèss Agency"}


def test_same_text_becomes_new_appearance(ap):
    ap.ok("outlet", "add", "Antiwar.com")
    ap.ok("claim", "add", GHAANI, "--outlet", "AP", "--date", "2021-07-09", "--yes")
    ap.ok("claim", "add", "  " + GHAANI.upper() + " ", "--outlet", "Antiwar.com", "--via", "AP", "--yes")
    claims = ap.json("claim", "list")
    assert len(claims) == 1
    assert [a["outlet"] for a in claims[0]["appearances"]] == ["Associated Press", "Antiwar.com"]
    assert claims[0]["appearances"][1]["via"] == "Associated Press"


def test_show_json_and_tree(ap):
    ap.ok(
        "claim",
        "add",
        GHAANI,
        "--outlet",
        "AP",
        "--date",
        "2021-07-09",
        "--speaker",
        "officials",
        "--anonymous",
        "--topic",
        "iran-directives",
        "--yes",
    )
    shown = ap.json("claim", "show", "1")
    assert shown["topics"] == ["iran-directives"]
    assert shown["relations"] == []
    out = ap.ok("claim", "show", "1").stdout
    assert "Associated Press" in out and "officials (anonymous)" in out


def bad_inputs():
    return [
        (["claim", "add", "", "--outlet", "AP"], "Claim text is empty"),
        (["claim", "add", "   ", "--outlet", "AP"], "Claim text is empty"),
        (["claim", "add", "x" * 5001, "--outlet", "AP"], "the limit is 5,000"),
        (["claim", "add", "y" * 100_000, "--outlet", "AP"], "the limit is 5,000"),
        (["claim", "add", GHAANI, "--outlet", "AP", "--date", "2021-13-09"], "is not a valid date"),
        (["claim", "add", GHAANI, "--outlet", "AP", "--date", "9 July 2021"], "is not a valid date"),
        (["claim", "add", GHAANI, "--outlet", "AP", "--event-date", "2021-02-30"], "is not a valid date"),
        (["claim", "add", GHAANI, "--outlet", "AP", "--stance", "maybe"], "Stance 'maybe' is not one of"),
        (["claim", "add", GHAANI, "--outlet", "Asociated Pres"], "Did you mean 'Associated Press'"),
        (["claim", "add", GHAANI, "--outlet", "AP", "--via", "Reuterz"], "Unknown outlet 'Reuterz'"),
        (["outlet", "grade", "AP", "Z"], "is not one of A, B, C, D, E, F"),
        (["outlet", "add", "The Associated Press"], "already exists"),
        (["claim", "show", "999"], "No claim with id or key '999'"),
    ]


@pytest.mark.parametrize(("args", "message"), bad_inputs())
def test_bad_input_is_refused_with_one_sentence_and_nothing_written(ap, args, message):
    before = table_counts(ap.url)
    result = ap(*args, "--yes") if args[:2] == ["claim", "add"] else ap(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert table_counts(ap.url) == before


@pytest.mark.parametrize("name", ["Zzyzx Daily", "Antiwar.com"])
def test_unknown_outlet_with_no_close_match_says_how_to_add(ap, name):
    # "Antiwar.com" holds the letters of the alias "AP": no reason to suggest it.
    result = ap("claim", "add", GHAANI, "--outlet", name, "--yes")
    assert result.exit_code == 1
    assert "tracker outlet add" in result.stderr
    assert "Did you mean" not in result.stderr


def test_usage_error_is_exit_2(ap):
    result = ap("claim", "add", GHAANI)
    assert result.exit_code == 2


MARKUP = "Militia says [bold red]x[/] and \x1b[31mred\x1b[0m rockets hit the base."


def test_markup_and_ansi_are_stored_as_given_and_printed_inert(ap):
    ap.ok("claim", "add", MARKUP, "--outlet", "AP", "--yes")
    (c,) = ap.json("claim", "list")
    assert c["text"] == MARKUP
    for args in (("claim", "list"), ("claim", "show", "1")):
        out = ap(*args, env={"COLUMNS": "300"}).stdout
        assert "[bold red]x[/]" in out
        assert "\x1b" not in out
        assert "\\x1b[31mred" in out


def test_version_and_help():
    from typer.testing import CliRunner

    from tracker import __version__
    from tracker.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["--version"]).stdout.strip() == f"tracker {__version__}"
    help_text = runner.invoke(app, ["--help"]).stdout
    for command in ("claim", "outlet", "import", "export", "db"):
        assert command in help_text


def test_events_record_actor(ap, session):
    from sqlalchemy import select

    from tracker.models import Event

    ap.ok("claim", "add", GHAANI, "--outlet", "AP", "--yes", env={"TRACKER_USER": "analyst-7"})
    actions = session.execute(select(Event.action, Event.actor).order_by(Event.id)).all()
    assert ("add", "analyst-7") in actions
    assert ("outlet-add", "tester") in actions


def test_db_path_and_current(tmp_path):
    from typer.testing import CliRunner

    from tracker.cli import app

    runner = CliRunner()
    path = tmp_path / "x.db"
    out = runner.invoke(app, ["--db", str(path), "db", "path"]).stdout.strip()
    assert out == str(path)
    assert runner.invoke(app, ["--db", str(path), "db", "upgrade"]).exit_code == 0
    assert "(head)" in runner.invoke(app, ["--db", str(path), "db", "current"]).stdout
    assert "initial schema" in runner.invoke(app, ["db", "history"]).stdout


def test_default_database_is_in_user_data_folder(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from tracker.cli import app

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    out = CliRunner().invoke(app, ["db", "path"], env={"TRACKER_DB": None}).stdout.strip()
    assert out == str(tmp_path / "xdg" / "tracker" / "tracker.db")


def _many_claims(path, n: int) -> None:
    lines = [
        {
            "type": "claim",
            "key": f"c{i:04d}",
            "text": f"Report number {i} on the {i}th drone strike.",
            "outlet": "Wire",
        }
        for i in range(n)
    ]
    for line in lines[:3]:
        line["topics"] = ["drones"]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def test_claim_list_shows_the_first_100_unless_told_otherwise(cli, tmp_path):
    path = tmp_path / "many.jsonl"
    _many_claims(path, 620)
    cli.ok("import", str(path))
    # A relation on a claim past the 500th: statuses are looked up in chunks of ids.
    cli.ok("link", "c0000", "c0610", "--contradicts")
    first = cli("claim", "list", "--json")
    assert first.exit_code == 0
    assert [c["key"] for c in json.loads(first.stdout)] == [f"c{i:04d}" for i in range(100)]
    assert "first 100 matching claims; --limit N or --all for more" in first.stderr
    every = cli.json("claim", "list", "--all")
    assert len(every) == 620
    assert {c["key"]: c["status"] for c in every}["c0610"] == "disputed"
    few = cli("claim", "list", "--limit", "620", "--json")
    assert len(json.loads(few.stdout)) == 620 and few.stderr == ""
    topical = cli("claim", "list", "--topic", "drones", "--limit", "2", "--json")
    assert [c["key"] for c in json.loads(topical.stdout)] == ["c0000", "c0001"]
    assert "first 2 matching claims" in topical.stderr
    assert [c["key"] for c in cli.json("claim", "list", "--topic", "drones")] == ["c0000", "c0001", "c0002"]


def test_the_console_script_flushes_commits_and_exits_with_the_command_code(tmp_path):
    """``main`` ends the process with os._exit once the command is done: everything printed
    must be out, the transaction committed and the SQLite database closed cleanly."""
    db = tmp_path / "exit.db"
    path = tmp_path / "many.jsonl"
    _many_claims(path, 300)

    def run(*args: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "tracker", "--db", str(db), *args]
        return subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})

    assert run("import", str(path)).returncode == 0
    out = run("claim", "list", "--all", "--json")
    assert out.returncode == 0
    assert len(json.loads(out.stdout)) == 300  # the whole document, flushed before exit
    assert not (tmp_path / "exit.db-wal").exists()  # closed cleanly: WAL checkpointed and removed
    bad = run("claim", "show", "no-such-key")
    assert (bad.returncode, bad.stdout) == (1, "")
    assert (
        bad.stderr.strip()
        == "Error: No claim with id or key 'no-such-key'; list them with: tracker claim list."
    )
    usage = run("claim", "list", "--limit", "0")
    assert usage.returncode == 2 and "--limit" in usage.stderr
    help_ = run("--help")
    assert help_.returncode == 0 and "speaker" in help_.stdout
