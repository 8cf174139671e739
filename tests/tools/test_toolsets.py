"""Properties every rendered toolset keeps, and snapshots that make schema changes visible.

Regenerate snapshots after an intended change with STOREDESK_UPDATE_SNAPSHOTS=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from app.tools.base import MAX_TOOLS_PER_SET, NAME_PATTERN
from app.tools.context import ToolContext
from app.tools.schema import FORMATS, render
from app.tools.support import SUPPORT
from app.tools.tau import TAU_RETAIL
from app.tools.toolsets import TOOLSETS
from services.models import Actor

SNAPSHOTS = Path(__file__).parent / "snapshots"
STAFF = ToolContext(uow_factory=None, actor=Actor.STAFF)  # type: ignore[arg-type]
CUSTOMER = ToolContext(uow_factory=None, actor=Actor.CUSTOMER, customer_id="CUST-1")  # type: ignore[arg-type]
SESSIONS = {"staff": STAFF, "customer": CUSTOMER}
# Argument names that would let a model choose whose data it reads or changes.
IDENTIFYING = {"customer_id", "user_id", "email", "customer_email", "account_id", "phone"}
TAU_NAMES = {
    "calculate", "cancel_pending_order", "exchange_delivered_order_items",
    "find_user_id_by_email", "find_user_id_by_name_zip", "get_order_details",
    "get_product_details", "get_user_details", "list_all_product_types",
    "modify_pending_order_address", "modify_pending_order_items",
    "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items",
    "think", "transfer_to_human_agents",
}  # fmt: skip


def params_of(entry: dict[str, Any]) -> dict[str, Any]:
    return entry["function"]["parameters"]


@pytest.mark.parametrize("toolset", list(TOOLSETS))
@pytest.mark.parametrize("session", list(SESSIONS))
def test_names_are_valid_unique_and_bounded(toolset: str, session: str) -> None:
    names = TOOLSETS[toolset].names(SESSIONS[session])
    assert all(NAME_PATTERN.match(n) for n in names)
    assert len(names) == len(set(names)) and len(names) <= MAX_TOOLS_PER_SET


@pytest.mark.parametrize("toolset", list(TOOLSETS))
def test_every_argument_is_described_and_unknown_ones_refused(toolset: str) -> None:
    for entry in render(TOOLSETS[toolset].for_context(STAFF), "openai"):
        params = params_of(entry)
        assert params["additionalProperties"] is False, entry["function"]["name"]
        for name, prop in params["properties"].items():
            assert prop.get("description"), f"{entry['function']['name']}.{name}"
        assert "$defs" not in json.dumps(params) and "title" not in params


def test_support_set_is_compact() -> None:
    for session in SESSIONS.values():
        for fmt in FORMATS:
            assert len(json.dumps(render(SUPPORT.for_context(session), fmt))) <= 10_000


def test_support_set_has_the_specified_tools() -> None:
    assert set(SUPPORT.names(STAFF)) == {
        "get_order_status", "check_product_availability", "process_return",
        "get_customer_info", "get_product_info", "cancel_order", "change_shipping_address",
        "change_payment_method", "modify_order_items", "exchange_items", "find_customer",
        "list_product_types", "transfer_to_human", "search_help_center",
    }  # fmt: skip
    assert set(SUPPORT.names(CUSTOMER)) == set(SUPPORT.names(STAFF)) - {"find_customer"}


def test_customer_sessions_see_no_staff_tool() -> None:
    staff_only = {t.name for t in SUPPORT.tools if t.audience == "staff"}
    customer_tools = [t for t in SUPPORT.for_context(CUSTOMER)]
    assert all(t.audience != "staff" for t in customer_tools)
    assert "find_customer" in staff_only
    assert TAU_RETAIL.for_context(CUSTOMER) == []  # the benchmark's tools take user ids


def test_no_customer_scoped_tool_takes_a_customer_identifying_argument() -> None:
    for entry in render(SUPPORT.for_context(CUSTOMER), "openai"):
        args = set(params_of(entry)["properties"])
        assert not args & IDENTIFYING, entry["function"]["name"]


def test_destructive_tools_say_so() -> None:
    for tool in SUPPORT.tools:
        if tool.destructive:
            assert "nothing changes until the customer confirms" in tool.description
    assert {t.name for t in SUPPORT.tools if t.destructive} == {
        "process_return", "cancel_order", "change_shipping_address", "change_payment_method",
        "modify_order_items", "exchange_items",
    }  # fmt: skip


def test_tau_retail_has_the_16_benchmark_tools_with_their_arguments() -> None:
    rendered = {e["function"]["name"]: params_of(e) for e in render(TAU_RETAIL.tools, "openai")}
    assert set(rendered) == TAU_NAMES
    assert set(rendered["modify_user_address"]["required"]) == {
        "user_id", "address1", "address2", "city", "state", "country", "zip",
    }  # fmt: skip
    assert rendered["cancel_pending_order"]["properties"]["reason"]["enum"] == [
        "no longer needed",
        "ordered by mistake",
    ]
    assert set(rendered["exchange_delivered_order_items"]["required"]) == {
        "order_id", "item_ids", "new_item_ids", "payment_method_id",
    }  # fmt: skip
    assert rendered["find_user_id_by_name_zip"]["required"] == ["first_name", "last_name", "zip"]
    assert "properties" in rendered["list_all_product_types"]


def test_render_formats_differ_only_in_wrapping() -> None:
    tools = SUPPORT.for_context(STAFF)
    chat, flat, anthropic, turn = (render(tools, f) for f in FORMATS)
    for c, f, a, t in zip(chat, flat, anthropic, turn, strict=True):
        fn = c["function"]
        assert f == {"type": "function", **fn}
        assert a == {"name": fn["name"], "description": fn["description"],
                     "input_schema": fn["parameters"]}  # fmt: skip
        assert t == fn
    with pytest.raises(ValueError):
        render(tools, "gemini")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("toolset", "session"), [("support", "staff"), ("support", "customer"), ("tau-retail", "staff")]
)
def test_rendered_toolset_matches_its_snapshot(toolset: str, session: str, fmt: str) -> None:
    rendered = render(TOOLSETS[toolset].for_context(SESSIONS[session]), fmt)
    path = SNAPSHOTS / f"{toolset}.{session}.{fmt}.json"
    text = json.dumps(rendered, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("STOREDESK_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text)
    assert path.exists(), f"missing snapshot {path.name}; run with STOREDESK_UPDATE_SNAPSHOTS=1"
    assert path.read_text() == text, f"{path.name} changed; review, then update snapshots"


def test_rendered_schemas_are_cached_per_toolset_and_audience() -> None:
    from app.tools.schema import render, rendered
    from app.tools.support import SUPPORT
    from services.models import Actor
    from services.uow import UowFactory

    uow = UowFactory.__new__(UowFactory)  # never opened
    customer = ToolContext(uow, Actor.CUSTOMER, customer_id="c1")
    staff = ToolContext(uow, Actor.STAFF)
    for ctx in (customer, staff):
        first = rendered(SUPPORT, ctx)
        assert first == render(SUPPORT.for_context(ctx), "openai")
        again = rendered(SUPPORT, ctx)
        assert again == first and again is not first  # a fresh list each time ...
        assert again[0] is first[0]  # ... of the schemas rendered once
    names = {t["function"]["name"] for t in rendered(SUPPORT, customer)}
    assert "find_customer" not in names  # staff-only tools stay hidden from customers
    assert "find_customer" in {t["function"]["name"] for t in rendered(SUPPORT, staff)}
    anthropic = rendered(SUPPORT, staff, "anthropic")
    assert anthropic[0].keys() == {"name", "description", "input_schema"}
