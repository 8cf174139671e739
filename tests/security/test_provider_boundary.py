"""Customers reach no provider setting; no URL the operator did not configure ever
receives the operator's key; a typed key goes only with the URL typed beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from app.agent.model import ChatMessage, ModelFault
from app.agent.provider_config import ProvidersFileError, configured_providers
from app.agent.providers import ModelParams, make_model
from app.settings import AppSettings
from app.ui.model_settings import CUSTOM, ModelSettings
from tests.security.servers import Recorder
from tests.ui.conftest import SARAH, STAFF, app, open_page

OPERATOR_KEY = "sk-operator-secret-0123456789"


@pytest.fixture
def operator_env(ui_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OPENAI_API_KEY", OPERATOR_KEY)
    monkeypatch.setenv("STOREDESK_PROVIDER", "offline")  # the customers' default
    return ui_db


def _keys_seen(recorder: Recorder) -> str:
    return " ".join(str(r["headers"]) for r in recorder.seen)


def test_a_customer_session_has_no_provider_controls(operator_env: str) -> None:
    at = app(identity=SARAH)
    at.run()
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/settings.py")
    labels = " ".join(w.label for w in [*at.text_input, *at.selectbox, *at.radio, *at.slider])
    for word in ("Base URL", "API key", "Model", "Provider", "Toolset", "Temperature"):
        assert word not in labels


def test_settings_planted_in_a_customer_session_are_ignored(operator_env: str) -> None:
    with Recorder().running() as recorder:
        planted = ModelSettings(
            choice=CUSTOM, kind="openai", base_url=recorder.base_url, model="gpt-4o",
            api_key=SecretStr("sk-planted"),
        )  # fmt: skip
        at = app(identity=SARAH, model_settings=planted)
        at.run()
        at.chat_input[0].set_value("Where is ORD-78342?").run()
        assert not at.exception
    assert recorder.seen == []  # the customer's turn went to the operator's default


def test_a_staff_url_gets_no_operator_key(operator_env: str) -> None:
    with Recorder().running() as recorder:
        at = open_page("settings", identity=STAFF)
        at.radio[0].set_value(CUSTOM)
        by_label = {t.label: t for t in at.text_input}
        by_label["Model"].input("gpt-4o")
        by_label["Base URL"].input(recorder.base_url)
        next(b for b in at.button if b.label == "Save").click().run()
        at.switch_page("pages/chat.py")
        at.run()
        at.chat_input[0].set_value("hello").run()
    assert recorder.seen, "the staff member's own endpoint was called"
    assert OPERATOR_KEY not in _keys_seen(recorder)


def test_a_typed_key_goes_only_with_its_url(operator_env: str) -> None:
    with Recorder().running() as first, Recorder().running() as second:
        typed = ModelSettings(
            choice=CUSTOM, base_url=first.base_url, model="m",
            api_key=SecretStr("sk-typed-for-first"),
        )  # fmt: skip
        at = app(identity=STAFF, model_settings=typed)
        at.run()
        at.switch_page("pages/settings.py")
        at.run()
        # Another URL without a new key: the first URL's key must not follow it there.
        by_label = {t.label: t for t in at.text_input}
        by_label["Base URL"].input(second.base_url)
        next(b for b in at.button if b.label == "Save").click().run()
        saved = at.session_state["model_settings"]
        assert saved.base_url == second.base_url and saved.api_key is None
        at.switch_page("pages/chat.py")
        at.run()
        at.chat_input[0].set_value("hello").run()
    assert second.seen and first.seen == []
    assert "sk-typed-for-first" not in _keys_seen(second)
    assert OPERATOR_KEY not in _keys_seen(second)


def test_make_model_never_pairs_the_operator_key_with_another_url() -> None:
    settings = AppSettings(openai_api_key=SecretStr(OPERATOR_KEY), storedesk_provider="openai")
    with Recorder().running() as recorder:
        model = make_model(ModelParams(base_url=recorder.base_url, model="m"), settings=settings)
        with pytest.raises(ModelFault):
            list(model.stream([ChatMessage(role="user", content="hi")], []))
    assert recorder.seen and OPERATOR_KEY not in _keys_seen(recorder)


def test_providers_file_switches_only_among_configured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "providers.toml"
    path.write_text(
        'default = "local"\n'
        '[providers.local]\nkind = "openai"\nmodel = "llama"\n'
        'base_url = "http://127.0.0.1:11434/v1"\n'
        '[providers.deepseek]\nkind = "openai"\nmodel = "deepseek-chat"\n'
        'base_url = "https://api.deepseek.com/v1"\napi_key_env = "DEEPSEEK_KEY"\n'
    )
    monkeypatch.setenv("STOREDESK_PROVIDERS", str(path))
    monkeypatch.setenv("DEEPSEEK_KEY", "sk-deepseek")
    monkeypatch.setenv("OPENAI_API_KEY", OPERATOR_KEY)
    settings = AppSettings(_env_file=None)  # type: ignore[call-arg]
    providers = configured_providers(settings)
    assert next(iter(providers)) == "local"  # the customers' default
    local = providers["local"].params(settings)
    assert local.api_key is None  # its own URL: not sent OPENAI_API_KEY
    deepseek = providers["deepseek"].params(settings)
    assert deepseek.api_key is not None and deepseek.api_key.get_secret_value() == "sk-deepseek"
    path.write_text('[providers.bad]\nkind = "openai"\napi_key = "sk-inline"\n')
    with pytest.raises(ProvidersFileError, match="api_key_env"):
        configured_providers(settings)
