"""Products and variants for the catalogue reads, as rows from prebuilt Core statements.

`check_availability` and `get_product_info` only show a product; loading ORM objects
(identity map, lazy `variant.product`) cost several times the queries. The rows returned
here have the same attribute names as the ORM objects, so the services read them alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    func,
    literal_column,
    null,
    select,
    type_coerce,
    union_all,
)

from services.errors import InvalidRequest, product_not_found
from services.models import Product, StockLevel, Variant

_PRODUCTS = Product.__table__
_VARIANTS = Variant.__table__
# The columns a read shows (not created_at: a timestamp to parse for nothing).
_SHOWN = [c for c in _PRODUCTS.c if c.name != "created_at"]
# An item id or a product id, in one statement (the same count whichever it is); an item
# id wins.
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
# A variant's units over all warehouses.
_IN_STOCK = (
    select(func.coalesce(func.sum(StockLevel.quantity), 0))
    .where(StockLevel.item_id == _VARIANTS.c.item_id)
    .scalar_subquery()
    .label("in_stock")
)
_VARIANT_COLUMNS = [
    _VARIANTS.c.item_id,
    _VARIANTS.c.options,
    _VARIANTS.c.price,
    _VARIANTS.c.available,
    _IN_STOCK,
]
_VARIANT_NAMES = [c.name for c in _VARIANT_COLUMNS]
_VARIANT_FIELDS = slice(1, 1 + len(_VARIANT_COLUMNS))  # where they are in a row below


def _with_variants(product_id: Any, sku: Any) -> Any:
    """The product as a header row, then its variants (in their order) with their stock:
    one statement where there were two, and three before that (each statement costs more
    through SQLAlchemy than SQLite takes to run it). Rows: part (0 header, 1 variant), the
    variant's columns, position, the product's columns and the SKU asked for; the header's
    variant columns are NULLs typed like the variant's, so a variant row's values decode."""
    header = select(
        literal_column("0").label("part"),
        *[type_coerce(null(), c.type).label(c.name) for c in _VARIANT_COLUMNS],
        null().label("position"),
        *_SHOWN,
        sku.label("sku"),
    ).where(_PRODUCTS.c.id == product_id)
    variants = select(
        literal_column("1"),
        *_VARIANT_COLUMNS,
        _VARIANTS.c.position,
        *[null() for _ in _SHOWN],
        null(),
    ).where(_VARIANTS.c.product_id == product_id)
    return union_all(header, variants).order_by("part", "position", "item_id")


_PRODUCT_OF_ITEM = select(_VARIANTS.c.product_id).where(_VARIANTS.c.item_id == bindparam("ref"))
# By an item id or a product id (an item id wins, as in _BY_REF), and by a product's id.
_WITH_VARIANTS_BY_REF = _with_variants(
    func.coalesce(_PRODUCT_OF_ITEM.scalar_subquery(), bindparam("ref")),
    select(_VARIANTS.c.item_id).where(_VARIANTS.c.item_id == bindparam("ref")).scalar_subquery(),
)
_WITH_VARIANTS_BY_ID = _with_variants(bindparam("product_id"), null())


def resolve_product_row(connection: Connection, ref: str) -> tuple[Any, str | None]:
    """(product row, the SKU asked for or None) for an item id, product id or name."""
    ref = ref.strip()
    if not ref:
        raise product_not_found()
    product = connection.execute(_BY_REF, {"ref": ref}).first()
    if product is not None:
        return product, product.sku
    return _by_name(connection, ref), None


def product_with_variants(
    connection: Connection, ref: str
) -> tuple[Any, str | None, list[dict[str, Any]]]:
    """`resolve_product_row`'s product and SKU, and the product's variants as VariantView's
    values (item_id, options, price, available, in_stock); ids take one statement."""
    ref = ref.strip()
    if not ref:
        raise product_not_found()
    rows = connection.execute(_WITH_VARIANTS_BY_REF, {"ref": ref}).all()
    if not rows:  # a name
        named = _by_name(connection, ref)
        rows = connection.execute(_WITH_VARIANTS_BY_ID, {"product_id": named.id}).all()
    header, *variants = rows
    return (
        header,
        header.sku,
        [dict(zip(_VARIANT_NAMES, v[_VARIANT_FIELDS], strict=True)) for v in variants],
    )


def _by_name(connection: Connection, ref: str) -> Any:
    exact = connection.execute(_BY_NAME, {"name": ref.lower()}).first()
    if exact is not None:
        return exact
    pattern = "%" + ref.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    partial = list(connection.execute(_BY_PART_OF_NAME, {"pattern": pattern}))
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(p.name for p in partial[:5])
        raise InvalidRequest(
            "Several products match that name.",
            hint=f"Ask which one the customer means: {names}.",
        )
    raise product_not_found()
