"""The demo loader leaves no id sequence behind its rows (PostgreSQL; SQLite as control)."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from services.models import Fulfillment, Order
from services.uow import UowFactory


def test_a_new_fulfillment_after_the_demo_load_gets_a_fresh_id(demo: UowFactory) -> None:
    with demo() as uow:
        highest = uow.session.scalar(select(func.max(Fulfillment.id)))
        order_id = uow.session.scalar(select(Order.id).limit(1))
        uow.session.execute(
            insert(Fulfillment),
            [{"order_id": order_id, "position": 9, "carrier": "X", "tracking_ids": ["T"],
              "item_ids": []}],
        )  # fmt: skip
        uow.commit()
        newest = uow.session.scalar(select(func.max(Fulfillment.id)))
    assert highest is not None and newest == highest + 1
