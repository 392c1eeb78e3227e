"""The migrations and the models agree, on both backends, and migrate both ways."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import inspect, text

from tests.conftest import PG_URL, pg_schema_url
from tracker import claims
from tracker.judgement import single
from tracker.matching import form
from tracker.matching.index import unpost_all


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
    upgrade(engine, "0003")  # the copy alone, before the head revision's rebuild
    assert _postings(engine) == at_head
    upgrade(engine)
    assert _postings(engine) == at_head
    assert _derived_state(engine) == "current"
    with session_scope(engine) as s:
        for tok, cid in at_head:
            assert cid in posted_claims(s, tok)
        plan = single.plan_add(
            s,
            claims.ClaimInput(
                text="Qaani met militia leaders in Baghdad on 7 July and told them to hold fire.",
                outlet="Wire",
            ),
        )
        assert plan.same is not None and plan.same.claim.text == texts[0]
    engine.dispose()


def _load_revision(name: str):
    import importlib.util

    from tracker.db import migrations_dir

    path = migrations_dir() / "versions" / name
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sqlite_without_fts5_is_refused_with_a_clear_sentence():
    """A Python whose sqlite3 lacks FTS5 cannot hold tracker's SQLite postings: the
    migration says so in one sentence instead of failing on SQL."""
    import sqlalchemy as sa
    from alembic.util import CommandError

    module = _load_revision("0003_sqlite_fts_postings.py")

    class NoFts5:
        def exec_driver_sql(self, sql):
            raise sa.exc.OperationalError(sql, {}, Exception("no such module: fts5"))

    with pytest.raises(CommandError, match="has no FTS5"):
        module._require_fts5(NoFts5())


def test_sqlite_without_fts5_reaches_the_user_as_one_sentence_and_writes_nothing(tmp_path):
    """Through tracker.db the revision's refusal is a TrackerError, and the migration,
    one transaction, leaves the database as it was."""
    from sqlalchemy import event

    from tracker.db import current_revision, make_engine, upgrade
    from tracker.errors import TrackerError

    engine = make_engine(f"sqlite:///{tmp_path / 'nofts.db'}")

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _no_fts5(conn, cursor, statement, parameters, context, executemany):
        return statement.replace("USING fts5(", "USING fts5_not_built_in("), parameters

    with pytest.raises(TrackerError, match=r"^This Python's SQLite has no FTS5, .* database\.$"):
        upgrade(engine)
    assert current_revision(engine) is None
    assert _tables(engine) == set()
    engine.dispose()


def test_revisions_import_nothing_from_tracker():
    """What an old revision writes must not change with the live code: no revision
    imports tracker (nor anything relative to the package it ships in)."""
    import ast

    from tracker.db import migrations_dir

    scripts = sorted((migrations_dir() / "versions").glob("*.py"))
    assert scripts
    found = []
    for path in scripts:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = ["." * node.level + (node.module or "")]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module",
                "__import__",
            ):
                names = [a.value for a in node.args[:1] if isinstance(a, ast.Constant)]
            else:
                continue
            found += [
                f"{path.name}:{node.lineno} {n}"
                for n in names
                if n == "tracker" or n.startswith(("tracker.", "."))
            ]
    assert found == []


def _derived_state(engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text("SELECT value FROM tracker_meta WHERE name = 'derived_data'")).scalar()


def test_a_new_database_has_current_derived_data(empty_url):
    from tracker.db import make_engine, upgrade

    engine = make_engine(empty_url)
    upgrade(engine)
    assert _derived_state(engine) == "current"
    engine.dispose()


# Claims as revision 0001 stored them, with a matching form no live code would write: the
# upgrade must keep every stored value and replace only the derived data.
OLD_CLAIMS = [
    "Jamal Jaafar Ibrahimi ordered the rocket strike on the Ain al-Asad base on 7 July.",
    "Quds Force chief Qaani asked the Iraqi factions for calm before the US election.",
    "Усама Хамдан заявил, что переговоры продолжаются.",
]
NEAR_COPY = "Quds Force chief Qaani asked Iraqi factions for calm before the US election."


def _store_at_0001(engine) -> None:
    """Rows written with revision 0001's own tables, reflected from the database."""
    from sqlalchemy import MetaData, insert

    from tracker.text import normalize

    with engine.begin() as conn:
        meta = MetaData()
        meta.reflect(conn)
        t = meta.tables
        conn.execute(insert(t["outlets"]), [{"id": 1, "name": "Wire", "grade": "B"}])
        conn.execute(
            insert(t["outlet_aliases"]),
            [{"outlet_id": 1, "alias": "Wire", "norm": "wire", "is_primary": True}],
        )
        conn.execute(
            insert(t["name_aliases"]),
            [
                {
                    "name": "Abu Mahdi al-Muhandis",
                    "variant": "Jamal Jaafar Ibrahimi",
                    "variant_norm": normalize("Jamal Jaafar Ibrahimi"),
                }
            ],
        )
        conn.execute(
            insert(t["claims"]),
            [
                {
                    "id": i,
                    "key": f"c{i}",
                    "text": txt,
                    "norm": "stale form",
                    "fingerprint": f"{i:040d}",
                    "topics": ["iraq"],
                    "event_date": "2021-07",
                }
                for i, txt in enumerate(OLD_CLAIMS, 1)
            ],
        )
        conn.execute(
            insert(t["appearances"]),
            [
                {"claim_id": i, "outlet_id": 1, "speaker": "a spokesman", "hedges": ["said"]}
                for i in range(1, len(OLD_CLAIMS) + 1)
            ],
        )
        conn.execute(insert(t["verdicts"]), [{"claim_id": 2, "rating": "mixed", "reviewer": "desk"}])


