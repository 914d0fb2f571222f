"""What the chat adapters record: feedback clicks, claimed events, the question log.

Idempotent where two bot processes may record the same thing: a click stored twice is one row
with the latest verdict, and an event is claimed by exactly one process.
"""

from __future__ import annotations

from sqlalchemy import insert, select

from bot.reviews.store.base import FeedbackEntry
from bot.reviews.store.database import SqlDatabase
from bot.reviews.store.schema import FeedbackRow, ProcessedEventRow, QuestionLogRow


class ChatRecords(SqlDatabase):
    def record_feedback(
        self,
        *,
        platform: str,
        message_ref: str,
        user_id: str,
        verdict: str,
        question: str,
        answer: str,
    ) -> None:
        table = FeedbackRow.__table__
        statement = self._insert(table).values(
            platform=platform,
            message_ref=message_ref,
            user_id=user_id,
            verdict=verdict,
            question=question,
            answer=answer,
        )
        # A second click by the same person on the same answer changes their verdict.
        statement = statement.on_conflict_do_update(
            index_elements=["platform", "message_ref", "user_id"],
            set_={"verdict": statement.excluded.verdict},
        )
        with self._begin() as connection:
            connection.execute(statement)

    def recent_feedback(self, limit: int = 20) -> list[FeedbackEntry]:
        table = FeedbackRow.__table__
        query = select(table).order_by(table.c.id.desc()).limit(limit)
        rows = self._read_one(lambda c: c.execute(query).mappings().all())
        return [
            FeedbackEntry(
                created_at=str(row["created_at"]),
                platform=row["platform"],
                user_id=row["user_id"],
                verdict=row["verdict"],
                question=row["question"],
                answer=row["answer"],
            )
            for row in rows
        ]

    def claim_event(self, platform: str, event_id: str) -> bool:
        table = ProcessedEventRow.__table__
        statement = (
            self._insert(table)
            .values(event_id=f"{platform}:{event_id}", platform=platform)
            .on_conflict_do_nothing()
            # RETURNING, not rowcount: SQLAlchemy reports rowcount -1 for this on psycopg.
            .returning(table.c.event_id)
        )
        with self._begin() as connection:
            return connection.execute(statement).first() is not None

    def log_question(
        self,
        *,
        platform: str,
        question: str,
        intent: str,
        film: str | None,
        abstained: bool,
        latency_ms: float,
    ) -> None:
        with self._begin() as connection:
            connection.execute(
                insert(QuestionLogRow).values(
                    platform=platform,
                    question=question,
                    intent=intent,
                    film=film,
                    abstained=abstained,
                    latency_ms=latency_ms,
                )
            )
