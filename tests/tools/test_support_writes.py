"""Destructive support tools: preview, the caller's confirm, automatic mode; on the demo."""

from __future__ import annotations

import json
from typing import Any

from app.agent.confirm import confirm_pending
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.support import SUPPORT
from services import conversations, orders
from services.views import OrderView


def call(ctx: ToolContext, name: str, args: dict[str, Any]) -> Any:
    return json.loads(dispatch(SUPPORT, ctx, name, args).result)


def order(ctx: ToolContext, order_id: str) -> OrderView:
    return orders.get_order_status(ctx.uow_factory, order_id=order_id, customer_id=None)


def test_cancel_previews_and_changes_nothing(sarah: ToolContext) -> None:
    before = order(sarah, "ORD-92010")
    shown = call(sarah, "cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})
    assert shown["status"] == "confirmation_required"
    assert shown["confirmation_id"] and "ORD-92010" in shown["summary"]
    assert shown["preview"]["refund_amount"] == before.totals.net.to_eng_string()
    after = order(sarah, "ORD-92010")
    assert after.status == "pending" and after.payment_history == before.payment_history


def test_support_tools_forgive_stray_spaces(sarah: ToolContext) -> None:
    args = {"order_id": " ORD-92010 ", "reason": "no longer needed"}
    shown = call(sarah, "cancel_order", args)
    assert shown["status"] == "confirmation_required" and "ORD-92010" in shown["summary"]
    done = confirm_pending(sarah, confirmation_id=shown["confirmation_id"])
    assert done.ok
    assert order(sarah, "ORD-92010").status == "cancelled"


def test_confirm_applies_once_and_is_recorded(sarah: ToolContext) -> None:
    shown = call(sarah, "cancel_order", {"order_id": "ORD-92010", "reason": "ordered by mistake"})
    first = confirm_pending(sarah, confirmation_id=shown["confirmation_id"])
    assert first.ok and first.action == "cancel_order" and first.message.startswith("Done:")
    cancelled = order(sarah, "ORD-92010")
    assert cancelled.status == "cancelled"
    again = confirm_pending(sarah, confirmation_id=shown["confirmation_id"])
    assert again.ok
    assert order(sarah, "ORD-92010").payment_history == cancelled.payment_history  # no 2nd refund
    records = conversations.list_tool_calls(
        sarah.uow_factory, conversation_id=sarah.conversation_id or ""
    )
    assert [(r.name, r.outcome) for r in records] == [
        ("cancel_order", "confirmation_required"),
        ("confirm_action", "ok"),
        ("confirm_action", "ok"),
    ]
    said = conversations.load_messages(
        sarah.uow_factory, conversation_id=sarah.conversation_id or ""
    )
    assert said[-1].role == "assistant" and said[-1].content.startswith("Done:")


def test_a_customer_cannot_confirm_someone_elses_preview(
    sarah: ToolContext, michael: ToolContext
) -> None:
    shown = call(sarah, "cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})
    stolen = confirm_pending(michael, confirmation_id=shown["confirmation_id"])
    assert not stolen.ok and stolen.error_code == "not_found"
    assert order(sarah, "ORD-92010").status == "pending"


def test_unknown_confirmation_id_is_a_clear_refusal(sarah: ToolContext) -> None:
    out = confirm_pending(sarah, confirmation_id="cf_made_up_by_the_model")
    assert not out.ok and out.error_code == "not_found" and "Confirmation" in out.message


def test_staff_with_automatic_confirmation_applies_at_once(staff_auto: ToolContext) -> None:
    done = call(staff_auto, "cancel_order", {"order_id": "ORD-60215", "reason": "no longer needed"})
    assert done["status"] == "cancelled" and done["action"] == "cancel_order"
    assert order(staff_auto, "ORD-60215").status == "cancelled"


def test_cancel_of_a_shipped_order_is_refused_with_a_hint(sarah: ToolContext) -> None:
    out = call(sarah, "cancel_order", {"order_id": "ORD-78342", "reason": "no longer needed"})
    assert out["error"] == "invalid_state" and out["hint"]
    assert order(sarah, "ORD-78342").status == "in_transit"


def test_cancel_reason_outside_the_list_is_invalid(sarah: ToolContext) -> None:
    out = call(sarah, "cancel_order", {"order_id": "ORD-92010", "reason": "because"})
    assert out["error"] == "invalid_arguments"


def test_customer_cannot_act_on_someone_elses_order(michael: ToolContext) -> None:
    out = call(michael, "cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})
    assert out["error"] == "not_found"
    assert order(michael, "ORD-92010").status == "pending"


def test_return_defaults_to_every_item_and_the_original_payment(sarah: ToolContext) -> None:
    shown = call(sarah, "process_return", {"order_id": "ORD-66120", "reason": "defective"})
    assert shown["status"] == "confirmation_required", shown
    assert shown["preview"]["payment_method_id"] == "credit_card_9821001"
    assert {i["item_id"] for i in shown["preview"]["items"]} == {"HPN-700-BLK", "UCC-2M"}
    assert order(sarah, "ORD-66120").status == "delivered"
    assert confirm_pending(sarah, confirmation_id=shown["confirmation_id"]).ok
    returned = order(sarah, "ORD-66120")
    assert returned.status == "return requested"
    assert sorted(returned.return_items or []) == ["HPN-700-BLK", "UCC-2M"]


def test_return_of_one_item_to_a_gift_card_with_pickup(staff_auto: ToolContext) -> None:
    done = call(
        staff_auto,
        "process_return",
        {
            "order_id": "ORD-66120",
            "reason": "wrong_item",
            "items_to_return": ["UCC-2M"],
            "refund_method": "gift_card",
            "request_pickup": True,
        },
    )
    assert done["status"] == "return requested", done
    assert done["payment_method_id"] == "gift_card_9821002" and done["pickup_date"]
    assert order(staff_auto, "ORD-66120").return_items == ["UCC-2M"]


def test_return_outside_the_window_is_refused(sarah: ToolContext) -> None:
    out = call(sarah, "process_return", {"order_id": "ORD-30987", "reason": "changed_mind"})
    assert out["error"] == "policy_violation" and out["hint"]
    assert order(sarah, "ORD-30987").status == "delivered"


def test_return_of_a_pending_order_is_refused(sarah: ToolContext) -> None:
    out = call(sarah, "process_return", {"order_id": "ORD-92010", "reason": "defective"})
    assert out["error"] == "invalid_state"


def test_exchange_a_delivered_item_for_another_variant(sarah: ToolContext) -> None:
    shown = call(
        sarah,
        "exchange_items",
        {"order_id": "ORD-66120", "item_ids": ["HPN-700-BLK"], "new_item_ids": ["HPN-700-SLV"]},
    )
    assert shown["status"] == "confirmation_required", shown
    assert confirm_pending(sarah, confirmation_id=shown["confirmation_id"]).ok
    changed = order(sarah, "ORD-66120")
    assert changed.status == "exchange requested"
    assert changed.exchange_new_items == ["HPN-700-SLV"]


def test_modify_pending_items_and_another_product_is_refused(sarah: ToolContext) -> None:
    wrong = call(
        sarah,
        "modify_order_items",
        {"order_id": "ORD-92010", "item_ids": ["BKP-30L-GRY"], "new_item_ids": ["UCC-2M"]},
    )
    assert "error" in wrong and order(sarah, "ORD-92010").status == "pending"
    shown = call(
        sarah,
        "modify_order_items",
        {"order_id": "ORD-92010", "item_ids": ["BKP-30L-GRY"], "new_item_ids": ["BKP-30L-NVY"]},
    )
    assert confirm_pending(sarah, confirmation_id=shown["confirmation_id"]).ok
    changed = order(sarah, "ORD-92010")
    assert changed.status == "pending (item modified)"
    assert [line.item_id for line in changed.items] == ["SWX-300-41-BLK", "BKP-30L-NVY"]


def test_change_shipping_address_of_a_pending_order(sarah: ToolContext) -> None:
    new = {"address1": "1 Market St", "city": "San Francisco", "state": "CA", "zip": "94105"}
    shown = call(sarah, "change_shipping_address", {"order_id": "ORD-92010", **new})
    assert order(sarah, "ORD-92010").shipping_address.zip == "46202"
    assert confirm_pending(sarah, confirmation_id=shown["confirmation_id"]).ok
    moved = order(sarah, "ORD-92010").shipping_address
    assert (moved.address1, moved.city, moved.zip, moved.country) == (
        "1 Market St",
        "San Francisco",
        "94105",
        "USA",
    )


def test_change_payment_method_to_a_gift_card_too_small_is_refused(sarah: ToolContext) -> None:
    out = call(
        sarah,
        "change_payment_method",
        {"order_id": "ORD-92010", "payment_method_id": "gift_card_9821002"},
    )
    assert out["error"] == "insufficient_funds"
    other = call(
        sarah,
        "change_payment_method",
        {"order_id": "ORD-92010", "payment_method_id": "gift_card_4410001"},  # Michael's
    )
    assert other["error"] == "not_found"
