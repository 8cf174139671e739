"""modify_pending_order_payment, modify_pending_order_address, modify_user_address."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.actions import change_default_address, change_payment_method, change_shipping_address
from services.customers import get_customer_info
from services.errors import (
    DomainError,
    InsufficientFunds,
    InvalidRequest,
    InvalidState,
    NotFound,
)
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import RED, add_order, build_store, snapshot

D = Decimal
NEW_ADDRESS = {
    "address1": "9 Elm St",
    "address2": "Suite 2",
    "city": "Austin",
    "state": "TX",
    "country": "USA",
    "zip": "78701",
}


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    build_store(uow_factory)
    add_order(uow_factory, "#W1", items=[RED])  # 10.00 by credit_card_1
    add_order(uow_factory, "#W2", items=[RED], status="processed")
    add_order(
        uow_factory,
        "#W3",
        items=[RED],
        ledger=[("payment", "10.00", "paypal_1"), ("payment", "0.00", "credit_card_1")],
    )
    add_order(uow_factory, "#W4", items=[RED], ledger=[("refund", "10.00", "credit_card_1")])
    add_order(uow_factory, "#W5", items=[RED], ledger=[("payment", "10.00", "gift_card_1")])
    return uow_factory


def _balances(uf: UowFactory) -> dict[str, Decimal | None]:
    view = get_customer_info(uf, user_id="alice_1", customer_id=None)
    return {m.id: m.balance for m in view.payment_methods}


@pytest.mark.parametrize(
    ("order_id", "method", "error", "tau"),
    [
        ("#W9", "gift_card_1", NotFound, "Error: order not found"),
        ("#W2", "gift_card_1", InvalidState, "Error: non-pending order cannot be modified"),
        ("#W1", "gift_card_404", NotFound, "Error: payment method not found"),
        # Bob's gift card is reported exactly like a missing one
        ("#W1", "gift_card_9", NotFound, "Error: payment method not found"),
        (
            "#W3",
            "gift_card_1",
            InvalidState,
            "Error: there should be exactly one payment for a pending order",
        ),
        (
            "#W4",
            "gift_card_1",
            InvalidState,
            "Error: there should be exactly one payment for a pending order",
        ),
        (
            "#W1",
            "credit_card_1",
            InvalidRequest,
            "Error: the new payment method should be different from the current one",
        ),
        (
            "#W1",
            "gift_card_2",
            InsufficientFunds,
            "Error: insufficient gift card balance to pay for the order",
        ),
    ],
)
def test_payment_change_checks_change_nothing(
    store: UowFactory, order_id: str, method: str, error: type[DomainError], tau: str
) -> None:
    before = snapshot(store)
    with pytest.raises(error) as exc:
        change_payment_method(store, order_id=order_id, payment_method_id=method, customer_id=None)
    assert exc.value.details["tau_error"] == tau
    assert snapshot(store) == before


def test_payment_change_appends_payment_then_refund_and_debits_gift_card(
    store: UowFactory,
) -> None:
    result = change_payment_method(
        store, order_id="#W1", payment_method_id="gift_card_1", customer_id="alice_1"
    )
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert [(e.transaction_type, e.amount, e.payment_method_id) for e in view.payment_history] == [
        ("payment", D("10.00"), "credit_card_1"),
        ("payment", D("10.00"), "gift_card_1"),
        ("refund", D("10.00"), "credit_card_1"),
    ]
    assert view.status == "pending"
    assert _balances(store)["gift_card_1"] == D("90.00") == result.gift_card_balances["gift_card_1"]


def test_payment_change_from_gift_card_credits_it_at_once(store: UowFactory) -> None:
    change_payment_method(
        store, order_id="#W5", payment_method_id="credit_card_1", customer_id=None
    )
    assert _balances(store)["gift_card_1"] == D("110.00")


def test_payment_change_between_gift_cards_moves_both_balances(store: UowFactory) -> None:
    add_order(store, "#W6", items=[RED], ledger=[("payment", "2.99", "gift_card_1")])
    change_payment_method(store, order_id="#W6", payment_method_id="gift_card_2", customer_id=None)
    balances = _balances(store)
    assert balances["gift_card_1"] == D("102.99")
    assert balances["gift_card_2"] == D("0.01")


def test_order_address_change_replaces_the_six_fields(store: UowFactory) -> None:
    change_shipping_address(store, order_id="#W1", address=NEW_ADDRESS, customer_id="alice_1")
    view = get_order_status(store, order_id="#W1", customer_id="alice_1")
    assert view.shipping_address.model_dump() == NEW_ADDRESS


@pytest.mark.parametrize(
    ("order_id", "error", "tau"),
    [
        ("#W9", NotFound, "Error: order not found"),
        ("#W2", InvalidState, "Error: non-pending order cannot be modified"),
    ],
)
def test_order_address_checks_change_nothing(
    store: UowFactory, order_id: str, error: type[DomainError], tau: str
) -> None:
    before = snapshot(store)
    with pytest.raises(error) as exc:
        change_shipping_address(store, order_id=order_id, address=NEW_ADDRESS, customer_id=None)
    assert exc.value.details["tau_error"] == tau
    assert snapshot(store) == before


def test_blank_address_fields_are_refused(store: UowFactory) -> None:
    before = snapshot(store)
    with pytest.raises(InvalidRequest) as exc:
        change_shipping_address(
            store, order_id="#W1", address={**NEW_ADDRESS, "zip": "  "}, customer_id=None
        )
    assert "zip" in exc.value.hint
    assert snapshot(store) == before


def test_default_address_change(store: UowFactory) -> None:
    result = change_default_address(
        store, user_id="alice_1", address=NEW_ADDRESS, customer_id="alice_1"
    )
    assert result.customer_id == "alice_1" and result.order_id is None
    assert get_customer_info(store, user_id="alice_1", customer_id=None).address.model_dump() == (
        NEW_ADDRESS
    )
    # the orders keep their own shipping address
    assert get_order_status(store, order_id="#W1", customer_id=None).shipping_address.city == "Town"


def test_default_address_of_someone_else_is_not_found(store: UowFactory) -> None:
    with pytest.raises(NotFound) as other:
        change_default_address(store, user_id="bob_2", address=NEW_ADDRESS, customer_id="alice_1")
    with pytest.raises(NotFound) as missing:
        change_default_address(store, user_id="nobody", address=NEW_ADDRESS, customer_id=None)
    assert other.value.to_dict() == missing.value.to_dict()
    assert missing.value.details["tau_error"] == "Error: user not found"
