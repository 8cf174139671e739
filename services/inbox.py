"""The staff inbox: conversations with filters, transcripts with their tool trace, the
ticket queue, and the reads the customer's chat polls for staff replies.

The ticket actions (claim, reply, resolve, hand back) live in `services.inbox_actions`
and are re-exported here, so callers keep one import.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, func, select

from services.errors import InvalidRequest
from services.handoff import ACTIVE_TICKET
from services.models import (
    Conversation,
    ConversationStatus,
    Customer,
    HandoffTicket,
    Message,
    TicketStatus,
)
from services.uow import UowFactory

MAX_REPLY_CHARS = 4000
# Views of the desk besides the plain states: what waits for a staff reply, and the
# older names of the states (open = with the assistant, handed_off = with or awaiting a
# person) that links and callers may still use.
NEEDS_REPLY = "needs_reply"
PERSON_STATES = (ConversationStatus.WAITING, ConversationStatus.WITH_PERSON)
VIEWS = (NEEDS_REPLY, "open", "handed_off", *(s.value for s in ConversationStatus))


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
    claimed_at: datetime | None = None
    first_response_at: datetime | None = None
    reopens: int = 0

    @property
    def first_response_s(self) -> float | None:
        """Seconds from the hand-off to the first staff reply."""
        if self.first_response_at is None:
            return None
        return (self.first_response_at - self.created_at).total_seconds()

    @property
    def resolution_s(self) -> float | None:
        if self.resolved_at is None or self.status != TicketStatus.RESOLVED:
            return None
        return (self.resolved_at - self.created_at).total_seconds()


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
    assignee: str | None = None
    unread: int = 0  # customer messages after the last one staff read
    needs_reply: bool = False  # with or waiting for a person, the customer spoke last
    ticket: TicketView | None = None


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
    earlier: int = 0  # older messages left out (see transcript(last=...))


def list_conversations(
    uow_factory: UowFactory,
    *,
    status: str | None = None,
    customer_id: str | None = None,
    actor: str | None = None,
    assignee: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 200,
) -> list[ConversationRow]:
    """Newest activity first. `status` is a state (assistant, waiting, with_person,
    resolved), `needs_reply` (with or waiting for a person and the customer spoke last),
    or an older name (open, handed_off); dates bound `updated_at` (since inclusive,
    until exclusive); `assignee` keeps the conversations a person holds."""
    if status is not None and status not in VIEWS:
        raise InvalidRequest(f"Unknown conversation status {status!r}.")
    counts = _counts().subquery()
    stmt = (
        select(
            Conversation,
            Customer.first_name,
            Customer.last_name,
            counts.c.n,
            counts.c.last_user,
            counts.c.last_staff,
            counts.c.unread,
        )
        .outerjoin(Customer, Customer.id == Conversation.customer_id)
        .outerjoin(counts, counts.c.conversation_id == Conversation.id)
        .order_by(Conversation.updated_at.desc(), Conversation.id)
        .limit(max(1, min(limit, 1000)))
    )
    if status == NEEDS_REPLY:
        stmt = stmt.where(
            Conversation.status.in_(PERSON_STATES),
            func.coalesce(counts.c.last_user, 0) > func.coalesce(counts.c.last_staff, 0),
        )
    elif status == "handed_off":
        stmt = stmt.where(Conversation.status.in_(PERSON_STATES))
    elif status == "open":
        stmt = stmt.where(Conversation.status == ConversationStatus.ASSISTANT)
    elif status:
        stmt = stmt.where(Conversation.status == status)
    if assignee:
        stmt = stmt.where(Conversation.assignee == assignee)
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
        return [
            _row(c, first, last, n, tickets.get(c.id), last_user, last_staff, unread)
            for c, first, last, n, last_user, last_staff, unread in rows
        ]


def _counts() -> Any:
    """Per conversation: visible messages, the last customer and staff message ids, and
    customer messages staff have not read."""
    visible = and_(Message.role.in_(("user", "assistant", "staff")), Message.content != "")
    return (
        select(
            Message.conversation_id,
            func.count(Message.id).filter(visible).label("n"),
            func.max(Message.id).filter(Message.role == "user").label("last_user"),
            func.max(Message.id).filter(Message.role == "staff").label("last_staff"),
            func.count(Message.id)
            .filter(
                Message.role == "user",
                Message.id > func.coalesce(Conversation.staff_read_id, 0),
            )
            .label("unread"),
        )
        .join(Conversation, Conversation.id == Message.conversation_id)
        .group_by(Message.conversation_id)
    )


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
    c: Conversation,
    first: str | None,
    last: str | None,
    n: int | None,
    t: HandoffTicket | None,
    last_user: int | None = None,
    last_staff: int | None = None,
    unread: int | None = None,
) -> ConversationRow:
    status = ConversationStatus(c.status)
    return ConversationRow(
        id=c.id,
        title=c.title,
        customer_id=c.customer_id,
        customer_name=f"{first} {last}" if first else None,
        actor=str(c.actor),
        status=status.value,
        provider=c.provider,
        model=c.model,
        created_at=c.created_at,
        updated_at=c.updated_at,
        messages=n or 0,
        ticket_id=t.id if t else None,
        ticket_status=str(t.status) if t else None,
        assignee=c.assignee,
        unread=(unread or 0) if status in PERSON_STATES else 0,
        needs_reply=status in PERSON_STATES and (last_user or 0) > (last_staff or 0),
        ticket=ticket_view(t) if t else None,
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
        claimed_at=t.claimed_at,
        first_response_at=t.first_response_at,
        reopens=t.reopens or 0,
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


# Re-exported at the end: inbox_actions imports the views defined above.
from services.inbox_actions import (  # noqa: E402
    assign_ticket,
    claim_ticket,
    hand_back_to_ai,
    mark_read,
    reply_as_staff,
    resolve_ticket,
)
from services.inbox_transcript import (  # noqa: E402
    person_activity_since,
    ratings,
    staff_messages_since,
    transcript,
)

__all__ = [
    "ConversationRow",
    "MessageView",
    "TicketView",
    "Transcript",
    "assign_ticket",
    "claim_ticket",
    "hand_back_to_ai",
    "list_conversations",
    "list_tickets",
    "mark_read",
    "person_activity_since",
    "ratings",
    "reply_as_staff",
    "resolve_ticket",
    "staff_messages_since",
    "transcript",
]
