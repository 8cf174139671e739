"""The conversation's states (services.handoff + services.inbox_actions): every legal
transition with the event the customer sees, and each illegal one refused with nothing
changed. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from seed_data.demo import load_demo
from services import conversations, handoff, inbox
from services.errors import InvalidState, NotFound, PermissionDenied
from services.models import Actor, HandoffTicket, TicketStatus
from services.uow import UowFactory

SARAH = "CUST-9821"


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    load_demo(uow_factory)
    return uow_factory


@pytest.fixture
def cid(store: UowFactory) -> str:
    conv = conversations.start_conversation(store, actor=Actor.CUSTOMER, customer_id=SARAH)
    handoff.accept_customer_message(store, conversation_id=conv.id, content="Hi, a refund?")
    return conv.id


def ask_person(store: UowFactory, cid: str) -> str:
    view = handoff.open_handoff(
        store, summary="Wants a person", conversation_id=cid, customer_id=SARAH
    )
    return view.ticket_id


def state(store: UowFactory, cid: str) -> tuple[str, str | None]:
    s = handoff.conversation_state(store, conversation_id=cid)
    return s.state, s.assignee


def events(store: UowFactory, cid: str) -> list[tuple[str, str | None]]:
    return [
        (m.name or "", m.author)
        for m in conversations.load_messages(store, conversation_id=cid)
        if m.role == "system"
    ]


def test_a_new_conversation_is_with_the_assistant(store, cid):
    assert state(store, cid) == ("assistant", None)
    assert handoff.assistant_may_answer(store, conversation_id=cid)


def test_the_whole_life_assistant_waiting_person_resolved_reopened_handed_back(store, cid):
    ticket = ask_person(store, cid)
    assert state(store, cid) == ("waiting", None)
    assert not handoff.assistant_may_answer(store, conversation_id=cid)
    assert handoff.assistant_may_answer(store, conversation_id=cid, allow_while_waiting=True)

    inbox.claim_ticket(store, ticket_id=ticket, staff_name="Ana")
    assert state(store, cid) == ("with_person", "Ana")
    assert not handoff.assistant_may_answer(store, conversation_id=cid, allow_while_waiting=True)

    inbox.reply_as_staff(store, ticket_id=ticket, staff_name="Ana", text="Refund approved.")
    inbox.resolve_ticket(store, ticket_id=ticket, staff_name="Ana")
    assert state(store, cid) == ("resolved", "Ana")

    admission = handoff.accept_customer_message(
        store, conversation_id=cid, content="One more thing"
    )
    assert admission.reopened and not admission.may_answer
    assert (admission.state, admission.assignee) == ("with_person", "Ana")
    t = inbox.list_tickets(store)[0]
    assert (t.status, t.assignee, t.reopens, t.resolved_at) == ("claimed", "Ana", 1, None)

    inbox.hand_back_to_ai(store, ticket_id=ticket, staff_name="Ana")
    assert state(store, cid) == ("assistant", None)
    assert handoff.accept_customer_message(store, conversation_id=cid, content="ok").may_answer
    assert events(store, cid) == [
        ("handoff.requested", None),
        ("handoff.joined", "Ana"),
        ("handoff.resolved", "Ana"),
        ("handoff.reopened", None),
        ("handoff.handed_back", "Ana"),
    ]


def test_first_response_and_resolution_times_are_recorded(store, cid):
    ticket = ask_person(store, cid)
    assert inbox.list_tickets(store)[0].first_response_s is None
    inbox.reply_as_staff(store, ticket_id=ticket, staff_name="Bo", text="Hello!")  # claims
    t = inbox.list_tickets(store)[0]
    assert (t.status, t.assignee) == ("claimed", "Bo") and t.claimed_at is not None
    assert t.first_response_s is not None and t.first_response_s >= 0
    inbox.reply_as_staff(store, ticket_id=ticket, staff_name="Bo", text="Again")
    assert inbox.list_tickets(store)[0].first_response_at == t.first_response_at
    inbox.resolve_ticket(store, ticket_id=ticket, staff_name="Bo")
    done = inbox.list_tickets(store)[0]
    assert done.resolution_s is not None and done.resolution_s >= t.first_response_s


def test_waiting_can_be_resolved_or_handed_back_directly(store, cid):
    ticket = ask_person(store, cid)
    inbox.hand_back_to_ai(store, ticket_id=ticket, staff_name="Ana")
    assert state(store, cid) == ("assistant", None)
    second = ask_person(store, cid)
    assert second != ticket  # a new request after a hand back is a new ticket
    inbox.resolve_ticket(store, ticket_id=second, staff_name="Ana")
    assert state(store, cid) == ("resolved", "Ana")
    # nobody claimed it, but whoever resolved it gets the reopened conversation
    admission = handoff.accept_customer_message(store, conversation_id=cid, content="hello?")
    assert (admission.state, admission.assignee, admission.may_answer) == (
        "with_person",
        "Ana",
        False,
    )


def test_assign_to_a_colleague_moves_the_conversation(store, cid):
    ticket = ask_person(store, cid)
    inbox.assign_ticket(store, ticket_id=ticket, staff_name="Ana", assignee="Bo")
    assert state(store, cid) == ("with_person", "Bo")
    with pytest.raises(InvalidState):
        inbox.reply_as_staff(store, ticket_id=ticket, staff_name="Ana", text="mine now")
    inbox.assign_ticket(store, ticket_id=ticket, staff_name="Bo", assignee="Ana")
    assert state(store, cid) == ("with_person", "Ana")
    assert [e for e, _ in events(store, cid)].count("handoff.joined") == 2


def test_a_customer_cannot_act_on_a_ticket(store, cid):
    ticket = ask_person(store, cid)
    for action in (inbox.claim_ticket, inbox.resolve_ticket, inbox.hand_back_to_ai):
        with pytest.raises(PermissionDenied):
            action(store, ticket_id=ticket, staff_name="Sarah", actor=Actor.CUSTOMER)
    with pytest.raises(PermissionDenied):
        inbox.reply_as_staff(
            store, ticket_id=ticket, staff_name="Sarah", text="hi", actor=Actor.CUSTOMER
        )
    with pytest.raises(PermissionDenied):
        inbox.assign_ticket(
            store, ticket_id=ticket, staff_name="Sarah", assignee="Sarah", actor="customer"
        )
    assert state(store, cid) == ("waiting", None)
    assert [e for e, _ in events(store, cid)] == ["handoff.requested"]


def test_illegal_staff_moves_are_refused_and_change_nothing(store, cid):
    ticket = ask_person(store, cid)
    inbox.claim_ticket(store, ticket_id=ticket, staff_name="Ana")
    with pytest.raises(InvalidState):  # someone else holds it
        inbox.claim_ticket(store, ticket_id=ticket, staff_name="Bo")
    with pytest.raises(InvalidState):
        inbox.resolve_ticket(store, ticket_id=ticket, staff_name="Bo")
    with pytest.raises(InvalidState):
        inbox.hand_back_to_ai(store, ticket_id=ticket, staff_name="Bo")
    inbox.resolve_ticket(store, ticket_id=ticket, staff_name="Ana")
    before = events(store, cid)
    with pytest.raises(InvalidState):  # claiming a resolved ticket
        inbox.claim_ticket(store, ticket_id=ticket, staff_name="Ana")
    with pytest.raises(InvalidState):
        inbox.resolve_ticket(store, ticket_id=ticket, staff_name="Ana")
    with pytest.raises(InvalidState):
        inbox.hand_back_to_ai(store, ticket_id=ticket, staff_name="Ana")
    with pytest.raises(InvalidState):
        inbox.reply_as_staff(store, ticket_id=ticket, staff_name="Ana", text="late")
    with pytest.raises(InvalidState):
        inbox.assign_ticket(store, ticket_id=ticket, staff_name="Ana", assignee="Bo")
    assert events(store, cid) == before
    assert state(store, cid) == ("resolved", "Ana")


def test_another_customer_cannot_write_into_the_conversation(store, cid):
    with pytest.raises(NotFound):
        handoff.accept_customer_message(
            store, conversation_id=cid, content="hi", customer_id="CUST-4410"
        )
    with pytest.raises(NotFound):
        handoff.accept_customer_message(store, conversation_id="nope", content="hi")


def test_asking_again_while_waiting_returns_the_same_ticket(store, cid):
    first = ask_person(store, cid)
    assert ask_person(store, cid) == first
    inbox.claim_ticket(store, ticket_id=first, staff_name="Ana")
    assert ask_person(store, cid) == first  # still held: no second ticket
    assert state(store, cid) == ("with_person", "Ana")
    assert len(inbox.list_tickets(store)) == 1


def test_sixteen_concurrent_requests_open_one_ticket(store, cid):
    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = set(pool.map(lambda _: ask_person(store, cid), range(16)))
    assert len(ids) == 1
    with store() as uow:
        n = uow.session.scalar(select(func.count()).select_from(HandoffTicket))
    assert n == 1
    assert [e for e, _ in events(store, cid)] == ["handoff.requested"]


def test_the_database_refuses_a_second_active_ticket(store, cid):
    ask_person(store, cid)
    with pytest.raises(IntegrityError), store() as uow:
        uow.session.add(
            HandoffTicket(
                id="HT-DUPLICATE",
                conversation_id=cid,
                summary="x",
                status=TicketStatus.CLAIMED,
            )
        )
        uow.commit()
    # a closed ticket beside the active one is fine (history)
    with store() as uow:
        uow.session.add(
            HandoffTicket(id="HT-OLD", conversation_id=cid, summary="x", status="resolved")
        )
        uow.commit()


def test_unread_and_needs_reply(store, cid):
    ticket = ask_person(store, cid)
    row = inbox.list_conversations(store, status="needs_reply")[0]
    assert (row.id, row.needs_reply, row.unread) == (cid, True, 1)
    handoff.accept_customer_message(store, conversation_id=cid, content="Anyone?")
    assert inbox.list_conversations(store, status="needs_reply")[0].unread == 2
    t = inbox.transcript(store, conversation_id=cid)
    inbox.mark_read(store, conversation_id=cid, up_to=t.messages[-1].id)
    row = inbox.list_conversations(store, status="needs_reply")[0]
    assert (row.unread, row.updated_at) == (0, t.conversation.updated_at)  # reading is no activity
    inbox.reply_as_staff(store, ticket_id=ticket, staff_name="Ana", text="Here!")
    assert inbox.list_conversations(store, status="needs_reply") == []
    assert [r.id for r in inbox.list_conversations(store, status="with_person")] == [cid]
    assert [r.id for r in inbox.list_conversations(store, assignee="Ana")] == [cid]
    handoff.accept_customer_message(store, conversation_id=cid, content="Thanks!")
    assert inbox.list_conversations(store, status="needs_reply")[0].unread == 1
