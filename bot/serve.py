"""`reviewbot serve`: run the chosen chat adapters together on one event loop."""

from __future__ import annotations

import asyncio
import importlib
from dataclasses import dataclass
from typing import Any

from bot.errors import UserError

# Each adapter package exposes `async def run(router, settings, options) -> None`.
ADAPTER_MODULES = {"slack": "bot.adapters.slack.runner", "discord": "bot.adapters.discord.runner"}


@dataclass(frozen=True)
class ServeOptions:
    http: bool = False
    port: int | None = None


def run_adapters(state: Any, adapters: tuple[str, ...], options: ServeOptions) -> None:
    names = list(dict.fromkeys(a.lower() for a in adapters))
    unknown = [a for a in names if a not in ADAPTER_MODULES]
    if unknown or not names:
        raise UserError(
            f"Choose adapters to run from: {', '.join(ADAPTER_MODULES)} "
            "(e.g. `reviewbot serve slack` or `reviewbot serve discord slack`)."
        )
    runners = []
    for name in names:
        try:
            module = importlib.import_module(ADAPTER_MODULES[name])
        except ModuleNotFoundError as exc:
            raise UserError(
                f"The {name} adapter needs extra packages: pip install 'reviewbot[{name}]' ({exc})"
            ) from exc
        runners.append(module.run)
    from bot.router import Router

    service = state.service()
    service.ensure_seeded_sync()
    router = Router(service)
    settings = state.settings()

    async def main() -> None:
        await asyncio.gather(*(run(router, settings, options) for run in runners))

    asyncio.run(main())
