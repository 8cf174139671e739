"""Export of the store as the tau-bench retail files (users.json, orders.json, products.json).

The shapes come from `services.tau_shape` (shared with the `tau-retail` tools). Rows are
read in batches of ids and each file is written entry by entry, so exporting a store of
a million orders needs the memory of one batch, not of the store. Entries are written in
id order, which makes the files a deterministic fingerprint of the store's content.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from services import tau_shape
from services.models import Customer, Order, Product
from services.uow import UowFactory

BATCH = 2000


def export_tau(uow_factory: UowFactory, directory: Path) -> dict[str, int]:
    """Write the three files into `directory` (created if missing); counts per file."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    # One read transaction: the three files describe the same snapshot on PostgreSQL.
    with uow_factory() as uow:
        session = uow.session
        counts["users"] = _write(
            directory / "users.json",
            _entries(session, Customer.id, tau_shape.load_users, tau_shape.user_to_tau),
        )
        counts["orders"] = _write(
            directory / "orders.json",
            _entries(session, Order.id, tau_shape.load_orders, tau_shape.order_to_tau),
        )
        counts["products"] = _write(
            directory / "products.json",
            _entries(session, Product.id, tau_shape.load_products, tau_shape.product_to_tau),
        )
    return counts


def _entries(
    session: Session,
    id_column: Any,
    load: Callable[[Session, Sequence[str]], Sequence[Any]],
    shape: Callable[[Any], dict[str, Any]],
) -> Iterator[tuple[str, dict[str, Any]]]:
    # Byte order on both backends (PostgreSQL would otherwise sort by its locale), so an
    # export is the same file whichever database it came from.
    key = id_column.collate("C") if session.get_bind().dialect.name == "postgresql" else id_column
    last: str | None = None
    while True:
        # Keyset pagination: constant cost per batch, however deep into the table.
        query = select(id_column).order_by(key).limit(BATCH)
        if last is not None:
            query = query.where(key > last)
        ids = list(session.scalars(query))
        if not ids:
            return
        for row in load(session, ids):
            yield row.id, shape(row)
        last = ids[-1]
        # Drop the batch's rows from the identity map so memory stays flat.
        session.expunge_all()


def _write(path: Path, entries: Iterator[tuple[str, dict[str, Any]]]) -> int:
    count = 0
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write("{")
        for key, value in entries:
            fh.write(",\n" if count else "\n")
            _write_entry(fh, key, value)
            count += 1
        fh.write("\n}\n" if count else "}\n")
    # Never leave a half-written file under the real name.
    tmp.replace(path)
    return count


def _write_entry(fh: IO[str], key: str, value: dict[str, Any]) -> None:
    body = json.dumps(value, indent=4, ensure_ascii=False).replace("\n", "\n    ")
    fh.write(f"    {json.dumps(key, ensure_ascii=False)}: {body}")
