"""The demo store holds the records the product brief shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from seed_data.demo import load_demo
from services.models import (
    Customer,
    Order,
    PaymentMethod,
    Product,
    StockLevel,
    Variant,
    Warehouse,
)
from services.uow import UowFactory


@pytest.fixture
def demo(uow_factory: UowFactory) -> UowFactory:
    load_demo(uow_factory)
    return uow_factory


def test_order_78342_is_sarahs_in_transit_with_tracking(demo: UowFactory) -> None:
    with demo() as uow:
        order = uow.session.get(Order, "ORD-78342")
        assert order is not None
        assert order.status == "in_transit"
        assert order.customer.id == "CUST-9821"
        assert (order.customer.name, order.customer.tier) == ("Sarah Johnson", "gold")
        assert [i.item_id for i in order.items] == ["WEP-2024", "UCC-2M", "UCC-2M"]
        assert order.items[0].name == "Wireless Earbuds Pro"
        (fulfillment,) = order.fulfillments
        assert fulfillment.carrier == "FastShip Express"
        places = [e.location for e in fulfillment.events]
        assert places[0].startswith("Chicago") and places[-1].startswith("Indianapolis")
        assert sum(e.amount for e in order.ledger) == sum(i.price for i in order.items)


def test_order_91234_is_processing_a_mechanical_keyboard(demo: UowFactory) -> None:
    with demo() as uow:
        order = uow.session.get(Order, "ORD-91234")
        assert order is not None and order.status == "processed"
        assert [(i.item_id, i.name) for i in order.items] == [
            ("MKR-104", "Mechanical Keyboard RGB")
        ]


def test_tv_has_three_in_stock_in_chicago_only(demo: UowFactory) -> None:
    with demo() as uow:
        product = uow.session.get(Product, "UHD-4K-55")
        assert product is not None and "55" in product.name and "4K" in product.name
        stock = uow.session.execute(
            select(Warehouse.city, StockLevel.quantity)
            .join(StockLevel.warehouse)
            .join(StockLevel.variant)
            .where(Variant.product_id == "UHD-4K-55", StockLevel.quantity > 0)
        ).all()
        assert stock == [("Chicago", 3)]


def test_four_warehouses_stock_every_product(demo: UowFactory) -> None:
    with demo() as uow:
        cities = set(uow.session.scalars(select(Warehouse.city)))
        assert cities == {"Chicago", "Dallas", "Los Angeles", "Seattle"}
        unstocked = uow.session.scalars(
            select(Product.id).where(
                ~Product.id.in_(
                    select(Variant.product_id).join(StockLevel).where(StockLevel.quantity > 0)
                )
            )
        ).all()
        assert unstocked == []


def test_every_tool_has_a_record_to_show(demo: UowFactory) -> None:
    now = datetime.now(UTC)
    with demo() as uow:
        delivered = uow.session.scalars(select(Order).where(Order.status == "delivered")).all()
        ages = {o.id: now - o.fulfillments[0].delivered_at for o in delivered}
        assert any(age < timedelta(days=30) for age in ages.values())  # returnable
        assert any(age > timedelta(days=30) for age in ages.values())  # outside window
        assert uow.session.scalar(
            select(func.count()).select_from(Order).where(Order.status == "pending")
        )
        gift_paid = uow.session.scalar(
            select(func.count())
            .select_from(Order)
            .join(Order.ledger)
            .join(PaymentMethod)
            .where(PaymentMethod.source == "gift_card", Order.status == "pending")
        )
        assert gift_paid
        out_of_stock = uow.session.scalars(
            select(Variant.item_id).where(
                Variant.available.is_(True),
                ~Variant.item_id.in_(select(StockLevel.item_id).where(StockLevel.quantity > 0)),
            )
        ).all()
        assert out_of_stock == ["SWX-300-45-GRN"]


def test_customers_from_vietnam_and_brazil_have_local_names(demo: UowFactory) -> None:
    with demo() as uow:
        vn = uow.session.scalars(select(Customer).where(Customer.country == "Vietnam")).one()
        br = uow.session.scalars(select(Customer).where(Customer.country == "Brazil")).one()
        assert vn.locale == "vi_VN" and "Nguyễn" in vn.last_name and "Hà Nội" in vn.city
        assert br.locale == "pt_BR" and br.city == "São Paulo"


def test_gift_card_balance_is_exact_decimal(demo: UowFactory) -> None:
    with demo() as uow:
        card = uow.session.get(PaymentMethod, "gift_card_4410001")
        assert card is not None and card.balance == Decimal("150.00")
