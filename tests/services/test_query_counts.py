"""Read services issue a constant number of SQL statements, however big the data (no N+1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, event

from services.availability import check_availability
from services.catalog import get_product_info, list_product_types
from services.customers import get_customer_info
from services.models import Fulfillment, Order, TrackingEvent, utcnow
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import BLUE, MUG, RED, add_order, build_store


@contextmanager
def count_statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def statements(engine: Engine, call: Callable[[], object]) -> int:
    with count_statements(engine) as seen:
        call()
    return len(seen)


def _grow(uf: UowFactory, order_id: str, lines: int, shipments: int) -> None:
    add_order(uf, order_id, status="shipped", items=[RED, MUG, BLUE] * lines)
    with uf() as uow:
        order = uow.session.get(Order, order_id)
        assert order is not None
        for pos in range(1, shipments):
            order.fulfillments.append(Fulfillment(position=pos, carrier="UPS", tracking_ids=[]))
        uow.session.flush()
        for f in order.fulfillments:
            for n in range(lines):
                f.events.append(
                    TrackingEvent(occurred_at=utcnow() - timedelta(hours=n), status="moving")
                )
        uow.commit()


def test_order_status_is_a_constant_number_of_queries(
    uow_factory: UowFactory, engine: Engine
) -> None:
    build_store(uow_factory)
    _grow(uow_factory, "#SMALL", lines=1, shipments=1)
    _grow(uow_factory, "#BIG", lines=30, shipments=6)

    def read(order_id: str) -> Callable[[], object]:
        return lambda: get_order_status(
            uow_factory, order_id=order_id, customer_id="alice_1", include_tracking=True
        )

    small, big = statements(engine, read("#SMALL")), statements(engine, read("#BIG"))
    assert small == big <= 8
    big_view = get_order_status(
        uow_factory, order_id="#BIG", customer_id=None, include_tracking=True
    )
    assert len(big_view.items) == 90 and len(big_view.fulfillments) == 6


def test_customer_info_is_a_constant_number_of_queries(
    uow_factory: UowFactory, engine: Engine
) -> None:
    build_store(uow_factory)
    add_order(uow_factory, "#B1", customer_id="bob_2", items=[RED])
    for n in range(25):
        add_order(uow_factory, f"#A{n:02}", items=[RED, MUG] * (n % 3 + 1))

    def read(user_id: str) -> Callable[[], object]:
        return lambda: get_customer_info(
            uow_factory, user_id=user_id, customer_id=None, include_order_history=True
        )

    few, many = statements(engine, read("bob_2")), statements(engine, read("alice_1"))
    assert few == many <= 8


def test_catalog_reads_are_a_constant_number_of_queries(
    uow_factory: UowFactory, engine: Engine
) -> None:
    build_store(uow_factory)
    # T-Shirt has 4 variants in 2 warehouses, the mug 1.
    shirt = statements(
        engine, lambda: get_product_info(uow_factory, product_ref="1000000001", info_type="all")
    )
    mug = statements(
        engine, lambda: get_product_info(uow_factory, product_ref="0200000002", info_type="all")
    )
    assert shirt == mug <= 6
    stock_shirt = statements(
        engine, lambda: check_availability(uow_factory, sku="1000000001", zip_code="10001")
    )
    stock_mug = statements(engine, lambda: check_availability(uow_factory, sku=MUG))
    assert stock_shirt == stock_mug <= 6
    assert statements(engine, lambda: list_product_types(uow_factory)) <= 3
