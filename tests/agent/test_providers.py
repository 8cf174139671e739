from __future__ import annotations

import logging

import pytest
from pydantic import SecretStr

from app.agent.openai_chat import OpenAIChatModel
from app.agent.openai_responses import OpenAIResponsesModel
from app.agent.providers import ModelParams, ProviderConfigError, make_model, offline_available
from app.settings import AppSettings

KEY = "sk-test-secret-123456"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STOREDESK_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL", "STOREDESK_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir("/tmp")  # no .env from the developer's checkout


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("STOREDESK_MODEL", "gpt-test")
    monkeypatch.setenv("STOREDESK_PROVIDER", "openai-responses")
    s = AppSettings()
    assert s.provider == "openai-responses" and s.storedesk_model == "gpt-test"
    assert s.openai_api_key is not None and s.openai_api_key.get_secret_value() == KEY


def test_secrets_never_show_in_repr_or_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("STOREDESK_STAFF_PASSWORD", "hunter2")
    s = AppSettings()
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("settings: %s %r", s, s)
    assert KEY not in repr(s) and KEY not in str(s) and KEY not in caplog.text
    assert "hunter2" not in repr(s) and "hunter2" not in caplog.text


def test_unknown_provider_is_refused() -> None:
    with pytest.raises(ValueError):
        AppSettings(storedesk_provider="gemini")  # type: ignore[arg-type]
    with pytest.raises(ProviderConfigError, match="Unknown provider"):
        make_model(ModelParams(provider="gemini"), settings=AppSettings())


def test_openai_is_chosen_when_a_key_is_set() -> None:
    adapter = make_model(AppSettings(openai_api_key=SecretStr(KEY)))
    assert isinstance(adapter, OpenAIChatModel) and adapter.model == "gpt-4o-mini"
    assert KEY not in adapter.label


def test_params_override_settings() -> None:
    adapter = make_model(
        ModelParams(provider="openai-responses", model="m2", base_url="http://127.0.0.1:1/v1"),
        settings=AppSettings(openai_api_key=SecretStr(KEY)),
    )
    assert isinstance(adapter, OpenAIResponsesModel) and adapter.model == "m2"


def test_openai_without_key_or_local_url_is_a_clear_error() -> None:
    with pytest.raises(ProviderConfigError, match="OPENAI_API_KEY"):
        make_model(ModelParams(provider="openai"), settings=AppSettings())


def test_local_server_needs_no_key() -> None:
    adapter = make_model(ModelParams(base_url="http://127.0.0.1:11434/v1"), settings=AppSettings())
    assert isinstance(adapter, OpenAIChatModel)


def test_default_without_key_is_the_offline_engine() -> None:
    if offline_available():
        adapter = make_model(AppSettings())
        assert adapter.provider == "offline" and "offline" in adapter.label
    else:
        with pytest.raises(ProviderConfigError, match="offline engine"):
            make_model(AppSettings())
