"""Staff views of one order, one customer or one product, as allow-listed models.

Unlike the customer-scoped reads the tools use, these are unscoped: only staff pages
call them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from services.errors import customer_not_found, product_not_found
from services.formatting import payment_label
from services.models import (
    Customer,
    Order,
    PaymentMethod,
    Product,
    StockLevel,
    Variant,
    Warehouse,
)
from services.queries import load_order
from services.uow import UowFactory


class LineView(BaseModel):
    item_id: str
    product_id: str
    name: str
    options: dict[str, str]
    price: Decimal


class LedgerView(BaseModel):
    transaction_type: str
    amount: Decimal
    payment_method: str


class TrackingView(BaseModel):
    occurred_at: datetime
    location: str
    status: str
    description: str


class FulfillmentView(BaseModel):
    carrier: str | None
    tracking_ids: list[str]
    item_ids: list[str]
    shipped_at: datetime | None
    estimated_delivery: date | None
    delivered_at: datetime | None
    events: list[TrackingView]


class RequestView(BaseModel):
    id: str
    kind: str
    status: str
    item_ids: list[str]
    new_item_ids: list[str] | None
    reason: str
    refund_amount: Decimal | None
    price_difference: Decimal | None
    label_url: str | None
    pickup_date: date | None
    created_at: datetime


class OrderDetail(BaseModel):
    id: str
    customer_id: str
    customer_name: str
    status: str
    placed_at: datetime | None
    address: str
    cancel_reason: str | None
    total: Decimal
    items: list[LineView]
    ledger: list[LedgerView]
    fulfillments: list[FulfillmentView]
    requests: list[RequestView]


class PaymentMethodView(BaseModel):
    id: str
    label: str
    balance: Decimal | None


class CustomerDetail(BaseModel):
    id: str
    name: str
    email: str
    phone: str | None
    tier: str
    member_since: date | None
    locale: str
    address: str
    payment_methods: list[PaymentMethodView]


class VariantStock(BaseModel):
    item_id: str
    options: dict[str, str]
    price: Decimal
    available: bool
    stock: dict[str, int]  # warehouse name -> units

    @property
    def total(self) -> int:
        return sum(self.stock.values())


class ProductDetail(BaseModel):
    id: str
    name: str
    category: str
    description: str
    specs: dict[str, Any]
    warranty: str
    returnable: bool
    return_window_days: int
    warehouses: list[str]
    variants: list[VariantStock]


def _address(row: Customer | Order) -> str:
    parts = [row.address1, row.address2, row.city, f"{row.state} {row.zip}".strip(), row.country]
    return ", ".join(p for p in parts if p)


def order_detail(uow_factory: UowFactory, *, order_id: str) -> OrderDetail:
    with uow_factory() as uow:
        # Staff page: unscoped, with the tracking timeline.
        order = load_order(
            uow.session, order_id=order_id.strip(), customer_id=None, with_tracking=True
        )
        methods = {
            m.id: m
            for m in uow.session.scalars(
                select(PaymentMethod).where(
                    PaymentMethod.id.in_({e.payment_method_id for e in order.ledger})
                )
            )
        }
        return OrderDetail(
            id=order.id,
            customer_id=order.customer_id,
            customer_name=order.customer.name,
            status=str(order.status),
            placed_at=order.placed_at,
            address=_address(order),
            cancel_reason=order.cancel_reason,
            total=sum((i.price for i in order.items), Decimal("0.00")),
            items=[
                LineView(
                    item_id=i.item_id,
                    product_id=i.product_id,
                    name=i.name,
                    options=i.options,
                    price=i.price,
                )
                for i in order.items
            ],
            ledger=[
                LedgerView(
                    transaction_type=str(e.transaction_type),
                    amount=e.amount,
                    payment_method=payment_label(methods[e.payment_method_id])
                    if e.payment_method_id in methods
                    else e.payment_method_id,
                )
                for e in order.ledger
            ],
            fulfillments=[
                FulfillmentView(
                    carrier=f.carrier,
                    tracking_ids=f.tracking_ids,
                    item_ids=f.item_ids,
                    shipped_at=f.shipped_at,
                    estimated_delivery=f.estimated_delivery,
                    delivered_at=f.delivered_at,
                    events=[
                        TrackingView(
                            occurred_at=e.occurred_at,
                            location=e.location,
                            status=e.status,
                            description=e.description,
                        )
                        for e in f.events
                    ],
                )
                for f in order.fulfillments
            ],
            requests=[
                RequestView.model_validate(r, from_attributes=True).model_copy(
                    update={"kind": str(r.kind), "status": str(r.status)}
                )
                for r in order.requests
            ],
        )


def customer_detail(uow_factory: UowFactory, *, customer_id: str) -> CustomerDetail:
    with uow_factory() as uow:
        customer = uow.session.scalars(
            select(Customer)
            .where(Customer.id == customer_id.strip())
            .options(selectinload(Customer.payment_methods))
        ).first()
        if customer is None:
            raise customer_not_found()
        return CustomerDetail(
            id=customer.id,
            name=customer.name,
            email=customer.email,
            phone=customer.phone,
            tier=str(customer.tier),
            member_since=customer.member_since,
            locale=customer.locale,
            address=_address(customer),
            payment_methods=[
                PaymentMethodView(id=m.id, label=payment_label(m), balance=m.balance)
                for m in customer.payment_methods
            ],
        )


def product_detail(uow_factory: UowFactory, *, product_id: str) -> ProductDetail:
    """A product with each variant's units at every warehouse (zero where none)."""
    with uow_factory() as uow:
        product = uow.session.get(Product, product_id.strip())
        if product is None:
            raise product_not_found()
        warehouses = list(uow.session.scalars(select(Warehouse).order_by(Warehouse.name)))
        variants = list(
            uow.session.scalars(
                select(Variant).where(Variant.product_id == product.id).order_by(Variant.position)
            )
        )
        levels = uow.session.execute(
            select(StockLevel.item_id, StockLevel.warehouse_id, StockLevel.quantity).where(
                StockLevel.item_id.in_([v.item_id for v in variants])
            )
        ).all()
        by_item: dict[str, dict[str, int]] = {}
        for item_id, warehouse_id, quantity in levels:
            by_item.setdefault(item_id, {})[warehouse_id] = quantity
        return ProductDetail(
            id=product.id,
            name=product.name,
            category=product.category,
            description=product.description,
            specs=product.specs,
            warranty=product.warranty,
            returnable=product.returnable,
            return_window_days=product.return_window_days,
            warehouses=[w.name for w in warehouses],
            variants=[
                VariantStock(
                    item_id=v.item_id,
                    options=v.options,
                    price=v.price,
                    available=v.available,
                    stock={w.name: by_item.get(v.item_id, {}).get(w.id, 0) for w in warehouses},
                )
                for v in variants
            ],
        )


def payment_method_label(uow_factory: UowFactory, *, payment_method_id: str) -> str:
    """ "Visa •••• 4242" for an id; the id itself when unknown (never an error)."""
    with uow_factory() as uow:
        method = uow.session.get(PaymentMethod, payment_method_id)
        return payment_label(method) if method is not None else payment_method_id
