"""One error hierarchy for the whole bot.

`UserError` messages are written for the person asking and are shown to them verbatim, in a
terminal or in chat. Everything else is a fault of ours or of a dependency: adapters log it and
answer with a short apology.
"""


class ReviewBotError(Exception):
    """Base of every error the bot raises on purpose."""


class UserError(ReviewBotError):
    """Something the person can fix; the message is safe to show them."""


class ConfigError(UserError):
    """A setting has a bad value; the message names the setting."""


class IngestError(UserError):
    """A review cannot be ingested (empty, too big, undecodable, unknown format)."""


class FilmNotFound(UserError):
    """No indexed film matches what was asked for."""


class AmbiguousFilm(UserError):
    """Several indexed films match; the message lists them."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class ReviewNotFound(UserError):
    """No indexed review has the given id."""


class StoreError(ReviewBotError):
    """The database failed underneath us."""


class ModelError(ReviewBotError):
    """A shipped model file is missing or unreadable."""
