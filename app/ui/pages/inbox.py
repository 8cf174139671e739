"""Inbox (staff): the desk. "Needs a reply" first, then every state; a conversation's
transcript, its hand-off ticket (claim, assign, resolve, hand back) and the reply box.

The list and the open transcript are fragments that refresh themselves every few
seconds, so a new customer message shows up without a manual refresh and without
redrawing the whole page.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import streamlit as st

from app.ui import deps
from app.ui.components import desk, fmt, transcript
from app.ui.components.gate import require_staff
from app.ui.components.text import code_inline, plain, safe_markdown
from services import inbox
from services.errors import DomainError

LIVE_SECONDS = 5
SELECTED = "inbox_selected"
FILTERS = {
    "Needs a reply": "needs_reply",
    "Mine": "mine",
    "Waiting": "waiting",
    "With a person": "with_person",
    "Assistant": "assistant",
    "Resolved": "resolved",
    "All": None,
}

staff = require_staff()
uow = deps.uow_factory()

st.title("Inbox")


@st.fragment(run_every=LIVE_SECONDS)
def counters() -> None:
    active = inbox.list_tickets(uow, status="active")
    needing = inbox.list_conversations(uow, status="needs_reply", limit=1000)
    a, b, c, d = st.columns(4)
    a.metric("Needs a reply", len(needing), border=True)
    b.metric("Waiting for a person", sum(t.status == "open" for t in active), border=True)
    c.metric(
        "Yours",
        sum(t.status == "claimed" and t.assignee == staff.name for t in active),
        border=True,
    )
    d.metric("Unread", sum(r.unread for r in needing), border=True)


counters()

choice = st.segmented_control("Show", list(FILTERS), default="Needs a reply", key="inbox_filter")
f2, f3 = st.columns(2)
customer = f2.text_input("Customer id", placeholder="CUST-9821", key="inbox_customer")
today = datetime.now(UTC).date()
dates = f3.date_input("Last activity", value=(today - timedelta(days=30), today), key="inbox_dates")
since = until = None
if isinstance(dates, tuple) and len(dates) == 2:
    since = datetime.combine(dates[0], time.min, tzinfo=UTC)
    until = datetime.combine(dates[1], time.min, tzinfo=UTC) + timedelta(days=1)


def _rows(view: str | None, limit: int = 200) -> list[inbox.ConversationRow]:
    mine = view == "mine"
    return inbox.list_conversations(
        uow,
        status="with_person" if mine else view,
        assignee=staff.name if mine else None,
        customer_id=customer.strip() or None,
        since=since,
        until=until,
        limit=limit,
    )


def _select(conversation_id: str) -> None:
    st.session_state[SELECTED] = conversation_id


def _row_button(row: inbox.ConversationRow, selected: str | None) -> None:
    st.button(
        desk.row_label(row),
        key=f"inbox_open_{row.id}",
        icon=":material/support_agent:" if row.needs_reply else ":material/chat_bubble:",
        width="stretch",
        type="primary" if row.id == selected else "secondary",
        on_click=_select,
        args=(row.id,),
    )


left, right = st.columns([2, 3], gap="large")


@st.fragment(run_every=LIVE_SECONDS)
def conversation_list() -> None:
    view = FILTERS.get(choice or "All")
    rows = _rows(view)
    selected = st.session_state.get(SELECTED)
    st.caption(f"{len(rows)} conversation{'s' if len(rows) != 1 else ''}")
    for row in rows:
        _row_button(row, selected)
    if not rows:
        if view == "needs_reply":
            st.success(
                "All caught up: no customer is waiting for a reply.", icon=":material/done_all:"
            )
        else:
            st.info("Nothing in this view.")
        # Never a blank desk: what happened most recently, to pick up or check on.
        recent = _rows(None, limit=8)
        if recent:
            st.caption("Recent activity")
            for row in recent:
                _row_button(row, selected)
    if selected is None and rows:
        # Remembered: acting on it (a reply, Resolve) may take it out of the current
        # view, and the person should still see the conversation they just answered.
        st.session_state[SELECTED] = rows[0].id
        st.rerun()


with left:
    conversation_list()


def _act(fn: Any, done: str, **kwargs: Any) -> None:
    try:
        fn(uow, staff_name=staff.name, **kwargs)
        st.toast(done)
    except DomainError as exc:
        st.session_state["inbox_error"] = exc.message


def _ticket_card(ticket: inbox.TicketView) -> None:
    with st.container(border=True):
        st.markdown(
            f"**Hand-off {plain(ticket.id)}** {fmt.status_badge(ticket.status)} · "
            f"{plain(ticket.reason_category.replace('_', ' '))}"
            + (f" · with **{plain(ticket.assignee)}**" if ticket.assignee else "")
            + (f" · reopened {ticket.reopens}×" if ticket.reopens else "")
        )
        st.caption(desk.ticket_times(ticket))
        st.markdown(safe_markdown(ticket.summary))
        if ticket.status not in ("open", "claimed"):
            return
        actions = st.container(horizontal=True, vertical_alignment="bottom")
        if ticket.status == "open" or ticket.assignee != staff.name:
            actions.button(
                "Claim" if ticket.status == "open" else "Take over",
                key=f"claim_{ticket.id}",
                type="primary",
                icon=":material/front_hand:",
                on_click=_act,
                args=(
                    inbox.claim_ticket if ticket.status == "open" else inbox.assign_ticket,
                    "Claimed",
                ),
                kwargs={"ticket_id": ticket.id}
                | ({} if ticket.status == "open" else {"assignee": staff.name}),
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
            args=(inbox.hand_back_to_ai, "Handed back to the assistant"),
            kwargs={"ticket_id": ticket.id},
        )
        colleagues = desk.colleagues(uow, me=staff.name)
        who = actions.selectbox(
            "Assign to",
            colleagues,
            index=None,
            key=f"assignee_{ticket.id}",
            placeholder="Assign to…",
            accept_new_options=True,
            label_visibility="collapsed",
        )
        actions.button(
            "Assign",
            key=f"assign_{ticket.id}",
            icon=":material/person_add:",
            disabled=not who,
            on_click=_act,
            args=(inbox.assign_ticket, f"Assigned to {who}"),
            kwargs={"ticket_id": ticket.id, "assignee": who or ""},
        )


def _signature(t: inbox.Transcript) -> tuple[str, str | None, str | None]:
    return (t.conversation.status, t.conversation.ticket_status, t.conversation.assignee)


@st.fragment(run_every=LIVE_SECONDS)
def live_transcript(conversation_id: str, known: tuple[str, str | None, str | None]) -> None:
    try:
        t = inbox.transcript(uow, conversation_id=conversation_id)
    except DomainError:
        st.info("Pick a conversation.")
        return
    if _signature(t) != known:
        # The customer reopened it, a colleague took it...: the ticket card and the
        # reply box outside this fragment must change too.
        st.rerun(scope="app")
    with st.container(height=520, border=False, autoscroll=True):
        transcript.render(t, staff=True)
    newest = max((m.id for m in t.messages), default=0)
    if t.conversation.unread and newest:
        inbox.mark_read(uow, conversation_id=conversation_id, up_to=newest)


with right:
    selected = st.session_state.get(SELECTED)
    if selected is None:
        st.info("Pick a conversation on the left.")
        st.stop()
    try:
        t = inbox.transcript(uow, conversation_id=selected)
    except DomainError:
        st.info("Pick a conversation on the left.")
        st.stop()
    conv = t.conversation
    st.subheader(plain(conv.title or "Conversation", 90))
    st.markdown(
        f"{fmt.status_badge(conv.status)} · {plain(conv.customer_name or '—')} "
        f"{code_inline(conv.customer_id or 'no customer')} · answered by "
        f"{plain(conv.model or conv.provider)}"
        + (f" · with **{plain(conv.assignee)}**" if conv.assignee else "")
    )
    if error := st.session_state.pop("inbox_error", None):
        st.error(error)
    for ticket in t.tickets[-1:]:
        _ticket_card(ticket)
    live_transcript(conv.id, _signature(t))
    active = [tk for tk in t.tickets if tk.status in ("open", "claimed")]
    if active:
        with st.form(f"reply_{active[-1].id}", clear_on_submit=True, border=False):
            text = st.text_area(
                "Reply to the customer",
                placeholder="Write as the store team…",
                max_chars=inbox.MAX_REPLY_CHARS,
            )
            if st.form_submit_button(
                "Send reply", type="primary", icon=":material/send:", key="inbox_send"
            ):
                _act(inbox.reply_as_staff, "Reply sent", ticket_id=active[-1].id, text=text)
                st.rerun()
