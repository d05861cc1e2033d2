"""The handouts table: one row per report that left the app."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_handouts"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handouts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), nullable=False, unique=True),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("clinician", sa.Text, nullable=False),
        sa.Column("os_user", sa.Text, nullable=False),
        sa.Column("deidentified", sa.Boolean, nullable=False),
        sa.Column("patient_mrn", sa.Text, nullable=True),
        sa.Column("patient_name", sa.Text, nullable=True),
        sa.Column("template", sa.Text, nullable=False),
        sa.Column("template_ref", sa.Text, nullable=False),
        sa.Column("pack_version", sa.String(32), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.Column("output_kind", sa.String(32), nullable=False),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("app_version", sa.String(32), nullable=False),
        sa.Column("context_json", sa.Text, nullable=True),
    )
    op.create_index("ix_handouts_made_at", "handouts", ["made_at"])
    op.create_index("ix_handouts_patient_mrn", "handouts", ["patient_mrn"])
    op.create_index("ix_handouts_content_hash", "handouts", ["content_hash"])
    op.create_index("ix_handouts_file_sha256", "handouts", ["file_sha256"])


def downgrade() -> None:
    op.drop_table("handouts")
