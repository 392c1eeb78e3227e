"""Exchange formats (issue 6): CSV in and out, ClaimReview, SQLite-to-PostgreSQL round
trips, ingest through the CLI, and clear errors on bad files."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, Cli, table_counts

FIXTURE = FIXTURES / "iraq-militias-2021.jsonl"
ARTICLE = FIXTURES / "articles" / "wire_ghaani_calm.txt"


def test_csv_export_imports_back_to_the_same_data(cli, tmp_path):
    cli.ok("import", str(FIXTURE))
    cli.ok("speaker", "grade", "Qais al-Khazali", "E", "--note", "leads Asaib, a party to the fighting")
    csv_path = tmp_path / "all.csv"
    cli.ok("export", "--format", "csv", "--output", str(csv_path))
    assert csv_path.read_text(encoding="utf-8").startswith("type,key,claim,text,outlet")
    other = Cli(f"sqlite:///{tmp_path / 'from-csv.db'}")
    other.ok("import", str(csv_path))
    assert other.ok("export").stdout == cli.ok("export").stdout


def test_fixture_round_trip_is_lossless(cli, tmp_path, db_url):
    cli.ok("import", str(FIXTURE))
    cli.ok(
        "verdict",
        "ap-ghaani-calm-2021-07-09",
        "unproven",
        "--note",
        "sources anonymous",
        "--date",
        "2021-07-20",
    )
    cli.ok(
        "verdict",
        "ap-ghaani-calm-2021-07-09",
        "mostly-true",
        "--evidence",
        "https://example.org/e",
        "--date",
        "2021-08-01",
    )
    cli.ok("outlet", "grade", "Reuters", "A")
    cli.ok("speaker", "grade", "John Kirby", "B")
    cli.ok("speaker", "grade", "Qais al-Khazali", "E", "--note", "leads an armed group")
    # Pasted web text can hold line and paragraph separators: JSON keeps them raw in a
    # string, and the import must not break the line there.
    pasted = "Drones struck the airport\u2028 in Erbil overnight,\x85 a Kurdish official said\u2029."
    cli.ok("claim", "add", pasted, "--outlet", "Rudaw", "--yes")
    first = cli.ok("export").stdout
    assert "\u2028" in first and "\x85" in first
    lines = [json.loads(x) for x in first.split("\n") if x]
    assert {x["type"] for x in lines} == {"outlet", "speaker", "claim", "relation", "verdict"}
    assert [x for x in lines if x["type"] == "speaker"] == [
        {"type": "speaker", "name": "John Kirby", "reliability": "B"},
        {"type": "speaker", "name": "Qais al-Khazali", "reliability": "E", "notes": "leads an armed group"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text(first, encoding="utf-8")
    other = Cli(f"sqlite:///{tmp_path / 'empty.db'}")
    other.ok("import", str(path))
    assert other.ok("export").stdout == first
    history = other.json("claim", "show", "ap-ghaani-calm-2021-07-09")["verdicts"]
    assert [v["rating"] for v in history] == ["unproven", "mostly-true"]


def test_export_from_sqlite_imports_into_postgresql_identically(tmp_path, request):
    pg_url = request.getfixturevalue("pg_base")  # skips without PostgreSQL, fails in CI
    try:
        sqlite = Cli(f"sqlite:///{tmp_path / 'src.db'}")
        sqlite.ok("import", str(FIXTURE))
        sqlite.ok("link", "1", "2", "--supports")
        sqlite.ok("speaker", "grade", "John Kirby", "B", "--note", "Pentagon press secretary")
        first = sqlite.ok("export").stdout
        path = tmp_path / "export.jsonl"
        path.write_text(first, encoding="utf-8")
        pg = Cli(pg_url)
        pg.ok("import", str(path))
        assert pg.ok("export").stdout == first
    finally:
        from tests.conftest import _truncate

        _truncate(pg_url)


def test_claimreview_for_rated_claims(cli):
    cli.ok("import", str(FIXTURE))
    cli.ok(
        "verdict",
        "rmb-ain-al-asad-30-grad-2021-07-07",
        "false",
        "--date",
        "2021-07-15",
        "--evidence",
        "https://example.org/check/30-grad",
    )
    doc = json.loads(cli.ok("export", "--format", "claimreview", "--organisation", "Desk").stdout)
    reviews = {r["claimReviewed"]: r for r in doc}
    rated = [r for r in doc if r.get("url") == "https://example.org/check/30-grad"]
    assert len(rated) == 1
    r = rated[0]
    assert r["@type"] == "ClaimReview" and r["author"]["name"] == "Desk"
    assert r["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    }
    assert r["itemReviewed"]["@type"] == "Claim"
    assert {a["publisher"]["name"] for a in r["itemReviewed"]["appearance"]} >= {"Sabereen News"}
    assert len(reviews) == len(doc)


def test_ingest_json_lists_candidates_and_stores_nothing(cli):
    cli.ok("outlet", "add", "Associated Press", "--alias", "AP")
    before = table_counts(cli.url)
    out = cli.json("ingest", str(ARTICLE), "--outlet", "AP", "--date", "2021-07-09")
    assert table_counts(cli.url) == before
    assert out and all(set(c) >= {"sentence", "text", "speaker", "anonymous", "hedges", "via"} for c in out)
    ghaani = next(c for c in out if "Ghaani" in c["text"])
    assert ghaani["anonymous"] is True and "officials" in ghaani["speaker"]


def test_ingest_yes_stores_candidates_as_appearances_of_the_outlet(cli):
    cli.ok("outlet", "add", "Associated Press", "--alias", "AP")
    n = len(cli.json("ingest", str(ARTICLE), "--outlet", "AP"))
    cli.ok("ingest", str(ARTICLE), "--outlet", "AP", "--date", "2021-07-09", "--yes")
    claims = cli.json("claim", "list")
    assert 0 < len(claims) <= n
    apps = [a for c in claims for a in c["appearances"]]
    assert {a["outlet"] for a in apps} == {"Associated Press"}
    assert all(a["published"] == "2021-07-09" and a["quote"] for a in apps)
    # Ingesting the same article again adds appearances to the same claims, not new claims.
    cli.ok("ingest", str(ARTICLE), "--outlet", "AP", "--date", "2021-07-10", "--yes")
    assert len(cli.json("claim", "list")) == len(claims)


def test_ingest_without_yes_off_a_terminal_stores_nothing(cli):
    cli.ok("outlet", "add", "Associated Press", "--alias", "AP")
    before = table_counts(cli.url)
    result = cli("ingest", str(ARTICLE), "--outlet", "AP")
    assert result.exit_code == 0 and "nothing stored" in result.stdout
    assert table_counts(cli.url) == before


def test_ingest_unknown_outlet_is_refused(cli):
    result = cli("ingest", str(ARTICLE), "--outlet", "Asociated Press")
    assert result.exit_code == 1 and "Unknown outlet" in result.stderr


def _check_refused(cli, path, message):
    before = table_counts(cli.url)
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert table_counts(cli.url) == before


def test_broken_json(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "ok line", "outlet": "AP"}\n{"text": "broken", "outlet": \n', encoding="utf-8")
    _check_refused(cli, path, "b.jsonl, line 2: not valid JSON")


def test_csv_missing_column(cli, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("text,published\nRockets hit the base.,2021-07-07\n", encoding="utf-8")
    _check_refused(cli, path, "m.csv: ")
    assert "'outlet'" in cli("import", str(path)).stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "claims.xlsx",
            b"PK\x03\x04\x14\x00",
            "claims.xlsx is a spreadsheet workbook, not a text file: save the sheet as CSV (UTF-8) first.",
        ),
        (
            "claims.pdf",
            b"%PDF-1.4\n%\xe2\xe3",
            "claims.pdf is a PDF, not a text file: copy its text into a .txt file first.",
        ),
        (
            "claims.jsonl",
            b"\x1f\x8b\x08\x00",
            "claims.jsonl is gzip-compressed: decompress it first (gunzip).",
        ),
        (
            "claims.csv",
            "text,outlet\nx,AP\n".encode("utf-16"),
            "claims.csv is UTF-16 text: convert it first, e.g. iconv -f utf-16 -t utf-8.",
        ),
        (
            "claims.csv",
            "text,outlet\n".encode("utf-16-le"),
            "claims.csv is not a text file (it holds NUL bytes",
        ),
    ],
)
def test_a_file_that_is_not_text_says_what_it_is(cli, tmp_path, name, content, message):
    """A workbook or a PDF would otherwise be 'not UTF-8 (byte 0x..)' with advice to
    convert from Latin-1, which is wrong for them."""
    path = tmp_path / name
    path.write_bytes(content)
    _check_refused(cli, path, message)
    cli.ok("outlet", "add", "AP")
    result = cli("ingest", str(path), "--outlet", "AP", "--json")
    assert result.exit_code == 1 and message in result.stderr


def test_a_json_array_is_refused_with_how_to_make_json_lines(cli, tmp_path):
    path = tmp_path / "claims.json"
    path.write_text('[\n {"text": "Rockets hit the base.", "outlet": "AP"}\n]\n', encoding="utf-8")
    _check_refused(
        cli, path, "claims.json holds a JSON array, not JSON Lines: write one JSON object per line"
    )
    review = tmp_path / "review.json"
    review.write_text('[{"@context": "https://schema.org", "@type": "ClaimReview"}]', encoding="utf-8")
    _check_refused(cli, review, "review.json is a ClaimReview export, which import does not read back")


def test_latin1_file(cli, tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_bytes('{"text": "Le ministre a démenti.", "outlet": "AFP"}\n'.encode("latin-1"))
    _check_refused(cli, path, "l.jsonl, line 1: the file is not UTF-8 text (byte 0xe9)")


def test_fifty_megabyte_file(cli, tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "x" * 1000, "outlet": "AP"}) + "\n"
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 1024):
            fh.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    _check_refused(cli, path, "big.jsonl is 50 MB, over the import limit of 40 MB")


def test_control_characters(cli, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "A bell \x07 rings.", "outlet": "AP"}\n', encoding="utf-8")
    _check_refused(cli, path, "c.jsonl, line 1: contains a raw control character (U+0007)")
    csv_path = tmp_path / "c.csv"
    csv_path.write_text('text,outlet\n"A bell \x07 rings.",AP\n', encoding="utf-8")
    _check_refused(cli, csv_path, "c.csv, line 2: field 'text' contains a control character (U+0007)")


def test_ansi_escapes_travel_through_csv_and_other_controls_are_refused_on_export(cli, tmp_path):
    """Texts with ANSI escapes are stored as given (SPEC §11), so a CSV export must read
    back; a control character CSV refuses on import is refused on export, before any
    file is written."""
    ansi = "Militia says \x1b[31mred\x1b[0m rockets hit the base."
    cli.ok("outlet", "add", "AP")
    cli.ok("claim", "add", ansi, "--outlet", "AP", "--yes")
    first = tmp_path / "a.csv"
    cli.ok("export", "--format", "csv", "--output", str(first))
    assert ansi in first.read_text(encoding="utf-8")
    cli.ok("claim", "add", "A bell \x07 rings at the gate of the base.", "--outlet", "AP", "--yes")
    refused = tmp_path / "b.csv"
    result = cli("export", "--format", "csv", "--output", str(refused))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: The claim 'claim-2' holds a control character (U+0007) in its 'text', which a CSV "
        "file cannot carry: export with --format jsonl.\n"
    )
    assert not refused.exists()
    assert "\\u0007" in cli.ok("export", "--format", "jsonl").stdout  # JSON escapes it


def test_a_csv_export_with_an_ansi_escape_imports_into_an_empty_database(cli, tmp_path):
    from tracker.exchange.csv_format import CSV_CONTROL

    assert CSV_CONTROL.search("\x1b") is None and CSV_CONTROL.search("\x07")
    path = tmp_path / "a.csv"
    path.write_text(
        'type,key,claim,text,outlet\nclaim,k1,k1,"Militia says \x1b[31mred\x1b[0m rockets hit.",AP\n',
        encoding="utf-8",
    )
    cli.ok("import", str(path))
    assert "\\u001b[31mred" in cli.ok("export", "--format", "jsonl").stdout


def test_a_folder_or_a_missing_file_is_refused_in_one_sentence(cli, tmp_path):
    _check_refused(cli, tmp_path, f"Cannot read {tmp_path}: Is a directory.")
    _check_refused(cli, tmp_path / "none.jsonl", "none.jsonl: No such file or directory.")
    cli.ok("outlet", "add", "AP")
    result = cli("ingest", str(tmp_path), "--outlet", "AP", "--json")
    assert result.exit_code == 1 and result.stderr == f"Error: Cannot read {tmp_path}: Is a directory.\n"


def test_a_bad_duplicates_mode_is_refused_before_the_file_is_read(cli, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "ok line", "outlet": "AP"}\n{"text": "broken", "outlet": \n', encoding="utf-8")
    result = cli("import", str(path), "--duplicates", "mrege")
    assert result.exit_code == 1
    # The mode is checked first: the broken line 2 is not what the message is about.
    assert result.stderr == "Error: --duplicates must be one of merge, suggest, not 'mrege'.\n"


def test_bad_line_in_the_middle_of_a_large_file_writes_nothing(cli, tmp_path):
    path = tmp_path / "mid.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(5000):
            if i == 2500:
                fh.write('{"text": "no outlet"}\n')
            fh.write(
                json.dumps({"key": f"k{i}", "text": f"Claim number {i} about base {i * 7}.", "outlet": "AP"})
                + "\n"
            )
    _check_refused(cli, path, "mid.jsonl, line 2501, field 'outlet': is required")


def test_skip_invalid_imports_good_lines_and_writes_rejects(cli, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"key": "a", "text": "Rockets hit the base on Monday.", "outlet": "AP"}\n'
        '{"key": "b", "text": "Broken", "outlet": \n'
        '{"key": "c", "text": "Drones hit the airport.", "outlet": "AP", "contradicts": ["b"]}\n'
        '{"key": "d", "text": "", "outlet": "AP"}\n'
        '{"key": "e", "text": "A third valid claim about Erbil.", "outlet": "Rudaw"}\n',
        encoding="utf-8",
    )
    report = cli.json("import", str(path), "--skip-invalid")
    assert (report["claims_added"], report["rejected"]) == (2, 3)
    assert sorted(c["key"] for c in cli.json("claim", "list")) == ["a", "e"]
    rejects = (tmp_path / "mixed.rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert [line[:13] for line in rejects] == ['{"key": "b", ', '{"key": "c", ', '{"key": "d", ']
    reasons = (tmp_path / "mixed.rejects.txt").read_text(encoding="utf-8")
    assert "line 2: not valid JSON" in reasons and "line 3, field 'contradicts'" in reasons


def test_skip_invalid_writes_nothing_when_the_rejects_file_cannot_be_written(cli, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"key": "a", "text": "Rockets hit the base on Monday.", "outlet": "AP"}\n'
        '{"key": "b", "text": "", "outlet": "AP"}\n',
        encoding="utf-8",
    )
    (tmp_path / "mixed.rejects.jsonl").mkdir()  # where the rejects file would go
    before = table_counts(cli.url)
    result = cli("import", str(path), "--skip-invalid")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Cannot write the rejects file {tmp_path / 'mixed.rejects.jsonl'}: Is a directory.\n"
    )
    assert table_counts(cli.url) == before


@pytest.mark.parametrize(
    ("rows", "rejected"),
    [
        # A quoted cell over two lines: the row is copied whole, under the header.
        (
            [
                "a,Rockets hit the base.,AP,false\n",
                'b,"A cell\nover two lines",AP,maybe\n',
                "c,Drones hit the airport.,AP,true\n",
            ],
            [1],
        ),
        # The reader counts line feeds and carriage returns only: a vertical tab or U+2028
        # inside a cell is no line break there, so the rows after it are taken in full.
        (
            [
                "a,Rockets hit the base\u2028 near Erbil.,AP,false\n",
                "b,A cell with a vertical\x0btab,AP,false\n",
                "c,Drones hit the airport.,AP,maybe\n",
                "d,A fourth valid claim about Kirkuk.,Rudaw,true\n",
            ],
            [1, 2],
        ),
        # Rejected rows next to each other, one over two lines, and the last row.
        (
            [
                "a,Rockets hit the base.,AP,maybe\n",
                'b,"A cell\nover two lines",AP,maybe\n',
                "c,Drones hit the airport.,AP,true\n",
                "d,A fourth claim about Kirkuk.,Rudaw,perhaps\n",
            ],
            [0, 1, 3],
        ),
    ],
)
def test_skip_invalid_csv_writes_the_rejected_rows_whole_under_the_header(cli, tmp_path, rows, rejected):
    header = "key,text,outlet,anonymous\n"
    path = tmp_path / "m.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    report = cli.json("import", str(path), "--skip-invalid")
    assert (report["claims_added"], report["rejected"]) == (len(rows) - len(rejected), len(rejected))
    assert (tmp_path / "m.rejects.csv").read_text(encoding="utf-8") == header + "".join(
        rows[i] for i in rejected
    )


def test_interrupted_import_leaves_the_database_as_before(cli, tmp_path, monkeypatch):
    from tracker.exchange import importing

    path = tmp_path / "big.jsonl"
    path.write_text(
        "".join(
            json.dumps({"key": f"k{i}", "text": f"Claim {i} about depot {i * 13}.", "outlet": "AP"}) + "\n"
            for i in range(3000)
        ),
        encoding="utf-8",
    )
    cli.ok("outlet", "add", "Associated Press", "--alias", "AP")
    before = table_counts(cli.url)
    real = importing._write_claims

    def interrupted(session, lines, report, duplicates, *rest):
        real(session, lines, report, duplicates, *rest)
        raise KeyboardInterrupt  # Ctrl-C after every row was written, before the commit

    monkeypatch.setattr(importing, "_write_claims", interrupted)
    result = cli("import", str(path))
    assert result.exit_code == 130
    assert "nothing was written" in result.stderr
    assert table_counts(cli.url) == before


def test_export_order_does_not_depend_on_the_postgresql_collation(tmp_path, request):
    """Outlets and speakers are exported in code-point order of their names, as SQLite
    sorts them, also from a PostgreSQL database whose names sort by a locale."""
    import uuid

    from sqlalchemy import text

    from tests.conftest import PG_URL, pg_schema_url
    from tracker.db import make_engine, upgrade

    request.getfixturevalue("pg_base")  # skips without PostgreSQL, fails in CI
    schema = f"tracker_coll_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = pg_schema_url(schema)
        engine = make_engine(url)
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text('ALTER TABLE outlets ALTER COLUMN name TYPE varchar(200) COLLATE "en-x-icu"'))
            conn.execute(text('ALTER TABLE speakers ALTER COLUMN name TYPE varchar(300) COLLATE "en-x-icu"'))
        names = ["al-Monitor", "Antiwar.com", "BBC", "bbc arabic", "Ænigma Wire"]
        lines = [{"type": "outlet", "name": n} for n in names]
        lines += [{"type": "speaker", "name": n, "reliability": "C"} for n in ("abu Ali", "Abu Zaid", "Ali")]
        lines += [
            {"type": "claim", "text": f"Claim {i} carried by {n}.", "outlet": n} for i, n in enumerate(names)
        ]
        path = tmp_path / "names.jsonl"
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
        pg, sqlite = Cli(url), Cli(f"sqlite:///{tmp_path / 'names.db'}")
        pg.ok("import", str(path))
        sqlite.ok("import", str(path))
        with engine.connect() as conn:
            by_locale = list(conn.execute(text("SELECT name FROM outlets ORDER BY name")).scalars())
        assert by_locale != sorted(names)  # the collation does sort otherwise
        exported = pg.ok("export").stdout
        assert exported == sqlite.ok("export").stdout
        outlet_order = [json.loads(x)["name"] for x in exported.splitlines() if '"type": "outlet"' in x]
        assert outlet_order == sorted(names)
        engine.dispose()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_ingest_review_shows_the_closest_claims_and_one_key_records_an_appearance(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("tracker.cli.common.interactive", lambda yes, no_input: not (yes or no_input))
    cli.ok("outlet", "add", "Wire")
    cli.ok("outlet", "add", "Daily")
    stored = cli.json(
        "claim", "add", "Army engineers reopened the Shuhada bridge in Mosul.", "--outlet", "Wire", "--yes"
    )["claim"]["id"]
    cli.ok("claim", "add", "Heavy rain flooded farms near Samarra.", "--outlet", "Wire", "--yes")
    article = tmp_path / "bridge.txt"
    article.write_text(
        "Mosul bridge open again\n\n"
        "The Shuhada bridge in Mosul has reopened after repairs, the governor said on Sunday.\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(article), "--outlet", "Daily", input="1\n")
    assert result.exit_code == 0, result.output
    assert "closest stored claims (1-" in result.stdout and "Shuhada bridge in Mosul" in result.stdout
    shown = cli.json("claim", "show", str(stored))
    assert [a["outlet"] for a in shown["appearances"]] == ["Wire", "Daily"]
    assert len(cli.json("claim", "list")) == 2  # no new claim: an appearance of claim 1
