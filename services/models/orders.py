"""Orders, their lines, the payment ledger, fulfillments with tracking, return/exchange records."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.models.base import ID, Base, CreatedAt, JSONType, utcnow
from services.models.customers import Customer, PaymentMethod
from services.models.enums import (
    OrderStatus,
    RequestKind,
    RequestStatus,
    TransactionType,
    values,
)


def _enum(enum: type, name: str, length: int = 32) -> Enum:
    return Enum(
        enum,
        name=name,
        native_enum=False,
        values_callable=values,
        length=length,
        create_constraint=True,
    )


class Order(CreatedAt, Base):
    __tablename__ = "orders"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    # Place in the customer's list of orders (the benchmark's user.orders order).
    customer_position: Mapped[int] = mapped_column(default=0)
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus, "order_status"))
    # Imported benchmark orders carry no dates, hence nullable.
    placed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Shipping address, the benchmark's six fields.
    address1: Mapped[str] = mapped_column(String(200), default="")
    address2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(100), default="")
    zip: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    # Request fields, set only once the matching action has happened (benchmark shape).
    cancel_reason: Mapped[str | None] = mapped_column(String(100))
    return_items: Mapped[list[str] | None] = mapped_column(JSONType)
    return_payment_method_id: Mapped[str | None] = mapped_column(ID)
    exchange_items: Mapped[list[str] | None] = mapped_column(JSONType)
    exchange_new_items: Mapped[list[str] | None] = mapped_column(JSONType)
    exchange_payment_method_id: Mapped[str | None] = mapped_column(ID)
    exchange_price_difference: Mapped[Decimal | None]

    customer: Mapped[Customer] = relationship(back_populates="orders")
    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", order_by="OrderItem.position", cascade="all, delete-orphan"
    )
    ledger: Mapped[list[LedgerEntry]] = relationship(
        back_populates="order", order_by="LedgerEntry.position", cascade="all, delete-orphan"
    )
    fulfillments: Mapped[list[Fulfillment]] = relationship(
        back_populates="order", order_by="Fulfillment.position", cascade="all, delete-orphan"
    )
    requests: Mapped[list[ReturnRequest]] = relationship(
        back_populates="order", order_by="ReturnRequest.created_at"
    )

    __table_args__ = (
        Index("ix_orders_customer_id", "customer_id", "customer_position"),
        Index("ix_orders_status", "status"),
        Index("ix_orders_placed_at", "placed_at"),
    )


class OrderItem(Base):
    """One unit of a variant in an order; two of a thing are two lines, as in the benchmark."""

    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int]
    item_id: Mapped[str] = mapped_column(ForeignKey("variants.item_id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal]
    options: Mapped[dict[str, str]] = mapped_column(default=dict)

    order: Mapped[Order] = relationship(back_populates="items")

    __table_args__ = (
        Index("ix_order_items_order_id_position", "order_id", "position", unique=True),
        Index("ix_order_items_item_id", "item_id"),
    )


class LedgerEntry(Base):
    """An entry of an order's payment history, in append order."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int]
    transaction_type: Mapped[TransactionType] = mapped_column(
        _enum(TransactionType, "transaction_type", 10)
    )
    amount: Mapped[Decimal]
    payment_method_id: Mapped[str] = mapped_column(ForeignKey("payment_methods.id"))
    created_at: Mapped[datetime | None] = mapped_column(default=utcnow)

    order: Mapped[Order] = relationship(back_populates="ledger")
    payment_method: Mapped[PaymentMethod] = relationship()

    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        Index("ix_ledger_entries_order_id_position", "order_id", "position", unique=True),
        Index("ix_ledger_entries_payment_method_id", "payment_method_id"),
    )


class Fulfillment(Base):
    """A shipment: which lines went out, with which carrier and tracking numbers."""

    __tablename__ = "fulfillments"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int]
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_ids: Mapped[list[str]] = mapped_column(default=list)
    item_ids: Mapped[list[str]] = mapped_column(default=list)
    shipped_at: Mapped[datetime | None]
    estimated_delivery: Mapped[date | None]
    delivered_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship(back_populates="fulfillments")
    events: Mapped[list[TrackingEvent]] = relationship(
        back_populates="fulfillment",
        order_by="TrackingEvent.occurred_at",
        cascade="all, delete-orphan",
    )

    __table_args__ = (
        Index("ix_fulfillments_order_id_position", "order_id", "position", unique=True),
    )


class TrackingEvent(Base):
    __tablename__ = "tracking_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    fulfillment_id: Mapped[int] = mapped_column(ForeignKey("fulfillments.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime]
    location: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(String(500), default="")

    fulfillment: Mapped[Fulfillment] = relationship(back_populates="events")

    __table_args__ = (Index("ix_tracking_events_fulfillment_id", "fulfillment_id", "occurred_at"),)


class ReturnRequest(Base):
    """A return or exchange of delivered items, with what the store worked out for it."""

    __tablename__ = "return_requests"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # RET-… / EXC-…
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    kind: Mapped[RequestKind] = mapped_column(_enum(RequestKind, "request_kind", 10))
    status: Mapped[RequestStatus] = mapped_column(
        _enum(RequestStatus, "request_status", 20), default=RequestStatus.REQUESTED
    )
    item_ids: Mapped[list[str]] = mapped_column(default=list)
    new_item_ids: Mapped[list[str] | None] = mapped_column(JSONType)
    reason: Mapped[str] = mapped_column(String(40), default="other")
    note: Mapped[str] = mapped_column(Text, default="")
    payment_method_id: Mapped[str] = mapped_column(ForeignKey("payment_methods.id"))
    # Computed by the server from the order lines, never taken from a caller.
    refund_amount: Mapped[Decimal | None]
    price_difference: Mapped[Decimal | None]
    label_url: Mapped[str | None] = mapped_column(String(500))
    pickup_date: Mapped[date | None]
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship(back_populates="requests")

    __table_args__ = (
        Index("ix_return_requests_order_id", "order_id"),
        Index("ix_return_requests_customer_id", "customer_id"),
    )
