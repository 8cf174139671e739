"""Import of the tau-bench retail store (users.json, orders.json, products.json).

Every id is kept as the string it is (leading zeros included), and every list keeps its
order through a `position` column: order lines, ledger entries, fulfillments, tracking
ids, a user's payment methods and orders. See ../shared/specs/tau-retail.md.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from services.errors import InvalidRequest
from services.models import (
    CENT,
    Customer,
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    PaymentMethod,
    Product,
    StockLevel,
    Variant,
    Warehouse,
)
from services.uow import UowFactory

TAU_WAREHOUSE_ID = "WH-TAU"
# The benchmark has no stock: every available variant gets plenty, the others none.
PLENTIFUL_STOCK = 1000
_ORDER_OPTIONAL_KEYS = (
    "cancel_reason",
    "return_items",
    "return_payment_method_id",
    "exchange_items",
    "exchange_new_items",
    "exchange_payment_method_id",
)


def money(value: Any) -> Decimal:
    # str() first: Decimal(47.84) would carry the float's binary error.
    return Decimal(str(value)).quantize(CENT)


def load_tau_files(directory: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    directory = Path(directory)
    missing = [
        n for n in ("users.json", "orders.json", "products.json") if not (directory / n).is_file()
    ]
    if missing:
        raise InvalidRequest(f"Not a tau-bench retail folder: missing {', '.join(missing)}.")
    with (directory / "users.json").open(encoding="utf-8") as fh:
        users = json.load(fh)
    with (directory / "orders.json").open(encoding="utf-8") as fh:
        orders = json.load(fh)
    with (directory / "products.json").open(encoding="utf-8") as fh:
        products = json.load(fh)
    return users, orders, products


def import_tau(uow_factory: UowFactory, directory: Path) -> dict[str, int]:
    """Load the benchmark store into an empty database, in one transaction."""
    users, orders, products = load_tau_files(directory)
    rows = _rows(users, orders, products)
    with uow_factory() as uow:
        session = uow.session
        if session.scalar(select(func.count()).select_from(Customer)) or session.scalar(
            select(func.count()).select_from(Product)
        ):
            raise InvalidRequest(
                "The store is not empty.", hint="Reset the database before importing."
            )
        session.execute(
            insert(Warehouse),
            [
                {
                    "id": TAU_WAREHOUSE_ID,
                    "name": "tau-bench central",
                    "city": "Columbus",
                    "state": "OH",
                    "zip": "43215",
                    "country": "USA",
                }
            ],
        )
        for model, key in (
            (Product, "products"),
            (Variant, "variants"),
            (StockLevel, "stock"),
            (Customer, "customers"),
            (PaymentMethod, "payment_methods"),
            (Order, "orders"),
            (OrderItem, "order_items"),
            (LedgerEntry, "ledger"),
            (Fulfillment, "fulfillments"),
        ):
            if rows[key]:
                session.execute(insert(model), rows[key])
        uow.commit()
    return {key: len(value) for key, value in rows.items()}


def _rows(
    users: dict[str, Any], orders: dict[str, Any], products: dict[str, Any]
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "products",
            "variants",
            "stock",
            "customers",
            "payment_methods",
            "orders",
            "order_items",
            "ledger",
            "fulfillments",
        )
    }
    for product_id, product in products.items():
        out["products"].append({"id": product_id, "name": product["name"]})
        for position, (item_id, variant) in enumerate(product["variants"].items()):
            out["variants"].append(
                {
                    "item_id": item_id,
                    "product_id": product_id,
                    "position": position,
                    "options": variant["options"],
                    "price": money(variant["price"]),
                    "available": bool(variant["available"]),
                }
            )
            out["stock"].append(
                {
                    "warehouse_id": TAU_WAREHOUSE_ID,
                    "item_id": item_id,
                    "quantity": PLENTIFUL_STOCK if variant["available"] else 0,
                }
            )
    order_position: dict[str, int] = {}
    for user_id, user in users.items():
        address = user["address"]
        out["customers"].append(
            {
                "id": user_id,
                "first_name": user["name"]["first_name"],
                "last_name": user["name"]["last_name"],
                "email": user["email"],
                **address,
            }
        )
        for position, (pm_id, pm) in enumerate(user["payment_methods"].items()):
            out["payment_methods"].append(
                {
                    "id": pm_id,
                    "customer_id": user_id,
                    "position": position,
                    "source": pm["source"],
                    "brand": pm.get("brand"),
                    "last_four": pm.get("last_four"),
                    "balance": money(pm["balance"]) if "balance" in pm else None,
                }
            )
        for position, order_id in enumerate(user["orders"]):
            order_position[order_id] = position
    for order_id, order in orders.items():
        row: dict[str, Any] = {
            "id": order_id,
            "customer_id": order["user_id"],
            "customer_position": order_position.get(order_id, 0),
            "status": order["status"],
            "placed_at": None,
            **order["address"],
        }
        for key in _ORDER_OPTIONAL_KEYS:
            row[key] = order.get(key)
        diff = order.get("exchange_price_difference")
        row["exchange_price_difference"] = None if diff is None else money(diff)
        out["orders"].append(row)
        for position, item in enumerate(order["items"]):
            out["order_items"].append(
                {
                    "order_id": order_id,
                    "position": position,
                    "item_id": item["item_id"],
                    "product_id": item["product_id"],
                    "name": item["name"],
                    "price": money(item["price"]),
                    "options": item["options"],
                }
            )
        for position, entry in enumerate(order["payment_history"]):
            out["ledger"].append(
                {
                    "order_id": order_id,
                    "position": position,
                    "transaction_type": entry["transaction_type"],
                    "amount": money(entry["amount"]),
                    "payment_method_id": entry["payment_method_id"],
                    "created_at": None,
                }
            )
        for position, ful in enumerate(order["fulfillments"]):
            out["fulfillments"].append(
                {
                    "order_id": order_id,
                    "position": position,
                    "tracking_ids": list(ful["tracking_id"]),
                    "item_ids": list(ful["item_ids"]),
                }
            )
    return out
