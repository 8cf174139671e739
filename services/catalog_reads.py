"""Products and variants for the catalogue reads, as rows from prebuilt Core statements.

`check_availability` and `get_product_info` only show a product; loading ORM objects
(identity map, lazy `variant.product`) cost several times the queries. The rows returned
here have the same attribute names as the ORM objects, so the services read them alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, func, literal_column, null, select, union_all

from services.errors import InvalidRequest, product_not_found
from services.models import Product, StockLevel, Variant

_PRODUCTS = Product.__table__
_VARIANTS = Variant.__table__
# An item id or a product id, in one statement (the same count whichever it is); an item
# id wins.
# The columns a read shows (not created_at: a timestamp to parse for nothing).
_SHOWN = [c for c in _PRODUCTS.c if c.name != "created_at"]
_BY_REF = union_all(
    select(*_SHOWN, _VARIANTS.c.item_id.label("sku"), literal_column("0").label("rank"))
    .join(_VARIANTS, _VARIANTS.c.product_id == _PRODUCTS.c.id)
    .where(_VARIANTS.c.item_id == bindparam("ref")),
    select(*_SHOWN, null().label("sku"), literal_column("1").label("rank")).where(
        _PRODUCTS.c.id == bindparam("ref")
    ),
).order_by("rank")
# Names (rare): exact and case-insensitive first, then a unique partial match.
_BY_NAME = (
    select(*_SHOWN)
    .where(func.lower(_PRODUCTS.c.name) == bindparam("name"))
    .order_by(_PRODUCTS.c.id)
    .limit(1)
)
_BY_PART_OF_NAME = (
    select(*_SHOWN)
    .where(func.lower(_PRODUCTS.c.name).like(bindparam("pattern"), escape="\\"))
    .order_by(_PRODUCTS.c.name)
    .limit(6)
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


def resolve_product_row(connection: Connection, ref: str) -> tuple[Any, str | None]:
    """(product row, the SKU asked for or None) for an item id, product id or name."""
    ref = ref.strip()
    if not ref:
        raise product_not_found()
    product = connection.execute(_BY_REF, {"ref": ref}).first()
    if product is not None:
        return product, product.sku
    exact = connection.execute(_BY_NAME, {"name": ref.lower()}).first()
    if exact is not None:
        return exact, None
    pattern = "%" + ref.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    partial = list(connection.execute(_BY_PART_OF_NAME, {"pattern": pattern}))
    if len(partial) == 1:
        return partial[0], None
    if partial:
        names = ", ".join(p.name for p in partial[:5])
        raise InvalidRequest(
            "Several products match that name.",
            hint=f"Ask which one the customer means: {names}.",
        )
    raise product_not_found()


def variants_with_stock(connection: Connection, product_id: str) -> list[Any]:
    """The product's variants in their order (position, then item id), with `in_stock`:
    the variant's units over all warehouses."""
    return list(connection.execute(_VARIANTS_WITH_STOCK, {"product_id": product_id}))
