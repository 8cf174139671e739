"""Preview then confirm: nothing changes until confirmed, and a confirmation applies once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from services import conversations
from services.actions import request_return
from services.confirmations import ConversationNotFound, confirm, preview
from services.errors import IdempotencyConflict, InvalidRequest, InvalidState, NotFound
from services.models import Actor, utcnow
from services.orders import get_order_status
from services.uow import UowFactory
from tests.services.factories import RED, add_order, build_store, snapshot


@pytest.fixture
def store(uow_factory: UowFactory) -> UowFactory:
    build_store(uow_factory)
    add_order(uow_factory, "#W1", items=[RED])
    return uow_factory


CANCEL = {"order_id": "#W1", "reason": "no longer needed"}


def _without_idempotency(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if k != "idempotency"}


def test_preview_changes_nothing_but_records_the_request(store: UowFactory) -> None:
    before = snapshot(store)
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    assert shown.effect.refund_amount == Decimal("10.00")
    assert shown.effect.status == "cancelled" and shown.confirmation_id.startswith("cf_")
    after = snapshot(store)
    assert _without_idempotency(after) == _without_idempotency(before)
    assert len(after["idempotency"]) == 1


def test_preview_runs_every_check(store: UowFactory) -> None:
    before = snapshot(store)
    with pytest.raises(InvalidRequest):
        preview(
            store,
            action="cancel_order",
            params={"order_id": "#W1", "reason": "bored"},
            customer_id="alice_1",
        )
    with pytest.raises(InvalidRequest):
        preview(store, action="cancel_order", params={"order_id": "#W1"}, customer_id=None)
    with pytest.raises(InvalidRequest):
        preview(store, action="drop_tables", params={}, customer_id=None)
    assert snapshot(store) == before


def test_confirm_applies_once_and_replays_the_stored_result(store: UowFactory) -> None:
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    first = confirm(store, confirmation_id=shown.confirmation_id, customer_id="alice_1")
    assert first.status == "cancelled"
    once = snapshot(store)
    again = confirm(store, confirmation_id=shown.confirmation_id, customer_id="alice_1")
    assert again == first
    assert snapshot(store) == once
    view = get_order_status(store, order_id="#W1", customer_id=None)
    assert len(view.payment_history) == 2


def test_same_id_with_other_params_is_a_conflict(store: UowFactory) -> None:
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    before = snapshot(store)
    with pytest.raises(IdempotencyConflict):
        confirm(
            store,
            confirmation_id=shown.confirmation_id,
            customer_id="alice_1",
            params={"order_id": "#W1", "reason": "ordered by mistake"},
        )
    assert snapshot(store) == before
    # the same params are fine
    done = confirm(
        store, confirmation_id=shown.confirmation_id, customer_id="alice_1", params=CANCEL
    )
    assert done.reason == "no longer needed"


def test_another_customers_confirmation_is_not_found(store: UowFactory) -> None:
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    with pytest.raises(NotFound) as other:
        confirm(store, confirmation_id=shown.confirmation_id, customer_id="bob_2")
    with pytest.raises(NotFound) as missing:
        confirm(store, confirmation_id="cf_nope", customer_id="bob_2")
    assert other.value.to_dict() == missing.value.to_dict()
    assert get_order_status(store, order_id="#W1", customer_id=None).status == "pending"


def test_a_customer_cannot_preview_on_another_customers_order(store: UowFactory) -> None:
    with pytest.raises(NotFound):
        preview(store, action="cancel_order", params=CANCEL, customer_id="bob_2")


def test_expired_confirmation_changes_nothing(store: UowFactory) -> None:
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    before = snapshot(store)
    with pytest.raises(InvalidState):
        confirm(
            store,
            confirmation_id=shown.confirmation_id,
            customer_id="alice_1",
            now=utcnow() + timedelta(hours=2),
        )
    assert snapshot(store) == before


def test_confirm_refuses_when_the_order_changed_since_the_preview(store: UowFactory) -> None:
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    other = preview(
        store,
        action="cancel_order",
        params={"order_id": "#W1", "reason": "ordered by mistake"},
        customer_id="alice_1",
    )
    confirm(store, confirmation_id=other.confirmation_id, customer_id="alice_1")
    with pytest.raises(InvalidState) as exc:
        confirm(store, confirmation_id=shown.confirmation_id, customer_id="alice_1")
    assert exc.value.details["tau_error"] == "Error: non-pending order cannot be cancelled"


def test_staff_may_confirm_a_customers_preview(store: UowFactory) -> None:
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    assert confirm(store, confirmation_id=shown.confirmation_id, customer_id=None).status == (
        "cancelled"
    )


EVERY_ACTION: list[tuple[str, dict, str | None]] = [
    ("cancel_order", {"order_id": "#W1", "reason": "ordered by mistake"}, "alice_1"),
    (
        "change_shipping_address",
        {"order_id": "#W1", "address1": "2 B St", "city": "Y", "country": "USA", "zip": "02134"},
        "alice_1",
    ),
    (
        "change_default_address",
        {"user_id": "alice_1", "address1": "2 B St", "city": "Y", "country": "USA", "zip": "1"},
        "alice_1",
    ),
    ("change_payment_method", {"order_id": "#W1", "payment_method_id": "gift_card_1"}, "alice_1"),
    (
        "modify_items",
        {
            "order_id": "#W1",
            "item_ids": [RED],
            "new_item_ids": ["1000000012"],
            "payment_method_id": "gift_card_1",
        },
        "alice_1",
    ),
    (
        "request_return",
        {
            "order_id": "#D1",
            "item_ids": [RED],
            "payment_method_id": "gift_card_1",
            "reason": "wrong_item",
            "request_pickup": True,
        },
        "alice_1",
    ),
    (
        "request_exchange",
        {
            "order_id": "#D1",
            "item_ids": [RED],
            "new_item_ids": ["1000000012"],
            "payment_method_id": "credit_card_1",
        },
        "alice_1",
    ),
    ("receive_return", {"order_id": "#R1"}, None),
]


@pytest.mark.parametrize(("action", "params", "customer"), EVERY_ACTION)
def test_every_action_previews_then_applies_once(
    store: UowFactory, action: str, params: dict, customer: str | None
) -> None:
    add_order(store, "#D1", status="delivered", items=[RED])
    add_order(store, "#R1", status="delivered", items=[RED])
    request_return(
        store, order_id="#R1", item_ids=[RED], payment_method_id="gift_card_1", customer_id=None
    )
    before = snapshot(store)
    shown = preview(store, action=action, params=params, customer_id=customer)
    assert _without_idempotency(snapshot(store)) == _without_idempotency(before)
    done = confirm(store, confirmation_id=shown.confirmation_id, customer_id=customer)
    # what was applied is what was shown (plus the record the confirm created)
    assert done.model_dump(exclude={"request"}) == shown.effect.model_dump(exclude={"request"})
    after = snapshot(store)
    assert _without_idempotency(after) != _without_idempotency(before)
    assert confirm(store, confirmation_id=shown.confirmation_id, customer_id=customer) == done
    assert snapshot(store) == after


def test_confirm_in_another_customers_conversation_is_refused_and_changes_nothing(
    store: UowFactory,
) -> None:
    bobs = conversations.start_conversation(store, actor=Actor.CUSTOMER, customer_id="bob_2")
    alices = conversations.start_conversation(store, actor=Actor.CUSTOMER, customer_id="alice_1")
    shown = preview(store, action="cancel_order", params=CANCEL, customer_id="alice_1")
    before = snapshot(store)
    for conversation_id in (bobs.id, "no-such-conversation"):
        with pytest.raises(ConversationNotFound):
            confirm(
                store,
                confirmation_id=shown.confirmation_id,
                customer_id="alice_1",
                conversation_id=conversation_id,
            )
    assert snapshot(store) == before
    done = confirm(
        store,
        confirmation_id=shown.confirmation_id,
        customer_id="alice_1",
        conversation_id=alices.id,
    )
    assert done.status == "cancelled"
