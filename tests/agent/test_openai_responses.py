"""The `openai-responses` adapter and the loop, against a real local HTTP server."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.agent import loop
from app.agent.events import ToolResult, TurnFinished
from app.agent.model import ChatMessage, ModelFinished, StreamBroken, ToolCallRequest
from app.agent.openai_responses import OpenAIResponsesModel
from app.tools.context import ToolContext
from services import conversations
from tests.agent.fake_openai import FakeOpenAI, Reply, responses_stream
from tests.agent.toolkit import make_toolset


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI()
    with server.running():
        yield server


def model(fake: FakeOpenAI, **kw: object) -> OpenAIResponsesModel:
    return OpenAIResponsesModel(
        model="fake-model", base_url=fake.base_url, timeout_s=2.0, max_retries=0, **kw
    )


def two_calls_then_answer(fake: FakeOpenAI) -> None:
    fake.queue(
        responses_stream(
            response_id="resp_1",
            calls=[("call_1", "echo", '{"text": "one"}'), ("call_2", "echo", '{"text": "two"}')],
        ),
        responses_stream(response_id="resp_2", text="Both done."),
    )


def test_two_tool_calls_in_one_response_answered_together(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    two_calls_then_answer(fake)
    events = list(
        loop.run_turn(
            conversation_id=staff_ctx.conversation_id or "",
            user_text="echo twice",
            model=model(fake),
            toolset=make_toolset(),
            ctx=staff_ctx,
        )
    )
    assert len([e for e in events if isinstance(e, ToolResult)]) == 2
    finished = events[-1]
    assert isinstance(finished, TurnFinished) and finished.text == "Both done."
    assert finished.usage.input_tokens == 60
    first, second = fake.requests
    assert fake.paths == ["/v1/responses", "/v1/responses"]
    assert "previous_response_id" not in first
    assert first["input"] == [{"role": "user", "content": "echo twice"}]
    assert first["tools"][0]["type"] == "function" and "function" not in first["tools"][0]
    assert "Policy" in first["instructions"]
    # the second request chains on the first and carries both outputs, nothing else
    assert second["previous_response_id"] == "resp_1"
    assert [i["type"] for i in second["input"]] == ["function_call_output"] * 2
    assert {i["call_id"] for i in second["input"]} == {"call_1", "call_2"}
    outputs = {i["call_id"]: json.loads(i["output"]) for i in second["input"]}
    assert outputs["call_1"]["echo"] == "one"
    stored = conversations.load_messages(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert [m.role for m in stored] == ["user", "assistant", "tool", "tool", "assistant"]


def test_stateless_mode_sends_the_full_input_every_time(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    two_calls_then_answer(fake)
    list(
        loop.run_turn(
            conversation_id=staff_ctx.conversation_id or "",
            user_text="echo twice",
            model=model(fake, stateless=True),
            toolset=make_toolset(),
            ctx=staff_ctx,
        )
    )
    second = fake.requests[1]
    assert "previous_response_id" not in second and second["store"] is False
    kinds = [i.get("type", i.get("role")) for i in second["input"]]
    assert kinds == [
        "user",
        "function_call",
        "function_call",
        "function_call_output",
        "function_call_output",
    ]


def test_text_and_usage_and_response_id(fake: FakeOpenAI) -> None:
    fake.queue(responses_stream(response_id="resp_9", text="Hello there"))
    events = list(model(fake).stream([ChatMessage(role="user", content="hi")], []))
    finished = events[-1]
    assert isinstance(finished, ModelFinished)
    assert finished.response_id == "resp_9" and finished.usage.output_tokens == 9
    assert not any(isinstance(e, ToolCallRequest) for e in events)


def test_stream_cut_before_completion_is_broken(fake: FakeOpenAI) -> None:
    reply = responses_stream(response_id="r", text="abcdef")
    fake.queue(Reply(events=reply.events, cut_after=2, sse_event_names=True))
    with pytest.raises(StreamBroken):
        list(model(fake).stream([ChatMessage(role="user", content="hi")], []))


def test_the_next_turn_continues_the_chain_from_stored_history(
    fake: FakeOpenAI, staff_ctx: ToolContext
) -> None:
    adapter = model(fake)
    fake.queue(
        responses_stream(response_id="resp_1", text="Hello! How can I help?"),
        responses_stream(response_id="resp_2", text="It is on its way."),
    )
    for text in ("hi", "where is my order?"):
        list(
            loop.run_turn(
                conversation_id=staff_ctx.conversation_id or "",
                user_text=text,
                model=adapter,
                toolset=make_toolset(),
                ctx=staff_ctx,
            )
        )
    second = fake.requests[1]
    # history came back from the database without response ids; the adapter knew it
    assert second["previous_response_id"] == "resp_1"
    assert second["input"] == [{"role": "user", "content": "where is my order?"}]


def test_a_fresh_adapter_sends_the_full_history(fake: FakeOpenAI, staff_ctx: ToolContext) -> None:
    fake.queue(
        responses_stream(response_id="resp_1", text="Hello!"),
        responses_stream(response_id="resp_2", text="Sure."),
    )
    for text in ("hi", "thanks"):
        list(
            loop.run_turn(
                conversation_id=staff_ctx.conversation_id or "",
                user_text=text,
                model=model(fake),  # a new process, say: nothing remembered
                toolset=make_toolset(),
                ctx=staff_ctx,
            )
        )
    second = fake.requests[1]
    assert "previous_response_id" not in second
    assert [i["content"] for i in second["input"]] == ["hi", "Hello!", "thanks"]
