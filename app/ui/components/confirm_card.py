"""A pending change (return, cancellation, …) waiting for the person's own Confirm.

Nothing in the store changes until Confirm is pressed. Pressing it twice (a double
click, a rerun, a second tab) applies the change once: the click handler remembers the
confirmation ids it has handled, and the store itself keeps an idempotency record per
confirmation id, so even two processes cannot apply it twice.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app import i18n
from app.agent.events import ConfirmationRequired
from app.i18n.actions import action_summary, action_title, payment_method_text
from app.ui import deps, language, runtime, session
from app.ui.components.text import code_inline, escape_inline, safe_markdown
from app.ui.session import Identity
from services import browse_detail

PENDING = "confirm_pending"
HANDLED = "confirm_handled"
OUTCOME = "confirm_outcome"
# payment_method_label is shown as the value of payment_method_id, not as a line of its own.
SKIP = {
    "summary",
    "confirmation_id",
    "status",
    "instructions",
    "expires_at",
    "payment_method_label",
}


def remember(event: ConfirmationRequired, *, conversation_id: str) -> None:
    st.session_state[PENDING] = {
        "conversation_id": conversation_id,
        "confirmation_id": event.confirmation_id,
        "name": event.name,
        "call_id": event.call_id,
        "preview": dict(event.preview),
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
# Preview field -> the catalogue key of its label on the card.
LABELS = {
    "payment_method_id": "confirm.payment_method",
    "reason": "confirm.reason",
    "pickup_date": "confirm.pickup",
    "address": "confirm.address",
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
    locale = language.current(identity)
    if outcome := st.session_state.pop(OUTCOME, None):
        kind, text = outcome
        st.toast(safe_markdown(text), icon=":material/check_circle:" if kind == "ok" else None)
    pending = st.session_state.get(PENDING)
    if not pending or pending["conversation_id"] != st.session_state.get("chat_conversation_id"):
        return
    cid = pending["confirmation_id"]
    p: dict[str, Any] = pending["preview"]
    title = escape_inline(action_title(str(p.get("action") or pending["name"]), locale))
    # The buttons and every sentence naming them read the same catalogue keys.
    confirm_label = i18n.t("chat.confirm.button", locale)
    cancel_label = i18n.t("chat.cancel.button", locale)
    with st.container(border=True, key=f"confirm_card_{cid}"):
        order = f" · {escape_inline(p['order_id'])}" if p.get("order_id") else ""
        heading = i18n.t("confirm.title", locale, action=title)
        st.markdown(f"#### :material/task_alt: {heading}{order}")
        st.markdown(safe_markdown(_summary(p, pending["name"], locale)))
        _items(p.get("items") or [], locale)
        _figures(p, locale)
        details = _details(p, locale)
        if p.get("status_before") and p.get("status"):
            before = i18n.term("status", p["status_before"], locale)
            after = i18n.term("status", p["status"], locale)
            details.insert(
                0, (i18n.t("confirm.order_status", locale), safe_markdown(f"{before} → {after}"))
            )
        if details:
            st.markdown("  \n".join(f"**{k}**: {v}" for k, v in details))
        st.caption(i18n.t("confirm.footer", locale, confirm=confirm_label, cancel=cancel_label))
        with st.container(horizontal=True):
            st.button(
                confirm_label,
                type="primary",
                key=f"confirm_yes_{cid}",
                on_click=_confirm,
                args=(cid,),
                icon=":material/check:",
            )
            st.button(cancel_label, key=f"confirm_no_{cid}", on_click=_cancel, args=(cid,))


def _summary(p: dict[str, Any], name: str, locale: str) -> str:
    """The store's own summary in English; the same facts from the catalogue otherwise."""
    if locale == "en":
        return str(p.get("summary") or i18n.t("confirm.fallback_summary", locale))
    method = None
    if p.get("payment_method_id"):
        method = _method_label(str(p["payment_method_id"]), locale)
    return action_summary(p, locale, name=name, method_label=method)


def _method_label(payment_method_id: str, locale: str) -> str:
    label = browse_detail.payment_method_label(
        deps.uow_factory(), payment_method_id=payment_method_id
    )
    return payment_method_text(label, locale)


def _items(items: list[Any], locale: str) -> None:
    lines = []
    for item in items:
        if not isinstance(item, dict):
            continue
        name = escape_inline(item.get("name", ""))
        sku = code_inline(item.get("item_id", ""))
        price = safe_markdown(_money(item.get("price"), locale))
        line = f"- {name} {sku} {price}"
        if item.get("new_item_id"):
            new_sku = code_inline(item["new_item_id"])
            line += f" → {new_sku} {escape_inline(_money(item.get('new_price'), locale))}"
        lines.append(line)
    if lines:
        st.markdown("\n".join(lines))


def _figures(p: dict[str, Any], locale: str) -> None:
    figures = []
    if p.get("refund_amount") is not None:
        figures.append((i18n.t("confirm.refund", locale), _money(p["refund_amount"], locale)))
    if p.get("price_difference") is not None:
        figures.append(
            (i18n.t("confirm.price_difference", locale), _money(p["price_difference"], locale))
        )
    for card, balance in (p.get("gift_card_balances") or {}).items():
        label = i18n.t("confirm.gift_card_after", locale, last4=escape_inline(str(card)[-4:]))
        figures.append((label, _money(balance, locale)))
    if figures:
        for col, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
            col.metric(label, value)


def _details(preview: dict[str, Any], locale: str) -> list[tuple[str, str]]:
    out = []
    for key, value in preview.items():
        if key in SHOWN or key in SKIP or value in (None, "", [], {}):
            continue
        label = (
            i18n.t(LABELS[key], locale)
            if key in LABELS
            else safe_markdown(key.replace("_", " ").capitalize())
        )
        if key == "payment_method_id":
            shown = preview.get("payment_method_label")
            value = (
                payment_method_text(str(shown), locale)
                if shown
                else _method_label(str(value), locale)
            )
        elif key == "reason":
            value = _reason(str(value), locale)
        elif key == "pickup_date":
            value = i18n.format_date(value, locale)
        out.append((label, safe_markdown(_show(key, value, locale))))
    return out[:10]


def _reason(value: str, locale: str) -> str:
    key = "engine.reason." + value.strip().lower().replace(" ", "_")
    return i18n.t(key, locale) if i18n.has(key) else value


def _money(value: Any, locale: str) -> str:
    """For a metric (plain text); markdown lines escape it with safe_markdown."""
    return "" if value is None else i18n.format_money(value, locale)


def _show(key: str, value: Any, locale: str) -> str:
    if isinstance(value, list):
        return ", ".join(_show(key, v, locale) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    if any(w in key for w in ("amount", "price", "total", "difference", "balance")):
        return i18n.format_money(value, locale)
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
    message = i18n.t("confirm.cancelled", language.current(identity))
    if identity is not None:
        _, message = runtime.cancel(identity, pending)
    st.session_state.pop(PENDING, None)
    st.session_state[OUTCOME] = ("info", message)
