"""`storedesk doctor`: the store's invariants, checked in SQL and in streamed batches.

Store-wide rules (references, unique emails, stock, balances, contiguous positions, who
owns the payment methods an order uses) are one SQL query each. Per-order rules (ledger
against item total and status, status against fulfillments and dates, request fields)
read orders in keyset batches with their lines, ledger and fulfillments as plain tuples,
so a store of a million orders is checked in bounded memory.

Benchmark-imported orders carry no dates (`placed_at` is NULL): the date rules and "a
cancelled order has a cancel reason" skip them, since tau-bench's cancelled orders have
no reason. Its cancelled orders also keep their (never shipped) fulfillments, which is
allowed: what a cancelled order may not have is a shipped one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ForeignKeyConstraint, and_, func, literal, select
from sqlalchemy.orm import Session

from services.doctor_orders import OrderChecker
from services.models import (
    Base,
    Customer,
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    PaymentMethod,
    Product,
    StockLevel,
    Variant,
    utcnow,
)
from services.uow import UowFactory

ORDER_BATCH = 2000
Add = Callable[[str, str, str], None]


class Violation(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="Name of the broken invariant.")
    subject: str = Field(description="The record at fault, e.g. `order #W1234567`.")
    message: str = Field(description="What is wrong, in words.")


class DoctorReport(BaseModel):
    violations: list[Violation] = Field(default_factory=list)
    # Violations found per rule, including those beyond the listing limit.
    found: dict[str, int] = Field(default_factory=dict)
    orders_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.found

    @property
    def total(self) -> int:
        return sum(self.found.values())


def check_store(
    uow_factory: UowFactory, *, now: datetime | None = None, limit_per_rule: int = 50
) -> DoctorReport:
    """Every violation of the store's invariants (at most `limit_per_rule` listed per rule)."""
    report = DoctorReport()

    def add(rule: str, subject: str, message: str) -> None:
        count = report.found.get(rule, 0)
        report.found[rule] = count + 1
        if count < limit_per_rule:
            report.violations.append(Violation(rule=rule, subject=subject, message=message))

    with uow_factory() as uow:
        session: Session = uow.session
        _store_rules(session, add)
        checker = OrderChecker(session, now or utcnow(), add)
        for first, last in _order_ranges(session):
            report.orders_checked += checker.check(first, last)
    return report


# --- store-wide rules ------------------------------------------------------------------


def _store_rules(session: Session, add: Add) -> None:
    for constraint in _foreign_keys():
        table = constraint.parent
        parent = constraint.referred_table
        pairs = [(e.parent, e.column) for e in constraint.elements]
        query = (
            select(*[child for child, _ in pairs])
            .select_from(table.outerjoin(parent, and_(*[c == p for c, p in pairs])))
            .where(and_(*[c.isnot(None) for c, _ in pairs]), pairs[0][1].is_(None))
            .limit(100)
        )
        for row in session.execute(query):
            values = ", ".join(str(v) for v in row)
            add(
                "foreign_key",
                f"{table.name} ({values})",
                f"{table.name}.{', '.join(c.name for c, _ in pairs)} = {values} refers to a "
                f"missing {parent.name} row",
            )

    email = func.lower(Customer.email)
    for value, count in session.execute(
        select(email, func.count()).group_by(email).having(func.count() > 1)
    ):
        add("unique_email", f"email {value}", f"{count} customers share the email {value}")

    for warehouse, item, quantity in session.execute(
        select(StockLevel.warehouse_id, StockLevel.item_id, StockLevel.quantity).where(
            StockLevel.quantity < 0
        )
    ):
        add("stock_not_negative", f"stock {item}@{warehouse}", f"quantity is {quantity}")

    pm = PaymentMethod
    for method_id, source, balance, brand, last_four in session.execute(
        select(pm.id, pm.source, pm.balance, pm.brand, pm.last_four)
    ):
        source = getattr(source, "value", source)
        if source == "gift_card" and (balance is None or balance < 0):
            add("gift_card_balance", f"payment method {method_id}", f"balance is {balance}")
        elif source != "gift_card" and balance is not None:
            add("gift_card_balance", f"payment method {method_id}", f"a {source} has a balance")
        if source == "credit_card" and (not brand or not last_four or len(last_four) != 4):
            add("credit_card_details", f"payment method {method_id}", "brand or last four missing")

    for product_id in session.scalars(
        select(Product.id).where(
            ~select(Variant.item_id).where(Variant.product_id == Product.id).exists()
        )
    ):
        add("product_has_variants", f"product {product_id}", "has no variants")

    positions = (
        (OrderItem.order_id, OrderItem.position, "order", "line"),
        (LedgerEntry.order_id, LedgerEntry.position, "order", "ledger entry"),
        (Fulfillment.order_id, Fulfillment.position, "order", "fulfillment"),
        (PaymentMethod.customer_id, PaymentMethod.position, "customer", "payment method"),
        (Order.customer_id, Order.customer_position, "customer", "order"),
        (Variant.product_id, Variant.position, "product", "variant"),
    )
    for holder, position, noun, child in positions:
        count = func.count()
        query = (
            select(holder, func.min(position), func.max(position), count)
            .group_by(holder)
            .having(
                (func.min(position) != 0)
                | (func.max(position) != count - 1)
                | (func.count(position.distinct()) != count)
            )
        )
        for held_by, low, high, n in session.execute(query):
            add(
                "positions_contiguous",
                f"{noun} {held_by}",
                f"its {n} {child} positions run {low}..{high}, not 0..{n - 1} without gaps",
            )

    # What an order uses must belong to the order's customer.
    ledger_owner = (
        select(Order.id, PaymentMethod.id, literal("ledger entry"))
        .join(LedgerEntry, LedgerEntry.order_id == Order.id)
        .join(PaymentMethod, PaymentMethod.id == LedgerEntry.payment_method_id)
    )
    for column, what in (
        (Order.return_payment_method_id, "return refund method"),
        (Order.exchange_payment_method_id, "exchange payment method"),
    ):
        used = (
            select(Order.id, column, literal(what))
            .outerjoin(PaymentMethod, PaymentMethod.id == column)
            .where(column.isnot(None))
            .where((PaymentMethod.id.is_(None)) | (PaymentMethod.customer_id != Order.customer_id))
        )
        for order_id, used_id, label in session.execute(used):
            add(
                "payment_method_owner",
                f"order {order_id}",
                f"{label} {used_id} is not the customer's",
            )
    for order_id, method_id, label in session.execute(
        ledger_owner.where(PaymentMethod.customer_id != Order.customer_id)
    ):
        add(
            "payment_method_owner",
            f"order {order_id}",
            f"{label} {method_id} is not the customer's",
        )

    for order_id, item_id in session.execute(
        select(OrderItem.order_id, OrderItem.item_id)
        .join(Variant, Variant.item_id == OrderItem.item_id)
        .where(Variant.product_id != OrderItem.product_id)
    ):
        add(
            "line_product",
            f"order {order_id}",
            f"line {item_id} names another product than its variant",
        )


def _foreign_keys() -> Iterator[ForeignKeyConstraint]:
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, ForeignKeyConstraint):
                yield constraint


def _order_ranges(session: Session) -> Iterator[tuple[str, str]]:
    """(first, last) order id of each batch: keyset pagination over the primary key."""
    last: str | None = None
    while True:
        query = select(Order.id).order_by(Order.id).limit(ORDER_BATCH)
        if last is not None:
            query = query.where(Order.id > last)
        ids = list(session.scalars(query))
        if not ids:
            return
        yield ids[0], ids[-1]
        last = ids[-1]
