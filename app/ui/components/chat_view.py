"""The chat itself: past conversations, the transcript, a live turn, confirmations."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from app import i18n
from app.agent.loop import MAX_INPUT_CHARS
from app.ui import deps, language, model_settings, runtime, session
from app.ui.components import citations, confirm_card, live_turn, transcript
from app.ui.components.text import escape_inline, plain
from app.ui.session import Identity
from services import browse, inbox
from services.errors import DomainError

CONVERSATION = "chat_conversation_id"
QUEUED = "chat_queued_prompt"
POLL_SECONDS = 3
# Messages drawn at first; "Show earlier messages" adds this many more. Bounded, so a
# turn at message 400 costs what one at message 4 does.
WINDOW = 16
WINDOW_KEY = "chat_window"
URL_KEY = "conversation"


def render(identity: Identity) -> None:
    _sidebar(identity)
    # The open conversation is also in the URL, so a refresh reopens it (ownership is
    # checked below like any other conversation id).
    conversation_id = st.session_state.get(CONVERSATION) or st.query_params.get(URL_KEY)

    locale = language.current(identity)
    head, badge = st.columns([4, 1], vertical_alignment="bottom")
    head.title(i18n.t("chat.title", locale) if not identity.is_staff else "Staff chat")
    label = provider_label(identity, locale)
    badge.markdown(f":material/smart_toy: **{escape_inline(label)}**")
    if identity.is_staff:
        st.caption("Staff mode: tools act for any customer and apply changes after your confirm.")

    # Everything above the input in one container, so the input keeps its place in
    # the page whatever the history holds (no second, stale input while a run redraws).
    with st.container():
        t = _body(identity, conversation_id, locale)
    shown = max((m.id for m in t.messages), default=0) if t else 0
    composer(identity, t.conversation.id if t else None, shown, locale)


def _body(identity: Identity, conversation_id: str | None, locale: str) -> inbox.Transcript | None:
    uow = deps.uow_factory()
    t = None
    if conversation_id:
        try:
            t = inbox.transcript(
                uow,
                conversation_id=conversation_id,
                last=st.session_state.get(WINDOW_KEY, WINDOW),
            )
        except DomainError:
            st.session_state.pop(CONVERSATION, None)
        if t and not identity.is_staff and t.conversation.customer_id != identity.customer_id:
            t = None  # never show another customer's conversation
            st.session_state.pop(CONVERSATION, None)
    if t is None:
        st.query_params.pop(URL_KEY, None)
        _welcome(identity, locale)
    else:
        st.session_state[CONVERSATION] = t.conversation.id
        if st.query_params.get(URL_KEY) != t.conversation.id:
            st.query_params[URL_KEY] = t.conversation.id
        if t.earlier:
            st.button(
                i18n.t("handoff.show_earlier", locale, count=t.earlier),
                key="chat_show_earlier",
                icon=":material/expand_less:",
                type="tertiary",
                on_click=_show_earlier,
            )
        transcript.render(
            t,
            staff=identity.is_staff,
            feedback=_feedback_for(t.conversation.id),
            locale=locale,
        )
        citations.panel(locale)
        confirm_card.restore(t)
        _person_banner(t, identity)
        if t.conversation.status in ("waiting", "with_person", "resolved"):
            _watch_person(t.conversation.id, _last_person_id(t))
    confirm_card.render(identity)
    return t


@st.fragment
def composer(identity: Identity, conversation_id: str | None, shown: int, locale: str) -> None:
    """The turns sent since the page was last drawn in full, and the input.

    A fragment: sending a message reruns only this, so the history above is not drawn
    again and a turn costs the same at message 400 as at message 4. The page is drawn
    in full again when more than the turn's text changed (a new conversation, a
    preview to confirm, a person involved, an error) or the fragment grew past a window.
    """
    tail = None
    if conversation_id:
        tail = inbox.transcript(deps.uow_factory(), conversation_id=conversation_id, after=shown)
        if tail.messages:
            transcript.render(
                tail,
                staff=identity.is_staff,
                feedback=_feedback_for(conversation_id),
                locale=locale,
            )
    prompt = st.chat_input(
        i18n.t("chat.input_placeholder", locale),
        key="chat_input",
        submit_mode="disable",
        # Longer than the loop takes, so an oversize paste reaches us and gets a clear
        # message (the box's own limit dropped it silently); still bounded.
        max_chars=MAX_INPUT_CHARS * 10,
    )
    typed = bool(prompt)
    prompt = prompt or st.session_state.pop(QUEUED, None)
    if prompt and len(prompt.strip()) > MAX_INPUT_CHARS:
        st.error(
            i18n.t(
                "handoff.too_long",
                locale,
                length=f"{len(prompt.strip()):,}",
                limit=f"{MAX_INPUT_CHARS:,}",
            ),
            icon=":material/content_cut:",
        )
        st.code(prompt, language=None, wrap_lines=True, height=160)
        return
    if not prompt:
        return
    light = live_turn.run(identity, prompt)
    grown = tail is not None and len(tail.messages) > WINDOW
    if light and typed and not grown and _fragment_rerun():
        st.rerun(scope="fragment")  # draw the finished turn from the database, here only
    st.rerun()


def _fragment_rerun() -> bool:
    """Whether this run reruns fragments only (st.rerun(scope="fragment") is allowed)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def provider_label(identity: Identity, locale: str) -> str:
    """Who answers, in the customer's words ("trợ lý ngoại tuyến"); a model's own name as is."""
    label = model_settings.provider_label(model_settings.for_identity(identity.is_staff))
    return i18n.t("provider.offline", locale) if label == "offline engine" else label


