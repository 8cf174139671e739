"""Read services on the demo store: order status, customer info, products, finding."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from seed_data.demo import load_demo
from services.catalog import get_product_info, list_product_types
from services.customers import find_customer_by_email, find_customer_by_name_zip, get_customer_info
from services.errors import InvalidRequest, NotFound
from services.orders import get_order_status
from services.uow import UowFactory


@pytest.fixture
def demo(uow_factory: UowFactory) -> UowFactory:
    load_demo(uow_factory)
    return uow_factory


def test_order_status_shows_carrier_tracking_and_estimate(demo: UowFactory) -> None:
    view = get_order_status(demo, order_id="ORD-78342", customer_id="CUST-9821")
    assert view.status == "in_transit"
    assert [i.item_id for i in view.items] == ["WEP-2024", "UCC-2M", "UCC-2M"]
    assert view.totals.items == Decimal("159.97") == view.totals.paid
    assert view.fulfillments[0].carrier == "FastShip Express"
    assert view.fulfillments[0].tracking_ids == ["FSX1234567890"]
    assert view.estimated_delivery is not None
    assert view.fulfillments[0].events is None
    assert view.shipping_address.city == "Indianapolis"


def test_order_status_with_tracking_lists_events_in_time_order(demo: UowFactory) -> None:
    view = get_order_status(
        demo, order_id="ORD-78342", customer_id="CUST-9821", include_tracking=True
    )
    events = view.fulfillments[0].events
    assert events is not None
    assert [e.status for e in events] == ["picked_up", "departed", "arrived"]


def test_delivered_order_has_delivery_date(demo: UowFactory) -> None:
    view = get_order_status(demo, order_id="ORD-66120", customer_id=None)
    assert view.delivered_at is not None and view.delivered_at < datetime.now(UTC)


def test_missing_order_hint_shows_id_shapes(demo: UowFactory) -> None:
    with pytest.raises(NotFound) as exc:
        get_order_status(demo, order_id="ORD-00000", customer_id=None)
    assert "ORD-12345" in exc.value.hint and "#W1234567" in exc.value.hint
    assert exc.value.details["tau_error"] == "Error: order not found"


def test_customer_info_masks_cards_and_counts_orders(demo: UowFactory) -> None:
    view = get_customer_info(demo, user_id="CUST-9821", customer_id="CUST-9821")
    assert view.tier == "gold" and view.member_since is not None
    card = view.payment_methods[0]
    assert card.last_four == "4242" and card.source == "credit_card"
    assert view.payment_methods[1].balance == Decimal("60.00")
    assert view.order_ids == ["ORD-78342", "ORD-91234", "ORD-66120", "ORD-30987", "ORD-92010"]
    assert view.totals.order_count == 5
    assert view.recent_orders is None
    assert "card_number" not in view.model_dump_json()


def test_customer_info_with_history_lists_newest_first(demo: UowFactory) -> None:
    view = get_customer_info(
        demo, user_id="CUST-9821", customer_id=None, include_order_history=True
    )
    assert view.recent_orders is not None
    assert [o.order_id for o in view.recent_orders][:2] == ["ORD-92010", "ORD-91234"]
    first = next(o for o in view.recent_orders if o.order_id == "ORD-78342")
    assert first.item_count == 3 and first.total == Decimal("159.97")
    assert view.totals.net_spent == sum((o.total for o in view.recent_orders), Decimal(0))


def test_product_info_by_sku_by_id_and_by_name(demo: UowFactory) -> None:
    by_sku = get_product_info(demo, product_ref="MKR-104-RED", info_type="specs")
    assert by_sku.product_id == "MKR-104" and by_sku.item_id == "MKR-104-RED"
    assert by_sku.specs and by_sku.specs["keycaps"] == "PBT double-shot"
    assert by_sku.warranty is None and by_sku.shipping_options is None
    by_id = get_product_info(demo, product_ref="UHD-4K-55", info_type="shipping")
    assert by_id.shipping_options and by_id.shipping_options[0].method == "freight"
    assert by_id.return_window_days == 15 and by_id.specs is None
    by_name = get_product_info(demo, product_ref="smart watch x3")
    assert by_name.product_id == "SWX-300" and by_name.price == Decimal("199.00")
    assert by_name.warranty and by_name.specs and by_name.shipping_options
    assert {v.item_id: v.in_stock for v in by_name.variants}["SWX-300-45-GRN"] == 0


def test_product_info_partial_name_must_be_unique(demo: UowFactory) -> None:
    assert get_product_info(demo, product_ref="coffee").product_id == "CFM-12"
    with pytest.raises(InvalidRequest):
        get_product_info(demo, product_ref="o")  # matches many
    with pytest.raises(NotFound) as exc:
        get_product_info(demo, product_ref="flux capacitor")
    assert exc.value.details["tau_error"] == "Error: product not found"
    with pytest.raises(InvalidRequest):
        get_product_info(demo, product_ref="WEP-2024", info_type="price")


def test_list_product_types_is_sorted_by_name(demo: UowFactory) -> None:
    types = list_product_types(demo)
    names = [t.name for t in types]
    assert names == sorted(names) and len(names) == 8
    assert {t.name: t.product_id for t in types}["USB-C Cable 2m"] == "UCC-2M"


def test_find_customer_by_email_ignores_case(demo: UowFactory) -> None:
    assert find_customer_by_email(demo, email=" Sarah.JOHNSON@example.com").customer_id == (
        "CUST-9821"
    )
    with pytest.raises(NotFound) as exc:
        find_customer_by_email(demo, email="nobody@example.com")
    assert exc.value.details["tau_error"] == "Error: user not found"


def test_find_customer_by_name_and_zip(demo: UowFactory) -> None:
    match = find_customer_by_name_zip(
        demo, first_name="lan", last_name="NGUYỄN THỊ", zip_code="100000"
    )
    assert match.customer_id == "CUST-7702"
    with pytest.raises(NotFound):
        find_customer_by_name_zip(demo, first_name="Sarah", last_name="Johnson", zip_code="46203")
