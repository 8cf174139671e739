"""`storedesk bench turns`: the CPU of one offline turn on PostgreSQL, and its floor.

A customer asks the offline engine (the default model when no API key is set) where one
of their orders is; the engine calls `get_order_status` and answers. The CPU time of the
whole `run_turn` is measured in this process (engine, loop, dispatcher, ORM, driver; the
server's CPU is not in it). Baselines, in alternation in the same run: the engine's own
decisions alone, and the raw SQL of the turn's database work (the order's rows read, the
four messages and the audit row written, each message committed before the next step).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.agent.events import ErrorEvent
from app.agent.loop import run_turn
from app.agent.model import ChatMessage, ModelEvent, StreamOptions
from app.agent.offline.engine import OfflineModel
from app.bench.raw import Raw, turn_writes
from app.bench.stores import Progress, Store, clock, postgres_store, sample
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats, ms
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services import conversations
from services.models import Actor

COLUMNS = ["path", *STATS_COLUMNS, "ratio to baseline"]
TARGET_CPU_MS = 5.0
TURNS_PER_CONVERSATION = 4


class TimedModel(OfflineModel):
    """The offline engine, with the CPU of its decisions added up."""

    def __init__(self) -> None:
        self.cpu = 0.0

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        started = time.process_time()
        events = list(super().stream(messages, tools, options))
        self.cpu += time.process_time() - started
        yield from events


@dataclass
class Series:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    model_cpu: list[float] = field(default_factory=list)
    floor_cpu: list[float] = field(default_factory=list)
    floor_wall: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def question(order_id: str, turn: int) -> str:
    return f"Where is my order {order_id}?" if turn % 2 else f"Any news on order {order_id}?"


def run(
    *,
    orders: int = 10_000,
    n: int = 300,
    max_seconds: float = 60.0,
    progress: Progress | None = None,
    store_for: Callable[[int], Store] | None = None,
) -> Result:
    store = (store_for or (lambda k: postgres_store(k, progress=progress)))(orders)
    uow_factory = store.uow_factory
    picks = sample(store, size=max(1, n // TURNS_PER_CONVERSATION))
    model = TimedModel()
    raw = Raw(uow_factory.engine)
    found = Series()
    deadline = time.perf_counter() + max_seconds
    try:
        for k in range(n):
            if time.perf_counter() > deadline:
                break
            order_id, customer_id = picks.orders[(k // TURNS_PER_CONVERSATION) % len(picks.orders)]
            if k % TURNS_PER_CONVERSATION == 0:
                conversation = conversations.start_conversation(
                    uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id, title="bench"
                ).id
                floor_conversation = conversations.start_conversation(
                    uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id, title="floor"
                ).id
                ctx = ToolContext(
                    uow_factory=uow_factory,
                    actor=Actor.CUSTOMER,
                    customer_id=customer_id,
                    conversation_id=conversation,
                    clock=clock,
                )
            model.cpu = 0.0
            cpu, wall = time.process_time(), time.perf_counter()
            for event in run_turn(
                conversation_id=conversation,
                user_text=question(order_id, k),
                model=model,
                toolset=SUPPORT,
                ctx=ctx,
            ):
                if isinstance(event, ErrorEvent):
                    found.errors.append(f"{event.code}: {event.message[:100]}")
            found.cpu.append((time.process_time() - cpu) * 1000)
            found.wall.append((time.perf_counter() - wall) * 1000)
            found.model_cpu.append(model.cpu * 1000)
            cpu, wall = time.process_time(), time.perf_counter()
            raw.order(order_id, customer_id)
            turn_writes(raw, floor_conversation, customer_id,
                        [question(order_id, k), "[]", "{}" * 600, "answer " * 40])  # fmt: skip
            found.floor_cpu.append((time.process_time() - cpu) * 1000)
            found.floor_wall.append((time.perf_counter() - wall) * 1000)
    finally:
        raw.close()
    return _result(found, orders)


def _result(found: Series, orders: int) -> Result:
    result = Result(
        "turns", f"offline turn on PostgreSQL ({orders:,} orders), CPU of this process", COLUMNS
    )
    floor_cpu = Stats.of(found.floor_cpu)
    result.add("baseline: the turn's SQL, raw (CPU)", floor_cpu)
    cpu = Stats.of(found.cpu)
    result.add("offline turn (CPU)", cpu, floor_cpu)
    result.add("  of which the engine's decisions (CPU)", Stats.of(found.model_cpu), floor_cpu)
    floor_wall = Stats.of(found.floor_wall)
    result.add("baseline: the turn's SQL, raw (wall)", floor_wall)
    result.add("offline turn (wall)", Stats.of(found.wall), floor_wall)
    ok = cpu.median <= TARGET_CPU_MS
    result.notes += [
        f"target: ≤ {TARGET_CPU_MS:g} ms CPU per offline turn: median {ms(cpu.median)} ms, "
        f"{'met' if ok else 'MISSED'}",
        f"{len(found.errors)} error(s)" + (f"; first: {found.errors[0]}" if found.errors else ""),
        "CPU is time.process_time() of this process (all its threads); PostgreSQL's own CPU "
        "is not included",
    ]
    return result
