"""Which model answers in this browser session: chosen by staff on the Settings page.

Customers never choose: their turns use the operator's default provider, whatever this
session holds (`for_identity`). Staff pick one of the providers the operator configured
(`app.agent.provider_config`), or their own endpoint: a base URL, model and key typed
together, the key used with that URL only. A typed key lives in `st.session_state` only
(never the database, a file or a log) and goes with the session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st
from pydantic import SecretStr

from app.agent.provider_config import (
    ConfiguredProvider,
    configured_providers,
    custom_params,
    default_provider,
)
from app.agent.providers import ModelParams
from app.settings import AppSettings

CUSTOM = "custom"
KINDS: dict[str, str] = {
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
    choice: str = ""  # a configured provider's name, or CUSTOM; "" = the default
    # CUSTOM only: staff's own endpoint and the key that goes with it.
    kind: str = "openai"
    base_url: str = ""
    model: str = ""
    # SecretStr: its repr is "**********", so no print, log or session dump shows it.
    api_key: SecretStr | None = None
    temperature: float = 0.2
    toolset: str = "support"

    @property
    def provider(self) -> str:
        """The adapter kind that will answer (offline, openai, openai-responses)."""
        if self.choice == CUSTOM:
            return self.kind
        return _configured(self.choice).kind


def _configured(name: str) -> ConfiguredProvider:
    providers = configured_providers()
    return providers.get(name) or next(iter(providers.values()))


def get() -> ModelSettings:
    value = st.session_state.get(KEY)
    if not isinstance(value, ModelSettings):
        value = ModelSettings()
        st.session_state[KEY] = value
    return value


def save(**changes: object) -> ModelSettings:
    value = replace(get(), **changes)  # type: ignore[arg-type]
    st.session_state[KEY] = value
    return value


def for_identity(is_staff: bool) -> ModelSettings:
    """The settings a turn runs with: a customer's are always the defaults."""
    return get() if is_staff else ModelSettings()


def params(settings: ModelSettings) -> ModelParams:
    if settings.choice == CUSTOM:
        return custom_params(
            kind=settings.kind,
            base_url=settings.base_url,
            model=settings.model,
            api_key=settings.api_key,
        )
    env = AppSettings()
    chosen = _configured(settings.choice) if settings.choice else default_provider(env)
    return chosen.params(env)


def provider_label(settings: ModelSettings | None = None) -> str:
    s = settings or get()
    if s.choice == CUSTOM:
        return s.model or "model not set"
    chosen = _configured(s.choice)
    return "offline engine" if chosen.kind == "offline" else chosen.model or chosen.name


def model_name(settings: ModelSettings) -> str:
    """The model name stored with a conversation."""
    if settings.choice == CUSTOM:
        return settings.model
    chosen = _configured(settings.choice)
    return "offline" if chosen.kind == "offline" else chosen.model
