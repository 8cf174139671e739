"""The tau-bench retail JSON shapes of users, orders and products (../shared/specs/tau-retail.md).

Pure functions from ORM rows to plain dicts, used by `storedesk export-tau` and by the
`tau-retail` toolset (get_user_details, get_order_details, get_product_details), so the
export and the tools can never disagree. Keys and their order follow the benchmark's
files; the optional order keys appear only once set; money is a JSON number rounded to
the cent (the benchmark's own type), never a string.

The `load_*` helpers fetch a row with everything its shape needs in a constant number
of queries (one per relationship), whatever the size of the order or the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from services.models import CENT, Customer, Order, PaymentMethod, Product

T = TypeVar("T")

ADDRESS_KEYS = ("address1", "address2", "city", "country", "state", "zip")
# Set only once the matching action has happened; absent (not null) otherwise.
ORDER_OPTIONAL_KEYS = (
    "cancel_reason",
    "return_items",
    "return_payment_method_id",
    "exchange_items",
    "exchange_new_items",
    "exchange_payment_method_id",
    "exchange_price_difference",
)


def money_to_tau(value: Decimal) -> float:
    """A Decimal amount as the benchmark's JSON number, rounded to the cent.

    float() of a two-decimal Decimal is the nearest double, which prints back as the same
    two decimals (json writes the shortest repr), so 47.84 stays 47.84.
    """
    return float(Decimal(value).quantize(CENT))


def address_to_tau(row: Customer | Order) -> dict[str, str]:
    return {key: getattr(row, key) or "" for key in ADDRESS_KEYS}


def payment_method_to_tau(method: PaymentMethod) -> dict[str, Any]:
    out: dict[str, Any] = {"source": method.source.value}
    if method.brand is not None:
        out["brand"] = method.brand
    if method.last_four is not None:
        out["last_four"] = method.last_four
    if method.balance is not None:
        out["balance"] = money_to_tau(method.balance)
    out["id"] = method.id
    return out


def user_to_tau(customer: Customer) -> dict[str, Any]:
    """The user object of users.json (it has no `user_id` key of its own)."""
    return {
        "name": {"first_name": customer.first_name, "last_name": customer.last_name},
        "address": address_to_tau(customer),
        "email": customer.email,
        "payment_methods": {pm.id: payment_method_to_tau(pm) for pm in customer.payment_methods},
        "orders": [order.id for order in customer.orders],
    }


def order_to_tau(order: Order) -> dict[str, Any]:
    out: dict[str, Any] = {
        "order_id": order.id,
        "user_id": order.customer_id,
        "address": address_to_tau(order),
        "items": [
            {
                "name": item.name,
                "product_id": item.product_id,
                "item_id": item.item_id,
                "price": money_to_tau(item.price),
                "options": dict(item.options),
            }
            for item in order.items
        ],
        "fulfillments": [
            {"tracking_id": list(f.tracking_ids), "item_ids": list(f.item_ids)}
            for f in order.fulfillments
        ],
        "status": order.status.value,
        "payment_history": [
            {
                "transaction_type": entry.transaction_type.value,
                "amount": money_to_tau(entry.amount),
                "payment_method_id": entry.payment_method_id,
            }
            for entry in order.ledger
        ],
    }
    for key in ORDER_OPTIONAL_KEYS:
        value = getattr(order, key)
        if value is None:
            continue
        out[key] = money_to_tau(value) if isinstance(value, Decimal) else value
    return out


def product_to_tau(product: Product) -> dict[str, Any]:
    return {
        "name": product.name,
        "product_id": product.id,
        "variants": {
            v.item_id: {
                "item_id": v.item_id,
                "options": dict(v.options),
                "available": bool(v.available),
                "price": money_to_tau(v.price),
            }
            for v in product.variants
        },
    }


# --- loaders: eager loading, a constant number of queries per call ----------------------

_USER_LOAD = (
    selectinload(Customer.payment_methods),
    # Only the ids of the user's orders are shown; don't load whole orders.
    selectinload(Customer.orders).load_only(Order.id, Order.customer_position),
)
_ORDER_LOAD = (
    selectinload(Order.items),
    selectinload(Order.ledger),
    selectinload(Order.fulfillments),
)
_PRODUCT_LOAD = (selectinload(Product.variants),)


def load_user(session: Session, user_id: str) -> Customer | None:
    return session.scalars(
        select(Customer).where(Customer.id == user_id).options(*_USER_LOAD)
    ).one_or_none()


def load_order(session: Session, order_id: str) -> Order | None:
    return session.scalars(
        select(Order).where(Order.id == order_id).options(*_ORDER_LOAD)
    ).one_or_none()


def load_product(session: Session, product_id: str) -> Product | None:
    return session.scalars(
        select(Product).where(Product.id == product_id).options(*_PRODUCT_LOAD)
    ).one_or_none()


def load_users(session: Session, user_ids: Sequence[str]) -> list[Customer]:
    """Several users at once, in the order of `user_ids` (missing ids are skipped)."""
    rows = session.scalars(select(Customer).where(Customer.id.in_(user_ids)).options(*_USER_LOAD))
    return _in_order(user_ids, {c.id: c for c in rows})


def load_orders(session: Session, order_ids: Sequence[str]) -> list[Order]:
    rows = session.scalars(select(Order).where(Order.id.in_(order_ids)).options(*_ORDER_LOAD))
    return _in_order(order_ids, {o.id: o for o in rows})


def load_products(session: Session, product_ids: Sequence[str]) -> list[Product]:
    rows = session.scalars(
        select(Product).where(Product.id.in_(product_ids)).options(*_PRODUCT_LOAD)
    )
    return _in_order(product_ids, {p.id: p for p in rows})


def _in_order(ids: Sequence[str], found: dict[str, T]) -> list[T]:
    return [found[i] for i in ids if i in found]
