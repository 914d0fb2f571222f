"""Each review's verdict and P(liked) as columns of reviews, so films can be ranked by them.

`verdict` is what a verdict question answers for the review (a stated rating first, else the
stance model's P(liked), else the balance of its sentence labels: bot/reviews/qa/verdict.py) and
`liked` is that P(liked). Ingest sets both; this migration backfills stored reviews with the
shipped stance model, from their stored sentences, in batches of reviews by id. The index on
(film_id, verdict) lets `GROUP BY film_id, verdict` read no table rows.

Revision ID: 0006
Revises: 0005
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from bot.reviews.opinions.stance import StanceModel
from bot.reviews.qa.verdict import review_verdict
from bot.reviews.store.rows import sentence_from
from bot.reviews.types import Sentence

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    op.add_column("reviews", sa.Column("verdict", sa.String(10), nullable=True))
    op.add_column("reviews", sa.Column("liked", sa.Float, nullable=True))
    connection = op.get_bind()
    reviews = sa.text("SELECT id, text, rating FROM reviews WHERE id > :after ORDER BY id LIMIT :n")
    sentences = sa.text(
        "SELECT * FROM sentences WHERE review_pk >= :first AND review_pk <= :last "
        "ORDER BY review_pk, position"
    )
    update = sa.text("UPDATE reviews SET verdict = :verdict, liked = :liked WHERE id = :pk")
    model: StanceModel | None = None
    after = 0
    while True:
        batch = connection.execute(reviews, {"after": after, "n": _BATCH}).all()
        if not batch:
            break
        model = model or StanceModel.load()
        first, after = int(batch[0][0]), int(batch[-1][0])
        by_review: dict[int, list[Sentence]] = defaultdict(list)
        for row in connection.execute(sentences, {"first": first, "last": after}).mappings():
            by_review[int(row["review_pk"])].append(sentence_from(row))
        updates = []
        for pk, body, rating in batch:
            labelled = by_review.get(int(pk), [])
            liked = model.probability([s.text for s in labelled]) if labelled else None
            verdict = review_verdict(body, rating, labelled, liked)
            updates.append({"pk": pk, "verdict": verdict, "liked": liked})
        connection.execute(update, updates)
    op.create_index("ix_reviews_film_verdict", "reviews", ["film_id", "verdict"])


def downgrade() -> None:
    op.drop_index("ix_reviews_film_verdict", table_name="reviews")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("liked")
        batch.drop_column("verdict")
