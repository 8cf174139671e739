"""The engine's dialogue against a canned store: not-found orders, memory of the order
and product discussed, language choice, chat "yes" to previews, staff sessions, named
items, determinism and streaming."""

from __future__ import annotations

from typing import Any

import pytest

from app.agent.model import ChatMessage, ModelFinished, TextChunk, ToolCallRequest
from app.agent.offline import LABEL, OfflineModel
from tests.agent.offline.fakes import TOOLS, Chat, store


@pytest.mark.parametrize(
    ("text", "lang_word"),
    [
        ("Where is ORD-60215?", "couldn't find order ORD-60215"),
        ("Đơn ORD-60215 đâu rồi?", "không tìm thấy đơn hàng ORD-60215"),
        ("Cadê o pedido ORD-60215?", "Não encontrei o pedido ORD-60215"),
    ],
)
def test_an_order_the_store_does_not_find_is_reported_not_invented(
    text: str, lang_word: str
) -> None:
    chat = Chat()
    answer = chat.say(text)
    assert lang_word in answer
    assert "ORD-60215" not in answer.split(lang_word, 1)[1]  # no status, items or dates


def test_the_order_discussed_is_remembered_for_the_next_request() -> None:
    chat = Chat()
    chat.say("Where is ORD-92010?")
    chat.say("Then please cancel it, I ordered by mistake")
    assert chat.calls[-1] == (
        "cancel_order",
        {"order_id": "ORD-92010", "reason": "ordered by mistake"},
    )


def test_without_an_order_id_the_customer_is_offered_their_matching_orders() -> None:
    chat = Chat()
    answer = chat.say("I want to return something")
    assert chat.tool_names == ["get_customer_info"]
    assert "ORD-66120 (delivered)" in answer
    assert "ORD-92010" not in answer  # a pending order cannot be returned


def test_a_question_in_another_language_switches_the_answer_language() -> None:
    chat = Chat()
    assert "Hello" in chat.say("hello")
    assert "Đơn hàng ORD-78342" in chat.say("đơn hàng ORD-78342 đâu rồi")
    # A bare order id says nothing about language: the last one used is kept.
    assert "Đơn hàng ORD-66120" in chat.say("ORD-66120")


def test_session_locale_is_the_language_before_the_customer_writes_any() -> None:
    chat = Chat(locale="pt_BR")
    assert "O pedido ORD-78342" in chat.say("ORD-78342")


def test_a_wrong_order_is_dropped_from_the_conversation() -> None:
    chat = Chat()
    chat.say("Where is ORD-60215?")
    answer = chat.say("cancel it")
    assert "ORD-60215" not in str(chat.calls)
    assert "ORD-92010 (pending)" in answer


def test_unknown_messages_get_a_pointer_to_help() -> None:
    assert "help" in Chat().say("blorp zzz")


def test_the_engine_is_labelled_and_deterministic() -> None:
    model = OfflineModel()
    assert model.label == LABEL == "offline engine"
    messages = [ChatMessage(role="system", content="p"), ChatMessage(role="user", content="hi")]
    assert list(model.stream(messages, TOOLS)) == list(OfflineModel().stream(messages, TOOLS))
    first = Chat()
    second = Chat()
    for text in ("Where is ORD-78342?", "return ORD-66120", "it is damaged"):
        assert first.say(text) == second.say(text)
    assert first.messages == second.messages  # tool call ids included


def test_answers_are_streamed_in_chunks_that_join_to_the_answer() -> None:
    messages = [ChatMessage(role="user", content="help")]
    events = list(OfflineModel().stream(messages, TOOLS))
    chunks = [e.text for e in events if isinstance(e, TextChunk)]
    assert len(chunks) > 5
    assert isinstance(events[-1], ModelFinished) and events[-1].finish_reason == "stop"
    assert "".join(chunks).startswith("I can help you with:\n- where")


def test_a_tool_call_is_one_request_and_finishes_the_round() -> None:
    messages = [ChatMessage(role="user", content="where is ORD-78342")]
    events = list(OfflineModel().stream(messages, TOOLS))
    assert isinstance(events[0], ToolCallRequest)
    assert events[0].name == "get_order_status"
    assert isinstance(events[-1], ModelFinished) and events[-1].finish_reason == "tool_calls"


def test_tools_the_session_does_not_offer_are_not_called_for_lookups() -> None:
    # Without get_customer_info the engine asks for the order id instead of listing orders.
    tools = [t for t in TOOLS if t["function"]["name"] != "get_customer_info"]
    chat = Chat(tools=tools)
    answer = chat.say("where is my order?")
    assert chat.calls == []
    assert "order number" in answer


def test_tool_errors_are_explained_with_the_stores_words() -> None:
    def refusing(name: str, args: dict[str, Any]) -> Any:
        if name == "process_return":
            return {
                "error": "policy_violation",
                "detail": "The 30-day return window for this order has closed.",
                "hint": "Explain the policy.",
            }
        return store(name, args)

    chat = Chat(answer=refusing)
    answer = chat.say("Quero devolver o pedido ORD-66120, veio com defeito")
    assert answer == (
        "A política da loja não permite isso: The 30-day return window for this order has closed."
    )


