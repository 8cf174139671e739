"""``GET /health`` and ``GET /tools``: what a platform needs to register the functions."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from app.api.state import state
from app.api.webhook_tools import offered_tools
from app.tools.schema import render
from app.tools.toolsets import DEFAULT_TOOLSET, TOOLSETS

router = APIRouter(tags=["meta"])


def app_version() -> str:
    try:
        return version("storedesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: Literal["ok", "unreachable"]
    version: str
    toolsets: list[str]


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(request: Request) -> JSONResponse:
    api = state(request)

    def ping() -> bool:
        try:
            with api.uow_factory() as uow:
                uow.session.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    reachable = await run_in_threadpool(ping)
    body = Health(
        status="ok" if reachable else "degraded",
        database="ok" if reachable else "unreachable",
        version=app_version(),
        toolsets=sorted(TOOLSETS),
    )
    return JSONResponse(body.model_dump(), status_code=200 if reachable else 503)


@router.get("/tools", summary="The tools a platform's model may call, in its format")
async def tools(
    request: Request,
    toolset: str = Query(DEFAULT_TOOLSET, json_schema_extra={"enum": sorted(TOOLSETS)}),
    format: Literal["openai", "responses", "anthropic", "turn"] = Query("openai"),
) -> list[dict[str, Any]]:
    settings = state(request).settings
    if toolset not in TOOLSETS:
        raise HTTPException(
            422,
            {
                "error": "invalid_request",
                "detail": f"Unknown toolset; use one of {sorted(TOOLSETS)}.",
            },
        )
    offered = offered_tools(TOOLSETS[toolset], destructive=settings.storedesk_webhook_destructive)
    return render(offered.tools, format)
