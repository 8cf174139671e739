"""Hand-off ticket actions for staff: claim, reply as staff, resolve, hand back to the AI.

Ticket transitions (each one transaction, validated before anything changes):
    open --claim--> claimed --resolve--> resolved
    open|claimed --hand_back--> returned_to_ai      (the AI answers the customer again)
A reply claims an open ticket for its author. A ticket claimed by someone else must be
handed over explicitly; two staff members cannot silently answer the same customer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from services.db import begin_write
from services.errors import InvalidRequest, InvalidState, NotFound
from services.inbox import ACTIVE_TICKET, MAX_REPLY_CHARS, MessageView, TicketView, ticket_view
from services.models import (
    Conversation,
    ConversationStatus,
    HandoffTicket,
    Message,
    TicketStatus,
    utcnow,
)
from services.uow import UowFactory


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
        return ticket_view(ticket)


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
        return ticket_view(ticket)


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
        return ticket_view(ticket)


def _set_conversation(
    session: Any, conversation_id: str | None, status: ConversationStatus
) -> None:
    if conversation_id is None:
        return
    conversation = session.get(Conversation, conversation_id)
    if conversation is not None:
        conversation.status = status
        conversation.updated_at = utcnow()
