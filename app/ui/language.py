"""The language a browser session's chat is shown in, and the selector that switches it.

A customer's chat starts in their profile's preferred locale (`Customer.locale`, e.g.
vi_VN -> "vi"); the selector beside the chat switches it for the rest of the session
(it is forgotten on sign-out, like the rest of the chat's state). Staff pages stay in
English. Before sign-in, the visitor's pick on the sign-in page is used.
"""

from __future__ import annotations

import streamlit as st

from app.i18n import LANGUAGE_NAMES, SUPPORTED_LOCALES, normalize_locale, t
from app.ui.session import Identity

# "chat_" prefix: session.sign_in/sign_out clear it, so a new customer starts from their
# own profile's language.
CHOSEN = "chat_locale"
# The pick is also kept in the URL (?lang=vi), so a browser refresh, which opens a new
# Streamlit session, keeps it; signing in drops it (the profile's language comes first).
URL_KEY = "lang"


def current(identity: Identity | None) -> str:
    """ "en", "vi" or "pt" for this session: the pick in the chat, else the profile."""
    if identity is not None and identity.is_staff:
        return "en"
    chosen = st.session_state.get(CHOSEN)
    if chosen not in SUPPORTED_LOCALES:
        chosen = st.query_params.get(URL_KEY)
    if chosen in SUPPORTED_LOCALES:
        return str(chosen)
    return normalize_locale(identity.locale if identity is not None else None)


def forget_pick() -> None:
    """At sign-in: the customer's profile decides their language, not a visitor's pick."""
    st.query_params.pop(URL_KEY, None)
    st.session_state.pop(CHOSEN, None)


def selector(identity: Identity | None, *, key: str = "chat_locale_select") -> str:
    """A small language picker (in the sidebar); returns the language now in use."""
    locale = current(identity)
    picked = st.selectbox(
        t("chat.language", locale),
        options=list(SUPPORTED_LOCALES),
        index=SUPPORTED_LOCALES.index(locale),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=key,
        on_change=_remember,
        args=(key,),
    )
    return str(picked or locale)


def _remember(key: str) -> None:
    value = st.session_state.get(key)
    if value in SUPPORTED_LOCALES:
        st.session_state[CHOSEN] = value
        st.query_params[URL_KEY] = str(value)
