"""The tau-bench retail store loads without loss: counts, ids and list order."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from seed_data.tau import import_tau
from services.errors import InvalidRequest
from services.models import Customer, Order, PaymentMethod, Product
from services.stats import store_counts
from services.uow import UowFactory


def test_import_counts_every_record(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    counts = store_counts(uow_factory)
    assert counts["customers"] == 500
    assert counts["orders"] == 1000
    assert counts["order_items"] == 2978
    assert counts["products"] == 50
    assert counts["variants"] == 591
    assert counts["payment_methods"] == 695
    assert counts["ledger_entries"] == 1102


def test_import_keeps_ids_money_and_list_order(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    orders = json.loads((tau_dir / "orders.json").read_text())
    users = json.loads((tau_dir / "users.json").read_text())
    products = json.loads((tau_dir / "products.json").read_text())
    # an order with several lines, to see positions kept
    order_id = next(k for k, v in orders.items() if len(v["items"]) >= 4)
    user_id = next(
        k for k, v in users.items() if len(v["orders"]) >= 3 and len(v["payment_methods"]) >= 2
    )
    zero_led = next((pid for pid in products if pid.startswith("0")), None)
    with uow_factory() as uow:
        order = uow.session.get(Order, order_id)
        assert order is not None
        assert [i.item_id for i in order.items] == [i["item_id"] for i in orders[order_id]["items"]]
        assert [i.price for i in order.items] == [
            Decimal(str(i["price"])) for i in orders[order_id]["items"]
        ]
        assert [
            (e.transaction_type.value, e.amount, e.payment_method_id) for e in order.ledger
        ] == [
            (e["transaction_type"], Decimal(str(e["amount"])), e["payment_method_id"])
            for e in orders[order_id]["payment_history"]
        ]
        customer = uow.session.get(Customer, user_id)
        assert customer is not None
        assert [o.id for o in customer.orders] == users[user_id]["orders"]
        assert [pm.id for pm in customer.payment_methods] == list(users[user_id]["payment_methods"])
        if zero_led:
            assert uow.session.get(Product, zero_led) is not None
        gift = uow.session.scalars(
            select(PaymentMethod).where(PaymentMethod.source == "gift_card")
        ).first()
        assert gift is not None and isinstance(gift.balance, Decimal)


def test_import_refuses_a_store_with_data(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    with pytest.raises(InvalidRequest):
        import_tau(uow_factory, tau_dir)
    assert store_counts(uow_factory)["orders"] == 1000


def test_import_rejects_a_folder_without_the_files(uow_factory: UowFactory, tmp_path) -> None:
    with pytest.raises(InvalidRequest, match="missing"):
        import_tau(uow_factory, tmp_path)
