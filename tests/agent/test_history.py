"""The history sent to the model: bounded from the latest user message backwards."""

from __future__ import annotations

from app.agent.history import bound
from app.agent.model import ChatMessage, ToolCallRequest


def convo() -> list[ChatMessage]:
    call = ToolCallRequest(call_id="c1", name="get_order_status", arguments='{"order_id": "A"}')
    return [
        ChatMessage(role="user", content="a" * 50),
        ChatMessage(role="assistant", content="b" * 50),
        ChatMessage(role="user", content="c" * 10),
        ChatMessage(role="assistant", tool_calls=(call,)),
        ChatMessage(role="tool", content="d" * 20, tool_call_id="c1", name=call.name),
        ChatMessage(role="user", content="e" * 10),
    ]


def test_keeps_every_message_that_fits() -> None:
    assert bound(convo(), 10_000) == convo()


def test_cuts_only_before_a_user_message_and_keeps_calls_with_answers() -> None:
    messages = convo()
    # The last two user turns are 10 + 16 + 17 + 20 + 10 = 73 characters; the first
    # adds 100 more and no longer fits.
    assert bound(messages, 100) == messages[2:]


def test_the_latest_user_message_stays_even_alone_over_the_bound() -> None:
    assert bound(convo(), 5) == convo()[5:]
