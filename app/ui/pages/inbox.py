"""Inbox (staff): conversations with filters, transcripts, and hand-off tickets."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import streamlit as st

from app.ui import deps
from app.ui.components import fmt, transcript
from app.ui.components.gate import require_staff
from app.ui.components.text import plain, safe_markdown
from services import inbox
from services.errors import DomainError

staff = require_staff()
uow = deps.uow_factory()

st.title("Inbox")
tickets = inbox.list_tickets(uow, status="active")
waiting = [t for t in tickets if t.status == "open"]
mine = [t for t in tickets if t.status == "claimed" and t.assignee == staff.name]
a, b, c = st.columns(3)
a.metric("Waiting for a person", len(waiting), border=True)
b.metric("Claimed by you", len(mine), border=True)
c.metric("Claimed by others", len(tickets) - len(waiting) - len(mine), border=True)

FILTERS = {
    "Needs a reply": "needs_reply",
    "Waiting": "waiting",
    "With a person": "with_person",
    "Assistant": "assistant",
    "Resolved": "resolved",
    "All": None,
}
f1, f2, f3 = st.columns([3, 2, 2])
choice = f1.segmented_control("Show", list(FILTERS), default="Needs a reply", key="inbox_filter")
customer = f2.text_input("Customer id", placeholder="CUST-9821", key="inbox_customer")
today = datetime.now(UTC).date()
dates = f3.date_input("Last activity", value=(today - timedelta(days=30), today), key="inbox_dates")

since = until = None
if isinstance(dates, tuple) and len(dates) == 2:
    since = datetime.combine(dates[0], time.min, tzinfo=UTC)
    until = datetime.combine(dates[1], time.min, tzinfo=UTC) + timedelta(days=1)
rows = inbox.list_conversations(
    uow,
    status=FILTERS.get(choice or "All"),
    customer_id=customer.strip() or None,
    since=since,
    until=until,
)

left, right = st.columns([2, 3], gap="large")
with left:
    st.caption(f"{len(rows)} conversation{'s' if len(rows) != 1 else ''}")
    if not rows:
        st.info("Nothing here. Conversations appear as customers chat.")
    selected = st.session_state.get("inbox_selected")
    for row in rows:
        who = row.customer_name or ("Staff" if row.actor == "staff" else "Visitor")
        needs_person = row.ticket_status in ("open", "claimed")
        title = plain(row.title or "New conversation", 48)
        st.button(
            f"**{plain(who, 30)}** · {title}  \n{fmt.when(row.updated_at)} · "
            f"{row.messages} messages · {row.status.replace('_', ' ')}",
            key=f"inbox_open_{row.id}",
            icon=":material/support_agent:" if needs_person else ":material/chat_bubble:",
            width="stretch",
            type="primary" if row.id == selected else "secondary",
            on_click=st.session_state.__setitem__,
            args=("inbox_selected", row.id),
        )


def _act(fn, done: str, **kwargs) -> None:
    try:
        fn(uow, staff_name=staff.name, **kwargs)
        st.toast(done)
    except DomainError as exc:
        st.session_state["inbox_error"] = exc.message


with right:
    selected = st.session_state.get("inbox_selected")
    if selected is None and rows:
        # Remembered: acting on it (a reply, Resolve) may take it out of the current
        # view, and the person should still see the conversation they just answered.
        selected = st.session_state["inbox_selected"] = rows[0].id
    if selected is None:
        st.stop()
    try:
        t = inbox.transcript(uow, conversation_id=selected)
    except DomainError:
        st.info("Pick a conversation.")
        st.stop()
    conv = t.conversation
    st.subheader(plain(conv.title or "Conversation", 70))
    st.markdown(
        f"{fmt.status_badge(conv.status)} · {safe_markdown(conv.customer_name or '—')} "
        f"`{conv.customer_id or 'no customer'}` · answered by {conv.model or conv.provider}"
    )
    if error := st.session_state.pop("inbox_error", None):
        st.error(error)
    for ticket in t.tickets[-1:]:
        with st.container(border=True):
            st.markdown(
                f"**Hand-off {ticket.id}** {fmt.status_badge(ticket.status)} · "
                f"{ticket.reason_category.replace('_', ' ')}"
                + (
                    f" · assigned to **{safe_markdown(ticket.assignee)}**"
                    if ticket.assignee
                    else ""
                )
            )
            st.markdown(safe_markdown(ticket.summary))
            if ticket.status in ("open", "claimed"):
                actions = st.container(horizontal=True)
                if ticket.status == "open":
                    actions.button(
                        "Claim",
                        key=f"claim_{ticket.id}",
                        type="primary",
                        on_click=_act,
                        args=(inbox.claim_ticket, "Claimed"),
                        kwargs={"ticket_id": ticket.id},
                    )
                actions.button(
                    "Resolve",
                    key=f"resolve_{ticket.id}",
                    icon=":material/task_alt:",
                    on_click=_act,
                    args=(inbox.resolve_ticket, "Resolved"),
                    kwargs={"ticket_id": ticket.id},
                )
                actions.button(
                    "Hand back to AI",
                    key=f"handback_{ticket.id}",
                    icon=":material/smart_toy:",
                    on_click=_act,
                    args=(inbox.hand_back_to_ai, "Handed back to the AI"),
                    kwargs={"ticket_id": ticket.id},
                )
    with st.container(height=520, border=False, autoscroll=True):
        transcript.render(t, staff=True)
    active = [tk for tk in t.tickets if tk.status in ("open", "claimed")]
    if active:
        with st.form(f"reply_{active[-1].id}", clear_on_submit=True, border=False):
            text = st.text_area(
                "Reply to the customer",
                placeholder="Write as the store team…",
                max_chars=inbox.MAX_REPLY_CHARS,
            )
            if st.form_submit_button("Send reply", type="primary", icon=":material/send:"):
                _act(inbox.reply_as_staff, "Reply sent", ticket_id=active[-1].id, text=text)
                st.rerun()
