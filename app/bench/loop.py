"""`storedesk bench loop`: what the conversation loop itself costs per turn.

A scripted model (no language model: it asks for `get_order_status` on the customer's
message, then answers) drives `run_turn` on a generated SQLite store. The loop's overhead
is the turn's wall time minus the time spent inside the model and inside the tool's
handler: persistence, history, schemas, dispatch, audit. Its baseline, measured in
alternation in the same run, is the floor of the same turn's writes in raw SQL (four
messages, each committed before the next step, and the audit row).

One conversation is carried on for ``turns`` turns, so the overhead at turn 200 can be
compared with turn 1 (the history grows by four messages a turn).
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from app.agent.events import ErrorEvent, TurnFinished
from app.agent.loop import run_turn
from app.agent.model import (
    ChatMessage,
    ModelEvent,
    ModelFinished,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)
from app.bench.raw import Raw, turn_writes
from app.bench.stores import Progress, Store, clock, sample, sqlite_store
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats, ms
from app.tools.base import Tool, ToolSet
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services import conversations
from services.models import Actor

COLUMNS = ["path", *STATS_COLUMNS, "ratio to baseline"]
TARGET_P95_MS = 3.0
ANSWER = "Your order is on its way; it should arrive within the week."


class BenchModel:
    """Asks for the order's status when the customer writes, answers once it has it."""

    provider = "scripted"
    in_process = True  # as the offline engine: read on the turn's thread
    model = "bench"
    label = "bench model"

    def __init__(self) -> None:
        self.order_id = ""
        self.seconds = 0.0
        self.cpu = 0.0
        self.calls = 0

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        # Decided up front and timed, so the loop's work between events is not counted.
        started, cpu = time.perf_counter(), time.thread_time()
        self.calls += 1
        events: list[ModelEvent]
        if messages[-1].role == "user":
            arguments = json.dumps({"order_id": self.order_id})
            call = ToolCallRequest(f"call_{self.calls}", "get_order_status", arguments)
            events = [call, ModelFinished(finish_reason="tool_calls", model=self.model)]
        else:
            events = [TextChunk(ANSWER), ModelFinished(model=self.model)]
        self.seconds += time.perf_counter() - started
        self.cpu += time.thread_time() - cpu
        yield from events


def timed_toolset(
    toolset: ToolSet, spent: list[float], spent_cpu: list[float] | None = None
) -> ToolSet:
    """The same tools, each handler's time (and CPU) added up (the tools' own work)."""

    def wrap(handler: Callable[..., Any]) -> Callable[..., Any]:
        def timed(ctx: ToolContext, args: Any) -> Any:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return handler(ctx, args)
            finally:
                spent.append(time.perf_counter() - started)
                if spent_cpu is not None:
                    spent_cpu.append(time.thread_time() - cpu)

        return timed

    tools: list[Tool] = [dataclasses.replace(t, handler=wrap(t.handler)) for t in toolset.tools]
    return ToolSet(toolset.name, tools, error_style=toolset.error_style)


@dataclasses.dataclass
class TurnTimes:
    wall_ms: list[float] = dataclasses.field(default_factory=list)
    overhead_ms: list[float] = dataclasses.field(default_factory=list)
    overhead_cpu_ms: list[float] = dataclasses.field(default_factory=list)


