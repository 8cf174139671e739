"""Bulk writing of prepared tuples through the raw DB-API connection.

The ORM costs tens of microseconds a row; here a row costs about one. SQLite gets
`executemany` on a prepared INSERT with durability relaxed for the load (the load runs in
one transaction, so a crash can only lose the load itself). PostgreSQL gets `COPY`.
Values are already in a form both accept: str, int, float (money to the cent), None,
JSON as text, timestamps as naive-UTC text (the PostgreSQL session is set to UTC).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

COLUMNS: dict[str, tuple[str, ...]] = {
    "warehouses": ("id", "name", "city", "state", "zip", "country", "created_at"),
    "products": (
        "id", "name", "description", "category", "specs", "warranty", "shipping_options",
        "returnable", "return_window_days", "created_at",
    ),
    "variants": (
        "item_id", "product_id", "position", "options", "price", "available", "created_at",
    ),
    "stock_levels": ("warehouse_id", "item_id", "quantity"),
    "customers": (
        "id", "first_name", "last_name", "email", "phone", "tier", "member_since", "locale",
        "address1", "address2", "city", "state", "zip", "country", "created_at",
    ),
    "payment_methods": (
        "id", "customer_id", "position", "source", "brand", "last_four", "balance", "created_at",
    ),
    "orders": (
        "id", "customer_id", "customer_position", "status", "placed_at", "updated_at",
        "created_at", "address1", "address2", "city", "state", "zip", "country",
        "cancel_reason", "return_items", "return_payment_method_id", "exchange_items",
        "exchange_new_items", "exchange_payment_method_id", "exchange_price_difference",
    ),
    "order_items": ("order_id", "position", "item_id", "product_id", "name", "price", "options"),
    "ledger_entries": (
        "order_id", "position", "transaction_type", "amount", "payment_method_id", "created_at",
    ),
    "fulfillments": (
        "id", "order_id", "position", "carrier", "tracking_ids", "item_ids", "shipped_at",
        "estimated_delivery", "delivered_at",
    ),
    "tracking_events": ("fulfillment_id", "occurred_at", "location", "status", "description"),
    "return_requests": (
        "id", "order_id", "customer_id", "kind", "status", "item_ids", "new_item_ids", "reason",
        "note", "payment_method_id", "refund_amount", "price_difference", "created_at",
        "received_at",
    ),
}  # fmt: skip

# Tables whose ids the generator assigns itself; PostgreSQL's sequences must follow.
EXPLICIT_SERIALS = ("fulfillments",)


def driver_connection(connection: Connection) -> Any:
    """The DB-API connection under a SQLAlchemy one (sqlite3 or psycopg): the bulk load
    talks to the driver directly, where executemany and COPY are fast."""
    raw = connection.connection.driver_connection
    if raw is None:  # pragma: no cover - only after the connection was invalidated
        raise RuntimeError("the database connection is closed")
    return raw


class BulkWriter:
    """Writes batches of rows on one connection, inside the caller's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.backend = connection.dialect.name
        self.raw: Any = driver_connection(connection)
        self.rows_written = 0
        # seconds spent writing each table (the benchmark shows them)
        self.seconds: dict[str, float] = {}
        if self.backend == "sqlite":
            self._sql = {
                t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
                for t, c in COLUMNS.items()
            }
        elif self.backend == "postgresql":
            with self.raw.cursor() as cursor:
                cursor.execute("SET LOCAL TIME ZONE 'UTC'")
            self._sql = {t: f"COPY {t} ({', '.join(c)}) FROM STDIN" for t, c in COLUMNS.items()}
        else:  # pragma: no cover - only the two supported backends
            raise ValueError(f"unsupported database backend {self.backend}")

    @staticmethod
    def relax(connection: Connection) -> str | None:
        """Before the load's transaction begins (SQLite refuses it inside one)."""
        if connection.dialect.name == "sqlite":
            raw = driver_connection(connection)
            # Durability is moot for one big transaction that is all or nothing anyway.
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA cache_size=-131072")  # 128 MiB of page cache
            # The generator makes its references consistent by construction (and
            # `storedesk doctor` checks them); per-row lookups would double the load time.
            raw.execute("PRAGMA foreign_keys=OFF")
            # In WAL mode every page is written twice (log, then checkpoint). A rollback
            # journal writes only pages that existed before, and a fresh store has few.
            # Leaving WAL needs the only connection to the file; if others are open the
            # mode stays WAL and the load is merely slower.
            timeout = raw.execute("PRAGMA busy_timeout").fetchone()[0]
            raw.execute("PRAGMA busy_timeout=0")
            try:
                mode = str(raw.execute("PRAGMA journal_mode=DELETE").fetchone()[0])
            except sqlite3.OperationalError:  # "database is locked": others have it open
                mode = "wal"
            finally:
                raw.execute(f"PRAGMA busy_timeout={int(timeout)}")
            return mode
        return None

    @staticmethod
    def restore(connection: Connection, journal_mode: str | None) -> None:
        if connection.dialect.name == "sqlite":
            raw = driver_connection(connection)
            raw.execute("PRAGMA synchronous=NORMAL")
            raw.execute("PRAGMA cache_size=-2000")
            raw.execute("PRAGMA foreign_keys=ON")
            # If busy, no matter: every new connection of the engine sets WAL again.
            if journal_mode != "wal":
                with contextlib.suppress(sqlite3.OperationalError):
                    raw.execute("PRAGMA journal_mode=WAL")

    def write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        started = time.perf_counter()
        if self.backend == "sqlite":
            cursor = self.raw.cursor()
            cursor.executemany(self._sql[table], rows)
            cursor.close()
        else:
            with self.raw.cursor() as cursor, cursor.copy(self._sql[table]) as copy:
                for row in rows:
                    copy.write_row(row)
        self.rows_written += len(rows)
        self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - started

    def finish(self) -> None:
        if self.backend == "postgresql":
            with self.raw.cursor() as cursor:
                for table in EXPLICIT_SERIALS:
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    )
