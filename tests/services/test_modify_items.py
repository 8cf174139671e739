"""modify_pending_order_items: checks in order, one ledger entry, successive lines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.actions import modify_items
from services.errors import (
    DomainError,
    InsufficientFunds,
    InvalidRequest,
    InvalidState,
    NotFound,
    OutOfStock,
)
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
    add_order(uow_factory, "#W1", items=[RED, MUG, RED])  # 25.25 by credit_card_1
    add_order(uow_factory, "#W2", items=[RED], status="pending (item modified)")
    return uow_factory


def _modify(
    uf: UowFactory, old: list[str], new: list[str], pm: str = "credit_card_1", order: str = "#W1"
):
    return modify_items(
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
            "Error: non-pending order cannot be modified",
        ),
        ("#W1", [BLUE], [RED], "credit_card_1", NotFound, f"Error: {BLUE} not found"),
        (
            "#W1",
            [RED, RED, RED],
            [BLUE, BLUE, BLUE],
            "credit_card_1",
            NotFound,
            f"Error: {RED} not found",
        ),
        # the count check runs before the length check
        ("#W1", [RED, BLUE], [BLUE], "credit_card_1", NotFound, f"Error: {BLUE} not found"),
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
        (
            "#W1",
            [RED],
            [MUG],
            "credit_card_1",
            OutOfStock,
            f"Error: new item {MUG} not found or available",
        ),
        (
            "#W1",
            [MUG, RED],
            [MUG, "9999999999"],
            "credit_card_1",
            OutOfStock,
            "Error: new item 9999999999 not found or available",
        ),
        ("#W1", [RED], [BLUE], "paypal_9", NotFound, "Error: payment method not found"),
        ("#W1", [RED], [BLUE], "credit_card_2", NotFound, "Error: payment method not found"),
        (
            "#W1",
            [RED],
            [BLACK],
            "gift_card_2",
            InsufficientFunds,
            "Error: insufficient gift card balance to pay for the new item",
        ),
    ],
)
def test_item_checks_change_nothing(
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
        _modify(store, old, new, pm, order)
    assert exc.value.details["tau_error"] == tau
    assert snapshot(store) == before


def test_duplicates_map_onto_successive_lines_with_one_ledger_entry(store: UowFactory) -> None:
    result = _modify(store, [RED, RED], [BLUE, BLACK])
    assert result.price_difference == D("7.83")
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert [(i.item_id, i.price) for i in view.items] == [
        (BLUE, D("12.50")),
        (MUG, D("5.25")),
        (BLACK, D("15.33")),
    ]
    assert view.items[2].options == {"color": "black"}
    assert [(e.transaction_type, e.amount) for e in view.payment_history] == [
        ("payment", D("25.25")),
        ("payment", D("7.83")),
    ]
    assert view.status == "pending (item modified)"


def test_gift_card_pays_the_difference_to_the_cent(store: UowFactory) -> None:
    _modify(store, [RED, RED], [BLUE, BLACK], pm="gift_card_1")
    assert balance_of(store, "gift_card_1") == D("92.17")


def test_cheaper_item_is_a_refund_credited_to_the_gift_card(store: UowFactory) -> None:
    add_order(store, "#W3", items=[BLACK], ledger=[("payment", "15.33", "gift_card_2")])
    _modify(store, [BLACK], [RED], pm="gift_card_2", order="#W3")
    view = get_order_status(store, order_id="#W3", customer_id=None)
    assert [(e.transaction_type, e.amount) for e in view.payment_history][-1] == (
        "refund",
        D("5.33"),
    )
    assert balance_of(store, "gift_card_2") == D("8.33")


def test_same_item_is_a_zero_refund_and_still_locks_the_order(store: UowFactory) -> None:
    _modify(store, [MUG], [MUG])
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert [(e.transaction_type, e.amount) for e in view.payment_history][-1] == (
        "refund",
        D("0.00"),
    )
    assert view.status == "pending (item modified)"
    with pytest.raises(InvalidState):
        _modify(store, [MUG], [MUG])


def test_each_pair_takes_the_first_line_still_holding_the_old_id(store: UowFactory) -> None:
    # The benchmark's literal rule: after RED->BLUE on line 0, "first line holding BLUE"
    # is line 0 again, so BLUE->BLACK changes it and line 3 keeps BLUE.
    add_order(store, "#W3", items=[RED, BLUE])
    result = _modify(store, [RED, BLUE], [BLUE, BLACK], order="#W3")
    assert result.price_difference == D("5.33")  # priced on the original lines
    view = get_order_status(store, order_id="#W3", customer_id=None)
    assert [i.item_id for i in view.items] == [BLACK, BLUE]


def test_stock_moves_by_the_net_per_sku(store: UowFactory) -> None:
    red, blue = stock_of(store, RED), stock_of(store, BLUE)
    _modify(store, [RED, RED], [BLUE, RED])
    assert (stock_of(store, RED), stock_of(store, BLUE)) == (red + 1, blue - 1)


def test_not_enough_stock_changes_nothing(store: UowFactory) -> None:
    before = snapshot(store)  # BLACK: one unit left in the whole store
    with pytest.raises(OutOfStock):
        _modify(store, [RED, RED], [BLACK, BLACK])
    assert snapshot(store) == before
