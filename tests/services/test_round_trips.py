"""Fewer round trips per transaction on PostgreSQL, with the same results."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, text

from seed_data.demo import load_demo
from services import conversations, handoff
from services.db import make_engine
from services.errors import NotFound
from services.models import Actor
from services.uow import CommitGate, CommitRefused, UowFactory


def test_read_units_see_committed_data(uow_factory: UowFactory, engine: Engine) -> None:
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF)
    conversations.append_message(uow_factory, conversation_id=conv.id, role="user", content="hi")
    with uow_factory.read() as uow:
        level = uow.session.connection().get_execution_options().get("isolation_level")
        count = uow.session.execute(text("SELECT count(*) FROM messages")).scalar()
    assert count == 1
    if engine.dialect.name == "postgresql":
        assert level == "AUTOCOMMIT"  # no BEGIN / ROLLBACK around a read
    with uow_factory() as uow:  # ordinary units keep their transaction
        assert uow.session.connection().get_execution_options().get("isolation_level") is None


@pytest.mark.postgres
def test_connections_are_pinged_only_after_sitting_idle(
    pg_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(pg_server)
    pings: list[Any] = []
    real = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda c: pings.append(c) or real(c))
    try:
        for _ in range(5):
            with engine.connect() as connection:
                assert connection.execute(text("SELECT 1")).scalar() == 1
        assert len(pings) == 1  # a new connection once; then reused moments later
        monkeypatch.setattr("services.db.PING_AFTER_IDLE_S", 0.0)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        assert len(pings) == 2  # idle past the limit: pinged again
    finally:
        engine.dispose()


SARAH, OTHER = "CUST-9821", "CUST-4410"  # demo customers


def _statements(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement sent, through SQLAlchemy or straight on the driver's cursor
    (services.driver_statement); PostgreSQL only (psycopg's cursor)."""
    seen: list[str] = []
    if engine.dialect.name != "postgresql":
        return seen
    execute = psycopg.Cursor.execute

    def counted(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(query))
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    return seen


def test_a_message_and_its_audit_row_are_stored_together(
    uow_factory: UowFactory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(uow_factory)
    conv = conversations.start_conversation(uow_factory, actor=Actor.CUSTOMER, customer_id=SARAH)
    audit = conversations.ToolCallAudit(
        conversation_id=conv.id,
        name="get_order_status",
        arguments='{"order_id": "ORD-1"}',
        outcome="ok",
        actor=Actor.CUSTOMER,
        call_id="call_1",
        customer_id=SARAH,
        duration_ms=3,
    )
    seen = _statements(engine, monkeypatch)
    message_id = conversations.append_message(
        uow_factory,
        conversation_id=conv.id,
        role="tool",
        content='{"status": "shipped"}',
        tool_call_id="call_1",
        name="get_order_status",
        latency_ms=3,
        audit=audit,
    )
    if engine.dialect.name == "postgresql":
        assert len(seen) == 1  # touch, message and audit row: one statement, one trip
    (stored,) = conversations.load_messages(uow_factory, conversation_id=conv.id)
    assert (stored.id, stored.role, stored.tool_call_id, stored.name, stored.content) == (
        message_id, "tool", "call_1", "get_order_status", '{"status": "shipped"}'
    )  # fmt: skip
    (record,) = conversations.list_tool_calls(uow_factory, conversation_id=conv.id)
    assert (record.name, record.call_id, record.outcome, record.duration_ms) == (
        "get_order_status", "call_1", "ok", 3
    )  # fmt: skip
    assert conversations.get_conversation(uow_factory, conversation_id=conv.id).updated_at


def test_a_missing_conversation_stores_neither_message_nor_audit(
    uow_factory: UowFactory,
) -> None:
    audit = conversations.ToolCallAudit(
        conversation_id="missing", name="t", arguments="{}", outcome="ok", actor=Actor.SYSTEM
    )
    with pytest.raises(NotFound):
        conversations.append_message(
            uow_factory, conversation_id="missing", role="tool", content="x", audit=audit
        )
    with uow_factory.read() as uow:
        counts = [
            uow.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("messages", "tool_call_records")
        ]
    assert counts == [0, 0]


def test_a_gated_factory_keeps_its_transaction(uow_factory: UowFactory, engine: Engine) -> None:
    # A tool call's writes must stay refusable by its gate after the deadline.
    gate = CommitGate()
    gated = uow_factory.gated(gate)
    assert not gated.one_statement
    assert uow_factory.one_statement == (engine.dialect.name == "postgresql")
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF)
    gate.close()
    with pytest.raises(CommitRefused):
        conversations.append_message(gated, conversation_id=conv.id, role="assistant")
    assert conversations.load_messages(uow_factory, conversation_id=conv.id) == []


def test_accepting_a_message_is_one_statement_and_checks_the_owner(
    uow_factory: UowFactory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(uow_factory)
    conv = conversations.start_conversation(uow_factory, actor=Actor.CUSTOMER, customer_id=SARAH)
    seen = _statements(engine, monkeypatch)
    admitted = handoff.accept_customer_message(
        uow_factory, conversation_id=conv.id, content=" Where is\nmy order? ", customer_id=SARAH
    )
    if engine.dialect.name == "postgresql":
        assert len(seen) == 1
    assert admitted.may_answer and admitted.state == "assistant"
    with pytest.raises(NotFound):  # another customer's: refused, nothing stored
        handoff.accept_customer_message(
            uow_factory, conversation_id=conv.id, content="mine now", customer_id=OTHER
        )
    stored = conversations.load_messages(uow_factory, conversation_id=conv.id)
    assert [(m.id, m.role, m.content) for m in stored] == [
        (admitted.message_id, "user", " Where is\nmy order? ")
    ]
    info = conversations.get_conversation(uow_factory, conversation_id=conv.id)
    assert info.title == "Where is my order?"