@pytest.mark.parametrize(
    ("request_text", "yes", "no", "hint", "declined"),
    [
        (
            "cancel ORD-92010, ordered by mistake",
            "yes",
            "no",
            "press Confirm",
            "haven't changed anything",
        ),
        ("Hủy đơn ORD-92010, tôi đặt nhầm", "vâng", "không", "bấm Xác nhận", "chưa thay đổi gì"),
        (
            "Cancelar o pedido ORD-92010, comprei por engano",
            "sim",
            "não",
            "clique em Confirmar",
            "não alterei nada",
        ),
    ],
)
def test_a_yes_in_the_chat_points_to_confirm_and_never_confirms(
    request_text: str, yes: str, no: str, hint: str, declined: str
) -> None:
    chat = Chat()
    chat.say(request_text)
    assert chat.tool_names == ["cancel_order"]
    assert hint in chat.say(yes)
    assert chat.calls == []  # no tool can confirm, and none is called
    chat.say(request_text)
    assert declined in chat.say(no)
    assert chat.calls == []


def test_staff_name_the_customer_and_the_engine_remembers_them() -> None:
    staff_tools = [t for t in TOOLS if t["function"]["name"] != "get_customer_info"] + [
        {
            "type": "function",
            "function": {
                "name": "get_customer_info",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "customer_id": {"type": "string"},
                        "include_order_history": {"type": "boolean"},
                    },
                    "required": ["customer_id"],
                },
            },
        }
    ]
    chat = Chat(actor="staff", tools=staff_tools)
    assert "customer id or email" in chat.say("show the account")
    assert chat.calls == []
    chat.say("sarah.johnson@example.com")
    assert chat.calls == [
        (
            "get_customer_info",
            {"customer_id": "sarah.johnson@example.com", "include_order_history": True},
        )
    ]
    answer = chat.say("which order should I return?  I want to return one")
    assert chat.calls[0][1]["customer_id"] == "sarah.johnson@example.com"
    assert "ORD-66120" in answer


def test_a_product_named_in_words_is_found_in_the_stores_list() -> None:
    chat = Chat()
    chat.say("Is the smart watch in stock?")
    assert chat.calls == [
        ("list_product_types", {}),
        ("check_product_availability", {"product_sku": "SWX-300"}),
    ]


def test_it_refers_to_the_product_discussed_before() -> None:
    chat = Chat()
    chat.say("What's the warranty on UHD-4K-55?")
    chat.say("and is it available?")
    assert chat.calls[-1] == ("check_product_availability", {"product_sku": "UHD-4K-55"})


def test_with_no_product_named_the_customer_is_offered_the_list() -> None:
    answer = Chat().say("is it in stock?")
    assert "Smart Watch X3 (SWX-300)" in answer


@pytest.mark.parametrize(
    "text",
    [
        "Return the headphones from ORD-66120, they are broken",
        "Quero devolver o fone do pedido ORD-66120, veio com defeito",
        "Tôi muốn trả tai nghe đơn ORD-66120, bị hỏng",
    ],
)
def test_a_return_of_a_named_item_returns_only_that_item(text: str) -> None:
    chat = Chat()
    chat.say(text)
    assert chat.calls[-1][0] == "process_return"
    assert chat.calls[-1][1]["items_to_return"] == ["HPN-700-BLK"]


def test_a_return_naming_no_item_leaves_the_items_to_the_store() -> None:
    chat = Chat()
    chat.say("return ORD-66120, it is defective")
    assert "items_to_return" not in chat.calls[-1][1]  # the tool's default: every item


def test_an_order_only_discussed_before_that_cannot_be_returned_leads_to_a_choice() -> None:
    chat = Chat()
    chat.say("where is ORD-78342?")
    answer = chat.say("I want to return the earbuds")
    assert "ORD-78342 is in transit, so a return isn't possible" in answer
    assert "ORD-66120 (delivered)" in answer


def test_a_tool_the_session_lacks_is_not_called_and_the_customer_is_told() -> None:
    # e.g. the tau-retail toolset, whose tools have other names
    tools = [t for t in TOOLS if t["function"]["name"] != "get_order_status"]
    chat = Chat(tools=tools)
    answer = chat.say("Onde está meu pedido ORD-78342?")
    assert chat.calls == []
    assert answer == "Desculpe, não consigo fazer isso nesta sessão."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("What is your return policy?", "Return windows depend on the product"),
        ("Qual é a política de devolução?", "O prazo de devolução depende do produto"),
        ("Chính sách đổi trả thế nào?", "Thời hạn trả hàng tùy theo từng sản phẩm"),
    ],
)
def test_a_general_return_policy_question_asks_which_product(text: str, words: str) -> None:
    chat = Chat()
    answer = chat.say(text)
    assert words in answer and "Smart Watch X3 (SWX-300)" in answer
    chat.say("UHD-4K-55")
    assert chat.calls == [("get_product_info", {"info_type": "all", "product_sku": "UHD-4K-55"})]


def test_staff_find_a_customer_by_email() -> None:
    staff_tools = [t for t in TOOLS if t["function"]["name"] != "get_customer_info"] + [
        {
            "type": "function",
            "function": {
                "name": "get_customer_info",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "customer_id": {"type": "string"},
                        "include_order_history": {"type": "boolean"},
                    },
                },
            },
        }
    ]
    chat = Chat(actor="staff", tools=staff_tools)
    answer = chat.say("Find the customer sarah.johnson@example.com")
    assert chat.tool_names == ["get_customer_info"]
    assert "Sarah Johnson" in answer
