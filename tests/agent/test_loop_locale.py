"""The loop's and the confirmation's fixed messages follow the session's language."""

from __future__ import annotations

import dataclasses

from app.agent import loop
from app.agent.confirm import cancel_pending, confirm_pending
from app.agent.events import ConfirmationRequired, ErrorEvent, TextDelta
from app.agent.model import ProviderTimeout, StreamOptions
from app.agent.scripted import ScriptedModel, call, fault, reply
from app.i18n import t
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services import conversations

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


def errors(events: list) -> list[tuple[str, str]]:
    return [(e.code, e.message) for e in events if isinstance(e, ErrorEvent)]


def test_input_too_long_is_said_in_vietnamese(sarah: ToolContext) -> None:
    vi = dataclasses.replace(sarah, locale="vi")
    events = turn(vi, ScriptedModel([]), "a" * (loop.MAX_INPUT_CHARS + 1))
    assert errors(events) == [
        (
            "input_too_long",
            f"Tin nhắn của bạn quá dài; vui lòng viết dưới {loop.MAX_INPUT_CHARS} ký tự.",
        )
    ]


def test_the_locale_may_come_from_the_stream_options(sarah: ToolContext) -> None:
    events = turn(sarah, ScriptedModel([]), "   ", options=StreamOptions(locale="pt_BR"))
    assert errors(events) == [("empty_input", "Digite uma mensagem.")]


def test_a_provider_fault_is_told_in_portuguese_and_stored_so(sarah: ToolContext) -> None:
    pt = dataclasses.replace(sarah, locale="pt")
    events = turn(pt, ScriptedModel([fault(ProviderTimeout())]), "oi")
    expected = t("error.provider_timeout", "pt")
    assert errors(events) == [("provider_timeout", expected)]
    stored = conversations.load_messages(pt.uow_factory, conversation_id=pt.conversation_id or "")
    assert stored[-1].content == f"[provider_timeout] {expected}"


def test_the_limit_message_in_the_customers_language(sarah: ToolContext) -> None:
    vi = dataclasses.replace(sarah, locale="vi")
    model = ScriptedModel(forever=lambda msgs, tools: call("get_order_status", {"order_id": "x"}))
    events = turn(vi, model, "đơn hàng")
    text = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert t("error.limit_reached", "vi") in text and loop.LIMIT_MESSAGE not in text


def _preview(ctx: ToolContext) -> ConfirmationRequired:
    model = ScriptedModel([call("cancel_order", CANCEL), reply("...")])
    events = turn(ctx, model, "cancel ORD-92010")
    return next(e for e in events if isinstance(e, ConfirmationRequired))


def test_done_line_after_a_confirm_is_rendered_in_the_customers_language(
    sarah: ToolContext,
) -> None:
    vi = dataclasses.replace(sarah, locale="vi")
    shown = _preview(vi)
    outcome = confirm_pending(vi, confirmation_id=shown.confirmation_id)
    assert outcome.ok
    # "Xong: Hủy đơn hàng ORD-92010. Hoàn tiền: 318,00 US$. Trạng thái đơn hàng: đã hủy."
    assert outcome.message.startswith("Xong: Hủy đơn hàng ORD-92010.")
    assert "318,00\xa0US$" in outcome.message and "đã hủy" in outcome.message
    assert "Cancel" not in outcome.message and "refund" not in outcome.message.lower()
    stored = conversations.load_messages(vi.uow_factory, conversation_id=vi.conversation_id or "")
    assert stored[-1].role == "assistant" and stored[-1].content == outcome.message


def test_an_english_done_line_keeps_the_stores_own_summary(sarah: ToolContext) -> None:
    shown = _preview(sarah)
    outcome = confirm_pending(sarah, confirmation_id=shown.confirmation_id)
    assert outcome.message == f"Done: {shown.preview['summary']}"


def test_declining_and_refusals_in_portuguese(sarah: ToolContext) -> None:
    pt = dataclasses.replace(sarah, locale="pt")
    shown = _preview(pt)
    declined = cancel_pending(pt, confirmation_id=shown.confirmation_id)
    assert declined.message == "Cancelado: nada foi alterado."
    refused = confirm_pending(pt, confirmation_id=shown.confirmation_id)
    # The store's English reason is replaced by the fixed sentence for its code.
    assert not refused.ok and refused.error_code == "invalid_state"
    assert refused.message == t("confirm.error.invalid_state", "pt")


def test_the_model_is_told_the_chats_language(sarah: ToolContext) -> None:
    from app.agent.prompt import system_prompt

    assert "when that is unclear, Português" in system_prompt(
        dataclasses.replace(sarah, locale="pt")
    )
    assert "when that is unclear" not in system_prompt(sarah)
