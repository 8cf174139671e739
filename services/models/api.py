"""What the HTTP API keeps in the database so several workers agree: webhook deliveries
(one answer per platform call id, whichever worker got it) and the staff's API keys
(only a hash is stored; the key itself is shown once, when it is created)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.models.base import Base, CreatedAt


class WebhookDelivery(CreatedAt, Base):
    """One platform call (Turn.io tool_call_id, Standard Webhooks webhook-id, seed call_id).

    The first worker to insert the key runs the tool; every repeat gets the stored answer.
    """

    __tablename__ = "webhook_deliveries"

    # "<endpoint>:<platform id>", e.g. "turn:call_abc" (ids of different platforms and
    # endpoints never collide).
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    # running | done
    status: Mapped[str] = mapped_column(String(20), default="running")
    status_code: Mapped[int | None]
    response: Mapped[str | None] = mapped_column(Text)  # the exact JSON body first answered
    completed_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_webhook_deliveries_created_at", "created_at"),)


class ApiKey(CreatedAt, Base):
    """A staff API key: its SHA-256 (keys are 256-bit random, so a fast hash is enough;
    a slow password hash protects guessable secrets, which these are not)."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # shown in listings to tell keys apart
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
