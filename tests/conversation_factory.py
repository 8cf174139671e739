"""Builds recorded conversations for inbox and insights tests: messages with tokens and
latency, tool-call records and hand-off tickets, at chosen times."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

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
from services.uow import UowFactory

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Turn:
    user: str
    answer: str
    latency_ms: int = 800
    model: str = "offline"
    input_tokens: int = 0
    output_tokens: int = 0
    tools: list[tuple[str, str, int]] = field(default_factory=list)  # (name, outcome, ms)
    rating: int | None = None


def add_conversation(
    uow_factory: UowFactory,
    *,
    customer_id: str | None = "CUST-9821",
    at: datetime = T0,
    turns: list[Turn] | None = None,
    status: ConversationStatus = ConversationStatus.OPEN,
    ticket: str | None = None,
    ticket_status: TicketStatus = TicketStatus.OPEN,
    actor: Actor = Actor.CUSTOMER,
    title: str = "",
) -> str:
    conversation_id = str(uuid.uuid4())
    if ticket and status == ConversationStatus.ASSISTANT:
        # The state a real hand-off leaves the conversation in (services.handoff).
        status = {
            TicketStatus.OPEN: ConversationStatus.WAITING,
            TicketStatus.CLAIMED: ConversationStatus.WITH_PERSON,
            TicketStatus.RESOLVED: ConversationStatus.RESOLVED,
        }.get(ticket_status, status)
    with uow_factory() as uow:
        s = uow.session
        s.add(
            Conversation(
                id=conversation_id,
                customer_id=customer_id,
                actor=actor,
                title=title or (turns[0].user[:60] if turns else "New conversation"),
                status=status,
                created_at=at,
                updated_at=at,
            )
        )
        s.flush()
        clock = at
        for i, turn in enumerate(turns or []):
            clock += timedelta(seconds=30)
            s.add(
                Message(
                    conversation_id=conversation_id,
                    role="user",
                    content=turn.user,
                    created_at=clock,
                )
            )
            if turn.tools:
                s.add(
                    Message(
                        conversation_id=conversation_id,
                        role="assistant",
                        content="",
                        tool_calls=[
                            {"id": f"call_{i}_{j}", "name": name, "arguments": "{}"}
                            for j, (name, _, _) in enumerate(turn.tools)
                        ],
                        latency_ms=0,
                        model=turn.model,
                        input_tokens=0,
                        output_tokens=0,
                        created_at=clock,
                    )
                )
            for j, (name, outcome, ms) in enumerate(turn.tools):
                s.add(
                    Message(
                        conversation_id=conversation_id,
                        role="tool",
                        content='{"ok": true}',
                        tool_call_id=f"call_{i}_{j}",
                        name=name,
                        latency_ms=ms,
                        created_at=clock,
                    )
                )
                s.add(
                    ToolCallRecord(
                        conversation_id=conversation_id,
                        call_id=f"call_{i}_{j}",
                        name=name,
                        arguments='{"order_id": "ORD-78342"}',
                        outcome=outcome,
                        error_code="not_found" if outcome == "error" else None,
                        duration_ms=ms,
                        actor=actor,
                        customer_id=customer_id,
                        created_at=clock,
                    )
                )
            answer = Message(
                conversation_id=conversation_id,
                role="assistant",
                content=turn.answer,
                latency_ms=turn.latency_ms,
                model=turn.model,
                input_tokens=turn.input_tokens,
                output_tokens=turn.output_tokens,
                created_at=clock + timedelta(seconds=1),
            )
            s.add(answer)
            s.flush()
            if turn.rating is not None:
                s.add(
                    Feedback(
                        conversation_id=conversation_id,
                        message_id=answer.id,
                        rating=turn.rating,
                        created_at=clock + timedelta(seconds=5),
                    )
                )
        if ticket:
            s.add(
                HandoffTicket(
                    id=ticket,
                    conversation_id=conversation_id,
                    customer_id=customer_id,
                    summary="Customer wants a refund outside the return window.",
                    reason_category="policy_exception",
                    status=ticket_status,
                    created_at=clock,
                    updated_at=clock,
                )
            )
        uow.commit()
    return conversation_id
