from __future__ import annotations

import json
import logging
import threading
import time

import pytest
from pydantic import BaseModel, Field
from sqlalchemy import text

from app.limits import clean_text
from app.tools import dispatch as dispatch_module
from app.tools.base import NoArgs, Tool, ToolArgs, ToolSet
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from services import conversations
from tests.agent.toolkit import make_toolset

TOOLS = make_toolset()


def records(ctx: ToolContext) -> list[tuple[str, str, str | None]]:
    rows = conversations.list_tool_calls(ctx.uow_factory, conversation_id=ctx.conversation_id or "")
    return [(r.name, r.outcome, r.error_code) for r in rows]


def test_valid_call_returns_json_and_is_recorded(staff_ctx: ToolContext) -> None:
    out = dispatch(TOOLS, staff_ctx, "echo", '{"text": "hi"}', call_id="c1")
    assert out.ok and json.loads(out.result) == {
        "echo": "hi",
        "actor": "staff",
        "customer_id": None,
    }
    assert records(staff_ctx) == [("echo", "ok", None)]


def test_unknown_tool_is_a_structured_error(staff_ctx: ToolContext) -> None:
    out = dispatch(TOOLS, staff_ctx, "rm_rf", "{}")
    body = json.loads(out.result)
    assert body["error"] == "unknown_tool" and "echo" in body["hint"]
    assert records(staff_ctx) == [("rm_rf", "error", "unknown_tool")]


@pytest.mark.parametrize(
    "arguments",
    ['{"text": ', "[1, 2]", '"text"', '{"text": "hi", "customer_id": "CUST-1"}', '{"text": 5}'],
)
def test_malformed_or_invalid_arguments_are_structured_errors(
    staff_ctx: ToolContext, arguments: str
) -> None:
    out = dispatch(TOOLS, staff_ctx, "echo", arguments)
    body = json.loads(out.result)
    assert body["error"] == "invalid_arguments" and body["detail"] and body["hint"]


def test_identity_cannot_be_smuggled_in_arguments(staff_ctx: ToolContext) -> None:
    out = dispatch(TOOLS, staff_ctx, "echo", {"text": "x", "actor": "system"})
    assert json.loads(out.result)["error"] == "invalid_arguments"


def test_domain_error_maps_to_code_detail_hint(staff_ctx: ToolContext) -> None:
    out = dispatch(TOOLS, staff_ctx, "missing", "{}")
    assert json.loads(out.result) == {
        "error": "not_found",
        "detail": "Order not found.",
        "hint": "Check the id.",
    }


def test_tau_style_errors_are_the_benchmark_strings(staff_ctx: ToolContext) -> None:
    out = dispatch(make_toolset("tau"), staff_ctx, "missing", "{}")
    assert out.result == "Error: order not found" and out.error_code == "not_found"


