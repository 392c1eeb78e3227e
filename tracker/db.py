"""Engine, sessions and migrate-on-open.

Contract: ``open_database(target)`` turns ``--db`` / ``TRACKER_DB`` / the user data
folder into an engine whose schema is at the migration head, running Alembic only when
the stored revision differs from ``SCHEMA_HEAD`` (so ordinary commands never import
Alembic). A migration runs in one transaction, which at the head revision also rebuilds
the data live code derives from the claims (matching forms, postings) when a revision has
marked it stale: the revisions import nothing from tracker, and the migration
environment (``env.py`` beside them) makes that one call into live code. SQLite gets WAL,
foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` so that a second writer waits
instead of failing. The CLI owns the transaction: ``with session.begin():``. Nothing here
prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tracker.errors import TrackerError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

# The newest revision in alembic/versions. A test checks it matches the scripts.
SCHEMA_HEAD = "0008"

BUSY_TIMEOUT_MS = 30_000


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("tracker", appauthor=False) / "tracker.db"


def resolve_url(target: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, else ``TRACKER_DB``, else the default file."""
    target = target or os.environ.get("TRACKER_DB") or str(default_path())
    if "://" in target:
        return target
    path = Path(target).expanduser()
    return f"sqlite:///{path}"


def display_location(url: str) -> str:
    """The path of a SQLite database, or the URL with any password hidden."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def migrations_dir() -> Path:
    """Where the Alembic scripts are: inside the installed package, or in the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parent / "alembic"):
        if (candidate / "env.py").is_file():
            return candidate
    raise TrackerError("The database migrations are missing from this installation; reinstall tracker.")


def make_engine(url: str, *, reader: bool = False) -> Engine:
    """An engine for ``url``. ``reader=True``: for a forked worker that only reads (no
    pooled connections kept, and on SQLite a deferred BEGIN, which reads beside the write
    lock the parent command holds)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    pooling = {"poolclass": NullPool} if reader else {}

    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise TrackerError(
                    f"Cannot create the folder for the database {path}: {exc.strerror}."
                ) from exc
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **pooling)

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn, _record):  # pragma: no cover - exercised everywhere
            # Autocommit at the driver level; SQLAlchemy's begin event issues BEGIN itself.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if path and path != ":memory:":
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # IMMEDIATE takes the write lock up front, so the busy timeout applies to it
            # rather than failing later when a read transaction tries to upgrade.
            conn.exec_driver_sql("BEGIN" if reader else "BEGIN IMMEDIATE")
            conn.info["changes_at_begin"] = conn.connection.dbapi_connection.total_changes

        return engine
    if url.startswith("postgresql"):
        try:
            return create_engine(url, pool_pre_ping=False, **pooling)
        except ModuleNotFoundError as exc:
            raise TrackerError(
                "PostgreSQL support is not installed; run: pip install 'tracker[postgres]'."
            ) from exc
    try:
        return create_engine(url)
    except Exception as exc:  # noqa: BLE001 - any driver problem becomes advice
        raise TrackerError(f"Cannot open the database {url}: {exc}.") from exc


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``; at the head revision, derived data a revision marked stale
    (matching forms, postings) is rebuilt too, in the same transaction."""
    from alembic import command

    _migrate(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _migrate(engine, command.downgrade, revision)


def _migrate(engine: Engine, step, revision: str) -> None:
    """Run an Alembic command in one transaction: all of its revisions are applied, or
    none. A revision that refuses the database says why in an Alembic CommandError (a
    revision imports nothing from tracker); it reaches the user as a TrackerError."""
    from alembic.util import CommandError

    cfg = alembic_config(engine)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            step(cfg, revision)
    except CommandError as exc:
        raise TrackerError(str(exc)) from exc


def open_database(target: str | None = None, *, migrate: bool = True) -> Engine:
    """An engine for the target database, created and migrated to head on first use."""
    url = resolve_url(target)
    engine = make_engine(url)
    if migrate:
        try:
            rev = current_revision(engine)
        except Exception as exc:
            raise _connection_error(url, exc) from exc
        if rev != SCHEMA_HEAD:
            upgrade(engine)
    return engine


def _connection_error(url: str, exc: Exception) -> TrackerError:
    where = display_location(url)
    msg = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    return TrackerError(f"Cannot open the database {where}: {msg}. Check --db or TRACKER_DB.")


T = TypeVar("T")


def chunks(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size``: the IN list of a query stays
    under the database's limit on bound parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_tuples(conn: Connection, table: str, names: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert many rows of values for the columns ``names`` through the driver's
    executemany: the ORM's bulk path costs microseconds a row, and Core's parameter
    processing a good part of that. Columns left out take their server defaults."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))})"
    for chunk in chunks(rows, 20_000):
        conn.exec_driver_sql(sql, list(chunk))


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict]) -> None:
    """``insert_tuples`` for rows given as dicts with the same keys; JSON columns are
    serialised here."""
    import json
    from operator import itemgetter

    from sqlalchemy import JSON

    if not rows:
        return
    names = list(rows[0])
    values = list(map(itemgetter(*names), rows)) if len(names) > 1 else [(r[names[0]],) for r in rows]
    as_json = [i for i, n in enumerate(names) if isinstance(table.c[n].type, JSON)]
    if as_json:
        dumps = json.dumps
        for k, row in enumerate(values):
            row = list(row)
            for i in as_json:
                v = row[i]
                if v is not None:
                    row[i] = "[]" if v == [] else dumps(v)
            values[k] = tuple(row)
    insert_tuples(conn, table.name, names, values)


def has_written(session: Session) -> bool:
    """Whether this session's transaction has changed anything yet (pending ORM changes
    included). Work handed to other connections sees only committed data, so it may run
    there only when this is False."""
    from sqlalchemy import text

    if session.new or session.dirty or session.deleted:
        return True
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        before = conn.info.get("changes_at_begin")
        return before is None or conn.connection.dbapi_connection.total_changes != before
    if conn.dialect.name == "postgresql":
        return session.scalar(text("SELECT pg_current_xact_id_if_assigned()")) is not None
    return True


def reader_url(session: Session) -> str | None:
    """The URL another process can open to read what this session reads, or None (an
    in-memory SQLite database is private to its connection)."""
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction per command: commit on success, roll back on any error."""
    from sqlalchemy.orm import Session

    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


# The tables a large write fills; PostgreSQL vacuums them after it (``tidy_after_bulk``).
BULK_TABLES = ("claims", "appearances", "claim_tokens", "relations", "outlets", "outlet_aliases")
VACUUM_FROM = 10_000
"""Rows written at or above which ``tidy_after_bulk`` vacuums."""


def tidy_after_bulk(target: str | None, rows: int) -> bool:
    """After a committed write of ``rows`` rows (a large import), ``VACUUM (ANALYZE)`` the
    tables it filled on PostgreSQL: fresh statistics for the planner, and a visibility map
    that lets the candidate index answer from the index alone (without it, counting a
    token's holders visits the table and ``claim add`` takes three times as long until
    autovacuum comes by). Whether it vacuumed; nothing to do on SQLite."""
    if rows < VACUUM_FROM:
        return False
    from sqlalchemy import text

    engine = make_engine(resolve_url(target))
    try:
        if engine.dialect.name != "postgresql":
            return False
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in BULK_TABLES:
                conn.execute(text(f"VACUUM (ANALYZE) {table}"))
        return True
    finally:
        engine.dispose()
