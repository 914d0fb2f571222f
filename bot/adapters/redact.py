"""Keep chat tokens out of the logs, whichever library ends up formatting a record."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

# Shorter values are not secrets worth masking and would mangle ordinary log text.
MIN_SECRET_CHARS = 8


class RedactSecrets(logging.Filter):
    """Replaces any of the given secrets in a log record with `[redacted]`."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if len(s) >= MIN_SECRET_CHARS)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = self._mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Tracebacks are formatted later, by the handler; format (and mask) them now.
            text = logging.Formatter().formatException(record.exc_info)
            masked = self._mask(text)
            if masked != text:
                record.exc_text = masked
        return True

    def _mask(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, "[redacted]")
        return text


@contextmanager
def redacting(secrets: Iterable[str]) -> Iterator[None]:
    """Mask `secrets` in everything the root logger's handlers write while this is active."""
    redact = RedactSecrets(secrets)
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(redact)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(redact)
