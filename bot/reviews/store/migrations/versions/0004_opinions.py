"""Opinion labels as rows (table opinions), backfilled from the sentences' stored clauses.

One row per (clause, aspect) of each opinion sentence (subjectivity at or above the answerer's
threshold) whose clause passes a judgement, with the clause's polarity, unsigned score
(strength) and that score shared among the aspects the clause judges (weight), so corpus-wide
questions find reviews by label: `WHERE aspect = ? AND polarity = ? ORDER BY weight DESC LIMIT
n` is one range of ix_opinions_aspect_polarity_weight (review_pk last, so the scan needs no
table rows). The rows are
derived in Python (bot/reviews/store/labels.py) from the clauses JSON, in batches of sentences
by id; the secondary index is built after the backfill.

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

from bot.reviews.store.labels import OPINION_THRESHOLD, stored_opinion_rows
from bot.reviews.store.rows import insert_opinions

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 20_000


def upgrade() -> None:
    op.create_table(
        "opinions",
        sa.Column(
            "review_pk",
            sa.Integer,
            sa.ForeignKey("reviews.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("clause", sa.Integer, nullable=False),
        sa.Column("aspect", sa.String(100), nullable=False),
        sa.Column("polarity", sa.String(10), nullable=False),
        sa.Column("strength", sa.Float, nullable=False),
        sa.Column("weight", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("review_pk", "position", "clause", "aspect"),
    )
    connection = op.get_bind()
    query = sa.text(
        "SELECT id, review_pk, position, subjectivity, polarity, polarity_score, aspects, clauses "
        "FROM sentences WHERE id > :after AND subjectivity >= :threshold ORDER BY id LIMIT :n"
    )
    after = 0
    while True:
        batch = connection.execute(
            query, {"after": after, "threshold": OPINION_THRESHOLD, "n": _BATCH}
        ).all()
        if not batch:
            break
        after = int(batch[-1][0])
        rows = [
            row
            for _, review_pk, position, subjectivity, polarity, score, aspects, clauses in batch
            for row in stored_opinion_rows(
                review_pk, position, subjectivity, polarity, score, aspects, json.loads(clauses)
            )
        ]
        if rows:
            insert_opinions(connection, rows)
    op.create_index(
        "ix_opinions_aspect_polarity_weight",
        "opinions",
        ["aspect", "polarity", "weight", "review_pk"],
    )
    if connection.dialect.name == "postgresql":
        op.execute("ANALYZE opinions")


def downgrade() -> None:
    op.drop_table("opinions")  # and its index
