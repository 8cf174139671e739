"""Tool calls as the people in the chat should see them.

Staff see each call's name, arguments and result; customers see a friendly line
("Looking up your order…") and never the raw JSON.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from app.i18n.tools import step_label
from app.ui.components.text import code_inline


def label(
    name: str,
    *,
    staff: bool,
    done: bool,
    ok: bool = True,
    ms: int | None = None,
    locale: str = "en",
) -> str:
    if staff:
        state = "" if not done else (" ✓" if ok else " ✗")
        timing = f" · {ms} ms" if done and ms is not None else ""
        # The name is the model's: a literal code span, whatever it holds.
        return f"{code_inline(name)}{state}{timing}"
    return step_label(name, locale, done=done, ok=ok)


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
    locale: str = "en",
) -> None:
    """A finished call, as a collapsed status box (history and finished turns)."""
    box = st.status(
        label(name, staff=staff, done=True, ok=ok, ms=ms, locale=locale),
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
        st.caption("Result" + (f" · error {code_inline(error_code)}" if error_code else ""))
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
