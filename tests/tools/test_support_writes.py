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
