"""tracker_meta: facts about the database, first whether its derived data is current

Each claim's matching form (claims.norm) and its candidate postings are computed from the
claim's text by live code, which a revision must not import. A revision that cannot
compute them marks the row 'derived_data' as 'stale', and the migration runner rebuilds
them with the live code once the schema is at the head revision. Revision 0002 empties
the matching forms of the claims stored at revision 0001 and gives them no postings: a
database holding a claim with an empty matching form is marked stale here, any other is
current (its derived data was written by the code that stored its claims).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "tracker_meta",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_tracker_meta")),
    )
    missing = op.get_bind().execute(sa.text("SELECT 1 FROM claims WHERE norm = '' LIMIT 1")).first()
    op.bulk_insert(meta, [{"name": "derived_data", "value": "current" if missing is None else "stale"}])


def downgrade() -> None:
    op.drop_table("tracker_meta")
