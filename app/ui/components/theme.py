"""A few style touches Streamlit's theme settings cannot express."""

from __future__ import annotations

import streamlit as st

# Our own constant stylesheet; never interpolated with user or model text.
_CSS = """
<style>
  .block-container { padding-top: 2.2rem; max-width: 1200px; }
  [data-testid="stChatMessage"] { border-radius: 14px; }
  [data-testid="stSidebarNav"] { padding-top: 0.5rem; }
</style>
"""


def apply() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
