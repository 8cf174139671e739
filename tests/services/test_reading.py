"""`UowFactory.reading`: a Core connection for reads, with the isolation of `read`."""

from __future__ import annotations

from sqlalchemy import Engine, text

from services import conversations
from services.models import Actor
from services.uow import CommitGate, UowFactory

COUNT = text("SELECT count(*) FROM messages")


def _add_message(uow_factory: UowFactory, conversation_id: str) -> None:
    conversations.append_message(
        uow_factory, conversation_id=conversation_id, role="user", content="hi"
    )


def test_a_read_sees_one_snapshot_on_sqlite_and_commits_nothing_on_postgresql(
    uow_factory: UowFactory, engine: Engine
) -> None:
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF)
    _add_message(uow_factory, conv.id)
    # Gated, as the dispatcher runs tools: a read has no commit for the gate to refuse.
    with uow_factory.gated(CommitGate()).reading() as connection:
        before = connection.execute(COUNT).scalar()
        _add_message(uow_factory, conv.id)  # another transaction commits meanwhile
        after = connection.execute(COUNT).scalar()
        level = connection.get_execution_options().get("isolation_level")
    assert before == 1
    if engine.dialect.name == "postgresql":
        assert level == "AUTOCOMMIT" and after == 2  # no BEGIN / ROLLBACK around a read
    else:
        assert after == 1  # one transaction: the order and its lines come from one state
