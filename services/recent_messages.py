"""The end of a conversation, as much as a model's context can hold: not the whole of it.

Reloading every message on every turn made turn 200 cost several times turn 1. This reads
the newest messages page by page (index on conversation and id) and stops once it holds
more than the caller's character budget past a user message: `app.agent.history.bound`
then cuts exactly where it would have cut the whole history, so the model is sent the
same messages, at a cost that stops growing with the conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from sqlalchemy import bindparam, select

from services.models import Message
from services.uow import UowFactory

PAGE = 64
# The roles whose text reaches the model (stored "system" rows are notices for people).
SENT = frozenset({"user", "assistant", "tool", "staff"})


class MessageFields(Protocol):
    """What turning stored messages into model messages reads (`StoredMessage` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def tool_calls(self) -> list[dict[str, Any]] | None: ...
    @property
    def tool_call_id(self) -> str | None: ...
    @property
    def name(self) -> str | None: ...


# Built once: the statements are the same every turn, only the parameters change (and
# building a SELECT costs more than SQLite takes to run it).
_NEWEST = (
    select(
        Message.id,
        Message.role,
        Message.content,
        Message.tool_calls,
        Message.tool_call_id,
        Message.name,
    )
    .where(Message.conversation_id == bindparam("conversation_id"))
    .order_by(Message.id.desc())
    .limit(bindparam("page"))
)
_OLDER = _NEWEST.where(Message.id < bindparam("before"))


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
) -> Sequence[MessageFields]:
    """The newest messages, oldest first: all of them, or enough that the ones from some
    user message on hold more than ``min_chars`` characters (what the model is sent).

    Rows with only the fields the model's messages are made of, read straight from the
    typed columns (no ORM objects, no view validated again per row).
    """
    newest_first: list[Any] = []
    chars = 0
    seen_user = False
    params: dict[str, Any] = {"conversation_id": conversation_id, "page": page}
    with uow_factory.reading() as connection:
        statement = _NEWEST
        while True:
            rows = connection.execute(statement, params).all()
            for row in rows:
                chars += sent_chars(row.role, row.content, row.tool_calls)
                seen_user = seen_user or row.role == "user"
            newest_first += rows
            if len(rows) < page or (seen_user and chars > min_chars):
                break
            statement, params["before"] = _OLDER, rows[-1].id
    newest_first.reverse()
    return cast(list[MessageFields], newest_first)
