"""Import then export of the tau-bench store gives back the same three files."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

from app.cli import app
from seed_data.tau import import_tau
from seed_data.tau_export import export_tau
from services import tau_shape
from services.models import CENT, Order
from services.uow import UowFactory

FILES = ("users.json", "orders.json", "products.json")


def cents(value: Any) -> Any:
    """Every number of the benchmark's files is money: compare it to the cent."""
    if isinstance(value, dict):
        return {k: cents(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cents(v) for v in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value)).quantize(CENT)
    return value


def load(directory: Path, name: str) -> Any:
    return json.loads((directory / name).read_text(encoding="utf-8"))


def test_import_then_export_gives_back_the_benchmark_files(
    uow_factory: UowFactory, tau_dir: Path, tmp_path: Path
) -> None:
    import_tau(uow_factory, tau_dir)
    counts = export_tau(uow_factory, tmp_path)
    assert counts == {"users": 500, "orders": 1000, "products": 50}
    for name in FILES:
        original, exported = load(tau_dir, name), load(tmp_path, name)
        # Same keys everywhere (no extra, none missing), same lists in the same order.
        assert cents(exported) == cents(original), name
    # Lists whose order matters, checked literally as well (dict equality ignores order).
    users, original_users = load(tmp_path, "users.json"), load(tau_dir, "users.json")
    for user_id, user in original_users.items():
        assert list(users[user_id]["payment_methods"]) == list(user["payment_methods"])
        assert users[user_id]["orders"] == user["orders"]
    products, original_products = load(tmp_path, "products.json"), load(tau_dir, "products.json")
    for product_id, product in original_products.items():
        assert list(products[product_id]["variants"]) == list(product["variants"])


def test_optional_order_keys_appear_only_once_set(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    with uow_factory() as uow:
        order_id = uow.session.scalars(select(Order.id).where(Order.status == "cancelled")).first()
        assert order_id is not None
        order = tau_shape.load_order(uow.session, order_id)
        assert order is not None
        assert "cancel_reason" not in tau_shape.order_to_tau(order)
        order.cancel_reason = "no longer needed"
        order.exchange_price_difference = Decimal("-12.5")
        shaped = tau_shape.order_to_tau(order)
    assert shaped["cancel_reason"] == "no longer needed"
    assert shaped["exchange_price_difference"] == -12.5
    assert "return_items" not in shaped and "exchange_items" not in shaped


def test_loaders_use_a_constant_number_of_queries(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    statements: list[str] = []
    from sqlalchemy import event

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(uow_factory.engine, "before_cursor_execute", count)
    try:
        with uow_factory() as uow:
            big = max(load(tau_dir, "orders.json").values(), key=lambda o: len(o["items"]))
            order = tau_shape.load_order(uow.session, big["order_id"])
            assert order is not None
            before = len(statements)
            assert len(tau_shape.order_to_tau(order)["items"]) == len(big["items"])
            assert len(statements) == before  # shaping issues no query
            assert tau_shape.load_order(uow.session, "#W0000000") is None
    finally:
        event.remove(uow_factory.engine, "before_cursor_execute", count)
    # BEGIN + order + items + ledger + fulfillments, + the missing-order lookup
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 5


def test_export_tau_command_writes_the_three_files(
    db_url: str, uow_factory: UowFactory, tau_dir: Path, tmp_path: Path
) -> None:
    import_tau(uow_factory, tau_dir)
    result = CliRunner().invoke(
        app, ["--database-url", db_url, "export-tau", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "exported" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILES)
    assert cents(load(tmp_path / "out", "orders.json")) == cents(load(tau_dir, "orders.json"))
