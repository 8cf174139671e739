"""`storedesk bench seed`: the generator against a naive per-row ORM insert, in one run.

The generator fills a fresh SQLite file with the requested store, timed end to end
(catalogue, customers, orders, commit), with the peak resident memory of the process
and of its workers. The baseline then writes the first slice of the very same orders
(same rows, ids and values) into another fresh SQLite file the way a first version
would: one ORM object per row, `session.add` and `flush` for each, one commit. The
ratio compares time per order.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from seed_data.generator import GenerateSpec, generate_store, order_maker, workers_for
from seed_data.generator.writer import COLUMNS
from services import schema
from services.db import get_engine
from services.models import (
    CENT,
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    ReturnRequest,
    TrackingEvent,
)
from services.uow import UowFactory

MODELS: dict[str, type[Any]] = {
    "orders": Order,
    "order_items": OrderItem,
    "ledger_entries": LedgerEntry,
    "fulfillments": Fulfillment,
    "tracking_events": TrackingEvent,
    "return_requests": ReturnRequest,
}
TIMES = {"placed_at", "updated_at", "created_at", "shipped_at", "delivered_at", "occurred_at",
         "received_at"}  # fmt: skip
MONEY = {"price", "amount", "refund_amount", "price_difference", "exchange_price_difference"}
JSON = {"options", "tracking_ids", "item_ids", "new_item_ids", "return_items",
        "exchange_items", "exchange_new_items"}  # fmt: skip


@dataclass
class BenchResult:
    orders: int
    rows: int
    seconds: float
    # CPU seconds the generation used in this process and in its workers: what it costs
    # regardless of how busy the machine was.
    cpu_main: float
    cpu_workers: float
    peak_rss_mib: float
    worker_peak_rss_mib: float
    workers: int
    naive_orders: int
    naive_rows: int
    naive_seconds: float
    load_before: float
    load_after: float

    @property
    def ratio(self) -> float:
        fast = self.seconds / max(self.orders, 1)
        naive = self.naive_seconds / max(self.naive_orders, 1)
        return naive / fast if fast else float("inf")


def bench_seed(
    spec: GenerateSpec,
    *,
    naive_orders: int,
    folder: Path,
    progress: Callable[[str, int, int], None] | None = None,
) -> BenchResult:
    load_before = os.getloadavg()[0]
    fast_url = f"sqlite:///{folder / 'fast.db'}"
    naive_url = f"sqlite:///{folder / 'naive.db'}"
    for url in (fast_url, naive_url):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        schema.upgrade(url)

    cpu_main, cpu_workers = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    counts = generate_store(UowFactory(get_engine(fast_url)), spec, progress=progress)
    seconds = time.perf_counter() - started
    cpu_main = _cpu(resource.RUSAGE_SELF) - cpu_main
    cpu_workers = _cpu(resource.RUSAGE_CHILDREN) - cpu_workers
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    # The baseline's store: the same catalogue and customers (not timed), then the slice.
    naive = UowFactory(get_engine(naive_url))
    generate_store(naive, replace(spec, orders=0))
    slice_size = min(naive_orders, spec.orders)
    rows = order_maker(spec).batch(0, slice_size)
    objects = [
        (MODELS[table], _python(table, row)) for table in MODELS for row in getattr(rows, table)
    ]
    if progress:
        progress("naive", 0, len(objects))
    started = time.perf_counter()
    with naive() as uow:
        for n, (model, values) in enumerate(objects, 1):
            uow.session.add(model(**values))
            uow.session.flush()
            if progress and n % 1000 == 0:
                progress("naive", n, len(objects))
        uow.commit()
    naive_seconds = time.perf_counter() - started
    if progress:
        progress("naive", len(objects), len(objects))
    return BenchResult(
        orders=spec.orders,
        rows=sum(counts.values()),
        seconds=seconds,
        cpu_main=cpu_main,
        cpu_workers=cpu_workers,
        peak_rss_mib=peak,
        worker_peak_rss_mib=workers_peak,
        workers=workers_for(spec, "sqlite"),
        naive_orders=slice_size,
        naive_rows=len(objects),
        naive_seconds=naive_seconds,
        load_before=load_before,
        load_after=os.getloadavg()[0],
    )


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _python(table: str, row: tuple[Any, ...]) -> dict[str, Any]:
    """A prepared row back as the Python values an ORM object takes."""
    values = dict(zip(COLUMNS[table], row, strict=True))
    for key, value in values.items():
        if value is None:
            continue
        if key in TIMES:
            values[key] = datetime.fromisoformat(value).replace(tzinfo=UTC)
        elif key in MONEY:
            values[key] = Decimal(str(value)).quantize(CENT)
        elif key in JSON:
            values[key] = json.loads(value)
        elif key == "estimated_delivery":
            values[key] = date.fromisoformat(value)
    return values
