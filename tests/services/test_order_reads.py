"""The Core read of an order gives exactly the view the ORM load gives, scoped alike."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.bench.stores import spec_for
from seed_data.demo import load_demo
from seed_data.generator import generate_store
from services.errors import NotFound
from services.models import Order
from services.order_reads import read_order_view
from services.queries import load_order, order_view
from services.uow import UowFactory


@pytest.mark.parametrize("store", ["demo", "generated"])
def test_same_view_as_the_orm_load_for_every_order(uow_factory: UowFactory, store: str) -> None:
    if store == "demo":
        load_demo(uow_factory)
    else:  # every status, returns, exchanges, split shipments and tracking events
        generate_store(uow_factory, spec_for(40))
    with uow_factory() as uow:
        orders = list(uow.session.execute(select(Order.id, Order.customer_id)))
        assert len(orders) >= 5
        for order_id, customer_id in orders:
            for tracking in (False, True):
                expected = order_view(
                    load_order(uow.session, order_id=order_id, customer_id=customer_id,
                               with_tracking=tracking),
                    with_tracking=tracking,
                )  # fmt: skip
                for scope in (customer_id, None):
                    got = read_order_view(
                        uow.session.connection(),
                        order_id=order_id,
                        customer_id=scope,
                        with_tracking=tracking,
                    )
                    assert got == expected
                    assert got.model_dump_json() == expected.model_dump_json()


def test_another_customers_order_is_not_found(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    with uow_factory() as uow:
        order_id, owner = uow.session.execute(select(Order.id, Order.customer_id)).first()
        other = uow.session.scalar(select(Order.customer_id).where(Order.customer_id != owner))
        with pytest.raises(NotFound) as missing:
            read_order_view(uow.session.connection(), order_id=order_id, customer_id=other)
        with pytest.raises(NotFound) as absent:
            read_order_view(uow.session.connection(), order_id="#W0000000", customer_id=None)
    assert missing.value.to_dict() == absent.value.to_dict()
