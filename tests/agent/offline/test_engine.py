"""The engine against a canned store, round by round as the loop drives it: which tools it
calls for each intent and language, what it asks when a detail is missing, and that it
answers in the customer's language from the results only."""

from __future__ import annotations

import pytest

from tests.agent.offline.fakes import Chat

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
            ["Số tiền hoàn: 263,99\xa0US$", "Xác nhận"],
        ),
        "pt": (
            "Quero devolver o pedido ORD-66120",
            ["motivo"],
            "veio com defeito",
            ["get_order_status", "process_return"],
            ["Reembolso: US$\xa0263,99", "Confirmar"],
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
            ["Số tiền hoàn: 318,00\xa0US$", "đặt nhầm"],
        ),
        "pt": (
            "Quero cancelar o pedido ORD-92010",
            ["Por que"],
            "comprei por engano",
            ["cancel_order"],
            ["Reembolso: US$\xa0318,00", "comprado por engano"],
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
            ["thẻ quà tặng (số dư 60,00\xa0US$)"],
        ),
        "pt": (
            "Quero mudar a forma de pagamento do pedido ORD-92010",
            ["final 4242"],
            "o cartão presente",
            ["get_order_status", "get_customer_info", "change_payment_method"],
            ["cartão-presente (saldo US$\xa060,00)"],
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
            ["Chênh lệch giá: 30,00\xa0US$"],
        ),
        "pt": (
            "Quero alterar o item do pedido ORD-92010",
            ["Qual item", "SWX-300-41-BLK"],
            "o SWX-300-41-BLK para verde",
            ["get_order_status", "get_product_info", "modify_order_items"],
            ["Diferença de preço: US$\xa030,00"],
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
            ["đổi hàng", "Chênh lệch giá: 30,00\xa0US$"],
        ),
        "pt": (
            "Quero trocar um item do pedido ORD-66120",
            ["Qual item", "HPN-700-BLK"],
            "o HPN-700-BLK pelo HPN-700-SLV",
            ["get_order_status", "exchange_items"],
            ["a troca", "Diferença de preço: US$\xa030,00"],
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
