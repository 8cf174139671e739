"""SQLite: orders made in part files (by worker processes), copied into the store by SQL.

Binding Python values to a statement costs SQLite about three times what storing the
row does, and only one process can write the store. So forked worker processes (they
inherit the customers and the catalogue without copying) make order batches, write them
in a compact form into part files without indexes or constraints, and complete them
there in SQL (order lines take name, price and options from their variant; tracking
events follow from each fulfillment's timeline). The main process, meanwhile, copies
finished parts into the store with `INSERT ... SELECT`, which runs at C speed and
maintains the indexes, all inside the store's one transaction.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from seed_data.generator.orders import DELIVERED, EVENTS, IN_TRANSIT, PICKED_UP, OrderMaker
from seed_data.generator.writer import COLUMNS, driver_connection

ORDER_TABLES = (
    "orders",
    "order_items",
    "ledger_entries",
    "fulfillments",
    "tracking_events",
    "return_requests",
)
# What the order maker writes (compact lines, fulfillments with their timeline)...
PART_COLUMNS = {
    **{t: COLUMNS[t] for t in ORDER_TABLES if t != "tracking_events"},
    "order_items": ("order_id", "position", "item_id"),
    "fulfillments": (
        *COLUMNS["fulfillments"],
        "origin",
        "hub",
        "transit_at",
        "destination",
        "stage",
    ),
}
# ...and what the worker completes them into.
COMPLETED_COLUMNS = {
    "catalogue": ("item_id PRIMARY KEY", "product_id", "name", "price", "options"),
    "full_items": COLUMNS["order_items"],
    "tracking_events": COLUMNS["tracking_events"],
    "steps": ("step INTEGER PRIMARY KEY", "status", "description"),
}
# store table -> part table it is copied from
COPIED = {
    "orders": "orders",
    "order_items": "full_items",
    "ledger_entries": "ledger_entries",
    "fulfillments": "fulfillments",
    "tracking_events": "tracking_events",
    "return_requests": "return_requests",
}
# tracking step -> (part column with its time, part column with its place)
EVENT_SOURCES = {
    PICKED_UP: ("shipped_at", "origin"),
    IN_TRANSIT: ("transit_at", "hub"),
    DELIVERED: ("delivered_at", "destination"),
}
# SQLite attaches at most ten databases to a connection by default.
MAX_PARTS = 8

# Inherited by the forked workers; never pickled.
_maker: OrderMaker | None = None
_made: Any = None  # multiprocessing.Value: orders made so far, for the progress bar


def plan_parts(total: int, batch: int, workers: int) -> list[tuple[int, int]]:
    """(first order, count) of each part, on batch boundaries (so the batches, and with
    them the random streams, are the same however the work is split)."""
    batches = -(-total // batch)
    if not batches:
        return []
    wanted = 1 if workers == 0 else MAX_PARTS
    per_part = -(-batches // min(wanted, max(1, batches)))
    return [
        (first_batch * batch, min(per_part * batch, total - first_batch * batch))
        for first_batch in range(0, batches, per_part)
    ]


def attach_parts(connection: Connection, folder: Path, parts: int) -> list[Path]:
    """Create and attach empty part files; must run before the transaction begins."""
    raw = driver_connection(connection)
    paths = []
    for k in range(parts):
        path = folder / f"part{k}.db"
        db = sqlite3.connect(path)
        for table, columns in {**PART_COLUMNS, **COMPLETED_COLUMNS}.items():
            # Untyped columns: values stay as given; the store's columns apply their own
            # affinity when the rows are copied in.
            db.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
        db.commit()
        db.close()
        raw.execute(f"ATTACH DATABASE ? AS part{k}", (str(path),))
        paths.append(path)
    return paths


def detach_parts(connection: Connection, paths: list[Path]) -> None:
    raw = driver_connection(connection)
    for k, path in enumerate(paths):
        try:
            raw.execute(f"DETACH DATABASE part{k}")
        finally:
            path.unlink(missing_ok=True)


def write_orders(
    connection: Connection,
    maker: OrderMaker,
    parts: list[tuple[int, int]],
    *,
    batch: int,
    workers: int,
    paths: list[Path],
    report: Callable[[int], None],
) -> dict[str, int]:
    """Make the parts (in `workers` processes, or here if 0) and copy each into the store."""
    global _maker, _made
    _maker = maker
    context = multiprocessing.get_context("fork")
    _made = context.Value("q", 0)
    counts = dict.fromkeys(ORDER_TABLES, 0)
    try:
        if not workers:
            for k, (first, count) in enumerate(parts):
                _make_part(str(paths[k]), first, count, batch)
                _copy_part(connection, k, counts)
                report(_made.value)
            return counts
        with context.Pool(workers) as pool:
            pending = [
                pool.apply_async(_make_part, (str(paths[k]), first, count, batch))
                for k, (first, count) in enumerate(parts)
            ]
            for k, result in enumerate(pending):
                while not result.ready():
                    report(_made.value)
                    time.sleep(0.2)
                result.get()  # re-raises a worker's exception here
                _copy_part(connection, k, counts)
                report(_made.value)
    finally:
        _maker = None
    return counts


def _make_part(path: str, first: int, count: int, batch: int) -> None:
    assert _maker is not None
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    for start in range(first, first + count, batch):
        size = min(batch, first + count - start)
        rows = _maker.batch(start, size)
        for table, columns in PART_COLUMNS.items():
            values = getattr(rows, table)
            if values:
                marks = ", ".join("?" * len(columns))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
        with _made.get_lock():
            _made.value += size
    _complete(db, _maker)
    db.execute("COMMIT")
    db.close()


def _complete(db: sqlite3.Connection, maker: OrderMaker) -> None:
    """Complete the compact rows here in the worker, in SQL, so that the main process (the
    bottleneck: it alone writes the store) only copies."""
    db.executemany(
        "INSERT INTO catalogue VALUES (?, ?, ?, ?, ?)",
        [
            (v.item_id, v.product_id, v.name, v.price, v.options_json)
            for variants in maker.available
            for v in variants
        ],
    )
    db.execute(
        f"INSERT INTO full_items ({', '.join(COLUMNS['order_items'])}) "
        "SELECT i.order_id, i.position, i.item_id, c.product_id, c.name, c.price, c.options "
        "FROM order_items AS i JOIN catalogue AS c ON c.item_id = i.item_id ORDER BY i.rowid"
    )
    # One event per step reached, in (fulfillment, step) order like the serial writer.
    # CROSS JOIN makes SQLite loop over the fulfillments outside and the steps inside,
    # which yields that order without sorting.
    db.executemany(
        "INSERT INTO steps VALUES (?, ?, ?)",
        [(step, *EVENTS[step]) for step in EVENT_SOURCES],
    )
    at = " ".join(f"WHEN {step} THEN f.{col}" for step, (col, _) in EVENT_SOURCES.items())
    place = " ".join(f"WHEN {step} THEN f.{p}" for step, (_, p) in EVENT_SOURCES.items())
    db.execute(
        f"INSERT INTO tracking_events ({', '.join(COLUMNS['tracking_events'])}) "
        f"SELECT f.id, CASE s.step {at} END, CASE s.step {place} END, s.status, s.description "
        "FROM fulfillments AS f CROSS JOIN steps AS s WHERE s.step <= f.stage"
    )


def _copy_part(connection: Connection, k: int, counts: dict[str, int]) -> None:
    raw = driver_connection(connection)
    for table, source in COPIED.items():
        columns = ", ".join(COLUMNS[table])
        cursor = raw.execute(
            f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM part{k}.{source}"
        )
        counts[table] += int(cursor.rowcount)
        cursor.close()
