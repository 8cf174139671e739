"""The desk's figures on a fixture whose every metric is worked out by hand below, on
SQLite and PostgreSQL: resolution with and without a person, durable resolution (72 h),
reopen rate, human first-response and resolution times, satisfaction, and tool outcomes
split into model mistakes, business refusals and failures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from seed_data.demo import load_demo
from services.insights import compute_insights
from services.insights_desk import outcome_class
from services.models import (
    Actor,
    Conversation,
    ConversationStatus,
    Feedback,
    HandoffTicket,
    Message,
    TicketStatus,
    ToolCallRecord,
)
from tests.conversation_factory import T0

H = timedelta(hours=1)
S = timedelta(seconds=1)


def _conv(s, cid: str, at, status: ConversationStatus) -> None:
    s.add(
        Conversation(
            id=cid,
            customer_id="CUST-9821",
            actor=Actor.CUSTOMER,
            status=status,
            created_at=at,
            updated_at=at,
        )
    )
    s.add(Message(conversation_id=cid, role="user", content="hi", created_at=at))
    s.add(
        Message(
            conversation_id=cid,
            role="assistant",
            content="hello",
            latency_ms=100,
            model="offline",
            created_at=at + S,
        )
    )


def _event(s, cid: str, name: str, at) -> None:
    s.add(Message(conversation_id=cid, role="system", content=name, name=name, created_at=at))


def _ticket(s, cid: str, at, *, first=None, resolved=None, status=TicketStatus.RESOLVED):
    s.add(
        HandoffTicket(
            id=f"HT-{cid}",
            conversation_id=cid,
            summary="s",
            status=status,
            assignee="Ana",
            created_at=at,
            updated_at=at,
            first_response_at=first and at + first,
            resolved_at=resolved and at + resolved,
        )
    )


def _tool(s, cid: str, name: str, code: str | None, at) -> None:
    s.add(
        ToolCallRecord(
            conversation_id=cid,
            name=name,
            arguments="{}",
            actor=Actor.CUSTOMER,
            outcome="error" if code else "ok",
            error_code=code,
            duration_ms=5,
            created_at=at,
        )
    )


@pytest.fixture
def desk(uow_factory):
    load_demo(uow_factory)
    with uow_factory() as uow:
        s = uow.session
        # C1: the assistant alone answered.
        _conv(s, "c1", T0, ConversationStatus.ASSISTANT)
        # C2: resolved by Ana, never reopened (first reply 120 s, resolved in 1800 s).
        _conv(s, "c2", T0 + H, ConversationStatus.RESOLVED)
        _ticket(s, "c2", T0 + H, first=120 * S, resolved=1800 * S)
        _event(s, "c2", "handoff.resolved", T0 + H + 1800 * S)
        # C3: resolved, reopened 10 h later (not durable), resolved again (durable).
        _conv(s, "c3", T0 + 2 * H, ConversationStatus.RESOLVED)
        _ticket(s, "c3", T0 + 2 * H, first=600 * S, resolved=12 * H)
        _event(s, "c3", "handoff.resolved", T0 + 4 * H)
        _event(s, "c3", "handoff.reopened", T0 + 14 * H)
        _event(s, "c3", "handoff.resolved", T0 + 14 * H + S)
        # C4: resolved, reopened 100 h later (durable: past 72 h); held by Ana again.
        _conv(s, "c4", T0 + 3 * H, ConversationStatus.WITH_PERSON)
        _ticket(s, "c4", T0 + 3 * H, first=60 * S, status=TicketStatus.CLAIMED)
        _event(s, "c4", "handoff.resolved", T0 + 4 * H)
        _event(s, "c4", "handoff.reopened", T0 + 104 * H)
        # C5: waiting, nobody answered yet.
        _conv(s, "c5", T0 + 4 * H, ConversationStatus.WAITING)
        _ticket(s, "c5", T0 + 4 * H, status=TicketStatus.OPEN)
        s.flush()
        for name, code in [
            ("get_order_status", None),
            ("get_order_status", "not_found"),  # refusal
            ("process_return", "insufficient_funds"),  # refusal: gift card too small
            ("cancel_order", "invalid_arguments"),  # model mistake
            ("made_up_tool", "unknown_tool"),  # model mistake
            ("get_order_status", "timeout"),  # failure
            ("get_order_status", "internal_error"),  # failure
        ]:
            _tool(s, "c1", name, code, T0 + 2 * S)
        answers = s.query(Message).filter(Message.role == "assistant").order_by(Message.id).all()
        for message, rating in zip(answers, [1, 1, 1, -1], strict=False):
            s.add(
                Feedback(
                    conversation_id=message.conversation_id,
                    message_id=message.id,
                    rating=rating,
                    created_at=T0 + 5 * H,
                )
            )
        uow.commit()
    return uow_factory


def test_the_desk_figures_match_the_hand_count(desk):
    got = compute_insights(desk, start=T0 - H, end=T0 + timedelta(days=10))
    assert got.conversations == 5
    assert (got.handed_off, got.handoff_rate) == (4, 0.8)
    assert got.resolved_without_handoff == 1  # c1
    d = got.desk
    assert d.resolved_by_person == 3  # c2, c3, c4
    assert (d.resolutions, d.durable_resolutions) == (4, 3)  # c3's first is not durable
    assert got.durable_resolution_rate == 0.75
    assert (d.reopened_conversations, d.reopens, got.reopen_rate) == (2, 2, 0.6667)
    # first responses 60, 120, 600 s: median (2nd) 120, p90 (3rd) 600
    assert (d.first_response_median_s, d.first_response_p90_s) == (120, 600)
    # resolutions of tickets resolved now: 1800 s and 12 h
    assert (d.resolution_median_s, d.resolution_p90_s) == (1800, 43200)
    assert (d.tickets, d.tickets_answered) == (4, 3)
    assert got.satisfaction == 0.75
    assert (got.tool_mistakes, got.tool_refusals, got.tool_failures) == (2, 2, 2)
    assert got.tool_failure_rate == 0.2857  # 2 of 7 calls were the system's fault
    by_tool = {o.name: o for o in got.tool_outcomes}
    assert by_tool["get_order_status"].model_dump() == {
        "name": "get_order_status",
        "ok": 1,
        "mistake": 0,
        "refusal": 1,
        "failure": 2,
    }
    assert next(o.name for o in got.tool_outcomes) == "get_order_status"  # most calls first


def test_a_range_that_ends_before_the_late_reopen(desk):
    got = compute_insights(desk, start=T0 - H, end=T0 + 20 * H)
    # c4's reopen (T0+104 h) is outside: 1 reopen event; every figure else as above
    assert (got.desk.reopens, got.desk.resolutions, got.desk.durable_resolutions) == (1, 4, 3)


@pytest.mark.parametrize(
    ("outcome", "code", "kind"),
    [
        ("ok", None, "ok"),
        ("confirmation_required", None, "ok"),
        ("error", "policy_violation", "refusal"),
        ("error", "permission_denied", "refusal"),
        ("error", "invalid_state", "refusal"),
        ("error", "limit_reached", "mistake"),
        ("error", None, "failure"),
    ],
)
def test_outcome_classes(outcome, code, kind):
    assert outcome_class(outcome, code) == kind
