"""The `openai` adapter against a real local HTTP server speaking the OpenAI wire format."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.agent.model import (
    ChatMessage,
    ModelFault,
    ModelFinished,
    ProviderAuthError,
    ProviderTimeout,
    ProviderUnavailable,
    RateLimited,
    StreamBroken,
    TextChunk,
    ToolCallRequest,
)
from app.agent.openai_chat import OpenAIChatModel
from tests.agent.fake_openai import (
    FakeOpenAI,
    Reply,
    chunk,
    text_stream,
    tool_fragment,
    usage_chunk,
)

HELLO = [ChatMessage(role="system", content="be nice"), ChatMessage(role="user", content="hi")]
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_order_status",
            "description": "Look up an order.",
            "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}},
        },
    }
]


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI()
    with server.running():
        yield server


def model(fake: FakeOpenAI, **kw: object) -> OpenAIChatModel:
    params: dict = {"model": "fake-model", "base_url": fake.base_url, "timeout_s": 2.0}
    params.update({"max_retries": 0, **kw})
    return OpenAIChatModel(**params)


def test_streamed_text_arrives_in_pieces_with_usage(fake: FakeOpenAI) -> None:
    fake.queue(text_stream("Hel", "lo ", "there", usage=(21, 4)))
    events = list(model(fake).stream(HELLO, []))
    assert [e.text for e in events if isinstance(e, TextChunk)] == ["Hel", "lo ", "there"]
    finished = events[-1]
    assert isinstance(finished, ModelFinished)
    assert finished.finish_reason == "stop"
    # the usage came in the final chunk that has no choices
    assert (finished.usage.input_tokens, finished.usage.output_tokens) == (21, 4)
    sent = fake.requests[0]
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
    assert sent["messages"][0] == {"role": "system", "content": "be nice"}
    assert "tools" not in sent


def test_fragmented_parallel_tool_calls_are_accumulated_by_index(fake: FakeOpenAI) -> None:
    fake.queue(
        Reply(
            events=[
                chunk({"role": "assistant", "content": None}),
                tool_fragment(0, call_id="call_a", name="get_order_status", args=""),
                tool_fragment(1, call_id="call_b", name="get_order_status", args='{"ord'),
                tool_fragment(0, args='{"order_'),
                tool_fragment(1, args='er_id": "ORD-2"}'),
                tool_fragment(0, args='id": "ORD-1"}'),
                chunk({}, "tool_calls"),
                usage_chunk(50, 20),
                "[DONE]",
            ]
        )
    )
    events = list(model(fake).stream(HELLO, TOOLS))
    calls = [e for e in events if isinstance(e, ToolCallRequest)]
    assert [(c.call_id, c.name, json.loads(c.arguments)) for c in calls] == [
        ("call_a", "get_order_status", {"order_id": "ORD-1"}),
        ("call_b", "get_order_status", {"order_id": "ORD-2"}),
    ]
    assert isinstance(events[-1], ModelFinished) and events[-1].finish_reason == "tool_calls"
    assert fake.requests[0]["tools"][0]["function"]["name"] == "get_order_status"


def test_malformed_arguments_are_passed_on_for_the_dispatcher_to_judge(fake: FakeOpenAI) -> None:
    fake.queue(
        Reply(
            events=[
                tool_fragment(0, call_id="c1", name="get_order_status", args='{"order_id": '),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        )
    )
    calls = [e for e in model(fake).stream(HELLO, TOOLS) if isinstance(e, ToolCallRequest)]
    assert calls[0].arguments == '{"order_id": '


def test_tool_history_is_sent_in_chat_format(fake: FakeOpenAI) -> None:
    fake.queue(text_stream("ok"))
    history = [
        *HELLO,
        ChatMessage(
            role="assistant",
            tool_calls=(ToolCallRequest("c1", "get_order_status", '{"order_id":"ORD-1"}'),),
        ),
        ChatMessage(role="tool", content='{"status":"shipped"}', tool_call_id="c1", name="x"),
    ]
    list(model(fake).stream(history, TOOLS))
    sent = fake.requests[0]["messages"]
    assert sent[2]["tool_calls"][0] == {
        "id": "c1",
        "type": "function",
        "function": {"name": "get_order_status", "arguments": '{"order_id":"ORD-1"}'},
    }
    assert sent[3] == {"role": "tool", "tool_call_id": "c1", "content": '{"status":"shipped"}'}


def test_rate_limit_is_retried_after_the_servers_delay(fake: FakeOpenAI) -> None:
    fake.queue(
        Reply(status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0.2"}),
        text_stream("fine now"),
    )
    events = list(model(fake, max_retries=2).stream(HELLO, []))
    assert "".join(e.text for e in events if isinstance(e, TextChunk)) == "fine now"
    assert len(fake.requests) == 2


def test_rate_limit_without_retries_left_is_a_clear_fault(fake: FakeOpenAI) -> None:
    fake.queue(Reply(status=429, body={"error": {"message": "x"}}, headers={"retry-after": "7"}))
    with pytest.raises(RateLimited) as info:
        list(model(fake).stream(HELLO, []))
    assert info.value.retry_after == 7.0 and "too many requests" in info.value.message


def test_server_error_is_a_clear_fault(fake: FakeOpenAI) -> None:
    fake.queue(Reply(status=500, body={"error": {"message": "internal: db password=x"}}))
    with pytest.raises(ProviderUnavailable) as info:
        list(model(fake).stream(HELLO, []))
    assert "password" not in info.value.message


def test_bad_key_is_reported_as_a_settings_problem(fake: FakeOpenAI) -> None:
    fake.queue(Reply(status=401, body={"error": {"message": "bad key sk-123"}}))
    with pytest.raises(ProviderAuthError) as info:
        list(model(fake).stream(HELLO, []))
    assert "sk-123" not in info.value.message


def test_read_timeout_is_a_clear_fault(fake: FakeOpenAI) -> None:
    fake.queue(Reply(delay_s=1.5, events=text_stream("late").events))
    with pytest.raises(ProviderTimeout):
        list(model(fake, timeout_s=0.3).stream(HELLO, []))


@pytest.mark.parametrize("cut_after", [2, 4])
def test_stream_cut_midway_is_a_broken_stream_after_the_text_seen(
    fake: FakeOpenAI, cut_after: int
) -> None:
    fake.queue(
        Reply(events=text_stream("one ", "two ", "three", "four").events, cut_after=cut_after)
    )
    seen: list[str] = []
    with pytest.raises(StreamBroken):
        for event in model(fake).stream(HELLO, []):
            if isinstance(event, TextChunk):
                seen.append(event.text)
    assert seen == ["one ", "two ", "three"][: cut_after - 1]


def test_a_stream_that_ends_without_finishing_is_broken(fake: FakeOpenAI) -> None:
    fake.queue(Reply(events=[chunk({"content": "half an ans"})]))
    with pytest.raises(StreamBroken):
        list(model(fake).stream(HELLO, []))


def test_unreachable_server_is_a_clear_fault() -> None:
    dead = OpenAIChatModel(
        model="m", base_url="http://127.0.0.1:9/v1", timeout_s=1.0, max_retries=0
    )
    with pytest.raises(ModelFault) as info:
        list(dead.stream(HELLO, []))
    assert info.value.code == "provider_error" and "reached" in info.value.message


def test_no_api_key_still_works_for_local_servers(fake: FakeOpenAI) -> None:
    fake.queue(text_stream("local"))
    events = list(model(fake, api_key=None).stream(HELLO, []))
    assert isinstance(events[-1], ModelFinished)
