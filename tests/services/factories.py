"""Small hand-made stores for the service tests, and a snapshot of what actions change."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from services.models import (
    Customer,
    Fulfillment,
    IdempotencyRecord,
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

D = Decimal

# product id -> name, [(item_id, options, price, available, stock at WH-EAST, WH-WEST)]
CATALOG: dict[str, tuple[str, list[tuple[str, dict[str, str], str, bool, int, int]]]] = {
    "1000000001": (
        "T-Shirt",
        [
            ("1000000011", {"color": "red"}, "10.00", True, 5, 5),
            ("1000000012", {"color": "blue"}, "12.50", True, 5, 5),
            ("1000000013", {"color": "green"}, "9.99", False, 0, 0),
            ("1000000014", {"color": "black"}, "15.33", True, 1, 0),
        ],
    ),
    "0200000002": (
        "Mug",
        [("0200000021", {"size": "large"}, "5.25", True, 10, 10)],
    ),
}
PRODUCT_OF = {v[0]: pid for pid, (_, vs) in CATALOG.items() for v in vs}
PRICE = {v[0]: D(v[2]) for _, (_, vs) in CATALOG.items() for v in vs}
NAME = {v[0]: CATALOG[pid][0] for pid, (_, vs) in CATALOG.items() for v in vs}

RED, BLUE, GREEN, BLACK = "1000000011", "1000000012", "1000000013", "1000000014"
MUG = "0200000021"


def build_store(uow_factory: UowFactory) -> None:
    """Two warehouses, the catalogue, and two customers with their payment methods."""
    with uow_factory() as uow:
        s = uow.session
        s.add_all(
            [
                Warehouse(id="WH-EAST", name="East", city="Newark", state="NJ", zip="07102"),
                Warehouse(id="WH-WEST", name="West", city="Oakland", state="CA", zip="94607"),
            ]
        )
        for pid, (name, variants) in CATALOG.items():
            s.add(Product(id=pid, name=name, return_window_days=30))
            for pos, (item_id, options, price, available, east, west) in enumerate(variants):
                s.add(
                    Variant(
                        item_id=item_id,
                        product_id=pid,
                        position=pos,
                        options=options,
                        price=D(price),
                        available=available,
                    )
                )
                s.add(StockLevel(warehouse_id="WH-EAST", item_id=item_id, quantity=east))
                s.add(StockLevel(warehouse_id="WH-WEST", item_id=item_id, quantity=west))
        for cid, first, zip_code in (("alice_1", "Alice", "10001"), ("bob_2", "Bob", "94105")):
            s.add(
                Customer(
                    id=cid,
                    first_name=first,
                    last_name="Doe",
                    email=f"{first.lower()}@example.com",
                    address1="1 Main St",
                    city="Town",
                    state="NY",
                    zip=zip_code,
                    country="USA",
                )
            )
        s.flush()
        s.add_all(
            [
                PaymentMethod(
                    id="credit_card_1",
                    customer_id="alice_1",
                    position=0,
                    source="credit_card",
                    brand="visa",
                    last_four="1111",
                ),
                PaymentMethod(
                    id="gift_card_1",
                    customer_id="alice_1",
                    position=1,
                    source="gift_card",
                    balance=D("100.00"),
                ),
                PaymentMethod(id="paypal_1", customer_id="alice_1", position=2, source="paypal"),
                PaymentMethod(
                    id="gift_card_2",
                    customer_id="alice_1",
                    position=3,
                    source="gift_card",
                    balance=D("3.00"),
                ),
                PaymentMethod(
                    id="credit_card_2",
                    customer_id="bob_2",
                    position=0,
                    source="credit_card",
                    brand="mastercard",
                    last_four="2222",
                ),
                PaymentMethod(
                    id="gift_card_9",
                    customer_id="bob_2",
                    position=1,
                    source="gift_card",
                    balance=D("50.00"),
                ),
            ]
        )
        uow.commit()


def add_order(
    uow_factory: UowFactory,
    order_id: str,
    *,
    customer_id: str = "alice_1",
    status: str = "pending",
    items: list[str],
    ledger: list[tuple[str, str, str]] | None = None,
    delivered_at: Any = None,
    prices: dict[str, str] | None = None,
) -> None:
    """An order whose lines are `items`; by default one payment of their total by card."""
    prices = prices or {}
    with uow_factory() as uow:
        s = uow.session
        total = sum((D(prices.get(i, PRICE[i])) for i in items), D(0))
        order = Order(
            id=order_id,
            customer_id=customer_id,
            status=status,
            address1="1 Main St",
            city="Town",
            state="NY",
            zip="10001",
            country="USA",
        )
        s.add(order)
        for pos, item in enumerate(items):
            order.items.append(
                OrderItem(
                    position=pos,
                    item_id=item,
                    product_id=PRODUCT_OF[item],
                    name=NAME[item],
                    price=D(prices.get(item, PRICE[item])),
                    options=dict(next(v[1] for v in CATALOG[PRODUCT_OF[item]][1] if v[0] == item)),
                )
            )
        pm = "credit_card_1" if customer_id == "alice_1" else "credit_card_2"
        for pos, (kind, amount, method) in enumerate(ledger or [("payment", str(total), pm)]):
            order.ledger.append(
                LedgerEntry(
                    position=pos, transaction_type=kind, amount=D(amount), payment_method_id=method
                )
            )
        if status != "pending" or delivered_at is not None:
            order.fulfillments.append(
                Fulfillment(
                    position=0,
                    carrier="UPS",
                    tracking_ids=["1Z000"],
                    item_ids=list(items),
                    delivered_at=delivered_at,
                )
            )
        uow.commit()


def snapshot(uow_factory: UowFactory) -> dict[str, list[tuple[Any, ...]]]:
    """Every row an action may touch, to prove a failed one changed nothing."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with uow_factory() as uow:
        s = uow.session
        for name, model, cols in (
            ("customers", Customer, None),
            ("orders", Order, None),
            ("items", OrderItem, None),
            ("ledger", LedgerEntry, None),
            ("methods", PaymentMethod, None),
            ("stock", StockLevel, None),
            ("requests", ReturnRequest, None),
            ("idempotency", IdempotencyRecord, None),
        ):
            table = model.__table__
            columns = cols or [c for c in table.columns if c.name != "updated_at"]
            out[name] = sorted(
                (tuple(map(repr, row)) for row in s.execute(select(*columns))), key=repr
            )
    return out


def stock_of(uow_factory: UowFactory, item_id: str) -> int:
    with uow_factory() as uow:
        query = select(StockLevel.quantity).where(StockLevel.item_id == item_id)
        return sum(uow.session.scalars(query))


def balance_of(uow_factory: UowFactory, payment_method_id: str) -> Decimal | None:
    with uow_factory() as uow:
        method = uow.session.get(PaymentMethod, payment_method_id)
        assert method is not None
        return method.balance
