"""candidate index: side markers of lexicon version 3

Version 3 of the built-in opposing-action lexicon adds an opposition (control against
defiance) and phrases to restraint and escalation, and drops one, so the side markers a
claim is posted under change. The derived data is marked stale: the migration runner
rebuilds every posting with the live code once the schema is at the head revision.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(sa.text("UPDATE tracker_meta SET value = 'stale' WHERE name = 'derived_data'"))


def downgrade() -> None:
    # The older code posts the side markers of its own lexicon: rebuilt on its next upgrade.
    op.get_bind().execute(sa.text("UPDATE tracker_meta SET value = 'stale' WHERE name = 'derived_data'"))
