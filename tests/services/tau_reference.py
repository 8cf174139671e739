"""An independent, dict-based reading of ../shared/specs/tau-retail.md's write tools.

Written straight from the spec's text over the benchmark's JSON (money as Decimal), to
check the services against: same error string for every failed check, same state after
every successful action.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

Data = dict[str, dict[str, Any]]  # {"users": ..., "orders": ..., "products": ...}
CENT = Decimal("0.01")


def to_decimal(value: Any) -> Any:
    """The JSON files' floats as exact cents, recursively."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Decimal(str(value)).quantize(CENT)
    if isinstance(value, dict):
        return {k: to_decimal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_decimal(v) for v in value]
    return value


def _order(data: Data, order_id: str) -> dict[str, Any] | str:
    return data["orders"].get(order_id) or "Error: order not found"


def _method(data: Data, order: dict[str, Any], pm_id: str) -> dict[str, Any] | None:
    return data["users"][order["user_id"]]["payment_methods"].get(pm_id)


def cancel_pending_order(data: Data, order_id: str, reason: str) -> str | None:
    order = _order(data, order_id)
    if isinstance(order, str):
        return order
    if order["status"] != "pending":
        return "Error: non-pending order cannot be cancelled"
    if reason not in ("no longer needed", "ordered by mistake"):
        return "Error: invalid reason"
    net: dict[str, Decimal] = {}
    for entry in order["payment_history"]:
        sign = 1 if entry["transaction_type"] == "payment" else -1
        pm = entry["payment_method_id"]
        net[pm] = net.get(pm, Decimal(0)) + sign * entry["amount"]
    for pm, amount in net.items():
        if amount > 0:
            order["payment_history"].append(
                {"transaction_type": "refund", "amount": amount, "payment_method_id": pm}
            )
            method = _method(data, order, pm)
            if method and method["source"] == "gift_card":
                method["balance"] += amount
    order["status"] = "cancelled"
    order["cancel_reason"] = reason
    return None


def modify_pending_order_address(data: Data, order_id: str, **address: str) -> str | None:
    order = _order(data, order_id)
    if isinstance(order, str):
        return order
    if order["status"] != "pending":
        return "Error: non-pending order cannot be modified"
    order["address"] = dict(address)
    return None


def modify_user_address(data: Data, user_id: str, **address: str) -> str | None:
    user = data["users"].get(user_id)
    if user is None:
        return "Error: user not found"
    user["address"] = dict(address)
    return None


def modify_pending_order_payment(data: Data, order_id: str, payment_method_id: str) -> str | None:
    order = _order(data, order_id)
    if isinstance(order, str):
        return order
    if order["status"] != "pending":
        return "Error: non-pending order cannot be modified"
    new = _method(data, order, payment_method_id)
    if new is None:
        return "Error: payment method not found"
    history = order["payment_history"]
    if len(history) != 1 or history[0]["transaction_type"] != "payment":
        return "Error: there should be exactly one payment for a pending order"
    if history[0]["payment_method_id"] == payment_method_id:
        return "Error: the new payment method should be different from the current one"
    amount = history[0]["amount"]
    if new["source"] == "gift_card" and new["balance"] < amount:
        return "Error: insufficient gift card balance to pay for the order"
    old_id = history[0]["payment_method_id"]
    history.append(
        {"transaction_type": "payment", "amount": amount, "payment_method_id": payment_method_id}
    )
    history.append({"transaction_type": "refund", "amount": amount, "payment_method_id": old_id})
    if new["source"] == "gift_card":
        new["balance"] -= amount
    old = _method(data, order, old_id)
    if old and old["source"] == "gift_card":
        old["balance"] += amount
    return None


def _diff(
    data: Data, order: dict[str, Any], item_ids: list[str], new_item_ids: list[str]
) -> Decimal | str:
    held = [i["item_id"] for i in order["items"]]
    for item_id in item_ids:
        if item_ids.count(item_id) > held.count(item_id):
            return f"Error: {item_id} not found"
    if len(item_ids) != len(new_item_ids):
        return "Error: the number of items to be exchanged should match"
    diff = Decimal(0)
    for item_id, new_id in zip(item_ids, new_item_ids, strict=True):
        line = next(i for i in order["items"] if i["item_id"] == item_id)
        variants = data["products"][line["product_id"]]["variants"]
        if new_id not in variants or not variants[new_id]["available"]:
            return f"Error: new item {new_id} not found or available"
        diff += variants[new_id]["price"] - line["price"]
    return diff


def modify_pending_order_items(
    data: Data, order_id: str, item_ids: list[str], new_item_ids: list[str], payment_method_id: str
) -> str | None:
    order = _order(data, order_id)
    if isinstance(order, str):
        return order
    if order["status"] != "pending":
        return "Error: non-pending order cannot be modified"
    diff = _diff(data, order, item_ids, new_item_ids)
    if isinstance(diff, str):
        return diff
    method = _method(data, order, payment_method_id)
    if method is None:
        return "Error: payment method not found"
    if method["source"] == "gift_card" and method["balance"] < diff:
        return "Error: insufficient gift card balance to pay for the new item"
    order["payment_history"].append(
        {
            "transaction_type": "payment" if diff > 0 else "refund",
            "amount": abs(diff),
            "payment_method_id": payment_method_id,
        }
    )
    if method["source"] == "gift_card":
        method["balance"] -= diff
    for item_id, new_id in zip(item_ids, new_item_ids, strict=True):
        line = next(i for i in order["items"] if i["item_id"] == item_id)
        variant = data["products"][line["product_id"]]["variants"][new_id]
        line["item_id"], line["price"] = new_id, variant["price"]
        line["options"] = dict(variant["options"])
    order["status"] = "pending (item modified)"
    return None


def return_delivered_order_items(
    data: Data, order_id: str, item_ids: list[str], payment_method_id: str
) -> str | None:
    order = _order(data, order_id)
    if isinstance(order, str):
        return order
    if order["status"] != "delivered":
        return "Error: non-delivered order cannot be returned"
    method = _method(data, order, payment_method_id)
    if method is None:
        return "Error: payment method not found"
    if (
        method["source"] != "gift_card"
        and payment_method_id != order["payment_history"][0]["payment_method_id"]
    ):
        return "Error: payment method should be either the original payment method or a gift card"
    held = [i["item_id"] for i in order["items"]]
    for item_id in item_ids:
        if item_ids.count(item_id) > held.count(item_id):
            return "Error: some item not found"
    order["status"] = "return requested"
    order["return_items"] = sorted(item_ids)
    order["return_payment_method_id"] = payment_method_id
    return None


def exchange_delivered_order_items(
    data: Data, order_id: str, item_ids: list[str], new_item_ids: list[str], payment_method_id: str
) -> str | None:
    order = _order(data, order_id)
    if isinstance(order, str):
        return order
    if order["status"] != "delivered":
        return "Error: non-delivered order cannot be exchanged"
    diff = _diff(data, order, item_ids, new_item_ids)
    if isinstance(diff, str):
        return diff
    method = _method(data, order, payment_method_id)
    if method is None:
        return "Error: payment method not found"
    diff = diff.quantize(CENT)
    if method["source"] == "gift_card" and method["balance"] < diff:
        return "Error: insufficient gift card balance to pay for the price difference"
    order["status"] = "exchange requested"
    order["exchange_items"] = sorted(item_ids)
    order["exchange_new_items"] = sorted(new_item_ids)
    order["exchange_payment_method_id"] = payment_method_id
    order["exchange_price_difference"] = diff
    return None
