"""Who holds a conversation: the assistant, a queue waiting for a person, a named
person, or nobody because it is resolved. This module owns the transitions the customer
and the assistant cause; the staff ones (claim, assign, reply, resolve, hand back) live
in `services.inbox_actions` and share the helpers below.

    assistant --transfer_to_human--> waiting          (ticket open)
    waiting --claim/assign/staff reply--> with_person  (ticket claimed, named assignee)
    waiting|with_person --resolve--> resolved          (ticket resolved)
    waiting|with_person --hand back--> assistant       (ticket returned_to_ai)
    resolved --customer writes--> with_person (the last assignee) or waiting: a reopen

Every transition writes a system event into the transcript (role "system", `name` the
event key, `author` the staff member), which the chat shows the customer in their
language and insights count. While a person holds the conversation the assistant never
answers; while it waits for one, only if the operator allows it.
"""

from __future__ import annotations

import secrets
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, bindparam, case, insert, literal, select, true, update
from sqlalchemy.exc import IntegrityError

from services.conversations import message_insert, title_of
from services.db import begin_write
from services.driver_statement import DriverStatement
from services.errors import InvalidRequest, NotFound
from services.models import (
    Conversation,
    ConversationStatus,
    Customer,
    HandoffTicket,
    Message,
    TicketStatus,
    utcnow,
)
from services.uow import UowFactory
from services.views import HandoffView

REASON_CATEGORIES = ("policy_exception", "complaint", "technical", "out_of_scope", "other")
MAX_SUMMARY = 4000
ACTIVE_TICKET = (TicketStatus.OPEN, TicketStatus.CLAIMED)

# Event keys (Message.name of role "system"); the English text is what the CLI and any
# reader without the catalogue shows. The chat renders `handoff.event.<kind>` per locale.
EVENT_PREFIX = "handoff."
REQUESTED = "handoff.requested"
JOINED = "handoff.joined"
RESOLVED = "handoff.resolved"
HANDED_BACK = "handoff.handed_back"
REOPENED = "handoff.reopened"
EVENT_TEXT = {
    REQUESTED: "A person from our team will reply here.",
    JOINED: "{name} joined",
    RESOLVED: "{name} marked this resolved",
    HANDED_BACK: "The assistant is back",
    REOPENED: "Conversation reopened",
}


class ConversationState(BaseModel):
    conversation_id: str
    state: str  # assistant | waiting | with_person | resolved
    assignee: str | None
    ticket_id: str | None  # the active ticket, or the last one when resolved


class Admission(BaseModel):
    """A customer's message, stored, and whether the assistant may answer it."""

    message_id: int
    state: str
    assignee: str | None
    may_answer: bool
    reopened: bool = False


def add_event(
    session: Any, conversation: Conversation, key: str, *, staff: str | None = None
) -> Message:
    """A system event in the transcript (same transaction as the transition it records)."""
    message = Message(
        conversation_id=conversation.id,
        role="system",
        content=EVENT_TEXT[key].format(name=staff or "Staff"),
        name=key,
        author=staff,
    )
    session.add(message)
    conversation.updated_at = utcnow()
    return message


def lock_conversation(session: Any, conversation_id: str) -> Conversation:
    begin_write(session)
    conversation = session.scalars(
        select(Conversation).where(Conversation.id == conversation_id).with_for_update()
    ).first()
    if conversation is None:
        raise NotFound("Conversation not found.")
    return conversation


def active_ticket(session: Any, conversation_id: str) -> HandoffTicket | None:
    return session.scalars(
        select(HandoffTicket).where(
            HandoffTicket.conversation_id == conversation_id,
            HandoffTicket.status.in_(ACTIVE_TICKET),
        )
    ).first()


def last_ticket(session: Any, conversation_id: str) -> HandoffTicket | None:
    return session.scalars(
        select(HandoffTicket)
        .where(HandoffTicket.conversation_id == conversation_id)
        .order_by(HandoffTicket.created_at.desc(), HandoffTicket.id.desc())
        .limit(1)
    ).first()


def _handoff_view(ticket: HandoffTicket) -> HandoffView:
    return HandoffView(
        ticket_id=ticket.id,
        status=ticket.status.value,
        reason_category=ticket.reason_category,
        customer_id=ticket.customer_id,
        conversation_id=ticket.conversation_id,
        created_at=ticket.created_at,
    )


