"""Hand-off to a human: open a ticket staff see in the inbox."""

from __future__ import annotations

import secrets

from services.db import begin_write
from services.errors import InvalidRequest, NotFound
from services.models import (
    Conversation,
    ConversationStatus,
    Customer,
    HandoffTicket,
    TicketStatus,
)
from services.uow import UowFactory
from services.views import HandoffView

REASON_CATEGORIES = ("policy_exception", "complaint", "technical", "out_of_scope", "other")
MAX_SUMMARY = 4000


def open_handoff(
    uow_factory: UowFactory,
    *,
    summary: str,
    reason_category: str = "other",
    conversation_id: str | None = None,
    customer_id: str | None,
) -> HandoffView:
    """Open a ticket (id HT-…) with the model's summary of what the customer needs."""
    summary = summary.strip()
    if not summary:
        raise InvalidRequest(
            "A hand-off needs a summary.", hint="Summarise the customer's request in a sentence."
        )
    if reason_category not in REASON_CATEGORIES:
        raise InvalidRequest(
            "Unknown hand-off reason.", hint=f"Use one of: {', '.join(REASON_CATEGORIES)}."
        )
    with uow_factory() as uow:
        s = uow.session
        begin_write(s)
        conversation = None if conversation_id is None else s.get(Conversation, conversation_id)
        if conversation_id is not None and conversation is None:
            raise NotFound("Conversation not found.", hint="Open the hand-off without it.")
        if customer_id is not None and s.get(Customer, customer_id) is None:
            raise NotFound("Customer not found.", hint="Open the hand-off without a customer.")
        if conversation is not None:
            # Stored, not only derived from the ticket, so every reader of the
            # conversation (loop, CLI, insights) sees it waiting for a person.
            conversation.status = ConversationStatus.HANDED_OFF
        ticket = HandoffTicket(
            id="HT-" + secrets.token_hex(5).upper(),
            conversation_id=conversation_id,
            customer_id=customer_id,
            summary=summary[:MAX_SUMMARY],
            reason_category=reason_category,
            status=TicketStatus.OPEN,
        )
        s.add(ticket)
        uow.commit()
        return HandoffView(
            ticket_id=ticket.id,
            status=ticket.status.value,
            reason_category=ticket.reason_category,
            customer_id=ticket.customer_id,
            conversation_id=ticket.conversation_id,
            created_at=ticket.created_at,
        )