def _stored(engine, tables, like: dict | None = None) -> dict[str, list[tuple]]:
    """Every row of ``tables`` except the derived ``claims.norm``, in id order; with
    ``like`` (an earlier result), only the columns that were there then, since a later
    revision may add columns."""
    from sqlalchemy import MetaData, select

    with engine.connect() as conn:
        meta = MetaData()
        meta.reflect(conn, only=tables)
        out = {}
        for name in tables:
            table = meta.tables[name]
            names = (
                like[name][0] if like else [c.name for c in table.c if (name, c.name) != ("claims", "norm")]
            )
            cols = [table.c[n] for n in names]
            rows = [tuple(r) for r in conn.execute(select(*cols).order_by(*table.primary_key))]
            out[name] = (names, rows)
        return out


@pytest.mark.parametrize("how", ["open_database", "tracker db upgrade", "one revision at a time"])
def test_claims_stored_at_0001_upgrade_without_loss_and_are_found(empty_url, how):
    """A database made by revision 0001 with data in it: after the upgrade every stored
    value is kept, each claim's matching form and postings are those live code computes,
    and candidate search finds the claims."""
    from tracker.db import SCHEMA_HEAD, current_revision, make_engine, open_database, session_scope, upgrade
    from tracker.judgement.postings import posted_form

    engine = make_engine(empty_url)
    upgrade(engine, "0001")
    _store_at_0001(engine)
    tables = sorted(_tables(engine))
    before = _stored(engine, tables)
    if how == "open_database":
        open_database(empty_url).dispose()
    elif how == "tracker db upgrade":
        from tests.conftest import Cli

        result = Cli(empty_url).ok("db", "upgrade")
        assert result.stdout == f"Schema at {SCHEMA_HEAD} (was 0001).\n"
    else:
        for rev in ("0002", "0003", "0004"):
            upgrade(engine, rev)
            # Below the head revision nothing derived is computed: what the revisions write
            # does not depend on the live code.
            with engine.connect() as conn:
                norms = conn.execute(text("SELECT DISTINCT norm FROM claims")).scalars().all()
            assert norms == [""], rev
            assert _postings(engine) == set(), rev
        open_database(empty_url).dispose()

    assert current_revision(engine) == SCHEMA_HEAD
    assert _stored(engine, tables, like=before) == before
    assert _derived_state(engine) == "current"
    with session_scope(engine) as s:
        aliases = form.alias_map(s)
        rows = s.execute(text("SELECT id, text, norm FROM claims ORDER BY id")).all()
        assert [norm for _, _, norm in rows] == [form.fold_text(t, aliases) for _, t, _ in rows]
        # The analyst's alias stored at 0001 is part of the matching form.
        assert rows[0].norm != form.fold_text(rows[0].text)
        expected = {(tok, cid) for cid, t, norm in rows for tok in posted_form(t, norm).split()}
        assert {cid for _, cid in expected} == {1, 2, 3}
        assert _same(s, NEAR_COPY) == 2
        assert (
            _same(s, "Abu Mahdi al-Muhandis ordered the rocket strike on the Ain al-Asad base on 7 July.")
            == 1
        )
    assert _postings(engine) == expected
    engine.dispose()


def _same(s, text_: str) -> int | None:
    """The claim ``claim add`` would record ``text_`` as a new appearance of."""
    plan = single.plan_add(s, claims.ClaimInput(text=text_, outlet="Wire"))
    return plan.same.claim.id if plan.same else None


