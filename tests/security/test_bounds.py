"""Bounds at every boundary, on SQLite and PostgreSQL: nothing a model or a customer
sends can fail a turn or be stored unbounded."""

from __future__ import annotations

import json

from app.agent.events import ErrorEvent, ToolResult, TurnFinished
from app.agent.model import ModelFinished, TextChunk, ToolCallRequest
from app.agent.scripted import ScriptedModel, Step, call, reply
from app.limits import (
    MAX_ANSWER_CHARS,
    MAX_CALL_ID_CHARS,
    MAX_RESULT_CHARS,
    MAX_TOOL_ARGUMENT_CHARS,
    MAX_TOOL_NAME_CHARS,
    clean_text,
)
from app.tools.base import NoArgs, PendingConfirmation, Tool, ToolSet
from app.tools.bounds import cap_result
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from services import conversations
from tests.security.conftest import turn


def _stored(ctx: ToolContext):
    return conversations.load_messages(ctx.uow_factory, conversation_id=ctx.conversation_id or "")


def _records(ctx: ToolContext):
    return conversations.list_tool_calls(ctx.uow_factory, conversation_id=ctx.conversation_id or "")


def test_nul_and_lone_surrogates_everywhere_never_fail_a_turn(sarah: ToolContext) -> None:
    dirty = "a\x00b\ud800c\udfff"
    hostile = ScriptedModel(
        [
            [
                TextChunk("text\x00with\ud83dnul "),
                ToolCallRequest(
                    call_id="call\x00\ud800",
                    name="get_order_status\x00",
                    arguments=json.dumps({"order_id": "ORD-78342\x00\ud800"}),
                ),
                ToolCallRequest(
                    call_id="c2",
                    name="search_help_center",
                    arguments='{"query": "returns\\u0000\\ud800"}',
                ),
                ModelFinished(finish_reason="tool_calls"),
            ],
            reply("done \x00 \udc00"),
        ]
    )
    events = turn(sarah, hostile, f"hello {dirty}")
    assert not [e for e in events if isinstance(e, ErrorEvent)]
    for m in _stored(sarah):
        for text in (m.content, m.name or "", m.tool_call_id or "", json.dumps(m.tool_calls)):
            assert "\x00" not in text and clean_text(text) == text
    for r in _records(sarah):
        assert "\x00" not in r.arguments and "\x00" not in r.name


def test_overlong_tool_names_and_call_ids_are_bounded_before_storage(sarah: ToolContext) -> None:
    long_id, long_name = "c" * 5_000, "get_order_status" + "x" * 500
    hostile = ScriptedModel(
        [call(long_name, {"order_id": "ORD-78342"}, call_id=long_id), reply("ok")]
    )
    events = turn(sarah, hostile, "hi")
    result = next(e for e in events if isinstance(e, ToolResult))
    assert result.error_code == "unknown_tool"
    assert len(result.call_id) <= MAX_CALL_ID_CHARS and len(result.name) <= MAX_TOOL_NAME_CHARS
    for m in _stored(sarah):
        assert len(m.tool_call_id or "") <= MAX_CALL_ID_CHARS
        for c in m.tool_calls or []:
            assert len(c["id"]) <= MAX_CALL_ID_CHARS and len(c["name"]) <= MAX_TOOL_NAME_CHARS
    # The request and its answer still pair up (the provider would reject the history else).
    tool_ids = {m.tool_call_id for m in _stored(sarah) if m.role == "tool"}
    asked = {c["id"] for m in _stored(sarah) for c in (m.tool_calls or [])}
    assert tool_ids == asked


def test_a_5mb_tool_argument_is_refused_and_not_stored(sarah: ToolContext) -> None:
    huge = json.dumps({"order_id": "ORD-78342", "pad": "x" * 5_000_000})
    events = turn(sarah, ScriptedModel([call("get_order_status", huge), reply("ok")]), "hi")
    result = next(e for e in events if isinstance(e, ToolResult))
    assert result.error_code == "invalid_arguments"
    assert "limit" in result.result
    total = sum(len(json.dumps(m.tool_calls or [])) + len(m.content) for m in _stored(sarah))
    assert total < 10 * MAX_TOOL_ARGUMENT_CHARS
    assert all(len(r.arguments) <= MAX_TOOL_ARGUMENT_CHARS for r in _records(sarah))


