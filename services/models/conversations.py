"""Conversations and everything recorded about them: messages, tool calls, feedback,
hand-off tickets, and idempotency records of confirmed actions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.models.base import ID, Base, CreatedAt, JSONType, utcnow
from services.models.enums import Actor, ConversationStatus, TicketStatus, values


def _enum(enum: type, name: str) -> Enum:
    return Enum(
        enum,
        name=name,
        native_enum=False,
        values_callable=values,
        length=20,
        create_constraint=True,
    )


class Conversation(CreatedAt, Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    actor: Mapped[Actor] = mapped_column(_enum(Actor, "actor"))
    channel: Mapped[str] = mapped_column(String(20), default="web")
    title: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ConversationStatus] = mapped_column(
        _enum(ConversationStatus, "conversation_status"), default=ConversationStatus.ASSISTANT
    )
    # The staff member holding the conversation while it is with a person (else None).
    assignee: Mapped[str | None] = mapped_column(String(100))
    # The last message staff have seen in the inbox: later customer messages are unread.
    staff_read_id: Mapped[int | None]
    provider: Mapped[str] = mapped_column(String(40), default="offline")
    model: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", order_by="Message.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_conversations_customer_id", "customer_id", "updated_at"),
        Index("ix_conversations_status", "status", "updated_at"),
        Index("ix_conversations_created_at", "created_at"),
    )


class Message(CreatedAt, Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    # system | user | assistant | tool | staff
    role: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(Text, default="")
    tool_calls: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType)
    tool_call_id: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(64))
    input_tokens: Mapped[int | None]
    output_tokens: Mapped[int | None]
    latency_ms: Mapped[int | None]
    model: Mapped[str | None] = mapped_column(String(100))
    author: Mapped[str | None] = mapped_column(String(100))  # staff member for staff replies

    conversation: Mapped[Conversation] = relationship(back_populates="messages")

    __table_args__ = (Index("ix_messages_conversation_id", "conversation_id", "id"),)


class ToolCallRecord(CreatedAt, Base):
    """Audit of one tool call: who, what, with which arguments, and how it ended."""

    __tablename__ = "tool_call_records"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    conversation_id: Mapped[str | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    call_id: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(64))
    arguments: Mapped[str] = mapped_column(Text, default="")
    # ok | error | confirmation_required
    outcome: Mapped[str] = mapped_column(String(30))
    error_code: Mapped[str | None] = mapped_column(String(50))
    duration_ms: Mapped[int] = mapped_column(default=0)
    actor: Mapped[Actor] = mapped_column(_enum(Actor, "tool_actor"))
    customer_id: Mapped[str | None] = mapped_column(ID)
    toolset: Mapped[str] = mapped_column(String(30), default="support")

    __table_args__ = (
        Index("ix_tool_call_records_conversation_id", "conversation_id"),
        Index("ix_tool_call_records_name", "name", "created_at"),
    )


class Feedback(CreatedAt, Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True
    )
    rating: Mapped[int]  # +1 thumbs up, -1 thumbs down
    comment: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_feedback_conversation_id", "conversation_id"),)


class HandoffTicket(CreatedAt, Base):
    __tablename__ = "handoff_tickets"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # HT-…
    conversation_id: Mapped[str | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    summary: Mapped[str] = mapped_column(Text)
    # e.g. policy_exception, complaint, technical, out_of_scope, other
    reason_category: Mapped[str] = mapped_column(String(40), default="other")
    status: Mapped[TicketStatus] = mapped_column(
        _enum(TicketStatus, "ticket_status"), default=TicketStatus.OPEN
    )
    assignee: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    resolved_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    # The first staff reply: the desk's first-response time is this minus created_at.
    first_response_at: Mapped[datetime | None]
    reopens: Mapped[int] = mapped_column(default=0, server_default=text("0"))

    __table_args__ = (
        Index("ix_handoff_tickets_status", "status", "created_at"),
        Index("ix_handoff_tickets_conversation_id", "conversation_id"),
        # One ticket waiting for or held by a person per conversation: a model calling
        # transfer_to_human sixteen times in one turn (even concurrently) opens one.
        Index(
            "uq_handoff_tickets_one_active",
            "conversation_id",
            unique=True,
            sqlite_where=text("status IN ('open', 'claimed')"),
            postgresql_where=text("status IN ('open', 'claimed')"),
        ),
    )


class IdempotencyRecord(CreatedAt, Base):
    """A previewed action and, once confirmed, its stored result.

    The key is the confirmation id; confirming twice returns the stored result, and the
    same key with other parameters is a conflict (request_hash differs).
    """

    __tablename__ = "idempotency_records"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str | None] = mapped_column(ID)
    request_hash: Mapped[str] = mapped_column(String(64))
    request: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # previewed | completed | expired
    status: Mapped[str] = mapped_column(String(20), default="previewed")
    response: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    completed_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_idempotency_records_customer_id", "customer_id"),)
