"""The conversation API: a website or channel talks to the desk's assistant.

The same loop as the chat (`app.agent.loop.run_turn`) and the same dispatcher; answers
stream as server-sent events. A customer reaches only their own conversations (another's
id is a 404 exactly like a missing one); staff reach any. Changes apply only through the
confirmations endpoint, never because the model says so.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from app.agent.confirm import cancel_pending, confirm_pending
from app.agent.loop import MAX_INPUT_CHARS, run_turn
from app.agent.model import StreamOptions
from app.api.auth import Principal, principal
from app.api.state import ApiState, state
from app.api.stream import stream_turn
from app.i18n import normalize_locale
from app.tools.toolsets import get_toolset
from services import conversations, handoff, transcripts
from services.conversations import ConversationInfo
from services.errors import NotFound

router = APIRouter(prefix="/v1", tags=["conversations"])

ID_PATH = Path(max_length=64, description="The conversation's id.")
CUSTOMER_ROLES = ("user", "assistant", "staff", "system")


class NewConversation(BaseModel):
    title: str = Field(default="", max_length=200)


class ConversationOut(BaseModel):
    id: str
    status: str
    title: str
    created_at: datetime


class NewMessage(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_INPUT_CHARS)
    locale: str | None = Field(default=None, max_length=16, description="e.g. en, vi, pt")


class Decision(BaseModel):
    decision: Literal["confirm", "cancel"]


class ConfirmationOut(BaseModel):
    ok: bool
    message: str
    confirmation_id: str
    action: str | None = None
    error_code: str | None = None


class MessageOut(BaseModel):
    id: int
    role: str
    content: str
    author: str | None = None
    created_at: datetime
    tool_calls: list[dict[str, Any]] | None = None
    tool_call_id: str | None = None
    name: str | None = None


class MessagePage(BaseModel):
    messages: list[MessageOut]
    next_after: int | None


def _not_found() -> HTTPException:
    return HTTPException(404, {"error": "not_found", "detail": "Conversation not found."})


def _limited(retry_after: float) -> HTTPException:
    return HTTPException(
        429,
        {"error": "rate_limited", "detail": "Too many requests; slow down.", "hint": ""},
        headers={"Retry-After": str(max(1, math.ceil(retry_after)))},
    )


def _check_rate(request: Request, who: Principal, *, per_customer: bool) -> None:
    api = state(request)
    address = request.client.host if request.client else "unknown"
    window = api.settings.storedesk_rate_limit_window_s
    wait = api.limiter.hit(f"addr:{address}", api.settings.storedesk_rate_limit_address, window)
    if wait is None and per_customer and who.customer_id is not None:
        wait = api.limiter.hit(
            f"cust:{who.customer_id}", api.settings.storedesk_rate_limit_customer, window
        )
    if wait is not None:
        raise _limited(wait)


def _owned(api: ApiState, who: Principal, conversation_id: str) -> ConversationInfo:
    try:
        info = conversations.get_conversation(api.uow_factory, conversation_id=conversation_id)
    except NotFound:
        raise _not_found() from None
    if not who.is_staff and info.customer_id != who.customer_id:
        raise _not_found()  # another customer's conversation looks exactly like none
    return info


def _state_of(api: ApiState, conversation_id: str) -> str | None:
    try:
        return handoff.conversation_state(api.uow_factory, conversation_id=conversation_id).state
    except NotFound:
        return None


@router.post("/conversations", status_code=201, response_model=ConversationOut,
             responses={401: {}, 429: {}})  # fmt: skip
async def create_conversation(
    body: NewConversation, request: Request, who: Principal = Depends(principal)
) -> ConversationOut:
    api = state(request)
    await run_in_threadpool(_check_rate, request, who, per_customer=True)
    info = await run_in_threadpool(
        lambda: conversations.start_conversation(
            api.uow_factory,
            actor=who.actor,
            customer_id=who.customer_id,
            channel="api",
            provider="api",
            title=body.title,
        )
    )
    return ConversationOut(
        id=info.id, status=str(info.status), title=info.title, created_at=info.created_at
    )


@router.post(
    "/conversations/{conversation_id}/messages",
    summary="Send a message; the answer streams as text/event-stream",
    description="Events: `text` (a piece of the answer), `tool` and `tool_done` (a "
    "customer-safe label), `confirmation` (a change waits for POST .../confirmations/{id}), "
    "`state` (hand-off state), `error`, and `finished` (usage) last.",
    responses={200: {"content": {"text/event-stream": {}}}, 401: {}, 404: {}, 429: {}},
)
async def post_message(
    body: NewMessage,
    request: Request,
    conversation_id: str = ID_PATH,
    who: Principal = Depends(principal),
) -> EventSourceResponse:
    api = state(request)
    await run_in_threadpool(_owned, api, who, conversation_id)
    await run_in_threadpool(_check_rate, request, who, per_customer=True)
    ctx = who.context(api.uow_factory, conversation_id)
    events = run_turn(
        conversation_id=conversation_id,
        user_text=body.text,
        model=api.model_factory(),
        toolset=get_toolset(api.settings.storedesk_api_toolset),
        ctx=ctx,
        options=StreamOptions(locale=body.locale),
    )
    stream = stream_turn(
        events,
        staff=who.is_staff,
        state_of=lambda: _state_of(api, conversation_id),
        locale=normalize_locale(body.locale),
    )
    # A sync generator: sse-starlette runs each step in the thread pool.
    return EventSourceResponse(stream, ping=15, headers={"Cache-Control": "no-store"})


@router.post(
    "/conversations/{conversation_id}/confirmations/{confirmation_id}",
    response_model=ConfirmationOut,
    responses={401: {}, 404: {}, 409: {"model": ConfirmationOut}, 429: {}},
)
async def decide(
    body: Decision,
    request: Request,
    conversation_id: str = ID_PATH,
    confirmation_id: str = Path(max_length=64),
    who: Principal = Depends(principal),
) -> JSONResponse:
    api = state(request)
    await run_in_threadpool(_owned, api, who, conversation_id)
    await run_in_threadpool(_check_rate, request, who, per_customer=False)

    def run() -> ConfirmationOut | None:
        if confirmation_id not in _previewed_in(api, conversation_id):
            return None
        ctx = who.context(api.uow_factory, conversation_id)
        apply = confirm_pending if body.decision == "confirm" else cancel_pending
        outcome = apply(ctx, confirmation_id=confirmation_id)
        return ConfirmationOut(
            ok=outcome.ok,
            message=outcome.message,
            confirmation_id=confirmation_id,
            action=outcome.action,
            error_code=outcome.error_code,
        )

    out = await run_in_threadpool(run)
    if out is None:
        return JSONResponse(
            {"error": "not_found", "detail": "No such confirmation in this conversation."},
            status_code=404,
        )
    return JSONResponse(out.model_dump(), status_code=200 if out.ok else 409)


def _previewed_in(api: ApiState, conversation_id: str) -> set[str]:
    """Confirmation ids this conversation's tools previewed (one conversation's preview
    cannot be confirmed through another)."""
    ids: set[str] = set()
    for message in transcripts.page_messages(
        api.uow_factory, conversation_id=conversation_id, limit=10_000, roles=("tool",)
    ):
        try:
            body = json.loads(message.content)
        except ValueError:
            continue
        if isinstance(body, dict) and body.get("status") == "confirmation_required":
            ids.add(str(body.get("confirmation_id")))
    return ids


@router.get(
    "/conversations/{conversation_id}/messages",
    response_model=MessagePage,
    responses={401: {}, 404: {}, 429: {}},
)
async def list_messages(
    request: Request,
    conversation_id: str = ID_PATH,
    after: int = Query(0, ge=0, le=2**62, description="Return messages after this id."),
    limit: int = Query(50, ge=1, le=200),
    who: Principal = Depends(principal),
) -> MessagePage:
    api = state(request)
    await run_in_threadpool(_owned, api, who, conversation_id)
    await run_in_threadpool(_check_rate, request, who, per_customer=False)
    rows = await run_in_threadpool(
        lambda: transcripts.page_messages(
            api.uow_factory,
            conversation_id=conversation_id,
            after=after,
            limit=limit + 1,
            roles=None if who.is_staff else CUSTOMER_ROLES,
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    out = [
        MessageOut(
            id=m.id,
            role=m.role,
            content=m.content,
            author=m.author,
            created_at=m.created_at,
            # Raw tool traffic is for staff; customers read the conversation itself.
            tool_calls=m.tool_calls if who.is_staff else None,
            tool_call_id=m.tool_call_id if who.is_staff else None,
            name=m.name if who.is_staff else None,
        )
        for m in rows
    ]
    return MessagePage(messages=out, next_after=rows[-1].id if more and rows else None)
