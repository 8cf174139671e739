"""The desk's figures, as support teams measure them (Intercom Fin, Chatwoot Captain).

Definitions (the Insights page shows them beside the tiles):
- resolved by a person: conversations created in the range with a "marked resolved"
  event (services.handoff) at any time.
- durable resolution: of the resolutions (events) in the range, the ones the customer
  did not reopen within 72 hours. A reopen is the customer writing after Resolve.
- reopen rate: of the conversations resolved by a person, the ones reopened at least
  once (a reopen counts only after a resolution).
- human first response: per ticket opened in the range, the time from the hand-off to
  the first staff reply; resolution time: to the (last) Resolve. Median and p90 by
  nearest rank, over the tickets that have one.
- satisfaction: thumbs up out of all thumbs given in the range.
- tool outcomes: each failed tool call in the range is a model mistake (unknown tool,
  invalid arguments, an impossible request, too many calls), a business refusal (not
  found, not allowed, wrong state, gift card too small, out of stock...) or a failure
  (internal error, timeout): only failures are the system's fault.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, select

from services.handoff import REOPENED, RESOLVED
from services.models import Conversation, HandoffTicket, Message, ToolCallRecord

DURABLE_WINDOW = timedelta(hours=72)
MODEL_MISTAKES = frozenset(
    {"unknown_tool", "invalid_arguments", "invalid_request", "limit_reached", "invalid_json"}
)
FAILURES = frozenset({"internal_error", "timeout", "interrupted", "tool_error"})


def outcome_class(outcome: str, error_code: str | None) -> str:
    """ok | mistake | refusal | failure for one tool-call record."""
    if outcome != "error":
        return "ok"
    code = error_code or "internal_error"
    if code in MODEL_MISTAKES:
        return "mistake"
    if code in FAILURES:
        return "failure"
    return "refusal"  # a typed domain error: the store said no, correctly


class ToolOutcomes(BaseModel):
    name: str
    ok: int = 0
    mistake: int = 0
    refusal: int = 0
    failure: int = 0

    @property
    def calls(self) -> int:
        return self.ok + self.mistake + self.refusal + self.failure


class DeskFigures(BaseModel):
    resolved_by_person: int = 0
    resolutions: int = 0  # resolve events in the range
    durable_resolutions: int = 0
    reopened_conversations: int = 0
    reopens: int = 0  # reopen events in the range
    first_response_median_s: float | None = None
    first_response_p90_s: float | None = None
    resolution_median_s: float | None = None
    resolution_p90_s: float | None = None
    tickets: int = 0
    tickets_answered: int = 0


def nearest_rank(values: list[float], percent: int) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent * len(ordered) / 100) - 1)]


def desk_figures(session: Any, start: datetime, end: datetime) -> DeskFigures:
    in_range = and_(Conversation.created_at >= start, Conversation.created_at < end)
    events = session.execute(
        select(Message.conversation_id, Message.name, Message.created_at)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(Message.role == "system", Message.name.in_((RESOLVED, REOPENED)))
        .order_by(Message.conversation_id, Message.id)
    ).all()
    by_conv: dict[str, list[tuple[str, datetime]]] = {}
    for cid, name, at in events:
        by_conv.setdefault(cid, []).append((name, at))
    created = {
        cid
        for (cid,) in session.execute(select(Conversation.id).where(in_range)).all()
        if cid in by_conv
    }
    figures = DeskFigures()
    for cid, timeline in by_conv.items():
        resolved_here = any(n == RESOLVED for n, _ in timeline)
        if cid in created and resolved_here:
            figures.resolved_by_person += 1
            if any(n == REOPENED for n, _ in timeline):
                figures.reopened_conversations += 1
        for i, (name, at) in enumerate(timeline):
            if not start <= at < end:
                continue
            if name == REOPENED:
                figures.reopens += 1
                continue
            figures.resolutions += 1
            reopened_soon = any(
                n == REOPENED and later - at <= DURABLE_WINDOW for n, later in timeline[i + 1 :]
            )
            figures.durable_resolutions += not reopened_soon
    tickets = session.execute(
        select(
            HandoffTicket.created_at,
            HandoffTicket.first_response_at,
            HandoffTicket.resolved_at,
            HandoffTicket.status,
        ).where(HandoffTicket.created_at >= start, HandoffTicket.created_at < end)
    ).all()
    first = [(r - c).total_seconds() for c, r, _, _ in tickets if r is not None]
    solved = [
        (done - c).total_seconds()
        for c, _, done, status in tickets
        if done is not None and status == "resolved"
    ]
    figures.tickets = len(tickets)
    figures.tickets_answered = len(first)
    figures.first_response_median_s = nearest_rank(first, 50)
    figures.first_response_p90_s = nearest_rank(first, 90)
    figures.resolution_median_s = nearest_rank(solved, 50)
    figures.resolution_p90_s = nearest_rank(solved, 90)
    return figures


def tool_outcomes(session: Any, start: datetime, end: datetime) -> list[ToolOutcomes]:
    rows = session.execute(
        select(ToolCallRecord.name, ToolCallRecord.outcome, ToolCallRecord.error_code).where(
            ToolCallRecord.created_at >= start, ToolCallRecord.created_at < end
        )
    ).all()
    found: dict[str, ToolOutcomes] = {}
    for name, outcome, code in rows:
        stats = found.setdefault(name, ToolOutcomes(name=name))
        kind = outcome_class(outcome, code)
        setattr(stats, kind, getattr(stats, kind) + 1)
    return sorted(found.values(), key=lambda s: (-s.calls, s.name))
