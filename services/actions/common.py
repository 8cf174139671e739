"""Checks and ledger moves shared by the order actions, with the benchmark's error texts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy.orm import Session

from services.actions.state import (
    MethodState,
    OrderState,
    add_ledger,
    lock_methods_of,
    method_of,
    variants_by_id,
)
from services.errors import InvalidState, NotFound, OutOfStock
from services.formatting import payment_label
from services.models import CENT, OrderStatus, PaymentMethod, PaymentSource, TransactionType


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def require_status(
    order: OrderState, status: OrderStatus, *, verb: str, tau_error: str | None = None
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


def count_check(order: OrderState, item_ids: Sequence[str], *, tau_error: str | None) -> None:
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


def first_line(order: OrderState, item_id: str) -> Any:
    return next(i for i in order.items if i.item_id == item_id)


def successive_lines(order: OrderState, item_ids: Sequence[str]) -> list[Any]:
    """The lines a list of ids names: duplicates take successive lines holding the id."""
    used: set[int] = set()
    lines = []
    for item_id in item_ids:
        line = next(i for i in order.items if i.item_id == item_id and i.position not in used)
        used.add(line.position)
        lines.append(line)
    return lines


def new_variants_check(
    session: Session, order: OrderState, item_ids: Sequence[str], new_item_ids: Sequence[str]
) -> tuple[dict[str, Any], Decimal]:
    """Each new id must be an available variant of the old line's product; returns the
    variants and the price difference (new price - the first line holding the old id)."""
    variants = variants_by_id(session, set(new_item_ids))
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


def lock_methods(session: Session, order: OrderState, *, lock: bool) -> None:
    """Lock the order's customer's payment methods (balances move), in id order.

    Always taken after the order row and before stock rows, by every action, so two
    actions never hold these locks crosswise.
    """
    if lock:
        lock_methods_of(session, owner_id=order.customer_id)


def payment_method_of(session: Session, order: OrderState, payment_method_id: str) -> MethodState:
    return method_of(session, payment_method_id=payment_method_id, owner_id=order.customer_id)


def is_gift_card(method: MethodState) -> bool:
    return method.source == PaymentSource.GIFT_CARD


class Ledger:
    """New ledger entries of one order, numbered after those it already has."""

    def __init__(self, session: Session, order: OrderState) -> None:
        self._session = session
        self._order_id = order.id
        self._next = max((e.position for e in order.ledger), default=-1) + 1

    def append(self, kind: TransactionType, amount: Decimal, payment_method_id: str) -> None:
        add_ledger(
            self._session,
            self._order_id,
            position=self._next,
            transaction_type=kind,
            amount=money(amount),
            payment_method_id=payment_method_id,
        )
        self._next += 1


def net_by_method(order: OrderState) -> list[tuple[str, Decimal]]:
    """Payments minus refunds per method, methods in the order of their first entry."""
    net: dict[str, Decimal] = {}
    for entry in order.ledger:
        sign = 1 if entry.transaction_type == TransactionType.PAYMENT else -1
        net[entry.payment_method_id] = net.get(entry.payment_method_id, Decimal(0)) + (
            sign * entry.amount
        )
    return [(pm, money(amount)) for pm, amount in net.items()]


def method_label(method: MethodState) -> str:
    """'visa •••• 4242': `payment_label` reads only the source, brand and last four."""
    return payment_label(cast(PaymentMethod, method))
