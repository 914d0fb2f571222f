"""A bounded memo for the per-word work of tagging.

Review vocabulary is Zipfian, so after a few reviews nearly every word, chunk and word pair is a
hit. A dict subclass with `__missing__` keeps a hit to one C-level lookup (usable from `map`),
which `functools.lru_cache` cannot match; when it outgrows `limit` it simply starts over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """`memo[key]` is `compute(key)`, computed once while it stays among `limit` entries."""

    def __init__(self, compute: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value
