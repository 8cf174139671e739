"""Settings of the HTTP API (environment first, like `app.settings`).

Secrets are `SecretStr` and comma-separated, so several can be active at once while an
operator rotates them (add the new one, move the platform over, drop the old one). They
are never logged: their repr is ``**********``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

WebhookAuth = Literal["standard-webhooks", "bearer"]
ApiProvider = Literal["offline", "openai", "openai-responses", "scripted"]


def split_secrets(raw: SecretStr | None) -> list[str]:
    if raw is None:
        return []
    return [part.strip() for part in raw.get_secret_value().split(",") if part.strip()]


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    storedesk_turn_secrets: SecretStr | None = Field(
        default=None, description="Turn.io hook secrets (comma-separated; any one verifies)."
    )
    storedesk_webhook_secrets: SecretStr | None = Field(
        default=None,
        description="Secrets of POST /webhook/ai: Standard Webhooks (whsec_...) or bearer "
        "tokens, comma-separated.",
    )
    # How POST /webhook/ai is authenticated: an HMAC of the body (Standard Webhooks
    # headers, with replay protection) or a bearer token.
    storedesk_webhook_auth: WebhookAuth = "standard-webhooks"
    storedesk_webhook_toolset: str = "support"
    # Off: destructive tools are not offered on tool webhooks at all (the platform's model
    # is not ours). On: they only preview, and a signed link served here applies them.
    storedesk_webhook_destructive: bool = False
    # Every webhook answer must be well inside the platforms' 10 s budget.
    storedesk_webhook_tool_timeout_s: float = Field(default=7.0, gt=0, le=9)
    storedesk_public_url: str | None = Field(
        default=None, description="Base URL of confirmation links (default: the request's)."
    )
    storedesk_confirm_link_ttl_s: int = Field(default=1800, ge=60, le=86_400)

    # Conversation API.
    storedesk_api_provider: ApiProvider | None = Field(
        default=None, description="Model of the conversation API (default: offline engine)."
    )
    storedesk_api_toolset: str = "support"
    storedesk_api_script: str | None = Field(
        default=None, description="JSON file of the scripted model (tests, demos)."
    )
    storedesk_rate_limit_customer: int = Field(default=30, ge=1, description="per window")
    storedesk_rate_limit_address: int = Field(default=120, ge=1, description="per window")
    storedesk_rate_limit_window_s: int = Field(default=60, ge=1, le=86_400)
    redis_url: str | None = None

    # Bounds.
    storedesk_api_max_body_bytes: int = Field(default=64 * 1024, ge=1024, le=10 * 1024 * 1024)

    @property
    def turn_secrets(self) -> list[str]:
        return split_secrets(self.storedesk_turn_secrets)

    @property
    def webhook_secrets(self) -> list[str]:
        return split_secrets(self.storedesk_webhook_secrets)


@lru_cache(maxsize=1)
def api_settings() -> ApiSettings:
    return ApiSettings()
