"""AppTest: the Insights tiles show figures computed from recorded conversations."""

from __future__ import annotations

from services import conversations as conv
from services.models import Actor
from tests.ui.conftest import open_page


def _turn(uow, *, model, latency, tokens_in, tool, outcome, tool_ms, rating=None, code=None):
    cid = conv.start_conversation(uow, actor=Actor.CUSTOMER, customer_id="CUST-9821").id
    conv.append_message(uow, conversation_id=cid, role="user", content="Where is ORD-78342?")
    conv.record_tool_call(
        uow,
        conversation_id=cid,
        name=tool,
        arguments="{}",
        outcome=outcome,
        error_code=code,
        actor=Actor.CUSTOMER,
        duration_ms=tool_ms,
        call_id="c1",
    )
    conv.append_message(
        uow,
        conversation_id=cid,
        role="tool",
        content="{}",
        tool_call_id="c1",
        name=tool,
        latency_ms=tool_ms,
    )
    mid = conv.append_message(
        uow,
        conversation_id=cid,
        role="assistant",
        content="In transit.",
        model=model,
        latency_ms=latency,
        input_tokens=tokens_in,
        output_tokens=0,
    )
    if rating:
        conv.add_feedback(uow, conversation_id=cid, message_id=mid, rating=rating)
    return cid


def test_insights_tiles_show_the_seeded_figures(uow):
    _turn(
        uow,
        model="gpt-4.1",
        latency=380,
        tokens_in=1_000_000,
        tool="get_order_status",
        outcome="ok",
        tool_ms=20,
        rating=1,
    )
    _turn(
        uow,
        model="offline",
        latency=1000,
        tokens_in=0,
        tool="process_return",
        outcome="error",
        code="insufficient_funds",  # gift card too small: the store says no
        tool_ms=200,
        rating=-1,
    )
    conv.start_conversation(uow, actor=Actor.CUSTOMER, customer_id="CUST-4410")  # unanswered

    at = open_page("insights")
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    assert tiles["Conversations"][0] == "3"
    assert tiles["Resolved without hand-off"] == ("2", "66.7% of conversations")
    assert tiles["Hand-off rate"][0] == "0%"
    assert tiles["Turns per conversation"][0] == "0.7"
    assert tiles["Turn latency (median)"] == ("400 ms", "p95 1.2 s")
    # the refused return is the store saying no, not a failure of the system
    assert tiles["Tool calls"] == ("2", "0% failures · 1 refusals · 0 model mistakes")
    assert tiles["Estimated cost"][0] == "$2.00"
    assert tiles["Satisfaction"] == ("50%", "1 up · 1 down")
    tools = next(d.value for d in at.dataframe if "Tool" in d.value.columns)
    assert list(tools["Tool"]) == ["get_order_status", "process_return"]
    assert list(tools["Error rate"]) == ["0%", "100%"]
