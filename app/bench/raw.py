"""Baselines: the same rows a read tool returns, fetched with plain SQL on a DBAPI cursor.

No ORM, no validation, no views: the floor a read tool's time is compared with. The
statements fetch every column a tool's answer is built from, the way a hand-written
data layer would, so the ratio measures what the layers above the database cost.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

ORDER = (
    "SELECT * FROM orders WHERE id = ? AND customer_id = ?",
    "SELECT * FROM order_items WHERE order_id = ? ORDER BY position",
    "SELECT * FROM ledger_entries WHERE order_id = ? ORDER BY position",
    "SELECT * FROM fulfillments WHERE order_id = ? ORDER BY position",
    "SELECT * FROM return_requests WHERE order_id = ? ORDER BY id",
)
PRODUCT = (
    "SELECT * FROM products WHERE id = ?",
    "SELECT * FROM variants WHERE product_id = ? ORDER BY position, item_id",
)
STOCK = (
    "SELECT s.item_id, s.quantity, w.* FROM stock_levels s "
    "JOIN warehouses w ON w.id = s.warehouse_id "
    "JOIN variants v ON v.item_id = s.item_id WHERE v.product_id = ? ORDER BY w.id"
)
STOCK_TOTALS = (
    "SELECT s.item_id, SUM(s.quantity) FROM stock_levels s "
    "JOIN variants v ON v.item_id = s.item_id WHERE v.product_id = ? GROUP BY s.item_id"
)


class Raw:
    """One DBAPI connection kept open for the whole bench (the pool's job, done once)."""

    def __init__(self, engine: Engine) -> None:
        self.connection: Any = engine.raw_connection()
        self.qmark = engine.dialect.paramstyle == "qmark"

    def close(self) -> None:
        self.connection.close()

    def rows(self, statement: str, *params: Any) -> list[Any]:
        sql = statement if self.qmark else statement.replace("?", "%s")
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def order(self, order_id: str, customer_id: str) -> int:
        found = self.rows(ORDER[0], order_id, customer_id)
        total = len(found) + sum(len(self.rows(q, order_id)) for q in ORDER[1:])
        self.connection.commit()
        return total

    def availability(self, product_id: str) -> int:
        total = sum(len(self.rows(q, product_id)) for q in (*PRODUCT, STOCK))
        self.connection.commit()
        return total

    def product_info(self, product_id: str) -> int:
        total = sum(len(self.rows(q, product_id)) for q in (*PRODUCT, STOCK_TOTALS))
        self.connection.commit()
        return total


MESSAGE = (
    "INSERT INTO messages (conversation_id, role, content, tool_calls, tool_call_id, name, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
AUDIT = (
    "INSERT INTO tool_call_records (conversation_id, call_id, name, arguments, outcome, "
    "duration_ms, actor, customer_id, toolset, created_at) "
    "VALUES (?, ?, ?, ?, 'ok', 0, 'customer', ?, 'support', ?)"
)


def turn_writes(raw: Raw, conversation_id: str, customer_id: str, texts: list[str]) -> None:
    """The floor of a turn's writes: its four messages and the audit row, each message
    committed before the next step, as the loop's guarantee requires (user; assistant with
    the call; tool result with its audit row; answer)."""
    from datetime import UTC, datetime

    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    user, call, result, answer = texts
    steps: list[list[tuple[str, tuple[object, ...]]]] = [
        [(MESSAGE, (conversation_id, "user", user, None, None, None, now))],
        [(MESSAGE, (conversation_id, "assistant", "", call, None, None, now))],
        [
            (MESSAGE, (conversation_id, "tool", result, None, "c1", "get_order_status", now)),
            (AUDIT, (conversation_id, "c1", "get_order_status", "{}", customer_id, now)),
        ],
        [(MESSAGE, (conversation_id, "assistant", answer, None, None, None, now))],
    ]
    for step in steps:
        cursor = raw.connection.cursor()
        try:
            for statement, params in step:
                cursor.execute(statement if raw.qmark else statement.replace("?", "%s"), params)
        finally:
            cursor.close()
        raw.connection.commit()
