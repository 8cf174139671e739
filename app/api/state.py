"""What every route needs, built once per worker by `create_app` (no globals in routes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from app.agent.model import ModelAdapter
from app.api.settings import ApiSettings
from services.uow import UowFactory


@dataclass
class ApiState:
    settings: ApiSettings
    uow_factory: UowFactory
    # A fresh adapter per turn: one adapter may not serve two turns at once.
    model_factory: Callable[[], ModelAdapter]
    identity_secrets: list[str]
    limiter: Any  # app.api.ratelimit.RateLimiter


def state(request: Request) -> ApiState:
    value: ApiState = request.app.state.api
    return value


def inline_schema(model: Any) -> dict[str, Any]:
    """A pydantic model's JSON schema with its ``$defs`` inlined, for ``openapi_extra``
    (routes that must read the raw body before parsing still document it)."""
    raw: dict[str, Any] = model.model_json_schema()
    defs = raw.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(defs[node["$ref"].rsplit("/", 1)[-1]])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    result: dict[str, Any] = walk(raw)
    return result


def json_body(model: Any) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": inline_schema(model)}},
        }
    }
