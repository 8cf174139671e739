"""Tool calls as the people in the chat should see them.

Staff see each call's name, arguments and result; customers see a friendly line
("Looking up your order…") and never the raw JSON.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

FRIENDLY: dict[str, tuple[str, str]] = {
    # name: (while running, when done)
    "get_order_status": ("Looking up your order…", "Looked up your order"),
    "get_order_details": ("Looking up your order…", "Looked up your order"),
    "check_product_availability": ("Checking stock…", "Checked stock"),
    "get_product_info": ("Reading the product details…", "Read the product details"),
    "get_product_details": ("Reading the product details…", "Read the product details"),
    "list_product_types": ("Browsing the catalogue…", "Browsed the catalogue"),
    "get_customer_info": ("Opening your account…", "Opened your account"),
    "get_user_details": ("Opening your account…", "Opened your account"),
    "find_customer": ("Finding the customer…", "Found the customer"),
    "process_return": ("Preparing your return…", "Prepared your return"),
    "return_delivered_order_items": ("Preparing your return…", "Prepared your return"),
    "cancel_order": ("Preparing the cancellation…", "Prepared the cancellation"),
    "cancel_pending_order": ("Preparing the cancellation…", "Prepared the cancellation"),
    "change_shipping_address": ("Preparing the address change…", "Prepared the address change"),
    "change_payment_method": ("Preparing the payment change…", "Prepared the payment change"),
    "modify_order_items": ("Preparing the item change…", "Prepared the item change"),
    "exchange_items": ("Preparing your exchange…", "Prepared your exchange"),
    "transfer_to_human": ("Connecting you with a person…", "Asked a person to join"),
    "transfer_to_human_agents": ("Connecting you with a person…", "Asked a person to join"),
}


def label(name: str, *, staff: bool, done: bool, ok: bool = True, ms: int | None = None) -> str:
    if staff:
        state = "" if not done else (" ✓" if ok else " ✗")
        timing = f" · {ms} ms" if done and ms is not None else ""
        return f"`{name}`{state}{timing}"
    running, finished = FRIENDLY.get(name, ("Working on it…", "Done"))
    if done and not ok:
        return f"{finished} (something went wrong there)"
    return finished if done else running


def pretty_json(text: str) -> str:
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except (ValueError, TypeError):
        return text


def render_call(
    *,
    name: str,
    arguments: str,
    result: str | None,
    ok: bool,
    staff: bool,
    ms: int | None = None,
    error_code: str | None = None,
) -> None:
    """A finished call, as a collapsed status box (history and finished turns)."""
    box = st.status(
        label(name, staff=staff, done=True, ok=ok, ms=ms),
        state="complete" if ok else "error",
        expanded=False,
    )
    if staff:
        with box:
            fill_details(arguments=arguments, result=result, error_code=error_code)


def fill_details(*, arguments: str, result: str | None, error_code: str | None = None) -> None:
    st.caption("Arguments")
    st.code(pretty_json(arguments or "{}"), language="json")
    if result is not None:
        st.caption("Result" + (f" · error `{error_code}`" if error_code else ""))
        st.code(pretty_json(result), language="json")


def calls_of(message_tool_calls: list[dict[str, Any]] | None) -> list[tuple[str, str, str]]:
    """(call id, name, arguments) from a stored assistant message, in either wire shape."""
    out = []
    for call in message_tool_calls or []:
        inner = call.get("function")
        fn: dict[str, Any] = inner if isinstance(inner, dict) else call
        args = fn.get("arguments", "")
        if not isinstance(args, str):
            args = json.dumps(args)
        out.append(
            (str(call.get("id") or call.get("call_id") or ""), str(fn.get("name", "")), args)
        )
    return out
