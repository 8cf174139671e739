"""Constraints the database itself enforces, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from seed_data.demo import load_demo
from services.models import Customer, PaymentMethod, StockLevel
from services.uow import UowFactory


def test_emails_are_unique_regardless_of_case(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    with pytest.raises(IntegrityError), uow_factory() as uow:
        uow.session.add(
            Customer(id="CUST-X", first_name="S", last_name="J", email="SARAH.JOHNSON@example.com")
        )
        uow.session.flush()


def test_email_lookup_is_case_insensitive(uow_factory: UowFactory) -> None:
    from sqlalchemy import func

    load_demo(uow_factory)
    with uow_factory() as uow:
        found = uow.session.scalars(
            select(Customer.id).where(
                func.lower(Customer.email) == "Sarah.Johnson@Example.com".lower()
            )
        ).all()
        assert found == ["CUST-9821"]


def test_stock_cannot_go_negative(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    with pytest.raises(IntegrityError), uow_factory() as uow:
        uow.session.execute(update(StockLevel).values(quantity=StockLevel.quantity - 1000))


def test_gift_card_balance_cannot_go_negative(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    with pytest.raises(IntegrityError), uow_factory() as uow:
        uow.session.execute(
            update(PaymentMethod).where(PaymentMethod.id == "gift_card_4410001").values(balance=-1)
        )


def test_unknown_order_status_is_rejected(uow_factory: UowFactory) -> None:
    from sqlalchemy import text

    load_demo(uow_factory)
    with pytest.raises(IntegrityError), uow_factory() as uow:
        uow.session.execute(text("UPDATE orders SET status = 'teleported'"))