def open_handoff(
    uow_factory: UowFactory,
    *,
    summary: str,
    reason_category: str = "other",
    conversation_id: str | None = None,
    customer_id: str | None,
) -> HandoffView:
    """Open a ticket (id HT-…): the conversation waits for a person.

    One active ticket per conversation: asking again while one is open or held returns
    that ticket (a model calling the tool sixteen times in a turn opens one). The partial
    unique index `uq_handoff_tickets_one_active` holds the line under races.
    """
    summary = summary.strip()
    if not summary:
        raise InvalidRequest(
            "A hand-off needs a summary.", hint="Summarise the customer's request in a sentence."
        )
    if reason_category not in REASON_CATEGORIES:
        raise InvalidRequest(
            "Unknown hand-off reason.", hint=f"Use one of: {', '.join(REASON_CATEGORIES)}."
        )
    try:
        return _open(uow_factory, summary, reason_category, conversation_id, customer_id)
    except IntegrityError:
        # A concurrent call won the race between our check and our insert: theirs stands.
        if conversation_id is None:
            raise
        with uow_factory() as uow:
            ticket = active_ticket(uow.session, conversation_id)
            if ticket is None:
                raise
            return _handoff_view(ticket)


def _open(
    uow_factory: UowFactory,
    summary: str,
    reason_category: str,
    conversation_id: str | None,
    customer_id: str | None,
) -> HandoffView:
    with uow_factory() as uow:
        s = uow.session
        begin_write(s)
        conversation = None
        if conversation_id is not None:
            conversation = lock_conversation(s, conversation_id)
        if customer_id is not None and s.get(Customer, customer_id) is None:
            raise NotFound("Customer not found.", hint="Open the hand-off without a customer.")
        if conversation is not None:
            existing = active_ticket(s, conversation.id)
            if existing is not None:
                return _handoff_view(existing)
        ticket = HandoffTicket(
            id="HT-" + secrets.token_hex(5).upper(),
            conversation_id=conversation_id,
            customer_id=customer_id,
            summary=summary[:MAX_SUMMARY],
            reason_category=reason_category,
            status=TicketStatus.OPEN,
        )
        s.add(ticket)
        if conversation is not None:
            conversation.status = ConversationStatus.WAITING
            conversation.assignee = None
            add_event(s, conversation, REQUESTED)
        s.flush()
        view = _handoff_view(ticket)
        uow.commit()
        return view


def accept_customer_message(
    uow_factory: UowFactory,
    *,
    conversation_id: str,
    content: str,
    customer_id: str | None = None,
    allow_while_waiting: bool = False,
) -> Admission:
    """Store the customer's message and say whether the assistant may answer it.

    One transaction: a message written after Resolve reopens the conversation (back to
    the person who resolved it, or to the queue) before it is stored, so the assistant
    never answers into a conversation a person owns. `customer_id`, when given, must own
    the conversation (another customer's conversation reads as missing).
    """
    tried = uow_factory.one_statement
    if tried:
        admitted = _accept_in_one_statement(
            uow_factory, conversation_id, content, customer_id, allow_while_waiting
        )
        if admitted is not None:
            return admitted
        # Missing, another customer's, or resolved: the transactional path says which.
    with uow_factory() as uow:
        s = uow.session
        if not tried:
            fast = _accept_open(s, conversation_id, content, customer_id, allow_while_waiting)
            if fast is not None:
                uow.commit()
                return fast
        conversation = lock_conversation(s, conversation_id)
        if customer_id is not None and conversation.customer_id != customer_id:
            raise NotFound("Conversation not found.")
        reopened = False
        if conversation.status == ConversationStatus.RESOLVED:
            _reopen(s, conversation)
            reopened = True
        if not conversation.title:
            conversation.title = title_of(content)
        message = Message(conversation_id=conversation.id, role="user", content=content)
        s.add(message)
        conversation.updated_at = utcnow()
        s.flush()
        state = ConversationStatus(conversation.status)
        admission = Admission(
            message_id=message.id,
            state=state.value,
            assignee=conversation.assignee,
            may_answer=state == ConversationStatus.ASSISTANT
            or (state == ConversationStatus.WAITING and allow_while_waiting),
            reopened=reopened,
        )
        uow.commit()
        return admission


def _touch_open(*, owned: bool) -> Any:
    """Touch a conversation that is not resolved (and is the customer's, if ``owned``),
    returning its state: the row lock and the check in one statement."""
    where = [
        Conversation.id == bindparam("b_id"),
        Conversation.status != ConversationStatus.RESOLVED,
    ]
    if owned:
        where.append(Conversation.customer_id == bindparam("b_customer"))
    return (
        update(Conversation)
        .where(*where)
        .values(
            updated_at=bindparam("b_now"),
            title=case((Conversation.title == "", bindparam("b_title")), else_=Conversation.title),
        )
        .returning(Conversation.status, Conversation.assignee)
    )


# Prebuilt, and run on the driver's cursor (services.driver_statement): every turn.
_TOUCH_OPEN = {owned: DriverStatement(_touch_open(owned=owned)) for owned in (False, True)}
_INSERT_MESSAGE = message_insert(("conversation_id", "role", "content", "created_at"))


