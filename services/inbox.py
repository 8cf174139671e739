"""The staff inbox: conversations with filters, transcripts with their tool trace, the
ticket queue, and the reads the customer's chat polls for staff replies.

The ticket actions (claim, reply, resolve, hand back) live in `services.inbox_actions`
and are re-exported here, so callers keep one import.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import exists, func, or_, select

from services.errors import InvalidRequest, NotFound
from services.models import (
    Conversation,
    ConversationStatus,
    Customer,
    Feedback,
    HandoffTicket,
    Message,
    TicketStatus,
    ToolCallRecord,
)
from services.uow import UowFactory

MAX_REPLY_CHARS = 4000
ACTIVE_TICKET = (TicketStatus.OPEN, TicketStatus.CLAIMED)


class TicketView(BaseModel):
    id: str
    conversation_id: str | None
    customer_id: str | None
    summary: str
    reason_category: str
    status: str
    assignee: str | None
    created_at: datetime
    resolved_at: datetime | None


class ConversationRow(BaseModel):
    id: str
    title: str
    customer_id: str | None
    customer_name: str | None
    actor: str
    status: str
    provider: str
    model: str
    created_at: datetime
    updated_at: datetime
    messages: int
    ticket_id: str | None = None
    ticket_status: str | None = None


class MessageView(BaseModel):
    id: int
    role: str
    content: str
    author: str | None
    tool_calls: list[dict[str, Any]] | None
    tool_call_id: str | None = None
    name: str | None
    created_at: datetime


class ToolCallView(BaseModel):
    call_id: str | None
    name: str
    arguments: str
    outcome: str
    error_code: str | None
    duration_ms: int
    actor: str
    created_at: datetime


class Transcript(BaseModel):
    conversation: ConversationRow
    messages: list[MessageView]
    tool_calls: list[ToolCallView]
    tickets: list[TicketView]


def list_conversations(
    uow_factory: UowFactory,
    *,
    status: str | None = None,
    customer_id: str | None = None,
    actor: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 200,
) -> list[ConversationRow]:
    """Newest activity first. `status` is open, resolved or handed_off; dates bound
    `updated_at` (since inclusive, until exclusive)."""
    if status is not None and status not in {s.value for s in ConversationStatus}:
        raise InvalidRequest(f"Unknown conversation status {status!r}.")
    counts = (
        select(Message.conversation_id, func.count(Message.id).label("n"))
        .where(Message.role.in_(("user", "assistant", "staff")), Message.content != "")
        .group_by(Message.conversation_id)
        .subquery()
    )
    stmt = (
        select(Conversation, Customer.first_name, Customer.last_name, counts.c.n)
        .outerjoin(Customer, Customer.id == Conversation.customer_id)
        .outerjoin(counts, counts.c.conversation_id == Conversation.id)
        .order_by(Conversation.updated_at.desc(), Conversation.id)
        .limit(max(1, min(limit, 1000)))
    )
    # A conversation with a ticket still waiting for a person counts as handed off,
    # whatever its stored status: a ticket may be opened without touching the status.
    waiting = exists().where(
        HandoffTicket.conversation_id == Conversation.id, HandoffTicket.status.in_(ACTIVE_TICKET)
    )
    if status == ConversationStatus.HANDED_OFF:
        stmt = stmt.where(or_(Conversation.status == status, waiting))
    elif status == ConversationStatus.OPEN:
        stmt = stmt.where(Conversation.status == status, ~waiting)
    elif status:
        stmt = stmt.where(Conversation.status == status)
    if actor:
        stmt = stmt.where(Conversation.actor == actor)
    if customer_id:
        stmt = stmt.where(Conversation.customer_id == customer_id)
    if since:
        stmt = stmt.where(Conversation.updated_at >= since)
    if until:
        stmt = stmt.where(Conversation.updated_at < until)
    with uow_factory() as uow:
        rows = uow.session.execute(stmt).all()
        tickets = _latest_tickets(uow.session, [r[0].id for r in rows])
        return [_row(c, first, last, n, tickets.get(c.id)) for c, first, last, n in rows]


def _latest_tickets(session: Any, conversation_ids: list[str]) -> dict[str, HandoffTicket]:
    latest: dict[str, HandoffTicket] = {}
    if not conversation_ids:
        return latest
    for ticket in session.scalars(
        select(HandoffTicket)
        .where(HandoffTicket.conversation_id.in_(conversation_ids))
        .order_by(HandoffTicket.created_at)
    ):
        latest[ticket.conversation_id] = ticket
    return latest


def _row(
    c: Conversation, first: str | None, last: str | None, n: int | None, t: HandoffTicket | None
) -> ConversationRow:
    return ConversationRow(
        id=c.id,
        title=c.title,
        customer_id=c.customer_id,
        customer_name=f"{first} {last}" if first else None,
        actor=str(c.actor),
        status=(
            ConversationStatus.HANDED_OFF.value
            if t is not None and t.status in ACTIVE_TICKET
            else str(c.status)
        ),
        provider=c.provider,
        model=c.model,
        created_at=c.created_at,
        updated_at=c.updated_at,
        messages=n or 0,
        ticket_id=t.id if t else None,
        ticket_status=str(t.status) if t else None,
    )


def ticket_view(t: HandoffTicket) -> TicketView:
    return TicketView(
        id=t.id,
        conversation_id=t.conversation_id,
        customer_id=t.customer_id,
        summary=t.summary,
        reason_category=t.reason_category,
        status=str(t.status),
        assignee=t.assignee,
        created_at=t.created_at,
        resolved_at=t.resolved_at,
    )


def list_tickets(
    uow_factory: UowFactory, *, status: str | None = None, limit: int = 200
) -> list[TicketView]:
    """Hand-off tickets, oldest waiting first (the queue order)."""
    stmt = select(HandoffTicket).order_by(HandoffTicket.created_at, HandoffTicket.id)
    if status == "active":
        stmt = stmt.where(HandoffTicket.status.in_(ACTIVE_TICKET))
    elif status:
        stmt = stmt.where(HandoffTicket.status == status)
    with uow_factory() as uow:
        return [ticket_view(t) for t in uow.session.scalars(stmt.limit(max(1, min(limit, 1000))))]


def transcript(uow_factory: UowFactory, *, conversation_id: str) -> Transcript:
    with uow_factory() as uow:
        row = uow.session.execute(
            select(Conversation, Customer.first_name, Customer.last_name)
            .outerjoin(Customer, Customer.id == Conversation.customer_id)
            .where(Conversation.id == conversation_id)
        ).first()
        if row is None:
            raise NotFound("Conversation not found.")
        conversation, first, last = row
        messages = list(
            uow.session.scalars(
                select(Message)
                .where(Message.conversation_id == conversation_id)
                .order_by(Message.id)
            )
        )
        calls = uow.session.scalars(
            select(ToolCallRecord)
            .where(ToolCallRecord.conversation_id == conversation_id)
            .order_by(ToolCallRecord.id)
        )
        tickets = list(
            uow.session.scalars(
                select(HandoffTicket)
                .where(HandoffTicket.conversation_id == conversation_id)
                .order_by(HandoffTicket.created_at)
            )
        )
        visible = [m for m in messages if m.role in ("user", "assistant", "staff") and m.content]
        return Transcript(
            conversation=_row(
                conversation, first, last, len(visible), tickets[-1] if tickets else None
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


def ratings(uow_factory: UowFactory, *, conversation_id: str) -> dict[int, int]:
    """Thumbs already given in a conversation: message id -> +1 / -1."""
    with uow_factory() as uow:
        rows = uow.session.execute(
            select(Feedback.message_id, Feedback.rating).where(
                Feedback.conversation_id == conversation_id, Feedback.message_id.is_not(None)
            )
        ).all()
        return {int(m): int(r) for m, r in rows if m is not None}


# Re-exported at the end: inbox_actions imports the views defined above.
from services.inbox_actions import (  # noqa: E402
    claim_ticket,
    hand_back_to_ai,
    reply_as_staff,
    resolve_ticket,
)

__all__ = [
    "ConversationRow",
    "MessageView",
    "TicketView",
    "Transcript",
    "claim_ticket",
    "hand_back_to_ai",
    "list_conversations",
    "list_tickets",
    "ratings",
    "reply_as_staff",
    "resolve_ticket",
    "staff_messages_since",
    "transcript",
]
