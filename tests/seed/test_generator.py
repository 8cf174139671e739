"""The generator: reproducible, locale-true, consistent, and it refuses bad input cleanly."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from seed_data.generator import generate_store
from seed_data.generator.pools import build_pools
from services import schema
from services.admin import reset_store
from services.db import get_engine
from services.doctor import check_store
from services.errors import InvalidRequest
from services.models import Customer, Fulfillment, Order, PaymentMethod, TrackingEvent
from services.stats import store_counts
from services.uow import UowFactory
from tests.seed.helpers import AS_OF, content_hash, small_spec

VI_LETTERS = re.compile(
    r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I
)


def test_same_seed_gives_the_same_store(uow_factory: UowFactory, tmp_path: Path) -> None:
    generate_store(uow_factory, small_spec())
    first = content_hash(uow_factory, tmp_path / "a")
    reset_store(uow_factory)
    generate_store(uow_factory, small_spec())
    assert content_hash(uow_factory, tmp_path / "b") == first
    reset_store(uow_factory)
    generate_store(uow_factory, small_spec(seed=8))
    assert content_hash(uow_factory, tmp_path / "c") != first


def test_same_store_on_sqlite_with_workers_as_on_this_backend(
    uow_factory: UowFactory, tmp_path: Path
) -> None:
    """On PostgreSQL (COPY of full rows) and on SQLite with worker processes (compact
    parts completed in SQL), the same arguments give the same store."""
    generate_store(uow_factory, small_spec(workers=0))
    here = content_hash(uow_factory, tmp_path / "here")
    url = f"sqlite:///{tmp_path / 'other.db'}"
    schema.upgrade(url)
    other = UowFactory(get_engine(url))
    generate_store(other, small_spec(workers=2))
    assert content_hash(other, tmp_path / "other") == here
    # Rows the export does not show: tracking events and fulfillments, ids included.
    events = select(
        TrackingEvent.id,
        TrackingEvent.fulfillment_id,
        TrackingEvent.occurred_at,
        TrackingEvent.location,
        TrackingEvent.status,
        TrackingEvent.description,
    ).order_by(TrackingEvent.id)
    shipments = select(
        Fulfillment.id,
        Fulfillment.order_id,
        Fulfillment.carrier,
        Fulfillment.shipped_at,
        Fulfillment.estimated_delivery,
        Fulfillment.delivered_at,
    ).order_by(Fulfillment.id)
    with uow_factory() as a, other() as b:
        for query in (events, shipments):
            rows = a.session.execute(query).all()
            assert rows == b.session.execute(query).all()
            assert len(rows) > 100


@pytest.mark.parametrize(
    ("customers", "orders", "products", "seed"),
    [(5, 0, 3, 1), (30, 200, 12, 2), (80, 3000, 60, 3)],
)
def test_generated_stores_pass_the_doctor(
    uow_factory: UowFactory, customers: int, orders: int, products: int, seed: int
) -> None:
    spec = small_spec(customers=customers, orders=orders, products=products, seed=seed)
    counts = generate_store(uow_factory, spec)
    assert counts.get("orders", 0) == orders
    report = check_store(uow_factory, now=AS_OF)
    assert report.ok, report.violations[:5]
    assert report.orders_checked == orders


def test_statuses_follow_the_calendar(uow_factory: UowFactory) -> None:
    generate_store(uow_factory, small_spec(customers=80, orders=3000, products=60, seed=3))
    with uow_factory() as uow:
        rows = uow.session.execute(select(Order.status, Order.placed_at)).all()
    statuses = Counter(status.value for status, _ in rows)
    assert set(statuses) == {
        "pending", "processed", "shipped", "in_transit", "delivered", "cancelled",
        "return requested", "exchange requested", "returned",
    }  # fmt: skip
    assert statuses["delivered"] > len(rows) / 2
    age = {status.value: [] for status, _ in rows}
    for status, placed in rows:
        age[status.value].append((AS_OF - placed).total_seconds() / 86400)
    # only recent orders can still be on their way; 18 months of history
    assert max(age["pending"] + age["processed"] + age["shipped"]) < 3
    assert max(age["in_transit"]) < 7
    assert 500 < max(age["delivered"]) <= 548


def test_customers_look_like_their_locale(uow_factory: UowFactory) -> None:
    generate_store(uow_factory, small_spec(customers=60, orders=0))
    vi_last = set(build_pools(["vi_VN"], 7)["vi_VN"].last_names)
    with uow_factory() as uow:
        customers = list(uow.session.scalars(select(Customer)))
        methods = list(uow.session.scalars(select(PaymentMethod)))
        by_locale: dict[str, list[Customer]] = {}
        for c in customers:
            by_locale.setdefault(c.locale, []).append(c)
        assert {k: len(v) for k, v in by_locale.items()} == {"en_US": 20, "vi_VN": 20, "pt_BR": 20}
        for c in by_locale["vi_VN"]:
            assert c.last_name in vi_last  # Nguyễn, Trần, Lê, ...
            assert c.country == "Vietnam" and c.phone.startswith("+84 ")
            assert VI_LETTERS.search(
                f"{c.first_name} {c.last_name} {c.address1} {c.address2} {c.city}"
            )
        assert any(VI_LETTERS.search(c.last_name) for c in by_locale["vi_VN"])
        for c in by_locale["pt_BR"]:
            assert c.country == "Brazil" and c.phone.startswith("+55 ")
            assert re.fullmatch(r"\d{5}-\d{3}", c.zip) and re.fullmatch(r"[A-Z]{2}", c.state)
        for c in by_locale["en_US"]:
            assert c.country == "USA" and re.fullmatch(r"\d{5}", c.zip)
        emails = [c.email for c in customers]
        assert len({e.lower() for e in emails}) == len(emails)
        assert all(
            e.isascii() and re.fullmatch(r"[a-z]+_[a-z]+_\d{4,}", c.id)
            for e, c in zip(emails, customers, strict=True)
        )
        per_customer = Counter(m.customer_id for m in methods)
        assert set(per_customer.values()) <= {1, 2, 3, 4} and len(per_customer) == 60
        assert {m.source.value for m in methods} == {"credit_card", "paypal", "gift_card"}


def test_bad_arguments_change_nothing(uow_factory: UowFactory) -> None:
    with pytest.raises(InvalidRequest, match="locales"):
        generate_store(uow_factory, small_spec(locales=("fr_FR",)))
    with pytest.raises(InvalidRequest, match="orders"):
        generate_store(uow_factory, small_spec(orders=-1))
    assert store_counts(uow_factory)["customers"] == 0


def test_a_store_with_data_is_refused_and_kept(uow_factory: UowFactory) -> None:
    generate_store(uow_factory, small_spec(orders=50))
    before = store_counts(uow_factory)
    with pytest.raises(InvalidRequest, match="not empty"):
        generate_store(uow_factory, small_spec(seed=9))
    assert store_counts(uow_factory) == before
