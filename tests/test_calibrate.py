"""``tracker calibrate`` and the user's settings file: figures per threshold that equal what
an import at that threshold links, a proposal that meets the target, a settings file every
command reads, and one clear sentence for a bad labelled file or a bad settings file."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli

# A small labelled set of our own: a repost in near-identical words (linked at any
# threshold), a rewording that shares fewer words, and unrelated claims around them.
CLAIMS = [
    ("wire-bridge", "Engineers of the Iraqi army reopened the Shuhada bridge over the Tigris in Mosul."),
    (
        "blog-bridge",
        "Engineers of the Iraqi army reopened the Shuhada bridge over the Tigris in Mosul, officials said.",
    ),
    (
        "paper-bridge",
        "Mosul's Shuhada bridge over the Tigris is open again after army engineers repaired it.",
    ),
    ("wire-dam", "Water levels at the Mosul dam on the Tigris fell for a third week."),
    ("wire-port", "Customs revenue at Umm Qasr port rose in April."),
    ("wire-oil", "Kirkuk oil exports through Ceyhan resumed after a pause."),
    ("wire-vote", "The provincial council of Nineveh elected a new governor."),
    ("wire-rain", "Heavy rain flooded farms near Samarra."),
]
TRUTH = {
    "duplicates": [["wire-bridge", "blog-bridge", "paper-bridge"]],
    "contradictions": [],
    "hard_negatives": [["wire-bridge", "wire-dam", "same river and city, another structure"]],
    "unverified": ["wire-rain"],
}
TRUE_PAIRS = {
    frozenset(p)
    for p in (
        ("wire-bridge", "blog-bridge"),
        ("wire-bridge", "paper-bridge"),
        ("blog-bridge", "paper-bridge"),
    )
}


def _write_set(folder: Path, truth: dict | None = None) -> Path:
    lines = [{"type": "outlet", "name": "Wire"}] + [
        {"key": k, "text": t, "outlet": "Wire", "published": "2021-05-05"} for k, t in CLAIMS
    ]
    (folder / "claims.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    pairs = folder / "truth.json"
    pairs.write_text(json.dumps(truth or TRUTH, indent=1), encoding="utf-8")
    return pairs


def _linked_by_import(folder: Path, content: float) -> set[frozenset[str]]:
    """The pairs of keys ``tracker import`` links at this content threshold (set in a
    settings file) in a database of its own: one claim, or a duplicate relation not
    dismissed, read from the export as the shared scorer reads them."""
    run = folder / f"run-{content:g}"
    run.mkdir()
    settings = run / "settings.toml"
    settings.write_text(f"[matching]\ncontent = {content}\n", encoding="utf-8")
    cli = Cli(f"sqlite:///{run / 'tracker.db'}")
    env = {"TRACKER_SETTINGS": str(settings)}
    cli.ok("import", str(folder / "claims.jsonl"), env=env)
    members: dict[str, set[str]] = {}
    relations = []
    for line in cli.ok("export", "--format", "jsonl", env=env).stdout.splitlines():
        d = json.loads(line)
        if d.get("type") == "claim":
            members.setdefault(d.get("claim") or d["key"], set()).add(d["key"])
        elif d.get("type") == "relation" and d["kind"] == "duplicate" and d["state"] != "dismissed":
            relations.append((d["a"], d["b"]))
    found = {frozenset((x, y)) for ks in members.values() for x in ks for y in ks if x != y}
    for a, b in relations:
        found |= {frozenset((x, y)) for x in members.get(a, {a}) for y in members.get(b, {b}) if x != y}
    return found


def test_the_figures_at_a_threshold_are_what_an_import_at_that_threshold_links(tmp_path):
    pairs = _write_set(tmp_path)
    out = Cli(f"sqlite:///{tmp_path / 'unused.db'}").json("calibrate", str(pairs))
    rows = {r["content"]: r["duplicates"] for r in out["thresholds"]}
    assert sorted(rows) == [30.0, 35.0, 40.0, 45.0, 50.0, 55.0, 60.0, 65.0, 70.0]
    for content in (30.0, 70.0):
        linked = _linked_by_import(tmp_path, content)
        d = rows[content]
        assert (d["found"], d["right"], d["true"]) == (len(linked), len(linked & TRUE_PAIRS), 3)
    assert rows[70.0]["right"] >= 1  # the repost is linked at any threshold
    assert rows[30.0]["recall"] >= rows[70.0]["recall"]
    assert out["thresholds"][0]["contradictions"]["true"] == 0


def test_the_proposal_is_the_lowest_threshold_meeting_the_target_and_write_records_it(tmp_path):
    pairs = _write_set(tmp_path)
    cli = Cli(f"sqlite:///{tmp_path / 'tracker.db'}")
    settings = tmp_path / "config" / "settings.toml"
    env = {"TRACKER_SETTINGS": str(settings)}
    out = cli.json("calibrate", str(pairs), "--target", "0.5", "--write", env=env)
    meeting = [r["content"] for r in out["thresholds"] if (r["duplicates"]["precision"] or 0) >= 0.5]
    assert out["proposed"] == {"content": min(meeting), "meets_target": True}
    assert out["written"] == str(settings)
    assert f"content = {min(meeting)}" in settings.read_text(encoding="utf-8")
    # The database named by --db / TRACKER_DB is not touched by a calibration.
    assert not (tmp_path / "tracker.db").exists() or cli.json("claim", "list", env=env) == []


def test_a_target_no_threshold_meets_writes_nothing_and_fails_with_write(tmp_path):
    truth = {"duplicates": [["wire-bridge", "wire-dam"]]}  # a wrong label: never precise
    pairs = _write_set(tmp_path, truth)
    cli = Cli(f"sqlite:///{tmp_path / 'tracker.db'}")
    settings = tmp_path / "settings.toml"
    result = cli(
        "calibrate", str(pairs), "--target", "0.99", "--write", env={"TRACKER_SETTINGS": str(settings)}
    )
    assert result.exit_code == 1
    assert "No threshold reaches duplicate precision 0.99" in result.stdout
    assert not settings.exists()


def test_a_malformed_pairs_file_gets_one_sentence_naming_line_and_field(tmp_path):
    _write_set(tmp_path)
    cli = Cli(f"sqlite:///{tmp_path / 'tracker.db'}")
    cases = [
        (
            '{"duplicates": [\n  ["wire-bridge", "blog-bridge"],\n  ["wire-bridge", "nowhere"]\n]}',
            "line 3, field 'duplicates'",
            "nowhere",
        ),
        (
            '{"duplicates": [],\n "contradictions": [\n  ["wire-bridge"]\n]}',
            "line 3, field 'contradictions'",
            "two claim keys",
        ),
        ('{"duplicates": [\n  ["wire-bridge", \n]}', "line 3", "not valid JSON"),
        ('{"contradictions": []}', "field 'duplicates'", "required"),
    ]
    for text, where, what in cases:
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        result = cli("calibrate", str(bad), "--claims", str(tmp_path / "claims.jsonl"))
        assert result.exit_code == 1, text
        assert result.stdout == ""
        message = result.stderr.strip()
        assert message.count("\n") == 0 and where in message and what in message, message


def test_every_command_reads_the_settings_file_and_refuses_a_bad_one(cli, tmp_path):
    settings = tmp_path / "settings.toml"
    env = {"TRACKER_SETTINGS": str(settings)}
    cli.ok("outlet", "add", "Wire")
    for text in [t for _, t in CLAIMS if "bridge" not in t]:
        cli.ok("claim", "add", text, "--outlet", "Wire", "--yes")
    first = cli.json("claim", "add", CLAIMS[0][1], "--outlet", "Wire", "--yes")["claim"]["id"]
    rewording = "The Shuhada bridge in Mosul is open again: army engineers repaired it."

    def suggested(content: float) -> bool:
        settings.write_text(f"[matching]\ncontent = {content}\n", encoding="utf-8")
        out = cli.json("claim", "similar", "--text", rewording, "--limit", "1", env=env)
        row = out["similar"][0]
        return row["claim"]["id"] == first and row["judgement"] == "possibly the same claim"

    assert suggested(5.0) and not suggested(99.0)
    for text, what in [
        ('[matching]\ncontent = "high"\n', "content must be a number"),
        ("[matching]\nsuggest = 95\n", "suggest (95) must not be above merge (90)"),
        ("[other]\nx = 1\n", "unknown table 'other'"),
        ("[matching]\nthreshold = 3\n", "unknown setting 'threshold'"),
        ("[matching\n", "TOML error"),
    ]:
        settings.write_text(text, encoding="utf-8")
        result = cli("claim", "list", env=env)
        assert result.exit_code == 1 and result.stdout == ""
        message = result.stderr.strip()
        assert message.count("\n") == 0 and str(settings) in message and what in message, message
