"""A pending change (return, cancellation, …) waiting for the person's own Confirm.

Nothing in the store changes until Confirm is pressed. Pressing it twice (a double
click, a rerun, a second tab) applies the change once: the click handler remembers the
confirmation ids it has handled, and the store itself keeps an idempotency record per
confirmation id, so even two processes cannot apply it twice.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import streamlit as st

from app.agent.events import ConfirmationRequired
from app.ui import deps, runtime, session
from app.ui.components.text import safe_markdown
from app.ui.session import Identity
from services import browse_detail

PENDING = "confirm_pending"
HANDLED = "confirm_handled"
OUTCOME = "confirm_outcome"
SKIP = {"summary", "confirmation_id", "status", "instructions", "expires_at"}


def remember(event: ConfirmationRequired, *, conversation_id: str) -> None:
    st.session_state[PENDING] = {
        "conversation_id": conversation_id,
        "confirmation_id": event.confirmation_id,
        "name": event.name,
        "call_id": event.call_id,
        "preview": dict(event.preview),
    }


ACTION_TITLES = {
    "request_return": "Return",
    "process_return": "Return",
    "cancel_order": "Cancel order",
    "request_exchange": "Exchange",
    "exchange_items": "Exchange",
    "modify_items": "Change items",
    "modify_order_items": "Change items",
    "change_shipping_address": "Change the shipping address",
    "change_default_address": "Change the default address",
    "change_payment_method": "Change the payment method",
}
# Fields shown in their own way below, or not for the person at all.
SHOWN = {
    "summary",
    "action",
    "order_id",
    "customer_id",
    "items",
    "status_before",
    "status",
    "refund_amount",
    "price_difference",
    "gift_card_balances",
    "ledger_entries",
}
LABELS = {
    "payment_method_id": "Refund / charge to",
    "reason": "Reason",
    "pickup_date": "Pickup",
    "address": "New address",
}


def restore(t: Any) -> None:
    """After a reload or when reopening a conversation, bring back its open preview."""
    pending = st.session_state.get(PENDING)
    if pending and pending["conversation_id"] == t.conversation.id:
        return
    handled: set[str] = st.session_state.get(HANDLED, set())
    open_ones = [p for p in runtime.open_previews(t) if p["confirmation_id"] not in handled]
    if open_ones:
        st.session_state[PENDING] = open_ones[-1]


def render(identity: Identity) -> None:
    if outcome := st.session_state.pop(OUTCOME, None):
        kind, text = outcome
        st.toast(safe_markdown(text), icon=":material/check_circle:" if kind == "ok" else None)
    pending = st.session_state.get(PENDING)
    if not pending or pending["conversation_id"] != st.session_state.get("chat_conversation_id"):
        return
    cid = pending["confirmation_id"]
    p: dict[str, Any] = pending["preview"]
    title = ACTION_TITLES.get(str(p.get("action") or pending["name"]), "Change")
    with st.container(border=True, key=f"confirm_card_{cid}"):
        order = f" · {safe_markdown(str(p['order_id']))}" if p.get("order_id") else ""
        st.markdown(f"#### :material/task_alt: Please confirm: {title}{order}")
        st.markdown(safe_markdown(str(p.get("summary") or "Confirm this change?")))
        _items(p.get("items") or [])
        _figures(p)
        details = _details(p)
        if p.get("status_before") and p.get("status"):
            details.insert(0, ("Order status", f"{p['status_before']} → {p['status']}"))
        if details:
            st.markdown("  \n".join(f"**{k}**: {v}" for k, v in details))
        st.caption(
            "Nothing has changed yet. Confirm to go ahead, or Cancel to keep things as they are."
        )
        with st.container(horizontal=True):
            st.button(
                "Confirm",
                type="primary",
                key=f"confirm_yes_{cid}",
                on_click=_confirm,
                args=(cid,),
                icon=":material/check:",
            )
            st.button("Cancel", key=f"confirm_no_{cid}", on_click=_cancel, args=(cid,))


def _items(items: list[Any]) -> None:
    lines = []
    for item in items:
        if not isinstance(item, dict):
            continue
        name = safe_markdown(str(item.get("name", "")))
        sku = safe_markdown(str(item.get("item_id", "")))
        line = f"- {name} `{sku}` {_money(item.get('price'))}"
        if item.get("new_item_id"):
            line += (
                f" → `{safe_markdown(str(item['new_item_id']))}` {_money(item.get('new_price'))}"
            )
        lines.append(line)
    if lines:
        st.markdown("\n".join(lines))


def _figures(p: dict[str, Any]) -> None:
    figures = []
    if p.get("refund_amount") is not None:
        figures.append(("Refund", _money(p["refund_amount"])))
    if p.get("price_difference") is not None:
        figures.append(("Price difference", _money(p["price_difference"])))
    for card, balance in (p.get("gift_card_balances") or {}).items():
        figures.append((f"Gift card balance after · {card[-4:]}", _money(balance)))
    if figures:
        for col, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
            col.metric(label, value)


def _details(preview: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for key, value in preview.items():
        if key in SHOWN or key in SKIP or value in (None, "", [], {}):
            continue
        label = LABELS.get(key) or safe_markdown(key.replace("_", " ").capitalize())
        if key == "payment_method_id":
            value = browse_detail.payment_method_label(
                deps.uow_factory(), payment_method_id=str(value)
            )
        out.append((label, safe_markdown(_show(key, value))))
    return out[:10]


def _money(value: Any) -> str:
    try:
        return f"${Decimal(str(value)):,.2f}"
    except (InvalidOperation, ValueError):
        return safe_markdown(str(value)) if value is not None else ""


def _show(key: str, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_show(key, v) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    if any(w in key for w in ("amount", "price", "total", "difference", "balance")):
        return _money(value)
    return str(value)


def _confirm(cid: str) -> None:
    handled: set[str] = st.session_state.setdefault(HANDLED, set())
    pending = st.session_state.get(PENDING)
    if cid in handled or not pending or pending["confirmation_id"] != cid:
        return  # the second click of a double click, or a stale button
    handled.add(cid)
    identity = session.current()
    if identity is None:
        return
    ok, message = runtime.confirm(identity, pending)
    st.session_state.pop(PENDING, None)
    st.session_state[OUTCOME] = ("ok" if ok else "error", message)


def _cancel(cid: str) -> None:
    handled: set[str] = st.session_state.setdefault(HANDLED, set())
    pending = st.session_state.get(PENDING)
    if cid in handled or not pending or pending["confirmation_id"] != cid:
        return
    handled.add(cid)
    identity = session.current()
    message = "Cancelled: nothing was changed."
    if identity is not None:
        _, message = runtime.cancel(identity, pending)
    st.session_state.pop(PENDING, None)
    st.session_state[OUTCOME] = ("info", message)
