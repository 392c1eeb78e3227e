"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 06:18:19.594856
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("event_date", sa.String(length=10), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="active", nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("status IN ('active', 'merged')", name=op.f("ck_claims_status")),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_claims_text_not_empty")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["claims.id"],
            name=op.f("fk_claims_merged_into_id_claims"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("key", name=op.f("uq_claims_key")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_fingerprint"), ["fingerprint"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_merged_into_id"), ["merged_into_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "name_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("variant", sa.String(length=200), nullable=False),
        sa.Column("variant_norm", sa.String(length=200), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_aliases")),
        sa.UniqueConstraint("variant_norm", name=op.f("uq_name_aliases_variant_norm")),
    )
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("country", sa.String(length=80), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("grade", sa.String(length=1), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("grade IN ('A', 'B', 'C', 'D', 'E', 'F')", name=op.f("ck_outlets_grade")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("name", name=op.f("uq_outlets_name")),
    )
    op.create_table(
        "appearances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("speaker", sa.String(length=300), nullable=True),
        sa.Column("speaker_role", sa.String(length=300), nullable=True),
        sa.Column("anonymous", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("speaker_count", sa.Integer(), nullable=True),
        sa.Column("via_outlet_id", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("stance", sa.String(length=10), server_default="asserts", nullable=False),
        sa.Column("hedges", sa.JSON(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("stance IN ('asserts', 'denies', 'reports')", name=op.f("ck_appearances_stance")),
        sa.CheckConstraint(
            "speaker_count IS NULL OR speaker_count > 0", name=op.f("ck_appearances_speaker_count")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_appearances_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_appearances_outlet_id_outlets"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["via_outlet_id"],
            ["outlets.id"],
            name=op.f("fk_appearances_via_outlet_id_outlets"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appearances")),
        sa.UniqueConstraint("key", name=op.f("uq_appearances_key")),
    )
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appearances_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appearances_outlet_id"), ["outlet_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appearances_via_outlet_id"), ["via_outlet_id"], unique=False)

    op.create_table(
        "outlet_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("norm", sa.String(length=200), nullable=False),
        sa.Column("is_primary", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_outlet_aliases_outlet_id_outlets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlet_aliases")),
        sa.UniqueConstraint("norm", name=op.f("uq_outlet_aliases_norm")),
    )
    with op.batch_alter_table("outlet_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outlet_aliases_outlet_id"), ["outlet_id"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=20), server_default="suggested", nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('duplicate', 'supports', 'contradicts')", name=op.f("ck_relations_kind")
        ),
        sa.CheckConstraint(
            "state IN ('suggested', 'confirmed', 'dismissed')", name=op.f("ck_relations_state")
        ),
        sa.CheckConstraint("a_id < b_id", name=op.f("ck_relations_ordered_pair")),
        sa.ForeignKeyConstraint(
            ["a_id"], ["claims.id"], name=op.f("fk_relations_a_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["b_id"], ["claims.id"], name=op.f("fk_relations_b_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
        sa.UniqueConstraint("a_id", "b_id", "kind", name=op.f("uq_relations_a_id_b_id_kind")),
    )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.create_index("ix_relations_b_id", ["b_id"], unique=False)

    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("evidence_url", sa.String(length=2000), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "rating IN ('true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unproven')",
            name=op.f("ck_verdicts_rating"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_verdicts_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdicts")),
    )
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verdicts_claim_id"), ["claim_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdicts_claim_id"))

    op.drop_table("verdicts")
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_index("ix_relations_b_id")

    op.drop_table("relations")
    with op.batch_alter_table("outlet_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outlet_aliases_outlet_id"))

    op.drop_table("outlet_aliases")
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appearances_via_outlet_id"))
        batch_op.drop_index(batch_op.f("ix_appearances_outlet_id"))
        batch_op.drop_index(batch_op.f("ix_appearances_claim_id"))

    op.drop_table("appearances")
    op.drop_table("outlets")
    op.drop_table("name_aliases")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_claim_id"))
        batch_op.drop_index(batch_op.f("ix_events_action"))

    op.drop_table("events")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_claims_fingerprint"))

    op.drop_table("claims")