def test_unexpected_exception_hides_details_but_logs_them(
    staff_ctx: ToolContext, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        out = dispatch(TOOLS, staff_ctx, "boom", "{}")
    assert json.loads(out.result)["error"] == "internal_error"
    assert "hunter2" not in out.result
    assert "hunter2" in caplog.text


def test_slow_tool_hits_the_time_limit(staff_ctx: ToolContext) -> None:
    out = dispatch(TOOLS, staff_ctx, "sleep", '{"seconds": 2}', timeout_s=0.2)
    assert json.loads(out.result)["error"] == "timeout"
    assert out.duration_ms < 1500
    assert records(staff_ctx) == [("sleep", "error", "timeout")]


class NoteArgs(ToolArgs):
    wait_s: float = Field(description="How long to wait before writing.")


def slow_note(ctx: ToolContext, args: NoteArgs) -> dict[str, bool]:
    """Writes a message to the conversation after a delay, committing like any service."""
    time.sleep(args.wait_s)
    conversations.append_message(
        ctx.uow_factory, conversation_id=ctx.conversation_id or "", role="user", content="late"
    )
    DONE.set()
    return {"written": True}


DONE = threading.Event()
SLOW = ToolSet("slow", [Tool("slow_note", "Write a note late.", NoteArgs, slow_note)])


def test_timed_out_call_cannot_commit_afterwards(staff_ctx: ToolContext) -> None:
    DONE.clear()
    out = dispatch(SLOW, staff_ctx, "slow_note", '{"wait_s": 0.5}', timeout_s=0.1)
    body = json.loads(out.result)
    assert body["error"] == "timeout" and "nothing was changed" in body["detail"]
    time.sleep(1.0)  # the handler's thread runs on and tries to commit
    assert not DONE.is_set()  # its commit was refused, so it never got past it
    assert (
        conversations.load_messages(
            staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
        )
        == []
    )
    assert records(staff_ctx) == [("slow_note", "error", "timeout")]


def note_then_hang(ctx: ToolContext, args: NoteArgs) -> dict[str, bool]:
    conversations.append_message(
        ctx.uow_factory, conversation_id=ctx.conversation_id or "", role="user", content="early"
    )
    time.sleep(args.wait_s)
    return {"written": True}


def test_a_timeout_after_a_commit_says_the_change_may_be_saved(staff_ctx: ToolContext) -> None:
    tools = ToolSet("hang", [Tool("note_then_hang", "Write, then hang.", NoteArgs, note_then_hang)])
    out = dispatch(tools, staff_ctx, "note_then_hang", '{"wait_s": 1.5}', timeout_s=0.8)
    body = json.loads(out.result)
    assert body["error"] == "timeout" and "may already be saved" in body["detail"]
    cid = staff_ctx.conversation_id or ""
    stored = conversations.load_messages(staff_ctx.uow_factory, conversation_id=cid)
    assert [m.content for m in stored] == ["early"]


def test_a_call_within_its_limit_commits(staff_ctx: ToolContext) -> None:
    out = dispatch(SLOW, staff_ctx, "slow_note", '{"wait_s": 0}', timeout_s=5)
    assert out.ok
    stored = conversations.load_messages(
        staff_ctx.uow_factory, conversation_id=staff_ctx.conversation_id or ""
    )
    assert [m.content for m in stored] == ["late"]


def test_huge_result_is_capped_and_still_json(staff_ctx: ToolContext) -> None:
    out = dispatch(TOOLS, staff_ctx, "huge", "{}")
    assert len(out.result) <= dispatch_module.MAX_RESULT_CHARS + 200
    assert json.loads(out.result)["truncated"] is True


def test_staff_only_tool_does_not_exist_for_customers(staff_ctx: ToolContext) -> None:
    from dataclasses import replace

    from services.models import Actor

    customer = replace(staff_ctx, actor=Actor.CUSTOMER, customer_id="CUST-1")
    out = dispatch(TOOLS, customer, "staff_echo", '{"text": "x"}', record=False)
    assert json.loads(out.result)["error"] == "unknown_tool"
    assert "staff_echo" not in json.loads(out.result)["hint"]


def test_confirmation_preview_vs_automatic(staff_ctx: ToolContext) -> None:
    from dataclasses import replace

    explicit = dispatch(TOOLS, staff_ctx, "cancel", '{"text": "ORD-1"}')
    assert explicit.outcome == "confirmation_required" and explicit.confirmation is not None
    auto = dispatch(TOOLS, replace(staff_ctx, confirmation="automatic"), "cancel", '{"text": "A"}')
    assert auto.outcome == "ok" and json.loads(auto.result)["status"] == "cancelled"


class Dirty(BaseModel):
    text: str


DIRTY = "a\x00b"
DIRTY_TOOLS = ToolSet(
    "dirty",
    [
        Tool("as_text", "A string result.", NoArgs, lambda ctx, args: f"x{DIRTY}\ud800"),
        Tool("as_dict", "A dict result.", NoArgs, lambda ctx, args: {"t": f"{DIRTY}\udfff"}),
        Tool("as_model", "A model result.", NoArgs, lambda ctx, args: Dirty(text=DIRTY)),
    ],
)


@pytest.mark.parametrize("name", ["as_text", "as_dict", "as_model"])
def test_results_carry_no_nul_or_lone_surrogate_whatever_the_handler_returns(
    staff_ctx: ToolContext, name: str
) -> None:
    # A model's JSON is not scanned again (pydantic escapes NUL): checked here for all.
    out = dispatch(DIRTY_TOOLS, staff_ctx, name, "{}", record=False)
    assert out.ok
    assert "\x00" not in out.result and clean_text(out.result) == out.result


class SpinArgs(ToolArgs):
    rows: int = Field(description="How many rows the slow query counts through.")


# Counts through `rows` rows in SQL: about a second per few million rows on SQLite.
SLOW_SQL = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT count(*) FROM generate_series(1, :rows)",
}
THREADS: list[int] = []


def spin(ctx: ToolContext, args: SpinArgs) -> dict[str, int]:
    THREADS.append(threading.get_ident())
    with ctx.uow_factory.reading() as connection:
        sql = SLOW_SQL[connection.dialect.name]
        return {"count": connection.execute(text(sql), {"rows": args.rows}).scalar_one()}


SPIN = ToolSet("spin", [Tool("spin", "A read-only slow query.", SpinArgs, spin, read_only=True)])


def test_a_read_only_tool_runs_here_on_sqlite_and_on_a_worker_on_postgresql(
    staff_ctx: ToolContext,
) -> None:
    THREADS.clear()
    out = dispatch(SPIN, staff_ctx, "spin", '{"rows": 10}', record=False)
    assert json.loads(out.result) == {"count": 10}
    here = [threading.get_ident()] == THREADS
    assert here == (staff_ctx.uow_factory.engine.dialect.name == "sqlite")


def test_a_slow_read_only_query_hits_the_time_limit_and_leaves_the_connection_clean(
    staff_ctx: ToolContext,
) -> None:
    started = time.monotonic()
    out = dispatch(SPIN, staff_ctx, "spin", '{"rows": 1000000000}', timeout_s=0.3)
    assert json.loads(out.result)["error"] == "timeout"
    assert "nothing was changed" in json.loads(out.result)["detail"]
    assert time.monotonic() - started < 5  # interrupted: counting to 1e9 takes minutes
    assert records(staff_ctx) == [("spin", "error", "timeout")]
    # The pooled connections are back without the interrupting handler: a read outside
    # any deadline, long enough to be interrupted by it, finishes.
    for _ in range(3):
        assert spin(staff_ctx, SpinArgs(rows=300_000)) == {"count": 300_000}


def test_a_tool_cannot_be_read_only_and_destructive() -> None:
    with pytest.raises(ValueError, match="read-only and destructive"):
        Tool("both", "Both.", SpinArgs, spin, read_only=True, destructive=True)
