"""Stock availability by SKU, quantity and (optionally) the customer's zip code.

Nearest-warehouse rule: the distance between two zip codes is the absolute difference
of their first three digits taken as a number (US zip prefixes grow roughly from the
north-east to the west coast, so it is a fair proxy for miles without a geo database).
A zip without three leading digits has no distance. The nearest warehouse is the closest
one that can ship the whole quantity of one available variant alone; without a zip, the
one holding the most. When no single warehouse can, but several together can, the order
ships from several places and takes a business day longer to leave.

Estimates: ships in 1 business day from a warehouse that holds the quantity (2 when it
must be gathered); transit takes 2 business days plus one per 250 of zip-prefix
distance (2 to 5 days in the US); without a zip the transit is the standard 3-5 days,
estimated as 5.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import bindparam, select

from services.catalog_reads import resolve_product_row
from services.errors import InvalidRequest
from services.models import StockLevel, Variant, Warehouse, utcnow
from services.uow import UowFactory
from services.views import Availability, VariantAvailability, WarehouseStock

DEFAULT_TRANSIT_DAYS = 5


def zip_prefix(zip_code: str | None) -> int | None:
    digits = (zip_code or "").strip()[:3]
    return int(digits) if len(digits) == 3 and digits.isdigit() else None


def zip_distance(a: str | None, b: str | None) -> int | None:
    pa, pb = zip_prefix(a), zip_prefix(b)
    return None if pa is None or pb is None else abs(pa - pb)


def add_business_days(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


# Prebuilt statements (building one costs more than SQLite takes to run it), and only the
# columns shown. The variants come apart from their stock: joined, each variant's JSON
# options and price were decoded again for every warehouse row.
_V, _S, _W = Variant.__table__, StockLevel.__table__, Warehouse.__table__
_VARIANTS = select(_V.c.item_id, _V.c.options, _V.c.price, _V.c.available).order_by(
    _V.c.position, _V.c.item_id
)
_STOCK = (
    select(_S.c.item_id, _S.c.quantity, _W.c.id, _W.c.name, _W.c.city, _W.c.state, _W.c.zip)
    .join(_W, _W.c.id == _S.c.warehouse_id)
    .join(_V, _V.c.item_id == _S.c.item_id)
    .order_by(_W.c.id)
)
_OF_PRODUCT = _V.c.product_id == bindparam("product_id")
_OF_ITEM = _V.c.item_id == bindparam("item_id")
# (variants, their stock) of a whole product, and of one item
_VIEWS = TypeAdapter(list[VariantAvailability])
_STATEMENTS = {
    False: (_VARIANTS.where(_OF_PRODUCT), _STOCK.where(_OF_PRODUCT)),
    True: (_VARIANTS.where(_OF_ITEM), _STOCK.where(_OF_ITEM)),
}


def check_availability(
    uow_factory: UowFactory,
    *,
    sku: str,
    quantity_needed: int = 1,
    zip_code: str | None = None,
    now: datetime | None = None,
) -> Availability:
    """Total and per-warehouse stock of a SKU (or of every variant of a product id)."""
    if quantity_needed < 1:
        raise InvalidRequest("The quantity must be at least 1.", hint="Ask how many are needed.")
    zip_code = (zip_code or "").strip() or None
    with uow_factory.reading() as connection:
        product, item_id = resolve_product_row(connection, sku)
        by_item = item_id is not None
        params = {"item_id": item_id} if by_item else {"product_id": product.id}
        variants_of, stock_of = _STATEMENTS[by_item]
        variants = connection.execute(variants_of, params).all()
        # Plain values, validated with the views in one pass: a model built per warehouse
        # row, reading the row's columns by name, cost about as much as the queries.
        stock: dict[str, list[dict[str, Any]]] = {v.item_id: [] for v in variants}
        for item, quantity, wid, name, city, state, wzip in connection.execute(stock_of, params):
            distance = zip_distance(zip_code, wzip) if zip_code else None
            stock[item].append(
                {
                    "warehouse_id": wid,
                    "name": name,
                    "city": city,
                    "state": state,
                    "zip": wzip,
                    "quantity": quantity,
                    "distance": distance,
                }
            )
        views = _VIEWS.validate_python(
            [
                {
                    "item_id": i,
                    "options": o,
                    "price": p,
                    "available": a,
                    "total_quantity": sum(w["quantity"] for w in stock[i]),
                    "warehouses": stock[i],
                }
                for i, o, p, a in variants
            ]
        )
        product_id, product_name = product.id, product.name
    sellable = [v for v in views if v.available]
    whole = [w for v in sellable for w in v.warehouses if w.quantity >= quantity_needed]
    gathered = [v for v in sellable if v.total_quantity >= quantity_needed]
    nearest = _nearest(whole) or _nearest(
        [w for v in gathered for w in v.warehouses if w.quantity > 0]
    )
    can_fulfill = bool(whole or gathered)
    ships_in = (1 if whole else 2) if can_fulfill else None
    transit: int | None = None
    estimate: date | None = None
    if can_fulfill and ships_in is not None:
        distance = nearest.distance if nearest else None
        transit = DEFAULT_TRANSIT_DAYS if distance is None else 2 + distance // 250
        estimate = add_business_days((now or utcnow()).date(), ships_in + transit)
    return Availability(
        sku=sku.strip(),
        product_id=product_id,
        product_name=product_name,
        quantity_needed=quantity_needed,
        total_quantity=sum(v.total_quantity for v in sellable),
        can_fulfill=can_fulfill,
        variants=views,
        nearest_warehouse=nearest,
        ships_in_days=ships_in,
        transit_days=transit,
        estimated_delivery=estimate,
        note=_note(views, can_fulfill, bool(whole), quantity_needed),
    )


def _nearest(candidates: list[WarehouseStock]) -> WarehouseStock | None:
    if not candidates:
        return None

    # Closest first (unknown distance last), then the most stock, then the id: stable.
    def key(w: WarehouseStock) -> tuple[int, int, int, str]:
        return (w.distance is None, w.distance or 0, -w.quantity, w.warehouse_id)

    return min(candidates, key=key)


def _note(views: list[VariantAvailability], can: bool, whole: bool, needed: int) -> str:
    if not any(v.available for v in views):
        return "This item is no longer sold (discontinued)."
    if not can:
        best = max((v.total_quantity for v in views if v.available), default=0)
        if best == 0:
            return "Out of stock in every warehouse."
        return f"Only {best} in stock; {needed} needed."
    if not whole:
        return "In stock across several warehouses; ships once gathered."
    return "In stock."
