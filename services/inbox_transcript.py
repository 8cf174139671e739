"""One conversation as staff and the customer's chat read it: the transcript (paged for
long conversations), and the small reads the chat polls (a person's replies and moves,
thumbs already given). Re-exported by `services.inbox`."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from services.errors import NotFound
from services.handoff import EVENT_PREFIX
from services.inbox import (
    MessageView,
    ToolCallView,
    Transcript,
    _counts,
    _row,
    ticket_view,
)
from services.models import (
    Conversation,
    Customer,
    Feedback,
    HandoffTicket,
    Message,
    ToolCallRecord,
)
from services.uow import UowFactory


def transcript(
    uow_factory: UowFactory,
    *,
    conversation_id: str,
    last: int | None = None,
    after: int | None = None,
) -> Transcript:
    """A conversation with its messages, tool trace and tickets.

    ``last`` keeps only the newest messages (and the tool records they name): the chat
    pages its history, so a long conversation costs what a short one does to draw.
    ``Transcript.earlier`` says how many older messages were left out. ``after`` keeps
    only the messages newer than that id (what the chat drew since its last full draw).
    """
    with uow_factory() as uow:
        s = uow.session
        row = s.execute(
            select(Conversation, Customer.first_name, Customer.last_name)
            .outerjoin(Customer, Customer.id == Conversation.customer_id)
            .where(Conversation.id == conversation_id)
        ).first()
        if row is None:
            raise NotFound("Conversation not found.")
        conversation, first, last_name = row
        stmt = select(Message).where(Message.conversation_id == conversation_id)
        if after is not None:
            stmt = stmt.where(Message.id > after)
        if last is not None:
            stmt = stmt.order_by(Message.id.desc()).limit(max(1, last))
            messages = list(reversed(list(s.scalars(stmt))))
        else:
            messages = list(s.scalars(stmt.order_by(Message.id)))
        earlier = 0
        calls_stmt = select(ToolCallRecord).where(ToolCallRecord.conversation_id == conversation_id)
        if (last is not None or after is not None) and messages:
            earlier = int(
                s.scalar(
                    select(func.count(Message.id)).where(
                        Message.conversation_id == conversation_id, Message.id < messages[0].id
                    )
                )
                or 0
            )
            named = {m.tool_call_id for m in messages if m.tool_call_id} | {
                str(c.get("id")) for m in messages for c in (m.tool_calls or [])
            }
            # The records the shown messages name, and every record since the first of
            # them (confirmations and cancellations are recorded under their own ids).
            calls_stmt = calls_stmt.where(
                or_(
                    ToolCallRecord.call_id.in_(named or {""}),
                    ToolCallRecord.created_at >= messages[0].created_at,
                )
            )
        elif after is not None:
            calls_stmt = calls_stmt.where(ToolCallRecord.id.is_(None))  # nothing new: none
        calls = s.scalars(calls_stmt.order_by(ToolCallRecord.id))
        tickets = list(
            s.scalars(
                select(HandoffTicket)
                .where(HandoffTicket.conversation_id == conversation_id)
                .order_by(HandoffTicket.created_at)
            )
        )
        counts = s.execute(_counts().where(Message.conversation_id == conversation_id)).first()
        _, n, last_user, last_staff, unread = counts or (None, 0, None, None, 0)
        return Transcript(
            conversation=_row(
                conversation,
                first,
                last_name,
                n,
                tickets[-1] if tickets else None,
                last_user=last_user,
                last_staff=last_staff,
                unread=unread,
            ),
            messages=[
                MessageView(
                    id=m.id,
                    role=m.role,
                    content=m.content,
                    author=m.author,
                    tool_calls=m.tool_calls,
                    tool_call_id=m.tool_call_id,
                    name=m.name,
                    created_at=m.created_at,
                )
                for m in messages
            ],
            tool_calls=[
                ToolCallView(
                    call_id=c.call_id,
                    name=c.name,
                    arguments=c.arguments,
                    outcome=c.outcome,
                    error_code=c.error_code,
                    duration_ms=c.duration_ms,
                    actor=str(c.actor),
                    created_at=c.created_at,
                )
                for c in calls
            ],
            tickets=[ticket_view(t) for t in tickets],
            earlier=earlier,
        )


def staff_messages_since(
    uow_factory: UowFactory, *, conversation_id: str, after_id: int = 0
) -> list[MessageView]:
    """Staff replies the customer has not seen yet (the chat page polls this)."""
    with uow_factory() as uow:
        rows = uow.session.scalars(
            select(Message)
            .where(
                Message.conversation_id == conversation_id,
                Message.role == "staff",
                Message.id > after_id,
            )
            .order_by(Message.id)
        )
        return [
            MessageView(
                id=m.id,
                role=m.role,
                content=m.content,
                author=m.author,
                tool_calls=None,
                name=None,
                created_at=m.created_at,
            )
            for m in rows
        ]


def person_activity_since(
    uow_factory: UowFactory, *, conversation_id: str, after_id: int = 0
) -> int:
    """The newest staff reply or hand-off event after `after_id` (0: none): the chat polls
    this while a person is involved, and redraws when it moves."""
    with uow_factory() as uow:
        newest = uow.session.scalar(
            select(func.max(Message.id)).where(
                Message.conversation_id == conversation_id,
                Message.id > after_id,
                or_(Message.role == "staff", Message.name.like(f"{EVENT_PREFIX}%")),
            )
        )
        return int(newest or 0)


def ratings(uow_factory: UowFactory, *, conversation_id: str) -> dict[int, int]:
    """Thumbs already given in a conversation: message id -> +1 / -1."""
    with uow_factory() as uow:
        rows = uow.session.execute(
            select(Feedback.message_id, Feedback.rating).where(
                Feedback.conversation_id == conversation_id, Feedback.message_id.is_not(None)
            )
        ).all()
        return {int(m): int(r) for m, r in rows if m is not None}