def _accept_params(conversation_id: str, content: str, customer_id: str | None) -> dict[str, Any]:
    return {
        "b_id": conversation_id,
        "b_customer": customer_id,
        "b_now": utcnow(),
        "b_title": title_of(content),
        "b_content": content,
    }


def _admission(message_id: int, status: str, assignee: str | None, allow: bool) -> Admission:
    state = ConversationStatus(status)
    return Admission(
        message_id=message_id,
        state=state.value,
        assignee=assignee,
        may_answer=state == ConversationStatus.ASSISTANT
        or (state == ConversationStatus.WAITING and allow),
    )


def _accept_open(
    s: Any, conversation_id: str, content: str, customer_id: str | None, allow_waiting: bool
) -> Admission | None:
    """`accept_customer_message` for a conversation that is not resolved (every turn but
    the rare reopening), in two prebuilt Core statements instead of ORM objects; None
    when no row matched (resolved, missing or another customer's: the caller tells which).

    The UPDATE comes first: it takes the row lock on PostgreSQL and the write lock on
    SQLite (a transaction that starts with a write waits for a concurrent writer), so no
    separate lock statement is needed.
    """
    connection = s.connection()
    params = _accept_params(conversation_id, content, customer_id)
    touched = _TOUCH_OPEN[customer_id is not None].run(connection, params).fetchone()
    if touched is None:
        return None
    status, assignee = touched
    message = {"conversation_id": conversation_id, "role": "user", "content": content,
               "created_at": params["b_now"]}  # fmt: skip
    (message_id,) = _INSERT_MESSAGE.run(connection, message).fetchone()
    return _admission(message_id, status, assignee, allow_waiting)


def _build_accept(*, owned: bool) -> Select[Any]:
    touched = _touch_open(owned=owned).cte("touched")
    message = (
        insert(Message)
        .from_select(
            ["conversation_id", "role", "content", "created_at"],
            select(
                bindparam("b_id", type_=Message.conversation_id.type),
                literal("user", Message.role.type),
                bindparam("b_content", type_=Message.content.type),
                bindparam("b_now", type_=Message.created_at.type),
            ).select_from(touched),
        )
        .returning(Message.id)
        .cte("message")
    )
    return select(touched.c.status, touched.c.assignee, message.c.id).join_from(
        touched, message, true()
    )


# PostgreSQL: the row lock, the touch and the insert as one statement (its own
# transaction). UPDATE locks the row as SELECT ... FOR UPDATE did, and a resolved,
# missing or foreign conversation matches no row, so nothing is written.
_ACCEPT = {owned: DriverStatement(_build_accept(owned=owned)) for owned in (False, True)}


def _accept_in_one_statement(
    uow_factory: UowFactory,
    conversation_id: str,
    content: str,
    customer_id: str | None,
    allow_waiting: bool,
) -> Admission | None:
    params = _accept_params(conversation_id, content, customer_id)
    with uow_factory.statement() as connection:
        row = _ACCEPT[customer_id is not None].run(connection, params).fetchone()
    if row is None:
        return None
    status, assignee, message_id = row
    return _admission(message_id, status, assignee, allow_waiting)


def _reopen(s: Any, conversation: Conversation) -> None:
    ticket = last_ticket(s, conversation.id)
    if ticket is None or ticket.status != TicketStatus.RESOLVED:
        # Resolved without a person (or handed back since): the assistant takes it again.
        conversation.status = ConversationStatus.ASSISTANT
        conversation.assignee = None
    else:
        ticket.status = TicketStatus.CLAIMED if ticket.assignee else TicketStatus.OPEN
        ticket.resolved_at = None
        ticket.reopens = (ticket.reopens or 0) + 1
        conversation.status = (
            ConversationStatus.WITH_PERSON if ticket.assignee else ConversationStatus.WAITING
        )
        conversation.assignee = ticket.assignee
    add_event(s, conversation, REOPENED)


def assistant_may_answer(
    uow_factory: UowFactory, *, conversation_id: str, allow_while_waiting: bool = False
) -> bool:
    state = conversation_state(uow_factory, conversation_id=conversation_id)
    return state.state == ConversationStatus.ASSISTANT or (
        state.state == ConversationStatus.WAITING and allow_while_waiting
    )


def conversation_state(uow_factory: UowFactory, *, conversation_id: str) -> ConversationState:
    with uow_factory() as uow:
        conversation = uow.session.get(Conversation, conversation_id)
        if conversation is None:
            raise NotFound("Conversation not found.")
        ticket = active_ticket(uow.session, conversation_id)
        if ticket is None and conversation.status == ConversationStatus.RESOLVED:
            ticket = last_ticket(uow.session, conversation_id)
        return ConversationState(
            conversation_id=conversation.id,
            state=ConversationStatus(conversation.status).value,
            assignee=conversation.assignee,
            ticket_id=ticket.id if ticket else None,
        )
