"""Store-wide counts, for the first page, `storedesk doctor` and tests."""

from __future__ import annotations

from sqlalchemy import func, select

from services.models import (
    Conversation,
    Customer,
    Fulfillment,
    HandoffTicket,
    LedgerEntry,
    Order,
    OrderItem,
    PaymentMethod,
    Product,
    ReturnRequest,
    StockLevel,
    Variant,
    Warehouse,
)
from services.uow import UowFactory

COUNTED = {
    "customers": Customer,
    "payment_methods": PaymentMethod,
    "products": Product,
    "variants": Variant,
    "warehouses": Warehouse,
    "stock_levels": StockLevel,
    "orders": Order,
    "order_items": OrderItem,
    "ledger_entries": LedgerEntry,
    "fulfillments": Fulfillment,
    "return_requests": ReturnRequest,
    "conversations": Conversation,
    "handoff_tickets": HandoffTicket,
}


def store_counts(uow_factory: UowFactory) -> dict[str, int]:
    """Row counts of the store's main tables, in one round trip."""
    query = select(
        *[
            select(func.count()).select_from(model).scalar_subquery().label(name)
            for name, model in COUNTED.items()
        ]
    )
    with uow_factory() as uow:
        row = uow.session.execute(query).one()
    return dict(row._mapping)


def is_empty(uow_factory: UowFactory) -> bool:
    counts = store_counts(uow_factory)
    return counts["customers"] == 0 and counts["products"] == 0
