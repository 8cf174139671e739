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
from app.ui import runtime, session
from app.ui.components.text import safe_markdown
from app.ui.session import Identity

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


def render(identity: Identity) -> None:
    if outcome := st.session_state.pop(OUTCOME, None):
        kind, text = outcome
        st.toast(safe_markdown(text), icon=":material/check_circle:" if kind == "ok" else None)
    pending = st.session_state.get(PENDING)
    if not pending or pending["conversation_id"] != st.session_state.get("chat_conversation_id"):
        return
    cid = pending["confirmation_id"]
    preview: dict[str, Any] = pending["preview"]
    with st.container(border=True, key=f"confirm_card_{cid}"):
        st.markdown(f"**Please confirm** · {pending['name'].replace('_', ' ')}")
        st.markdown(safe_markdown(str(preview.get("summary") or "Confirm this change?")))
        details = _details(preview)
        if details:
            st.markdown("\n".join(f"- **{k}**: {v}" for k, v in details))
        st.caption("Nothing has changed yet.")
        yes, no, _ = st.columns([1, 1, 3])
        yes.button(
            "Confirm",
            type="primary",
            key=f"confirm_yes_{cid}",
            on_click=_confirm,
            args=(cid,),
            icon=":material/check:",
        )
        no.button("Cancel", key=f"confirm_no_{cid}", on_click=_cancel, args=(cid,))


def _details(preview: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for key, value in preview.items():
        if key in SKIP or value in (None, "", [], {}):
            continue
        label = safe_markdown(key.replace("_", " ").capitalize())
        out.append((label, safe_markdown(_show(key, value))))
    return out[:12]


def _show(key: str, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_show(key, v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_show(k, v)}" for k, v in value.items())
    if any(w in key for w in ("amount", "refund", "price", "total", "difference", "balance")):
        try:
            return f"${Decimal(str(value)):,.2f}"
        except (InvalidOperation, ValueError):
            pass
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
    if identity is not None:
        runtime.cancel(identity, pending)
    st.session_state.pop(PENDING, None)
    st.session_state[OUTCOME] = ("info", "Cancelled: nothing was changed.")
