"""Staff actions on a hand-off ticket: claim, assign, reply, resolve, hand back, read.

Each is one transaction, validated before anything changes, and moves the conversation
through the states of `services.handoff` with a system event the customer sees:
    open --claim/assign/reply--> claimed (conversation with_person, "Ana joined")
    claimed --assign--> claimed by a colleague ("Ben joined")
    open|claimed --resolve--> resolved ("Ana marked this resolved")
    open|claimed --hand back--> returned_to_ai ("The assistant is back")
A reply claims an open ticket for its author. A ticket claimed by someone else must be
assigned over explicitly; two staff members cannot silently answer the same customer.
Only staff act here: any other actor is refused, whatever name it gives.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select, update

from services.db import begin_write
from services.errors import InvalidRequest, InvalidState, NotFound, PermissionDenied
from services.handoff import (
    ACTIVE_TICKET,
    HANDED_BACK,
    JOINED,
    RESOLVED,
    add_event,
    lock_conversation,
)
from services.inbox import MAX_REPLY_CHARS, MessageView, TicketView, ticket_view
from services.models import (
    Actor,
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


def _conversation(session: Any, ticket: HandoffTicket) -> Conversation | None:
    if ticket.conversation_id is None:
        return None
    return lock_conversation(session, ticket.conversation_id)


def _staff(staff_name: str, actor: Actor | str) -> str:
    if Actor(actor) != Actor.STAFF:
        raise PermissionDenied("Only staff can act on hand-off tickets.")
    name = staff_name.strip()
    if not name:
        raise InvalidRequest("A staff name is required.")
    return name[:100]


def claim_ticket(
    uow_factory: UowFactory, *, ticket_id: str, staff_name: str, actor: Actor | str = Actor.STAFF
) -> TicketView:
    """Take an open ticket: the conversation is with this person from now on."""
    staff = _staff(staff_name, actor)
    with uow_factory() as uow:
        ticket = _load_ticket(uow.session, ticket_id)
        _claim(uow.session, ticket, staff)
        uow.commit()
        return ticket_view(ticket)


def assign_ticket(
    uow_factory: UowFactory,
    *,
    ticket_id: str,
    staff_name: str,
    assignee: str,
    actor: Actor | str = Actor.STAFF,
) -> TicketView:
    """Give the ticket to a colleague (or oneself), whoever holds it now."""
    _staff(staff_name, actor)  # who assigns must be staff; the customer sees the new holder
    target = _staff(assignee, actor)
    with uow_factory() as uow:
        ticket = _load_ticket(uow.session, ticket_id)
        if ticket.status not in ACTIVE_TICKET:
            raise InvalidState(f"The ticket is {ticket.status}; only open tickets can be assigned.")
        if ticket.assignee == target:
            return ticket_view(ticket)
        ticket.status = TicketStatus.OPEN  # let _claim take it for the new person
        ticket.assignee = None
        _claim(uow.session, ticket, target)
        uow.commit()
        return ticket_view(ticket)


def _claim(session: Any, ticket: HandoffTicket, staff: str) -> None:
    if ticket.status == TicketStatus.CLAIMED and ticket.assignee == staff:
        return  # claiming twice is a no-op, not an error (double clicks)
    if ticket.status == TicketStatus.CLAIMED:
        raise InvalidState(f"Already claimed by {ticket.assignee}.")
    if ticket.status != TicketStatus.OPEN:
        raise InvalidState(f"The ticket is {ticket.status}; only open tickets can be claimed.")
    ticket.status = TicketStatus.CLAIMED
    ticket.assignee = staff
    ticket.claimed_at = ticket.claimed_at or utcnow()
    conversation = _conversation(session, ticket)
    if conversation is not None:
        conversation.status = ConversationStatus.WITH_PERSON
        conversation.assignee = staff
        add_event(session, conversation, JOINED, staff=staff)


def reply_as_staff(
    uow_factory: UowFactory,
    *,
    ticket_id: str,
    staff_name: str,
    text: str,
    actor: Actor | str = Actor.STAFF,
) -> MessageView:
    """Post a staff message into the ticket's conversation (the customer sees it in chat)."""
    staff = _staff(staff_name, actor)
    body = text.strip()
    if not body:
        raise InvalidRequest("The reply is empty.")
    if len(body) > MAX_REPLY_CHARS:
        raise InvalidRequest(f"The reply is longer than {MAX_REPLY_CHARS} characters.")
    with uow_factory() as uow:
        s = uow.session
        ticket = _load_ticket(s, ticket_id)
        if ticket.conversation_id is None:
            raise InvalidState("This ticket has no conversation to reply in.")
        if ticket.status not in ACTIVE_TICKET:
            raise InvalidState(f"The ticket is {ticket.status}; reopen the conversation first.")
        _claim(s, ticket, staff)
        now = utcnow()
        ticket.first_response_at = ticket.first_response_at or now
        message = Message(
            conversation_id=ticket.conversation_id, role="staff", content=body, author=staff
        )
        s.add(message)
        conversation = s.get(Conversation, ticket.conversation_id)
        s.flush()
        if conversation is not None:
            conversation.updated_at = now
            # Replying means having read everything up to here.
            conversation.staff_read_id = message.id
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


