"""Concurrent confirmations and actions: row locks make each apply once, in turn."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from services.actions import cancel_order, modify_items, request_exchange
from services.confirmations import confirm, preview
from services.errors import DomainError, InvalidState, OutOfStock
from services.models import (
    Customer,
    IdempotencyRecord,
    PaymentMethod,
    ReturnRequest,
    StockLevel,
)
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import BLACK, BLUE, RED, add_order, build_store, stock_of

THREADS = 16


def race(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls at once (a barrier releases them together); results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # collected and asserted on by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    build_store(uow_factory)
    return uow_factory


def test_sixteen_confirmations_of_one_return_apply_once(store: UowFactory) -> None:
    add_order(store, "#W1", status="delivered", items=[RED, BLUE])
    shown = preview(
        store,
        action="request_return",
        params={"order_id": "#W1", "item_ids": [RED], "payment_method_id": "gift_card_1"},
        customer_id="alice_1",
    )
    results = race(
        [
            lambda: confirm(store, confirmation_id=shown.confirmation_id, customer_id="alice_1")
            for _ in range(THREADS)
        ]
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []
    assert len({r.request.id for r in results}) == 1  # every caller sees the one record
    with store() as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(ReturnRequest)) == 1
        record = s.get(IdempotencyRecord, shown.confirmation_id)
        assert record is not None and record.status == "completed"
    view = get_order_status(store, order_id="#W1", customer_id="alice_1")
    assert view.status == "return requested" and view.return_items == [RED]
    assert len(view.requests) == 1


def test_sixteen_direct_cancels_refund_once(store: UowFactory) -> None:
    add_order(store, "#W1", items=[RED], ledger=[("payment", "10.00", "gift_card_1")])
    results = race(
        [
            lambda: cancel_order(store, order_id="#W1", reason="no longer needed", customer_id=None)
            for _ in range(THREADS)
        ]
    )
    ok = [r for r in results if not isinstance(r, Exception)]
    failed = [r for r in results if isinstance(r, Exception)]
    assert len(ok) == 1
    assert all(isinstance(e, InvalidState) for e in failed), failed
    with store() as uow:
        method = uow.session.get(PaymentMethod, "gift_card_1")
        assert method is not None and method.balance == Decimal("110.00")
    assert len(get_order_status(store, order_id="#W1", customer_id=None).payment_history) == 2


@pytest.mark.parametrize("attempt", range(3))
def test_cancel_racing_an_item_change_one_wins_the_other_is_invalid_state(
    store: UowFactory, attempt: int
) -> None:
    add_order(store, "#W1", items=[RED])
    cancel = lambda: cancel_order(  # noqa: E731
        store, order_id="#W1", reason="no longer needed", customer_id="alice_1"
    )
    modify = lambda: modify_items(  # noqa: E731
        store,
        order_id="#W1",
        item_ids=[RED],
        new_item_ids=[BLUE],
        payment_method_id="credit_card_1",
        customer_id="alice_1",
    )
    results = race([cancel, modify])
    failed = [r for r in results if isinstance(r, Exception)]
    assert len(failed) == 1 and isinstance(failed[0], InvalidState), results
    assert failed[0].tau_error in (
        "Error: non-pending order cannot be cancelled",
        "Error: non-pending order cannot be modified",
    )
    view = get_order_status(store, order_id="#W1", customer_id=None)
    winner = "cancelled" if isinstance(results[1], DomainError) else "pending (item modified)"
    assert view.status == winner
    assert len(view.payment_history) == 2  # the winner's one entry, nothing from the loser


def test_concurrent_exchanges_never_oversell(store: UowFactory) -> None:
    # BLACK: 1 unit in the east; add 2 in the west -> 3 units for 10 customers.
    with store() as uow:
        s = uow.session
        level = s.get(StockLevel, {"warehouse_id": "WH-WEST", "item_id": BLACK})
        assert level is not None
        level.quantity = 2
        for n in range(10):
            s.add(Customer(id=f"c{n}", first_name="C", last_name=str(n), email=f"c{n}@x.io"))
        s.flush()
        for n in range(10):
            s.add(PaymentMethod(id=f"card_{n}", customer_id=f"c{n}", position=0, source="paypal"))
        uow.commit()
    for n in range(10):
        add_order(
            store,
            f"#X{n}",
            customer_id=f"c{n}",
            status="delivered",
            items=[RED],
            ledger=[("payment", "10.00", f"card_{n}")],
        )
    results = race(
        [
            (
                lambda n=n: request_exchange(
                    store,
                    order_id=f"#X{n}",
                    item_ids=[RED],
                    new_item_ids=[BLACK],
                    payment_method_id=f"card_{n}",
                    customer_id=f"c{n}",
                )
            )
            for n in range(10)
        ]
    )
    ok = [r for r in results if not isinstance(r, Exception)]
    failed = [r for r in results if isinstance(r, Exception)]
    assert len(ok) == 3
    assert all(isinstance(e, OutOfStock) for e in failed), failed
    assert stock_of(store, BLACK) == 0
    with store() as uow:
        quantities = uow.session.scalars(select(StockLevel.quantity)).all()
        assert min(quantities) >= 0


def test_concurrent_previews_all_get_their_own_confirmation(store: UowFactory) -> None:
    add_order(store, "#W1", items=[RED])
    results = race(
        [
            lambda: preview(
                store,
                action="cancel_order",
                params={"order_id": "#W1", "reason": "no longer needed"},
                customer_id="alice_1",
            )
            for _ in range(THREADS)
        ]
    )
    assert [r for r in results if isinstance(r, Exception)] == []
    assert len({r.confirmation_id for r in results}) == THREADS
    with store() as uow:
        assert uow.session.scalar(select(func.count()).select_from(IdempotencyRecord)) == THREADS
