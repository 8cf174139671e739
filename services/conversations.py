"""Conversations as they happen: conversations, messages, tool-call records and feedback.

Every write is its own short transaction, committed at once, so a crash later in a turn
(model fault, tool failure, lost process) loses nothing already said. Reads return
allow-listed pydantic models, never ORM rows.
"""

from __future__ import annotations

import functools
import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    Connection,
    CursorResult,
    Insert,
    Result,
    bindparam,
    func,
    insert,
    select,
    update,
)

from services.driver_statement import DriverStatement
from services.errors import InvalidRequest, NotFound
from services.models import (
    Actor,
    Conversation,
    ConversationStatus,
    Feedback,
    IdempotencyRecord,
    Message,
    ToolCallRecord,
    utcnow,
)
from services.text_guard import clean_text
from services.uow import UowFactory

MESSAGE_ROLES = ("system", "user", "assistant", "tool", "staff")


class ConversationInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    customer_id: str | None
    actor: Actor
    channel: str
    title: str
    status: ConversationStatus
    provider: str
    model: str
    created_at: datetime
    updated_at: datetime


class StoredMessage(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    role: str
    content: str
    tool_calls: list[dict[str, Any]] | None
    tool_call_id: str | None
    name: str | None
    input_tokens: int | None
    output_tokens: int | None
    latency_ms: int | None
    model: str | None
    author: str | None
    created_at: datetime


class ToolCallInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    conversation_id: str | None
    call_id: str | None
    name: str
    arguments: str
    outcome: str
    error_code: str | None
    duration_ms: int
    actor: Actor
    customer_id: str | None
    toolset: str
    created_at: datetime


def start_conversation(
    uow_factory: UowFactory,
    *,
    actor: Actor,
    customer_id: str | None = None,
    channel: str = "web",
    provider: str = "offline",
    model: str = "",
    title: str = "",
    conversation_id: str | None = None,
) -> ConversationInfo:
    values = {
        "id": conversation_id or str(uuid.uuid4()),
        "actor": actor,
        "customer_id": customer_id,
        "channel": channel,
        "provider": provider,
        "model": model,
        # Core skips the ORM's attribute events: clean the free text as they would.
        "title": clean_text(title[:200]),
    }
    # One prebuilt statement (the column defaults fill status and the times); on
    # PostgreSQL it is its own transaction.
    with _one_write(uow_factory) as connection:
        row = connection.execute(_INSERT_CONVERSATION, values).one()
    return ConversationInfo.model_validate(row)


_INSERT_CONVERSATION = insert(Conversation).returning(*Conversation.__table__.c)


def _one_write(uow_factory: UowFactory) -> AbstractContextManager[Connection]:
    """Where a use case of one statement runs: alone on PostgreSQL, in a transaction
    on SQLite (or under a commit gate)."""
    return uow_factory.statement() if uow_factory.one_statement else uow_factory.transaction()


def get_conversation(uow_factory: UowFactory, *, conversation_id: str) -> ConversationInfo:
    with uow_factory() as uow:
        row = uow.session.get(Conversation, conversation_id)
        if row is None:
            raise NotFound("Conversation not found.")
        return ConversationInfo.model_validate(row)


def check_owner(
    uow_factory: UowFactory, *, conversation_id: str, customer_id: str | None
) -> ConversationInfo:
    """The conversation, if the caller may act in it: a customer only in their own
    (``customer_id`` set), staff and system callers (``None``) in any. Another
    customer's conversation and a missing one give the same `NotFound`, so ids cannot
    be probed."""
    with uow_factory.read() as uow:
        row = uow.session.get(Conversation, conversation_id)
        if row is None or (customer_id is not None and row.customer_id != customer_id):
            raise NotFound("Conversation not found.")
        return ConversationInfo.model_validate(row)


def list_conversations(
    uow_factory: UowFactory,
    *,
    customer_id: str | None = None,
    status: ConversationStatus | None = None,
    limit: int = 50,
) -> list[ConversationInfo]:
    with uow_factory() as uow:
        query = select(Conversation).order_by(Conversation.updated_at.desc()).limit(limit)
        if customer_id is not None:
            query = query.where(Conversation.customer_id == customer_id)
        if status is not None:
            query = query.where(Conversation.status == status)
        return [ConversationInfo.model_validate(r) for r in uow.session.scalars(query)]


def set_conversation_status(
    uow_factory: UowFactory, *, conversation_id: str, status: ConversationStatus
) -> None:
    with uow_factory() as uow:
        row = uow.session.get(Conversation, conversation_id)
        if row is None:
            raise NotFound("Conversation not found.")
        row.status = status
        uow.commit()


@dataclass(frozen=True)
class ToolCallAudit:
    """The audit row of one tool call, to be written with the message that answers it."""

    conversation_id: str | None
    name: str
    arguments: str
    outcome: str
    actor: Actor
    call_id: str | None = None
    error_code: str | None = None
    duration_ms: int = 0
    customer_id: str | None = None
    toolset: str = "support"

    def values(self) -> dict[str, Any]:
        return {
            "conversation_id": self.conversation_id,
            "call_id": self.call_id[:100] if self.call_id else None,
            "name": self.name[:64],
            "arguments": self.arguments,
            "outcome": self.outcome[:30],
            "error_code": self.error_code[:50] if self.error_code else None,
            "duration_ms": self.duration_ms,
            "actor": self.actor,
            "customer_id": self.customer_id,
            "toolset": self.toolset[:30],
        }


# Run on a Connection (plain Core execution, not the ORM's).
_TOUCH = (
    update(Conversation)
    .where(Conversation.id == bindparam("b_id"))
    .values(updated_at=bindparam("b_now"))
)
_TITLE = (
    update(Conversation)
    .where(Conversation.id == bindparam("b_id"), Conversation.title == "")
    .values(title=bindparam("b_title"))
)
_INSERT_MESSAGE = insert(Message).returning(Message.id)
_INSERT_AUDIT = insert(ToolCallRecord)
_INSERT_AUDIT_RETURNING = _INSERT_AUDIT.returning(ToolCallRecord.id)


def append_message(
    uow_factory: UowFactory,
    *,
    conversation_id: str,
    role: str,
    content: str = "",
    tool_calls: list[dict[str, Any]] | None = None,
    tool_call_id: str | None = None,
    name: str | None = None,
    input_tokens: int | None = None,
    output_tokens: int | None = None,
    latency_ms: int | None = None,
    model: str | None = None,
    author: str | None = None,
    audit: ToolCallAudit | None = None,
) -> int:
    """Store one message and commit; returns its id (ids order the conversation).

    ``audit``: the audit row of the tool call this message answers, written in the same
    transaction (one commit per step instead of two; both or neither are stored).
    """
    if role not in MESSAGE_ROLES:
        raise InvalidRequest(f"Unknown message role {role!r}.")
    values: dict[str, Any] = {"conversation_id": conversation_id, "role": role, "content": content}
    optional = {
        "tool_calls": tool_calls or None,
        "tool_call_id": tool_call_id,
        "name": name,
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "latency_ms": latency_ms,
        "model": model,
        "author": author,
    }
    # Left out when None: SQL NULL (a JSON column would otherwise store the JSON `null`).
    values.update({k: v for k, v in optional.items() if v is not None})
    same_conversation = audit is None or audit.conversation_id == conversation_id
    if role != "user" and same_conversation and uow_factory.one_statement:
        return _append_in_one_statement(uow_factory, values, audit)
    now = utcnow()
    values["created_at"] = now
    with uow_factory.transaction() as connection:
        # Write first: on SQLite a transaction that reads and then writes cannot wait for
        # a concurrent writer (the upgrade fails at once with "database is locked"), while
        # one that starts with a write waits its turn (busy_timeout).
        touched = _TOUCH_DRIVER.run(connection, {"b_id": conversation_id, "b_now": now})
        if not touched.rowcount:
            raise NotFound("Conversation not found.")
        if role == "user":
            # Core (rare: the loop stores the customer's message through handoff), which
            # also applies the onupdate of updated_at.
            connection.execute(_TITLE, {"b_id": conversation_id, "b_title": title_of(content)})
        # Prebuilt statements on the driver's cursor (services.driver_statement): the
        # ORM's unit of work, and SQLAlchemy's execution path, cost more than SQLite's
        # own work here (three or four times per turn).
        inserted = message_insert(tuple(values)).run(connection, values).fetchone()
        if audit is not None:
            audit_values = audit.values() | {"created_at": now}
            _insert_audit(tuple(audit_values)).run(connection, audit_values)
    return int(inserted[0])


_TOUCH_DRIVER = DriverStatement(_TOUCH)


def title_of(content: str) -> str:
    """A conversation's title, from its first customer message."""
    return content.strip().replace("\n", " ")[:80]


@functools.cache
def message_insert(columns: tuple[str, ...]) -> DriverStatement:
    """The message INSERT ... RETURNING id for these columns, on the driver's cursor."""
    return DriverStatement(_INSERT_MESSAGE, column_keys=columns)


@functools.cache
def _insert_audit(columns: tuple[str, ...]) -> DriverStatement:
    return DriverStatement(_INSERT_AUDIT, column_keys=columns)


def _append_in_one_statement(
    uow_factory: UowFactory, values: dict[str, Any], audit: ToolCallAudit | None
) -> int:
    """`append_message` on PostgreSQL as one statement, its own transaction: touch the
    conversation, insert the message (and the audit row) only if the touch found it.

    One round trip instead of four (BEGIN, UPDATE, INSERT, COMMIT): the loop writes three
    or four messages a turn. Both rows or neither, as in the transactional path.
    """
    statement = _append_statement(tuple(values), with_audit=audit is not None)
    params = {f"m_{k}": v for k, v in values.items()} | {"b_now": utcnow()}
    if audit is not None:
        params |= {f"a_{k}": v for k, v in audit.values().items() if k != "conversation_id"}
    with uow_factory.statement() as connection:
        inserted = statement.run(connection, params).fetchone()
    if inserted is None:
        raise NotFound("Conversation not found.")
    return int(inserted[0])


@functools.cache
def _append_statement(columns: tuple[str, ...], *, with_audit: bool) -> DriverStatement:
    return DriverStatement(_build_append(columns, with_audit=with_audit))


def _build_append(columns: tuple[str, ...], *, with_audit: bool) -> Insert:
    touched = (
        update(Conversation)
        .where(Conversation.id == bindparam("m_conversation_id"))
        .values(updated_at=bindparam("b_now"))
        .returning(Conversation.id)
        .cte("touched")
    )
    message_columns = Message.__table__.c

    def value(table_columns: Any, prefix: str, name: str) -> Any:
        if name == "conversation_id":
            return touched.c.id
        if name == "created_at":
            return bindparam("b_now", type_=table_columns.created_at.type)
        return bindparam(f"{prefix}{name}", type_=table_columns[name].type)

    names = (*[c for c in columns if c != "created_at"], "created_at")
    statement = (
        insert(Message)
        .from_select(list(names), select(*[value(message_columns, "m_", n) for n in names]))
        .returning(Message.id)
    )
    if with_audit:
        audit_columns = ToolCallRecord.__table__.c
        audit_names = (*_AUDIT_COLUMNS, "created_at")
        audit = (
            insert(ToolCallRecord)
            .from_select(
                list(audit_names),
                select(*[value(audit_columns, "a_", n) for n in audit_names]),
            )
            .cte("audit")
        )
        statement = statement.add_cte(audit)
    return statement


_AUDIT_COLUMNS = tuple(f.name for f in fields(ToolCallAudit))  # the keys of its values()


def load_messages(uow_factory: UowFactory, *, conversation_id: str) -> list[StoredMessage]:
    with uow_factory() as uow:
        rows = uow.session.scalars(
            select(Message).where(Message.conversation_id == conversation_id).order_by(Message.id)
        )
        return [StoredMessage.model_validate(r) for r in rows]


def record_tool_call(
    uow_factory: UowFactory,
    *,
    conversation_id: str | None,
    name: str,
    arguments: str,
    outcome: str,
    actor: Actor,
    call_id: str | None = None,
    error_code: str | None = None,
    duration_ms: int = 0,
    customer_id: str | None = None,
    toolset: str = "support",
) -> int:
    """The audit row of one tool call, committed on its own transaction."""
    audit = ToolCallAudit(
        conversation_id=conversation_id,
        name=name,
        arguments=arguments,
        outcome=outcome,
        actor=actor,
        call_id=call_id,
        error_code=error_code,
        duration_ms=duration_ms,
        customer_id=customer_id,
        toolset=toolset,
    )
    return write_audit(uow_factory, audit)


def write_audit(uow_factory: UowFactory, audit: ToolCallAudit) -> int:
    with uow_factory.transaction() as connection:
        inserted = connection.execute(_INSERT_AUDIT_RETURNING, audit.values())
        return int(inserted.scalar_one())


def list_tool_calls(uow_factory: UowFactory, *, conversation_id: str) -> list[ToolCallInfo]:
    with uow_factory() as uow:
        rows = uow.session.scalars(
            select(ToolCallRecord)
            .where(ToolCallRecord.conversation_id == conversation_id)
            .order_by(ToolCallRecord.id)
        )
        return [ToolCallInfo.model_validate(r) for r in rows]


def add_feedback(
    uow_factory: UowFactory,
    *,
    conversation_id: str,
    rating: int,
    message_id: int | None = None,
    comment: str = "",
) -> int:
    """Thumbs up (+1) or down (-1), on a message or on the whole conversation.

    Rating the same message again replaces the earlier rating (one per message).
    """
    if rating not in (1, -1):
        raise InvalidRequest("Rating must be +1 or -1.")
    with uow_factory() as uow:
        if uow.session.get(Conversation, conversation_id) is None:
            raise NotFound("Conversation not found.")
        row: Feedback | None = None
        if message_id is not None:
            message = uow.session.get(Message, message_id)
            if message is None or message.conversation_id != conversation_id:
                raise NotFound("Message not found in this conversation.")
            row = uow.session.scalars(
                select(Feedback).where(Feedback.message_id == message_id)
            ).one_or_none()
        if row is None:
            row = Feedback(conversation_id=conversation_id, message_id=message_id, rating=rating)
            uow.session.add(row)
        row.rating = rating
        row.comment = comment[:2000]
        uow.session.flush()
        feedback_id = row.id
        uow.commit()
    return feedback_id


def count_messages(uow_factory: UowFactory, *, conversation_id: str) -> int:
    with uow_factory() as uow:
        return int(
            uow.session.scalar(
                select(func.count())
                .select_from(Message)
                .where(Message.conversation_id == conversation_id)
            )
            or 0
        )


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE matched; `Session.execute` is typed as a plain Result, which has none."""
    assert isinstance(result, CursorResult)  # what an UPDATE statement always returns
    return result.rowcount


def expire_preview(
    uow_factory: UowFactory, *, confirmation_id: str, customer_id: str | None
) -> bool:
    """The customer declined a previewed action: make its confirmation id unusable.

    Only a preview not yet confirmed is touched (a completed one keeps its result);
    scoped like a confirm, so a customer can only decline their own. Returns whether a
    preview was expired.
    """
    query = update(IdempotencyRecord).where(
        IdempotencyRecord.key == confirmation_id.strip(),
        IdempotencyRecord.status == "previewed",
    )
    if customer_id is not None:
        query = query.where(IdempotencyRecord.customer_id == customer_id)
    with uow_factory() as uow:
        done = uow.session.execute(
            query.values(status="expired", expires_at=utcnow()).execution_options(
                synchronize_session=False
            )
        )
        uow.commit()
    return bool(_rowcount(done))
