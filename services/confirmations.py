"""Two-step confirmation with Stripe-style idempotency.

`preview` runs every check of an action and works out what it would change, changes
nothing of the store, and records the request under a new confirmation id (status
`previewed`, a hash of the action and its parameters, the previewed effect).

`confirm` applies it exactly once: it locks the record (FOR UPDATE), re-runs the checks
under the order's row lock, applies, and stores the result with status `completed` in
the same transaction as the change. The same id again returns the stored result; the
same id with other parameters is an IdempotencyConflict; another customer's id is
NotFound, like an unknown one. If the store changed since the preview so that the
effect would differ (another refund, a new balance), the confirm is refused with
InvalidState and nothing changes: the customer agreed to what the preview showed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import bindparam, insert, select, update

from services.actions import ACTIONS
from services.actions.base import ActionResult, ActionSpec, Arguments, Ctx, Params
from services.actions.common import method_label
from services.actions.state import find_method
from services.db import begin_write
from services.errors import IdempotencyConflict, InvalidRequest, InvalidState, NotFound
from services.models import Conversation, IdempotencyRecord, utcnow
from services.uow import UowFactory
from services.views import View

PREVIEW_TTL = timedelta(minutes=30)


class Preview(View):
    confirmation_id: str
    action: str
    expires_at: datetime
    summary: str
    effect: ActionResult  # what confirming would change
    # How the store names the effect's payment method ("visa •••• 4242"), if it has one.
    payment_method_label: str | None = None


class ConversationNotFound(NotFound):
    """The conversation a confirm is made in is missing, or not the caller's."""


def confirmation_not_found() -> NotFound:
    return NotFound(
        "Confirmation not found.",
        hint="Preview the action again to get a confirmation id.",
    )


def request_hash(action: str, params: Params) -> str:
    canonical = json.dumps(
        {"action": action, "params": params.model_dump(mode="json")},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def spec_for(action: str) -> ActionSpec[Any]:
    spec = ACTIONS.get(action)
    if spec is None:
        raise InvalidRequest("Unknown action.", hint=f"Use one of: {', '.join(sorted(ACTIONS))}.")
    return spec


# Prebuilt Core statements: the record is one row read and written by key, and the ORM's
# unit of work cost more than the statements themselves on this path.
_INSERT = insert(IdempotencyRecord)
_RECORD = select(
    IdempotencyRecord.key,
    IdempotencyRecord.action,
    IdempotencyRecord.customer_id,
    IdempotencyRecord.request_hash,
    IdempotencyRecord.request,
    IdempotencyRecord.status,
    IdempotencyRecord.response,
    IdempotencyRecord.created_at,
    IdempotencyRecord.expires_at,
).where(IdempotencyRecord.key == bindparam("key"))
_RECORD_LOCKED = _RECORD.with_for_update()
_RECORD_OF_LOCKED = _RECORD.where(
    IdempotencyRecord.customer_id == bindparam("customer_id")
).with_for_update()
_CONVERSATION_OWNER = select(Conversation.customer_id).where(Conversation.id == bindparam("id"))
_COMPLETE = (
    update(IdempotencyRecord)
    .where(IdempotencyRecord.key == bindparam("b_key"))
    .values(status="completed", response=bindparam("v_response"), completed_at=bindparam("v_done"))
)


def preview(
    uow_factory: UowFactory,
    *,
    action: str,
    params: Arguments,
    customer_id: str | None,
    now: datetime | None = None,
) -> Preview:
    spec = spec_for(action)
    if not callable(params):
        params = spec.parse(params)  # invalid arguments fail before any transaction
    spec.check_actor(customer_id)
    now = now or utcnow()
    with uow_factory() as uow:
        # A preview reads then writes its record; on SQLite take the write lock first so
        # a concurrent commit cannot make the upgrade from reader to writer fail.
        begin_write(uow.session)
        ctx = Ctx(customer_id=customer_id, now=now, lock=False)
        parsed = spec.arguments(uow.session, params, ctx)
        # Only the plan's effect is used: its `apply` (the change) is never called here.
        effect = spec.plan(uow.session, parsed, ctx).effect
        # Nothing the plan loaded may be written (stock rows are ORM objects): drop it.
        uow.session.expunge_all()
        label = None
        if effect.payment_method_id:
            method = find_method(uow.session, effect.payment_method_id)
            label = method_label(method) if method else effect.payment_method_id
        key = "cf_" + secrets.token_hex(16)
        expires = now + PREVIEW_TTL
        uow.session.connection().execute(
            _INSERT,
            {
                "key": key,
                "action": action,
                "customer_id": customer_id,
                "request_hash": request_hash(action, parsed),
                "request": {
                    "params": parsed.model_dump(mode="json"),
                    "effect": effect.model_dump(mode="json"),
                },
                "status": "previewed",
                # The caller's clock, not the database's: confirm plans as of this time.
                "created_at": now,
                "expires_at": expires,
            },
        )
        uow.commit()
    return Preview(
        confirmation_id=key,
        action=action,
        expires_at=expires,
        summary=effect.summary,
        effect=effect,
        payment_method_label=label,
    )


def confirm(
    uow_factory: UowFactory,
    *,
    confirmation_id: str,
    customer_id: str | None,
    params: BaseModel | dict[str, Any] | None = None,
    now: datetime | None = None,
    conversation_id: str | None = None,
) -> ActionResult:
    """Apply the previewed action `confirmation_id` (see the module doc).

    conversation_id: the conversation the confirm is made in. It must be the caller's (a
    customer's own; staff and system callers any), else ConversationNotFound, before
    anything else is read; checked in this transaction, so it holds for the change too.
    """
    now = now or utcnow()
    with uow_factory() as uow:
        s = uow.session
        begin_write(s)
        if conversation_id is not None:
            owner = s.connection().execute(_CONVERSATION_OWNER, {"id": conversation_id}).first()
            # Missing and another customer's look the same, so ids cannot be probed.
            if owner is None or (customer_id is not None and owner.customer_id != customer_id):
                raise ConversationNotFound("Conversation not found.")
        key = {"key": confirmation_id.strip()}
        if customer_id is None:
            found = s.connection().execute(_RECORD_LOCKED, key)
        else:
            found = s.connection().execute(_RECORD_OF_LOCKED, {**key, "customer_id": customer_id})
        record = found.first()
        if record is None:
            raise confirmation_not_found()
        spec = spec_for(record.action)
        if params is not None and request_hash(record.action, spec.parse(params)) != (
            record.request_hash
        ):
            raise IdempotencyConflict()
        if record.status == "completed" and record.response is not None:
            return ActionResult.model_validate(record.response)
        if record.expires_at is not None and record.expires_at < now:
            raise InvalidState(
                "This confirmation has expired.",
                hint="Preview the action again and ask the customer to confirm the new one.",
            )
        parsed = spec.parse(record.request["params"])
        # Planned as of the preview (pickup dates, windows): what the customer agreed to.
        ctx = Ctx(
            customer_id=record.customer_id,
            now=record.created_at,
            lock=True,
            idempotency_key=record.key,
        )
        plan = spec.plan(s, parsed, ctx)
        if plan.effect.model_dump(mode="json") != record.request.get("effect"):
            raise InvalidState(
                "The order changed since the preview.",
                hint="Preview the action again and show the customer the new details.",
            )
        result = plan.apply()
        s.connection().execute(
            _COMPLETE,
            {"b_key": record.key, "v_response": result.model_dump(mode="json"), "v_done": now},
        )
        uow.commit()
        return result
