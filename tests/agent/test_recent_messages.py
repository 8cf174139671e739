"""The bounded history load sends the model exactly what the whole history would."""

from __future__ import annotations

import json
import random

import pytest

from app.agent import history
from services import conversations
from services.models import Actor
from services.recent_messages import recent_messages
from services.uow import UowFactory


def _fill(uow_factory: UowFactory, turns: int, seed: int) -> str:
    rng = random.Random(seed)
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF).id
    for turn in range(turns):
        add = conversations.append_message
        add(
            uow_factory, conversation_id=conv, role="user", content=f"q{turn} " * rng.randint(1, 40)
        )
        if rng.random() < 0.6:
            call = {
                "id": f"c{turn}",
                "name": "get_order_status",
                "arguments": json.dumps({"n": turn}),
            }
            add(uow_factory, conversation_id=conv, role="assistant", tool_calls=[call])
            if rng.random() < 0.9:  # sometimes the answer is missing (an interrupted turn)
                result = "r" * rng.randint(10, 900)
                add(uow_factory, conversation_id=conv, role="tool", content=result,
                    tool_call_id=f"c{turn}", name="get_order_status")  # fmt: skip
        if rng.random() < 0.2:
            add(uow_factory, conversation_id=conv, role="system", content="[notice] x" * 30)
        add(
            uow_factory,
            conversation_id=conv,
            role="assistant",
            content=f"a{turn} " * rng.randint(1, 60),
        )
    return conv


@pytest.mark.parametrize("max_chars", [50, 700, 3_000, 100_000])
def test_window_gives_the_same_messages_as_the_whole_history(
    uow_factory: UowFactory, max_chars: int
) -> None:
    conv = _fill(uow_factory, turns=40, seed=max_chars)
    whole = conversations.load_messages(uow_factory, conversation_id=conv)
    window = recent_messages(uow_factory, conversation_id=conv, min_chars=max_chars, page=8)
    assert len(window) <= len(whole)
    assert [m.id for m in window] == [m.id for m in whole[len(whole) - len(window) :]]
    expected = history.bound(history.to_chat_messages(whole), max_chars)
    assert history.bound(history.to_chat_messages(window), max_chars) == expected
    if max_chars < 1_000:
        assert len(window) < len(whole) // 2  # it did not read everything
    last, stored_last = window[-1], whole[-1]
    for field in ("id", "role", "content", "tool_calls", "tool_call_id", "name"):
        assert getattr(last, field) == getattr(stored_last, field)
