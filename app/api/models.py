"""Which model answers the conversation API, from settings: the offline engine unless the
operator chooses another (STOREDESK_API_PROVIDER), or a scripted model for tests and
load runs (STOREDESK_API_SCRIPT, a JSON list of steps replayed from the start each turn:
``{"text": "...", "tool_calls": [{"name": "...", "arguments": {...}}]}``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.agent.model import ModelAdapter
from app.agent.providers import ModelParams, make_model
from app.agent.scripted import ScriptedModel, Step, calls, reply
from app.api.settings import ApiSettings


def _steps(data: list[dict[str, Any]]) -> list[Step]:
    steps = []
    for item in data:
        pairs = [(c["name"], c.get("arguments") or {}) for c in item.get("tool_calls") or []]
        steps.append(calls(*pairs, text=item.get("text", "")) if pairs else reply(item["text"]))
    return steps


def make_model_factory(settings: ApiSettings) -> Callable[[], ModelAdapter]:
    provider = settings.storedesk_api_provider or "offline"
    if provider == "scripted":
        if not settings.storedesk_api_script:
            raise ValueError("STOREDESK_API_PROVIDER=scripted needs STOREDESK_API_SCRIPT")
        data = json.loads(Path(settings.storedesk_api_script).read_text(encoding="utf-8"))
        return lambda: ScriptedModel(_steps(data))
    if provider != "offline":
        make_model(ModelParams(provider=provider))  # a missing key fails at start-up
    return lambda: make_model(ModelParams(provider=provider))
