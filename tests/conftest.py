"""Test fixtures: every database test runs on SQLite and on PostgreSQL.

``db_url`` is parametrised over both backends. SQLite: the migrations run once into a
template file that each test copies. PostgreSQL (``TRACKER_TEST_PG``): the migrations run
once into a schema private to this test run, and every table is truncated after each
test. Without ``TRACKER_TEST_PG`` the PostgreSQL half skips, unless
``TRACKER_REQUIRE_PG=1`` (set by .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PG_URL = os.environ.get("TRACKER_TEST_PG")
REQUIRE_PG = os.environ.get("TRACKER_REQUIRE_PG") == "1"


@pytest.fixture(autouse=True)
def _isolated_user(tmp_path_factory, monkeypatch):
    """No test touches the real user data or config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("TRACKER_USER", "tester")
    monkeypatch.delenv("TRACKER_DB", raising=False)
    monkeypatch.delenv("TRACKER_MAX_IMPORT_MB", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("TRACKER_SETTINGS", raising=False)
    monkeypatch.delenv("TRACKER_SYNONYMS", raising=False)
    yield
    from dataclasses import asdict

    from tracker.matching import synonyms
    from tracker.matching.settings import DEFAULTS, apply

    apply(asdict(DEFAULTS))  # a command run in process may have applied a settings file
    checked = synonyms._CHECKED[0]
    if checked is not None and checked[1] is not None:
        synonyms.reset()  # ... or a synonyms file


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    from tracker.db import make_engine, upgrade

    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema},public"


@pytest.fixture(scope="session")
def pg_base():
    """A migrated schema for this test run, dropped at the end."""
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("TRACKER_REQUIRE_PG=1 but TRACKER_TEST_PG is not set: PostgreSQL tests must run.")
        pytest.skip("PostgreSQL tests need TRACKER_TEST_PG")
    from sqlalchemy import text

    from tracker.db import make_engine, upgrade

    schema = f"tracker_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(PG_URL)
    try:
        with admin.begin() as conn:
            # In public, so that every test schema (search_path: schema, public) sees it.
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL at TRACKER_TEST_PG is not usable: {exc}")
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    url = pg_schema_url(schema)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _truncate(url: str) -> None:
    from sqlalchemy import text

    from tracker.db import make_engine
    from tracker.models import Base

    engine = make_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """The URL of an empty, migrated database on each backend."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "tracker.db"
        shutil.copy(template, path)
        yield f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("pg_base")
        yield url
        _truncate(url)


@pytest.fixture
def backend(db_url) -> str:
    return "sqlite" if db_url.startswith("sqlite") else "postgresql"


@pytest.fixture
def engine(db_url):
    from tracker.db import open_database

    eng = open_database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    """A session for core API tests; the test decides when to commit."""
    from sqlalchemy.orm import Session

    with Session(engine, expire_on_commit=False) as s:
        yield s


class Cli:
    """Runs tracker commands against one database, like a user at a terminal would."""

    def __init__(self, url: str):
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        from tracker.cli import app

        full_env = {"TRACKER_DB": self.url, **(env or {})}
        return self.runner.invoke(app, list(args), input=input, env=full_env, catch_exceptions=False)

    def json(self, *args: str, env: dict | None = None):
        result = self(*args, "--json", env=env)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def ok(self, *args: str, input: str | None = None, env: dict | None = None):
        result = self(*args, input=input, env=env)
        assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}"
        return result


@pytest.fixture
def cli(db_url) -> Cli:
    return Cli(db_url)


def table_counts(url: str) -> dict[str, int]:
    """Row counts of every table: 'nothing was written' means these did not change."""
    from sqlalchemy import func, select

    from tracker.db import make_engine
    from tracker.models import POSTINGS_FTS, tables_for

    engine = make_engine(url)
    with engine.connect() as conn:
        counts = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar()
            for t in tables_for(conn.dialect.name)
        }
        if conn.dialect.name == "sqlite":
            counts[POSTINGS_FTS] = conn.exec_driver_sql(f"SELECT count(*) FROM {POSTINGS_FTS}").scalar()
    engine.dispose()
    return counts
