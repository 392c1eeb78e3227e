"""SQLite postings in an FTS5 table: claim_tokens becomes claim_postings on SQLite

The posting table of candidate search holds about 25 rows a claim; as a B-tree of one row
per posting it was the slowest part of a large import. FTS5 keeps the same postings
(rowid = claim id, the claim's posted tokens in one column) in an inverted index written
in C. PostgreSQL keeps claim_tokens. Postings are copied both ways, so nothing is
recomputed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op
from alembic.util import CommandError

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS = "claim_postings"
# "ascii": only ASCII spaces and punctuation separate tokens; posted tokens hold none of
# them except "." in decimals, declared a token character. detail=none: only which
# claims hold a token is stored, all that candidate search asks.
CREATE_FTS = f"CREATE VIRTUAL TABLE {FTS} USING fts5(tokens, detail=none, tokenize=\"ascii tokenchars '.'\")"


def _require_fts5(bind) -> None:
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        bind.exec_driver_sql("DROP TABLE temp.fts5_probe")
    except sa.exc.OperationalError as exc:
        # Alembic's CommandError carries a message for the user: tracker.db.upgrade turns
        # it into tracker's one-sentence error.
        raise CommandError(
            "This Python's SQLite has no FTS5, which tracker's SQLite databases need; "
            "use a Python whose sqlite3 module includes FTS5 (python.org, Debian and "
            "Homebrew builds do) or a PostgreSQL database."
        ) from exc


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _require_fts5(bind)
    bind.exec_driver_sql(CREATE_FTS)
    bind.exec_driver_sql(
        f"INSERT INTO {FTS} (rowid, tokens) "
        "SELECT claim_id, group_concat(token, ' ') FROM claim_tokens GROUP BY claim_id"
    )
    op.drop_index("ix_claim_tokens_claim_id", table_name="claim_tokens")
    op.drop_table("claim_tokens")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.create_table(
        "claim_tokens",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_tokens_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token", "claim_id", name=op.f("pk_claim_tokens")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_claim_tokens_claim_id", "claim_tokens", ["claim_id"], unique=False)
    rows = bind.exec_driver_sql(f"SELECT rowid, tokens FROM {FTS}").all()
    postings = [(tok, cid) for cid, toks in rows for tok in toks.split()]
    if postings:
        bind.exec_driver_sql("INSERT INTO claim_tokens (token, claim_id) VALUES (?, ?)", postings)
    bind.exec_driver_sql(f"DROP TABLE {FTS}")
