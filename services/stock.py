"""Stock moves made by order actions.

A stock level is the number of units free to sell at a warehouse. An order's units were
taken when it was placed, so:
- cancelling a pending order gives its units back;
- changing a pending order's items takes the new units and gives the old ones back
  (only the net per SKU moves, so mapping an item to itself needs no stock);
- an exchange takes the replacement units when it is requested, so they are held for
  the customer (the old units come back when they arrive);
- receiving a return gives the returned units back.
Units are taken from the warehouse nearest to the order's zip that holds them all, else
spread over warehouses nearest first; they go back to the nearest warehouse that stocks
the SKU. Rows are locked (FOR UPDATE, in item/warehouse order, so two actions never
wait on each other crosswise) and the database's `quantity >= 0` check is the last
guard: stock never goes negative.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.availability import zip_distance
from services.errors import OutOfStock
from services.models import StockLevel, Warehouse


def _distance_key(zip_code: str, warehouse: Warehouse, quantity: int) -> tuple[int, int, int, str]:
    d = zip_distance(zip_code, warehouse.zip)
    return (d is None, d or 0, -quantity, warehouse.id)


def plan_stock_moves(
    session: Session,
    *,
    take: Iterable[str] = (),
    give: Iterable[str] = (),
    zip_code: str,
    lock: bool,
) -> Callable[[], None]:
    """Check that the units to take exist; return the closure that moves them."""
    net: Counter[str] = Counter(take)
    net.subtract(Counter(give))
    items = sorted(item for item, n in net.items() if n != 0)
    if not items:
        return lambda: None
    query = (
        select(StockLevel, Warehouse)
        .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
        .where(StockLevel.item_id.in_(items))
        .order_by(StockLevel.item_id, StockLevel.warehouse_id)
    )
    if lock:
        query = query.with_for_update(of=StockLevel).execution_options(populate_existing=True)
    rows: dict[str, list[tuple[StockLevel, Warehouse]]] = {item: [] for item in items}
    for level, warehouse in session.execute(query).all():
        rows[level.item_id].append((level, warehouse))
    moves: list[tuple[StockLevel, int]] = []
    for item in items:
        n = net[item]
        ordered = sorted(rows[item], key=lambda r: _distance_key(zip_code, r[1], r[0].quantity))
        if n < 0:
            if ordered:
                moves.append((ordered[0][0], -n))
            else:
                moves.append((_new_level(session, item, zip_code), -n))
            continue
        whole = [r for r in ordered if r[0].quantity >= n]
        if whole:
            moves.append((whole[0][0], -n))
            continue
        if sum(r[0].quantity for r in ordered) < n:
            raise OutOfStock(
                f"Item {item} is not in stock in that quantity.",
                hint="Offer another variant or fewer units.",
                item_id=item,
            )
        for level, _ in ordered:
            part = min(n, level.quantity)
            if part:
                moves.append((level, -part))
                n -= part

    def apply() -> None:
        for level, delta in moves:
            if level not in session:
                session.add(level)
            level.quantity = level.quantity + delta
        session.flush()

    return apply


def _new_level(session: Session, item_id: str, zip_code: str) -> StockLevel:
    """A SKU that no warehouse stocks comes back to the warehouse nearest the order."""
    warehouses = list(session.scalars(select(Warehouse)))
    if not warehouses:
        raise OutOfStock("No warehouse can take the returned items.", hint="Hand off to staff.")
    nearest = min(warehouses, key=lambda w: _distance_key(zip_code, w, 0))
    return StockLevel(warehouse_id=nearest.id, item_id=item_id, quantity=0)
