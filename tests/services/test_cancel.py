"""cancel_pending_order: the spec's checks, refunds per method, gift card at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from services.actions import cancel_order
from services.errors import DomainError, InvalidRequest, InvalidState, NotFound
from services.models import PaymentMethod, StockLevel
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import BLACK, MUG, RED, add_order, build_store, snapshot

D = Decimal


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    build_store(uow_factory)
    return uow_factory


def _balance(uow_factory: UowFactory, pm: str) -> Decimal | None:
    with uow_factory() as uow:
        return uow.session.get(PaymentMethod, pm).balance  # type: ignore[union-attr]


def _stock(uow_factory: UowFactory, item: str) -> int:
    with uow_factory() as uow:
        rows = uow.session.scalars(select(StockLevel.quantity).where(StockLevel.item_id == item))
        return sum(rows)


@pytest.mark.parametrize(
    ("order_id", "status", "reason", "error", "tau"),
    [
        ("#W404", "pending", "no longer needed", NotFound, "Error: order not found"),
        (
            "#W1",
            "processed",
            "no longer needed",
            InvalidState,
            "Error: non-pending order cannot be cancelled",
        ),
        (
            "#W1",
            "pending (item modified)",
            "no longer needed",
            InvalidState,
            "Error: non-pending order cannot be cancelled",
        ),
        ("#W1", "pending", "too expensive", InvalidRequest, "Error: invalid reason"),
        # status is checked before the reason, as in the spec's table
        (
            "#W1",
            "delivered",
            "too expensive",
            InvalidState,
            "Error: non-pending order cannot be cancelled",
        ),
    ],
)
def test_cancel_checks_change_nothing(
    store: UowFactory, order_id: str, status: str, reason: str, error: type[DomainError], tau: str
) -> None:
    add_order(store, "#W1", status=status, items=[RED])
    before = snapshot(store)
    with pytest.raises(error) as exc:
        cancel_order(store, order_id=order_id, reason=reason, customer_id=None)
    assert exc.value.details["tau_error"] == tau
    assert snapshot(store) == before


def test_cancel_refunds_the_card_and_sets_reason(store: UowFactory) -> None:
    add_order(store, "#W1", items=[RED, MUG])
    stock_before = _stock(store, RED)
    result = cancel_order(store, order_id="#W1", reason="ordered by mistake", customer_id="alice_1")
    assert result.status == "cancelled" and result.refund_amount == D("15.25")
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert view.status == "cancelled" and view.cancel_reason == "ordered by mistake"
    assert [(e.transaction_type, e.amount, e.payment_method_id) for e in view.payment_history] == [
        ("payment", D("15.25"), "credit_card_1"),
        ("refund", D("15.25"), "credit_card_1"),
    ]
    assert _stock(store, RED) == stock_before + 1


def test_cancel_refunds_each_method_its_net_in_first_entry_order(store: UowFactory) -> None:
    # paid by gift card, then switched to the card (payment + refund): the gift card's
    # net is zero, so only the card is refunded, and nothing is double-credited.
    add_order(
        store,
        "#W1",
        items=[RED],
        ledger=[
            ("payment", "10.00", "paypal_1"),
            ("payment", "7.01", "gift_card_1"),
            ("payment", "10.00", "credit_card_1"),
            ("refund", "10.00", "paypal_1"),
            ("refund", "2.00", "gift_card_1"),
        ],
    )
    result = cancel_order(store, order_id="#W1", reason="no longer needed", customer_id=None)
    assert [(e.amount, e.payment_method_id) for e in result.ledger_entries] == [
        (D("5.01"), "gift_card_1"),
        (D("10.00"), "credit_card_1"),
    ]
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert [(e.transaction_type, e.payment_method_id) for e in view.payment_history][5:] == [
        ("refund", "gift_card_1"),
        ("refund", "credit_card_1"),
    ]
    assert _balance(store, "gift_card_1") == D("105.01")


def test_cancel_credits_the_gift_card_at_once_to_the_cent(store: UowFactory) -> None:
    add_order(store, "#W1", items=[RED, BLACK], ledger=[("payment", "25.33", "gift_card_2")])
    cancel_order(store, order_id="#W1", reason="no longer needed", customer_id=None)
    assert _balance(store, "gift_card_2") == D("28.33")


def test_customer_cannot_cancel_someone_elses_order(store: UowFactory) -> None:
    add_order(store, "#W2", customer_id="bob_2", items=[RED])
    before = snapshot(store)
    with pytest.raises(NotFound) as other:
        cancel_order(store, order_id="#W2", reason="no longer needed", customer_id="alice_1")
    with pytest.raises(NotFound) as missing:
        cancel_order(store, order_id="#W3", reason="no longer needed", customer_id="alice_1")
    assert other.value.to_dict() == missing.value.to_dict()
    assert other.value.details == missing.value.details
    assert snapshot(store) == before
