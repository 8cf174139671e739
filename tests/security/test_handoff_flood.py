"""One turn cannot open a flood of hand-off tickets: 16 racing calls, one open ticket
(issue 9, item 9; the rule itself is services.handoff's, on both backends)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.agent.events import ToolResult
from app.agent.scripted import ScriptedModel, calls, reply
from app.tools.context import ToolContext
from services.models import HandoffTicket
from tests.security.conftest import turn


def test_sixteen_racing_transfers_in_one_turn_open_one_ticket(sarah: ToolContext) -> None:
    ask = {"summary": "Customer wants a person", "reason": "other"}
    hostile = ScriptedModel([calls(*[("transfer_to_human", ask)] * 16), reply("done")])
    events = turn(sarah, hostile, "a person please")
    results = [e for e in events if isinstance(e, ToolResult)]
    assert len(results) == 16
    assert all(r.error_code != "internal_error" for r in results)
    assert all(r.ok for r in results)  # each is told the (one) ticket, none fails
    with sarah.uow_factory() as uow:
        tickets = uow.session.scalar(
            select(func.count())
            .select_from(HandoffTicket)
            .where(HandoffTicket.conversation_id == sarah.conversation_id)
        )
    assert tickets == 1
