"""Fewer round trips per transaction on PostgreSQL, with the same results."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, text

from services import conversations
from services.db import make_engine
from services.models import Actor
from services.uow import UowFactory


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
