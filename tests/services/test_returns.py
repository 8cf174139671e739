"""return_delivered_order_items plus the store's reasons, window, record and receipt."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from services.actions import receive_return, request_return
from services.confirmations import preview
from services.errors import (
    DomainError,
    InvalidRequest,
    InvalidState,
    NotFound,
    PermissionDenied,
    PolicyViolation,
)
from services.models import Order, Product, utcnow
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import (
    BLUE,
    MUG,
    RED,
    add_order,
    balance_of,
    build_store,
    snapshot,
    stock_of,
)

D = Decimal


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    build_store(uow_factory)
    recent = utcnow() - timedelta(days=5)
    add_order(
        uow_factory, "#W1", status="delivered", items=[RED, MUG, RED, BLUE], delivered_at=recent
    )
    add_order(uow_factory, "#W2", status="shipped", items=[RED])
    add_order(
        uow_factory,
        "#W3",
        status="delivered",
        items=[MUG],
        delivered_at=utcnow() - timedelta(days=31),
    )
    add_order(uow_factory, "#W4", status="delivered", items=[MUG])  # no date: imported
    return uow_factory


def _return(uf: UowFactory, order: str, items: list[str], pm: str = "credit_card_1", **kw):
    return request_return(
        uf, order_id=order, item_ids=items, payment_method_id=pm, customer_id=None, **kw
    )


@pytest.mark.parametrize(
    ("order", "items", "pm", "kw", "error", "tau"),
    [
        ("#W9", [RED], "credit_card_1", {}, NotFound, "Error: order not found"),
        (
            "#W2",
            [RED],
            "credit_card_1",
            {},
            InvalidState,
            "Error: non-delivered order cannot be returned",
        ),
        ("#W1", [RED], "gift_card_404", {}, NotFound, "Error: payment method not found"),
        ("#W1", [RED], "gift_card_9", {}, NotFound, "Error: payment method not found"),
        (
            "#W1",
            [RED],
            "paypal_1",
            {},
            PolicyViolation,
            "Error: payment method should be either the original payment method or a gift card",
        ),
        ("#W1", [RED, RED, RED], "credit_card_1", {}, NotFound, "Error: some item not found"),
        ("#W1", ["0000000000"], "gift_card_1", {}, NotFound, "Error: some item not found"),
        # the method is checked before the items, as in the spec
        (
            "#W1",
            ["0000000000"],
            "paypal_1",
            {},
            PolicyViolation,
            "Error: payment method should be either the original payment method or a gift card",
        ),
    ],
)
def test_return_checks_change_nothing(
    store: UowFactory,
    order: str,
    items: list[str],
    pm: str,
    kw: dict,
    error: type[DomainError],
    tau: str,
) -> None:
    before = snapshot(store)
    with pytest.raises(error) as exc:
        _return(store, order, items, pm, **kw)
    assert exc.value.details["tau_error"] == tau
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("order", "items", "kw", "error"),
    [
        ("#W1", [RED], {"reason": "bored"}, InvalidRequest),
        ("#W1", [], {}, InvalidRequest),
        ("#W3", [MUG], {}, PolicyViolation),  # delivered 31 days ago, 30-day window
    ],
)
def test_store_return_rules_change_nothing(
    store: UowFactory, order: str, items: list[str], kw: dict, error: type[DomainError]
) -> None:
    before = snapshot(store)
    with pytest.raises(error) as exc:
        _return(store, order, items, **kw)
    assert "tau_error" not in exc.value.details
    assert snapshot(store) == before


def test_window_is_per_product(store: UowFactory) -> None:
    with store() as uow:
        mug = uow.session.get(Product, "0200000002")
        assert mug is not None
        mug.return_window_days = 60
        uow.commit()
    assert _return(store, "#W3", [MUG]).status == "return requested"


def test_non_returnable_product_is_refused(store: UowFactory) -> None:
    with store() as uow:
        mug = uow.session.get(Product, "0200000002")
        assert mug is not None
        mug.returnable = False
        uow.commit()
    with pytest.raises(PolicyViolation):
        _return(store, "#W4", [MUG])


def test_order_without_delivery_date_is_within_the_window(store: UowFactory) -> None:
    assert _return(store, "#W4", [MUG], pm="gift_card_1").status == "return requested"


def test_return_records_sorted_items_and_moves_no_money(store: UowFactory) -> None:
    before = get_order_status(store, order_id="#W1", customer_id=None)
    result = _return(store, "#W1", [RED, MUG, RED], reason="defective", request_pickup=True)
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert view.status == "return requested"
    assert view.return_items == sorted([RED, MUG, RED]) == [MUG, RED, RED]
    assert view.return_payment_method_id == "credit_card_1"
    assert view.payment_history == before.payment_history
    assert result.refund_amount == D("25.25")  # 10.00 + 5.25 + 10.00, from the lines
    record = result.request
    assert record is not None and record.id.startswith("RET-")
    assert record.label_url and record.label_url.endswith(f"/{record.id}.pdf")
    assert record.pickup_date is not None and record.pickup_date.weekday() < 5
    assert record.pickup_date > utcnow().date()
    assert record.reason == "defective" and record.refund_amount == D("25.25")
    assert [r.id for r in view.requests] == [record.id]


def test_receive_return_refunds_credits_restocks(store: UowFactory) -> None:
    red_stock = stock_of(store, RED)
    _return(store, "#W1", [RED, RED], pm="gift_card_1")
    before = balance_of(store, "gift_card_1")
    result = receive_return(store, order_id="#W1")
    assert result.status == "returned" and result.refund_amount == D("20.00")
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert view.status == "returned"
    assert [(e.transaction_type, e.amount, e.payment_method_id) for e in view.payment_history][
        -1
    ] == ("refund", D("20.00"), "gift_card_1")
    assert balance_of(store, "gift_card_1") == before + D("20.00")  # type: ignore[operator]
    assert stock_of(store, RED) == red_stock + 2
    assert view.requests[0].status == "received" and view.requests[0].received_at is not None
    with pytest.raises(InvalidState):
        receive_return(store, order_id="#W1")


def test_receive_an_imported_return_without_record(store: UowFactory) -> None:
    add_order(store, "#W5", status="return requested", items=[RED, BLUE])
    with store() as uow:
        order = uow.session.get(Order, "#W5")
        assert order is not None
        order.return_items = [BLUE]
        order.return_payment_method_id = "credit_card_1"
        uow.commit()
    result = receive_return(store, order_id="#W5")
    assert result.refund_amount == D("12.50")
    assert result.request is not None and result.request.status == "received"


def test_customers_cannot_receive_returns(store: UowFactory) -> None:
    _return(store, "#W1", [RED])
    with pytest.raises(PermissionDenied):
        preview(store, action="receive_return", params={"order_id": "#W1"}, customer_id="alice_1")
