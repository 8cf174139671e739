"""The doctor's per-order rules, over one keyset batch of orders at a time.

Rows are read as plain tuples (no ORM objects) with one query per table per batch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Fulfillment, LedgerEntry, Order, OrderItem, TrackingEvent, Variant

Add = Callable[[str, str, str], None]
NOT_SHIPPED = {"pending", "pending (item modified)", "processed", "cancelled"}
NO_FULFILLMENT = {"pending", "pending (item modified)"}
ON_THE_WAY = {"shipped", "in_transit"}
DELIVERED = {"delivered", "return requested", "exchange requested", "returned"}
RETURN_STATUSES = {"return requested", "returned"}
ZERO = Decimal("0.00")


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


class OrderChecker:
    def __init__(self, session: Session, now: datetime, add: Add) -> None:
        self.session = session
        self.now = now
        self.add = add
        # item id -> product id, to check exchanges stay within a product
        self.product_of = dict(session.execute(select(Variant.item_id, Variant.product_id)).all())

    def check(self, first: str, last: str) -> int:
        session = self.session
        in_range = Order.id.between(first, last)
        orders = session.execute(
            select(
                Order.id,
                Order.status,
                Order.placed_at,
                Order.updated_at,
                Order.cancel_reason,
                Order.return_items,
                Order.return_payment_method_id,
                Order.exchange_items,
                Order.exchange_new_items,
                Order.exchange_price_difference,
            ).where(in_range)
        ).all()
        items: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for order_id, item_id, price in session.execute(
            select(OrderItem.order_id, OrderItem.item_id, OrderItem.price)
            .where(OrderItem.order_id.between(first, last))
            .order_by(OrderItem.order_id, OrderItem.position)
        ):
            items[order_id].append((item_id, price))
        ledger: dict[str, list[tuple[str, Decimal, datetime | None]]] = defaultdict(list)
        for order_id, kind, amount, created in session.execute(
            select(
                LedgerEntry.order_id,
                LedgerEntry.transaction_type,
                LedgerEntry.amount,
                LedgerEntry.created_at,
            )
            .where(LedgerEntry.order_id.between(first, last))
            .order_by(LedgerEntry.order_id, LedgerEntry.position)
        ):
            ledger[order_id].append((_value(kind), amount, created))
        shipments: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        # Per-fulfillment scalar subqueries use the (fulfillment_id, occurred_at) index; a
        # grouped subquery joined in would aggregate the whole table for every batch.
        first_event = (
            select(func.min(TrackingEvent.occurred_at))
            .where(TrackingEvent.fulfillment_id == Fulfillment.id)
            .scalar_subquery()
        )
        last_event = (
            select(func.max(TrackingEvent.occurred_at))
            .where(TrackingEvent.fulfillment_id == Fulfillment.id)
            .scalar_subquery()
        )
        for row in session.execute(
            select(
                Fulfillment.order_id,
                Fulfillment.id,
                Fulfillment.item_ids,
                Fulfillment.shipped_at,
                Fulfillment.delivered_at,
                first_event,
                last_event,
            )
            .where(Fulfillment.order_id.between(first, last))
            .order_by(Fulfillment.order_id, Fulfillment.position)
        ):
            shipments[row[0]].append(tuple(row[1:]))
        for order in orders:
            self._order(order, items[order[0]], ledger[order[0]], shipments[order[0]])
        return len(orders)

    def _order(
        self,
        order: Any,
        items: list[tuple[str, Decimal]],
        ledger: list[tuple[str, Decimal, datetime | None]],
        shipments: list[tuple[Any, ...]],
    ) -> None:
        (order_id, status, placed, updated, cancel_reason, return_items, return_method,
         exchange_items, exchange_new, _difference) = order  # fmt: skip
        status = _value(status)
        subject = f"order {order_id}"
        add = self.add
        if not items:
            add("order_has_items", subject, "has no lines")
        line_ids = Counter(item_id for item_id, _ in items)

        # ledger: payments minus refunds must be what the order keeps
        total = sum((price for _, price in items), ZERO)
        paid = sum((a for k, a, _ in ledger if k == "payment"), ZERO)
        refunded = sum((a for k, a, _ in ledger if k == "refund"), ZERO)
        expected, why = total, "the item total"
        if status == "cancelled":
            expected, why = ZERO, "zero for a cancelled order"
        elif status == "returned" and return_items:
            prices = dict(items)
            kept = total - sum((prices.get(i, ZERO) for i in return_items), ZERO)
            expected, why = kept, "the total of the items kept after the return"
        if not ledger or ledger[0][0] != "payment":
            add("ledger_starts_with_payment", subject, "the ledger does not start with a payment")
        if paid - refunded != expected:
            add(
                "ledger_total",
                subject,
                f"payments minus refunds are {paid - refunded} but should be {expected} "
                f"({why}; status {status})",
            )

        # status against fulfillments
        shipped_any = any(s[2] is not None or s[3] is not None for s in shipments)
        if status in NO_FULFILLMENT and shipments:
            add("status_fulfillment", subject, f"is {status} but has fulfillments")
        elif status in NOT_SHIPPED and shipped_any:
            add("status_fulfillment", subject, f"is {status} but a fulfillment has shipped")
        elif status in ON_THE_WAY | DELIVERED and not shipments:
            add("status_fulfillment", subject, f"is {status} but has no fulfillment")
        if shipments and status not in NO_FULFILLMENT:
            shipped_ids = Counter(i for s in shipments for i in (s[1] or []))
            if shipped_ids != line_ids:
                add(
                    "fulfillment_items",
                    subject,
                    f"fulfillments carry {sorted(shipped_ids.elements())} "
                    f"but the lines are {sorted(line_ids.elements())}",
                )

        # request fields only with their status, and consistent with the lines
        if cancel_reason is not None and status != "cancelled":
            add("request_fields", subject, f"has a cancel reason but is {status}")
        if status == "cancelled" and cancel_reason is None and placed is not None:
            add("request_fields", subject, "is cancelled without a cancel reason")
        if (return_items is not None) != (status in RETURN_STATUSES):
            add("request_fields", subject, f"return fields do not match status {status}")
        if return_items is not None and (
            not return_items or Counter(return_items) - line_ids or not return_method
        ):
            add("request_fields", subject, "return items are not lines of the order")
        if (exchange_items is not None) != (status == "exchange requested"):
            add("request_fields", subject, f"exchange fields do not match status {status}")
        if exchange_items is not None:
            new = exchange_new or []
            olds = [self.product_of.get(i) for i in exchange_items]
            news = [self.product_of.get(i) for i in new]
            if (
                len(new) != len(exchange_items)
                or Counter(exchange_items) - line_ids
                or Counter(olds) != Counter(news)
            ):
                add("request_fields", subject, "exchange items do not pair with the lines")

        if placed is not None:
            self._dates(subject, status, placed, updated, ledger, shipments)

    def _dates(
        self,
        subject: str,
        status: str,
        placed: datetime,
        updated: datetime,
        ledger: list[tuple[str, Decimal, datetime | None]],
        shipments: list[tuple[Any, ...]],
    ) -> None:
        add, now = self.add, self.now
        if placed > now:
            add("dates", subject, f"placed in the future ({placed:%Y-%m-%d %H:%M})")
        if updated < placed:
            add("dates", subject, "updated before it was placed")
        if any(created is not None and created < placed for _, _, created in ledger):
            add("dates", subject, "a ledger entry predates the order")
        for fid, _items, shipped, delivered, first_event, last_event in shipments:
            where = f"{subject} fulfillment {fid}"
            if status in ON_THE_WAY | DELIVERED and shipped is None:
                add("dates", where, f"is {status} but the fulfillment has no ship date")
            if status in DELIVERED and delivered is None:
                add("dates", where, f"is {status} but the fulfillment has no delivery date")
            if status in ON_THE_WAY and delivered is not None:
                add("dates", where, f"is {status} but the fulfillment was delivered")
            if shipped is not None and shipped < placed:
                add("dates", where, "shipped before the order was placed")
            if shipped is not None and delivered is not None and delivered < shipped:
                add("dates", where, "delivered before it shipped")
            if delivered is not None and delivered > now:
                add("dates", where, "delivered in the future")
            if first_event is not None and (first_event < placed or last_event > now):
                add("dates", where, "tracking events outside the order's lifetime")
