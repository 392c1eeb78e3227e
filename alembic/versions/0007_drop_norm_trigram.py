"""candidate index: no trigram index on the matching form (PostgreSQL)

The candidate rule reads the token postings alone, on both backends; the trigram index
on ``claims.norm`` answered a query that no longer runs, and keeping it up cost every
write of a claim.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claims_norm_trgm")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_claims_norm_trgm",
            "claims",
            ["norm"],
            postgresql_using="gin",
            postgresql_ops={"norm": "gin_trgm_ops"},
        )
