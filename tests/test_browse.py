"""Staff browsing of the demo store and the customer sign-in lookups."""

from __future__ import annotations

import pytest

from seed_data.demo import load_demo
from services import browse, browse_detail
from services.errors import NotFound


@pytest.fixture
def store(uow_factory):
    load_demo(uow_factory)
    return uow_factory


def test_search_customers_by_name_email_or_zip(store):
    assert [c.id for c in browse.search_customers(store, query="sarah")] == ["CUST-9821"]
    assert [c.id for c in browse.search_customers(store, query="MICHAEL.CHEN@")] == ["CUST-4410"]
    sarah = browse.search_customers(store, query="46202")[0]
    assert sarah.orders == 5
    assert browse.search_customers(store, query="%") == []  # wildcards are literal


def test_sign_in_lookups(store):
    assert browse.customer_by_email(store, email=" Sarah.Johnson@example.com ").id == "CUST-9821"
    assert (
        browse.customer_by_name_zip(
            store, first_name="sarah", last_name="JOHNSON", zip_code="46202"
        ).id
        == "CUST-9821"
    )
    with pytest.raises(NotFound):
        browse.customer_by_name_zip(
            store, first_name="Sarah", last_name="Johnson", zip_code="00000"
        )
    with pytest.raises(NotFound):
        browse.customer_by_email(store, email="nobody@example.com")


def test_search_orders_with_totals(store):
    rows = browse.search_orders(store, customer_id="CUST-9821")
    assert {r.id for r in rows} >= {"ORD-78342", "ORD-66120", "ORD-92010"}
    delivered = browse.search_orders(store, status="delivered", query="sarah")
    assert {r.id for r in delivered} == {"ORD-66120", "ORD-30987"}
    one = browse.search_orders(store, query="ord-78342")[0]
    assert one.items == 3 and one.total > 0


def test_order_detail_has_items_ledger_and_tracking(store):
    order = browse_detail.order_detail(store, order_id="ORD-78342")
    assert order.customer_name == "Sarah Johnson" and order.status == "in_transit"
    assert len(order.items) == 3 and order.total == sum(i.price for i in order.items)
    assert order.ledger and order.ledger[0].transaction_type == "payment"
    assert order.fulfillments[0].carrier == "FastShip Express"
    assert order.fulfillments[0].events
    with pytest.raises(NotFound):
        browse_detail.order_detail(store, order_id="ORD-00000")


def test_product_stock_by_warehouse(store):
    tv = browse_detail.product_detail(store, product_id="UHD-4K-55")
    stock = tv.variants[0].stock
    assert stock["Chicago"] == 3 and sum(stock.values()) == 3
    assert "UHD-4K-55" in {p.id for p in browse.search_products(store, query="4k")}
    by_sku = browse.search_products(store, query="SWX-300-45-GRN")
    assert len(by_sku) == 1


def test_customer_detail_lists_payment_methods(store):
    sarah = browse_detail.customer_detail(store, customer_id="CUST-9821")
    assert sarah.payment_methods and sarah.email == "sarah.johnson@example.com"


def test_payment_method_label(store):
    sarah = browse_detail.customer_detail(store, customer_id="CUST-9821")
    first = sarah.payment_methods[0]
    assert browse_detail.payment_method_label(store, payment_method_id=first.id) == first.label
    assert browse_detail.payment_method_label(store, payment_method_id="nope") == "nope"
