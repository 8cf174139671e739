"""Pieces of the staff desk: a conversation row's label, a ticket's times, colleagues."""

from __future__ import annotations

from app.ui.components import fmt
from app.ui.components.text import plain
from services import inbox
from services.uow import UowFactory

STATE_LABELS = {
    "assistant": "with the assistant",
    "waiting": "waiting for a person",
    "with_person": "with a person",
    "resolved": "resolved",
}


def row_label(row: inbox.ConversationRow) -> str:
    """Two lines: who and what; then state, holder, unread, activity (all escaped)."""
    who = row.customer_name or ("Staff" if row.actor == "staff" else "Visitor")
    title = plain(row.title or "New conversation", 90)
    state = STATE_LABELS.get(row.status, row.status.replace("_", " "))
    if row.status == "with_person" and row.assignee:
        state = f"with {plain(row.assignee, 30)}"
    parts = [state]
    if row.needs_reply:
        parts.append("**needs a reply**")
    if row.unread:
        parts.append(f"**{row.unread} unread**")
    if row.ticket and row.ticket.first_response_s is not None:
        parts.append(f"first reply {fmt.duration(row.ticket.first_response_s)}")
    parts.append(f"{row.messages} messages")
    parts.append(fmt.when(row.updated_at))
    return f"**{plain(who, 40)}** · {title}  \n" + " · ".join(parts)


def ticket_times(ticket: inbox.TicketView) -> str:
    """Opened, first response and resolution times of one ticket, for people."""
    parts = [f"Opened {fmt.when(ticket.created_at)}"]
    if ticket.first_response_s is not None:
        parts.append(f"first response in {fmt.duration(ticket.first_response_s)}")
    elif ticket.status in ("open", "claimed"):
        parts.append("no reply yet")
    if ticket.resolution_s is not None:
        parts.append(f"resolved in {fmt.duration(ticket.resolution_s)}")
    return " · ".join(parts)


def colleagues(uow: UowFactory, *, me: str) -> list[str]:
    """Staff names seen on tickets, me first: who a ticket can be assigned to."""
    names = {t.assignee for t in inbox.list_tickets(uow, limit=500) if t.assignee}
    return [me, *sorted(names - {me})]
