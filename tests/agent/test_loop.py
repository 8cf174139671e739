from __future__ import annotations

import json

from sqlalchemy import func, select

from app.agent import loop
from app.agent.events import (
    ConfirmationRequired,
    ErrorEvent,
    TextDelta,
    ToolResult,
    TurnFinished,
)
from app.agent.model import ModelFinished, StreamBroken, TextChunk, ToolCallRequest
from app.agent.scripted import ScriptedModel, call, calls, fault, reply
from app.tools.context import ToolContext
from services import conversations
from services.models import ToolCallRecord
from tests.agent.toolkit import make_toolset

TOOLS = make_toolset()


def run(ctx: ToolContext, model: ScriptedModel, text: str = "hello") -> list:
    assert ctx.conversation_id
    return list(
        loop.run_turn(
            conversation_id=ctx.conversation_id,
            user_text=text,
            model=model,
            toolset=TOOLS,
            ctx=ctx,
        )
    )


def stored(ctx: ToolContext) -> list[tuple[str, str]]:
    assert ctx.conversation_id
    msgs = conversations.load_messages(ctx.uow_factory, conversation_id=ctx.conversation_id)
    return [(m.role, m.content) for m in msgs]


def test_text_reply_streams_and_is_stored(staff_ctx: ToolContext) -> None:
    events = run(staff_ctx, ScriptedModel([reply("Hello, how can I help you today?")]))
    deltas = [e.text for e in events if isinstance(e, TextDelta)]
    assert len(deltas) > 1 and "".join(deltas) == "Hello, how can I help you today?"
    finished = events[-1]
    assert isinstance(finished, TurnFinished)
    assert finished.text == "Hello, how can I help you today?"
    assert finished.usage.input_tokens == 10 and finished.rounds == 1
    assert stored(staff_ctx) == [
        ("user", "hello"),
        ("assistant", "Hello, how can I help you today?"),
    ]


