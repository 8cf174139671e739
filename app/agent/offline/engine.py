"""The offline engine as a model adapter: the default when no API key is set.

It speaks the same protocol as the OpenAI adapters (`app.agent.model`): each `stream`
call reads the whole conversation, decides one step, and either asks for one tool call
(the loop runs it through the dispatcher and calls again) or streams its answer in
chunks. Deterministic: the same messages and tools give the same events, call ids
included, so a conversation replays exactly and survives a restart.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from app.agent.events import Usage
from app.agent.model import (
    ChatMessage,
    ModelEvent,
    ModelFinished,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)
from app.agent.offline.plan import decide
from app.agent.offline.situation import CallTool, Situation
from app.agent.offline.state import derive

LABEL = "offline engine"
CHUNK_WORDS = 4  # words per streamed chunk: the UI shows the answer arriving like a model's


def tool_schemas(tools: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """name -> parameters JSON schema, from the Chat Completions tool list."""
    out: dict[str, dict[str, Any]] = {}
    for entry in tools:
        fn = entry.get("function", entry)
        if isinstance(fn, dict) and isinstance(fn.get("name"), str):
            out[fn["name"]] = fn.get("parameters") or {"type": "object", "properties": {}}
    return out


def chunks(text: str, words: int = CHUNK_WORDS) -> list[str]:
    """Pieces that join back to exactly `text` (spaces and line breaks kept)."""
    parts = text.split(" ")
    return [
        " ".join(parts[i : i + words]) + (" " if i + words < len(parts) else "")
        for i in range(0, len(parts), words)
    ]


def _call_id(messages: Sequence[ChatMessage], action: CallTool) -> str:
    # Unique within a conversation (the history differs at every round) and repeatable.
    digest = hashlib.sha256()
    for m in messages:
        digest.update(f"{m.role}\x1f{m.content}\x1f{m.tool_call_id}\x1e".encode())
        for c in m.tool_calls:
            digest.update(f"{c.call_id}\x1f{c.name}\x1f{c.arguments}\x1e".encode())
    digest.update(f"{action.name}\x1f{_arguments(action)}".encode())
    return "call_offline_" + digest.hexdigest()[:20]


def _arguments(action: CallTool) -> str:
    return json.dumps(action.args, ensure_ascii=False, sort_keys=True)


class OfflineModel:
    """Rule-based, multilingual (English, Vietnamese, Portuguese) support engine."""

    provider = "offline"
    in_process = True  # no I/O: read on the turn's thread (app.agent.bounded)
    model = "offline"
    label = LABEL

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        locale = (options.locale or "")[:2].lower() if options else ""
        state = derive(messages, default_lang=locale if locale in ("en", "vi", "pt") else None)
        situation = Situation(
            d=state, tools=tool_schemas(tools), actor=options.actor if options else "customer"
        )
        action = decide(situation)
        if isinstance(action, CallTool):
            yield ToolCallRequest(
                call_id=_call_id(messages, action), name=action.name, arguments=_arguments(action)
            )
            yield ModelFinished(finish_reason="tool_calls", usage=Usage(), model=self.model)
            return
        for piece in chunks(action.text):
            yield TextChunk(piece)
        # No language model ran: no tokens were used or billed.
        yield ModelFinished(finish_reason="stop", usage=Usage(), model=self.model)


def make_offline_model() -> OfflineModel:
    return OfflineModel()
