"""What both OpenAI adapters share: the client, and SDK / transport errors -> ModelFault.

The openai 3.x SDK runs on httpx2. It retries 408/409/429/5xx and connection errors
itself (``max_retries``, honouring ``retry-after``), so a fault that reaches us has
already been retried; we only translate it into a message the user can read.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx2
import openai
from pydantic import SecretStr

from app.agent.model import (
    BadModelOutput,
    ModelFault,
    ProviderAuthError,
    ProviderTimeout,
    ProviderUnavailable,
    RateLimited,
    StreamBroken,
    StreamOptions,
)

log = logging.getLogger(__name__)

# The SDK refuses to start without a key, but local servers (Ollama, vLLM) need none.
NO_KEY_PLACEHOLDER = "no-key-needed"


class ProviderRejected(ModelFault):
    code = "provider_rejected"
    default_message = (
        "The assistant's service rejected the request. Check the model name and settings."
    )


def make_client(
    *,
    api_key: str | SecretStr | None,
    base_url: str | None,
    timeout_s: float,
    max_retries: int,
) -> openai.OpenAI:
    key = api_key.get_secret_value() if isinstance(api_key, SecretStr) else api_key
    return openai.OpenAI(
        api_key=key or NO_KEY_PLACEHOLDER,
        base_url=base_url or None,
        timeout=httpx2.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
        max_retries=max_retries,
    )


class OpenAIAdapter:
    """What both adapters hold: the model name, the base URL and one SDK client."""

    provider = "openai"

    def __init__(
        self,
        *,
        model: str,
        api_key: str | SecretStr | None = None,
        base_url: str | None = None,
        timeout_s: float = 60.0,
        max_retries: int = 2,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.label = f"{self.provider}: {model}"
        self._client = make_client(
            api_key=api_key, base_url=base_url, timeout_s=timeout_s, max_retries=max_retries
        )


def add_options(
    body: dict[str, Any], tools: list[dict[str, Any]], opts: StreamOptions
) -> dict[str, Any]:
    """The request fields both APIs spell alike: tools (already in the API's shape),
    parallel tool calls, temperature. Output-token caps are named differently."""
    if tools:
        body["tools"] = tools
        if not opts.parallel_tool_calls:
            body["parallel_tool_calls"] = False
    if opts.temperature is not None:
        body["temperature"] = opts.temperature
    return body


def _retry_after(exc: openai.APIStatusError) -> float | None:
    value = exc.response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def translate(exc: BaseException, *, started_streaming: bool) -> ModelFault:
    """Map any failure of a provider call to a ModelFault; log the details, not show them."""
    if isinstance(exc, ModelFault):
        return exc
    # Status and class only: bodies may echo the request (customer data) back.
    log.warning("provider call failed: %s %s", type(exc).__name__, getattr(exc, "status_code", ""))
    if isinstance(exc, openai.APITimeoutError | httpx2.TimeoutException):
        return ProviderTimeout()
    if isinstance(exc, openai.RateLimitError):
        return RateLimited(retry_after=_retry_after(exc))
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return ProviderAuthError()
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code >= 500:
            return ProviderUnavailable()
        return ProviderRejected()
    if isinstance(exc, openai.APIConnectionError | httpx2.HTTPError):
        if started_streaming:
            return StreamBroken()
        return ProviderUnavailable(
            "The assistant's service could not be reached. Please try again in a moment."
        )
    return BadModelOutput()


def chat_tools(tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tools as Chat Completions wants them (already that shape; copied defensively)."""
    return [dict(t) for t in tools]
