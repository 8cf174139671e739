"""The staff inbox: filters, transcripts and the hand-off ticket's life."""

from __future__ import annotations

from datetime import timedelta

import pytest

from seed_data.demo import load_demo
from services import inbox
from services.errors import InvalidRequest, InvalidState, NotFound
from services.models import ConversationStatus, TicketStatus
from tests.conversation_factory import T0, Turn, add_conversation


@pytest.fixture
def store(uow_factory):
    load_demo(uow_factory)
    return uow_factory


@pytest.fixture
def handed_off(store):
    return add_conversation(
        store,
        turns=[
            Turn(
                "I want a refund for ORD-30987",
                "Let me get a colleague",
                tools=[("transfer_to_human", "ok", 12)],
            )
        ],
        status=ConversationStatus.HANDED_OFF,
        ticket="HT-100",
    )


def test_filters_by_status_customer_and_date(store, handed_off):
    other = add_conversation(
        store, customer_id="CUST-4410", at=T0 + timedelta(days=2), turns=[Turn("hi", "hello")]
    )
    assert [c.id for c in inbox.list_conversations(store, status="handed_off")] == [handed_off]
    assert [c.id for c in inbox.list_conversations(store, customer_id="CUST-4410")] == [other]
    assert [c.id for c in inbox.list_conversations(store, since=T0 + timedelta(days=1))] == [other]
    row = inbox.list_conversations(store, status="handed_off")[0]
    assert (row.customer_name, row.ticket_id, row.ticket_status, row.messages) == (
        "Sarah Johnson",
        "HT-100",
        "open",
        2,
    )


def test_an_unknown_status_filter_is_refused(store):
    with pytest.raises(InvalidRequest):
        inbox.list_conversations(store, status="closed")


def test_transcript_holds_messages_tool_trace_and_ticket(store, handed_off):
    t = inbox.transcript(store, conversation_id=handed_off)
    assert [m.role for m in t.messages] == ["user", "assistant", "tool", "assistant"]
    assert [c.name for c in t.tool_calls] == ["transfer_to_human"]
    assert t.tickets[0].summary.startswith("Customer wants a refund")


def test_claim_reply_resolve(store, handed_off):
    inbox.claim_ticket(store, ticket_id="HT-100", staff_name="Ana")
    inbox.claim_ticket(store, ticket_id="HT-100", staff_name="Ana")  # double click: no-op
    with pytest.raises(InvalidState):
        inbox.claim_ticket(store, ticket_id="HT-100", staff_name="Bo")
    inbox.reply_as_staff(store, ticket_id="HT-100", staff_name="Ana", text="I can help.")
    seen = inbox.staff_messages_since(store, conversation_id=handed_off)
    assert [(m.content, m.author) for m in seen] == [("I can help.", "Ana")]
    assert inbox.staff_messages_since(store, conversation_id=handed_off, after_id=seen[0].id) == []
    ticket = inbox.resolve_ticket(store, ticket_id="HT-100", staff_name="Ana")
    assert ticket.status == TicketStatus.RESOLVED and ticket.resolved_at is not None
    assert inbox.transcript(store, conversation_id=handed_off).conversation.status == "resolved"
    with pytest.raises(InvalidState):
        inbox.reply_as_staff(store, ticket_id="HT-100", staff_name="Ana", text="again")


def test_hand_back_reopens_the_conversation_for_the_ai(store, handed_off):
    inbox.hand_back_to_ai(store, ticket_id="HT-100", staff_name="Ana")
    row = inbox.transcript(store, conversation_id=handed_off).conversation
    assert (row.status, row.ticket_status) == ("assistant", "returned_to_ai")
    assert inbox.list_tickets(store, status="active") == []


def test_bad_replies_change_nothing(store, handed_off):
    with pytest.raises(InvalidRequest):
        inbox.reply_as_staff(store, ticket_id="HT-100", staff_name="Ana", text="   ")
    with pytest.raises(InvalidRequest):
        inbox.reply_as_staff(store, ticket_id="HT-100", staff_name=" ", text="hi")
    with pytest.raises(NotFound):
        inbox.claim_ticket(store, ticket_id="HT-404", staff_name="Ana")
    assert inbox.list_tickets(store)[0].status == "open"
    assert inbox.staff_messages_since(store, conversation_id=handed_off) == []


def test_a_waiting_ticket_marks_an_open_conversation_handed_off(store):
    cid = add_conversation(store, turns=[Turn("help", "ok")], ticket="HT-7")
    assert [c.id for c in inbox.list_conversations(store, status="handed_off")] == [cid]
    assert inbox.list_conversations(store, status="open") == []
    assert inbox.list_conversations(store)[0].status == "waiting"


def test_two_staff_claiming_at_once_get_one_winner(store, handed_off):
    from concurrent.futures import ThreadPoolExecutor

    def claim(name):
        try:
            inbox.claim_ticket(store, ticket_id="HT-100", staff_name=name)
            return name
        except InvalidState:
            return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        winners = [w for w in pool.map(claim, ["Ana", "Bo", "Cy", "Di"]) if w]
    assert len(winners) == 1
    assert inbox.list_tickets(store)[0].assignee == winners[0]
