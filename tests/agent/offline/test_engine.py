"""The engine against a canned store, round by round as the loop drives it: which tools it
calls for each intent and language, what it asks when a detail is missing, and that it
answers in the customer's language from the results only."""

from __future__ import annotations

from typing import Any

import pytest

from app.agent.model import ChatMessage, ModelFinished, TextChunk, ToolCallRequest
from app.agent.offline import LABEL, OfflineModel
from tests.agent.offline.fakes import TOOLS, Chat, store

# intent -> language -> (message, tools called in order, words the answer must contain)
ONE_SHOT: dict[str, dict[str, tuple[str, list[str], list[str]]]] = {
    "order_status": {
        "en": (
            "Where is my order ORD-78342?",
            ["get_order_status"],
            ["in transit", "FSX1234567890"],
        ),
        "vi": (
            "Đơn hàng ORD-78342 của tôi đâu rồi?",
            ["get_order_status"],
            ["đang được vận chuyển", "FSX1234567890"],
        ),
        "pt": (
            "Onde está meu pedido ORD-78342?",
            ["get_order_status"],
            ["em trânsito", "FSX1234567890"],
        ),
    },
    "availability": {
        "en": ("Is UHD-4K-55 in stock?", ["check_product_availability"], ["in stock", "Chicago"]),
        "vi": (
            "UHD-4K-55 còn hàng không?",
            ["check_product_availability"],
            ["còn hàng", "Chicago"],
        ),
        "pt": (
            "O UHD-4K-55 tem em estoque?",
            ["check_product_availability"],
            ["tem em estoque", "Chicago"],
        ),
    },
    "product_info": {
        "en": ("What's the warranty on UHD-4K-55?", ["get_product_info"], ["Warranty: 2-year"]),
        "vi": ("Bảo hành của UHD-4K-55 thế nào?", ["get_product_info"], ["Bảo hành: 2-year"]),
        "pt": ("Qual a garantia do UHD-4K-55?", ["get_product_info"], ["Garantia: 2-year"]),
    },
    "account": {
        "en": ("Show me my account", ["get_customer_info"], ["Sarah Johnson", "ending in 4242"]),
        "vi": (
            "Cho tôi xem thông tin tài khoản",
            ["get_customer_info"],
            ["Sarah Johnson", "đuôi 4242"],
        ),
        "pt": ("Quero ver meus dados", ["get_customer_info"], ["Sarah Johnson", "final 4242"]),
    },
    "human": {
        "en": ("Let me talk to a human", ["transfer_to_human"], ["HT-0001", "human agent"]),
        "vi": ("Tôi muốn gặp nhân viên", ["transfer_to_human"], ["HT-0001", "nhân viên hỗ trợ"]),
        "pt": ("Quero falar com um atendente", ["transfer_to_human"], ["HT-0001", "atendente"]),
    },
    "greeting": {
        "en": ("Hello", [], ["Hello!"]),
        "vi": ("Xin chào", [], ["Xin chào!"]),
        "pt": ("Olá", [], ["Olá!"]),
    },
    "thanks": {
        "en": ("Thanks!", [], ["You're welcome"]),
        "vi": ("Cảm ơn bạn", [], ["Không có gì"]),
        "pt": ("Obrigado!", [], ["De nada"]),
    },
    "help": {
        "en": ("help", [], ["I can help you with"]),
        "vi": ("Giúp tôi với", [], ["Tôi có thể giúp bạn"]),
        "pt": ("Preciso de ajuda", [], ["Posso ajudar você"]),
    },
}


@pytest.mark.parametrize(
    ("intent", "lang"), [(i, lang) for i, by in ONE_SHOT.items() for lang in by]
)
def test_one_message_intents(intent: str, lang: str) -> None:
    text, tools, words = ONE_SHOT[intent][lang]
    chat = Chat()
    answer = chat.say(text)
    assert chat.tool_names == tools
    for word in words:
        assert word in answer


