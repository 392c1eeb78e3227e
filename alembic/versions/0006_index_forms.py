"""candidate index: posted tokens in their index form, with lexicon side markers

The candidate index posts each token in its index form (a demonym as its country, a
plural as its singular) and, for a claim the opposing-action lexicon places on a side of
an opposition, a side marker. Postings written before this revision hold neither, so the
derived data is marked stale: the migration runner rebuilds every matching form and
posting with the live code once the schema is at the head revision.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(sa.text("UPDATE tracker_meta SET value = 'stale' WHERE name = 'derived_data'"))


def downgrade() -> None:
    # The postings of the index form serve an older reader too (it finds fewer claims
    # through them); they are rebuilt when the database comes back to this revision.
    op.get_bind().execute(sa.text("UPDATE tracker_meta SET value = 'stale' WHERE name = 'derived_data'"))
