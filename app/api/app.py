"""The FastAPI application: tool webhooks, confirmation links, health and tools, and the
conversation API. `create_app` builds one per worker; everything shared between workers
lives in the database (and Redis, for rate limits, when REDIS_URL is set)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI

from app.agent.model import ModelAdapter
from app.api import conversations, links, meta, webhooks
from app.api.bounds import BodySizeLimit
from app.api.meta import app_version
from app.api.models import make_model_factory
from app.api.ratelimit import RateLimiter, make_limiter
from app.api.settings import ApiSettings, api_settings
from app.api.state import ApiState
from app.settings import AppSettings
from services.uow import UowFactory

DESCRIPTION = """\
Storedesk's HTTP API.

* **Tool webhooks**: an outside AI platform calls the store's tools (`/webhook/ai`,
  `/turn/function-calling`), signed, with the customer taken from the platform's context.
* **Conversation API** (`/v1/conversations`): a website or channel talks to the desk's
  assistant; answers stream as server-sent events.
"""


def create_app(
    *,
    settings: ApiSettings | None = None,
    uow_factory: UowFactory | None = None,
    model_factory: Callable[[], ModelAdapter] | None = None,
    limiter: RateLimiter | None = None,
    identity_secrets: list[str] | None = None,
) -> FastAPI:
    """One app; the keyword arguments replace what settings would choose (tests)."""
    settings = settings or api_settings()
    app = FastAPI(title="Storedesk API", version=app_version(), description=DESCRIPTION)
    app.state.api = ApiState(
        settings=settings,
        uow_factory=uow_factory or UowFactory.for_url(),
        model_factory=model_factory or make_model_factory(settings),
        identity_secrets=(
            AppSettings().identity_secrets if identity_secrets is None else identity_secrets
        ),
        limiter=limiter or make_limiter(settings.redis_url),
    )
    app.include_router(meta.router)
    app.include_router(webhooks.router)
    app.include_router(links.router)
    app.include_router(conversations.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.storedesk_api_max_body_bytes)
    return app
