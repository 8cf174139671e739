"""`storedesk seed generate`: a realistic mock store of any size, reproducible from a seed.

Stages run in order (catalogue, customers, orders), each generating and writing in
batches, so memory holds one batch plus a compact index of customers and variants,
however many orders are asked for. Everything is written in one transaction: a failure
leaves the store as it was. The same Faker version, arguments, seed and `as_of` give
the same store, row for row, on either backend and with any number of workers.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from seed_data.generator import parallel
from seed_data.generator.catalog import SoldVariant, product_batches, warehouse_rows
from seed_data.generator.clock import Clock
from seed_data.generator.customers import CustomerRef, customer_batches
from seed_data.generator.help_center import write_help_center
from seed_data.generator.orders import MAX_ORDERS, OrderMaker
from seed_data.generator.pools import SUPPORTED_LOCALES, LocalePool, build_pools
from seed_data.generator.writer import BulkWriter
from services.errors import InvalidRequest
from services.models import Customer, Product
from services.uow import UowFactory

# progress(stage, done, total)
Progress = Callable[[str, int, int], None]
STAGES = ("catalogue", "customers", "orders")
MAX_WAREHOUSES = 100
MAX_CUSTOMERS = 2_000_000
# Below this many orders, worker processes cost more than they save.
PARALLEL_FROM = 50_000


@dataclass(frozen=True)
class GenerateSpec:
    customers: int = 1_000
    orders: int = 5_000
    products: int = 200
    warehouses: int = 5
    locales: tuple[str, ...] = ("en_US",)
    seed: int = 0
    # The moment the store is "as of": order dates and statuses are relative to it.
    as_of: datetime = field(
        default_factory=lambda: datetime.combine(datetime.now(UTC).date(), time(), UTC)
    )
    batch_size: int = 10_000
    # Worker processes for SQLite order generation; None: automatic.
    workers: int | None = None

    def validate(self) -> None:
        problems = []
        if not 1 <= self.customers <= MAX_CUSTOMERS:
            problems.append(f"--customers must be between 1 and {MAX_CUSTOMERS:,}")
        if self.products < 1:
            problems.append("--products must be at least 1")
        if not 1 <= self.warehouses <= MAX_WAREHOUSES:
            problems.append(f"--warehouses must be between 1 and {MAX_WAREHOUSES}")
        if not 0 <= self.orders <= MAX_ORDERS:
            problems.append(f"--orders must be between 0 and {MAX_ORDERS:,}")
        unknown = [loc for loc in self.locales if loc not in SUPPORTED_LOCALES]
        if not self.locales or unknown:
            problems.append(
                f"--locales must be a comma-separated subset of {','.join(SUPPORTED_LOCALES)}"
            )
        if self.as_of.tzinfo is None:
            problems.append("as_of must be timezone-aware")
        if self.batch_size < 1 or (self.workers is not None and self.workers < 0):
            problems.append("batch size must be positive and workers not negative")
        if problems:
            raise InvalidRequest("; ".join(problems) + ".", hint="Fix the arguments and retry.")


def generate_store(
    uow_factory: UowFactory, spec: GenerateSpec, *, progress: Progress | None = None
) -> dict[str, int]:
    """Fill an empty store; row counts per table."""
    spec.validate()
    report: Progress = progress or (lambda stage, done, total: None)
    clock = Clock(spec.as_of, days_back=7 * 365)
    pools = build_pools(list(spec.locales), spec.seed)
    counts: dict[str, int] = {}
    with uow_factory.engine.connect() as connection:
        workers = _workers(spec, connection)
        journal_mode = BulkWriter.relax(connection)
        with tempfile.TemporaryDirectory(prefix="storedesk-gen-") as folder:
            sqlite = connection.dialect.name == "sqlite"
            parts = parallel.plan_parts(spec.orders, spec.batch_size, workers) if sqlite else []
            # SQLite attaches databases only outside a transaction.
            paths = parallel.attach_parts(connection, Path(folder), len(parts)) if parts else []
            try:
                with connection.begin():
                    _fill(connection, spec, clock, pools, report, counts, workers, parts, paths)
            finally:
                if paths:
                    parallel.detach_parts(connection, paths)
                BulkWriter.restore(connection, journal_mode)
    return counts


def _workers(spec: GenerateSpec, connection: Connection) -> int:
    return workers_for(spec, connection.dialect.name)


def workers_for(spec: GenerateSpec, backend: str) -> int:
    """Worker processes for SQLite (0: make the orders in this process)."""
    if backend != "sqlite" or spec.orders == 0:
        return 0
    if spec.workers is not None:
        return spec.workers
    if threading.active_count() > 1:
        # Forking a threaded process (a Streamlit server) can copy a lock another thread
        # holds into the child, which then waits forever; there, orders are made in-process.
        return 0
    return min(2, os.cpu_count() or 1) if spec.orders >= PARALLEL_FROM else 0


def _fill(
    connection: Connection,
    spec: GenerateSpec,
    clock: Clock,
    pools: dict[str, LocalePool],
    report: Progress,
    counts: dict[str, int],
    workers: int,
    parts: list[tuple[int, int]],
    paths: list[Path],
) -> None:
    if connection.scalar(select(func.count()).select_from(Customer)) or connection.scalar(
        select(func.count()).select_from(Product)
    ):
        raise InvalidRequest("The store is not empty.", hint="Use --reset to replace its data.")
    writer = BulkWriter(connection)

    def write(table: str, rows: list[tuple[Any, ...]]) -> None:
        writer.write(table, rows)
        counts[table] = counts.get(table, 0) + len(rows)

    warehouses = warehouse_rows(spec.warehouses, clock)
    write("warehouses", warehouses)
    variants: list[list[SoldVariant]] = []
    report("catalogue", 0, spec.products)
    for rows, sold in product_batches(spec.products, warehouses, spec.seed, clock, 200):
        for table in ("products", "variants", "stock_levels"):
            write(table, getattr(rows, table))
        variants.extend(sold)
        report("catalogue", len(variants), spec.products)

    customers: list[CustomerRef] = []
    report("customers", 0, spec.customers)
    for customer_rows, method_rows, refs in customer_batches(
        spec.customers, pools, spec.seed, clock, spec.batch_size
    ):
        write("customers", customer_rows)
        write("payment_methods", method_rows)
        customers.extend(refs)
        report("customers", len(customers), spec.customers)

    maker = OrderMaker(
        total=spec.orders,
        customers=customers,
        variants=variants,
        warehouse_cities=[f"{w[2]}, {w[3]}" for w in warehouses],
        clock=clock,
        seed=spec.seed,
        compact=bool(parts),
    )
    report("orders", 0, spec.orders)
    if parts:
        made = parallel.write_orders(
            connection,
            maker,
            parts,
            batch=spec.batch_size,
            workers=workers,
            paths=paths,
            report=lambda done: report("orders", done, spec.orders),
        )
        for table, count in made.items():
            counts[table] = counts.get(table, 0) + count
    else:
        for first in range(0, spec.orders, spec.batch_size):
            batch = maker.batch(first, spec.batch_size)
            for table in parallel.ORDER_TABLES:
                write(table, getattr(batch, table))
            report("orders", min(first + spec.batch_size, spec.orders), spec.orders)
    writer.finish()
    counts["help_articles"] = write_help_center(
        connection, languages=[loc[:2] for loc in spec.locales], now=spec.as_of
    )


def order_maker(spec: GenerateSpec) -> OrderMaker:
    """The order maker `generate_store` uses for `spec`, with full rows (for the benchmark's
    baseline, which writes the very same orders another way)."""
    clock = Clock(spec.as_of, days_back=7 * 365)
    pools = build_pools(list(spec.locales), spec.seed)
    warehouses = warehouse_rows(spec.warehouses, clock)
    variants = [
        v
        for _, sold in product_batches(spec.products, warehouses, spec.seed, clock, 200)
        for v in sold
    ]
    customers = [
        ref
        for _, _, refs in customer_batches(spec.customers, pools, spec.seed, clock, spec.batch_size)
        for ref in refs
    ]
    return OrderMaker(
        total=spec.orders,
        customers=customers,
        variants=variants,
        warehouse_cities=[f"{w[2]}, {w[3]}" for w in warehouses],
        clock=clock,
        seed=spec.seed,
    )
