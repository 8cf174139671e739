"""Statements run on the driver's cursor store exactly what the Core path stores."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select

from seed_data.demo import load_demo
from services import conversations
from services.driver_statement import DriverStatement
from services.handoff import accept_customer_message
from services.models import Actor, Message
from services.uow import UowFactory

CALLS = [{"id": "call_1", "name": "get_order_status", "arguments": '{"order_id": "é"}'}]


def test_driver_and_core_rows_are_identical(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    conv = conversations.start_conversation(uow_factory, actor=Actor.CUSTOMER)
    when = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
    values = {"conversation_id": conv.id, "role": "assistant", "content": "Đơn hàng — ok",
              "tool_calls": CALLS, "latency_ms": 12, "created_at": when}  # fmt: skip
    statement = DriverStatement(insert(Message).returning(Message.id), column_keys=tuple(values))
    with uow_factory.transaction() as connection:
        (driver_id,) = statement.run(connection, values).fetchone()
        core_id = connection.execute(insert(Message).returning(Message.id), values).scalar_one()
    with uow_factory.read() as uow:
        rows = {
            m.id: (m.role, m.content, m.tool_calls, m.latency_ms, m.created_at)
            for m in uow.session.scalars(select(Message).where(Message.conversation_id == conv.id))
        }
    assert rows[driver_id] == rows[core_id]
    assert rows[driver_id][2] == CALLS and rows[driver_id][4].replace(tzinfo=UTC) == when


def test_a_statements_own_literals_are_sent(uow_factory: UowFactory) -> None:
    # `title == ""` in the statement is a literal parameter the caller never passes.
    load_demo(uow_factory)
    conv = conversations.start_conversation(uow_factory, actor=Actor.CUSTOMER)
    accept_customer_message(uow_factory, conversation_id=conv.id, content="First words")
    accept_customer_message(uow_factory, conversation_id=conv.id, content="Second")
    info = conversations.get_conversation(uow_factory, conversation_id=conv.id)
    assert info.title == "First words"  # set once, by the first message only
