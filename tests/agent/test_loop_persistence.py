"""What the loop has committed at each step (the cheaper commits keep the guarantee).

Each model call happens only after every message before it is committed: the user's
message, the assistant's message with its tool calls, and each tool result together
with the tool call's audit row (one transaction).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.agent import loop
from app.agent.events import ErrorEvent
from app.agent.model import ChatMessage
from app.agent.scripted import ScriptedModel, Step, call, reply
from app.tools.context import ToolContext
from services import conversations
from services.models import Message, ToolCallRecord
from tests.agent.toolkit import make_toolset

TOOLS = make_toolset()


def committed(ctx: ToolContext) -> tuple[list[str], int]:
    """Roles of the committed messages and the number of audit rows (a fresh session)."""
    with ctx.uow_factory() as uow:
        roles = list(
            uow.session.scalars(
                select(Message.role)
                .where(Message.conversation_id == ctx.conversation_id)
                .order_by(Message.id)
            )
        )
        records = uow.session.scalar(
            select(func.count())
            .select_from(ToolCallRecord)
            .where(ToolCallRecord.conversation_id == ctx.conversation_id)
        )
    return roles, int(records or 0)


def test_every_step_is_committed_before_the_next_model_call(staff_ctx: ToolContext) -> None:
    seen: list[tuple[list[str], int]] = []

    def first(messages: list[ChatMessage], tools: list[dict[str, Any]]) -> Step:
        seen.append(committed(staff_ctx))
        return call("echo", {"text": "hi"}, call_id="c1")

    def second(messages: list[ChatMessage], tools: list[dict[str, Any]]) -> Step:
        seen.append(committed(staff_ctx))
        return reply("Done.")

    assert staff_ctx.conversation_id
    events = list(
        loop.run_turn(
            conversation_id=staff_ctx.conversation_id,
            user_text="echo hi",
            model=ScriptedModel([first, second]),
            toolset=TOOLS,
            ctx=staff_ctx,
        )
    )
    assert not [e for e in events if isinstance(e, ErrorEvent)]
    assert seen == [(["user"], 0), (["user", "assistant", "tool"], 1)]
    assert committed(staff_ctx) == (["user", "assistant", "tool", "assistant"], 1)
    record = conversations.list_tool_calls(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id
    )[0]
    assert (record.name, record.call_id, record.outcome) == ("echo", "c1", "ok")


def test_audit_row_survives_a_failed_result_write(
    staff_ctx: ToolContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = conversations.append_message

    def failing(*args: Any, **kwargs: Any) -> int:
        if kwargs.get("role") == "tool":
            raise RuntimeError("database went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(conversations, "append_message", failing)
    assert staff_ctx.conversation_id
    events = list(
        loop.run_turn(
            conversation_id=staff_ctx.conversation_id,
            user_text="echo hi",
            model=ScriptedModel([call("echo", {"text": "hi"}, call_id="c1"), reply("x")]),
            toolset=TOOLS,
            ctx=staff_ctx,
        )
    )
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["internal_error"]
    roles, records = committed(staff_ctx)
    assert records == 1  # the tool ran: its audit row is kept although its answer was not
    assert "tool" not in roles
