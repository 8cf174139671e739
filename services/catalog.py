"""Catalogue reads: product info, the list of product types.

A product is found by SKU (a variant's item id), by product id, or by name (exact,
case-insensitive first, then a unique partial match), in that order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from sqlalchemy import select

from services.catalog_reads import product_with_variants
from services.errors import InvalidRequest
from services.models import Product
from services.uow import UowFactory
from services.views import ProductType, ProductView

InfoType = Literal["specs", "warranty", "shipping", "all"]
INFO_TYPES: tuple[str, ...] = ("specs", "warranty", "shipping", "all")


def get_product_info(
    uow_factory: UowFactory, *, product_ref: str, info_type: str = "all"
) -> ProductView:
    """Price, variants with stock, and the specs, warranty and/or shipping options."""
    if info_type not in INFO_TYPES:
        raise InvalidRequest(
            "Unknown info type.", hint="Use one of: specs, warranty, shipping, all."
        )
    with uow_factory.reading() as connection:
        product, sku, variants = product_with_variants(connection, product_ref)
        prices = [v["price"] for v in variants]
        available_prices = [v["price"] for v in variants if v["available"]] or prices
        price: Decimal | None
        if sku is not None:
            price = next(v["price"] for v in variants if v["item_id"] == sku)
        else:
            price = min(available_prices) if available_prices else None
        want = {info_type} if info_type != "all" else {"specs", "warranty", "shipping"}
        return ProductView(
            product_id=product.id,
            name=product.name,
            category=product.category,
            description=product.description,
            item_id=sku,
            price=price,
            price_range=(min(available_prices), max(available_prices))
            if available_prices
            else None,
            # Plain values, validated with the view in one pass: a VariantView built per
            # row, reading the row's columns by name, cost more than the query.
            variants=variants,
            info_type=info_type,
            specs=dict(product.specs) if "specs" in want else None,
            warranty=product.warranty if "warranty" in want else None,
            shipping_options=[
                {
                    "method": str(o.get("method", "")),
                    "days": str(o.get("days", "")),
                    "price": Decimal(str(o.get("price", "0"))),
                }
                for o in product.shipping_options
            ]
            if "shipping" in want
            else None,
            returnable=product.returnable if "shipping" in want else None,
            return_window_days=product.return_window_days if "shipping" in want else None,
        )


def list_product_types(uow_factory: UowFactory) -> list[ProductType]:
    """Every product's name and id, sorted by name as Python sorts strings (the
    benchmark's order), not by the database's collation."""
    with uow_factory() as uow:
        rows = uow.session.execute(select(Product.name, Product.id)).all()
    return [ProductType(name=name, product_id=pid) for name, pid in sorted(rows)]