def test_tool_round_is_stored_with_its_record(staff_ctx: ToolContext) -> None:
    model = ScriptedModel([call("count_messages", {}, call_id="c1"), reply("There are 2.")])
    events = run(staff_ctx, model)
    kinds = [e.kind for e in events]
    assert kinds.index("tool_call_started") < kinds.index("tool_result") < kinds.index("text_delta")
    result = next(e for e in events if isinstance(e, ToolResult))
    # the tool saw the user message and the assistant's tool-call message, both committed
    assert json.loads(result.result) == {"messages": 2}
    assert [r for r, _ in stored(staff_ctx)] == ["user", "assistant", "tool", "assistant"]
    # the model's second call saw the tool answer paired with its call id
    second_messages = model.seen[1][0]
    assert second_messages[-1].role == "tool" and second_messages[-1].tool_call_id == "c1"
    records = conversations.list_tool_calls(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert [(r.name, r.outcome, r.call_id) for r in records] == [("count_messages", "ok", "c1")]


def test_independent_calls_of_one_response_run_concurrently(staff_ctx: ToolContext) -> None:
    # Each rendezvous call waits for the other: run one after the other, both would time out.
    model = ScriptedModel([calls(("rendezvous", {}), ("rendezvous", {})), reply("done")])
    events = run(staff_ctx, model)
    results = [e for e in events if isinstance(e, ToolResult)]
    assert [json.loads(r.result) for r in results] == [{"met": True}, {"met": True}]


def test_a_model_calling_tools_forever_stops_at_the_bound(staff_ctx: ToolContext) -> None:
    model = ScriptedModel(forever=lambda msgs, tools: call("echo", {"text": "again"}))
    events = run(staff_ctx, model)
    assert len(model.seen) == loop.MAX_TOOL_ROUNDS
    errors = [e for e in events if isinstance(e, ErrorEvent)]
    assert [e.code for e in errors] == ["limit_reached"]
    finished = events[-1]
    assert isinstance(finished, TurnFinished) and loop.LIMIT_MESSAGE in finished.text
    assert stored(staff_ctx)[-1] == ("assistant", loop.LIMIT_MESSAGE)


def test_tool_call_budget_answers_every_call_id(staff_ctx: ToolContext) -> None:
    many = [("echo", {"text": str(i)}) for i in range(loop.MAX_TOOL_CALLS_PER_TURN + 3)]
    model = ScriptedModel([calls(*many), reply("ok")])
    events = run(staff_ctx, model)
    results = [e for e in events if isinstance(e, ToolResult)]
    assert len(results) == len(many)
    assert sum(1 for r in results if r.error_code == "limit_reached") == 3
    answered = {m.tool_call_id for m in model.seen[1][0] if m.role == "tool"}
    assert len(answered) == len(many)


def test_failure_between_two_tool_calls_keeps_what_was_stored(staff_ctx: ToolContext) -> None:
    model = ScriptedModel(
        [
            call("echo", {"text": "first"}, call_id="a"),
            fault(StreamBroken(), text="Let me check the sec", after_chunks=2),
        ]
    )
    events = run(staff_ctx, model)
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["stream_broken"]
    assert isinstance(events[-1], TurnFinished)
    roles = stored(staff_ctx)
    assert [r for r, _ in roles] == ["user", "assistant", "tool", "assistant", "system"]
    assert roles[3] == ("assistant", "Let me check the")  # what the user saw stays
    records = conversations.list_tool_calls(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert [(r.name, r.outcome) for r in records] == [("echo", "ok")]


def test_a_crashing_tool_is_a_result_and_the_turn_goes_on(staff_ctx: ToolContext) -> None:
    model = ScriptedModel(
        [calls(("boom", {}), ("echo", {"text": "still here"})), reply("Sorry about that.")]
    )
    events = run(staff_ctx, model)
    results = {e.name: e for e in events if isinstance(e, ToolResult)}
    assert results["boom"].error_code == "internal_error"
    assert "hunter2" not in results["boom"].result
    assert results["echo"].ok
    assert isinstance(events[-1], TurnFinished) and events[-1].text == "Sorry about that."


def test_unknown_tool_and_malformed_arguments_are_results(staff_ctx: ToolContext) -> None:
    model = ScriptedModel(
        [
            [
                ToolCallRequest("u1", "drop_tables", "{}"),
                ToolCallRequest("m1", "echo", '{"text": "unterminated'),
                ModelFinished(finish_reason="tool_calls"),
            ],
            [TextChunk("I could not do that."), ModelFinished()],
        ]
    )
    events = run(staff_ctx, model)
    codes = {e.call_id: e.error_code for e in events if isinstance(e, ToolResult)}
    assert codes == {"u1": "unknown_tool", "m1": "invalid_arguments"}
    assert isinstance(events[-1], TurnFinished) and events[-1].text == "I could not do that."


def test_destructive_tool_asks_for_confirmation(staff_ctx: ToolContext) -> None:
    model = ScriptedModel([call("cancel", {"text": "ORD-1"}, call_id="x"), reply("Confirm?")])
    events = run(staff_ctx, model)
    confirmations = [e for e in events if isinstance(e, ConfirmationRequired)]
    assert len(confirmations) == 1
    assert confirmations[0].confirmation_id == "CONF-TEST-1"
    assert confirmations[0].preview["summary"] == "Cancel order ORD-1"
    records = conversations.list_tool_calls(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert records[0].outcome == "confirmation_required"


def test_too_long_input_changes_nothing(staff_ctx: ToolContext) -> None:
    model = ScriptedModel([reply("never")])
    events = run(staff_ctx, model, "x" * (loop.MAX_INPUT_CHARS + 1))
    assert [e.kind for e in events] == ["error", "turn_finished"]
    assert model.seen == [] and stored(staff_ctx) == []


def test_next_turn_repairs_a_tool_call_left_unanswered(staff_ctx: ToolContext) -> None:
    conv = staff_ctx.conversation_id or ""
    uf = staff_ctx.uow_factory
    conversations.append_message(uf, conversation_id=conv, role="user", content="hi")
    conversations.append_message(
        uf,
        conversation_id=conv,
        role="assistant",
        tool_calls=[{"id": "lost", "name": "echo", "arguments": "{}"}],
    )
    model = ScriptedModel([reply("Hello again")])
    run(staff_ctx, model, "are you there?")
    sent = model.seen[0][0]
    assert [m.role for m in sent] == ["system", "user", "assistant", "tool", "user"]
    assert sent[3].tool_call_id == "lost" and "interrupted" in sent[3].content


def test_staff_tools_are_not_offered_to_customers(staff_ctx: ToolContext) -> None:
    model = ScriptedModel([reply("hi")])
    run(staff_ctx, model)
    offered = {t["function"]["name"] for t in model.seen[0][1]}
    assert "staff_echo" in offered


def test_tool_call_records_count(staff_ctx: ToolContext) -> None:
    run(staff_ctx, ScriptedModel([calls(("echo", {"text": "a"}), ("missing", {})), reply("k")]))
    with staff_ctx.uow_factory() as uow:
        n = uow.session.scalar(select(func.count()).select_from(ToolCallRecord))
    assert n == 2


def test_token_cap_stops_a_turn_that_burns_tokens(staff_ctx: ToolContext) -> None:
    from app.agent.events import Usage
    from app.agent.model import ToolCallRequest as Req
    from app.agent.scripted import Step

    greedy = Step(
        tool_calls=(Req("t1", "echo", '{"text": "x"}'),),
        usage=Usage(input_tokens=loop.MAX_TURN_TOKENS, output_tokens=1),
    )
    model = ScriptedModel([greedy, reply("never asked")])
    events = run(staff_ctx, model)
    assert len(model.seen) == 1
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["limit_reached"]


def test_customer_turns_offer_no_staff_tool_and_no_identity_argument(
    sarah: ToolContext,
) -> None:
    from app.tools.support import SUPPORT

    model = ScriptedModel([reply("Hi Sarah")])
    list(
        loop.run_turn(
            conversation_id=sarah.conversation_id or "",
            user_text="hello",
            model=model,
            toolset=SUPPORT,
            ctx=sarah,
        )
    )
    offered = {t["function"]["name"]: t["function"]["parameters"] for t in model.seen[0][1]}
    assert "find_customer" not in offered
    assert "customer_id" not in offered["get_customer_info"]["properties"]
    system = model.seen[0][0][0]
    assert system.role == "system" and "CUST-9821" in system.content
    assert "customer's language" in system.content


def test_an_empty_final_answer_gets_a_clear_message(staff_ctx: ToolContext) -> None:
    events = run(staff_ctx, ScriptedModel([[ModelFinished(finish_reason="length")]]))
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["empty_answer"]
    assert stored(staff_ctx)[-1][0] == "system"


def test_storage_failing_mid_turn_ends_cleanly_and_keeps_what_was_written(
    staff_ctx: ToolContext, monkeypatch
) -> None:
    real = conversations.append_message
    calls = {"n": 0}

    def flaky(*args, **kwargs):  # the third write (the tool result) hits a dead database
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk I/O error")
        return real(*args, **kwargs)

    monkeypatch.setattr(loop.conversations, "append_message", flaky)
    events = run(staff_ctx, ScriptedModel([call("echo", {"text": "x"}), reply("never")]))
    assert [e.code for e in events if isinstance(e, ErrorEvent)] == ["internal_error"]
    assert "disk" not in events[-2].message
    assert isinstance(events[-1], TurnFinished)
    monkeypatch.undo()
    assert [r for r, _ in stored(staff_ctx)][:2] == ["user", "assistant"]
    records = conversations.list_tool_calls(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert [r.name for r in records] == ["echo"]


def test_session_facts_given_to_the_model_come_from_the_context(staff_ctx: ToolContext) -> None:
    from app.agent.model import StreamOptions

    seen: list[StreamOptions | None] = []

    class Spy(ScriptedModel):
        def stream(self, messages, tools, options=None):  # type: ignore[no-untyped-def]
            seen.append(options)
            return super().stream(messages, tools, options)

    list(
        loop.run_turn(
            conversation_id=staff_ctx.conversation_id or "",
            user_text="hi",
            model=Spy([reply("hello")]),
            toolset=TOOLS,
            ctx=staff_ctx,
            options=StreamOptions(actor="customer", locale="pt", conversation_id="other"),
        )
    )
    assert seen[0] is not None
    assert (seen[0].actor, seen[0].locale) == ("staff", "pt")
    assert seen[0].conversation_id == staff_ctx.conversation_id
