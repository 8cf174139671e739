"""A server that trickles keep-alives cannot hold a turn open past its deadline."""

from __future__ import annotations

import time

from app.agent.events import ErrorEvent, TextDelta, TurnFinished
from app.agent.openai_chat import OpenAIChatModel
from app.tools.context import ToolContext
from services import conversations
from tests.security.conftest import turn
from tests.security.servers import Trickle


def test_a_trickling_server_cannot_hold_a_turn_past_its_deadline(sarah: ToolContext) -> None:
    with Trickle(every_s=0.2, for_s=20, token="Let me check").running() as server:
        # The request timeout (read timeout per chunk) is far above the deadline, and
        # every keep-alive resets it: only the turn's own deadline can end this.
        model = OpenAIChatModel(model="m", base_url=server.base_url, timeout_s=30, max_retries=0)
        started = time.monotonic()
        events = turn(sarah, model, "Where is ORD-78342?", deadline_s=1.5)
        elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed
    assert isinstance(events[-1], TurnFinished)
    errors = [e for e in events if isinstance(e, ErrorEvent)]
    assert [e.code for e in errors] == ["turn_deadline"]
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == "Let me check"
    stored = conversations.load_messages(
        sarah.uow_factory, conversation_id=sarah.conversation_id or ""
    )
    # What the customer saw is kept, and so is the notice of why the turn stopped.
    assert [m.content for m in stored if m.role == "assistant"] == ["Let me check"]
    assert any(m.role == "system" and "turn_deadline" in m.content for m in stored)
