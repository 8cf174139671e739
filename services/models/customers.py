"""Customers and their payment methods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.models.base import ID, Base, CreatedAt
from services.models.enums import PaymentSource, Tier, values

if TYPE_CHECKING:
    from services.models.orders import Order


class Customer(CreatedAt, Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    tier: Mapped[Tier] = mapped_column(
        Enum(
            Tier,
            name="tier",
            native_enum=False,
            values_callable=values,
            length=20,
            create_constraint=True,
        ),
        default=Tier.STANDARD,
    )
    member_since: Mapped[date | None]
    locale: Mapped[str] = mapped_column(String(10), default="en_US")
    # Default (shipping) address, the benchmark's six fields.
    address1: Mapped[str] = mapped_column(String(200), default="")
    address2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(100), default="")
    zip: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(100), default="")

    payment_methods: Mapped[list[PaymentMethod]] = relationship(
        back_populates="customer", order_by="PaymentMethod.position"
    )
    orders: Mapped[list[Order]] = relationship(
        back_populates="customer", order_by="Order.customer_position"
    )

    __table_args__ = (
        # Emails are unique regardless of case and looked up case-insensitively.
        Index("ix_customers_email_lower", func.lower(email), unique=True),
        # find-by-name-and-zip: zip is the selective part; names compare lower-cased.
        Index("ix_customers_zip_name", "zip", "last_name", "first_name"),
    )

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PaymentMethod(CreatedAt, Base):
    __tablename__ = "payment_methods"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    # Place in the customer's list of methods; the benchmark's order survives a round trip.
    position: Mapped[int]
    source: Mapped[PaymentSource] = mapped_column(
        Enum(
            PaymentSource,
            name="payment_source",
            native_enum=False,
            values_callable=values,
            length=20,
            create_constraint=True,
        )
    )
    brand: Mapped[str | None] = mapped_column(String(40))
    last_four: Mapped[str | None] = mapped_column(String(4))
    balance: Mapped[Decimal | None]

    customer: Mapped[Customer] = relationship(back_populates="payment_methods")

    __table_args__ = (
        CheckConstraint("balance IS NULL OR balance >= 0", name="balance_not_negative"),
        Index("ix_payment_methods_customer_id_position", "customer_id", "position", unique=True),
    )
