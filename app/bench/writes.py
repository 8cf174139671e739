"""`storedesk bench writes`: a return through the dispatcher, previewed then confirmed.

A customer session asks `process_return` for one of its delivered orders (the preview:
every check runs, nothing changes, a confirmation id is stored), then the customer's
confirm applies it (`confirm_pending`, what the Confirm button calls). Each order is
used once. The baseline, in alternation in the same run, is the raw SQL of the same
order's rows read and one row written and committed: the floor of any write tool.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from app.agent.confirm import confirm_pending
from app.bench.raw import AUDIT, Raw
from app.bench.stores import Progress, Store, clock, sample, sqlite_store
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats, ms
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.support import SUPPORT
from services import conversations
from services.models import Actor

COLUMNS = ["path", *STATS_COLUMNS, "ratio to baseline"]
TARGET_P99_MS = 10.0


def run(
    *,
    orders: int = 1_000_000,
    n: int = 300,
    max_seconds: float = 60.0,
    progress: Progress | None = None,
    store_for: Callable[[int], Store] | None = None,
) -> Result:
    store = (store_for or (lambda k: sqlite_store(k, progress=progress)))(orders)
    uow_factory = store.uow_factory
    picks = sample(store, size=1, delivered=n)
    raw = Raw(uow_factory.engine)
    floor: list[float] = []
    previews: list[float] = []
    confirms: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + max_seconds
    try:
        for order_id, customer_id in picks.delivered:
            if time.perf_counter() > deadline:
                break
            conversation = conversations.start_conversation(
                uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id, title="bench writes"
            )
            ctx = ToolContext(
                uow_factory=uow_factory,
                actor=Actor.CUSTOMER,
                customer_id=customer_id,
                conversation_id=conversation.id,
                clock=clock,
            )
            started = time.perf_counter()
            raw.order(order_id, customer_id)
            _write_floor(raw, conversation.id, customer_id)
            floor.append((time.perf_counter() - started) * 1000)

            started = time.perf_counter()
            shown = dispatch(
                SUPPORT,
                ctx,
                "process_return",
                {"order_id": order_id, "reason": "changed_mind"},
                call_id="bench",
            )
            previews.append((time.perf_counter() - started) * 1000)
            if shown.confirmation is None:
                errors.append(f"preview {order_id}: {shown.result[:120]}")
                continue
            started = time.perf_counter()
            done = confirm_pending(ctx, confirmation_id=shown.confirmation.confirmation_id)
            confirms.append((time.perf_counter() - started) * 1000)
            if not done.ok:
                errors.append(f"confirm {order_id}: {done.message[:120]}")
    finally:
        raw.close()
    base = Stats.of(floor)
    result = Result("writes", f"write tools: process_return ({orders:,} orders)", COLUMNS)
    result.add("baseline: raw SQL, read the order's rows + write one row", base)
    preview, confirm = Stats.of(previews), Stats.of(confirms)
    result.add("process_return preview (dispatcher)", preview, base)
    result.add("process_return confirm (confirm_pending)", confirm, base)
    for label, stats in (("preview", preview), ("confirm", confirm)):
        ok = stats.p99 <= TARGET_P99_MS
        result.notes.append(
            f"{label}: p99 {ms(stats.p99)} ms (target ≤ {TARGET_P99_MS:g} ms): "
            f"{'met' if ok else 'MISSED'}"
        )
    result.notes.append(f"{len(errors)} error(s)" + (f"; first: {errors[0]}" if errors else ""))
    return result


def _write_floor(raw: Raw, conversation_id: str, customer_id: str) -> None:
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    cursor = raw.connection.cursor()
    try:
        statement = AUDIT if raw.qmark else AUDIT.replace("?", "%s")
        cursor.execute(statement, (conversation_id, "b", "floor", "{}", customer_id, now))
    finally:
        cursor.close()
    raw.connection.commit()
