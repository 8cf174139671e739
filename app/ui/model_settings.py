"""The model this browser session chats with, chosen on the Settings page.

Kept in `st.session_state` only: the API key typed here is never written to the
database, a file or a log, and disappears with the session. Defaults come from the
environment (STOREDESK_PROVIDER, OPENAI_BASE_URL, STOREDESK_MODEL, OPENAI_API_KEY).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Literal

import streamlit as st

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
    api_key: str = ""
    temperature: float = 0.2
    toolset: str = "support"

    def __repr__(self) -> str:  # keep the key out of any accidental print or log
        return (
            f"ModelSettings(provider={self.provider!r}, base_url={self.base_url!r}, "
            f"model={self.model!r}, api_key={'***' if self.api_key else ''!r}, "
            f"temperature={self.temperature}, toolset={self.toolset!r})"
        )


def _from_env() -> ModelSettings:
    provider = os.environ.get("STOREDESK_PROVIDER", "").strip() or "offline"
    if provider not in PROVIDERS:
        provider = "offline"
    return ModelSettings(
        provider=provider,
        base_url=os.environ.get("OPENAI_BASE_URL", ""),
        model=os.environ.get("STOREDESK_MODEL", "") or ("" if provider == "offline" else "gpt-4.1"),
        api_key="",  # the environment's key is used by the adapter, never copied here
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
