"""Tool webhooks: ``POST /webhook/ai`` (the seeds' format) and ``POST
/turn/function-calling`` (Turn.io). Signature first, on the raw bytes; then parse; then
the same dispatcher as the chat, once per platform call id."""

from __future__ import annotations

import json
import time
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from app.api import confirm_links
from app.api.contact import customer_from_context
from app.api.deliveries import Answer, answer_once
from app.api.signatures import TURN_HEADER, verify_bearer, verify_standard, verify_turn
from app.api.state import ApiState, json_body, state
from app.api.webhook_tools import NOT_SUPPORTED, WebhookCall, run_webhook_tool

router = APIRouter(tags=["tool webhooks"])

MAX_NAME = 64
MAX_ID = 200


class FunctionCall(BaseModel):
    name: str = Field(max_length=MAX_NAME, description="The tool to run.")
    arguments: dict[str, Any] | str | None = Field(
        default=None, description="The tool's arguments: an object or its JSON text."
    )
    call_id: str | None = Field(
        default=None, max_length=MAX_ID, description="The platform's id; a repeat runs once."
    )


class AiCall(BaseModel):
    function_call: FunctionCall
    context: dict[str, Any] | None = Field(
        default=None,
        description="Who the call is for: `customer_token` (signed identity) or the "
        "contact's phone (`contact.whatsapp_id`, `wa_id`). Never taken from arguments.",
    )


class AiAnswer(BaseModel):
    success: bool
    function: str
    result: Any
    execution_time_ms: int


class TurnCall(BaseModel):
    model_config = ConfigDict(extra="allow")  # Turn.io sends more than we read

    function_name: str = Field(max_length=MAX_NAME)
    function_args: dict[str, Any] | str | None = None
    tool_call_id: str | None = Field(default=None, max_length=MAX_ID)
    context: dict[str, Any] | None = None
    wa_id: str | None = Field(default=None, max_length=40)


class TurnAnswer(BaseModel):
    output: str


