"""Term statistics for BM25 ranking on PostgreSQL, so both backends rank search hits alike.

SQLite's FTS5 keeps these statistics itself; on SQLite this revision changes nothing.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # How many sentences contain each lexeme (BM25's document frequency) ...
    op.create_table(
        "sentence_terms",
        sa.Column("lexeme", sa.Text, primary_key=True),
        sa.Column("sentences", sa.BigInteger, nullable=False),
    )
    # ... each sentence's length in words as FTS5 counts them (stop words included) ...
    op.add_column("sentences", sa.Column("tokens", sa.Integer, nullable=False, server_default="0"))
    op.execute(
        "UPDATE sentences SET tokens = "
        "(SELECT count(*) FROM regexp_matches(text, '[[:alnum:]]+', 'g'))"
    )
    # ... and the sentence count and summed length, for the mean sentence length.
    op.create_table(
        "sentence_totals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sentences", sa.BigInteger, nullable=False),
        sa.Column("tokens", sa.BigInteger, nullable=False),
    )
    op.execute(
        "INSERT INTO sentence_terms (lexeme, sentences) "
        "SELECT word, ndoc FROM ts_stat('SELECT tsv FROM sentences')"
    )
    op.execute(
        "INSERT INTO sentence_totals (id, sentences, tokens) "
        "SELECT 1, count(*), coalesce(sum(tokens), 0) FROM sentences"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_table("sentence_totals")
    op.drop_table("sentence_terms")
    op.drop_column("sentences", "tokens")
