"""JSON Lines import and export: validate first, write nothing on a bad line, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import table_counts

OUTLETS = [
    {"type": "outlet", "name": "Associated Press", "aliases": ["AP"], "kind": "wire", "reliability": "B"},
    {"type": "outlet", "name": "Reuters", "kind": "wire", "reliability": "B"},
    {"type": "outlet", "name": "Kurdistan 24", "kind": "broadcaster"},
]


def claim_lines(n: int) -> list[dict]:
    lines = []
    for i in range(n):
        lines.append(
            {
                "type": "claim",
                "key": f"k{i:02d}",
                "text": f"Militia group number {i} fired {i + 3} rockets at a base near Baghdad "
                f"on day {i + 1}.",
                "outlet": ["AP", "Reuters", "Kurdistan 24", "Rudaw"][i % 4],
                "published": f"2021-07-{(i % 28) + 1:02d}",
                "speaker": "a security source" if i % 2 else "the coalition",
                "anonymous": bool(i % 2),
                "topics": ["attacks"],
            }
        )
    return lines


def write_jsonl(path, lines) -> None:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "good.jsonl"
    lines = OUTLETS[:1] + claim_lines(20)
    # A repost: same text, another outlet, crediting AP, with its own key.
    lines.append({**lines[1], "key": "k00-repost", "outlet": "Antiwar.com", "via": "AP"})
    write_jsonl(path, lines)
    return path


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        ('{"type": "claim", "text": "Half a line"', "line 12: not valid JSON"),
        (
            '{"type": "claim", "text": "Half a line',
            "line 12: not valid JSON (Unterminated string starting at column 27).",
        ),
        ({"type": "claim", "text": "No outlet here."}, "line 12, field 'outlet': is required"),
        ({"type": "claim", "text": "", "outlet": "AP"}, "line 12, field 'text'"),
        (
            {"type": "claim", "text": "Bad date.", "outlet": "AP", "published": "2021-7-9"},
            "line 12, field 'published'",
        ),
        (
            {"type": "claim", "text": "Bad stance.", "outlet": "AP", "stance": "hints"},
            "line 12, field 'stance'",
        ),
        (
            {"type": "claim", "text": "Bad flag.", "outlet": "AP", "anonymous": "yes"},
            "line 12, field 'anonymous'",
        ),
        ({"type": "rumour", "text": "x", "outlet": "AP"}, "line 12, field 'type'"),
        ({"type": "claim", "text": "x", "outlet": "AP", "colour": "red"}, "line 12, field 'colour'"),
        ("[1, 2, 3]", "line 12: each line must be a JSON object"),
        (
            {"type": "claim", "text": "Refers to a ghost.", "outlet": "AP", "contradicts": ["nope"]},
            "line 12, field 'contradicts': no claim with key 'nope'",
        ),
    ],
)
def test_one_broken_line_writes_nothing_and_is_named(cli, tmp_path, broken, where):
    lines = OUTLETS[:1] + claim_lines(20)
    lines.insert(11, broken)  # line 12 of the file
    path = tmp_path / "broken.jsonl"
    write_jsonl(path, lines)
    before = table_counts(cli.url)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert f"broken.jsonl, {where}" in result.stderr
    assert table_counts(cli.url) == before


def test_duplicate_key_in_file_is_refused(cli, tmp_path):
    lines = claim_lines(3)
    lines[2]["key"] = "k00"
    path = tmp_path / "dup.jsonl"
    write_jsonl(path, lines)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert "line 3, field 'key': 'k00' is already used on line 1" in result.stderr


def test_import_then_reimport_changes_nothing(cli, good_file):
    report = cli.json("import", str(good_file))
    assert report["claims_added"] == 20
    assert report["appearances_added"] == 1
    claims = cli.json("claim", "list")
    assert len(claims) == 20
    repost = next(c for c in claims if c["key"] == "k00")
    assert [(a["outlet"], a["via"], a["key"]) for a in repost["appearances"]] == [
        ("Associated Press", None, "k00"),
        ("Antiwar.com", "Associated Press", "k00-repost"),
    ]
    outlets = {o["name"]: o for o in cli.json("outlet", "list")}
    assert outlets["Associated Press"]["grade"] == "B"
    assert "Rudaw" in outlets  # created on first sight

    before = table_counts(cli.url)
    again = cli.json("import", str(good_file))
    assert again["claims_added"] == again["appearances_added"] == again["outlets_added"] == 0
    after = table_counts(cli.url)
    assert after == before


def test_lines_without_key_are_recognised_by_text_outlet_and_date(cli, tmp_path):
    path = tmp_path / "nokey.jsonl"
    write_jsonl(
        path, [{"text": "The base was hit by 14 rockets.", "outlet": "AP", "published": "2021-07-07"}]
    )
    cli.ok("import", str(path))
    before = table_counts(cli.url)
    cli.ok("import", str(path))
    assert table_counts(cli.url) == before


def test_export_import_export_is_identical(cli, good_file, tmp_path, db_url):
    from tests.conftest import Cli

    cli.ok("import", str(good_file))
    cli.ok(
        "claim",
        "add",
        "A claim added by hand without a key.",
        "--outlet",
        "Reuters",
        "--speaker",
        "Major General Tahsin al-Khafaji",
        "--count",
        "1",
        "--quote",
        "We are ready",
        "--stance",
        "denies",
        "--yes",
    )
    cli.ok("outlet", "alias", "Reuters", "Thomson Reuters")
    first = cli.ok("export", "--format", "jsonl").stdout
    assert first.count("\n") > 20
    export = tmp_path / "export.jsonl"
    export.write_text(first, encoding="utf-8")

    # An empty database of the same backend.
    other_url = _empty_like(db_url, tmp_path)
    other = Cli(other_url)
    other.ok("import", str(export))
    second = other.ok("export", "--format", "jsonl").stdout
    assert second == first


def _empty_like(db_url: str, tmp_path) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.db'}"
    # PostgreSQL: a fresh schema next to the test schema.
    import uuid

    from sqlalchemy import text

    from tests.conftest import PG_URL, pg_schema_url
    from tracker.db import make_engine

    schema = f"tracker_rt_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return pg_schema_url(schema)


def test_export_to_file_is_written_whole(cli, good_file, tmp_path):
    cli.ok("import", str(good_file))
    out = tmp_path / "out.jsonl"
    result = cli("export", "--format", "jsonl", "--output", str(out))
    assert result.exit_code == 0
    assert "Wrote" in result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line) for line in lines)
    assert not (tmp_path / "out.jsonl.part").exists()


def test_import_prepared_in_forked_workers_stores_what_a_serial_import_stores(cli, tmp_path, monkeypatch):
    """Large imports prepare their lines in forked workers while the file is read, and
    run the detectors in a forked worker beside the writing; lowered thresholds put the
    bundled example through that path. The export must equal that of a serial import."""
    monkeypatch.delenv("TRACKER_WORKERS", raising=False)
    from tests.conftest import FIXTURES, Cli
    from tracker import parallel
    from tracker.claims import bulk

    fixture = str(FIXTURES / "iraq-militias-2021.jsonl")
    serial = Cli(f"sqlite:///{tmp_path / 'serial.db'}")
    serial.ok("import", fixture)
    expected = serial.ok("export", "--format", "jsonl").stdout

    forked = []
    real_start, real_run = parallel.start, parallel.run
    monkeypatch.setattr(
        parallel,
        "start",
        lambda fn, tasks, n, **kw: forked.append(("start", n)) or real_start(fn, tasks, n, **kw),
    )
    monkeypatch.setattr(
        parallel, "run", lambda fn, tasks, n, **kw: forked.append(("run", n)) or real_run(fn, tasks, n, **kw)
    )
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(bulk, "FOLD_PARALLEL_FROM", 1)
    monkeypatch.setattr(bulk, "PREFOLD_BATCH", 7)  # several batches sent while reading
    monkeypatch.setattr(bulk, "DETECT_PARALLEL_FROM", 1)
    prefolded = []
    real_results = bulk.Prefold.results
    monkeypatch.setattr(
        bulk.Prefold, "results", lambda self: prefolded.append(real_results(self)) or prefolded[-1]
    )
    cli.ok("import", fixture)
    assert ("start", 2) in forked or any(k == "start" and n > 1 for k, n in forked)  # the detectors
    assert any(k == "run" and n > 1 for k, n in forked)  # the judgements worked out ahead
    claim_lines = sum('"type": "claim"' in line for line in Path(fixture).read_text().splitlines())
    (done,) = prefolded
    assert len(done) == claim_lines
    assert all(p[2] is not None for p in done.values())  # every line is judged
    got = cli.ok("export", "--format", "jsonl").stdout
    assert got == expected
    assert '"type": "relation"' in got or '"type":"relation"' in got
    # Again: every key is stored now, so the prefold judges no line, and nothing changes.
    again = cli.json("import", fixture)
    assert again["claims_added"] == again["appearances_added"] == again["suggestions"] == 0
    assert again["unchanged"] >= claim_lines
    assert all(p[2] is None for p in prefolded[-1].values())
    assert cli.ok("export", "--format", "jsonl").stdout == expected


def test_a_bad_line_read_while_lines_are_prepared_stops_the_workers_and_writes_nothing(
    cli, tmp_path, monkeypatch
):
    """The prefold workers fork before the file is read; a bad line near the end stops
    them, and the import writes nothing."""
    import multiprocessing

    from tracker import parallel
    from tracker.claims import bulk

    monkeypatch.delenv("TRACKER_WORKERS", raising=False)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(bulk, "FOLD_PARALLEL_FROM", 1)
    monkeypatch.setattr(bulk, "PREFOLD_BATCH", 3)
    started = []
    real_init = bulk.Prefold.__init__
    monkeypatch.setattr(bulk.Prefold, "__init__", lambda self, *a: started.append(1) or real_init(self, *a))
    rows = [
        {"text": f"Officials said {n} rockets hit the base near Erbil.", "outlet": "Rudaw", "key": f"k{n}"}
        for n in range(12)
    ]
    path = tmp_path / "bad.jsonl"
    write_jsonl(path, rows)
    with path.open("a", encoding="utf-8") as f:
        f.write('{"text": "Rockets hit the base.", "outlet": "AP", "published": "2021-02-30"}\n')
    before = table_counts(cli.url)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert "bad.jsonl, line 13, field 'published'" in result.stderr
    assert started
    assert not multiprocessing.active_children()
    assert table_counts(cli.url) == before


def test_outlet_lines_add_new_outlets_together_and_complete_known_ones(cli, tmp_path):
    """New outlets are added as a whole; a later line naming one of them by an alias adds
    to it; a new outlet whose alias another outlet holds is refused and nothing is written."""
    cli.ok("outlet", "add", "Reuters")
    path = tmp_path / "outlets.jsonl"
    write_jsonl(
        path,
        [
            {"type": "outlet", "name": "Associated Press", "aliases": ["AP"]},
            {"type": "outlet", "name": "AP", "kind": "wire", "reliability": "B"},
            {"type": "outlet", "name": "Reuters", "aliases": ["Thomson Reuters"], "country": "GB"},
            {"type": "outlet", "name": "Rudaw", "aliases": ["rudaw.net"]},
        ],
    )
    report = cli.json("import", str(path))
    assert report["outlets_added"] == 2
    listed = {o["name"]: o for o in cli.json("outlet", "list")}
    assert set(listed) == {"Associated Press", "Reuters", "Rudaw"}
    assert (listed["Associated Press"]["kind"], listed["Associated Press"]["grade"]) == ("wire", "B")
    assert "AP" in listed["Associated Press"]["aliases"]
    assert "Thomson Reuters" in listed["Reuters"]["aliases"]

    before = table_counts(cli.url)
    clash = tmp_path / "clash.jsonl"
    write_jsonl(
        clash,
        [
            {"type": "outlet", "name": "Al-Sumaria"},
            {"type": "outlet", "name": "Sumaria News", "aliases": ["rudaw.net"]},
        ],
    )
    result = cli("import", str(clash))
    assert result.exit_code == 1
    assert "'rudaw.net' is already a name of the outlet 'Rudaw'" in result.stderr
    assert table_counts(cli.url) == before


def test_detectors_see_the_claims_as_the_import_places_them(cli, tmp_path, monkeypatch):
    """The import starts its detectors before writing its rows, on views built in memory,
    each claim as it stood when the line judged against it came: here the last state of
    each, which must equal the views read back once the import is written, for new claims
    and for stored claims that gain an appearance, a topic and a date."""
    from sqlalchemy.orm import Session

    from tracker.claims import bulk
    from tracker.db import make_engine
    from tracker.judgement.views import views

    base = "Kataib Hezbollah fired {} rockets at the Ain al-Asad air base on 7 July, a US official said."
    other = "The Popular Mobilization Forces moved {} fighters to Tal Afar on 3 March, Rudaw reported."
    first = tmp_path / "first.jsonl"
    write_jsonl(
        first, [{"text": base.format(14), "outlet": "AP", "published": "2021-07-08", "topics": ["attacks"]}]
    )
    cli.ok("import", str(first))
    second = tmp_path / "second.jsonl"
    write_jsonl(
        second,
        [
            {
                "text": base.format(14),
                "outlet": "Reuters",
                "published": "2021-07-09",
                "topics": ["rockets"],
                "event_date": "2021-07-07",
                "speaker": "a US official",
            },
            {"text": base.format(30), "outlet": "Rudaw", "published": "2021-07-10", "stance": "reports"},
            {"text": other.format(2500), "outlet": "Rudaw", "published": "2022-03-04"},
            {
                "text": other.format(900),
                "outlet": "Kurdistan 24",
                "published": "2022-03-05",
                "topics": ["pmf"],
            },
        ],
    )
    seen = []
    real = bulk._start_detection
    monkeypatch.setattr(
        bulk, "_start_detection", lambda vs, pairs: seen.append((dict(vs), list(pairs))) or real(vs, pairs)
    )
    report = cli.json("import", str(second))
    assert report["appearances_added"] == 1
    ((keyed, pairs),) = seen
    assert len(pairs) >= 2 and set(keyed) == {x for p in pairs for x in p}
    vs = {cid: v for (cid, _), (_side, v) in keyed.items()}
    assert len(vs) == len(keyed)  # one state of each claim
    engine = make_engine(cli.url)
    with Session(engine) as s:
        assert vs == views(s, set(vs))
        stored = min(vs)
        assert vs[stored].outlets == ("AP", "Reuters")
        assert vs[stored].event_date == "2021-07-07"
        assert set(vs[stored].topics) == {"attacks", "rockets"}
    engine.dispose()


def test_a_tidy_claim_line_is_kept_as_it_is_and_an_untidy_one_is_tidied():
    """``ClaimInput.checked`` gives back the same object when every field is tidy (an
    import line usually is), and a tidied copy otherwise; bad dates still fail."""
    from tracker import claims
    from tracker.errors import InvalidInput

    tidy = claims.ClaimInput(
        text="Rockets hit the base.", outlet="AP", published="2021-07-08", topics=("rockets",)
    )
    assert tidy.checked() is tidy
    messy = claims.ClaimInput(
        text="  Rockets hit the base. ", outlet=" AP", published=" 2021-07-08", topics=["Rockets", "rockets "]
    )
    done = messy.checked()
    assert (done.text, done.outlet, done.published, done.topics) == (
        "Rockets hit the base.",
        "AP",
        "2021-07-08",
        ("rockets",),
    )
    assert messy.text == "  Rockets hit the base. "
    for bad in ("2021-02-30", "2021-13", "July 2021"):
        with pytest.raises(InvalidInput, match="not a valid date"):
            claims.ClaimInput(text="Rockets hit the base.", outlet="AP", published=bad).checked()
        with pytest.raises(InvalidInput, match="not a valid date"):  # a cached answer too
            claims.ClaimInput(text="Rockets hit the base.", outlet="AP", event_date=bad).checked()


def test_the_files_text_is_kept_only_for_a_rejects_file(tmp_path):
    """Without --skip-invalid no rejects file can be written, so the file's text (as big
    as the file) is not held through the import."""
    from tracker import exchange

    path = tmp_path / "two.jsonl"
    write_jsonl(path, [{"text": "Rockets hit the base.", "outlet": "AP"}, '{"text": "cut'])
    kept = exchange.read_records(path, skip_invalid=True)
    assert kept.text == path.read_text(encoding="utf-8") and len(kept.rejects) == 1
    assert exchange.write_rejects(kept).read_text(encoding="utf-8") == '{"text": "cut\n'
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert exchange.read_records(path).text == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            {"text": "Rockets hit the base.", "outlet": "AP", "date": "2021-07-08"},
            "did you mean 'published'?",
        ),
        ({"text": "Rockets hit the base.", "source": "AP"}, "did you mean 'outlet'?"),
        ({"text": "Rockets hit the base.", "outlet": "AP", "speker": "x"}, "did you mean 'speaker'?"),
        ({"text": "Rockets hit the base.", "outlet": "AP", "Speaker": "x"}, "did you mean 'speaker'?"),
        (
            {"text": "Rockets hit the base.", "outlet": "AP", "colour": "red"},
            "is not a field of a claim line.$",
        ),
        ({"type": "outlet", "name": "AP", "source": "x"}, "is not a field of an outlet line.$"),
    ],
)
def test_an_unknown_field_names_the_field_it_likely_means(line, message):
    from tracker.errors import InvalidInput
    from tracker.exchange.validating import _parse_one

    with pytest.raises(InvalidInput, match=message):
        _parse_one(1, line, "claims.jsonl")


def test_a_large_import_leaves_postgresql_vacuumed(cli, db_url, monkeypatch):
    """After a large import PostgreSQL's visibility map covers the new postings, so that
    the candidate index answers from the index alone; SQLite has nothing to do."""
    from sqlalchemy import text

    from tests.conftest import FIXTURES
    from tracker import db

    monkeypatch.setattr(db, "VACUUM_FROM", 1)
    cli.ok("import", str(FIXTURES / "iraq-militias-2021.jsonl"))
    engine = db.make_engine(db_url)
    try:
        if engine.dialect.name != "postgresql":
            assert db.tidy_after_bulk(db_url, 10**9) is False
            assert db.tidy_after_bulk(db_url, db.VACUUM_FROM) is False
            return
        with engine.connect() as conn:
            visible = conn.execute(
                text("SELECT relallvisible FROM pg_class WHERE oid = 'claim_tokens'::regclass")
            ).scalar()
        assert visible > 0
    finally:
        engine.dispose()
