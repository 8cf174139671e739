"""A conversation's transcript a page at a time, for API clients."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from services.conversations import StoredMessage
from services.models import Message
from services.uow import UowFactory


def page_messages(
    uow_factory: UowFactory,
    *,
    conversation_id: str,
    after: int = 0,
    limit: int = 50,
    roles: Sequence[str] | None = None,
) -> list[StoredMessage]:
    """Messages with an id above ``after``, oldest first (ids order the conversation)."""
    query = (
        select(Message)
        .where(Message.conversation_id == conversation_id, Message.id > after)
        .order_by(Message.id)
        .limit(limit)
    )
    if roles is not None:
        query = query.where(Message.role.in_(list(roles)))
    with uow_factory() as uow:
        return [StoredMessage.model_validate(r) for r in uow.session.scalars(query)]