# A request missing a detail: first message, the question's key words, the detail, the
# tools of the second turn, and words of the preview.
TWO_STEP: dict[str, dict[str, tuple[str, list[str], str, list[str], list[str]]]] = {
    "return": {
        "en": (
            "I want to return ORD-66120",
            ["reason"],
            "It arrived broken",
            ["get_order_status", "process_return"],
            ["Refund: $263.99", "Press Confirm"],
        ),
        "vi": (
            "Tôi muốn trả hàng đơn ORD-66120",
            ["Lý do"],
            "sản phẩm bị lỗi",
            ["get_order_status", "process_return"],
            ["Số tiền hoàn: $263.99", "Xác nhận"],
        ),
        "pt": (
            "Quero devolver o pedido ORD-66120",
            ["motivo"],
            "veio com defeito",
            ["get_order_status", "process_return"],
            ["Reembolso: $263.99", "Confirmar"],
        ),
    },
    "cancel": {
        "en": (
            "Please cancel order ORD-92010",
            ["Why"],
            "I ordered it by mistake",
            ["cancel_order"],
            ["Refund: $318.00", "ordered by mistake"],
        ),
        "vi": (
            "Hủy đơn ORD-92010",
            ["Vì sao"],
            "tôi đặt nhầm",
            ["cancel_order"],
            ["Số tiền hoàn: $318.00", "đặt nhầm"],
        ),
        "pt": (
            "Quero cancelar o pedido ORD-92010",
            ["Por que"],
            "comprei por engano",
            ["cancel_order"],
            ["Reembolso: $318.00", "comprado por engano"],
        ),
    },
    "change_address": {
        "en": (
            "I need to change the shipping address of ORD-92010",
            ["new shipping address"],
            "500 Main St, Springfield, IL 62704, USA",
            ["change_shipping_address"],
            ["New address: 500 Main St, Springfield, IL 62704, USA"],
        ),
        "vi": (
            "Tôi muốn đổi địa chỉ giao hàng đơn ORD-92010",
            ["Địa chỉ giao hàng mới"],
            "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội 100000, Việt Nam",
            ["change_shipping_address"],
            ["Địa chỉ mới: 12 Lý Thường Kiệt"],
        ),
        "pt": (
            "Quero trocar o endereço de entrega do pedido ORD-92010",
            ["novo endereço"],
            "Rua Augusta, 1508, Apto 72, São Paulo, SP 01304-001, Brasil",
            ["change_shipping_address"],
            ["Novo endereço: Rua Augusta, 1508"],
        ),
    },
    "change_payment": {
        "en": (
            "I want to change the payment method of ORD-92010",
            ["ending in 4242"],
            "the gift card",
            ["get_order_status", "get_customer_info", "change_payment_method"],
            ["gift card (balance $60.00)"],
        ),
        "vi": (
            "Đổi phương thức thanh toán đơn ORD-92010",
            ["đuôi 4242"],
            "thẻ quà tặng",
            ["get_order_status", "get_customer_info", "change_payment_method"],
            ["thẻ quà tặng (số dư $60.00)"],
        ),
        "pt": (
            "Quero mudar a forma de pagamento do pedido ORD-92010",
            ["final 4242"],
            "o cartão presente",
            ["get_order_status", "get_customer_info", "change_payment_method"],
            ["cartão-presente (saldo $60.00)"],
        ),
    },
    "change_items": {
        "en": (
            "I want to change an item in ORD-92010",
            ["Which item", "SWX-300-41-BLK"],
            "the watch in green",
            ["get_order_status", "get_product_info", "modify_order_items"],
            ["Price difference: $30.00"],
        ),
        "vi": (
            "Tôi muốn sửa đơn ORD-92010",
            ["sản phẩm nào", "SWX-300-41-BLK"],
            "đổi đồng hồ SWX-300-41-BLK sang màu xanh lá",
            ["get_order_status", "get_product_info", "modify_order_items"],
            ["Chênh lệch giá: $30.00"],
        ),
        "pt": (
            "Quero alterar o item do pedido ORD-92010",
            ["Qual item", "SWX-300-41-BLK"],
            "o SWX-300-41-BLK para verde",
            ["get_order_status", "get_product_info", "modify_order_items"],
            ["Diferença de preço: $30.00"],
        ),
    },
    "exchange": {
        "en": (
            "I'd like to exchange something from ORD-66120",
            ["Which item", "HPN-700-BLK"],
            "the headphones for HPN-700-SLV",
            ["get_order_status", "exchange_items"],
            ["an exchange", "Price difference: $30.00"],
        ),
        "vi": (
            "Tôi muốn đổi hàng đơn ORD-66120",
            ["sản phẩm nào", "HPN-700-BLK"],
            "đổi HPN-700-BLK lấy HPN-700-SLV",
            ["get_order_status", "exchange_items"],
            ["đổi hàng", "Chênh lệch giá: $30.00"],
        ),
        "pt": (
            "Quero trocar um item do pedido ORD-66120",
            ["Qual item", "HPN-700-BLK"],
            "o HPN-700-BLK pelo HPN-700-SLV",
            ["get_order_status", "exchange_items"],
            ["a troca", "Diferença de preço: $30.00"],
        ),
    },
}


@pytest.mark.parametrize(
    ("intent", "lang"), [(i, lang) for i, by in TWO_STEP.items() for lang in by]
)
def test_requests_that_need_a_detail(intent: str, lang: str) -> None:
    first, asked, detail, tools, words = TWO_STEP[intent][lang]
    chat = Chat()
    question = chat.say(first)
    for word in asked:
        assert word in question
    assert not any(n in chat.tool_names for n in tools[-1:])  # nothing acted on yet
    preview = chat.say(detail)
    assert chat.tool_names == tools
    for word in words:
        assert word in preview


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
