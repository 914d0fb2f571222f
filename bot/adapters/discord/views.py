"""Buttons and the review modal: persistent feedback buttons, the /reviews pager, /review add."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

import discord

from bot.adapters.discord.render import page_count, render_reviews_page
from bot.errors import UserError
from bot.reviews.types import ReviewInput, ReviewSummary

# Stable ids: Discord sends them back on every click, also to a bot restarted since the answer
# was posted, so they must not depend on anything held in memory.
FEEDBACK_TEMPLATE = r"reviewbot:feedback:(?P<verdict>up|down)"
FEEDBACK_IDS = {"up": "reviewbot:feedback:up", "down": "reviewbot:feedback:down"}
FEEDBACK_EMOJI = {"up": "👍", "down": "👎"}

VoteHandler = Callable[[discord.Interaction[Any], str], Awaitable[None]]
ReviewHandler = Callable[[discord.Interaction[Any], ReviewInput], Awaitable[None]]
ErrorHandler = Callable[[discord.Interaction[Any], Exception], Awaitable[None]]

FeedbackItem = discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]]


def feedback_button_class(on_vote: VoteHandler) -> type[FeedbackItem]:
    """A dynamic button class bound to one adapter; register it with `client.add_dynamic_items`."""

    class FeedbackButton(FeedbackItem, template=FEEDBACK_TEMPLATE):
        def __init__(self, verdict: str) -> None:
            super().__init__(
                discord.ui.Button(
                    style=discord.ButtonStyle.secondary,
                    emoji=FEEDBACK_EMOJI[verdict],
                    custom_id=FEEDBACK_IDS[verdict],
                )
            )
            self.verdict = verdict

        @classmethod
        async def from_custom_id(
            cls,
            interaction: discord.Interaction[Any],
            item: discord.ui.Item[Any],
            match: re.Match[str],
            /,
        ) -> FeedbackButton:
            return cls(match["verdict"])

        async def callback(self, interaction: discord.Interaction[Any]) -> None:
            await on_vote(interaction, self.verdict)

    return FeedbackButton


def feedback_view(button_class: type[FeedbackItem]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for verdict in ("up", "down"):
        # The class is built per adapter (see above); its constructor takes the verdict.
        make = cast(Callable[[str], FeedbackItem], button_class)
        view.add_item(make(verdict))
    return view


class ReviewsPager(discord.ui.View):
    """Previous / next buttons over the review list; only the person who asked turns the pages."""

    def __init__(
        self,
        reviews: Sequence[ReviewSummary],
        *,
        owner_id: int,
        on_failure: ErrorHandler,
        timeout: float = 600.0,
    ) -> None:
        super().__init__(timeout=timeout)
        self.reviews = list(reviews)
        self.owner_id = owner_id
        self._on_failure = on_failure
        self.page = 0
        self.pages = page_count(self.reviews)
        self.message: discord.WebhookMessage | None = None
        self._update_buttons()

    def embed(self) -> discord.Embed:
        return render_reviews_page(self.reviews, self.page)

    def _update_buttons(self) -> None:
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= self.pages - 1

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who ran /reviews can turn these pages — run /reviews yourself.",
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        return False

    async def _turn(self, interaction: discord.Interaction[Any], step: int) -> None:
        self.page = min(max(self.page + step, 0), self.pages - 1)
        self._update_buttons()
        await interaction.response.edit_message(
            embed=self.embed(), view=self, allowed_mentions=discord.AllowedMentions.none()
        )

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ReviewsPager]
    ) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ReviewsPager]
    ) -> None:
        await self._turn(interaction, 1)

    async def on_error(
        self,
        interaction: discord.Interaction[Any],
        error: Exception,
        item: discord.ui.Item[Any],
        /,
    ) -> None:
        # Views are outside the command tree; without this a failure is only "interaction failed".
        await self._on_failure(interaction, error)

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        for child in self.children:
            if isinstance(child, discord.ui.Button):
                child.disabled = True
        # Deleted meanwhile, or the interaction token expired: nothing to tidy.
        with contextlib.suppress(discord.HTTPException):
            await self.message.edit(view=self, allowed_mentions=discord.AllowedMentions.none())


def parse_year(value: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text) or not 1870 <= int(text) <= 2100:
        raise UserError(f"The year should look like 2016, not “{clip_text(text)}”.")
    return int(text)


def clip_text(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ReviewModal(discord.ui.Modal, title="Add a review"):
    film: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Film title", placeholder="La La Land", max_length=200
    )
    year: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Year of release", placeholder="2016", required=False, max_length=4
    )
    critic: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Critic", required=False, max_length=200
    )
    source: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Source (publication or site)", required=False, max_length=200
    )
    text: discord.ui.TextInput[ReviewModal] = discord.ui.TextInput(
        label="Review text",
        style=discord.TextStyle.paragraph,
        placeholder="Paste the review here (or use /review add with a .txt/.md file).",
        max_length=4000,
    )

    def __init__(
        self,
        *,
        on_review: ReviewHandler,
        on_failure: ErrorHandler,
        film: str | None = None,
        year: int | None = None,
        critic: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(timeout=900)
        self._on_review = on_review
        self._on_failure = on_failure
        self.film.default = film
        self.year.default = str(year) if year else None
        self.critic.default = critic
        self.source.default = source

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        item = ReviewInput(
            text=self.text.value,
            film=self.film.value.strip() or None,
            year=parse_year(self.year.value),
            critic=self.critic.value.strip() or None,
            source=self.source.value.strip() or None,
        )
        await self._on_review(interaction, item)

    async def on_error(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], error: Exception
    ) -> None:
        await self._on_failure(interaction, error)
