"""Order status: the read behind "where is my order?"."""

from __future__ import annotations

from services.order_reads import read_order_view
from services.uow import UowFactory
from services.views import OrderView


def get_order_status(
    uow_factory: UowFactory,
    *,
    order_id: str,
    customer_id: str | None,
    include_tracking: bool = False,
) -> OrderView:
    """Status, dates, lines, totals, address, ledger, fulfillments (and their events).

    customer_id scopes the read to that customer's orders (None: staff/system, any
    order); another customer's order raises the same NotFound as a missing one.
    Five queries at most whatever the order's size (order, lines, ledger, fulfillments,
    requests, plus events when include_tracking).
    """
    with uow_factory.reading() as connection:
        return read_order_view(
            connection,
            order_id=order_id.strip(),
            customer_id=customer_id,
            with_tracking=include_tracking,
        )
