"""Who calls the conversation API: a customer (the store's signed identity token, issue
"Trust boundary") or staff (an API key created with `storedesk api-key create`)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from app.api.state import state
from app.identity import IdentityError, verify_customer_token
from app.tools.context import ToolContext
from services import api_keys
from services.models import Actor, Customer
from services.uow import UowFactory

API_KEY_HEADER = "x-api-key"


@dataclass(frozen=True)
class Principal:
    actor: Actor
    customer_id: str | None = None
    staff_name: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.actor == Actor.STAFF

    def context(self, uow_factory: UowFactory, conversation_id: str | None) -> ToolContext:
        return ToolContext(
            uow_factory=uow_factory,
            actor=self.actor,
            customer_id=self.customer_id,
            conversation_id=conversation_id,
            confirmation="explicit",  # changes apply through the confirmations endpoint
            staff_name=self.staff_name,
        )


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status_code=401,
        detail={"error": "unauthorized", "detail": detail, "hint": ""},
        headers={"WWW-Authenticate": "Bearer"},
    )


async def principal(request: Request) -> Principal:
    """FastAPI dependency: the authenticated caller, or 401."""
    api = state(request)
    key = request.headers.get(API_KEY_HEADER)
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if key is None and scheme.lower() == "bearer" and token.startswith(api_keys.KEY_PREFIX):
        key = token
    if key is not None:
        staff = await run_in_threadpool(api_keys.verify_key, api.uow_factory, key=key.strip())
        if staff is None:
            raise _unauthorized("Unknown or revoked API key.")
        return Principal(actor=Actor.STAFF, staff_name=staff.name)
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized(
            "Send the customer's signed token as 'Authorization: Bearer <token>' or a "
            "staff API key as 'X-API-Key'."
        )
    try:
        customer_id = verify_customer_token(token, secrets=api.identity_secrets)
    except IdentityError as exc:
        raise _unauthorized(str(exc)) from None

    def exists() -> bool:
        with api.uow_factory() as uow:
            return uow.session.get(Customer, customer_id) is not None

    if not await run_in_threadpool(exists):
        raise _unauthorized("This customer is not known to the store.")
    return Principal(actor=Actor.CUSTOMER, customer_id=customer_id)