def test_a_revision_that_marks_derived_data_stale_gets_it_rebuilt_at_head(empty_url):
    """The contract a future revision relies on: marking the derived data stale is enough
    for the next upgrade to rebuild it, and to mark it current."""
    from tracker import claims
    from tracker.db import make_engine, session_scope, upgrade

    engine = make_engine(empty_url)
    upgrade(engine)
    with session_scope(engine) as s:
        claims.add(s, claims.ClaimInput(text=OLD_CLAIMS[1], outlet="Wire"), create_outlets=True)
    at_head = _postings(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE claims SET norm = 'stale form'"))
        unpost_all(conn)
        conn.execute(text("UPDATE tracker_meta SET value = 'stale' WHERE name = 'derived_data'"))
    upgrade(engine)
    assert _derived_state(engine) == "current"
    assert _postings(engine) == at_head
    with engine.connect() as conn:
        assert conn.execute(text("SELECT norm FROM claims")).scalar() == form.fold_text(OLD_CLAIMS[1])
    engine.dispose()


def test_a_database_at_the_head_keeps_the_derived_data_it_has(empty_url):
    """A database whose derived data the live code wrote is not rebuilt when it is opened
    again: its derived data is current."""
    from tracker.db import make_engine, open_database, session_scope, upgrade

    engine = make_engine(empty_url)
    upgrade(engine)
    with session_scope(engine) as s:
        for t in OLD_CLAIMS:
            claims.add(s, claims.ClaimInput(text=t, outlet="Wire"), create_outlets=True)
    # A form only the stored data holds: a rebuild would replace it.
    with engine.begin() as conn:
        conn.execute(text("UPDATE claims SET norm = 'kept as stored' WHERE id = 1"))
    before = _postings(engine)
    upgrade(engine)
    open_database(empty_url).dispose()
    assert _derived_state(engine) == "current"
    assert _postings(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT norm FROM claims WHERE id = 1")).scalar() == "kept as stored"
    engine.dispose()


def test_postings_written_before_index_forms_are_rebuilt_by_0006(empty_url):
    """Revision 0006 changes what the candidate index posts (index forms and lexicon side
    markers): a database at 0005 whose postings hold the plain tokens gets them rebuilt."""
    from tracker.db import make_engine, upgrade
    from tracker.judgement.postings import posted_form

    engine = make_engine(empty_url)
    upgrade(engine, "0005")
    _store_at_0001(engine)  # rows of the tables as they stand at 0005, not of the live models
    with engine.begin() as conn:
        unpost_all(conn)
        rows = conn.execute(text("SELECT id, norm FROM claims")).all()
        plain = [(cid, " ".join(dict.fromkeys(norm.split()))) for cid, norm in rows]
        if engine.dialect.name == "sqlite":
            conn.execute(
                text("INSERT INTO claim_postings (rowid, tokens) VALUES (:i, :t)"),
                [{"i": i, "t": t} for i, t in plain],
            )
        else:
            conn.execute(
                text("INSERT INTO claim_tokens (token, claim_id) VALUES (:t, :i)"),
                [{"t": tok, "i": i} for i, t in plain for tok in t.split()],
            )
    upgrade(engine)
    assert _derived_state(engine) == "current"
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, text, norm FROM claims")).all()
    assert _postings(engine) == {(tok, cid) for cid, t, norm in rows for tok in posted_form(t, norm).split()}
    engine.dispose()


def test_0007_drops_the_trigram_index_and_keeps_the_claims(empty_url):
    """A PostgreSQL database at 0006 has a trigram index on claims.norm that nothing reads;
    0007 drops it and leaves the rows as they were. On SQLite there was none."""
    from sqlalchemy import inspect

    from tracker.db import make_engine, upgrade

    engine = make_engine(empty_url)
    upgrade(engine, "0006")
    _store_at_0001(engine)

    def indexes() -> set[str]:
        with engine.connect() as conn:
            return {ix["name"] for ix in inspect(conn).get_indexes("claims")}

    derived = ("claim_postings", "claim_tokens", "tracker_meta")  # rebuilt at head
    tables = sorted(t for t in _tables(engine) if not t.startswith(derived))
    before = _stored(engine, tables)
    assert ("ix_claims_norm_trgm" in indexes()) == (engine.dialect.name == "postgresql")
    upgrade(engine, "0007")
    assert "ix_claims_norm_trgm" not in indexes()
    assert _stored(engine, tables, like=before) == before
    engine.dispose()


def test_postings_of_an_older_lexicon_are_rebuilt_by_0008(empty_url):
    """Revision 0008 goes with lexicon version 3, which posts other side markers: a
    database at 0007 whose postings lack a claim's new marker gets them rebuilt."""
    from tracker.db import make_engine, upgrade
    from tracker.judgement.postings import posted_form

    engine = make_engine(empty_url)
    upgrade(engine, "0007")
    _store_at_0001(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE tracker_meta SET value = 'current' WHERE name = 'derived_data'"))
        unpost_all(conn)  # postings without the side markers version 3 adds
    upgrade(engine)
    assert _derived_state(engine) == "current"
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, text, norm FROM claims")).all()
    assert _postings(engine) == {(tok, cid) for cid, t, norm in rows for tok in posted_form(t, norm).split()}
    engine.dispose()
