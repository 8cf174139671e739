"""Settings: which model answers in this browser session."""

from __future__ import annotations

import streamlit as st
from pydantic import SecretStr

from app.ui import model_settings as ms
from app.ui import session

identity = session.current()
current = ms.get()

st.title("Settings")
st.caption(
    "These settings last for this browser session only. The API key is kept in memory "
    "for this session: it is never saved to the database, a file or a log."
)
with st.form("settings_form", border=True, clear_on_submit=True):
    provider = st.radio(
        "Provider",
        list(ms.PROVIDERS),
        format_func=ms.PROVIDERS.__getitem__,
        index=list(ms.PROVIDERS).index(current.provider),
        horizontal=False,
    )
    a, b = st.columns(2)
    model = a.text_input(
        "Model",
        value=current.model,
        placeholder="gpt-4.1, deepseek-chat, …",
        help="Ignored by the offline engine.",
    )
    base_url = b.text_input(
        "Base URL",
        value=current.base_url,
        placeholder="https://api.openai.com/v1",
        help="Any OpenAI-compatible endpoint: OpenAI, DeepSeek, Ollama, vLLM, a gateway.",
    )
    api_key = st.text_input(
        "API key",
        type="password",
        value="",
        placeholder="set for this session"
        if current.api_key
        else "sk-… (empty: use OPENAI_API_KEY)",
        help="Leave empty to keep the current key.",
    )
    c, d = st.columns(2)
    temperature = c.slider("Temperature", 0.0, 1.0, float(current.temperature), 0.05)
    toolset = d.selectbox(
        "Toolset",
        list(ms.TOOLSETS),
        format_func=ms.TOOLSETS.__getitem__,
        index=list(ms.TOOLSETS).index(current.toolset),
        disabled=not (identity and identity.is_staff),
        help="Staff only: customers always get the support toolset.",
    )
    saved = st.form_submit_button("Save", type="primary")

if saved:
    problems = []
    if provider != "offline" and not model.strip():
        problems.append("Name the model to use.")
    if base_url.strip() and not base_url.strip().startswith(("http://", "https://")):
        problems.append("The base URL must start with http:// or https://.")
    if problems:
        for p in problems:
            st.error(p)
    else:
        ms.save(
            provider=provider,
            model=model.strip(),
            base_url=base_url.strip(),
            api_key=SecretStr(api_key.strip()) if api_key.strip() else current.api_key,
            temperature=float(temperature),
            toolset=toolset if identity and identity.is_staff else "support",
        )
        st.success(f"Saved. Answers now come from the {ms.provider_label()}.")
if current.api_key and st.button("Forget the API key"):
    ms.save(api_key=None)
    st.rerun()
