"""exchange_delivered_order_items: sorted lists, rounded difference, no money moves."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from services.actions import ActionResult, request_exchange
from services.errors import (
    DomainError,
    InsufficientFunds,
    InvalidRequest,
    InvalidState,
    NotFound,
    OutOfStock,
    PolicyViolation,
)
from services.models import utcnow
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import (
    BLACK,
    BLUE,
    GREEN,
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
    add_order(uow_factory, "#W1", status="delivered", items=[RED, MUG, BLUE, RED])
    add_order(uow_factory, "#W2", status="pending", items=[RED])
    add_order(
        uow_factory,
        "#W3",
        status="delivered",
        items=[RED],
        delivered_at=utcnow() - timedelta(days=45),
    )
    return uow_factory


def _exchange(
    uf: UowFactory, old: list[str], new: list[str], pm: str = "credit_card_1", order: str = "#W1"
) -> ActionResult:
    return request_exchange(
        uf, order_id=order, item_ids=old, new_item_ids=new, payment_method_id=pm, customer_id=None
    )


@pytest.mark.parametrize(
    ("order", "old", "new", "pm", "error", "tau"),
    [
        ("#W9", [RED], [BLUE], "credit_card_1", NotFound, "Error: order not found"),
        (
            "#W2",
            [RED],
            [BLUE],
            "credit_card_1",
            InvalidState,
            "Error: non-delivered order cannot be exchanged",
        ),
        ("#W1", [BLACK], [RED], "credit_card_1", NotFound, f"Error: {BLACK} not found"),
        (
            "#W1",
            [RED, MUG],
            [BLUE],
            "credit_card_1",
            InvalidRequest,
            "Error: the number of items to be exchanged should match",
        ),
        (
            "#W1",
            [RED],
            [GREEN],
            "credit_card_1",
            OutOfStock,
            f"Error: new item {GREEN} not found or available",
        ),
        ("#W1", [RED], [BLUE], "credit_card_2", NotFound, "Error: payment method not found"),
        (
            "#W1",
            [RED],
            [BLACK],
            "gift_card_2",
            InsufficientFunds,
            "Error: insufficient gift card balance to pay for the price difference",
        ),
    ],
)
def test_exchange_checks_change_nothing(
    store: UowFactory,
    order: str,
    old: list[str],
    new: list[str],
    pm: str,
    error: type[DomainError],
    tau: str,
) -> None:
    before = snapshot(store)
    with pytest.raises(error) as exc:
        _exchange(store, old, new, pm, order)
    assert exc.value.details["tau_error"] == tau
    assert snapshot(store) == before


def test_exchange_window_is_enforced(store: UowFactory) -> None:
    before = snapshot(store)
    with pytest.raises(PolicyViolation):
        _exchange(store, [RED], [BLUE], order="#W3")
    assert snapshot(store) == before


def test_exchange_records_sorted_lists_and_difference_without_money(store: UowFactory) -> None:
    before = get_order_status(store, order_id="#W1", customer_id=None)
    gift = balance_of(store, "gift_card_1")
    result = _exchange(store, [RED, BLUE, MUG], [BLACK, RED, MUG], pm="gift_card_1")
    # (15.33 - 10.00) + (10.00 - 12.50) + 0 = 2.83
    assert result.price_difference == D("2.83")
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert view.status == "exchange requested"
    assert view.exchange_items == sorted([RED, BLUE, MUG])
    assert view.exchange_new_items == sorted([BLACK, RED, MUG])
    assert view.exchange_payment_method_id == "gift_card_1"
    assert view.exchange_price_difference == D("2.83")
    assert view.payment_history == before.payment_history
    assert view.items == before.items
    assert balance_of(store, "gift_card_1") == gift
    assert result.request is not None and result.request.id.startswith("EXC-")


def test_negative_difference_is_kept_signed(store: UowFactory) -> None:
    result = _exchange(store, [BLUE], [RED])
    assert result.price_difference == D("-2.50")
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert view.exchange_price_difference == D("-2.50")


def test_exchange_holds_the_replacement_units(store: UowFactory) -> None:
    black = stock_of(store, BLACK)
    _exchange(store, [RED], [BLACK])
    assert stock_of(store, BLACK) == black - 1


def test_exchange_without_stock_changes_nothing(store: UowFactory) -> None:
    before = snapshot(store)  # one BLACK unit left in the store
    with pytest.raises(OutOfStock):
        _exchange(store, [RED, RED], [BLACK, BLACK])
    assert snapshot(store) == before
