"""The kept window equals bounding the whole history, turn after turn."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import delete

from app.agent import history, window
from services import conversations
from services.models import Actor, Message
from services.uow import UowFactory


def _expected(uow_factory: UowFactory, conv: str, max_chars: int) -> list:
    whole = conversations.load_messages(uow_factory, conversation_id=conv)
    return history.bound(history.to_chat_messages(whole), max_chars)


@pytest.mark.parametrize("max_chars", [120, 2_000, 100_000])
def test_window_follows_the_whole_history(uow_factory: UowFactory, max_chars: int) -> None:
    rng = random.Random(max_chars)
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF).id
    window.forget()
    add = conversations.append_message
    for turn in range(30):
        add(
            uow_factory, conversation_id=conv, role="user", content=f"q{turn} " * rng.randint(1, 30)
        )
        got = window.context_messages(uow_factory, conversation_id=conv, max_chars=max_chars)
        assert got == _expected(uow_factory, conv, max_chars)
        call = {"id": f"c{turn}", "name": "t", "arguments": json.dumps({"n": turn})}
        add(uow_factory, conversation_id=conv, role="assistant", tool_calls=[call])
        if rng.random() < 0.8:
            add(uow_factory, conversation_id=conv, role="tool", content="r" * rng.randint(5, 400),
                tool_call_id=f"c{turn}", name="t")  # fmt: skip
        if rng.random() < 0.3:  # another process's note, or a person's reply
            role = rng.choice(["system", "staff"])
            add(uow_factory, conversation_id=conv, role=role, content="n" * 50)
        add(uow_factory, conversation_id=conv, role="assistant", content=f"a{turn} " * 20)
    got = window.context_messages(uow_factory, conversation_id=conv, max_chars=max_chars)
    assert got == _expected(uow_factory, conv, max_chars)


def test_a_late_tool_answer_rebuilds_the_window(uow_factory: UowFactory) -> None:
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF).id
    window.forget()
    add = conversations.append_message
    add(uow_factory, conversation_id=conv, role="user", content="hi")
    call = {"id": "c1", "name": "t", "arguments": "{}"}
    add(uow_factory, conversation_id=conv, role="assistant", tool_calls=[call])
    first = window.context_messages(uow_factory, conversation_id=conv, max_chars=10_000)
    assert first[-1].content == history.INTERRUPTED_RESULT  # not answered yet
    add(uow_factory, conversation_id=conv, role="tool", content="late", tool_call_id="c1", name="t")
    got = window.context_messages(uow_factory, conversation_id=conv, max_chars=10_000)
    assert got == _expected(uow_factory, conv, 10_000)
    assert got[-1].content == "late"


def test_a_reset_store_does_not_leave_a_stale_window(uow_factory: UowFactory) -> None:
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF).id
    window.forget()
    conversations.append_message(uow_factory, conversation_id=conv, role="user", content="old")
    window.context_messages(uow_factory, conversation_id=conv, max_chars=1_000)
    with uow_factory() as uow:  # the messages go (a reset), the conversation id is reused
        uow.session.execute(delete(Message).where(Message.conversation_id == conv))
        uow.commit()
    conversations.append_message(uow_factory, conversation_id=conv, role="user", content="new")
    got = window.context_messages(uow_factory, conversation_id=conv, max_chars=1_000)
    assert [m.content for m in got] == ["new"]