def test_an_8m_character_answer_is_cut_and_stored_cut(sarah: ToolContext) -> None:
    model = ScriptedModel([Step(text="y" * 8_000_000, chunk_size=1_000_000)])
    events = turn(sarah, model, "hi")
    finished = events[-1]
    assert isinstance(finished, TurnFinished)
    assert len(finished.text) == MAX_ANSWER_CHARS
    stored = [m for m in _stored(sarah) if m.role == "assistant"]
    assert len(stored[-1].content) == MAX_ANSWER_CHARS


def test_json_nested_5000_deep_is_invalid_arguments_not_internal_error(
    sarah: ToolContext,
) -> None:
    for deep in ("[" * 5_000 + "]" * 5_000, '{"a":' * 5_000 + "1" + "}" * 5_000):
        out = dispatch(ToolSet("t", [_echo()]), sarah, "echo", deep)
        assert out.error_code == "invalid_arguments", out.result
        events = turn(sarah, ScriptedModel([call("get_order_status", deep), reply("ok")]), "x")
        result = next(e for e in events if isinstance(e, ToolResult))
        assert result.error_code == "invalid_arguments"


def _echo() -> Tool:
    return Tool(name="echo", description="Echo.", args_model=NoArgs, handler=lambda c, a: {})


def test_results_are_capped_by_construction_even_when_escaping_grows_them() -> None:
    for filler in ('"' * 40_000, "\\" * 40_000, "\n" * 40_000, 'é"' * 20_000, "\x01" * 30_000):
        capped = cap_result(json.dumps({"data": filler}, ensure_ascii=False))
        assert len(capped) <= MAX_RESULT_CHARS
        body = json.loads(capped)
        assert body["truncated"] is True and body["partial"]


def test_a_long_preview_is_paged_never_cut(sarah: ToolContext) -> None:
    items = [{"item_id": f"{i:010d}", "name": 'Widget "quoted" ' * 5} for i in range(2_000)]
    pending = PendingConfirmation(
        action="process_return", confirmation_id="cf_123", summary="Return 2000 items",
        preview={"items": items, "refund": "1.00"},
    )  # fmt: skip
    tool = Tool(name="big", description="Big.", args_model=NoArgs, handler=lambda c, a: pending)
    out = dispatch(ToolSet("t", [tool]), sarah, "big", "{}")
    assert len(out.result) <= MAX_RESULT_CHARS
    body = json.loads(out.result)
    assert body["status"] == "confirmation_required" and body["confirmation_id"] == "cf_123"
    assert body["summary"] == "Return 2000 items"
    shown = len(body["preview"]["items"])
    assert 0 < shown < 2_000 and body["preview"]["items_not_shown"] == 2_000 - shown
    assert out.confirmation is not None and len(out.confirmation.preview["items"]) == 2_000


def test_a_staff_reply_and_a_ticket_with_nul_and_surrogates_are_stored(
    sarah: ToolContext,
) -> None:
    from services import handoff, inbox

    dirty = "see \x00 here \ud800 and \udfff"
    ticket = handoff.open_handoff(
        sarah.uow_factory,
        summary=dirty,
        reason_category="other",
        conversation_id=sarah.conversation_id,
        customer_id="CUST-9821",
    )
    reply = inbox.reply_as_staff(
        sarah.uow_factory, ticket_id=ticket.ticket_id, staff_name="Ana", text=dirty
    )
    assert "\x00" not in reply.content and clean_text(reply.content) == reply.content
    stored = _stored(sarah)
    assert any(m.role == "staff" and m.content.startswith("see") for m in stored)
