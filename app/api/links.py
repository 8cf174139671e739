"""The confirmation page behind a signed link: GET shows it, the form's POST applies."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from app.agent.confirm import cancel_pending, confirm_pending
from app.api import confirm_links
from app.api.confirm_links import SECURITY_HEADERS, LinkError, page
from app.api.state import ApiState, state
from app.tools.context import ToolContext
from services import previews
from services.models import Actor

router = APIRouter(tags=["confirmation links"])

TITLE = "Confirm your request"


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=SECURITY_HEADERS)


def _keys(api: ApiState) -> list[bytes]:
    return confirm_links.link_keys(api.settings.turn_secrets + api.settings.webhook_secrets)


def _show(api: ApiState, token: str) -> HTMLResponse:
    try:
        confirmation_id, customer_id = confirm_links.verify_link(token, keys=_keys(api))
    except LinkError as exc:
        return _html(page(TITLE, [str(exc)]), 404)
    info = previews.describe(
        api.uow_factory, confirmation_id=confirmation_id, customer_id=customer_id
    )
    if info is None:
        return _html(page(TITLE, ["This request no longer exists."]), 404)
    if info.status == "completed":
        return _html(page(TITLE, ["This change was already confirmed."], summary=info.summary))
    if info.status == "expired":
        return _html(page(TITLE, ["This request was cancelled or has expired."]))
    return _html(
        page(
            TITLE,
            ["Nothing has changed yet. Press Confirm to apply this change, or Cancel."],
            summary=info.summary,
            form_action=f"/confirm/{token}",
        )
    )


def _decide(api: ApiState, token: str, decision: str) -> HTMLResponse:
    try:
        confirmation_id, customer_id = confirm_links.verify_link(token, keys=_keys(api))
    except LinkError as exc:
        return _html(page(TITLE, [str(exc)]), 404)
    info = previews.describe(
        api.uow_factory, confirmation_id=confirmation_id, customer_id=customer_id
    )
    if info is None:
        return _html(page(TITLE, ["This request no longer exists."]), 404)
    if decision not in ("confirm", "cancel"):
        return _html(page(TITLE, ["Press Confirm or Cancel."]), 422)
    if info.status == "completed":
        # Used twice: the change was applied once; say so and change nothing.
        return _html(page(TITLE, ["This change was already confirmed."], summary=info.summary))
    ctx = ToolContext(uow_factory=api.uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id)
    if decision == "cancel":
        outcome = cancel_pending(ctx, confirmation_id=confirmation_id)
    else:
        outcome = confirm_pending(ctx, confirmation_id=confirmation_id)
    return _html(page(TITLE, [outcome.message], summary=info.summary), 200 if outcome.ok else 409)


@router.get("/confirm/{token}", response_class=HTMLResponse, summary="Confirmation page")
async def show_confirmation(token: str, request: Request) -> HTMLResponse:
    return await run_in_threadpool(_show, state(request), token)


@router.post(
    "/confirm/{token}",
    response_class=HTMLResponse,
    summary="Confirm or cancel (form field decision=confirm|cancel)",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "decision": {"type": "string", "enum": ["confirm", "cancel"]}
                        },
                        "required": ["decision"],
                    }
                }
            }
        }
    },
)
async def decide_confirmation(token: str, request: Request) -> HTMLResponse:
    body = (await request.body()).decode("utf-8", errors="replace")
    decision = (parse_qs(body).get("decision") or [""])[0]
    return await run_in_threadpool(_decide, state(request), token, decision)
