"""A stored conversation rendered as chat bubbles, with its tool trace in place.

One bubble per speaker turn: the assistant's tool-calling round and its final answer
are stored as separate messages but read as one reply, so they share a bubble.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app.i18n import normalize_locale, t
from app.ui.components import citations, trace
from app.ui.components.text import plain, safe_markdown
from services.handoff import EVENT_PREFIX
from services.inbox import MessageView, Transcript

AVATARS = {
    "user": ":material/person:",
    "assistant": ":material/smart_toy:",
    "staff": ":material/support_agent:",
}


def render(
    transcript: Transcript,
    *,
    staff: bool,
    feedback: Callable[[int], None] | None = None,
    locale: str | None = None,
) -> None:
    records = {c.call_id: c for c in transcript.tool_calls if c.call_id}
    results = {
        m.tool_call_id: m for m in transcript.messages if m.role == "tool" and m.tool_call_id
    }
    titles = citations.offered(transcript.messages)
    bubble: Any = None
    speaker = ""
    for m in transcript.messages:
        if m.role == "tool":
            continue
        if m.role == "system" and (m.name or "").startswith(EVENT_PREFIX):
            event(m, locale)
            bubble = None  # the next message starts a new bubble below the event
            continue
        if m.role == "system":
            if m.content.startswith("["):  # a notice the user was shown ([code] message)
                st.caption(f":material/error: {safe_markdown(m.content.split('] ', 1)[-1])}")
            continue
        if bubble is None or m.role != speaker or m.role != "assistant":
            bubble = st.chat_message(
                "assistant" if m.role == "staff" else m.role, avatar=AVATARS.get(m.role)
            )
            speaker = m.role
            if m.role == "staff":
                team = t("handoff.store_team", normalize_locale(locale))
                bubble.caption(f"{plain(m.author or 'Staff', 60)} · {team}")
        with bubble:
            _body(m, records, results, staff=staff, feedback=feedback, locale=locale)
            if m.role == "assistant" and m.content:
                citations.links(m.content, titles, key=str(m.id), locale=locale)


def _body(
    m: MessageView,
    records: dict[str, Any],
    results: dict[str, MessageView],
    *,
    staff: bool,
    feedback: Callable[[int], None] | None,
    locale: str | None = None,
) -> None:
    for call_id, name, arguments in trace.calls_of(m.tool_calls):
        record = records.get(call_id)
        result = results.get(call_id)
        trace.render_call(
            name=name,
            arguments=arguments,
            result=result.content if result else None,
            ok=(record.outcome != "error") if record else True,
            staff=staff,
            ms=record.duration_ms if record else None,
            error_code=record.error_code if record else None,
            locale=normalize_locale(locale),
        )
    if m.content:
        st.markdown(safe_markdown(m.content))
        if feedback is not None and m.role == "assistant":
            feedback(m.id)


def event(m: MessageView, locale: str | None) -> None:
    """A hand-off event ("Ana joined") as a centred line, in the reader's language."""
    text = t(str(m.name), normalize_locale(locale), name=m.author or "Staff")
    st.caption(f":material/support_agent: {safe_markdown(plain(text, 200))}")
