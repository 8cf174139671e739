"""The end of a conversation, as much as a model's context can hold: not the whole of it.

Reloading every message on every turn made turn 200 cost several times turn 1. This reads
the newest messages page by page (index on conversation and id) and stops once it holds
more than the caller's character budget past a user message: `app.agent.history.bound`
then cuts exactly where it would have cut the whole history, so the model is sent the
same messages, at a cost that stops growing with the conversation.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from services.conversations import StoredMessage
from services.models import Message
from services.uow import UowFactory

PAGE = 64
# The roles whose text reaches the model (stored "system" rows are notices for people).
SENT = frozenset({"user", "assistant", "tool", "staff"})
_COLUMNS = [Message.__table__.c[name] for name in StoredMessage.model_fields]


def sent_chars(role: str, content: str, tool_calls: list[dict[str, Any]] | None) -> int:
    """Characters of a stored message as `history.message_chars` counts it once converted."""
    if role not in SENT:
        return 0
    calls = tool_calls or []
    return len(content) + sum(
        len(str(c.get("arguments", ""))) + len(str(c.get("name", ""))) for c in calls
    )


def recent_messages(
    uow_factory: UowFactory, *, conversation_id: str, min_chars: int, page: int = PAGE
) -> list[StoredMessage]:
    """The newest messages, oldest first: all of them, or enough that the ones from some
    user message on hold more than ``min_chars`` characters (what the model is sent)."""
    newest_first: list[StoredMessage] = []
    chars = 0
    seen_user = False
    before: int | None = None
    with uow_factory() as uow:
        while True:
            query = select(*_COLUMNS).where(Message.conversation_id == conversation_id)
            if before is not None:
                query = query.where(Message.id < before)
            rows = uow.session.execute(query.order_by(Message.id.desc()).limit(page)).all()
            for row in rows:
                # Read straight from typed columns into the allow-listed view: validating
                # each of a hundred rows again cost more than the query.
                message = StoredMessage.model_construct(**row._mapping)
                newest_first.append(message)
                chars += sent_chars(message.role, message.content, message.tool_calls)
                seen_user = seen_user or message.role == "user"
            if len(rows) < page or (seen_user and chars > min_chars):
                break
            before = rows[-1].id
    newest_first.reverse()
    return newest_first
