"""`storedesk doctor`: clean stores pass; each planted inconsistency is named clearly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text
from typer.testing import CliRunner

from app.cli import app
from seed_data.demo import load_demo
from seed_data.generator import generate_store
from seed_data.tau import import_tau
from services import schema
from services.db import get_engine
from services.doctor import DoctorReport, check_store
from services.uow import UowFactory
from tests.seed.helpers import AS_OF, small_spec


def first_order(conn: Connection, status: str) -> str:
    return conn.execute(
        text("SELECT id FROM orders WHERE status = :s ORDER BY id LIMIT 1"), {"s": status}
    ).scalar_one()


def plant(uow_factory: UowFactory, change: Callable[[Connection], None]) -> DoctorReport:
    generate_store(uow_factory, small_spec(orders=400))
    with uow_factory.engine.begin() as conn:
        change(conn)
    return check_store(uow_factory, now=AS_OF)


def messages(report: DoctorReport, rule: str) -> list[str]:
    return [f"{v.subject}: {v.message}" for v in report.violations if v.rule == rule]


def test_demo_store_passes(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    report = check_store(uow_factory)
    assert report.ok, report.violations
    assert report.orders_checked > 0


def test_tau_bench_store_passes(uow_factory: UowFactory, tau_dir: Path) -> None:
    import_tau(uow_factory, tau_dir)
    report = check_store(uow_factory)
    assert report.ok, report.violations
    assert report.orders_checked == 1000


def test_ledger_that_does_not_add_up_is_reported(uow_factory: UowFactory) -> None:
    def change(conn: Connection) -> None:
        order_id = first_order(conn, "delivered")
        conn.execute(
            text("UPDATE ledger_entries SET amount = amount + 5 WHERE order_id = :o"),
            {"o": order_id},
        )
        change.order_id = order_id  # type: ignore[attr-defined]

    report = plant(uow_factory, change)
    found = messages(report, "ledger_total")
    assert len(found) == 1 and found[0].startswith(f"order {change.order_id}")  # type: ignore[attr-defined]
    assert "payments minus refunds" in found[0] and "status delivered" in found[0]


def test_status_that_contradicts_fulfillments_is_reported(uow_factory: UowFactory) -> None:
    def change(conn: Connection) -> None:
        conn.execute(
            text("UPDATE orders SET status = 'pending' WHERE id = :o"),
            {"o": first_order(conn, "delivered")},
        )

    report = plant(uow_factory, change)
    assert any(
        "is pending but has fulfillments" in m for m in messages(report, "status_fulfillment")
    )


def test_gaps_in_positions_are_reported(uow_factory: UowFactory) -> None:
    def change(conn: Connection) -> None:
        conn.execute(
            text("UPDATE order_items SET position = 7 WHERE order_id = :o AND position = 0"),
            {"o": first_order(conn, "delivered")},
        )

    report = plant(uow_factory, change)
    assert any("line positions run" in m for m in messages(report, "positions_contiguous"))


def test_delivery_before_shipping_is_reported(uow_factory: UowFactory) -> None:
    def change(conn: Connection) -> None:
        order_id = first_order(conn, "delivered")
        conn.execute(
            text("UPDATE fulfillments SET delivered_at = placed.placed_at FROM "
                 "(SELECT placed_at FROM orders WHERE id = :o) AS placed WHERE order_id = :o"),
            {"o": order_id},
        )  # fmt: skip

    report = plant(uow_factory, change)
    assert any("delivered before it shipped" in m for m in messages(report, "dates"))


def test_balance_on_a_card_and_cancel_reason_on_a_live_order(uow_factory: UowFactory) -> None:
    def change(conn: Connection) -> None:
        conn.execute(
            text("UPDATE payment_methods SET balance = 10 WHERE id = "
                 "(SELECT MIN(id) FROM payment_methods WHERE source = 'paypal')")
        )  # fmt: skip
        conn.execute(
            text("UPDATE orders SET cancel_reason = 'ordered by mistake' WHERE id = :o"),
            {"o": first_order(conn, "delivered")},
        )

    report = plant(uow_factory, change)
    assert any("a paypal has a balance" in m for m in messages(report, "gift_card_balance"))
    assert any(
        "has a cancel reason but is delivered" in m for m in messages(report, "request_fields")
    )


def test_dangling_reference_is_reported(uow_factory: UowFactory, backend: str) -> None:
    # The database refuses this; the doctor must still see it if it got in (a store
    # edited by hand, or loaded with foreign keys off).
    generate_store(uow_factory, small_spec(orders=100))
    with uow_factory.engine.connect() as conn:
        raw = conn.connection.driver_connection
        if backend == "sqlite":
            raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
        try:
            with conn.begin():
                if backend == "postgresql":
                    conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
                conn.execute(
                    text("UPDATE ledger_entries SET payment_method_id = 'gift_card_0000000' "
                         "WHERE id = (SELECT MIN(id) FROM ledger_entries)")
                )  # fmt: skip
        finally:
            if backend == "sqlite":
                raw.execute("PRAGMA foreign_keys=ON")
    report = check_store(uow_factory, now=AS_OF)
    found = messages(report, "foreign_key")
    assert any("payment_method_id = gift_card_0000000 refers to a missing" in m for m in found)
    assert not report.ok


def test_doctor_command_exit_codes(db_url: str, uow_factory: UowFactory) -> None:
    runner = CliRunner()
    generate = ["--database-url", db_url, "seed", "generate", "--customers", "20",
                "--orders", "150", "--products", "10", "--locales", "en_US,vi_VN",
                "--seed", "4", "--as-of", "2026-06-30"]  # fmt: skip
    result = runner.invoke(app, generate)
    assert result.exit_code == 0, result.output
    assert "orders" in result.output
    result = runner.invoke(app, ["--database-url", db_url, "doctor", "--now", "2026-06-30"])
    assert result.exit_code == 0, result.output
    assert "store is consistent" in result.output
    with uow_factory.engine.begin() as conn:
        conn.execute(text("UPDATE ledger_entries SET amount = amount + 1"))
    result = runner.invoke(app, ["--database-url", db_url, "doctor", "--now", "2026-06-30"])
    assert result.exit_code == 1
    assert "ledger_total" in result.output and "violation" in result.output
    # generating again without --reset refuses, with a hint, and changes nothing
    result = runner.invoke(app, generate)
    assert result.exit_code == 1 and "not empty" in result.output


def test_what_the_schema_forbids_is_still_reported(tmp_path: Path) -> None:
    """Duplicate emails, negative stock and a negative gift-card balance cannot get past
    the schema; in a copy of it without those guards, the doctor still names them."""
    url = f"sqlite:///{tmp_path / 'unguarded.db'}"
    schema.upgrade(url)
    store = UowFactory(get_engine(url))
    generate_store(store, small_spec(customers=6, orders=20, products=3))
    raw = store.engine.raw_connection()
    try:
        raw.execute("DROP INDEX ix_customers_email_lower")
        raw.execute("PRAGMA ignore_check_constraints=ON")
        raw.execute(
            "UPDATE customers SET email = upper((SELECT MIN(email) FROM customers)) "
            "WHERE id = (SELECT MAX(id) FROM customers)"
        )
        raw.execute("UPDATE stock_levels SET quantity = -3 WHERE rowid = 1")
        raw.execute(
            "UPDATE payment_methods SET balance = -1 WHERE id = "
            "(SELECT MIN(id) FROM payment_methods WHERE source = 'gift_card')"
        )
        raw.commit()
    finally:
        raw.close()
    report = check_store(store, now=AS_OF)
    assert len(messages(report, "unique_email")) == 1
    assert "2 customers share the email" in messages(report, "unique_email")[0]
    assert messages(report, "stock_not_negative")[0].endswith("quantity is -3")
    assert any("balance is -1" in m for m in messages(report, "gift_card_balance"))
