"""Benchmark stores: generated once with a fixed seed and as-of date, then reused.

SQLite stores are files under ``var/bench/``; PostgreSQL stores are databases named
``storedesk_bench_<orders>`` on the server of ``STOREDESK_BENCH_PG`` (default: the local
server the tests use). A store is reused only when its marker says it was generated
completely with the same spec; tools then run with a clock set to ``AS_OF``, so every run
sees the same "now" the store was generated for.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy import Connection, exists, or_, select, text

from seed_data.generator import GenerateSpec, generate_store, workers_for
from seed_data.generator.orders import MAX_ORDERS
from services import schema
from services.db import get_engine
from services.models import Fulfillment, Order, OrderItem, OrderStatus, Product, ReturnRequest
from services.uow import UowFactory

AS_OF = datetime(2026, 1, 1, tzinfo=UTC)
SEED = 15
FIRST_ORDER_ID = 1_000_000  # OrderMaker.first_id
PG_ADMIN = os.environ.get("STOREDESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
Progress = Callable[[str, int, int], None]


def folder() -> Path:
    """Where SQLite bench stores live (``STOREDESK_BENCH_DIR``, default ``var/bench``)."""
    return Path(os.environ.get("STOREDESK_BENCH_DIR", "var/bench"))


def spec_for(orders: int) -> GenerateSpec:
    """The store of ``orders`` orders: one customer per ten orders, as in a real shop."""
    return GenerateSpec(
        customers=max(20, orders // 10),
        orders=orders,
        products=max(20, min(2_000, orders // 500)),
        warehouses=5,
        locales=("en_US", "vi_VN", "pt_BR"),
        seed=SEED,
        as_of=AS_OF,
    )


def clock() -> datetime:
    """The bench's "now": the store's as-of date."""
    return AS_OF


@dataclass(frozen=True)
class Store:
    url: str
    orders: int
    reused: bool
    seconds: float = 0.0

    @property
    def uow_factory(self) -> UowFactory:
        return UowFactory(get_engine(self.url))


def _marker(spec: GenerateSpec) -> str:
    return json.dumps(
        {"orders": spec.orders, "customers": spec.customers, "products": spec.products,
         "seed": spec.seed, "as_of": spec.as_of.isoformat()},
        sort_keys=True,
    )  # fmt: skip


def sqlite_store(
    orders: int, *, where: Path | None = None, progress: Progress | None = None
) -> Store:
    """The SQLite store of ``orders`` orders, generated when missing or stale."""
    spec = spec_for(orders)
    where = where or folder()
    path = where / f"store-{orders}.db"
    marker = path.with_suffix(".json")
    url = f"sqlite:///{path}"
    if path.exists() and marker.exists() and marker.read_text() == _marker(spec):
        schema.upgrade(url)  # a migration landed since: add it, keep the data
        return Store(url=url, orders=orders, reused=True)
    where.mkdir(parents=True, exist_ok=True)
    for leftover in (path, marker, *where.glob(f"store-{orders}.db-*")):
        leftover.unlink(missing_ok=True)
    schema.upgrade(url)
    seconds = _generate(url, spec, "sqlite", progress)
    marker.write_text(_marker(spec))
    return Store(url=url, orders=orders, reused=False, seconds=seconds)


def postgres_store(
    orders: int, *, name: str | None = None, progress: Progress | None = None
) -> Store:
    """The PostgreSQL store of ``orders`` orders (a database of its own), made when missing."""
    spec = spec_for(orders)
    name = name or f"storedesk_bench_{orders}"
    base = PG_ADMIN.rsplit("/", 1)[0]
    url = f"{base}/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        reuse = bool(exists) and _pg_marker(url) == _marker(spec)
    if reuse:
        schema.upgrade(url)
        return Store(url=url, orders=orders, reused=True)
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    schema.upgrade(url)
    seconds = _generate(url, spec, "postgresql", progress)
    with get_engine(url).begin() as connection:
        connection.execute(text("CREATE TABLE bench_marker (spec TEXT NOT NULL)"))
        connection.execute(text("INSERT INTO bench_marker VALUES (:s)"), {"s": _marker(spec)})
    return Store(url=url, orders=orders, reused=False, seconds=seconds)


def _pg_marker(url: str) -> str | None:
    try:
        with get_engine(url).connect() as connection:
            return connection.execute(text("SELECT spec FROM bench_marker")).scalar()
    except Exception:
        return None


def _generate(url: str, spec: GenerateSpec, backend: str, progress: Progress | None) -> float:
    spec = replace(spec, workers=workers_for(spec, backend))
    started = time.perf_counter()
    generate_store(UowFactory(get_engine(url)), spec, progress=progress)
    return time.perf_counter() - started


@dataclass(frozen=True)
class Sample:
    """Rows the benches ask about, picked at random (fixed seed) across the whole store."""

    orders: list[tuple[str, str]]  # (order id, its customer id)
    delivered: list[tuple[str, str]]  # delivered orders without a return yet
    products: list[str]  # product ids


def sample(store: Store, *, size: int = 200, delivered: int = 0) -> Sample:
    rng = random.Random(SEED)
    # Order ids grow with the order number (`seed_data.generator.orders`): probe at evenly
    # spread random numbers and take the next id through the primary-key index.
    stride = max(1, MAX_ORDERS // max(store.orders, 1))
    picks = sorted(rng.sample(range(store.orders), min(size, store.orders)))
    with get_engine(store.url).connect() as connection:
        rows = [
            connection.execute(
                text("SELECT id, customer_id FROM orders WHERE id >= :p ORDER BY id LIMIT 1"),
                {"p": f"#W{FIRST_ORDER_ID + n * stride}"},
            ).one()
            for n in picks
        ]
        done = _returnable(connection, delivered) if delivered else []
        products = [r[0] for r in connection.execute(text("SELECT id FROM products ORDER BY id"))]
    return Sample(
        orders=[(r[0], r[1]) for r in rows],
        delivered=done,
        products=rng.sample(products, min(size, len(products))),
    )


def _returnable(connection: Connection, n: int) -> list[tuple[str, str]]:
    """Delivered orders, delivered in the last ten days and not yet returned: a return of
    every item is accepted for them (return windows are at least that long)."""
    since = AS_OF - timedelta(days=10)
    old = exists().where(
        Fulfillment.order_id == Order.id,
        or_(Fulfillment.delivered_at.is_(None), Fulfillment.delivered_at < since),
    )
    returned = exists().where(ReturnRequest.order_id == Order.id)
    # Items that cannot be returned (gift cards, say) would make the preview a refusal.
    final_sale = exists().where(
        OrderItem.order_id == Order.id,
        OrderItem.product_id == Product.id,
        Product.returnable.is_(False),
    )
    query = (
        select(Order.id, Order.customer_id)
        .where(Order.status == OrderStatus.DELIVERED, Order.placed_at >= since - timedelta(days=30))
        .where(~old, ~returned, ~final_sale)
        .order_by(Order.id)
        .limit(n)
    )
    return [(r[0], r[1]) for r in connection.execute(query)]


def drop_postgres_store(store: Store) -> None:
    """Remove a PostgreSQL bench store (tests make throw-away ones)."""
    get_engine(store.url).dispose()
    name = store.url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
