"""What order actions read and write (`services.actions.state`): each order row read once
per use case, a state never read back stale after a write, and a constant number of
statements however big the order."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from services.actions.base import Ctx
from services.actions.state import load_order_state, set_order
from services.confirmations import confirm, preview
from services.errors import InvalidState, NotFound
from services.models import OrderStatus, utcnow
from services.uow import UowFactory
from tests.services.factories import BLUE, MUG, RED, add_order, build_store


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _reads_of(table: str, seen: list[str]) -> list[str]:
    return [s for s in seen if s.startswith("SELECT") and f" FROM {table} " in f"{s} "]


def _delivered(uf: UowFactory, order_id: str, items: list[str]) -> None:
    add_order(uf, order_id, status="delivered", items=items, delivered_at=utcnow())


def test_defaults_worked_out_in_the_preview_read_each_row_once(
    uow_factory: UowFactory, engine: Engine
) -> None:
    build_store(uow_factory)
    _delivered(uow_factory, "#W1", [RED, MUG])

    def all_items_to_the_original_method(session: Session, ctx: Ctx) -> dict[str, Any]:
        order = load_order_state(
            session, order_id="#W1", customer_id=ctx.customer_id, lock=ctx.lock
        )
        return {
            "order_id": order.id,
            "item_ids": [line.item_id for line in order.items],
            "payment_method_id": order.ledger[0].payment_method_id,
        }

    with statements(engine) as seen:
        shown = preview(
            uow_factory,
            action="request_return",
            params=all_items_to_the_original_method,
            customer_id="alice_1",
        )
    assert [i.item_id for i in shown.effect.items] == [RED, MUG]
    assert len(_reads_of("orders", seen)) == 1
    # The label names the method the plan checked, without reading it again.
    assert shown.payment_method_label == "visa •••• 1111"
    assert len(_reads_of("payment_methods", seen)) == 1


def test_a_state_is_read_again_after_a_write(uow_factory: UowFactory) -> None:
    build_store(uow_factory)
    add_order(uow_factory, "#W1", items=[RED])
    with uow_factory() as uow:
        s = uow.session
        before = load_order_state(s, order_id="#W1", customer_id=None, lock=True)
        assert load_order_state(s, order_id="#W1", customer_id=None, lock=True) is before
        set_order(s, "#W1", status=OrderStatus.CANCELLED, cancel_reason="ordered by mistake")
        after = load_order_state(s, order_id="#W1", customer_id=None, lock=True)
    assert before.status == OrderStatus.PENDING and after.status == OrderStatus.CANCELLED


def test_a_state_is_scoped_like_the_order(uow_factory: UowFactory) -> None:
    build_store(uow_factory)
    add_order(uow_factory, "#W1", items=[RED])
    with uow_factory() as uow:
        mine = load_order_state(uow.session, order_id="#W1", customer_id="alice_1", lock=False)
        assert mine.customer_id == "alice_1"
        with pytest.raises(NotFound):  # the same error as a missing order
            load_order_state(uow.session, order_id="#W1", customer_id="bob_2", lock=False)


def _counts(uf: UowFactory, engine: Engine, order_id: str) -> tuple[int, int]:
    params = {
        "order_id": order_id,
        "item_ids": [RED],
        "payment_method_id": "gift_card_1",
        "reason": "defective",
    }
    with statements(engine) as seen:
        shown = preview(uf, action="request_return", params=params, customer_id="alice_1")
    previewed = len(seen)
    with statements(engine) as seen:
        confirm(uf, confirmation_id=shown.confirmation_id, customer_id="alice_1")
    return previewed, len(seen)


def test_a_return_is_a_constant_number_of_statements(
    uow_factory: UowFactory, engine: Engine
) -> None:
    build_store(uow_factory)
    _delivered(uow_factory, "#SMALL", [RED])
    _delivered(uow_factory, "#BIG", [RED, MUG, BLUE] * 20)
    small, big = _counts(uow_factory, engine, "#SMALL"), _counts(uow_factory, engine, "#BIG")
    assert small == big
    # SQLite counts its BEGIN and the write-lock statement (`begin_write`) too.
    assert small[0] <= 9 and small[1] <= 12


def test_a_confirm_refuses_when_the_order_changed_since_the_preview(
    uow_factory: UowFactory,
) -> None:
    build_store(uow_factory)
    _delivered(uow_factory, "#W1", [RED, MUG])
    shown = preview(
        uow_factory,
        action="request_return",
        params={"order_id": "#W1", "item_ids": [RED], "payment_method_id": "credit_card_1"},
        customer_id="alice_1",
        now=utcnow() - timedelta(minutes=1),
    )
    with uow_factory() as uow:
        set_order(uow.session, "#W1", status=OrderStatus.RETURN_REQUESTED)
        uow.commit()
    with pytest.raises(InvalidState):
        confirm(uow_factory, confirmation_id=shown.confirmation_id, customer_id="alice_1")
