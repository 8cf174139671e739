"""Fixtures of the HTTP API tests: the demo store, the app with test secrets, and a real
uvicorn server with an httpx client (on SQLite and PostgreSQL, like every data test)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from standardwebhooks.webhooks import Webhook

from app.api import create_app
from app.api.ratelimit import MemoryLimiter
from app.api.settings import ApiSettings
from seed_data.demo import load_demo
from services.uow import UowFactory
from tests.api.server import running

TURN_SECRETS = ("turn-secret-new", "turn-secret-old")  # rotation: both verify
# Standard Webhooks secrets are base64 after "whsec_".
SW_NEW = "whsec_" + base64.b64encode(b"storedesk-test-secret-new-000001").decode()
SW_OLD = "whsec_" + base64.b64encode(b"storedesk-test-secret-old-000002").decode()
IDENTITY_SECRET = "identity-test-secret"

SARAH = "CUST-9821"  # +1 317-555-0142
SARAH_WA = "13175550142"
MICHAEL = "CUST-4410"  # +1 206-555-0199
MICHAEL_ORDER = "ORD-55102"
SARAH_ORDER = "ORD-78342"
SARAH_PENDING = "ORD-92010"


def api_settings(**overrides: Any) -> ApiSettings:
    values: dict[str, Any] = {
        "storedesk_turn_secrets": SecretStr(",".join(TURN_SECRETS)),
        "storedesk_webhook_secrets": SecretStr(f"{SW_NEW},{SW_OLD}"),
        "storedesk_api_provider": "offline",
        "redis_url": None,
    }
    values.update(overrides)
    return ApiSettings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def demo(uow_factory: UowFactory) -> UowFactory:
    load_demo(uow_factory)
    return uow_factory


@pytest.fixture
def serve(demo: UowFactory) -> Iterator[Callable[..., httpx.Client]]:
    """``serve(**settings)`` starts the API with these settings; returns an httpx client."""
    stack: list[Any] = []

    def start(*, model_factory: Any = None, limiter: Any = None, **overrides: Any) -> httpx.Client:
        app = create_app(
            settings=api_settings(**overrides),
            uow_factory=demo,
            model_factory=model_factory,
            limiter=limiter or MemoryLimiter(),
            identity_secrets=[IDENTITY_SECRET],
        )
        ctx = running(app)
        base = ctx.__enter__()
        stack.append(ctx)
        client = httpx.Client(base_url=base, timeout=20)
        stack.append(client)
        return client

    yield start
    for item in reversed(stack):
        if isinstance(item, httpx.Client):
            item.close()
        else:
            item.__exit__(None, None, None)


@pytest.fixture
def client(serve: Callable[..., httpx.Client]) -> httpx.Client:
    return serve()


def turn_sign(body: bytes, secret: str = TURN_SECRETS[0]) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def turn_body(
    name: str,
    args: dict[str, Any] | None = None,
    *,
    call_id: str | None = None,
    wa_id: str | None = SARAH_WA,
) -> bytes:
    data: dict[str, Any] = {
        "function_name": name,
        "function_args": args or {},
        "tool_call_id": call_id or f"call_{time.monotonic_ns()}",
        "context": {"contact": {"whatsapp_id": wa_id}} if wa_id else {},
    }
    return json.dumps(data).encode()


def post_turn(client: httpx.Client, body: bytes, signature: str | None = "sign") -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        signature = turn_sign(body)
    if signature is not None:
        headers["X-Turn-Hook-Signature"] = signature
    return client.post("/turn/function-calling", content=body, headers=headers)


def sw_headers(
    body: bytes, *, secret: str = SW_NEW, msg_id: str | None = None, ts: float | None = None
) -> dict[str, str]:
    """Signed by the Standard Webhooks reference package, not by our own code."""
    from datetime import UTC, datetime

    msg_id = msg_id or f"msg_{time.monotonic_ns()}"
    when = datetime.fromtimestamp(time.time() if ts is None else ts, tz=UTC)
    signature = Webhook(secret).sign(msg_id, when, body.decode())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": signature,
        "Content-Type": "application/json",
    }


def ai_body(name: str, args: dict[str, Any] | None = None, *, wa_id: str | None = SARAH_WA,
            call_id: str | None = None) -> bytes:  # fmt: skip
    data: dict[str, Any] = {"function_call": {"name": name, "arguments": args or {}}}
    if call_id:
        data["function_call"]["call_id"] = call_id
    if wa_id:
        data["context"] = {"wa_id": wa_id}
    return json.dumps(data).encode()
