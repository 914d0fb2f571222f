"""Locate the files ReviewBot ships: `config/` and `seeds/`.

In a checkout (or an editable install) they are the top-level folders of the repository; a
wheel carries copies under `bot/_bundled/`. Both are looked up on demand, never at import time.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled_dir(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_bundled" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"ReviewBot's {name}/ folder is missing from the installation")


def config_dir() -> Path:
    return _bundled_dir("config")


def config_path(filename: str) -> Path:
    return config_dir() / filename


def seeds_dir() -> Path:
    return _bundled_dir("seeds")
