"""Support metrics over a date range, aggregated in SQL on SQLite and PostgreSQL alike.

Definitions (the Insights page shows them next to the tiles):
- conversations: conversations created in [start, end).
- handed off: of those, the ones with a hand-off ticket or in status handed_off.
- resolved without hand-off: of those, the ones with at least one assistant answer that
  were never handed off (the usual "containment" of a support bot).
- turns: customer/staff user messages in those conversations.
- turn latency: per turn started in the range (a user message up to the next one), the
  model time of its answers plus its tool time; percentiles by nearest rank (p95 of 20
  turns is the 19th smallest), computed with window functions.
- tool calls, errors, p95 duration: tool-call records created in the range.
- tokens: assistant messages created in the range, by model; cost = tokens x price table.
- feedback: thumbs recorded in the range; satisfaction = up / (up + down).
- the desk's figures (resolution by a person, durable resolution, reopens, human
  response times) and tool outcomes split by whose fault: `services.insights_desk`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Date, and_, case, cast, exists, func, or_, select

from services.errors import InvalidRequest
from services.insights_desk import DeskFigures, ToolOutcomes, desk_figures, tool_outcomes
from services.models import (
    Conversation,
    ConversationStatus,
    Feedback,
    HandoffTicket,
    Message,
    ToolCallRecord,
)
from services.pricing import DEFAULT_PRICES, ModelPrice, cost_of, price_for
from services.uow import UowFactory

__all__ = ["DEFAULT_PRICES", "Insights", "ModelPrice", "compute_insights"]


class ToolStat(BaseModel):
    name: str
    calls: int
    errors: int
    error_rate: float
    p95_ms: int


class ModelUsage(BaseModel):
    model: str
    answers: int
    input_tokens: int
    output_tokens: int
    cost: Decimal | None  # None when the price table has no row for the model


class DayPoint(BaseModel):
    day: date
    conversations: int
    handed_off: int


class Insights(BaseModel):
    start: datetime
    end: datetime
    conversations: int
    resolved_without_handoff: int
    handed_off: int
    handoff_rate: float
    resolution_rate: float
    turns: int
    turns_per_conversation: float
    p50_latency_ms: int | None
    p95_latency_ms: int | None
    tool_calls: int
    tool_errors: int
    tool_error_rate: float
    tools: list[ToolStat]
    models: list[ModelUsage]
    total_cost: Decimal
    feedback_up: int
    feedback_down: int
    daily: list[DayPoint]
    satisfaction: float | None = None  # thumbs up / all thumbs; None without any
    desk: DeskFigures = DeskFigures()
    durable_resolution_rate: float = 0.0
    reopen_rate: float = 0.0
    tool_outcomes: list[ToolOutcomes] = []
    tool_mistakes: int = 0
    tool_refusals: int = 0
    tool_failures: int = 0
    tool_failure_rate: float = 0.0  # failures / calls: the system's own fault


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _in_range(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


def _nearest_rank(percent: int, n: Any) -> Any:
    # ceil(percent * n / 100) in integer arithmetic, valid on both backends.
    return (n * percent + 99) // 100


def compute_insights(
    uow_factory: UowFactory,
    *,
    start: datetime,
    end: datetime,
    prices: list[ModelPrice] | None = None,
) -> Insights:
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidRequest("Use timezone-aware datetimes for the range.")
    if end <= start:
        raise InvalidRequest("The end of the range must come after its start.")
    table = DEFAULT_PRICES if prices is None else prices
    with uow_factory() as uow:
        session = uow.session
        conv = _conversation_figures(session, start, end)
        p50, p95 = _latency_percentiles(session, start, end)
        tools = _tool_stats(session, start, end)
        models = _model_usage(session, start, end, table)
        up, down = session.execute(
            select(
                func.coalesce(func.sum(case((Feedback.rating > 0, 1), else_=0)), 0),
                func.coalesce(func.sum(case((Feedback.rating < 0, 1), else_=0)), 0),
            ).where(_in_range(Feedback.created_at, start, end))
        ).one()
        daily = _daily(session, start, end)
        desk = desk_figures(session, start, end)
        outcomes = tool_outcomes(session, start, end)
    total, handed, resolved, turns = conv
    calls = sum(t.calls for t in tools)
    errors = sum(t.errors for t in tools)
    return Insights(
        start=start,
        end=end,
        conversations=total,
        resolved_without_handoff=resolved,
        handed_off=handed,
        handoff_rate=_rate(handed, total),
        resolution_rate=_rate(resolved, total),
        turns=turns,
        turns_per_conversation=round(turns / total, 2) if total else 0.0,
        p50_latency_ms=p50,
        p95_latency_ms=p95,
        tool_calls=calls,
        tool_errors=errors,
        tool_error_rate=_rate(errors, calls),
        tools=tools,
        models=models,
        total_cost=sum((m.cost for m in models if m.cost is not None), Decimal("0")),
        feedback_up=int(up),
        feedback_down=int(down),
        daily=daily,
        satisfaction=_rate(int(up), int(up) + int(down)) if int(up) + int(down) else None,
        desk=desk,
        durable_resolution_rate=_rate(desk.durable_resolutions, desk.resolutions),
        reopen_rate=_rate(desk.reopened_conversations, desk.resolved_by_person),
        tool_outcomes=outcomes,
        tool_mistakes=sum(o.mistake for o in outcomes),
        tool_refusals=sum(o.refusal for o in outcomes),
        tool_failures=sum(o.failure for o in outcomes),
        tool_failure_rate=_rate(sum(o.failure for o in outcomes), calls),
    )


def _handed_off() -> ColumnElement[bool]:
    has_ticket = exists().where(HandoffTicket.conversation_id == Conversation.id)
    person = Conversation.status.in_((ConversationStatus.WAITING, ConversationStatus.WITH_PERSON))
    return or_(person, has_ticket)


def _conversation_figures(session: Any, start: datetime, end: datetime) -> tuple[int, ...]:
    answered = exists().where(
        Message.conversation_id == Conversation.id, Message.role == "assistant"
    )
    turns = (
        select(func.count(Message.id))
        .where(Message.conversation_id == Conversation.id, Message.role == "user")
        .correlate(Conversation)
        .scalar_subquery()
    )
    handed = _handed_off()
    row = session.execute(
        select(
            func.count(Conversation.id),
            func.coalesce(func.sum(case((handed, 1), else_=0)), 0),
            func.coalesce(func.sum(case((and_(answered, ~handed), 1), else_=0)), 0),
            func.coalesce(func.sum(turns), 0),
        ).where(_in_range(Conversation.created_at, start, end))
    ).one()
    return tuple(int(v) for v in row)


def _turn_latencies(start: datetime, end: datetime) -> Any:
    """One row per turn that started in the range: its total latency in ms.

    A turn is a user message and everything after it up to the next user message; its
    latency is the model time of its answers plus the time of its tool calls (parallel
    calls are counted in full, so this leans high, never low).
    """
    turn_no = func.sum(case((Message.role == "user", 1), else_=0)).over(
        partition_by=Message.conversation_id, order_by=Message.id
    )
    numbered = select(
        Message.conversation_id.label("cid"),
        turn_no.label("turn"),
        Message.role.label("role"),
        Message.latency_ms.label("ms"),
        Message.created_at.label("at"),
    ).subquery()
    timed = numbered.c.role.in_(("assistant", "tool"))
    answered = and_(numbered.c.role == "assistant", numbered.c.ms.is_not(None))
    return (
        select(func.sum(case((timed, func.coalesce(numbered.c.ms, 0)), else_=0)).label("ms"))
        .where(numbered.c.turn > 0)
        .group_by(numbered.c.cid, numbered.c.turn)
        .having(func.sum(case((answered, 1), else_=0)) > 0)
        .having(_in_range(func.min(numbered.c.at), start, end))
        .subquery()
    )


def _latency_percentiles(
    session: Any, start: datetime, end: datetime
) -> tuple[int | None, int | None]:
    turns = _turn_latencies(start, end)
    ranked = select(
        turns.c.ms.label("v"),
        func.row_number().over(order_by=turns.c.ms).label("rn"),
        func.count().over().label("n"),
    ).subquery()
    found: dict[int, int] = {}
    for pct in (50, 95):
        value = session.scalar(
            select(ranked.c.v).where(ranked.c.rn == _nearest_rank(pct, ranked.c.n))
        )
        if value is not None:
            found[pct] = int(value)
    return found.get(50), found.get(95)


def _tool_stats(session: Any, start: datetime, end: datetime) -> list[ToolStat]:
    ranked = (
        select(
            ToolCallRecord.name.label("name"),
            ToolCallRecord.duration_ms.label("ms"),
            case((ToolCallRecord.outcome == "error", 1), else_=0).label("err"),
            func.row_number()
            .over(
                partition_by=ToolCallRecord.name,
                order_by=(ToolCallRecord.duration_ms, ToolCallRecord.id),
            )
            .label("rn"),
            func.count().over(partition_by=ToolCallRecord.name).label("n"),
        )
        .where(_in_range(ToolCallRecord.created_at, start, end))
        .subquery()
    )
    p95 = func.max(case((ranked.c.rn == _nearest_rank(95, ranked.c.n), ranked.c.ms), else_=None))
    rows = session.execute(
        select(ranked.c.name, func.count(), func.sum(ranked.c.err), p95)
        .group_by(ranked.c.name)
        .order_by(func.count().desc(), ranked.c.name)
    ).all()
    return [
        ToolStat(
            name=name,
            calls=int(n),
            errors=int(err or 0),
            error_rate=_rate(int(err or 0), int(n)),
            p95_ms=int(ms or 0),
        )
        for name, n, err, ms in rows
    ]


def _model_usage(
    session: Any, start: datetime, end: datetime, table: list[ModelPrice]
) -> list[ModelUsage]:
    model = func.coalesce(func.nullif(Message.model, ""), Conversation.model, "")
    rows = session.execute(
        select(
            model,
            func.count(Message.id),
            func.coalesce(func.sum(Message.input_tokens), 0),
            func.coalesce(func.sum(Message.output_tokens), 0),
        )
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(Message.role == "assistant", _in_range(Message.created_at, start, end))
        .group_by(model)
        .order_by(model)
    ).all()
    usage = []
    for name, answers, tokens_in, tokens_out in rows:
        price = price_for(name, table)
        usage.append(
            ModelUsage(
                model=name or "unknown",
                answers=int(answers),
                input_tokens=int(tokens_in),
                output_tokens=int(tokens_out),
                cost=cost_of(price, int(tokens_in), int(tokens_out)) if price else None,
            )
        )
    return usage


def _daily(session: Any, start: datetime, end: datetime) -> list[DayPoint]:
    if session.get_bind().dialect.name == "postgresql":
        day: Any = cast(func.timezone("UTC", Conversation.created_at), Date)
    else:  # SQLite keeps UTC text; date() takes its first ten characters.
        day = func.date(Conversation.created_at)
    rows = session.execute(
        select(day, func.count(), func.sum(case((_handed_off(), 1), else_=0)))
        .where(_in_range(Conversation.created_at, start, end))
        .group_by(day)
        .order_by(day)
    ).all()
    return [
        DayPoint(
            day=d if isinstance(d, date) else date.fromisoformat(str(d)),
            conversations=int(n),
            handed_off=int(h or 0),
        )
        for d, n, h in rows
    ]
