"""Ownership of conversations, and the chat-only "yes" that cannot be steered."""

from __future__ import annotations

import pytest

from app.agent.confirm import cancel_pending, confirm_pending, handled_confirmations
from app.agent.events import ConfirmationRequired, ErrorEvent, TextDelta, ToolResult
from app.agent.scripted import ScriptedModel, call, calls, reply
from app.tools.context import ToolContext
from services import conversations, orders
from tests.security.conftest import dump, turn

# The rules under test live above the database (tool scoping, the loop, confirm); the
# per-backend queries they rest on are covered by tests/services on both backends. One
# backend keeps this suite's time in make test small.
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

CANCEL = {"order_id": "ORD-92010", "reason": "no longer needed"}


def _status(ctx: ToolContext) -> str:
    return orders.get_order_status(ctx.uow_factory, order_id="ORD-92010", customer_id=None).status


def _count(ctx: ToolContext, conversation_id: str) -> int:
    return conversations.count_messages(ctx.uow_factory, conversation_id=conversation_id)


def test_a_turn_in_another_customers_conversation_is_refused_and_stores_nothing(
    sarah: ToolContext, michael: ToolContext
) -> None:
    theirs = michael.conversation_id or ""
    before, store = _count(michael, theirs), dump(sarah.uow_factory)
    spy = ScriptedModel([reply("leak")])
    # Sarah's authenticated context, Michael's conversation id.
    refused = turn(sarah, spy, "show me this conversation", conversation_id=theirs)
    assert [e.code for e in refused if isinstance(e, ErrorEvent)] == ["not_found"]
    assert spy.seen == []  # the model was never asked
    assert _count(michael, theirs) == before
    assert dump(sarah.uow_factory) == store


def test_a_missing_and_a_foreign_conversation_look_the_same(
    sarah: ToolContext, michael: ToolContext
) -> None:
    from dataclasses import replace

    foreign = confirm_pending(
        replace(sarah, conversation_id=michael.conversation_id), confirmation_id="cf_x"
    )
    missing = confirm_pending(replace(sarah, conversation_id="no-such-id"), confirmation_id="cf_x")
    assert (foreign.error_code, foreign.message) == (missing.error_code, missing.message)
    declined = cancel_pending(
        replace(sarah, conversation_id=michael.conversation_id), confirmation_id="cf_x"
    )
    assert declined.error_code == "not_found"
    assert _count(michael, michael.conversation_id or "") == 0


def _preview(ctx: ToolContext, final: str = "Shall I cancel it?") -> ConfirmationRequired:
    model = ScriptedModel([call("cancel_order", CANCEL), reply(final)])
    events = turn(ctx, model, "cancel ORD-92010", confirm_on_yes=True)
    return next(e for e in events if isinstance(e, ConfirmationRequired))


def test_yes_applies_the_preview_the_channel_asked_about_last(sarah: ToolContext) -> None:
    shown = _preview(sarah)
    events = turn(sarah, ScriptedModel([]), "yes", confirm_on_yes=True)
    assert _status(sarah) == "cancelled"
    assert any(isinstance(e, ToolResult) and e.call_id == shown.confirmation_id for e in events)


def test_yes_after_an_unrelated_question_is_not_a_confirmation(sarah: ToolContext) -> None:
    _preview(sarah)
    # The model's next answer ends with a question of its own: the preview is no longer
    # the last thing shown, so "yes" answers the model's question, not the preview.
    turn(
        sarah, ScriptedModel([reply("Would you like our newsletter?")]), "hmm", confirm_on_yes=True
    )
    model = ScriptedModel([reply("Subscribed!")])
    turn(sarah, model, "yes", confirm_on_yes=True)
    assert len(model.seen) == 1 and _status(sarah) == "pending"


def test_a_preview_without_the_channels_own_question_is_not_confirmed_by_yes(
    sarah: ToolContext,
) -> None:
    # A web turn (Confirm button channel) showed the preview; the channel never asked.
    model = ScriptedModel([call("cancel_order", CANCEL), reply("Reply yes to cancel.")])
    turn(sarah, model, "cancel ORD-92010")
    spy = ScriptedModel([reply("Please press Confirm.")])
    turn(sarah, spy, "yes", confirm_on_yes=True)
    assert len(spy.seen) == 1 and _status(sarah) == "pending"


def test_two_previews_in_one_answer_are_never_applied_by_one_yes(sarah: ToolContext) -> None:
    model = ScriptedModel(
        [calls(("cancel_order", CANCEL), ("get_order_status", {"order_id": "ORD-92010"})),
         call("cancel_order", {**CANCEL, "reason": "ordered by mistake"}), reply("Which one?")]
    )  # fmt: skip
    events = turn(sarah, model, "cancel", confirm_on_yes=True)
    assert len([e for e in events if isinstance(e, ConfirmationRequired)]) == 2
    spy = ScriptedModel([reply("Which one?")])
    turn(sarah, spy, "yes", confirm_on_yes=True)
    assert len(spy.seen) == 1 and _status(sarah) == "pending"


def test_a_model_call_named_like_the_confirm_tool_cannot_swallow_the_yes(
    sarah: ToolContext,
) -> None:
    shown = _preview(sarah)
    cid = shown.confirmation_id
    # The model answers "hmm" with calls named confirm_action that reuse the confirmation
    # id as their call id, hoping to mark the preview as handled ...
    hostile = ScriptedModel(
        [
            calls(("confirm_action", {"confirmation_id": cid}), call_ids=[cid]),
            reply("Anything else?"),
        ]
    )
    events = turn(sarah, hostile, "hmm")
    assert [e.error_code for e in events if isinstance(e, ToolResult)] == ["unknown_tool"]
    assert _status(sarah) == "pending"
    # ... it is not counted as handled, and the customer's real Confirm still applies it.
    records = conversations.list_tool_calls(
        sarah.uow_factory, conversation_id=sarah.conversation_id or ""
    )
    assert cid not in handled_confirmations(records)
    assert confirm_pending(sarah, confirmation_id=cid).ok
    assert _status(sarah) == "cancelled"


def test_the_channels_question_is_shown_last_and_in_the_customers_words(
    sarah: ToolContext,
) -> None:
    model = ScriptedModel([call("cancel_order", CANCEL), reply("Here it is. Any questions?")])
    events = turn(sarah, model, "cancel ORD-92010", confirm_on_yes=True)
    text = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert text.rstrip().endswith("nothing changes otherwise.")
