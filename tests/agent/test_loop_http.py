"""The loop with the `openai` adapter over real HTTP: provider faults end in a clear
message, never a traceback, and lose nothing already stored."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from app.agent import loop
from app.agent.events import ErrorEvent, TextDelta, ToolResult, TurnFinished
from app.agent.openai_chat import OpenAIChatModel
from app.tools.context import ToolContext
from services import conversations
from tests.agent.fake_openai import FakeOpenAI, Reply, chunk, text_stream, tool_fragment
from tests.agent.toolkit import make_toolset


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI()
    with server.running():
        yield server


def turn(fake: FakeOpenAI, ctx: ToolContext, text: str = "hi", **kw: object) -> list:
    params: dict = {"model": "fake-model", "base_url": fake.base_url, "timeout_s": 2.0}
    params.update({"max_retries": 0, **kw})
    return list(
        loop.run_turn(
            conversation_id=ctx.conversation_id or "",
            user_text=text,
            model=OpenAIChatModel(**params),
            toolset=make_toolset(),
            ctx=ctx,
        )
    )


def roles(ctx: ToolContext) -> list[str]:
    msgs = conversations.load_messages(ctx.uow_factory, conversation_id=ctx.conversation_id or "")
    return [m.role for m in msgs]


def test_tool_round_trip_over_http(fake: FakeOpenAI, staff_ctx: ToolContext) -> None:
    fake.queue(
        Reply(
            events=[
                tool_fragment(0, call_id="c1", name="echo", args='{"text":'),
                tool_fragment(0, args=' "hey"}'),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text_stream("Echoed."),
    )
    events = turn(fake, staff_ctx)
    result = next(e for e in events if isinstance(e, ToolResult))
    assert json.loads(result.result)["echo"] == "hey"
    assert events[-1].text == "Echoed."
    second = fake.requests[1]["messages"]
    assert second[-1]["role"] == "tool" and second[-1]["tool_call_id"] == "c1"
    assert roles(staff_ctx) == ["user", "assistant", "tool", "assistant"]


def test_rate_limit_then_success_is_invisible_to_the_user(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    fake.queue(Reply(status=429, headers={"retry-after": "0.1"}), text_stream("Hi!"))
    events = turn(fake, staff_ctx, max_retries=1)
    assert not [e for e in events if isinstance(e, ErrorEvent)]
    assert events[-1].text == "Hi!"


def test_server_error_ends_the_turn_with_a_clear_message(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    fake.queue(Reply(status=500))
    events = turn(fake, staff_ctx)
    errors = [e for e in events if isinstance(e, ErrorEvent)]
    assert [e.code for e in errors] == ["provider_error"]
    assert "try again" in errors[0].message
    assert isinstance(events[-1], TurnFinished)
    assert roles(staff_ctx) == ["user", "system"]  # the question is kept, and the notice


def test_stream_cut_after_a_tool_round_keeps_everything_before(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    fake.queue(
        Reply(
            events=[
                tool_fragment(0, call_id="c1", name="echo", args='{"text": "x"}'),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        Reply(events=text_stream("Your order ", "is on ", "its way").events, cut_after=3),
    )
    events = turn(fake, staff_ctx)
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["stream_broken"]
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == "Your order is on "
    assert roles(staff_ctx) == ["user", "assistant", "tool", "assistant", "system"]
    records = conversations.list_tool_calls(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert [r.name for r in records] == ["echo"]


def test_malformed_tool_arguments_get_a_structured_error_and_the_turn_goes_on(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    fake.queue(
        Reply(
            events=[
                tool_fragment(0, call_id="c1", name="echo", args='{"text": "unterminated'),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text_stream("Sorry, let me retry."),
    )
    events = turn(fake, staff_ctx)
    result = next(e for e in events if isinstance(e, ToolResult))
    assert result.error_code == "invalid_arguments"
    assert json.loads(fake.requests[1]["messages"][-1]["content"])["error"] == "invalid_arguments"
    assert events[-1].text == "Sorry, let me retry."


def test_unknown_tool_from_the_provider_is_a_result(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    fake.queue(
        Reply(
            events=[
                tool_fragment(0, call_id="c1", name="delete_everything", args="{}"),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text_stream("I can't do that."),
    )
    events = turn(fake, staff_ctx)
    assert next(e for e in events if isinstance(e, ToolResult)).error_code == "unknown_tool"


def test_read_timeout_ends_with_a_clear_message(fake: FakeOpenAI, staff_ctx: ToolContext) -> None:
    fake.queue(Reply(delay_s=1.0, events=text_stream("late").events))
    events = turn(fake, staff_ctx, timeout_s=0.3)
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["provider_timeout"]


@pytest.mark.live_llm
@pytest.mark.skipif(
    os.environ.get("STOREDESK_LIVE_LLM") != "1" or not os.environ.get("OPENAI_API_KEY"),
    reason="live model test: set STOREDESK_LIVE_LLM=1 and OPENAI_API_KEY",
)
def test_live_model_calls_a_tool(staff_ctx: ToolContext) -> None:
    model = OpenAIChatModel(
        model=os.environ.get("STOREDESK_MODEL", "gpt-4o-mini"),
        api_key=os.environ["OPENAI_API_KEY"],
        base_url=os.environ.get("OPENAI_BASE_URL"),
    )
    events = list(
        loop.run_turn(
            conversation_id=staff_ctx.conversation_id or "",
            user_text="Please use the echo tool to echo the word 'pineapple', then tell me.",
            model=model,
            toolset=make_toolset(),
            ctx=staff_ctx,
        )
    )
    assert any(isinstance(e, ToolResult) and e.name == "echo" for e in events)
    assert "pineapple" in events[-1].text.lower()
