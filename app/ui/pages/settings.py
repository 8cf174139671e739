"""Settings (staff only): which configured provider answers in this browser session.

The operator configures providers (`app.agent.provider_config`: the environment and the
STOREDESK_PROVIDERS file); here staff only switch among them. A staff member may also
try an endpoint of their own, but its URL goes out with the key typed beside it, never
with one of the operator's.
"""

from __future__ import annotations

import streamlit as st
from pydantic import SecretStr

from app.agent.provider_config import ProvidersFileError, configured_providers
from app.ui import model_settings as ms
from app.ui.components.gate import require_staff
from app.ui.components.text import escape_inline

require_staff()
current = ms.get()

st.title("Settings")
st.caption(
    "These settings last for this browser session only. Providers are configured by the "
    "operator (environment or the STOREDESK_PROVIDERS file, see the README); customers "
    "always get the default one."
)
try:
    providers = configured_providers()
except ProvidersFileError as exc:
    st.error(str(exc))
    st.stop()
names = [*providers, ms.CUSTOM]
titles = {name: p.title for name, p in providers.items()}
titles[ms.CUSTOM] = "My own endpoint (URL and key typed here)"
chosen_now = current.choice if current.choice in names else names[0]

with st.form("settings_form", border=True, clear_on_submit=True):
    choice = st.radio(
        "Provider",
        names,
        format_func=lambda n: titles[n],
        index=names.index(chosen_now),
    )
    st.caption("Own endpoint only (ignored for the configured providers):")
    a, b = st.columns(2)
    kind = a.selectbox(
        "API",
        list(ms.KINDS),
        format_func=ms.KINDS.__getitem__,
        index=list(ms.KINDS).index(current.kind if current.kind in ms.KINDS else "openai"),
    )
    model = b.text_input("Model", value=current.model, placeholder="gpt-4.1, llama3.1, …")
    base_url = st.text_input(
        "Base URL",
        value=current.base_url,
        placeholder="http://127.0.0.1:11434/v1",
        help="Receives only the key typed below (or none), never the operator's key.",
    )
    api_key = st.text_input(
        "API key for this URL",
        type="password",
        value="",
        placeholder="set for this session" if current.api_key else "empty: send no key",
        help="Kept in this browser session only; leave empty to keep the current one.",
    )
    c, d = st.columns(2)
    temperature = c.slider("Temperature", 0.0, 1.0, float(current.temperature), 0.05)
    toolset = d.selectbox(
        "Toolset",
        list(ms.TOOLSETS),
        format_func=ms.TOOLSETS.__getitem__,
        index=list(ms.TOOLSETS).index(current.toolset),
    )
    saved = st.form_submit_button("Save", type="primary")

if saved:
    problems = []
    url = base_url.strip()
    if choice == ms.CUSTOM:
        if not model.strip():
            problems.append("Name the model to use.")
        if not url.startswith(("http://", "https://")):
            problems.append("The base URL must start with http:// or https://.")
    if problems:
        for p in problems:
            st.error(p)
    else:
        typed = SecretStr(api_key.strip()) if api_key.strip() else None
        # A key belongs to the URL it was typed with: a new URL without a new key
        # forgets the old key rather than sending it somewhere else.
        keep = current.api_key if url == current.base_url else None
        ms.save(
            choice=choice,
            kind=kind,
            model=model.strip(),
            base_url=url,
            api_key=typed or keep,
            temperature=float(temperature),
            toolset=toolset,
        )
        st.success(f"Saved. Answers now come from {escape_inline(ms.provider_label())}.")
if current.api_key and st.button("Forget the typed API key"):
    ms.save(api_key=None)
    st.rerun()
