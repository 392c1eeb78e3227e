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
    from tracker.models import tables_for

    engine = make_engine(empty_url)
    upgrade(engine)
    assert {t.name for t in tables_for(engine.dialect.name)} <= _tables(engine)
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


def _postings(engine) -> set[tuple[str, int]]:
    """Every (token, claim id) posting, from whichever store the revision has."""
    with engine.connect() as conn:
        if inspect(conn).has_table("claim_tokens"):
            return set(map(tuple, conn.execute(text("SELECT token, claim_id FROM claim_tokens"))))
        rows = conn.execute(text("SELECT rowid, tokens FROM claim_postings")).all()
        return {(tok, cid) for cid, toks in rows for tok in toks.split()}


def test_sqlite_postings_move_to_fts5_and_back(tmp_path):
    """Revision 0003 moves SQLite's postings from claim_tokens into FTS5 and back, and
    candidate search finds the same claims through them."""
    from tracker import claims
    from tracker.db import current_revision, downgrade, make_engine, session_scope, upgrade
    from tracker.judgement import single
    from tracker.matching.index import posted_claims

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    upgrade(engine)
    texts = [
        "Esmail Ghaani met militia leaders in Baghdad on 7 July and told them to hold fire.",
        "Quds Force chief Qaani asked the Iraqi factions for calm before the US election.",
        "Kata'ib Hezbollah fired 2.5 rockets a night at the Ain al-Asad base, a spokesman said.",
        "Усама Хамдан заявил, что переговоры продолжаются.",
    ]
    with session_scope(engine) as s:
        for t in texts:
            claims.add(s, claims.ClaimInput(text=t, outlet="Wire"), create_outlets=True)
    at_head = _postings(engine)
    assert len({cid for _, cid in at_head}) == len(texts)
    downgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    assert _postings(engine) == at_head
    upgrade(engine)
    assert _postings(engine) == at_head
    with session_scope(engine) as s:
        for tok, cid in at_head:
            assert cid in posted_claims(s, tok)
        plan = single.plan_add(
            s, claims.ClaimInput(text="Qaani met militia leaders in Baghdad on 7 July and told them to hold fire.", outlet="Wire")
        )
        assert plan.same is not None and plan.same.claim.text == texts[0]
    engine.dispose()


def test_sqlite_without_fts5_is_refused_with_a_clear_sentence():
    """A Python whose sqlite3 lacks FTS5 cannot hold tracker's SQLite postings: the
    migration says so in one sentence instead of failing on SQL."""
    import importlib.util

    import sqlalchemy as sa

    from tracker.db import migrations_dir
    from tracker.errors import TrackerError

    path = migrations_dir() / "versions" / "0003_sqlite_fts_postings.py"
    spec = importlib.util.spec_from_file_location("migration_0003", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    class NoFts5:
        def exec_driver_sql(self, sql):
            raise sa.exc.OperationalError(sql, {}, Exception("no such module: fts5"))

    with pytest.raises(TrackerError, match="has no FTS5"):
        module._require_fts5(NoFts5())