def run(
    *,
    orders: int = 10_000,
    turns: int = 200,
    conversations_n: int = 3,
    max_seconds: float = 120.0,
    progress: Progress | None = None,
    store_for: Callable[[int], Store] | None = None,
) -> Result:
    store = (store_for or (lambda k: sqlite_store(k, progress=progress)))(orders)
    result = Result("loop", f"loop overhead per turn (scripted model, {orders:,} orders)", COLUMNS)
    uow_factory = store.uow_factory
    picks = sample(store, size=conversations_n)
    spent: list[float] = []
    spent_cpu: list[float] = []
    toolset = timed_toolset(SUPPORT, spent, spent_cpu)
    model = BenchModel()
    raw = Raw(uow_factory.engine)
    times = TurnTimes()
    by_turn: dict[int, list[float]] = {}
    cpu_by_turn: dict[int, list[float]] = {}
    floor: list[float] = []
    deadline = time.perf_counter() + max_seconds
    errors = 0
    try:
        for order_id, customer_id in picks.orders:
            conversation = conversations.start_conversation(
                uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id, title="bench loop"
            )
            ctx = ToolContext(
                uow_factory=uow_factory,
                actor=Actor.CUSTOMER,
                customer_id=customer_id,
                conversation_id=conversation.id,
                clock=clock,
            )
            floor_conversation = conversations.start_conversation(
                uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id, title="bench floor"
            ).id
            model.order_id = order_id
            result_text = ""
            for turn in range(1, turns + 1):
                if time.perf_counter() > deadline:
                    break
                spent.clear()
                spent_cpu.clear()
                model.seconds = model.cpu = 0.0
                started, cpu = time.perf_counter(), time.process_time()
                for event in run_turn(
                    conversation_id=conversation.id,
                    user_text=f"Where is my order {order_id}? (message {turn})",
                    model=model,
                    toolset=toolset,
                    ctx=ctx,
                ):
                    if isinstance(event, ErrorEvent):
                        errors += 1
                    elif isinstance(event, TurnFinished):
                        result_text = event.text
                wall = time.perf_counter() - started
                cpu = time.process_time() - cpu
                times.wall_ms.append(wall * 1000)
                times.overhead_cpu_ms.append((cpu - model.cpu - sum(spent_cpu)) * 1000)
                cpu_by_turn.setdefault(turn, []).append(times.overhead_cpu_ms[-1])
                overhead = (wall - model.seconds - sum(spent)) * 1000
                times.overhead_ms.append(overhead)
                by_turn.setdefault(turn, []).append(overhead)
                # The floor of the same turn, right after it (same load).
                started = time.perf_counter()
                turn_writes(
                    raw,
                    floor_conversation,
                    customer_id,
                    [f"Where is my order {order_id}?", "[]", "{}" * 600, ANSWER],
                )
                floor.append((time.perf_counter() - started) * 1000)
            if result_text != ANSWER:
                errors += 1
    finally:
        raw.close()
    base = Stats.of(floor)
    result.add("baseline: the turn's writes in raw SQL (4 commits)", base)
    overall = Stats.of(times.overhead_ms)
    result.add("loop overhead per turn (all turns)", overall, base)
    early = Stats.of([x for t, xs in by_turn.items() if t <= 10 for x in xs])
    late_from = max(1, max(by_turn, default=1) - 9)
    late = Stats.of([x for t, xs in by_turn.items() if t >= late_from for x in xs])
    result.add("loop overhead, turns 1-10", early, base)
    result.add(f"loop overhead, turns {late_from}-{max(by_turn, default=0)}", late, base)
    result.add("whole turn (wall, model and tool included)", Stats.of(times.wall_ms), base)
    cpu_all = Stats.of(times.overhead_cpu_ms)
    cpu_early = Stats.of([x for t, xs in cpu_by_turn.items() if t <= 10 for x in xs])
    cpu_late = Stats.of([x for t, xs in cpu_by_turn.items() if t >= late_from for x in xs])
    result.add("loop overhead CPU per turn (all turns)", cpu_all, base)
    result.add("loop overhead CPU, turns 1-10", cpu_early, base)
    result.add(f"loop overhead CPU, turns {late_from}-{max(by_turn, default=0)}", cpu_late, base)
    ok = overall.p95 <= TARGET_P95_MS
    result.notes += [
        f"target: p95 ≤ {TARGET_P95_MS:g} ms per turn: {ms(overall.p95)} ms, "
        f"{'met' if ok else 'MISSED'}; turns {late_from}+ / turns 1-10 median: "
        f"{late.median / early.median:.2f}x"
        if early.n and late.n
        else "too few turns",
        f"CPU (less sensitive to other processes): p95 {ms(cpu_all.p95)} ms; turns "
        f"{late_from}+ / turns 1-10 median: "
        + (f"{cpu_late.median / cpu_early.median:.2f}x" if cpu_early.n and cpu_late.n else "-"),
        f"{len(picks.orders)} conversation(s) of up to {turns} turns; {errors} error(s)",
        "overhead = wall time of run_turn minus the time inside the model and the tool "
        "handler (persistence, history, schemas, dispatch, audit)",
    ]
    return result
