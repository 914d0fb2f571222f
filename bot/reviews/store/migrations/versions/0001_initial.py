"""Initial schema: films, reviews, sentences with full-text search, chat bookkeeping.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _created_at() -> sa.Column[object]:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "films",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(400), nullable=False, unique=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("year", sa.Integer),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("review_id", sa.String(200), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("film_id", sa.Integer, sa.ForeignKey("films.id"), nullable=False, index=True),
        sa.Column("critic", sa.String(300)),
        sa.Column("source", sa.String(300)),
        sa.Column("rating", sa.String(100)),
        sa.Column("published", sa.String(100)),
        sa.Column("url", sa.String(1000)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence_count", sa.Integer, nullable=False),
        _created_at(),
    )
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "review_pk",
            sa.Integer,
            sa.ForeignKey("reviews.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("subjectivity", sa.Float, nullable=False),
        sa.Column("polarity", sa.String(10), nullable=False),
        sa.Column("polarity_score", sa.Float, nullable=False),
        sa.Column("aspects", sa.String(400), nullable=False),
        sa.Column("clauses", sa.Text, nullable=False),
        sa.UniqueConstraint("review_pk", "position"),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        _created_at(),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("message_ref", sa.String(200), nullable=False),
        sa.Column("user_id", sa.String(100), nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.UniqueConstraint("platform", "message_ref", "user_id"),
    )
    op.create_table(
        "processed_events",
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("platform", sa.String(20), nullable=False),
        _created_at(),
    )
    op.create_table(
        "channel_films",
        sa.Column("platform", sa.String(20), primary_key=True),
        sa.Column("channel_id", sa.String(100), primary_key=True),
        sa.Column("film_id", sa.Integer, sa.ForeignKey("films.id"), nullable=False),
    )
    op.create_table(
        "question_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "asked_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("intent", sa.String(30), nullable=False),
        sa.Column("film", sa.String(300)),
        sa.Column("abstained", sa.Boolean, nullable=False),
        sa.Column("latency_ms", sa.Float, nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # External-content FTS5 index over sentences.text; rows are added by the store.
        op.execute(
            "CREATE VIRTUAL TABLE sentence_fts USING fts5("
            "text, content='sentences', content_rowid='id', tokenize='porter unicode61')"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE sentences ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"
        )
        op.execute("CREATE INDEX ix_sentences_tsv ON sentences USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentence_fts")
    for table in (
        "question_log",
        "channel_films",
        "processed_events",
        "feedback",
        "sentences",
        "reviews",
        "films",
    ):
        op.drop_table(table)
