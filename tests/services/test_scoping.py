"""A customer can neither read nor change another customer's orders, profile or payment
methods, and cannot tell them from missing ones: the error is the same to the byte."""

from __future__ import annotations

from typing import Any

import pytest

from services.confirmations import preview
from services.customers import get_customer_info
from services.errors import DomainError, NotFound
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import BLUE, RED, add_order, build_store, snapshot

ADDRESS = {"address1": "1 A St", "city": "X", "country": "USA", "zip": "12345"}


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    build_store(uow_factory)
    add_order(uow_factory, "#BOB-P", customer_id="bob_2", items=[RED])
    add_order(uow_factory, "#BOB-D", customer_id="bob_2", status="delivered", items=[RED])
    add_order(uow_factory, "#ALI-P", items=[RED])
    add_order(uow_factory, "#ALI-D", status="delivered", items=[RED])
    return uow_factory


def _error(call: Any) -> DomainError:
    with pytest.raises(DomainError) as exc:
        call()
    return exc.value


def _same(a: DomainError, b: DomainError) -> None:
    assert isinstance(a, NotFound) and type(a) is type(b)
    assert (a.to_dict(), a.details) == (b.to_dict(), b.details)


def test_reads_of_other_customers_look_missing(store: UowFactory) -> None:
    _same(
        _error(lambda: get_order_status(store, order_id="#BOB-P", customer_id="alice_1")),
        _error(lambda: get_order_status(store, order_id="#NOPE", customer_id="alice_1")),
    )
    _same(
        _error(lambda: get_customer_info(store, user_id="bob_2", customer_id="alice_1")),
        _error(lambda: get_customer_info(store, user_id="nobody", customer_id="alice_1")),
    )
    # and bob still reads his own
    assert get_order_status(store, order_id="#BOB-P", customer_id="bob_2").customer_id == "bob_2"


ORDER_ACTIONS: list[tuple[str, dict[str, Any]]] = [
    ("cancel_order", {"reason": "no longer needed"}),
    ("change_shipping_address", ADDRESS),
    ("change_payment_method", {"payment_method_id": "credit_card_2"}),
    (
        "modify_items",
        {"item_ids": [RED], "new_item_ids": [BLUE], "payment_method_id": "credit_card_2"},
    ),
    ("request_return", {"item_ids": [RED], "payment_method_id": "credit_card_2"}),
    (
        "request_exchange",
        {"item_ids": [RED], "new_item_ids": [BLUE], "payment_method_id": "credit_card_2"},
    ),
]


@pytest.mark.parametrize(("action", "params"), ORDER_ACTIONS)
def test_actions_on_other_customers_orders_look_missing(
    store: UowFactory, action: str, params: dict[str, Any]
) -> None:
    order = "#BOB-D" if action in ("request_return", "request_exchange") else "#BOB-P"
    before = snapshot(store)
    other = _error(
        lambda: preview(
            store, action=action, params={"order_id": order, **params}, customer_id="alice_1"
        )
    )
    missing = _error(
        lambda: preview(
            store, action=action, params={"order_id": "#NOPE", **params}, customer_id="alice_1"
        )
    )
    _same(other, missing)
    assert snapshot(store) == before


PAYMENT_ACTIONS: list[tuple[str, str, dict[str, Any]]] = [
    ("change_payment_method", "#ALI-P", {}),
    ("modify_items", "#ALI-P", {"item_ids": [RED], "new_item_ids": [BLUE]}),
    ("request_return", "#ALI-D", {"item_ids": [RED]}),
    ("request_exchange", "#ALI-D", {"item_ids": [RED], "new_item_ids": [BLUE]}),
]


@pytest.mark.parametrize(("action", "order", "params"), PAYMENT_ACTIONS)
def test_other_customers_payment_methods_look_missing(
    store: UowFactory, action: str, order: str, params: dict[str, Any]
) -> None:
    before = snapshot(store)

    def attempt(method: str) -> DomainError:
        return _error(
            lambda: preview(
                store,
                action=action,
                params={"order_id": order, "payment_method_id": method, **params},
                customer_id="alice_1",
            )
        )

    bobs, missing = attempt("gift_card_9"), attempt("gift_card_404")
    _same(bobs, missing)
    assert bobs.details["tau_error"] == "Error: payment method not found"
    assert snapshot(store) == before


def test_a_customer_cannot_change_someone_elses_default_address(store: UowFactory) -> None:
    _same(
        _error(
            lambda: preview(
                store,
                action="change_default_address",
                params={"user_id": "bob_2", **ADDRESS},
                customer_id="alice_1",
            )
        ),
        _error(
            lambda: preview(
                store,
                action="change_default_address",
                params={"user_id": "nobody", **ADDRESS},
                customer_id="alice_1",
            )
        ),
    )
