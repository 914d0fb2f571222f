"""Each review's verdict and P(liked) as columns of reviews, so films can be ranked by them.

`verdict` is what a verdict question answers for the review (a stated rating first, else the
stance model's P(liked), else the balance of its sentence labels: bot/reviews/qa/verdict.py) and
`liked` is that P(liked). Ingest sets both; this migration backfills stored reviews with the
shipped stance model, from their stored sentences (store/verdicts.py, which `reviewbot rescore`
runs again after the model is retrained). The index on
(film_id, verdict) lets `GROUP BY film_id, verdict` read no table rows.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from bot.reviews.opinions.stance import StanceModel
from bot.reviews.store.verdicts import rescore_verdicts

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("verdict", sa.String(10), nullable=True))
    op.add_column("reviews", sa.Column("liked", sa.Float, nullable=True))
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT 1 FROM reviews LIMIT 1")).first() is not None:
        rescore_verdicts(connection, StanceModel.load())
    op.create_index("ix_reviews_film_verdict", "reviews", ["film_id", "verdict"])


def downgrade() -> None:
    op.drop_index("ix_reviews_film_verdict", table_name="reviews")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("liked")
        batch.drop_column("verdict")
