"""Choose and build the model adapter: offline (default without a key), openai,
openai-responses. The only place that knows every adapter's constructor."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from pydantic import SecretStr

from app.agent.model import ModelAdapter
from app.settings import PROVIDERS, AppSettings, app_settings


class ProviderConfigError(ValueError):
    """A provider choice that cannot work (unknown name, missing key); message is safe."""


@dataclass(frozen=True)
class ModelParams:
    """Overrides of the settings (CLI flags, the UI's settings page)."""

    provider: str | None = None
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    stateless: bool | None = None


def offline_available() -> bool:
    try:
        importlib.import_module("app.agent.offline")
    except ImportError:
        return False
    return True


def _offline() -> ModelAdapter:
    # Imported lazily: the engine is large and only needed when chosen.
    module = importlib.import_module("app.agent.offline")
    factory = getattr(module, "make_offline_model", None) or module.OfflineModel
    adapter: ModelAdapter = factory()
    return adapter


def make_model(
    settings_or_params: AppSettings | ModelParams | None = None,
    *,
    settings: AppSettings | None = None,
) -> ModelAdapter:
    """The adapter for these settings, with ``ModelParams`` overriding them field by field."""
    if isinstance(settings_or_params, AppSettings):
        settings, params = settings_or_params, ModelParams()
    else:
        params = settings_or_params or ModelParams()
    settings = settings or app_settings()
    base_url = params.base_url or settings.openai_base_url
    # The operator's key goes only to the operator's URL: a base URL chosen by a caller
    # (a flag, a settings page) is sent the key given with it, or none at all.
    operator_url = not params.base_url or params.base_url == settings.openai_base_url
    api_key = params.api_key or (settings.openai_api_key if operator_url else None)
    has_key = bool(api_key and api_key.get_secret_value().strip())
    provider = params.provider or settings.storedesk_provider
    if provider is None:
        provider = "openai" if has_key or params.base_url else "offline"
    if provider not in PROVIDERS:
        raise ProviderConfigError(
            f"Unknown provider {provider!r}; choose one of: {', '.join(PROVIDERS)}."
        )
    if provider == "offline":
        if not offline_available():
            raise ProviderConfigError(
                "The offline engine is not installed in this build; set OPENAI_API_KEY "
                "and choose the openai provider."
            )
        return _offline()
    if not has_key and not base_url:
        raise ProviderConfigError(
            f"The {provider} provider needs OPENAI_API_KEY (or a local OPENAI_BASE_URL)."
        )
    model = params.model or settings.storedesk_model
    timeout_s = settings.storedesk_request_timeout_s
    retries = settings.storedesk_max_retries
    if provider == "openai":
        from app.agent.openai_chat import OpenAIChatModel

        return OpenAIChatModel(
            model=model,
            api_key=api_key,
            base_url=base_url,
            timeout_s=timeout_s,
            max_retries=retries,
        )
    from app.agent.openai_responses import OpenAIResponsesModel

    stateless = (
        settings.storedesk_responses_stateless if params.stateless is None else params.stateless
    )
    return OpenAIResponsesModel(
        model=model,
        api_key=api_key,
        base_url=base_url,
        timeout_s=timeout_s,
        max_retries=retries,
        stateless=stateless,
    )