def _welcome(identity: Identity, locale: str) -> None:
    first = identity.name.split()[0] if identity.name else i18n.t("chat.welcome_no_name", locale)
    with st.chat_message("assistant", avatar=transcript.AVATARS["assistant"]):
        if identity.is_staff:
            st.markdown("Ready. Ask about any order, customer or product.")
        else:
            st.markdown(i18n.t("chat.welcome", locale, name=plain(first, 30)))
        st.pills(
            i18n.t("chat.suggestions", locale),
            _suggestions(identity, locale),
            key="chat_suggestion",
            label_visibility="collapsed",
            on_change=_queue_suggestion,
        )


def _suggestions(identity: Identity, locale: str) -> list[str]:
    if identity.is_staff:
        return [
            "What's the status of ORD-78342?",
            "Find the customer sarah.johnson@example.com",
            "Is UHD-4K-55 in stock?",
        ]
    recent = browse.search_orders(deps.uow_factory(), customer_id=identity.customer_id, limit=1)
    keys = ["chat.suggestion.return_policy", "chat.suggestion.human"]
    first = [i18n.t("chat.suggestion.where_is_order", locale, order=recent[0].id)] if recent else []
    return [*first, *(i18n.t(key, locale) for key in keys)]


def _show_earlier() -> None:
    st.session_state[WINDOW_KEY] = st.session_state.get(WINDOW_KEY, WINDOW) + WINDOW


def _new_conversation() -> None:
    st.session_state.pop(CONVERSATION, None)
    st.session_state.pop(WINDOW_KEY, None)
    st.query_params.pop(URL_KEY, None)


def _queue_suggestion() -> None:
    # A picked suggestion is sent like a typed message, once; the pills reset for next time.
    st.session_state[QUEUED] = st.session_state.pop("chat_suggestion", None)


def _sidebar(identity: Identity) -> None:
    uow = deps.uow_factory()
    with st.sidebar:
        if not identity.is_staff:
            language.selector(identity)
        locale = language.current(identity)
        st.button(
            i18n.t("chat.new_conversation", locale),
            icon=":material/add_comment:",
            key="chat_new",
            on_click=_new_conversation,
            width="stretch",
        )
        if identity.is_staff:
            past = inbox.list_conversations(uow, actor="staff", limit=15)
        else:
            past = inbox.list_conversations(uow, customer_id=identity.customer_id, limit=15)
        if past:
            st.caption(i18n.t("chat.past_conversations", locale))
        current = st.session_state.get(CONVERSATION)
        for row in past:
            st.button(
                plain(row.title or i18n.t("chat.new_conversation", locale), 34),
                key=f"chat_past_{row.id}",
                type="primary" if row.id == current else "tertiary",
                on_click=st.session_state.__setitem__,
                args=(CONVERSATION, row.id),
                width="stretch",
            )


def _feedback_for(conversation_id: str):
    uow = deps.uow_factory()
    stored = inbox.ratings(uow, conversation_id=conversation_id)

    def widget(message_id: int) -> None:
        key = f"fb_{message_id}"
        if key not in st.session_state and message_id in stored:
            st.session_state[key] = 1 if stored[message_id] > 0 else 0
        st.feedback("thumbs", key=key, on_change=_save_feedback, args=(conversation_id, message_id))

    return widget


def _save_feedback(conversation_id: str, message_id: int) -> None:
    value = st.session_state.get(f"fb_{message_id}")
    if value is None:
        return
    try:
        runtime.add_feedback(
            deps.uow_factory(),
            conversation_id=conversation_id,
            message_id=message_id,
            rating=1 if value == 1 else -1,
        )
        st.toast(i18n.t("chat.feedback_thanks", _session_locale()))
    except DomainError:
        st.toast(i18n.t("chat.feedback_failed", _session_locale()))


def _session_locale() -> str:
    return language.current(session.current())


def _person_banner(t: inbox.Transcript, identity: Identity) -> None:
    """Under the last message, where the customer is looking: who holds the conversation."""
    locale = language.current(identity)
    c = t.conversation
    icon = ":material/support_agent:"
    if c.status == "waiting":
        st.info(i18n.t("handoff.banner.waiting", locale), icon=icon)
    elif c.status == "with_person":
        name = plain(c.assignee or "Staff", 60)
        st.info(i18n.t("handoff.banner.with_person", locale, name=name), icon=icon)


def _last_person_id(t: inbox.Transcript) -> int:
    return max(
        (m.id for m in t.messages if m.role == "staff" or (m.name or "").startswith("handoff.")),
        default=0,
    )


def _watch_person(conversation_id: str, seen: int) -> None:
    """While a person is involved, look for their replies and moves every few seconds."""

    @st.fragment(run_every=POLL_SECONDS)
    def poll() -> None:
        newest = inbox.person_activity_since(
            deps.uow_factory(), conversation_id=conversation_id, after_id=seen
        )
        if newest:
            st.rerun(scope="app")

    poll()
