"""The model this browser session chats with, chosen on the Settings page.

Kept in `st.session_state` only: the API key typed here is never written to the
database, a file or a log, and disappears with the session. Defaults come from the
environment (STOREDESK_PROVIDER, OPENAI_BASE_URL, STOREDESK_MODEL, OPENAI_API_KEY).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import streamlit as st
from pydantic import SecretStr

from app.settings import AppSettings

Provider = Literal["offline", "openai", "openai-responses"]
PROVIDERS: dict[str, str] = {
    "offline": "Offline engine (no API key, rule-based)",
    "openai": "OpenAI-compatible Chat Completions",
    "openai-responses": "OpenAI Responses API",
}
TOOLSETS: dict[str, str] = {
    "support": "Support (store tools, previews before changes)",
    "tau-retail": "tau-bench retail (the benchmark's 16 tools)",
}
KEY = "model_settings"


@dataclass(frozen=True)
class ModelSettings:
    provider: str = "offline"
    base_url: str = ""
    model: str = ""
    # SecretStr: its repr is "**********", so no print, log or session dump shows it.
    api_key: SecretStr | None = None
    temperature: float = 0.2
    toolset: str = "support"


def _from_env() -> ModelSettings:
    # Read fresh (not the lru-cached app_settings) so a restarted app sees new env values.
    env = AppSettings()
    return ModelSettings(
        provider=env.provider,
        base_url=env.openai_base_url or "",
        model="" if env.provider == "offline" else env.storedesk_model,
        api_key=None,  # the environment's key is used by the adapter, never copied here
        toolset="support",
    )


def get() -> ModelSettings:
    value = st.session_state.get(KEY)
    if not isinstance(value, ModelSettings):
        value = _from_env()
        st.session_state[KEY] = value
    return value


def save(**changes: object) -> ModelSettings:
    value = replace(get(), **changes)  # type: ignore[arg-type]
    st.session_state[KEY] = value
    return value


def provider_label(settings: ModelSettings | None = None) -> str:
    s = settings or get()
    if s.provider == "offline":
        return "offline engine"
    return s.model or "model not set"
