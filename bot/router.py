"""The command table every chat adapter shares: neutral requests in, neutral replies out.

Adapters translate a platform event into a `ChatRequest`, call `Router.handle`, and render the
`ChatReply`. Conversation context (for follow-ups), channel default films and rate limits live
here, once, instead of in each adapter.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.errors import UserError
from bot.reviews.service import ReviewService
from bot.reviews.types import Answer, Conversation, Question, ReviewInput, ReviewSummary

COMMANDS = ("ask", "likes", "dislikes", "verdict", "reviews", "film", "help")
CANNED_QUESTIONS = {
    "likes": "What did the critic like?",
    "dislikes": "What did the critic dislike?",
    "verdict": "Did the critic like it?",
}
HELP_TEXT = (
    "Ask me about the film reviews I have indexed, and I answer with the critic's own words.\n"
    "• ask <question> — e.g. “what did the critic dislike?”, “how was the acting?”\n"
    "• likes [film] / dislikes [film] — what the critic praised or criticised\n"
    "• verdict [film] — did they like it, and the sentence that shows it\n"
    "• reviews [film] — the reviews I know\n"
    "• film <title> — set this channel's default film\n"
    "Follow-ups work in the same thread: “and the music?”, “why?”."
)


@dataclass(frozen=True, slots=True)
class ChatRequest:
    platform: str
    user_id: str
    channel_id: str
    command: str
    text: str = ""
    # Replies in one thread share a conversation; None means the channel's main timeline.
    thread_id: str | None = None
    # A film named apart from the question text (e.g. a slash command option); "ask" only.
    film: str | None = None


@dataclass(frozen=True, slots=True)
class ChatReply:
    kind: str  # "answer", "reviews", "text" or "error"
    text: str = ""
    answer: Answer | None = None
    reviews: tuple[ReviewSummary, ...] = ()
    ephemeral: bool = False
    extra: dict[str, str] = field(default_factory=dict)


class RateLimiter:
    """At most `per_minute` requests per key in any sliding 60 seconds (0 disables it)."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        if self.per_minute <= 0:
            return True
        now = self._clock()
        window = self._seen.setdefault(key, deque())
        while window and now - window[0] >= 60:
            window.popleft()
        if len(window) >= self.per_minute:
            return False
        window.append(now)
        return True


class Conversations:
    """The most recent conversations, one per thread, forgotten oldest first."""

    def __init__(self, capacity: int = 5000) -> None:
        self.capacity = capacity
        self._items: OrderedDict[tuple[str, str, str], Conversation] = OrderedDict()

    def get(self, key: tuple[str, str, str]) -> Conversation | None:
        conversation = self._items.get(key)
        if conversation is not None:
            self._items.move_to_end(key)
        return conversation

    def put(self, key: tuple[str, str, str], conversation: Conversation) -> None:
        self._items[key] = conversation
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)


class Router:
    def __init__(
        self,
        service: ReviewService,
        *,
        rate_limit_per_minute: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.service = service
        limit = (
            service.settings.chat.rate_limit_per_minute
            if rate_limit_per_minute is None
            else rate_limit_per_minute
        )
        self.limiter = RateLimiter(limit, clock=clock)
        self.conversations = Conversations()

    async def handle(self, request: ChatRequest) -> ChatReply:
        command = request.command.lower()
        if command not in COMMANDS:
            return ChatReply(
                "error",
                f"I don't know the command '{request.command}'. " + HELP_TEXT,
                ephemeral=True,
            )
        if command == "help":
            return ChatReply("text", HELP_TEXT, ephemeral=True)
        if not self.limiter.allow(f"{request.platform}:{request.user_id}"):
            return ChatReply(
                "error",
                "You're asking faster than I can read — please wait a minute and try again.",
                ephemeral=True,
            )
        try:
            if command == "reviews":
                films = request.text.strip() or None
                reviews = await self.service.reviews(films)
                return ChatReply("reviews", reviews=tuple(reviews))
            if command == "film":
                return await self._set_film(request)
            return await self._ask(request, command)
        except UserError as exc:
            return ChatReply("error", str(exc), ephemeral=True)

    async def _ask(self, request: ChatRequest, command: str) -> ChatReply:
        key = (request.platform, request.channel_id, request.thread_id or "")
        conversation = self.conversations.get(key)
        if conversation is None:
            default = await self.service.channel_film(request.platform, request.channel_id)
            conversation = Conversation(film=default.title if default else None)
        if command == "ask":
            question = Question(request.text, film=request.film, conversation=conversation)
        else:
            film = request.text.strip() or None
            question = Question(CANNED_QUESTIONS[command], film=film, conversation=conversation)
        answer = await self.service.ask(question, platform=request.platform)
        self.conversations.put(key, conversation)
        return ChatReply("answer", answer.answer, answer=answer)

    async def _set_film(self, request: ChatRequest) -> ChatReply:
        title = request.text.strip()
        if not title:
            raise UserError("Which film? Use: film <title>, e.g. “film La La Land”.")
        film = await self.service.find_film(title)
        await self.service.set_channel_film(request.platform, request.channel_id, film)
        self.conversations.put(
            (request.platform, request.channel_id, ""), Conversation(film=film.title)
        )
        return ChatReply("text", f"This channel's default film is now {film.title}.")

    async def add_review(self, item: ReviewInput) -> ChatReply:
        """Validate and ingest one review typed or uploaded in chat; errors name the problem."""
        report = await self.service.ingest_items([replace(item, origin="your review")])
        if report.failed:
            raise UserError(report.failed[0].message)
        if report.skipped:
            return ChatReply("text", "That review is already indexed; nothing changed.")
        return ChatReply("text", f"Added review {report.added[0]} of {item.film}.")
