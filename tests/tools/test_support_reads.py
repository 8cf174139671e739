"""The `support` toolset's reads, on the demo store, through the dispatcher."""

from __future__ import annotations

import json
from typing import Any

from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.support import SUPPORT
from services import conversations
from services.models import ConversationStatus, HandoffTicket


def call(ctx: ToolContext, name: str, args: dict[str, Any] | str | None = None) -> Any:
    out = dispatch(SUPPORT, ctx, name, args or {})
    return json.loads(out.result)


def test_customer_reads_own_order_with_tracking(sarah: ToolContext) -> None:
    order = call(sarah, "get_order_status", {"order_id": "ORD-78342", "include_tracking": True})
    assert order["status"] == "in_transit"
    assert order["fulfillments"][0]["carrier"] == "FastShip Express"
    assert order["fulfillments"][0]["events"]
    assert order["totals"]["items"] == "159.97"  # money is a string, never a float


def test_someone_elses_order_reads_exactly_like_a_missing_one(michael: ToolContext) -> None:
    theirs = call(michael, "get_order_status", {"order_id": "ORD-78342"})
    missing = call(michael, "get_order_status", {"order_id": "ORD-00000"})
    assert theirs["error"] == "not_found"
    assert theirs == missing


def test_customer_profile_takes_no_id_and_is_always_their_own(sarah: ToolContext) -> None:
    me = call(sarah, "get_customer_info", {"include_order_history": True})
    assert me["customer_id"] == "CUST-9821" and me["first_name"] == "Sarah"
    assert "ORD-78342" in me["order_ids"] and me["recent_orders"]
    smuggled = call(sarah, "get_customer_info", {"customer_id": "CUST-4410"})
    assert smuggled["error"] == "invalid_arguments"


def test_staff_reads_any_profile_by_id_or_email(staff: ToolContext) -> None:
    by_email = call(staff, "get_customer_info", {"customer_id": "SARAH.JOHNSON@EXAMPLE.COM"})
    by_id = call(staff, "get_customer_info", {"customer_id": "CUST-9821"})
    assert by_email.get("customer_id") == by_id["customer_id"] == "CUST-9821", by_email


def test_find_customer_is_staff_only(staff: ToolContext, sarah: ToolContext) -> None:
    assert call(staff, "find_customer", {"email": "sarah.johnson@example.com"})["customer_id"]
    assert call(sarah, "find_customer", {"email": "sarah.johnson@example.com"})["error"] == (
        "unknown_tool"
    )
    asked_badly = call(staff, "find_customer", {"first_name": "Sarah"})
    assert asked_badly["error"] == "invalid_request"


def test_availability_with_zip_and_quantity(sarah: ToolContext) -> None:
    tv = call(
        sarah,
        "check_product_availability",
        {"product_sku": "UHD-4K-55", "zip_code": "60601", "quantity_needed": 2},
    )
    assert tv["can_fulfill"] is True and tv["nearest_warehouse"]["warehouse_id"] == "WH-CHI"
    too_many = call(
        sarah, "check_product_availability", {"product_sku": "UHD-4K-55", "quantity_needed": 9}
    )
    assert too_many["can_fulfill"] is False
    assert call(
        sarah, "check_product_availability", {"product_sku": "UHD-4K-55", "quantity_needed": 0}
    )["error"] == ("invalid_arguments")


def test_product_info_by_sku_and_info_type(sarah: ToolContext) -> None:
    info = call(sarah, "get_product_info", {"product_sku": "WEP-2024", "info_type": "warranty"})
    assert info["name"] == "Wireless Earbuds Pro" and "warranty" in info["warranty"]
    assert info["specs"] is None
    assert call(sarah, "get_product_info", {"product_sku": "NOPE-1"})["error"] == "not_found"


def test_list_product_types(sarah: ToolContext) -> None:
    types = call(sarah, "list_product_types")["product_types"]
    names = [t["name"] for t in types]
    assert "Wireless Earbuds Pro" in names and names == sorted(names)


def test_transfer_to_human_opens_a_ticket_and_marks_the_conversation(
    sarah: ToolContext,
) -> None:
    out = call(
        sarah,
        "transfer_to_human",
        {"summary": "Wants a refund outside the window", "reason": "policy_exception"},
    )
    assert out["ticket"]["ticket_id"].startswith("HT-")
    with sarah.uow_factory() as uow:
        ticket = uow.session.get(HandoffTicket, out["ticket"]["ticket_id"])
        assert ticket is not None and ticket.customer_id == "CUST-9821"
        assert ticket.conversation_id == sarah.conversation_id
    conv = conversations.get_conversation(
        sarah.uow_factory, conversation_id=sarah.conversation_id or ""
    )
    assert conv.status == ConversationStatus.HANDED_OFF
