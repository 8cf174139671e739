"""Catalogue (products and their purchasable variants) and stock by warehouse."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.models.base import ID, Base, CreatedAt


class Product(CreatedAt, Base):
    __tablename__ = "products"

    # Strings: benchmark product ids are ten digits and may start with a zero.
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    specs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    warranty: Mapped[str] = mapped_column(String(500), default="")
    # e.g. [{"method": "standard", "days": "3-5", "price": "0.00"}, ...]
    shipping_options: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    returnable: Mapped[bool] = mapped_column(default=True)
    return_window_days: Mapped[int] = mapped_column(default=30)

    variants: Mapped[list[Variant]] = relationship(
        back_populates="product", order_by="Variant.position"
    )


class Variant(CreatedAt, Base):
    """A purchasable item (SKU) of a product."""

    __tablename__ = "variants"

    item_id: Mapped[str] = mapped_column(ID, primary_key=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    options: Mapped[dict[str, str]] = mapped_column(default=dict)
    price: Mapped[Decimal]
    available: Mapped[bool] = mapped_column(default=True)

    product: Mapped[Product] = relationship(back_populates="variants")
    stock_levels: Mapped[list[StockLevel]] = relationship(back_populates="variant")

    __table_args__ = (
        CheckConstraint("price >= 0", name="price_not_negative"),
        Index("ix_variants_product_id", "product_id", "position"),
    )


class Warehouse(CreatedAt, Base):
    __tablename__ = "warehouses"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(100), default="")
    zip: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(100), default="USA")


class StockLevel(Base):
    __tablename__ = "stock_levels"

    warehouse_id: Mapped[str] = mapped_column(
        ForeignKey("warehouses.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(
        ForeignKey("variants.item_id", ondelete="CASCADE"), primary_key=True
    )
    quantity: Mapped[int] = mapped_column(default=0)

    variant: Mapped[Variant] = relationship(back_populates="stock_levels")
    warehouse: Mapped[Warehouse] = relationship()

    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        Index("ix_stock_levels_item_id", "item_id"),
    )
