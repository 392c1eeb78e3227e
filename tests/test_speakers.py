"""Speaker grades (SPEC §6, "optionally a speaker"): stored under the transliteration key,
weighed before the outlet's grade, logged, exported, and refused when bad."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.conftest import FIXTURES, table_counts
from tracker import speakers
from tracker.errors import InvalidInput, NotFound
from tracker.models import Event, Speaker

FIXTURE = FIXTURES / "iraq-militias-2021.jsonl"
# Reuters' single report of the rocket count, crediting the coalition spokesman by name.
ROCKETS = "oir-ain-al-asad-14-rockets-2021-07-07"


def test_one_grade_covers_every_spelling_of_the_name(session):
    speakers.set_grade(session, "Ismail Qaani", "d", notes="commands the Quds Force")
    lookup = speakers.lookup(session)
    assert lookup("Esmail Ghaani") == "D"
    assert lookup("ISMAIL QAANI") == "D"
    assert lookup("Esmail Ghaani", anonymous=True) is None
    assert lookup("Hossein Taeb") is None
    assert lookup(None) is None
    # Grading another spelling updates the same row; notes stay unless given.
    speakers.set_grade(session, "Esmail Ghaani", "E")
    (row,) = session.scalars(select(Speaker)).all()
    assert (row.name, row.grade, row.notes) == ("Ismail Qaani", "E", "commands the Quds Force")
    actions = [(e.action, e.payload) for e in session.scalars(select(Event).order_by(Event.id))]
    assert actions == [
        ("speaker-grade", {"speaker": "Ismail Qaani", "old": None, "new": "D"}),
        ("speaker-grade", {"speaker": "Ismail Qaani", "old": "D", "new": "E"}),
    ]


def test_clearing_a_grade_removes_the_row_and_is_logged(session):
    speakers.set_grade(session, "John Kirby", "B")
    speakers.clear_grade(session, "john  kirby")
    assert session.scalars(select(Speaker)).all() == []
    last = session.scalars(select(Event).order_by(Event.id.desc())).first()
    assert (last.action, last.payload) == (
        "speaker-grade",
        {"speaker": "John Kirby", "old": "B", "new": None},
    )
    with pytest.raises(NotFound):
        speakers.clear_grade(session, "John Kirby")


@pytest.mark.parametrize(
    ("name", "grade", "message"),
    [
        ("John Kirby", "G", "not one of A, B, C, D, E, F"),
        ("   ", "B", "cannot be empty"),
        ("!!!", "B", "no letters or digits"),
        ("x" * 301, "B", "at most 300 characters"),
    ],
)
def test_bad_names_and_grades_are_refused(session, name, grade, message):
    with pytest.raises(InvalidInput, match=message):
        speakers.set_grade(session, name, grade)
    assert session.scalars(select(Speaker)).all() == []


def test_speaker_grade_decides_the_origin_in_claim_show(cli):
    cli.ok("import", str(FIXTURE))
    before = cli.json("claim", "show", ROCKETS)
    assert before["credibility"]["grade"] == 3
    assert [(o["grade"], o["graded_speaker"]) for o in before["origins"]] == [("B", None)]
    cli.ok("speaker", "grade", "Coalition spokesman", "E")
    after = cli.json("claim", "show", ROCKETS)
    assert after["credibility"]["grade"] == 6
    assert [(o["grade"], o["graded_speaker"]) for o in after["origins"]] == [("E", "coalition spokesman")]
    assert "speaker coalition spokesman: E" in after["credibility"]["reasons"][-1]
    # The tree shows the grade beside the speaker, and the report lists the claim as 6.
    assert "coalition spokesman (graded E)" in cli.ok("claim", "show", ROCKETS).stdout
    listed = {c["key"]: c for c in cli.json("report", "unverified")}
    assert listed[ROCKETS]["credibility"] == 6
    cli.ok("speaker", "ungrade", "coalition spokesman")
    assert cli.json("claim", "show", ROCKETS)["credibility"]["grade"] == 3


def test_speaker_list_counts_appearances_over_spellings(cli, tmp_path):
    lines = [
        {"type": "claim", "text": f"Claim number {i} about the talks.", "outlet": "Wire", "speaker": name}
        for i, name in enumerate(["Esmail Ghaani", "Ismail Qaani", "Esmail Ghaani", "John Kirby"])
    ]
    lines.append(
        {
            "type": "claim",
            "text": "An unnamed claim.",
            "outlet": "Wire",
            "speaker": "an official",
            "anonymous": True,
        }
    )
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    cli.ok("import", str(path))
    cli.ok("speaker", "grade", "John Kirby", "B", "--note", "press secretary")
    cli.ok("speaker", "grade", "Hossein Taeb", "E")
    rows = cli.json("speaker", "list")
    assert [(r["name"], r["appearances"], r["grade"]) for r in rows] == [
        ("Esmail Ghaani", 3, None),
        ("John Kirby", 1, "B"),
        ("Hossein Taeb", 0, "E"),
    ]
    graded = cli.json("speaker", "list", "--graded")
    assert [r["name"] for r in graded] == ["John Kirby", "Hossein Taeb"]
    assert graded[0]["notes"] == "press secretary"
    assert [r["name"] for r in cli.json("speaker", "list", "--limit", "1")] == ["Esmail Ghaani"]
    table = cli.ok("speaker", "list").stdout
    assert "Esmail Ghaani" in table and "3 speaker(s)" in table


def test_cli_refuses_a_bad_grade_with_one_sentence_and_writes_nothing(cli):
    cli.ok("outlet", "add", "Wire")
    before = table_counts(cli.url)
    result = cli("speaker", "grade", "John Kirby", "Q")
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == "Error: Reliability grade 'Q' is not one of A, B, C, D, E, F (Admiralty scale)."
    )
    assert table_counts(cli.url) == before
    result = cli("speaker", "ungrade", "John Kirby")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: No grade is set for a speaker named 'John Kirby'."


def test_speaker_names_are_printed_as_data_not_markup(cli):
    cli.ok("speaker", "grade", "[bold red]Abu Ali[/]", "E")
    out = cli.ok("speaker", "list").stdout
    assert "[bold red]Abu Ali[/]" in out


def test_speaker_lines_import_and_keep_a_stored_grade(cli, tmp_path):
    cli.ok("speaker", "grade", "John Kirby", "A")
    path = tmp_path / "s.jsonl"
    path.write_text(
        json.dumps({"type": "speaker", "name": "JOHN KIRBY", "reliability": "C"})
        + "\n"
        + json.dumps(
            {"type": "speaker", "name": "Qais al-Khazali", "reliability": "e", "notes": "armed group"}
        )
        + "\n",
        encoding="utf-8",
    )
    out = cli.json("import", str(path))
    assert out["speakers_graded"] == 1
    graded = {r["name"]: (r["grade"], r["notes"]) for r in cli.json("speaker", "list", "--graded")}
    assert graded == {"John Kirby": ("A", None), "Qais al-Khazali": ("E", "armed group")}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"type": "speaker", "name": "John Kirby"}, "field 'reliability': is required"),
        ({"type": "speaker", "name": "John Kirby", "reliability": "G"}, "must be one of A, B, C, D, E, F"),
        ({"type": "speaker", "name": "  ", "reliability": "B"}, "cannot be empty"),
        (
            {"type": "speaker", "name": "John Kirby", "reliability": "B", "kind": "x"},
            "is not a field of a speaker line",
        ),
    ],
)
def test_bad_speaker_lines_name_the_line_and_write_nothing(cli, tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    good = {"type": "claim", "text": "A claim that would be written.", "outlet": "Wire"}
    path.write_text(json.dumps(good) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    before = table_counts(cli.url)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert "line 2" in result.stderr and message in result.stderr
    assert table_counts(cli.url) == before
