"""One turn as it happens: the user's bubble, then the answer streaming in with each
tool call in a status box that turns green (or red) when its result arrives."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import streamlit as st

from app import i18n
from app.agent.events import (
    ConfirmationRequired,
    ErrorEvent,
    HeldForPerson,
    TextDelta,
    ToolCallStarted,
    ToolResult,
    TurnFinished,
)
from app.ui import deps, language, runtime
from app.ui.components import confirm_card, trace
from app.ui.components.text import code_inline, escape_inline, safe_markdown
from app.ui.components.transcript import AVATARS
from app.ui.session import Identity
from services import handoff

CONVERSATION = "chat_conversation_id"


def run(identity: Identity, prompt: str) -> bool:
    """Run and draw one turn; True when only its text and tool trace changed the page
    (the caller may then redraw just the chat's newest part), False when the whole page
    must be drawn again (a new conversation, a preview, a person, an error)."""
    locale = language.current(identity)
    with st.chat_message("user", avatar=AVATARS["user"]):
        st.markdown(safe_markdown(prompt))
    try:
        conversation_id = st.session_state.get(CONVERSATION) or runtime.start_conversation(identity)
        turn = runtime.stream_turn(identity, conversation_id=conversation_id, text=prompt)
    except runtime.SetupError as exc:
        st.error(escape_inline(exc), icon=":material/settings:")
        st.stop()
    light = CONVERSATION in st.session_state
    st.session_state[CONVERSATION] = conversation_id
    with st.chat_message("assistant", avatar=AVATARS["assistant"]):
        tools = st.container()
        answer = st.empty()
        answer.markdown(":gray[…]")
        boxes: dict[str, tuple[st.delta_generator.DeltaGenerator, str]] = {}
        text = ""
        typewriter = Typewriter(lambda shown: answer.markdown(safe_markdown(shown) + " ▌"))
        for event in turn:
            if isinstance(event, TextDelta):
                text = typewriter.feed(text, event.text)
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
                light = False
                confirm_card.remember(event, conversation_id=conversation_id)
            elif isinstance(event, ErrorEvent):
                light = False
                st.warning(escape_inline(event.message), icon=":material/error:")
            elif isinstance(event, HeldForPerson):
                light = False
            elif isinstance(event, TurnFinished):
                text = event.text or text
        answer.markdown(
            safe_markdown(text) if text else f":gray[{i18n.t('chat.no_answer', locale)}]"
        )
    if light and boxes:
        # A tool may have moved the conversation (transfer_to_human): banner, polling.
        state = handoff.conversation_state(deps.uow_factory(), conversation_id=conversation_id)
        light = state.state == "assistant"
    return light


class Typewriter:
    """Shows an answer word by word, whatever the engine's pace.

    A model that streams sends words over time and each is drawn as it comes. An engine
    that answers at once (the offline one) would land whole: its words are revealed a few
    at a time, one frame every FRAME_S, within a budget per turn, after which the rest
    is drawn as it arrives (a long answer is never held back for effect).
    """

    FRAME_S = 0.02
    BUDGET_S = 0.6

    def __init__(self, draw: Callable[[str], object]) -> None:
        self._draw = draw
        self._paced = 0.0

    def feed(self, shown: str, delta: str) -> str:
        words = _WORD.findall(delta)
        i = 0
        while i < len(words):
            if self._paced >= self.BUDGET_S:
                step = len(words)
            else:
                # 1 word a frame at first, then 2, 4...: short answers read word by word.
                step = 2 ** int(3 * self._paced / self.BUDGET_S)
            shown += "".join(words[i : i + step])
            i += step
            self._draw(shown)
            if i < len(words) and self._paced < self.BUDGET_S:
                time.sleep(self.FRAME_S)
                self._paced += self.FRAME_S
        return shown


_WORD = re.compile(r"\S+\s*|\s+")


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
            error = f" · error {code_inline(event.error_code)}" if event.error_code else ""
            st.caption("Result" + error)
            st.code(trace.pretty_json(event.result), language="json")
