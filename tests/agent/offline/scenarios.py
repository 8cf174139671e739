"""What the customer says in each language, for every intent, and what must follow:
the tools called and words of the answer (the demo store's facts)."""

from __future__ import annotations

# intent -> language -> steps of (message, tools called, words the answer contains)
Step = tuple[str, list[str], list[str]]
CONVERSATIONS: dict[str, dict[str, list[Step]]] = {
    "order_status": {
        "en": [
            (
                "Where is my order ORD-78342?",
                ["get_order_status"],
                ["in transit", "FastShip Express", "FSX1234567890"],
            )
        ],
        "vi": [
            (
                "Đơn hàng ORD-78342 của tôi đâu rồi?",
                ["get_order_status"],
                ["đang được vận chuyển", "FSX1234567890"],
            )
        ],
        "pt": [
            (
                "Onde está meu pedido ORD-78342?",
                ["get_order_status"],
                ["em trânsito", "FSX1234567890"],
            )
        ],
    },
    "availability": {
        "en": [
            (
                "Is UHD-4K-55 in stock near 60607?",
                ["check_product_availability"],
                ["is in stock: 3 units", "Chicago, IL"],
            )
        ],
        "vi": [
            (
                "UHD-4K-55 còn hàng không?",
                ["check_product_availability"],
                ["còn hàng: tổng cộng 3", "Chicago"],
            )
        ],
        "pt": [
            (
                "O SWX-300-45-GRN tem em estoque?",
                ["check_product_availability"],
                ["sem estoque em todos os depósitos"],
            )
        ],
    },
    "product_info": {
        "en": [
            (
                "What's the warranty on UHD-4K-55?",
                ["get_product_info"],
                ["Warranty: 2-year manufacturer warranty, in-home service"],
            )
        ],
        "vi": [
            (
                "Thông số của WEP-2024 thế nào?",
                ["get_product_info"],
                ["Thông số:", "bluetooth: 5.3"],
            )
        ],
        "pt": [
            (
                "Quais as opções de frete do UHD-4K-55?",
                ["get_product_info"],
                ["Opções de envio: freight (5-7 dias, US$\xa049,00)"],
            )
        ],
    },
    "account": {
        "en": [
            (
                "Show me my account",
                ["get_customer_info"],
                ["Sarah Johnson", "Visa card ending in 4242", "ORD-78342 (in transit)"],
            )
        ],
        "vi": [
            (
                "Cho tôi xem thông tin tài khoản",
                ["get_customer_info"],
                ["Sarah Johnson", "thẻ Visa đuôi 4242", "thẻ quà tặng (số dư 60,00\xa0US$)"],
            )
        ],
        "pt": [
            (
                "Quero ver meus dados",
                ["get_customer_info"],
                ["Sarah Johnson", "cartão Visa final 4242", "ORD-66120 (entregue)"],
            )
        ],
    },
    "return": {
        "en": [
            ("I want to return ORD-66120", ["get_order_status"], ["What is the reason"]),
            (
                "It stopped working",
                ["get_order_status", "process_return"],
                ["Refund: $263.99", "Confirm"],
            ),
        ],
        "vi": [
            ("Tôi muốn trả hàng đơn ORD-66120", ["get_order_status"], ["Lý do trả hàng"]),
            (
                "sản phẩm bị lỗi",
                ["get_order_status", "process_return"],
                ["Số tiền hoàn: 263,99\xa0US$", "Xác nhận"],
            ),
        ],
        "pt": [
            ("Quero devolver o pedido ORD-66120", ["get_order_status"], ["Qual o motivo"]),
            (
                "veio com defeito",
                ["get_order_status", "process_return"],
                ["Reembolso: US$\xa0263,99", "Confirmar"],
            ),
        ],
    },
    "cancel": {
        "en": [
            ("Please cancel order ORD-92010", ["get_order_status"], ["Why"]),
            ("I don't need it anymore", ["cancel_order"], ["Refund: $318.00", "cancelled"]),
        ],
        "vi": [
            ("huy don ORD-92010", ["get_order_status"], ["Vì sao"]),
            ("toi dat nham", ["cancel_order"], ["Số tiền hoàn: 318,00\xa0US$", "đã bị hủy"]),
        ],
        "pt": [
            ("Quero cancelar o pedido ORD-92010", ["get_order_status"], ["Por que"]),
            ("comprei por engano", ["cancel_order"], ["Reembolso: US$\xa0318,00", "cancelado"]),
        ],
    },
    "change_address": {
        "en": [
            (
                "Please change the shipping address of ORD-92010",
                ["get_order_status"],
                ["new shipping address"],
            ),
            (
                "500 Main St, Springfield, IL 62704, USA",
                ["change_shipping_address"],
                ["New address: 500 Main St, Springfield, IL 62704, USA"],
            ),
        ],
        "vi": [
            (
                "Tôi muốn đổi địa chỉ giao hàng đơn ORD-92010",
                ["get_order_status"],
                ["Địa chỉ giao hàng mới"],
            ),
            (
                "12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội 100000, Việt Nam",
                ["change_shipping_address"],
                ["Địa chỉ mới: 12 Lý Thường Kiệt, Hoàn Kiếm"],
            ),
        ],
        "pt": [
            (
                "Quero trocar o endereço de entrega do pedido ORD-92010",
                ["get_order_status"],
                ["novo endereço"],
            ),
            (
                "Rua Augusta, 1508, Apto 72, São Paulo, SP 01304-001, Brasil",
                ["change_shipping_address"],
                ["Novo endereço: Rua Augusta, 1508, Apto 72"],
            ),
        ],
    },
    "change_payment": {
        "en": [
            (
                "I want to change the payment method of ORD-92010",
                ["get_order_status", "get_customer_info"],
                ["gift_card_9821002"],
            ),
            (
                "the gift card",
                ["get_order_status", "get_customer_info", "change_payment_method"],
                ["balance is too low"],
            ),
        ],
        "vi": [
            (
                "Đổi phương thức thanh toán đơn ORD-92010",
                ["get_order_status", "get_customer_info"],
                ["thẻ Visa đuôi 4242"],
            ),
            (
                "thẻ quà tặng",
                ["get_order_status", "get_customer_info", "change_payment_method"],
                ["Số dư thẻ quà tặng không đủ"],
            ),
        ],
        "pt": [
            (
                "Quero mudar a forma de pagamento do pedido ORD-92010",
                ["get_order_status", "get_customer_info"],
                ["cartão-presente"],
            ),
            (
                "o cartão presente",
                ["get_order_status", "get_customer_info", "change_payment_method"],
                ["saldo do cartão-presente não é suficiente"],
            ),
        ],
    },
    "change_items": {
        "en": [
            (
                "I want to change an item in ORD-92010",
                ["get_order_status"],
                ["Which item", "SWX-300-41-BLK"],
            ),
            (
                "the watch, in 45mm black",
                ["get_order_status", "get_product_info", "modify_order_items"],
                ["SWX-300-41-BLK → SWX-300-45-BLK", "Price difference: $30.00"],
            ),
        ],
        "vi": [
            ("Tôi muốn sửa đơn ORD-92010", ["get_order_status"], ["SWX-300-41-BLK"]),
            (
                "đổi SWX-300-41-BLK sang SWX-300-45-BLK",
                ["get_order_status", "modify_order_items"],
                ["Chênh lệch giá: 30,00\xa0US$"],
            ),
        ],
        "pt": [
            ("Quero alterar o item do pedido ORD-92010", ["get_order_status"], ["Qual item"]),
            (
                "o relógio SWX-300-41-BLK, 45mm preto",
                ["get_order_status", "get_product_info", "modify_order_items"],
                ["Diferença de preço: US$\xa030,00"],
            ),
        ],
    },
    "exchange": {
        "en": [
            (
                "I'd like to exchange the headphones from ORD-66120 for the silver ones",
                ["get_order_status", "get_product_info", "exchange_items"],
                ["HPN-700-BLK → HPN-700-SLV", "Confirm"],
            )
        ],
        "vi": [
            (
                "Tôi muốn đổi tai nghe HPN-700-BLK đơn ORD-66120 lấy HPN-700-SLV",
                ["get_order_status", "exchange_items"],
                ["HPN-700-BLK → HPN-700-SLV"],
            )
        ],
        "pt": [
            (
                "Quero trocar o fone HPN-700-BLK do pedido ORD-66120",
                ["get_order_status", "get_product_info"],
                ["HPN-700-SLV"],
            ),
            (
                "HPN-700-SLV",
                ["get_order_status", "exchange_items"],
                ["HPN-700-BLK → HPN-700-SLV", "Confirmar"],
            ),
        ],
    },
    "human": {
        "en": [("I want to talk to a human", ["transfer_to_human"], ["human agent", "HT-"])],
        "vi": [("Tôi muốn gặp nhân viên", ["transfer_to_human"], ["nhân viên hỗ trợ", "HT-"])],
        "pt": [("Quero falar com um atendente", ["transfer_to_human"], ["atendente", "HT-"])],
    },
    "greeting": {
        "en": [("Hi there", [], ["Hello!"])],
        "vi": [("Xin chào", [], ["Xin chào!"])],
        "pt": [("Oi, bom dia", [], ["Olá!"])],
    },
    "thanks": {
        "en": [("Thank you!", [], ["You're welcome"])],
        "vi": [("Cảm ơn bạn nhiều", [], ["Không có gì"])],
        "pt": [("Muito obrigada", [], ["De nada"])],
    },
    "help": {
        "en": [("What can you do?", [], ["I can help you with"])],
        "vi": [("Bạn có thể làm gì?", [], ["Tôi có thể giúp bạn"])],
        "pt": [("O que você pode fazer?", [], ["Posso ajudar você"])],
    },
}
