"""Whatever the customer types, the engine answers within a few rounds, never crashes,
and asks only for tools with JSON-object arguments."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.agent.model import ChatMessage, ModelFinished, ToolCallRequest
from app.agent.offline import OfflineModel
from tests.agent.offline.fakes import TOOLS, Chat

FRAGMENTS = [
    "where is",
    "ORD-78342",
    "ORD-66120",
    "ORD-92010",
    "ORD-60215",
    "#W1234567",
    "return",
    "cancel",
    "exchange",
    "change the address",
    "pay with gift card",
    "UHD-4K-55",
    "HPN-700-SLV",
    "in stock",
    "warranty",
    "yes",
    "não",
    "vâng",
    "trả hàng",
    "hủy đơn",
    "đổi",
    "devolver",
    "trocar",
    "it is broken",
    "by mistake",
    "12 Oak Ave, Springfield, IL 62704",
    "human",
    "thanks",
    "help",
    "hi",
    "1234567890",
    "sarah@example.com",
    "3 units",
    "",
    "???",
    "the watch",
    "in green",
    "45mm",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=4), min_size=1, max_size=5))
def test_random_conversations_always_end_in_an_answer(turns: list[list[str]]) -> None:
    chat = Chat()
    for words in turns:
        answer = chat.say(" ".join(words) or "?", max_rounds=6)
        assert answer.strip()
        assert all(isinstance(args, dict) for _, args in chat.calls)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_one_well_formed_step(text: str) -> None:
    messages = [ChatMessage(role="user", content=text)]
    events = list(OfflineModel().stream(messages, TOOLS))
    assert isinstance(events[-1], ModelFinished)
    calls = [e for e in events if isinstance(e, ToolCallRequest)]
    assert len(calls) <= 1
    for call in calls:
        assert isinstance(json.loads(call.arguments), dict)
    assert events == list(OfflineModel().stream(messages, TOOLS))
