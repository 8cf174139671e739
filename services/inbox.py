"""The staff inbox: conversations with filters, transcripts with their tool trace, and the
life of a hand-off ticket (claim, reply as staff, resolve, hand back to the AI).

Ticket transitions (each one transaction, validated before anything changes):
    open --claim--> claimed --resolve--> resolved
    open|claimed --hand_back--> returned_to_ai      (the AI answers the customer again)
A reply claims an open ticket for its author. A ticket claimed by someone else must be
handed over explicitly; two staff members cannot silently answer the same customer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import exists, func, or_, select

from services.db import begin_write
from services.errors import InvalidRequest, InvalidState, NotFound
from services.models import (
    Conversation,
    ConversationStatus,
    Customer,
    Feedback,
    HandoffTicket,
    Message,
    TicketStatus,
    ToolCallRecord,
    utcnow,
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


def _ticket_view(t: HandoffTicket) -> TicketView:
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
        return [_ticket_view(t) for t in uow.session.scalars(stmt.limit(max(1, min(limit, 1000))))]


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
            tickets=[_ticket_view(t) for t in tickets],
        )


def _load_ticket(session: Any, ticket_id: str) -> HandoffTicket:
    # FOR UPDATE on PostgreSQL, the write lock up front on SQLite: two staff clicking
    # "claim" at once serialise here instead of one failing with "database is locked".
    begin_write(session)
    ticket = session.scalars(
        select(HandoffTicket).where(HandoffTicket.id == ticket_id).with_for_update()
    ).first()
    if ticket is None:
        raise NotFound("Hand-off ticket not found.", hint="Refresh the inbox.")
    return ticket


def _staff(staff_name: str) -> str:
    name = staff_name.strip()
    if not name:
        raise InvalidRequest("A staff name is required.")
    return name[:100]


def claim_ticket(uow_factory: UowFactory, *, ticket_id: str, staff_name: str) -> TicketView:
    staff = _staff(staff_name)
    with uow_factory() as uow:
        ticket = _load_ticket(uow.session, ticket_id)
        _claim(ticket, staff)
        uow.commit()
        return _ticket_view(ticket)


def _claim(ticket: HandoffTicket, staff: str) -> None:
    if ticket.status == TicketStatus.CLAIMED and ticket.assignee == staff:
        return  # claiming twice is a no-op, not an error (double clicks)
    if ticket.status == TicketStatus.CLAIMED:
        raise InvalidState(f"Already claimed by {ticket.assignee}.")
    if ticket.status != TicketStatus.OPEN:
        raise InvalidState(f"The ticket is {ticket.status}; only open tickets can be claimed.")
    ticket.status = TicketStatus.CLAIMED
    ticket.assignee = staff


def reply_as_staff(
    uow_factory: UowFactory, *, ticket_id: str, staff_name: str, text: str
) -> MessageView:
    """Post a staff message into the ticket's conversation (the customer sees it in chat)."""
    staff = _staff(staff_name)
    body = text.strip()
    if not body:
        raise InvalidRequest("The reply is empty.")
    if len(body) > MAX_REPLY_CHARS:
        raise InvalidRequest(f"The reply is longer than {MAX_REPLY_CHARS} characters.")
    with uow_factory() as uow:
        ticket = _load_ticket(uow.session, ticket_id)
        if ticket.conversation_id is None:
            raise InvalidState("This ticket has no conversation to reply in.")
        if ticket.status not in ACTIVE_TICKET:
            raise InvalidState(f"The ticket is {ticket.status}; reopen the conversation first.")
        _claim(ticket, staff)
        message = Message(
            conversation_id=ticket.conversation_id, role="staff", content=body, author=staff
        )
        uow.session.add(message)
        conversation = uow.session.get(Conversation, ticket.conversation_id)
        if conversation is not None:
            conversation.updated_at = utcnow()
        uow.session.flush()
        view = MessageView(
            id=message.id,
            role=message.role,
            content=message.content,
            author=message.author,
            tool_calls=None,
            name=None,
            created_at=message.created_at,
        )
        uow.commit()
        return view


def resolve_ticket(uow_factory: UowFactory, *, ticket_id: str, staff_name: str) -> TicketView:
    """Close the ticket and mark its conversation resolved."""
    staff = _staff(staff_name)
    with uow_factory() as uow:
        ticket = _load_ticket(uow.session, ticket_id)
        if ticket.status not in ACTIVE_TICKET:
            raise InvalidState(f"The ticket is already {ticket.status}.")
        if ticket.status == TicketStatus.CLAIMED and ticket.assignee != staff:
            raise InvalidState(f"Claimed by {ticket.assignee}; only they can resolve it.")
        ticket.status = TicketStatus.RESOLVED
        ticket.assignee = ticket.assignee or staff
        ticket.resolved_at = utcnow()
        _set_conversation(uow.session, ticket.conversation_id, ConversationStatus.RESOLVED)
        uow.commit()
        return _ticket_view(ticket)


def hand_back_to_ai(uow_factory: UowFactory, *, ticket_id: str, staff_name: str) -> TicketView:
    """Return the conversation to the AI: the ticket closes, the conversation reopens."""
    staff = _staff(staff_name)
    with uow_factory() as uow:
        ticket = _load_ticket(uow.session, ticket_id)
        if ticket.status not in ACTIVE_TICKET:
            raise InvalidState(f"The ticket is already {ticket.status}.")
        if ticket.status == TicketStatus.CLAIMED and ticket.assignee != staff:
            raise InvalidState(f"Claimed by {ticket.assignee}; only they can hand it back.")
        ticket.status = TicketStatus.RETURNED_TO_AI
        ticket.assignee = ticket.assignee or staff
        ticket.resolved_at = utcnow()
        _set_conversation(uow.session, ticket.conversation_id, ConversationStatus.OPEN)
        uow.commit()
        return _ticket_view(ticket)


def _set_conversation(
    session: Any, conversation_id: str | None, status: ConversationStatus
) -> None:
    if conversation_id is None:
        return
    conversation = session.get(Conversation, conversation_id)
    if conversation is not None:
        conversation.status = status
        conversation.updated_at = utcnow()


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
