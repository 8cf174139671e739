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
