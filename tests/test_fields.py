"""The table of claim-line fields (tracker/fields.py) is the one list: the model, the
import, both writers of appearance rows, the JSON Lines and CSV export, `claim add`'s
options, `--json` and the docs all carry every field of it."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from tests.conftest import Cli
from tracker import fields

DOCS = Path(__file__).resolve().parent.parent / "docs"

# A value for every field a claim line keeps (holder "appearance" or "claim"), none of
# them the default, so that a field lost anywhere on the way shows in the export.
FIRST = {
    "key": "met-1",
    "text": "Militia leaders met Quds Force envoys in Baghdad on 3 March 2021 to discuss the talks.",
    "outlet": "Rudaw",
    "published": "2021-03-04",
    "url": "https://example.org/met",
    "speaker": "a militia commander",
    "speaker_role": "commander",
    "anonymous": True,
    "speaker_count": 2,
    "via": "Reuters",
    "quote": "We met them twice.",
    "stance": "reports",
    "topics": ["talks"],
    "event_date": "2021-03-03",
}
# A second appearance of the same claim, every appearance field different again.
SECOND = {
    "key": "met-2",
    "claim": "met-1",
    "text": FIRST["text"],
    "outlet": "Al-Monitor",
    "published": "2021-03-05",
    "url": "https://example.org/met-again",
    "speaker": "two officials",
    "speaker_role": "officials",
    "anonymous": True,
    "speaker_count": 3,
    "via": "Rudaw",
    "quote": "They met.",
    "stance": "denies",
}


def _kept() -> tuple[fields.Field, ...]:
    return tuple(f for f in fields.CLAIM_LINE if f.holder != "line")


def _exported(first: dict, second: dict | None = None) -> list[dict]:
    """The claim lines an export must write for these lines, in the table's order."""
    lines = [{"type": "claim", "claim": first["key"], **first}]
    if second:
        lines.append({"type": "claim", **second})
    return [{f.name: line[f.name] for f in fields.CLAIM_LINE if f.name in line} for line in lines]


def _claim_lines(export: str) -> list[dict]:
    return [r for r in map(json.loads, export.splitlines()) if r.get("type") == "claim"]


def test_the_samples_cover_every_kept_field():
    assert set(FIRST) == {f.name for f in _kept()}
    assert set(SECOND) - {"claim"} == {f.name for f in fields.by_holder("appearance")} | {"text"}


def test_every_appearance_column_is_a_field_or_derived():
    from tracker.models import Appearance

    columns = set(Appearance.__table__.columns.keys())
    assert columns == set(fields.APPEARANCE_COLUMNS) | set(fields.APPEARANCE_DERIVED)
    assert not set(fields.APPEARANCE_COLUMNS) & set(fields.APPEARANCE_DERIVED)
    # The outlet fields are kept as references to outlets.
    assert {f.name for f in fields.by_holder("appearance") if f.outlet} == {"outlet", "via"}


def test_claim_input_carries_every_kept_field():
    from tracker.claims import ClaimInput

    assert {f.name for f in dataclasses.fields(ClaimInput)} - {"hedges"} == {f.name for f in _kept()}


def test_every_field_survives_an_import_and_an_export(cli, tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps(FIRST) + "\n" + json.dumps(SECOND) + "\n", encoding="utf-8")
    cli.ok("import", str(path))
    export = cli.ok("export", "--format", "jsonl").stdout
    assert _claim_lines(export) == _exported(FIRST, SECOND)


def test_every_field_survives_a_csv_round_trip(cli, tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps(FIRST) + "\n" + json.dumps(SECOND) + "\n", encoding="utf-8")
    cli.ok("import", str(path))
    csv_file = tmp_path / "lines.csv"
    csv_file.write_text(cli.ok("export", "--format", "csv").stdout, encoding="utf-8")
    header = csv_file.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == fields.CSV_COLUMNS
    other = Cli(f"sqlite:///{tmp_path / 'other.db'}")
    other.ok("import", str(csv_file))
    assert _claim_lines(other.ok("export", "--format", "jsonl").stdout) == _exported(FIRST, SECOND)


def _add_args(line: dict) -> list[str]:
    """`claim add` arguments for a claim line, each option named by the table."""
    args = ["claim", "add", line["text"]]
    for f in _kept():
        if f.name == "text":
            continue
        assert f.option, f"field {f.name} has no option of `claim add`"
        value = line[f.name]
        if f.kind == "flag":
            args += [f.option] if value else []
        elif f.kind == "list":
            for item in value:
                args += [f.option, item]
        else:
            args += [f.option, str(value)]
    return [*args, "--yes"]


def test_claim_add_has_an_option_for_every_field_and_stores_it(cli):
    cli.ok("outlet", "add", "Rudaw")
    cli.ok("outlet", "add", "Reuters")
    help_text = cli.ok("claim", "add", "--help").stdout
    for f in _kept():
        if f.option:
            assert f.option in help_text
    cli.ok(*_add_args(FIRST))
    assert _claim_lines(cli.ok("export", "--format", "jsonl").stdout) == _exported(FIRST)


def test_the_json_appearance_object_carries_every_appearance_field(cli, tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps(FIRST) + "\n", encoding="utf-8")
    cli.ok("import", str(path))
    (listed,) = cli.json("claim", "list")
    shown = cli.json("claim", "show", str(listed["id"]))
    (appearance,) = shown["appearances"]
    for f in fields.by_holder("appearance"):
        assert appearance[f.name] == FIRST[f.name], f.name


def test_the_format_docs_name_every_field_of_every_line_type():
    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    named = set(re.findall(r'"(\w+)":', text)) | set(re.findall(r"`(\w+)`", text))
    missing = [name for line in fields.LINES for name in fields.names(line) if name not in named]
    assert missing == []
