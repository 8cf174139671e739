"""The services against an independent reading of the spec, on the imported benchmark store.

A seeded random walk of a few hundred write actions (valid and broken ones) runs both on
the database through the services and on the JSON through `tau_reference`: every call
must fail with the same benchmark error string or succeed on both, and at the end every
touched order and user must be the same, money to the cent and lists in order.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from seed_data.tau import import_tau
from services import actions, tau_shape
from services.errors import DomainError
from services.uow import UowFactory
from tests.services import tau_reference as ref

STEPS = 400
ADDRESS_KEYS = ("address1", "address2", "city", "state", "country", "zip")
KINDS = (
    "cancel_pending_order",
    "modify_pending_order_address",
    "modify_user_address",
    "modify_pending_order_payment",
    "modify_pending_order_items",
    "return_delivered_order_items",
    "exchange_delivered_order_items",
)
WANTS = {
    "cancel_pending_order": "pending",
    "modify_pending_order_address": "pending",
    "modify_user_address": None,
    "modify_pending_order_payment": "pending",
    "modify_pending_order_items": "pending",
    "return_delivered_order_items": "delivered",
    "exchange_delivered_order_items": "delivered",
}


def _load(tau_dir: Path) -> ref.Data:
    return {
        name: ref.to_decimal(json.loads((tau_dir / f"{name}.json").read_text()))
        for name in ("users", "orders", "products")
    }


def _pick_order(rng: random.Random, data: ref.Data, status: str | None, touched: list[str]) -> str:
    if rng.random() < 0.04:
        return "#W0000000"
    if touched and rng.random() < 0.2:
        return rng.choice(touched)  # act again on an order already changed
    orders = data["orders"]
    if status and rng.random() < 0.8:
        ids = [k for k, v in orders.items() if v["status"] == status]
        if ids:
            return rng.choice(ids)
    return rng.choice(list(orders))


def _pick_method(rng: random.Random, data: ref.Data, user_id: str) -> str:
    methods = data["users"][user_id]["payment_methods"]
    gift_cards = [pm for pm, m in methods.items() if m["source"] == "gift_card"]
    roll = rng.random()
    if gift_cards and roll > 0.7:
        return rng.choice(gift_cards)
    if roll < 0.05:
        return "gift_card_0000000"
    if roll < 0.12:
        return rng.choice(list(data["users"][rng.choice(list(data["users"]))]["payment_methods"]))
    return rng.choice(list(data["users"][user_id]["payment_methods"]))


def _pick_items(rng: random.Random, order: dict[str, Any]) -> list[str]:
    lines = order["items"]
    picked = [
        lines[i]["item_id"] for i in rng.sample(range(len(lines)), rng.randint(1, len(lines)))
    ]
    if rng.random() < 0.08:
        picked.append(rng.choice(picked))  # maybe more often than the order holds it
    if rng.random() < 0.05:
        picked.append("0000000000")
    return picked


def _pick_new(
    rng: random.Random, data: ref.Data, order: dict[str, Any], old: list[str]
) -> list[str]:
    new = []
    for item_id in old:
        line = next((i for i in order["items"] if i["item_id"] == item_id), None)
        if line is None or rng.random() < 0.05:
            product = data["products"][rng.choice(list(data["products"]))]
        else:
            product = data["products"][line["product_id"]]
        new.append(rng.choice(list(product["variants"])))
    if rng.random() < 0.05:
        new = new[:-1] or new + new
    return new


def _address(rng: random.Random) -> dict[str, str]:
    n = rng.randint(1, 999)
    return {
        "address1": f"{n} Conformance Ave",
        "address2": rng.choice(["", f"Suite {n}"]),
        "city": "Testburg",
        "state": "TX",
        "country": "USA",
        "zip": f"{n:05}",
    }


def _step(rng: random.Random, data: ref.Data, touched: list[str]) -> tuple[str, dict[str, Any]]:
    kind = rng.choice(KINDS)
    order_id = _pick_order(rng, data, WANTS[kind], touched)
    order = data["orders"].get(order_id) or data["orders"][rng.choice(list(data["orders"]))]
    user_id = order["user_id"]
    if kind == "cancel_pending_order":
        reason = rng.choice(["no longer needed", "ordered by mistake", "found it cheaper"])
        return kind, {"order_id": order_id, "reason": reason}
    if kind == "modify_pending_order_address":
        return kind, {"order_id": order_id, **_address(rng)}
    if kind == "modify_user_address":
        uid = user_id if rng.random() < 0.95 else "nobody_0000"
        return kind, {"user_id": uid, **_address(rng)}
    pm = _pick_method(rng, data, user_id)
    if kind == "modify_pending_order_payment":
        return kind, {"order_id": order_id, "payment_method_id": pm}
    old = _pick_items(rng, order)
    if kind == "return_delivered_order_items":
        if rng.random() < 0.5:
            pm = order["payment_history"][0]["payment_method_id"]
        return kind, {"order_id": order_id, "item_ids": old, "payment_method_id": pm}
    return kind, {
        "order_id": order_id,
        "item_ids": old,
        "new_item_ids": _pick_new(rng, data, order, old),
        "payment_method_id": pm,
    }


def _service(uf: UowFactory, kind: str, a: dict[str, Any]) -> str | None:
    address = {
        k: a[k] for k in ("address1", "address2", "city", "state", "country", "zip") if k in a
    }
    calls = {
        "cancel_pending_order": lambda: actions.cancel_order(
            uf, order_id=a["order_id"], reason=a.get("reason", ""), customer_id=None
        ),
        "modify_pending_order_address": lambda: actions.change_shipping_address(
            uf, order_id=a["order_id"], address=address, customer_id=None
        ),
        "modify_user_address": lambda: actions.change_default_address(
            uf, user_id=a.get("user_id", ""), address=address, customer_id=None
        ),
        "modify_pending_order_payment": lambda: actions.change_payment_method(
            uf, order_id=a["order_id"], payment_method_id=a["payment_method_id"], customer_id=None
        ),
        "modify_pending_order_items": lambda: actions.modify_items(uf, customer_id=None, **a),
        "return_delivered_order_items": lambda: actions.request_return(uf, customer_id=None, **a),
        "exchange_delivered_order_items": lambda: actions.request_exchange(
            uf, customer_id=None, **a
        ),
    }
    try:
        calls[kind]()
    except DomainError as exc:
        assert exc.tau_error, f"{kind}{a}: store-only error {exc.code}: {exc.message}"
        return exc.tau_error
    return None


def test_random_walk_matches_the_reference(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    data = _load(tau_dir)
    rng = random.Random(20261121)
    touched_orders: set[str] = set()
    touched_users: set[str] = set()
    outcomes: dict[str, int] = {}
    for step in range(STEPS):
        kind, args = _step(rng, data, sorted(touched_orders))
        expected = getattr(ref, kind)(data, **args)
        actual = _service(uow_factory, kind, args)
        assert actual == expected, f"step {step}: {kind}{args}"
        outcome = re.sub(r"\d{10}", "{id}", expected or "ok")
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if "order_id" in args and args["order_id"] in data["orders"]:
            touched_orders.add(args["order_id"])
            touched_users.add(data["orders"][args["order_id"]]["user_id"])
        if args.get("user_id") in data["users"]:
            touched_users.add(args["user_id"])
    # the walk exercised successes and most of the spec's errors
    assert outcomes["ok"] > STEPS // 5
    print("outcomes:", sorted(outcomes.items(), key=lambda kv: -kv[1]))
    assert len(outcomes) >= 18, outcomes
    with uow_factory() as uow:
        s = uow.session
        for order_id in sorted(touched_orders):
            order = tau_shape.load_order(s, order_id)
            assert order is not None
            got = ref.to_decimal(tau_shape.order_to_tau(order))
            assert got == data["orders"][order_id], order_id
        for user_id in sorted(touched_users):
            user = tau_shape.load_user(s, user_id)
            assert user is not None
            assert ref.to_decimal(tau_shape.user_to_tau(user)) == data["users"][user_id], user_id
