"""One turn as it happens: the user's bubble, then the answer streaming in with each
tool call in a status box that turns green (or red) when its result arrives."""

from __future__ import annotations

import streamlit as st

from app import i18n
from app.agent.events import (
    ConfirmationRequired,
    ErrorEvent,
    TextDelta,
    ToolCallStarted,
    ToolResult,
    TurnFinished,
)
from app.ui import language, runtime
from app.ui.components import confirm_card, trace
from app.ui.components.text import safe_markdown
from app.ui.components.transcript import AVATARS
from app.ui.session import Identity

CONVERSATION = "chat_conversation_id"


def run(identity: Identity, prompt: str) -> None:
    locale = language.current(identity)
    with st.chat_message("user", avatar=AVATARS["user"]):
        st.markdown(safe_markdown(prompt))
    try:
        conversation_id = st.session_state.get(CONVERSATION) or runtime.start_conversation(identity)
        turn = runtime.stream_turn(identity, conversation_id=conversation_id, text=prompt)
    except runtime.SetupError as exc:
        st.error(str(exc), icon=":material/settings:")
        return
    st.session_state[CONVERSATION] = conversation_id
    with st.chat_message("assistant", avatar=AVATARS["assistant"]):
        tools = st.container()
        answer = st.empty()
        answer.markdown(":gray[…]")
        boxes: dict[str, tuple[st.delta_generator.DeltaGenerator, str]] = {}
        text = ""
        for event in turn:
            if isinstance(event, TextDelta):
                text += event.text
                answer.markdown(safe_markdown(text) + " ▌")
            elif isinstance(event, ToolCallStarted):
                box = tools.status(
                    trace.label(event.name, staff=identity.is_staff, done=False, locale=locale),
                    state="running",
                    expanded=identity.is_staff,
                )
                boxes[event.call_id] = (box, event.arguments)
                if identity.is_staff:
                    with box:
                        trace.fill_details(arguments=event.arguments, result=None)
            elif isinstance(event, ToolResult):
                _finish(boxes, event, staff=identity.is_staff, locale=locale)
            elif isinstance(event, ConfirmationRequired):
                confirm_card.remember(event, conversation_id=conversation_id)
            elif isinstance(event, ErrorEvent):
                st.warning(event.message, icon=":material/error:")
            elif isinstance(event, TurnFinished):
                text = event.text or text
        answer.markdown(
            safe_markdown(text) if text else f":gray[{i18n.t('chat.no_answer', locale)}]"
        )
    # Re-render from the database: the stored transcript, feedback buttons, the card.
    st.rerun()


def _finish(boxes: dict, event: ToolResult, *, staff: bool, locale: str = "en") -> None:
    found = boxes.get(event.call_id)
    if found is None:
        return
    box, _arguments = found
    box.update(
        label=trace.label(
            event.name, staff=staff, done=True, ok=event.ok, ms=event.duration_ms, locale=locale
        ),
        state="complete" if event.ok else "error",
        expanded=False,
    )
    if staff:
        with box:
            st.caption("Result" + (f" · error `{event.error_code}`" if event.error_code else ""))
            st.code(trace.pretty_json(event.result), language="json")
