"""Statements run on the driver's cursor store exactly what the Core path stores."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Integer, insert, literal, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from seed_data.demo import load_demo
from services import conversations, deadline
from services.db import make_engine
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


def test_driver_errors_are_sqlalchemys_own(uow_factory: UowFactory) -> None:
    # A message for a conversation that does not exist: the foreign key refuses it.
    load_demo(uow_factory)
    values = {"conversation_id": "missing", "role": "user", "content": "x",
              "created_at": datetime(2026, 1, 1, tzinfo=UTC)}  # fmt: skip
    statement = DriverStatement(insert(Message), column_keys=tuple(values))
    with pytest.raises(IntegrityError), uow_factory.transaction() as connection:
        statement.run(connection, values)


@pytest.mark.postgres
def test_a_lost_connection_is_invalidated_and_replaced(pg_server: str) -> None:
    engine = make_engine(pg_server)
    probe = DriverStatement(select(literal(1)))
    try:
        with engine.connect() as connection:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with engine.connect() as other:
                other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
                other.commit()
            with pytest.raises(DBAPIError) as raised:
                probe.run(connection, {})
            assert raised.value.connection_invalidated
        with engine.connect() as connection:  # the pool hands out a working connection
            assert probe.run(connection, {}).fetchone() == (1,)
    finally:
        engine.dispose()


def test_a_driver_read_is_interrupted_at_the_deadline(tmp_path: Path) -> None:
    # SQLite only: it interrupts reads itself (PostgreSQL reads run on a worker thread).
    engine = make_engine(f"sqlite:///{tmp_path / 'deadline.db'}")
    uow_factory = UowFactory(engine)
    counting = text(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
        "SELECT count(*) AS total FROM n"
    ).columns(total=Integer)
    started = time.monotonic()
    with (
        pytest.raises(deadline.DeadlinePassed),
        deadline.within(0.2),
        uow_factory.reading() as connection,
    ):
        DriverStatement(counting).rows(connection, {})
    assert time.monotonic() - started < 5
    engine.dispose()
