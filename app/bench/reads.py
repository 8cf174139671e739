"""`storedesk bench reads`: read tools through the dispatcher against the raw SQL of the
same rows, on generated SQLite stores of several sizes (the target: flat from 10k to 1M).

Each size runs every path in alternation over the same random orders and products (fixed
seed): the raw SQL baseline, the service alone, and the dispatcher (validation, time
limit, audit record), as a customer session scoped to the order's owner.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from app.bench.raw import Raw
from app.bench.stores import Progress, Store, clock, sample, sqlite_store
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats, interleave, ms
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.support import SUPPORT
from services import conversations, orders
from services.models import Actor

COLUMNS = ["path", "orders", *STATS_COLUMNS, "ratio to baseline"]
TARGET_RATIO = 5.0
TARGET_P99_MS = 2.0
# As the loop calls the dispatcher: the audit row is returned and written with the tool's
# answer, in the message's transaction (`app.agent.loop._store_result`). The row "own
# audit commit" is the dispatcher writing it itself (CLI, eval), one more commit.
RECORD = False


def run(
    sizes: Sequence[int],
    *,
    n: int = 400,
    max_seconds: float = 60.0,
    progress: Progress | None = None,
    store_for: Callable[[int], Store] | None = None,
) -> Result:
    result = Result("reads", "read tools through the dispatcher vs raw SQL", list(COLUMNS))
    order_p50: dict[int, float] = {}
    raw_p50: dict[int, float] = {}
    for size in sizes:
        store = (store_for or (lambda k: sqlite_store(k, progress=progress)))(size)
        series = _measure(store, n=n, max_seconds=max_seconds)
        raw_order = series["raw SQL: order + lines, ledger, fulfillments, requests"]
        raw_avail = series["raw SQL: product, variants, stock by warehouse"]
        raw_info = series["raw SQL: product, variants, stock totals"]
        baselines = {
            "get_order_status": raw_order,
            "get_order_status (service only)": raw_order,
            "check_product_availability": raw_avail,
            "get_product_info": raw_info,
        }
        for label, stats in series.items():
            base = next((b for k, b in baselines.items() if label.startswith(k)), None)
            result.add(label, stats, base)
            result.rows[-1].insert(1, f"{size:,}")
        status = series["get_order_status (dispatcher, customer)"]
        order_p50[size] = status.median
        raw_p50[size] = raw_order.median
        for label in ("get_order_status (dispatcher, customer)",
                      "check_product_availability (dispatcher)",
                      "get_product_info (dispatcher)"):  # fmt: skip
            stats = series[label]
            base = next(b for k, b in baselines.items() if label.startswith(k))
            ok = stats.ratio(base) <= TARGET_RATIO and stats.p99 <= TARGET_P99_MS
            result.notes.append(
                f"{size:,} orders, {label}: p50 {stats.ratio(base):.1f}x raw "
                f"(target ≤ {TARGET_RATIO:g}x), p99 {ms(stats.p99)} ms "
                f"(target ≤ {TARGET_P99_MS:g} ms): {'met' if ok else 'MISSED'}"
            )
    if len(order_p50) > 1:
        small, big = min(order_p50), max(order_p50)
        result.notes.append(
            f"flatness: get_order_status p50 at {big:,} orders is "
            f"{order_p50[big] / order_p50[small]:.2f}x the p50 at {small:,} (the raw SQL "
            f"of the same rows: {raw_p50[big] / raw_p50[small]:.2f}x)"
        )
    result.notes += [
        "each path runs in alternation with its baseline over the same random rows "
        "(fixed seed), so both see the same machine load",
        "dispatcher rows are the loop's path: validation, time limit (these read-only "
        "tools run on the caller's thread, SQLite interrupting a statement at the "
        "deadline), result JSON; the audit row is written with the tool's answer in the loop's "
        "message commit (the 'own audit commit' row adds that commit to the dispatcher)",
    ]
    return result


def _measure(store: Store, *, n: int, max_seconds: float) -> dict[str, Stats]:
    uow_factory = store.uow_factory
    picks = sample(store, size=100)
    contexts = []
    for order_id, customer_id in picks.orders:
        conversation = conversations.start_conversation(
            uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id, title="bench reads"
        )
        ctx = ToolContext(
            uow_factory=uow_factory,
            actor=Actor.CUSTOMER,
            customer_id=customer_id,
            conversation_id=conversation.id,
            clock=clock,
        )
        contexts.append((order_id, ctx))
    staff = ToolContext(uow_factory=uow_factory, actor=Actor.STAFF, clock=clock)
    raw = Raw(uow_factory.engine)
    # Each path advances its own cycle, so every path sees the same rows in the same order.
    names = ("raw_order", "service", "dispatch_order", "recorded_order", "raw_avail", "avail",
             "raw_info", "info")  # fmt: skip
    cycles = {k: (itertools.cycle(contexts), itertools.cycle(picks.products)) for k in names}

    def order_of(name: str) -> tuple[str, ToolContext]:
        return next(cycles[name][0])

    def product_of(name: str) -> str:
        return next(cycles[name][1])

    def raw_order() -> None:
        order_id, ctx = order_of("raw_order")
        assert raw.order(order_id, ctx.customer_id or "") > 0

    def service() -> None:
        order_id, ctx = order_of("service")
        orders.get_order_status(uow_factory, order_id=order_id, customer_id=ctx.customer_id)

    def dispatched_order() -> None:
        order_id, ctx = order_of("dispatch_order")
        args = {"order_id": order_id}
        out = dispatch(SUPPORT, ctx, "get_order_status", args, call_id="b", record=RECORD)
        assert out.ok, out.result

    def recorded_order() -> None:
        order_id, ctx = order_of("recorded_order")
        out = dispatch(SUPPORT, ctx, "get_order_status", {"order_id": order_id}, call_id="b")
        assert out.ok, out.result

    def raw_avail() -> None:
        assert raw.availability(product_of("raw_avail")) > 0

    def avail() -> None:
        args = {"product_sku": product_of("avail")}
        out = dispatch(
            SUPPORT, staff, "check_product_availability", args, call_id="b", record=RECORD
        )
        assert out.ok, out.result

    def raw_info() -> None:
        assert raw.product_info(product_of("raw_info")) > 0

    def info() -> None:
        args = {"product_sku": product_of("info")}
        out = dispatch(SUPPORT, staff, "get_product_info", args, call_id="b", record=RECORD)
        assert out.ok, out.result

    try:
        samples = interleave(
            {
                "raw SQL: order + lines, ledger, fulfillments, requests": raw_order,
                "get_order_status (service only)": service,
                "get_order_status (dispatcher, customer)": dispatched_order,
                "get_order_status (dispatcher, customer, own audit commit)": recorded_order,
                "raw SQL: product, variants, stock by warehouse": raw_avail,
                "check_product_availability (dispatcher)": avail,
                "raw SQL: product, variants, stock totals": raw_info,
                "get_product_info (dispatcher)": info,
            },
            n=n,
            max_seconds=max_seconds,
        )
    finally:
        raw.close()
    return {name: Stats.of(values) for name, values in samples.items()}
