"""Products and variants for the catalogue reads, as rows from prebuilt Core statements.

`check_availability` and `get_product_info` only show a product; loading ORM objects
(identity map, lazy `variant.product`) cost several times the queries. The rows returned
here have the same attribute names as the ORM objects, so the services read them alike.
Names (rare, and matched loosely) still go through `catalog.resolve_product`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from services.models import Product, StockLevel, Variant

_PRODUCTS = Product.__table__
_VARIANTS = Variant.__table__
# An item id or a product id, in one statement (the same count whichever it is); an item
# id wins, as in `catalog.resolve_product`.
_BY_REF = union_all(
    select(_PRODUCTS, _VARIANTS.c.item_id.label("sku"), literal(0).label("rank"))
    .join(_VARIANTS, _VARIANTS.c.product_id == _PRODUCTS.c.id)
    .where(_VARIANTS.c.item_id == bindparam("ref")),
    select(_PRODUCTS, null().label("sku"), literal(1).label("rank")).where(
        _PRODUCTS.c.id == bindparam("ref")
    ),
).order_by("rank")
_VARIANTS_OF = (
    select(_VARIANTS)
    .where(_VARIANTS.c.product_id == bindparam("product_id"))
    .order_by(_VARIANTS.c.position, _VARIANTS.c.item_id)
)
# The shown columns of each variant with its units over all warehouses, in one statement
# (a second one for the stock, built per call with IN, cost more than the rest of
# `get_product_info` together).
_IN_STOCK = (
    select(func.coalesce(func.sum(StockLevel.quantity), 0))
    .where(StockLevel.item_id == _VARIANTS.c.item_id)
    .scalar_subquery()
)
_VARIANTS_WITH_STOCK = (
    select(
        _VARIANTS.c.item_id,
        _VARIANTS.c.options,
        _VARIANTS.c.price,
        _VARIANTS.c.available,
        _IN_STOCK.label("in_stock"),
    )
    .where(_VARIANTS.c.product_id == bindparam("product_id"))
    .order_by(_VARIANTS.c.position, _VARIANTS.c.item_id)
)


def resolve_product_row(session: Session, ref: str) -> tuple[Any, str | None]:
    """`catalog.resolve_product` (same answers, same errors), ids looked up as rows."""
    from services.catalog import resolve_product  # the name rules live there

    ref = ref.strip()
    connection = session.connection()
    if ref:
        product = connection.execute(_BY_REF, {"ref": ref}).first()
        if product is not None:
            return product, product.sku
    return resolve_product(session, ref)


def variant_rows(session: Session, product_id: str) -> list[Any]:
    """The product's variants, ordered as the ORM query ordered them."""
    return list(session.connection().execute(_VARIANTS_OF, {"product_id": product_id}))


def variants_with_stock(session: Session, product_id: str) -> list[Any]:
    """`variant_rows`' order, with `in_stock`: the variant's units over all warehouses."""
    return list(session.connection().execute(_VARIANTS_WITH_STOCK, {"product_id": product_id}))
