"""Sentences' GIN index without a pending list (fastupdate off), on PostgreSQL.

With fastupdate on (PostgreSQL's default), new index entries first go to an unsorted pending
list of up to gin_pending_list_limit (4 MB) that every search of the index reads in full until
VACUUM, or the limit, moves it into the index. Bulk loads leave it full (autovacuum may lag or
be off): after loading 50,000 reviews it held 12,188 sentences (320 pages), and one GIN scan
took 22-88 ms instead of 1-7 ms; a corpus-wide search runs several scans. Writing entries
straight into the index costs bulk ingest about 0.4 ms of store time per review (see
docs/benchmarks.md). SQLite: no change.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER INDEX ix_sentences_tsv SET (fastupdate = off)")
    # Turning it off keeps what is already pending; move that into the index now.
    op.execute("SELECT gin_clean_pending_list('ix_sentences_tsv'::regclass)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER INDEX ix_sentences_tsv RESET (fastupdate)")
