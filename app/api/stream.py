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

log = logging.getLogger(__name__)

LABELS: dict[str, str] = {
    "get_order_status": "Looking up your order",
    "check_product_availability": "Checking stock",
    "get_product_info": "Reading the product details",
    "list_product_types": "Browsing the catalogue",
    "get_customer_info": "Opening your account",
    "process_return": "Preparing your return",
    "cancel_order": "Preparing the cancellation",
    "change_shipping_address": "Preparing the address change",
    "change_payment_method": "Preparing the payment change",
    "modify_order_items": "Preparing the item change",
    "exchange_items": "Preparing your exchange",
    "transfer_to_human": "Connecting you with a person",
}
DEFAULT_LABEL = "Working on it"


def label(name: str) -> str:
    return LABELS.get(name, DEFAULT_LABEL)


def sse(event: str, data: dict[str, Any]) -> dict[str, str]:
    return {"event": event, "data": json.dumps(data, ensure_ascii=False)}


def to_sse(event: Any, *, staff: bool) -> dict[str, str] | None:
    kind = getattr(event, "kind", "")
    if kind == "text_delta":
        return sse("text", {"text": event.text})
    if kind == "tool_call_started":
        data: dict[str, Any] = {"call_id": event.call_id, "label": label(event.name)}
        if staff:
            data.update(name=event.name, arguments=event.arguments)
        return sse("tool", data)
    if kind == "tool_result":
        data = {"call_id": event.call_id, "label": label(event.name), "ok": event.ok}
        if staff:
            data.update(name=event.name, error_code=event.error_code, result=event.result)
        return sse("tool_done", data)
    if kind == "confirmation_required":
        return sse(
            "confirmation",
            {
                "confirmation_id": event.confirmation_id,
                "label": label(event.name),
                "preview": event.preview,
            },
        )
    if kind == "held_for_person":
        return sse("state", {"state": event.state, "assignee": getattr(event, "assignee", None)})
    if kind == "error":
        return sse("error", {"code": event.code, "message": event.message})
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
) -> Iterator[dict[str, str]]:
    """The turn's events as SSE dicts, with a ``state`` event whenever the conversation's
    hand-off state changes during the turn (a transfer to a person, a reopen)."""
    last = state_of()
    finished: dict[str, str] | None = None
    try:
        for event in events:
            item = to_sse(event, staff=staff)
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
        yield sse("error", {"code": "internal_error", "message": "Something went wrong."})
    now = state_of()
    if now != last:
        yield sse("state", {"state": now})
    if finished is not None:
        yield finished
