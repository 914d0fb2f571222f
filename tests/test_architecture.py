"""The core knows no chat platform, and the schema fast path matches Alembic's head."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_no_chat_platform() -> None:
    code = (
        "import sys, bot.reviews.service, bot.reviews.qa.answerer, bot.cli;"
        "roots = ('discord', 'slack_bolt', 'slack_sdk');"
        "bad = [m for m in sys.modules if m.split('.')[0] in roots];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_head_revision_constant_matches_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from bot.reviews.store.engine import _MIGRATIONS_DIR, HEAD_REVISION

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION
