"""A stored conversation rendered as chat bubbles, with its tool trace in place."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from app.ui.components import trace
from app.ui.components.text import safe_markdown
from services.inbox import Transcript

AVATARS = {
    "user": ":material/person:",
    "assistant": ":material/smart_toy:",
    "staff": ":material/support_agent:",
}


def render(t: Transcript, *, staff: bool, feedback: Callable[[int], None] | None = None) -> None:
    records = {c.call_id: c for c in t.tool_calls if c.call_id}
    tool_messages = {m.tool_call_id: m for m in t.messages if m.role == "tool" and m.tool_call_id}
    for m in t.messages:
        if m.role in ("tool", "system"):
            continue
        role = "assistant" if m.role == "staff" else m.role
        with st.chat_message(role, avatar=AVATARS.get(m.role)):
            if m.role == "staff":
                st.caption(f"{m.author or 'Staff'} · store team")
            for call_id, name, arguments in trace.calls_of(m.tool_calls):
                record = records.get(call_id)
                result_msg = tool_messages.get(call_id)
                trace.render_call(
                    name=name,
                    arguments=arguments,
                    result=result_msg.content if result_msg else None,
                    ok=(record.outcome != "error") if record else True,
                    staff=staff,
                    ms=record.duration_ms if record else None,
                    error_code=record.error_code if record else None,
                )
            if m.content:
                st.markdown(safe_markdown(m.content))
                if feedback is not None and m.role == "assistant":
                    feedback(m.id)
