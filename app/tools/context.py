"""What a tool call knows about its caller. Built by the caller from the authenticated
session (UI login, CLI flag, webhook signature), never from anything the model says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from services.models import Actor, utcnow
from services.uow import UowFactory

ConfirmationPolicy = Literal["explicit", "automatic"]


@dataclass(frozen=True)
class ToolContext:
    uow_factory: UowFactory
    actor: Actor
    # Set for customer sessions only; every customer-scoped tool reads it from here.
    customer_id: str | None = None
    conversation_id: str | None = None
    # explicit: destructive tools return a preview and wait for the caller's confirm.
    # automatic: staff and the benchmark harness apply at once.
    confirmation: ConfirmationPolicy = "explicit"
    staff_name: str | None = None
    # The language fixed messages are written in (normalised: "en", "vi", "pt"); the
    # customer's profile or their pick in the chat. Never read from the model.
    locale: str = "en"
    clock: Callable[[], datetime] = field(default=utcnow)

    def __post_init__(self) -> None:
        if self.actor == Actor.CUSTOMER and not self.customer_id:
            raise ValueError("a customer context needs the authenticated customer_id")

    @property
    def is_staff(self) -> bool:
        return self.actor in (Actor.STAFF, Actor.SYSTEM)
