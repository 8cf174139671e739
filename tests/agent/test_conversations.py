"""services.conversations: what the loop writes as it goes, and feedback."""

from __future__ import annotations

import pytest

from services import conversations as convs
from services.errors import InvalidRequest, NotFound
from services.models import Actor, ConversationStatus, Feedback
from services.uow import UowFactory


def test_messages_keep_their_order_fields_and_set_the_title(uow_factory: UowFactory) -> None:
    conv = convs.start_conversation(uow_factory, actor=Actor.STAFF, provider="openai", model="m")
    convs.append_message(uow_factory, conversation_id=conv.id, role="user", content="Where\nis it?")
    convs.append_message(
        uow_factory,
        conversation_id=conv.id,
        role="assistant",
        tool_calls=[{"id": "c1", "name": "get_order_status", "arguments": "{}"}],
        input_tokens=12,
        output_tokens=3,
        latency_ms=40,
        model="m",
    )
    convs.append_message(
        uow_factory, conversation_id=conv.id, role="tool", content="{}", tool_call_id="c1",
        name="get_order_status",
    )  # fmt: skip
    convs.append_message(uow_factory, conversation_id=conv.id, role="user", content="later")
    stored = convs.load_messages(uow_factory, conversation_id=conv.id)
    assert [m.role for m in stored] == ["user", "assistant", "tool", "user"]
    assert stored[1].tool_calls == [{"id": "c1", "name": "get_order_status", "arguments": "{}"}]
    assert (stored[1].input_tokens, stored[1].output_tokens, stored[1].latency_ms) == (12, 3, 40)
    assert stored[2].tool_call_id == "c1"
    info = convs.get_conversation(uow_factory, conversation_id=conv.id)
    assert info.title == "Where is it?"  # the first question, on one line
    assert info.updated_at >= info.created_at
    assert convs.count_messages(uow_factory, conversation_id=conv.id) == 4


def test_bad_writes_are_refused_and_change_nothing(uow_factory: UowFactory) -> None:
    conv = convs.start_conversation(uow_factory, actor=Actor.STAFF)
    with pytest.raises(InvalidRequest):
        convs.append_message(uow_factory, conversation_id=conv.id, role="root", content="x")
    with pytest.raises(NotFound):
        convs.append_message(uow_factory, conversation_id="nope", role="user", content="x")
    assert convs.load_messages(uow_factory, conversation_id=conv.id) == []


def test_feedback_one_rating_per_message_and_checked(uow_factory: UowFactory) -> None:
    conv = convs.start_conversation(uow_factory, actor=Actor.STAFF)
    other = convs.start_conversation(uow_factory, actor=Actor.STAFF)
    mid = convs.append_message(uow_factory, conversation_id=conv.id, role="assistant", content="a")
    first = convs.add_feedback(uow_factory, conversation_id=conv.id, message_id=mid, rating=1)
    again = convs.add_feedback(
        uow_factory, conversation_id=conv.id, message_id=mid, rating=-1, comment="wrong"
    )
    assert first == again
    with uow_factory() as uow:
        row = uow.session.get(Feedback, first)
        assert row is not None and (row.rating, row.comment) == (-1, "wrong")
    with pytest.raises(InvalidRequest):
        convs.add_feedback(uow_factory, conversation_id=conv.id, message_id=mid, rating=5)
    with pytest.raises(NotFound):  # a message of another conversation
        convs.add_feedback(uow_factory, conversation_id=other.id, message_id=mid, rating=1)
    whole = convs.add_feedback(uow_factory, conversation_id=conv.id, rating=1)
    assert whole != first


def test_list_and_status(uow_factory: UowFactory) -> None:
    a = convs.start_conversation(uow_factory, actor=Actor.STAFF, title="a")
    b = convs.start_conversation(uow_factory, actor=Actor.STAFF, title="b")
    convs.set_conversation_status(
        uow_factory, conversation_id=a.id, status=ConversationStatus.HANDED_OFF
    )
    handed = convs.list_conversations(uow_factory, status=ConversationStatus.HANDED_OFF)
    assert [c.id for c in handed] == [a.id]
    assert {c.id for c in convs.list_conversations(uow_factory)} == {a.id, b.id}
    with pytest.raises(NotFound):
        convs.set_conversation_status(
            uow_factory, conversation_id="nope", status=ConversationStatus.RESOLVED
        )
