"""Slack adapter: `/review`, @mentions and DMs over bolt's AsyncApp, rendered as Block Kit.

Only translation lives here: Slack payloads become `ChatRequest`s for the shared `Router`, and
its neutral replies become Block Kit. `runner.run` is what `reviewbot serve slack` starts.
"""
