"""A turn's events as server-sent events.

Customers see text, a friendly label per tool (never the raw arguments or results),
confirmations with their preview, hand-off state changes, errors and the finish with
usage. Staff see the tool names and arguments too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

from app.agent.events import Event
from app.i18n import has, t
from app.i18n.tools import step_label

log = logging.getLogger(__name__)


def label(name: str, locale: str = "en", *, done: bool = False, ok: bool = True) -> str:
    return step_label(name, locale, done=done, ok=ok)


def _error_message(code: str, message: str, locale: str) -> str:
    key = f"error.{code}"
    return t(key, locale) if has(key) else message


def sse(event: str, data: dict[str, Any]) -> dict[str, str]:
    return {"event": event, "data": json.dumps(data, ensure_ascii=False)}


def to_sse(event: Any, *, staff: bool, locale: str = "en") -> dict[str, str] | None:
    kind = getattr(event, "kind", "")
    if kind == "text_delta":
        return sse("text", {"text": event.text})
    if kind == "tool_call_started":
        data: dict[str, Any] = {"call_id": event.call_id, "label": label(event.name, locale)}
        if staff:
            data.update(name=event.name, arguments=event.arguments)
        return sse("tool", data)
    if kind == "tool_result":
        data = {
            "call_id": event.call_id,
            "label": label(event.name, locale, done=True, ok=event.ok),
            "ok": event.ok,
        }
        if staff:
            data.update(name=event.name, error_code=event.error_code, result=event.result)
        return sse("tool_done", data)
    if kind == "confirmation_required":
        return sse(
            "confirmation",
            {
                "confirmation_id": event.confirmation_id,
                "label": label(event.name, locale, done=True),
                "preview": event.preview,
            },
        )
    if kind == "held_for_person":
        return sse("state", {"state": event.state, "assignee": getattr(event, "assignee", None)})
    if kind == "error":
        message = _error_message(event.code, event.message, locale)
        return sse("error", {"code": event.code, "message": message})
    if kind == "turn_finished":
        return sse(
            "finished",
            {
                "text": event.text,
                "usage": {
                    "input_tokens": event.usage.input_tokens,
                    "output_tokens": event.usage.output_tokens,
                },
                "latency_ms": event.latency_ms,
                "model": event.model,
                "rounds": event.rounds,
                "tool_calls": event.tool_calls,
            },
        )
    return None


def stream_turn(
    events: Iterator[Event],
    *,
    staff: bool,
    state_of: Callable[[], str | None],
    locale: str = "en",
) -> Iterator[dict[str, str]]:
    """The turn's events as SSE dicts, with a ``state`` event whenever the conversation's
    hand-off state changes during the turn (a transfer to a person, a reopen)."""
    last = state_of()
    finished: dict[str, str] | None = None
    try:
        for event in events:
            item = to_sse(event, staff=staff, locale=locale)
            if item is None:
                continue
            if item["event"] == "finished":
                finished = item  # the state change goes before the final event
                continue
            if item["event"] == "state":
                last = json.loads(item["data"])["state"]
            yield item
            if getattr(event, "kind", "") == "tool_result":
                now = state_of()
                if now != last:
                    last = now
                    yield sse("state", {"state": now})
    except Exception:
        log.exception("turn stream failed")
        yield sse("error", {"code": "internal_error", "message": t("error.internal_error", locale)})
    now = state_of()
    if now != last:
        yield sse("state", {"state": now})
    if finished is not None:
        yield finished
