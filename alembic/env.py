"""Alembic environment for tracker, configured in code (see tracker.db.alembic_config).

Runs online, in one transaction: on the connection handed over in
``config.attributes["connection"]`` (whose transaction the caller owns), else on a
connection of its own from ``config.attributes["engine"]``. Batch mode on SQLite so that
later revisions can alter tables.

The revisions under versions/ change the schema and move stored data only; they import
nothing from tracker, so that what an old revision writes never changes with the code.
Data that live code derives from the claims (each claim's matching form and its
candidate postings) is rebuilt here instead, once the schema is at the head revision and
only when a revision has marked it stale in tracker_meta.
"""

from alembic import context

from tracker.models import CURRENT, DERIVED_DATA, STALE, Base, TrackerMeta, include_object_for

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = config.attributes.get("engine")
    if engine is None:
        from tracker.db import make_engine, resolve_url

        engine = make_engine(resolve_url(config.get_main_option("sqlalchemy.url")))
    with engine.begin() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=False,
        include_object=include_object_for(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()
        if _at_head():
            refresh_derived(connection)


def _at_head() -> bool:
    """Whether the schema is at the head revision, the only one live code can write."""
    return set(context.get_context().get_current_heads()) == set(context.script.get_heads())


def refresh_derived(connection) -> None:
    """Rebuild the derived data if a revision marked it stale, then mark it current."""
    from sqlalchemy import select, update

    flag = TrackerMeta.name == DERIVED_DATA
    if connection.execute(select(TrackerMeta.value).where(flag)).scalar() != STALE:
        return
    rebuild_derived(connection)
    connection.execute(update(TrackerMeta).where(flag).values(value=CURRENT))


def rebuild_derived(connection) -> None:
    """The one call into live code: every claim's matching form and postings, recomputed
    from its text and the name aliases."""
    from tracker.judgement.postings import reindex_all

    reindex_all(connection)


if context.is_offline_mode():
    raise SystemExit("tracker migrations run online only: use `tracker db upgrade`.")
run_migrations_online()
