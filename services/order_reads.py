"""The order a read shows, loaded with plain SELECTs instead of ORM objects.

`queries.load_order` gives ORM objects with their collections, which actions need to
change; a read only shows the order, and building ORM identity, state and
`selectinload` collections was about half of `get_order_status`. Here the same rows come
from prebuilt Core statements (one per table, as before, whatever the order's size) and
`queries.order_view` turns them into the same allow-listed `OrderView`. The customer
scope stays in SQL: another customer's order is simply not found.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, bindparam, select

from services.driver_statement import DriverStatement
from services.errors import order_not_found
from services.models import (
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    ReturnRequest,
    TrackingEvent,
)
from services.queries import order_view
from services.views import OrderView


def _table(model: Any) -> Any:
    return model.__table__


# Built once (building a statement costs more than SQLite takes to run it); the orderings
# are the ORM relationships' own (`order_by` on Order.items, ledger, ...).
_ORDER = select(_table(Order)).where(Order.id == bindparam("order_id"))
_ORDER_OF_CUSTOMER = _ORDER.where(Order.customer_id == bindparam("customer_id"))
_CHILDREN = {
    "items": select(_table(OrderItem))
    .where(OrderItem.order_id == bindparam("order_id"))
    .order_by(OrderItem.position),
    "ledger": select(_table(LedgerEntry))
    .where(LedgerEntry.order_id == bindparam("order_id"))
    .order_by(LedgerEntry.position),
    "fulfillments": select(_table(Fulfillment))
    .where(Fulfillment.order_id == bindparam("order_id"))
    .order_by(Fulfillment.position),
    "requests": select(_table(ReturnRequest))
    .where(ReturnRequest.order_id == bindparam("order_id"))
    .order_by(ReturnRequest.created_at),
}
_EVENTS = (
    select(_table(TrackingEvent))
    .join(Fulfillment, Fulfillment.id == TrackingEvent.fulfillment_id)
    .where(Fulfillment.order_id == bindparam("order_id"))
    .order_by(TrackingEvent.occurred_at)
)

# Run on the driver's cursor, each column through its type's result processor
# (services.driver_statement): SQLAlchemy's execution path was about 0.1 ms a statement,
# five statements a read.
_ORDER_D = DriverStatement(_ORDER)
_ORDER_OF_CUSTOMER_D = DriverStatement(_ORDER_OF_CUSTOMER)
_CHILDREN_D = {name: DriverStatement(query) for name, query in _CHILDREN.items()}
_EVENTS_D = DriverStatement(_EVENTS)


class _Rows:
    """A row with named collections, read by `order_view` like the ORM object."""

    def __init__(self, row: Any, **collections: list[Any]) -> None:
        self._row = row
        self.__dict__.update(collections)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


def read_order_view(
    connection: Connection, *, order_id: str, customer_id: str | None, with_tracking: bool = False
) -> OrderView:
    """`order_view(load_order(...))` without ORM objects; NotFound outside the scope."""
    params = {"order_id": order_id}
    if customer_id is None:
        found = _ORDER_D.rows(connection, params)
    else:
        found = _ORDER_OF_CUSTOMER_D.rows(connection, {**params, "customer_id": customer_id})
    if not found:
        raise order_not_found()
    order = found[0]
    loaded = {name: query.rows(connection, params) for name, query in _CHILDREN_D.items()}
    events: dict[int, list[Any]] = {f.id: [] for f in loaded["fulfillments"]}
    if with_tracking:
        for event in _EVENTS_D.rows(connection, params):
            events[event.fulfillment_id].append(event)
    fulfillments = [_Rows(f, events=events[f.id]) for f in loaded["fulfillments"]]
    rows = _Rows(
        order,
        items=loaded["items"],
        ledger=loaded["ledger"],
        fulfillments=fulfillments,
        requests=loaded["requests"],
    )
    # Duck-typed: order_view reads exactly these columns and collections.
    return order_view(cast(Order, rows), with_tracking=with_tracking)
