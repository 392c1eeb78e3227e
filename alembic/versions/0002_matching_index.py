"""matching index: claim_tokens posting table, pg_trgm on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # The matching form this index is built on is computed by live code, which a revision
    # must not call: the forms revision 0001 stored are emptied (the claims get no
    # postings here either), and revision 0005 marks a database with an empty form as one
    # whose derived data the application rebuilds.
    op.execute("UPDATE claims SET norm = ''")
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
    with op.batch_alter_table("claim_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_tokens_claim_id"), ["claim_id"], unique=False)
    if bind.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_claims_norm_trgm",
            "claims",
            ["norm"],
            postgresql_using="gin",
            postgresql_ops={"norm": "gin_trgm_ops"},
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.drop_index("ix_claims_norm_trgm", table_name="claims")
    with op.batch_alter_table("claim_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_tokens_claim_id"))
    op.drop_table("claim_tokens")
