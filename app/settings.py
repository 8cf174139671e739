"""Application settings, environment first (pydantic-settings; `.env` read when present).

Secrets are `SecretStr`: their repr and str show ``**********``, so logging the settings
object, a traceback's locals or a rich print never leaks them. Call
``get_secret_value()`` only where the value is handed to the client that needs it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

Provider = Literal["offline", "openai", "openai-responses"]
PROVIDERS: tuple[str, ...] = ("offline", "openai", "openai-responses")
DEFAULT_MODEL = "gpt-4o-mini"


class AppSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Unset means "choose for me": openai when a key is present, the offline engine else.
    storedesk_provider: Provider | None = Field(
        default=None, description="offline | openai | openai-responses"
    )
    openai_api_key: SecretStr | None = Field(default=None, description="API key for openai*")
    openai_base_url: str | None = Field(
        default=None, description="Any OpenAI-compatible endpoint (Ollama, vLLM, gateways)."
    )
    storedesk_model: str = Field(default=DEFAULT_MODEL, description="Model name to request.")
    storedesk_staff_password: SecretStr | None = Field(
        default=None,
        description="Password of the UI's staff mode; unset leaves staff pages open (local use).",
    )
    # Customer identity (app/identity.py): comma-separated HMAC secrets shared with the
    # store's site; the first signs, every one verifies (rotation). Setting one turns
    # demo sign-in off.
    storedesk_identity_secrets: SecretStr | None = Field(
        default=None, description="Secrets that verify customer tokens (first one signs)."
    )
    # Signs staff session cookies (a refresh keeps staff signed in). Unset: a random
    # secret per server process, so a restart signs staff out.
    storedesk_session_secret: SecretStr | None = Field(default=None)
    # Demo sign-in (pick a customer, email, name + zip). Unset: on without an identity
    # secret, off with one; false turns it off even without a secret.
    storedesk_demo_mode: bool | None = Field(default=None)
    # Responses API: chain with previous_response_id (server keeps state) or send the
    # full input each time (for servers that store nothing).
    storedesk_responses_stateless: bool = False
    # While a hand-off waits for a person, may the assistant keep answering? Off: the
    # customer's messages wait for the person (who then reads them all).
    storedesk_assistant_while_waiting: bool = False

    # Limits of the model client.
    storedesk_request_timeout_s: float = Field(default=60.0, gt=0, le=600)
    storedesk_max_retries: int = Field(default=2, ge=0, le=10)
    storedesk_max_output_tokens: int = Field(default=1024, ge=16, le=32_000)
    storedesk_tool_timeout_s: float = Field(default=10.0, gt=0, le=120)
    # Wall clock of one whole turn, streaming and tools included (app/limits.py).
    storedesk_turn_deadline_s: float = Field(default=120.0, gt=0, le=3_600)

    @property
    def provider(self) -> Provider:
        if self.storedesk_provider:
            return self.storedesk_provider
        return "openai" if self.has_api_key else "offline"

    @property
    def identity_secrets(self) -> list[str]:
        from app.identity import configured_secrets

        raw = self.storedesk_identity_secrets
        return configured_secrets(raw.get_secret_value() if raw else None)

    @property
    def demo_mode(self) -> bool:
        if self.identity_secrets:
            return False
        return True if self.storedesk_demo_mode is None else self.storedesk_demo_mode

    @property
    def has_api_key(self) -> bool:
        return bool(self.openai_api_key and self.openai_api_key.get_secret_value().strip())


@lru_cache(maxsize=1)
def app_settings() -> AppSettings:
    return AppSettings()