def _json(status: int, data: Any, *, replayed: bool = False) -> Response:
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return Response(
        content=json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data,
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def _unauthorized() -> Response:
    return _json(
        401,
        {"error": "unauthorized", "detail": "Missing or invalid signature.", "hint": ""},
    )


def _invalid_body(exc: ValidationError | ValueError) -> Response:
    detail = "The body is not valid JSON for this endpoint."
    if isinstance(exc, ValidationError):
        where = [".".join(str(p) for p in e["loc"]) or "(body)" for e in exc.errors()[:5]]
        detail = f"Invalid fields: {', '.join(where)}."
    return _json(422, {"error": "invalid_request", "detail": detail, "hint": ""})


def _link(api: ApiState, request: Request, call: WebhookCall, customer_id: str) -> str:
    assert call.confirmation is not None
    keys = confirm_links.link_keys(api.settings.turn_secrets + api.settings.webhook_secrets)
    token = confirm_links.sign_link(
        call.confirmation.confirmation_id,
        customer_id,
        key=keys[0],
        expires_at=int(time.time()) + api.settings.storedesk_confirm_link_ttl_s,
    )
    base = api.settings.storedesk_public_url or str(request.base_url)
    return f"{base.rstrip('/')}/confirm/{token}"


def _confirmation_text(call: WebhookCall, url: str) -> str:
    assert call.confirmation is not None
    return (
        f"Nothing has changed yet. {call.confirmation.summary} "
        f"To apply it, the customer must open this link and press Confirm: {url} "
        "(it expires; you cannot confirm it yourself)."
    )


_AI_STATUS = {"unknown": 404, "customer_required": 403}
_AI_ERROR_STATUS = {"invalid_arguments": 422, "timeout": 504}


@router.post(
    "/webhook/ai",
    summary="Run one tool for an AI platform (seed format)",
    description="Authenticated by Standard Webhooks headers (`webhook-id`, "
    "`webhook-timestamp`, `webhook-signature`) or `Authorization: Bearer`, as the operator "
    "chooses (STOREDESK_WEBHOOK_AUTH). A repeated `webhook-id` or `call_id` runs once.",
    response_model=AiAnswer,
    responses={401: {}, 403: {}, 404: {}, 413: {}, 422: {}, 504: {}},
    openapi_extra=json_body(AiCall),
)
async def webhook_ai(request: Request) -> Response:
    api = state(request)
    body = await request.body()
    key: str | None = None
    if api.settings.storedesk_webhook_auth == "bearer":
        if not verify_bearer(request.headers.get("authorization"), api.settings.webhook_secrets):
            return _unauthorized()
    else:
        msg_id = verify_standard(body, request.headers, api.settings.webhook_secrets)
        if msg_id is None:
            return _unauthorized()
        key = f"sw:{msg_id}"
    try:
        call = AiCall.model_validate_json(body)
    except ValidationError as exc:
        return _invalid_body(exc)
    if key is None and call.function_call.call_id:
        key = f"ai:{call.function_call.call_id}"

    def compute() -> Answer:
        started = time.perf_counter()
        customer_id = customer_from_context(
            api.uow_factory, call.context, identity_secrets=api.identity_secrets
        )
        done = run_webhook_tool(
            api.uow_factory,
            api.settings,
            name=call.function_call.name,
            arguments=call.function_call.arguments,
            customer_id=customer_id,
            call_id=call.function_call.call_id,
        )
        result = done.result_data()
        if done.kind == "confirmation" and customer_id is not None:
            url = _link(api, request, done, customer_id)
            result = {
                **result,
                "confirmation_url": url,
                "instructions": _confirmation_text(done, url),
            }
        status = _AI_STATUS.get(done.kind) or _AI_ERROR_STATUS.get(done.error_code or "", 200)
        answer = {
            "success": done.kind in ("ok", "confirmation"),
            "function": done.name,
            "result": result,
            "execution_time_ms": int((time.perf_counter() - started) * 1000),
        }
        return Answer(status, json.dumps(answer, ensure_ascii=False))

    answer = await run_in_threadpool(
        answer_once,
        api.uow_factory,
        key,
        compute,
        wait_s=api.settings.storedesk_webhook_tool_timeout_s,
        busy=Answer(409, json.dumps({"error": "in_progress", "detail": "Retry shortly."})),
    )
    return _json(answer.status_code, answer.body, replayed=answer.replayed)


def _turn_output(
    api: ApiState, request: Request, call: WebhookCall, customer_id: str | None
) -> str:
    if call.kind == "unknown":
        return NOT_SUPPORTED
    if call.kind == "confirmation" and customer_id is not None:
        return _confirmation_text(call, _link(api, request, call, customer_id))
    return call.result


@router.post(
    "/turn/function-calling",
    summary="Turn.io function calling",
    description="Signed by Turn.io: `X-Turn-Hook-Signature` is the base64 HMAC-SHA256 of "
    "the raw body with one of STOREDESK_TURN_SECRETS. The customer is the contact in "
    "`context` (WhatsApp id) or the top-level `wa_id`; a repeated `tool_call_id` runs once.",
    response_model=TurnAnswer,
    responses={401: {}, 413: {}, 422: {}},
    openapi_extra=json_body(TurnCall),
)
async def turn_function_calling(request: Request) -> Response:
    api = state(request)
    body = await request.body()
    if not verify_turn(body, request.headers.get(TURN_HEADER), api.settings.turn_secrets):
        return _unauthorized()
    try:
        call = TurnCall.model_validate_json(body)
    except ValidationError as exc:
        return _invalid_body(exc)
    key = f"turn:{call.tool_call_id}" if call.tool_call_id else None

    def compute() -> Answer:
        customer_id = customer_from_context(
            api.uow_factory, call.context, wa_id=call.wa_id, identity_secrets=api.identity_secrets
        )
        done = run_webhook_tool(
            api.uow_factory,
            api.settings,
            name=call.function_name,
            arguments=call.function_args,
            customer_id=customer_id,
            call_id=call.tool_call_id,
        )
        output = _turn_output(api, request, done, customer_id)
        return Answer(200, json.dumps({"output": output}, ensure_ascii=False))

    answer = await run_in_threadpool(
        answer_once,
        api.uow_factory,
        key,
        compute,
        wait_s=api.settings.storedesk_webhook_tool_timeout_s,
        busy=Answer(
            200, json.dumps({"output": "This call is still running; try again in a moment."})
        ),
    )
    return _json(answer.status_code, answer.body, replayed=answer.replayed)
