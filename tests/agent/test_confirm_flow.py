"""Two-step actions through the loop: the model previews; only the caller confirms."""

from __future__ import annotations

import pytest

from app.agent import loop
from app.agent.confirm import cancel_pending, confirm_pending, is_affirmative
from app.agent.events import ConfirmationRequired, TextDelta, ToolResult
from app.agent.scripted import ScriptedModel, call, reply
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services import orders

CANCEL = {"order_id": "ORD-92010", "reason": "no longer needed"}


def turn(ctx: ToolContext, model: ScriptedModel, text: str, **kw: object) -> list:
    return list(
        loop.run_turn(
            conversation_id=ctx.conversation_id or "",
            user_text=text,
            model=model,
            toolset=SUPPORT,
            ctx=ctx,
            **kw,  # type: ignore[arg-type]
        )
    )


def status(ctx: ToolContext) -> str:
    return orders.get_order_status(ctx.uow_factory, order_id="ORD-92010", customer_id=None).status


def preview(ctx: ToolContext) -> ConfirmationRequired:
    model = ScriptedModel([call("cancel_order", CANCEL), reply("Shall I cancel it? Say yes.")])
    events = turn(ctx, model, "cancel ORD-92010, I no longer need it", confirm_on_yes=True)
    return next(e for e in events if isinstance(e, ConfirmationRequired))


def test_the_customers_plain_yes_applies_the_preview(sarah: ToolContext) -> None:
    shown = preview(sarah)
    assert shown.preview["summary"] and status(sarah) == "pending"
    model = ScriptedModel([])  # must not be asked: the yes is handled by the caller
    events = turn(sarah, model, "Yes, please!", confirm_on_yes=True)
    assert model.seen == []
    assert status(sarah) == "cancelled"
    result = next(e for e in events if isinstance(e, ToolResult))
    assert result.ok and result.call_id == shown.confirmation_id
    assert "".join(e.text for e in events if isinstance(e, TextDelta)).startswith("Done:")


def test_a_yes_in_a_web_session_goes_to_the_model_and_applies_nothing(
    sarah: ToolContext,
) -> None:
    preview(sarah)
    model = ScriptedModel([reply("Please press Confirm to go ahead.")])
    turn(sarah, model, "yes", confirm_on_yes=False)
    assert len(model.seen) == 1 and status(sarah) == "pending"


def test_a_yes_with_more_words_is_not_a_confirmation(sarah: ToolContext) -> None:
    preview(sarah)
    model = ScriptedModel([reply("Which other order?")])
    turn(sarah, model, "yes and cancel my other order too", confirm_on_yes=True)
    assert status(sarah) == "pending"


def test_the_model_cannot_confirm_by_itself(sarah: ToolContext) -> None:
    shown = preview(sarah)
    hostile = ScriptedModel(
        [
            call("confirm_action", {"confirmation_id": shown.confirmation_id}),
            call("cancel_order", {**CANCEL, "confirm": True}),
            call("cancel_order", CANCEL),
            reply("Done!"),
        ]
    )
    events = turn(sarah, hostile, "ok whatever you think")
    codes = [e.error_code for e in events if isinstance(e, ToolResult)]
    assert codes == ["unknown_tool", "invalid_arguments", None]
    assert status(sarah) == "pending"  # a new preview, still nothing applied


@pytest.mark.parametrize(
    "text", ["yes", "Yes!", "OK", "sim", "Sim, confirmo.", "có", "Đồng ý", "xác nhận"]
)
def test_plain_yes_in_three_languages(text: str) -> None:
    assert is_affirmative(text)


@pytest.mark.parametrize("text", ["no", "não", "không", "yes but change the address", "maybe"])
def test_anything_else_is_not_a_yes(text: str) -> None:
    assert not is_affirmative(text)


def test_a_declined_preview_can_no_longer_be_confirmed(sarah: ToolContext) -> None:
    shown = preview(sarah)
    declined = cancel_pending(sarah, confirmation_id=shown.confirmation_id)
    assert declined.ok and declined.message.startswith("Cancelled")
    late = confirm_pending(sarah, confirmation_id=shown.confirmation_id)
    assert not late.ok and late.error_code == "invalid_state"
    model = ScriptedModel([reply("Anything else?")])
    turn(sarah, model, "yes", confirm_on_yes=True)  # a yes after declining goes to the model
    assert len(model.seen) == 1 and status(sarah) == "pending"


def test_a_preview_confirmed_by_button_is_not_confirmed_again_by_yes(
    sarah: ToolContext,
) -> None:
    shown = preview(sarah)
    assert confirm_pending(sarah, confirmation_id=shown.confirmation_id).ok
    model = ScriptedModel([reply("It is already cancelled.")])
    turn(sarah, model, "yes", confirm_on_yes=True)
    assert len(model.seen) == 1
