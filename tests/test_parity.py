"""One judgement pipeline: a file imported in one go and the same lines added one by one
as ``claim add --yes`` adds them give the same claims, appearances, relations (kind,
state, origin, score, signals) and verdicts, on both backends.

The bundled example goes through the command line both ways; the shared set of real
claims (skipped without ``../shared``) and a 5,000-line bench file go through the core's
Python API (``tests/parity.py``), which is what the commands call.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.conftest import FIXTURES, ROOT, Cli, _truncate
from tests.parity import by_import, one_by_one, snapshot
from tracker.db import open_database

EVAL_CLAIMS = ROOT.parent / "shared" / "eval" / "claims.jsonl"


def _empty_again(db_url: str, sqlite_template: Path, tmp_path: Path, name: str) -> str:
    """A second empty database beside ``db_url``'s, on the same backend."""
    if db_url.startswith("sqlite"):
        path = tmp_path / f"{name}.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    _truncate(db_url)
    return db_url


def _snap(url: str) -> dict:
    engine = open_database(url)
    try:
        with Session(engine) as s:
            return snapshot(s)
    finally:
        engine.dispose()


def _compare(imported: dict, added: dict) -> None:
    for part in ("claims", "appearances", "relations", "verdicts"):
        assert imported[part] == added[part], part


def _add_through_the_cli(cli: Cli, path: Path) -> None:
    """Every line of ``path`` as a person would add it: outlets, then ``claim add --yes``
    line by line, then the verdicts and analyst links the lines carry."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for o in (x for x in lines if x.get("type") == "outlet"):
        args = [
            "outlet",
            "add",
            o["name"],
            *(a for alias in o.get("aliases", []) for a in ("--alias", alias)),
        ]
        args += ["--kind", o["kind"]] if o.get("kind") else []
        args += ["--grade", o["reliability"]] if o.get("reliability") else []
        cli.ok(*args)
    claims = [x for x in lines if x.get("type", "claim") == "claim"]
    options = {
        "published": "--date",
        "url": "--url",
        "speaker": "--speaker",
        "speaker_count": "--count",
        "via": "--via",
        "quote": "--quote",
        "stance": "--stance",
        "event_date": "--event-date",
        "key": "--key",
    }
    for x in claims:
        args = ["claim", "add", x["text"], "--outlet", x["outlet"], "--yes"]
        args += [a for name, opt in options.items() if x.get(name) is not None for a in (opt, str(x[name]))]
        args += ["--anonymous"] if x.get("anonymous") else []
        args += [a for t in x.get("topics", []) for a in ("--topic", t)]
        cli.ok(*args)
    for x in claims:
        if x.get("verdict"):
            cli.ok("verdict", x["key"], x["verdict"])
        for name, flag in (("contradicts", "--contradicts"), ("supports", "--supports")):
            for other in x.get(name, []):
                cli.ok("link", x["key"], other, flag)


def test_the_bundled_example_imported_equals_it_added_line_by_line_with_claim_add(
    db_url, sqlite_template, tmp_path
):
    path = FIXTURES / "iraq-militias-2021.jsonl"
    Cli(db_url).ok("import", str(path))
    imported = _snap(db_url)
    second = _empty_again(db_url, sqlite_template, tmp_path, "added")
    _add_through_the_cli(Cli(second), path)
    added = _snap(second)
    _compare(imported, added)
    assert len(imported["claims"]) < len(imported["appearances"])  # reposts joined their claims
    assert any(r[2] == "contradicts" and r[4] == "opposing-action" for r in imported["relations"])


def _both_ways(db_url: str, sqlite_template: Path, tmp_path: Path, path: Path) -> tuple[dict, dict]:
    results = []
    for name, fill in (("imported", by_import), ("added", one_by_one)):
        url = _empty_again(db_url, sqlite_template, tmp_path, name)
        engine = open_database(url)
        try:
            with Session(engine) as s, s.begin():
                fill(s, path)
                results.append(snapshot(s))
        finally:
            engine.dispose()
    return results[0], results[1]


@pytest.mark.skipif(not EVAL_CLAIMS.exists(), reason="needs ../shared/eval beside the repository")
def test_the_shared_real_claims_imported_equal_them_added_one_by_one(db_url, sqlite_template, tmp_path):
    imported, added = _both_ways(db_url, sqlite_template, tmp_path, EVAL_CLAIMS)
    _compare(imported, added)
    assert imported["relations"]


def _generator():
    gen_dir = ROOT / "bench" / "generate"
    spec = importlib.util.spec_from_file_location(
        "bench_generate_parity", gen_dir / "__init__.py", submodule_search_locations=[str(gen_dir)]
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("parity") / "bench-5000.jsonl"
    _generator().write_jsonl(path, 5000, seed=1)
    return path


def test_a_5000_line_bench_file_imported_equals_it_added_one_by_one(
    db_url, sqlite_template, tmp_path, bench_file
):
    imported, added = _both_ways(db_url, sqlite_template, tmp_path, bench_file)
    _compare(imported, added)
    assert len(imported["claims"]) < 5000  # near-duplicates joined their claims
    kinds = {r[2] for r in imported["relations"]}
    assert "contradicts" in kinds


def _imported_and_reported(url: str, path: Path) -> tuple[dict, list[tuple]]:
    """A snapshot after importing ``path``, and the contradiction report pair by pair
    (claim keys, kinds, score, state, in report order)."""
    from tracker.judgement.report import contradiction_report

    engine = open_database(url)
    try:
        with Session(engine) as s, s.begin():
            by_import(s, path)
            snap = snapshot(s)
            report = [
                (it.a.key, it.b.key, tuple(it.kinds), it.score, it.state, it.topic)
                for it in contradiction_report(s)
            ]
        return snap, report
    finally:
        engine.dispose()


@pytest.mark.parametrize("which", ["bundled", "bench"])
def test_sqlite_and_postgresql_import_and_report_the_same(
    which, pg_base, sqlite_template, tmp_path, bench_file
):
    """The same file imported into SQLite and PostgreSQL gives the same claims,
    appearances, relations and verdicts, and the same contradiction report, pair for
    pair: the candidate rule reads the same postings on both."""
    path = FIXTURES / "iraq-militias-2021.jsonl" if which == "bundled" else bench_file
    lite = tmp_path / "lite.db"
    shutil.copy(sqlite_template, lite)
    _truncate(pg_base)
    on_sqlite = _imported_and_reported(f"sqlite:///{lite}", path)
    try:
        on_pg = _imported_and_reported(pg_base, path)
    finally:
        _truncate(pg_base)  # the tests after this one find the schema empty
    _compare(on_sqlite[0], on_pg[0])
    assert on_sqlite[1] == on_pg[1]
    assert on_sqlite[1]  # the report is not empty
