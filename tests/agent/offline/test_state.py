"""Dialogue state is derived from the messages alone: language, order in focus, and the
request still waiting for a detail."""

from __future__ import annotations

import json

from app.agent.model import ChatMessage, ToolCallRequest
from app.agent.offline.state import derive, split_turns


def user(text: str) -> ChatMessage:
    return ChatMessage(role="user", content=text)


def bot(text: str) -> ChatMessage:
    return ChatMessage(role="assistant", content=text)


def called(call_id: str, name: str, args: dict[str, object], result: object) -> list[ChatMessage]:
    return [
        ChatMessage(
            role="assistant",
            tool_calls=(ToolCallRequest(call_id=call_id, name=name, arguments=json.dumps(args)),),
        ),
        ChatMessage(role="tool", content=json.dumps(result), tool_call_id=call_id, name=name),
    ]


def test_turns_pair_each_call_with_its_result() -> None:
    messages = [
        ChatMessage(role="system", content="policy"),
        user("where is ORD-78342"),
        *called("c1", "get_order_status", {"order_id": "ORD-78342"}, {"status": "in_transit"}),
        bot("It is in transit."),
        user("thanks"),
    ]
    turns = split_turns(messages)
    assert [t.user_text for t in turns] == ["where is ORD-78342", "thanks"]
    assert turns[0].calls[0].result == {"status": "in_transit"}
    assert turns[0].reply == "It is in transit."


def test_a_question_leaves_the_request_pending_and_the_answer_continues_it() -> None:
    d = derive([user("I want to return ORD-66120"), bot("What is the reason?"), user("broken")])
    assert d.intent == "return"
    assert d.slots.order_id == "ORD-66120"
    assert d.slots.reason == "defective"
    assert d.texts == ("I want to return ORD-66120", "broken")


def test_a_request_answered_by_its_tool_is_no_longer_pending() -> None:
    d = derive(
        [
            user("return ORD-66120, it is broken"),
            *called("c1", "process_return", {"order_id": "ORD-66120"}, {"status": "x"}),
            bot("Here is the preview."),
            user("ORD-78342"),
        ]
    )
    assert d.intent == "order_status"  # a bare order id after a finished request
    assert d.slots.order_id == "ORD-78342"


def test_thanks_ends_a_pending_request() -> None:
    d = derive([user("cancel ORD-92010"), bot("Why?"), user("thanks, never mind")])
    assert d.intent == "thanks"
    assert d.pending is None


def test_a_new_request_replaces_the_pending_one_but_keeps_the_order() -> None:
    d = derive([user("cancel ORD-92010"), bot("Why?"), user("actually, where is it?")])
    assert d.intent == "order_status"
    assert d.slots.order_id == "ORD-92010"


def test_an_order_the_store_did_not_find_leaves_the_focus() -> None:
    not_found = {"error": "not_found", "detail": "Order not found.", "hint": ""}
    d = derive(
        [
            user("where is ORD-60215"),
            *called("c1", "get_order_status", {"order_id": "ORD-60215"}, not_found),
            bot("Not found."),
            user("cancel it"),
        ]
    )
    assert d.slots.order_id is None


def test_language_sticks_until_the_customer_writes_in_another() -> None:
    d = derive([user("Onde está meu pedido?"), bot("..."), user("ORD-78342")])
    assert d.lang == "pt"
    d = derive([user("Onde está meu pedido?"), bot("..."), user("where is ORD-78342")])
    assert d.lang == "en"


def test_the_session_locale_applies_until_a_message_shows_a_language() -> None:
    assert derive([user("ORD-78342")], default_lang="vi").lang == "vi"
    assert derive([user("ORD-78342")]).lang == "en"


def test_calls_of_the_current_turn_are_visible_earlier_turns_are_history() -> None:
    d = derive(
        [
            user("where is ORD-78342"),
            *called("c1", "get_order_status", {"order_id": "ORD-78342"}, {"status": "x"}),
            bot("..."),
            user("and ORD-66120?"),
            *called("c2", "get_order_status", {"order_id": "ORD-66120"}, {"status": "y"}),
        ]
    )
    assert [c.args["order_id"] for c in d.calls] == ["ORD-66120"]
    assert len(d.history) == 1


def _previewed_cancel() -> list[ChatMessage]:
    preview = {"status": "confirmation_required", "confirmation_id": "cf_1", "preview": {}}
    return [
        user("cancel ORD-92010, ordered by mistake"),
        *called("c1", "cancel_order", {"order_id": "ORD-92010"}, preview),
        bot("Here is what would happen... press Confirm."),
    ]


def test_a_yes_after_a_preview_is_about_that_preview() -> None:
    assert derive([*_previewed_cancel(), user("yes")]).intent == "confirm_yes"
    assert derive([*_previewed_cancel(), user("não")]).intent == "confirm_no"


def test_a_preview_already_confirmed_with_the_button_is_not_waiting_for_a_yes() -> None:
    messages = [*_previewed_cancel(), bot("Done: Cancel order ORD-92010."), user("yes")]
    assert derive(messages).intent is None
