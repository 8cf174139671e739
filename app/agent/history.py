"""Stored messages -> what the model is sent: repaired, bounded, provider-neutral."""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.agent.model import ChatMessage, ToolCallRequest
from services.recent_messages import MessageFields

INTERRUPTED_RESULT = json.dumps(
    {
        "error": "interrupted",
        "detail": "This tool call did not finish (the turn was interrupted).",
        "hint": "Do not assume it ran; check the current state before acting again.",
    }
)


def to_chat_messages(stored: Sequence[MessageFields]) -> list[ChatMessage]:
    """Convert, keeping every assistant tool call paired with exactly one tool answer.

    Providers reject a history where a tool call has no answer (a crash between the two)
    or an answer has no call; both are repaired here rather than failing every later turn.
    """
    out: list[ChatMessage] = []
    open_calls: dict[str, str] = {}  # call id -> tool name, awaiting an answer

    def close_open_calls() -> None:
        for call_id, name in open_calls.items():
            out.append(
                ChatMessage(
                    role="tool", content=INTERRUPTED_RESULT, tool_call_id=call_id, name=name
                )
            )
        open_calls.clear()

    for msg in stored:
        if msg.role == "tool":
            if msg.tool_call_id in open_calls:
                open_calls.pop(msg.tool_call_id)
                out.append(
                    ChatMessage(
                        role="tool",
                        content=msg.content,
                        tool_call_id=msg.tool_call_id,
                        name=msg.name,
                    )
                )
            continue
        close_open_calls()
        if msg.role == "user":
            out.append(ChatMessage(role="user", content=msg.content))
        elif msg.role == "staff":
            # A human agent's reply: the model should see it was said to the customer.
            out.append(ChatMessage(role="assistant", content=msg.content))
        elif msg.role == "assistant":
            calls = tuple(ToolCallRequest.from_dict(c) for c in (msg.tool_calls or []))
            if not msg.content and not calls:
                continue
            out.append(ChatMessage(role="assistant", content=msg.content, tool_calls=calls))
            open_calls.update({c.call_id: c.name for c in calls})
        # stored "system" rows are notices (errors, limits) for people, not for the model
    close_open_calls()
    return out


def message_chars(msg: ChatMessage) -> int:
    return len(msg.content) + sum(len(c.arguments) + len(c.name) for c in msg.tool_calls)


def bound(
    messages: list[ChatMessage], max_chars: int, sizes: list[int] | None = None
) -> list[ChatMessage]:
    """The most recent messages within ``max_chars``, starting at a user message.

    Cutting only before a user message keeps tool calls and their answers together. The
    latest user message is always kept, even alone over the bound. ``sizes``: each
    message's `message_chars`, when the caller keeps them (the per-conversation window
    does, so a turn does not measure the whole window again).
    """
    return messages[keep_from(messages, max_chars, sizes) :]


def keep_from(messages: list[ChatMessage], max_chars: int, sizes: list[int] | None = None) -> int:
    """The index `bound` keeps messages from."""
    starts = [i for i, m in enumerate(messages) if m.role == "user"]
    if not starts:
        return 0
    if sizes is None:
        sizes = [message_chars(m) for m in messages]
    kept = starts[-1]
    total = 0  # characters of messages[start:], grown from the end (one pass, not n^2)
    end = len(messages)
    for start in reversed(starts):
        total += sum(sizes[start:end])
        end = start
        if total > max_chars:
            break
        kept = start
    return kept
