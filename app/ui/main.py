"""Streamlit entry point (`streamlit run app/ui/main.py`): the app shell.

Builds the navigation for whoever is signed in: a customer sees their chat and nothing
else; staff see the chat, the inbox, the store, insights, the mock-store tools and
settings; a visitor sees the sign-in (chat) page and the staff pages, which ask for
staff sign-in first.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts this file's folder on sys.path, not the project root.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from app.ui import persist, session  # noqa: E402
from app.ui.components import sidebar, theme  # noqa: E402

st.set_page_config(page_title="Storedesk", page_icon="🛍️", layout="wide")
theme.apply()

chat = st.Page("pages/chat.py", title="Chat", icon=":material/forum:", default=True)
inbox = st.Page("pages/inbox.py", title="Inbox", icon=":material/inbox:")
store = st.Page("pages/store.py", title="Store", icon=":material/storefront:")
insights = st.Page("pages/insights.py", title="Insights", icon=":material/monitoring:")
mock_store = st.Page("pages/mock_store.py", title="Mock store", icon=":material/database:")
settings = st.Page("pages/settings.py", title="Settings", icon=":material/tune:")
help_center = st.Page("pages/help_center.py", title="Help center", icon=":material/help_center:")

persist.restore()  # a refresh keeps the signed-in person (URL token or staff cookie)
with st.sidebar:
    persist.remember()
if problem := st.session_state.pop("persist_error", None):
    st.warning(problem, icon=":material/link_off:")
identity = session.current()
if identity is not None and not identity.is_staff:
    # Customers get the chat and nothing else: no settings, no links to staff pages.
    pages: dict[str, list] = {"": [chat]}
else:
    pages = {
        "Support": [chat, inbox, help_center],
        "Store": [store, insights, mock_store],
        "App": [settings],
    }

page = st.navigation(pages, position="sidebar")
sidebar.render_identity(identity)
page.run()
