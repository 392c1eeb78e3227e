"""The migrations and the models agree, on both backends, and migrate both ways."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import inspect, text

from tests.conftest import PG_URL, pg_schema_url


def _compare(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from tracker.models import Base, include_object_for

    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "include_object": include_object_for(conn.dialect.name)},
        )
        return compare_metadata(ctx, Base.metadata)


def test_models_and_migrations_agree(engine):
    assert _compare(engine) == []


def test_single_head_matches_schema_head():
    from alembic.script import ScriptDirectory

    from tracker.db import SCHEMA_HEAD, migrations_dir

    heads = ScriptDirectory(str(migrations_dir())).get_heads()
    assert heads == [SCHEMA_HEAD]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    request.getfixturevalue("pg_base")  # skips or fails exactly like the rest of the suite
    from tracker.db import make_engine

    schema = f"tracker_mig_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield pg_schema_url(schema)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _tables(engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade(empty_url):
    from tracker.db import current_revision, downgrade, make_engine, upgrade
    from tracker.models import Base

    engine = make_engine(empty_url)
    upgrade(engine)
    assert {t.name for t in Base.metadata.sorted_tables} <= _tables(engine)
    downgrade(engine, "base")
    assert not any(t.startswith(("claims", "outlets", "appearances")) for t in _tables(engine))
    assert current_revision(engine) is None
    upgrade(engine)
    assert _compare(engine) == []
    engine.dispose()


def test_open_database_creates_and_migrates_on_first_use(tmp_path):
    from tracker.db import SCHEMA_HEAD, current_revision, open_database

    path = tmp_path / "sub" / "folder" / "new.db"
    engine = open_database(str(path))
    assert path.exists()
    assert current_revision(engine) == SCHEMA_HEAD
    engine.dispose()


def test_sqlite_pragmas(tmp_path):
    from tracker.db import open_database

    engine = open_database(str(tmp_path / "p.db"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    engine.dispose()
