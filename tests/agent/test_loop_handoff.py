"""The loop asks services whether the assistant may answer: while a person holds the
conversation the customer's message is stored and the turn ends without a model call."""

from __future__ import annotations

from sqlalchemy import func, select

from app.agent import loop
from app.agent.events import HeldForPerson, TextDelta, TurnFinished
from app.agent.scripted import ScriptedModel, calls, reply
from app.tools.context import ToolContext
from app.tools.toolsets import get_toolset
from services import conversations, handoff, inbox
from services.models import HandoffTicket

SUPPORT = get_toolset("support")


def turn(ctx: ToolContext, model: ScriptedModel, text: str, **kwargs: object) -> list:
    assert ctx.conversation_id
    return list(
        loop.run_turn(
            conversation_id=ctx.conversation_id,
            user_text=text,
            model=model,
            toolset=SUPPORT,
            ctx=ctx,
            **kwargs,  # type: ignore[arg-type]
        )
    )


def roles(ctx: ToolContext) -> list[tuple[str, str]]:
    msgs = conversations.load_messages(ctx.uow_factory, conversation_id=ctx.conversation_id or "")
    return [(m.role, m.content) for m in msgs if m.role in ("user", "assistant", "staff")]


def hand_off(ctx: ToolContext) -> str:
    return handoff.open_handoff(
        ctx.uow_factory,
        summary="Wants a person",
        conversation_id=ctx.conversation_id,
        customer_id=ctx.customer_id,
    ).ticket_id


def test_the_assistant_stays_silent_while_a_person_holds_it(sarah: ToolContext) -> None:
    ticket = hand_off(sarah)
    inbox.claim_ticket(sarah.uow_factory, ticket_id=ticket, staff_name="Ana")
    model = ScriptedModel([reply("I should not be heard")])
    events = turn(sarah, model, "Thanks Ana! When will the refund arrive?")
    assert model.seen == []  # no model call at all
    assert [e.kind for e in events] == ["held_for_person", "turn_finished"]
    held = events[0]
    assert isinstance(held, HeldForPerson) and (held.state, held.assignee) == ("with_person", "Ana")
    assert roles(sarah)[-1] == ("user", "Thanks Ana! When will the refund arrive?")
    # even an operator who lets the assistant answer the queue does not override a person
    events = turn(sarah, model, "hello?", answer_while_waiting=True)
    assert model.seen == [] and not any(isinstance(e, TextDelta) for e in events)


def test_while_waiting_the_operator_setting_decides(sarah: ToolContext) -> None:
    hand_off(sarah)
    silent = ScriptedModel([reply("no")])
    assert [e.kind for e in turn(sarah, silent, "still there?")] == [
        "held_for_person",
        "turn_finished",
    ]
    assert silent.seen == []
    allowed = ScriptedModel([reply("A person will reply here; meanwhile, ask me anything.")])
    events = turn(sarah, allowed, "where is my order?", answer_while_waiting=True)
    assert len(allowed.seen) == 1
    assert isinstance(events[-1], TurnFinished) and events[-1].text.startswith("A person")


def test_after_hand_back_the_assistant_answers_again(sarah: ToolContext) -> None:
    ticket = hand_off(sarah)
    inbox.claim_ticket(sarah.uow_factory, ticket_id=ticket, staff_name="Ana")
    inbox.resolve_ticket(sarah.uow_factory, ticket_id=ticket, staff_name="Ana")
    model = ScriptedModel([reply("Welcome back")])
    events = turn(sarah, model, "one more question")  # reopens: back to Ana, assistant silent
    assert model.seen == [] and isinstance(events[0], HeldForPerson)
    inbox.hand_back_to_ai(sarah.uow_factory, ticket_id=ticket, staff_name="Ana")
    events = turn(sarah, model, "are you there?")
    assert len(model.seen) == 1 and events[-1].text == "Welcome back"


def test_sixteen_transfers_in_one_turn_open_one_ticket(sarah: ToolContext) -> None:
    pairs = [("transfer_to_human", {"summary": f"attempt {i}"}) for i in range(16)]
    model = ScriptedModel([calls(*pairs), reply("A colleague will join.")])
    turn(sarah, model, "I want a person")
    with sarah.uow_factory() as uow:
        n = uow.session.scalar(
            select(func.count())
            .select_from(HandoffTicket)
            .where(HandoffTicket.conversation_id == sarah.conversation_id)
        )
    assert n == 1
    assert (
        handoff.conversation_state(
            sarah.uow_factory, conversation_id=sarah.conversation_id or ""
        ).state
        == "waiting"
    )
