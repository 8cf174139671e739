"""The `tau-retail` toolset on the imported benchmark store: exact outputs and errors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.tau import TAU_RETAIL
from app.tools.tau.calc import calculate
from seed_data.tau import import_tau
from services.models import Actor, HandoffTicket
from services.uow import UowFactory


@pytest.fixture
def tau(uow_factory: UowFactory, tau_dir: Path) -> ToolContext:
    import_tau(uow_factory, tau_dir)
    return ToolContext(uow_factory=uow_factory, actor=Actor.SYSTEM, confirmation="automatic")


@pytest.fixture
def tau_data(tau_dir: Path) -> dict[str, dict[str, Any]]:
    return {n: json.loads((tau_dir / f"{n}.json").read_text()) for n in ("users", "orders")}


def run(ctx: ToolContext, name: str, **args: Any) -> str:
    return dispatch(TAU_RETAIL, ctx, name, args).result


def first(data: dict[str, Any], **match: Any) -> str:
    return next(k for k, v in data.items() if all(v.get(f) == x for f, x in match.items()))


def test_find_user_by_email_and_by_name_zip(tau: ToolContext, tau_data: dict) -> None:
    user_id, user = next(iter(tau_data["users"].items()))
    assert run(tau, "find_user_id_by_email", email=user["email"].upper()) == user_id
    name = user["name"]
    found = run(
        tau,
        "find_user_id_by_name_zip",
        first_name=name["first_name"].lower(),
        last_name=name["last_name"],
        zip=user["address"]["zip"],
    )
    assert found == user_id
    assert run(tau, "find_user_id_by_email", email="nobody@nowhere.test") == "Error: user not found"
    assert run(tau, "find_user_id_by_email", email="") == "Error: user not found"


def test_details_are_the_benchmark_records(tau: ToolContext, tau_data: dict) -> None:
    order_id = next(iter(tau_data["orders"]))
    out = run(tau, "get_order_details", order_id=order_id)
    # Byte for byte on every backend: the JSON columns keep an item's options in the
    # benchmark's key order (plain `json` on PostgreSQL, not JSONB).
    assert out == json.dumps(tau_data["orders"][order_id])
    user_id = next(iter(tau_data["users"]))
    user = json.loads(run(tau, "get_user_details", user_id=user_id))
    assert user["orders"] == tau_data["users"][user_id]["orders"]
    assert set(user["payment_methods"]) == set(tau_data["users"][user_id]["payment_methods"])
    assert run(tau, "get_order_details", order_id="#W0000000") == "Error: order not found"
    assert run(tau, "get_user_details", user_id="no_one_1") == "Error: user not found"
    assert run(tau, "get_product_details", product_id="0") == "Error: product not found"


def test_product_types_sorted_by_name(tau: ToolContext, tau_dir: Path) -> None:
    products = json.loads((tau_dir / "products.json").read_text())
    expected = dict(sorted({p["name"]: p["product_id"] for p in products.values()}.items()))
    assert run(tau, "list_all_product_types") == json.dumps(expected)
    product_id = next(iter(products))
    details = json.loads(run(tau, "get_product_details", product_id=product_id))
    assert set(details["variants"]) == set(products[product_id]["variants"])


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("2 + 2", "4.0"),
        ("(10 - 2.5) * 3 / 4", "5.62"),
        ("-3 + 1", "-2.0"),
        ("1 / 0", "Error: division by zero"),
        ("2 + x", "Error: invalid characters in expression"),
        ("__import__('os')", "Error: invalid characters in expression"),
        ("9 ** 9 ** 9", "Error: exponent too large"),
    ],
)
def test_calculate_matches_the_benchmark_without_eval(expression: str, expected: str) -> None:
    assert calculate(expression) == expected


def test_think_and_transfer(tau: ToolContext) -> None:
    assert run(tau, "think", thought="The user wants a refund.") == ""
    assert run(tau, "transfer_to_human_agents", summary="Refund dispute") == "Transfer successful"
    with tau.uow_factory() as uow:
        assert uow.session.query(HandoffTicket).count() == 1


def test_cancel_checks_in_the_benchmarks_order(tau: ToolContext, tau_data: dict) -> None:
    orders = tau_data["orders"]
    pending = first(orders, status="pending")
    delivered = first(orders, status="delivered")
    assert run(tau, "cancel_pending_order", order_id="#W0", reason="no longer needed") == (
        "Error: order not found"
    )
    assert run(tau, "cancel_pending_order", order_id=delivered, reason="no longer needed") == (
        "Error: non-pending order cannot be cancelled"
    )
    out = run(tau, "cancel_pending_order", order_id=pending, reason="ordered by mistake")
    order = json.loads(out)
    assert order["status"] == "cancelled" and order["cancel_reason"] == "ordered by mistake"
    assert order["payment_history"][-1]["transaction_type"] == "refund"
    # the answer is the benchmark's json.dumps of the order, default separators
    assert out == json.dumps(order)


def test_invalid_cancel_reason_is_the_benchmark_error(tau: ToolContext, tau_data: dict) -> None:
    pending = first(tau_data["orders"], status="pending")
    for reason in ("because", " no longer needed ", "no longer needed\n"):
        out = run(tau, "cancel_pending_order", order_id=pending, reason=reason)
        assert out == "Error: invalid reason"
    assert json.loads(run(tau, "get_order_details", order_id=pending))["status"] == "pending"


def test_values_are_taken_exactly_as_the_benchmark(tau: ToolContext, tau_data: dict) -> None:
    orders = tau_data["orders"]
    pending = first(orders, status="pending")
    # A padded id names no order: nothing is cancelled (it used to cancel, then report
    # "order not found" while reading the order back).
    out = run(tau, "cancel_pending_order", order_id=f" {pending} ", reason="no longer needed")
    assert out == "Error: order not found"
    assert json.loads(run(tau, "get_order_details", order_id=pending))["status"] == "pending"
    address = {
        "address1": " 12 Main St ",
        "address2": "",
        "city": "Austin",
        "state": "TX",
        "country": "USA",
        "zip": "78701",
    }
    out = json.loads(run(tau, "modify_pending_order_address", order_id=pending, **address))
    assert out["address"]["address1"] == " 12 Main St "  # stored as given
    user = next(iter(tau_data["users"].values()))
    assert run(tau, "find_user_id_by_email", email=f" {user['email']}") == "Error: user not found"
    name = user["name"]
    padded = run(
        tau,
        "find_user_id_by_name_zip",
        first_name=name["first_name"],
        last_name=name["last_name"],
        zip=f"{user['address']['zip']} ",
    )
    assert padded == "Error: user not found"


def test_explicit_confirmation_previews_instead(tau: ToolContext, tau_data: dict) -> None:
    pending = first(tau_data["orders"], status="pending")
    out = json.loads(
        run(replace(tau, confirmation="explicit"), "cancel_pending_order", order_id=pending,
            reason="no longer needed")
    )  # fmt: skip
    assert out["status"] == "confirmation_required"
    assert json.loads(run(tau, "get_order_details", order_id=pending))["status"] == "pending"


def _first_line(order: dict[str, Any]) -> dict[str, Any]:
    return order["items"][0]


def test_return_and_exchange_of_delivered_orders(
    tau: ToolContext, tau_data: dict, tau_dir: Path
) -> None:
    orders = tau_data["orders"]
    delivered = [k for k, v in orders.items() if v["status"] == "delivered"]
    first_id, second_id = delivered[0], delivered[1]
    order = orders[first_id]
    original = order["payment_history"][0]["payment_method_id"]
    item = _first_line(order)["item_id"]
    assert run(
        tau, "return_delivered_order_items", order_id=first_id, item_ids=["0"],
        payment_method_id=original,
    ) == "Error: some item not found"  # fmt: skip
    out = json.loads(
        run(tau, "return_delivered_order_items", order_id=first_id, item_ids=[item],
            payment_method_id=original)
    )  # fmt: skip
    assert out["status"] == "return requested" and out["return_items"] == [item]
    assert run(
        tau, "return_delivered_order_items", order_id=first_id, item_ids=[item],
        payment_method_id=original,
    ) == "Error: non-delivered order cannot be returned"  # fmt: skip
    second = orders[second_id]
    line = _first_line(second)
    products = json.loads((tau_dir / "products.json").read_text())
    variants = products[line["product_id"]]["variants"]
    other = next(v for k, v in variants.items() if k != line["item_id"] and v["available"])[
        "item_id"
    ]
    out = json.loads(
        run(tau, "exchange_delivered_order_items", order_id=second_id,
            item_ids=[line["item_id"]], new_item_ids=[other],
            payment_method_id=second["payment_history"][0]["payment_method_id"])
    )  # fmt: skip
    assert out["status"] == "exchange requested" and out["exchange_new_items"] == [other]
    expected = round(variants[other]["price"] - line["price"], 2)
    assert out["exchange_price_difference"] == expected


def test_pending_order_changes_report_the_benchmark_errors(
    tau: ToolContext, tau_data: dict
) -> None:
    orders = tau_data["orders"]
    pending = first(orders, status="pending")
    user_id = orders[pending]["user_id"]
    delivered = first(orders, status="delivered")
    assert (
        run(tau, "modify_pending_order_payment", order_id=delivered, payment_method_id="x")
        == "Error: non-pending order cannot be modified"
    )
    assert (
        run(tau, "modify_pending_order_payment", order_id=pending, payment_method_id="paypal_0")
        == "Error: payment method not found"
    )
    assert run(
        tau, "modify_pending_order_items", order_id=pending, item_ids=["1", "2"],
        new_item_ids=["1"], payment_method_id="x",
    ).startswith("Error: ")  # fmt: skip
    address = {"address1": "1 Main St", "address2": "", "city": "Austin", "state": "TX",
               "country": "USA", "zip": "73301"}  # fmt: skip
    moved = json.loads(run(tau, "modify_pending_order_address", order_id=pending, **address))
    assert moved["address"] == address
    user = json.loads(run(tau, "modify_user_address", user_id=user_id, **address))
    assert user["address"] == address
    assert run(tau, "modify_user_address", user_id="nobody_0", **address) == (
        "Error: user not found"
    )