def _close(
    uow_factory: UowFactory,
    ticket_id: str,
    staff_name: str,
    actor: Actor | str,
    *,
    to: TicketStatus,
    verb: str,
) -> TicketView:
    staff = _staff(staff_name, actor)
    with uow_factory() as uow:
        s = uow.session
        ticket = _load_ticket(s, ticket_id)
        if ticket.status not in ACTIVE_TICKET:
            raise InvalidState(f"The ticket is already {ticket.status}.")
        if ticket.status == TicketStatus.CLAIMED and ticket.assignee != staff:
            raise InvalidState(f"Claimed by {ticket.assignee}; only they can {verb} it.")
        ticket.status = to
        ticket.assignee = ticket.assignee or staff
        ticket.resolved_at = utcnow()
        conversation = _conversation(s, ticket)
        if conversation is not None:
            if to == TicketStatus.RESOLVED:
                conversation.status = ConversationStatus.RESOLVED
                # Whoever resolved it gets it back if the customer writes again.
                conversation.assignee = ticket.assignee
                add_event(s, conversation, RESOLVED, staff=staff)
            else:
                conversation.status = ConversationStatus.ASSISTANT
                conversation.assignee = None
                add_event(s, conversation, HANDED_BACK, staff=staff)
        uow.commit()
        return ticket_view(ticket)


def resolve_ticket(
    uow_factory: UowFactory, *, ticket_id: str, staff_name: str, actor: Actor | str = Actor.STAFF
) -> TicketView:
    """Close the ticket and mark its conversation resolved (the customer can reopen it)."""
    return _close(
        uow_factory, ticket_id, staff_name, actor, to=TicketStatus.RESOLVED, verb="resolve"
    )


def hand_back_to_ai(
    uow_factory: UowFactory, *, ticket_id: str, staff_name: str, actor: Actor | str = Actor.STAFF
) -> TicketView:
    """Return the conversation to the assistant: the ticket closes, the assistant answers."""
    return _close(
        uow_factory, ticket_id, staff_name, actor, to=TicketStatus.RETURNED_TO_AI, verb="hand back"
    )


def mark_read(uow_factory: UowFactory, *, conversation_id: str, up_to: int) -> None:
    """Staff opened the conversation: its messages up to `up_to` are no longer unread."""
    with uow_factory() as uow:
        uow.session.execute(
            update(Conversation)
            .where(Conversation.id == conversation_id)
            .where(or_(Conversation.staff_read_id.is_(None), Conversation.staff_read_id < up_to))
            # Reading is not activity: keep updated_at (the list's order) as it was.
            .values(staff_read_id=up_to, updated_at=Conversation.updated_at)
            .execution_options(synchronize_session=False)
        )
        uow.commit()
