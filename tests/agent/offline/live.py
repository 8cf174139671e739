"""Conversations with the offline engine through the real loop, the real `support`
toolset and dispatcher, on the demo store in the test database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.agent.confirm import ConfirmOutcome, confirm_pending
from app.agent.events import (
    ConfirmationRequired,
    Event,
    TextDelta,
    ToolCallStarted,
    ToolResult,
    TurnFinished,
)
from app.agent.loop import run_turn
from app.agent.model import StreamOptions
from app.agent.offline import OfflineModel
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services import conversations
from services.models import Actor
from services.uow import UowFactory


@dataclass
class Turn:
    events: list[Event]
    text: str = ""
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    confirmations: list[ConfirmationRequired] = field(default_factory=list)

    @property
    def tools(self) -> list[str]:
        return [name for name, _ in self.calls]

    @property
    def results(self) -> list[Any]:
        """What the tools answered this turn, parsed."""
        return [json.loads(e.result) for e in self.events if isinstance(e, ToolResult)]


class LiveChat:
    def __init__(
        self,
        uow_factory: UowFactory,
        customer_id: str | None = "CUST-9821",
        conversation_id: str | None = None,
        locale: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        actor = Actor.CUSTOMER if customer_id else Actor.STAFF
        if conversation_id is None:
            conversation_id = conversations.start_conversation(
                uow_factory, actor=actor, customer_id=customer_id, provider="offline"
            ).id
        self.ctx = ToolContext(
            uow_factory=uow_factory,
            actor=actor,
            customer_id=customer_id,
            conversation_id=conversation_id,
            staff_name=None if customer_id else "Ana",
            **({"clock": clock} if clock else {}),
        )
        self.model = OfflineModel()
        # As the UI passes it: the signed-in customer's preferred language, if known.
        self.options = StreamOptions(
            actor=str(actor), locale=locale, conversation_id=conversation_id
        )

    @classmethod
    def resume(cls, uow_factory: UowFactory, conversation_id: str) -> LiveChat:
        """The same stored conversation, as a restarted process would pick it up."""
        return cls(uow_factory, conversation_id=conversation_id)

    def say(self, text: str, *, confirm_on_yes: bool = False) -> Turn:
        assert self.ctx.conversation_id
        events = list(
            run_turn(
                conversation_id=self.ctx.conversation_id,
                user_text=text,
                model=self.model,
                toolset=SUPPORT,
                ctx=self.ctx,
                confirm_on_yes=confirm_on_yes,
                options=self.options,
            )
        )
        finished = events[-1]
        assert isinstance(finished, TurnFinished)
        assert "".join(e.text for e in events if isinstance(e, TextDelta)) == finished.text
        return Turn(
            events=events,
            text=finished.text,
            calls=[
                (e.name, json.loads(e.arguments)) for e in events if isinstance(e, ToolCallStarted)
            ],
            confirmations=[e for e in events if isinstance(e, ConfirmationRequired)],
        )

    def confirm(self, turn: Turn) -> ConfirmOutcome:
        """The customer presses Confirm under the preview (the caller's confirm API)."""
        (pending,) = turn.confirmations
        return confirm_pending(self.ctx, confirmation_id=pending.confirmation_id)
