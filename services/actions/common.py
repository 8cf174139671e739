"""Checks and ledger moves shared by the order actions, with the benchmark's error texts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.errors import InvalidState, NotFound, OutOfStock
from services.models import (
    CENT,
    LedgerEntry,
    Order,
    OrderItem,
    OrderStatus,
    PaymentMethod,
    PaymentSource,
    TransactionType,
    Variant,
)
from services.queries import load_payment_method


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def require_status(
    order: Order, status: OrderStatus, *, verb: str, tau_error: str | None = None
) -> None:
    """The benchmark compares the status exactly: `pending (item modified)` is not pending."""
    if order.status != status:
        details = {"tau_error": tau_error} if tau_error else {}
        raise InvalidState(
            f"This order is {order.status.value}; only {status.value} orders can be {verb}.",
            hint="Tell the customer what the current status allows; do not retry.",
            status=order.status.value,
            **details,
        )


def count_check(order: Order, item_ids: Sequence[str], *, tau_error: str | None) -> None:
    """Each id may be asked for at most as often as the order holds it."""
    held = Counter(i.item_id for i in order.items)
    asked = Counter(item_ids)
    for item_id in item_ids:
        if asked[item_id] > held[item_id]:
            raise NotFound(
                f"Item {item_id} is not in this order that many times.",
                hint="Use the item ids listed in the order details, each once per unit.",
                tau_error=tau_error or f"Error: {item_id} not found",
                item_id=item_id,
            )


def first_line(order: Order, item_id: str) -> OrderItem:
    return next(i for i in order.items if i.item_id == item_id)


def successive_lines(order: Order, item_ids: Sequence[str]) -> list[OrderItem]:
    """The lines a list of ids names: duplicates take successive lines holding the id."""
    used: set[int] = set()
    lines = []
    for item_id in item_ids:
        line = next(i for i in order.items if i.item_id == item_id and i.position not in used)
        used.add(line.position)
        lines.append(line)
    return lines


def new_variants_check(
    session: Session, order: Order, item_ids: Sequence[str], new_item_ids: Sequence[str]
) -> tuple[dict[str, Variant], Decimal]:
    """Each new id must be an available variant of the old line's product; returns the
    variants and the price difference (new price - the first line holding the old id)."""
    variants = {
        v.item_id: v
        for v in session.scalars(select(Variant).where(Variant.item_id.in_(set(new_item_ids))))
    }
    diff = Decimal("0")
    for item_id, new_item_id in zip(item_ids, new_item_ids, strict=True):
        line = first_line(order, item_id)
        variant = variants.get(new_item_id)
        if variant is None or variant.product_id != line.product_id or not variant.available:
            raise OutOfStock(
                f"Item {new_item_id} is not an available variant of the same product.",
                hint="Offer an available variant of the same product (see product info).",
                tau_error=f"Error: new item {new_item_id} not found or available",
                item_id=new_item_id,
            )
        diff += variant.price - line.price
    return variants, diff


def lock_methods(session: Session, order: Order, *, lock: bool) -> None:
    """Lock the order's customer's payment methods (balances move), in id order.

    Always taken after the order row and before stock rows, by every action, so two
    actions never hold these locks crosswise.
    """
    if lock:
        session.scalars(
            select(PaymentMethod)
            .where(PaymentMethod.customer_id == order.customer_id)
            .order_by(PaymentMethod.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).all()


def payment_method_of(session: Session, order: Order, payment_method_id: str) -> PaymentMethod:
    return load_payment_method(
        session, payment_method_id=payment_method_id, owner_id=order.customer_id
    )


def is_gift_card(method: PaymentMethod) -> bool:
    return method.source == PaymentSource.GIFT_CARD


def append_ledger(
    order: Order, kind: TransactionType, amount: Decimal, payment_method_id: str
) -> LedgerEntry:
    position = max((e.position for e in order.ledger), default=-1) + 1
    entry = LedgerEntry(
        position=position,
        transaction_type=kind,
        amount=money(amount),
        payment_method_id=payment_method_id,
    )
    order.ledger.append(entry)
    return entry


def net_by_method(order: Order) -> list[tuple[str, Decimal]]:
    """Payments minus refunds per method, methods in the order of their first entry."""
    net: dict[str, Decimal] = {}
    for entry in order.ledger:
        sign = 1 if entry.transaction_type == TransactionType.PAYMENT else -1
        net[entry.payment_method_id] = net.get(entry.payment_method_id, Decimal(0)) + (
            sign * entry.amount
        )
    return [(pm, money(amount)) for pm, amount in net.items()]
