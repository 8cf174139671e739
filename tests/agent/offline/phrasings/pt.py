"""Portuguese phrasings (Brazilian): casual, abbreviations (vc, pq, tb), missing accents."""

from tests.agent.offline.phrasings import Case

ST = "get_order_status"
AV = "check_product_availability"
PI = "get_product_info"
CI = "get_customer_info"
TYPES = "list_product_types"

CASES = [
    # order status and tracking
    Case(
        "oi, cadê minha encomenda??",
        [(CI, {}), (ST, {"order_id": "ORD-80450"})],
        ["ORD-80450", "em trânsito"],
        customer="CUST-5530",
        intent="order_status",
    ),
    Case(
        "onde ta meu pedido ORD80450",
        [(ST, {"order_id": "ORD-80450"})],
        ["JD014600009912837465"],
        customer="CUST-5530",
        intent="order_status",
    ),
    Case(
        "qual o status do meu ultimo pedido?",
        [(CI, {}), (ST, {"order_id": "ORD-92010"})],
        ["ORD-92010"],
        intent="order_status",
    ),
    Case(
        "meu pedido 78342 ja saiu?",
        [(ST, {"order_id": "ORD-78342"})],
        ["em trânsito", "FSX1234567890"],
        intent="order_status",
    ),
    Case(
        "o pedido #91234 foi enviado?",
        [(ST, {"order_id": "ORD-91234"})],
        ["MKR-104"],
        intent="order_status",
    ),
    Case(
        "quando chega o ord-78342",
        [(ST, {"order_id": "ORD-78342"})],
        ["FSX1234567890"],
        intent="order_status",
    ),
    Case(
        "me passa o rastreio do pedido ORD 78342",
        [(ST, {"order_id": "ORD-78342", "include_tracking": True})],
        ["FastShip Express", "FSX1234567890"],
        intent="tracking",
    ),
    Case(
        "quero rastrear o pedido 80450",
        [(ST, {"order_id": "ORD-80450"})],
        ["DHL Express"],
        customer="CUST-5530",
        intent="tracking",
    ),
    Case(
        "ainda nao chegou meu pedido 66120??",
        [(ST, {"order_id": "ORD-66120"})],
        ["entregue", "FSX5550001112"],
        intent="order_status",
    ),
    # availability
    Case(
        "O relógio verde está disponível?",
        [(TYPES, {}), (AV, {"product_sku": "SWX-300"}), (AV, {"product_sku": "SWX-300-45-GRN"})],
        ["SWX-300-45-GRN", "sem estoque"],
        intent="availability",
    ),
    Case(
        "vcs tem o MKR-104 em estoque?",
        [(AV, {"product_sku": "MKR-104"})],
        ["49"],
        intent="availability",
    ),
    Case(
        "tem UHD-4K-55 disponivel? preciso de 2",
        [(AV, {"product_sku": "UHD-4K-55", "quantity_needed": 2})],
        ["3"],
        intent="availability",
    ),
    Case(
        "ainda tem o fone HPN-700 prata?",
        [(AV, {"product_sku": "HPN-700"}), (AV, {"product_sku": "HPN-700-SLV"})],
        ["HPN-700-SLV", "12"],
        intent="availability",
    ),
    Case(
        "a mochila azul marinho tem em estoque?",
        [(TYPES, {}), (AV, {"product_sku": "BKP-30L"}), (AV, {"product_sku": "BKP-30L-NVY"})],
        ["BKP-30L-NVY", "12"],
        intent="availability",
    ),
    Case(
        "quantos teclados MKR-104 restam?",
        [(AV, {"product_sku": "MKR-104"})],
        ["49"],
        intent="availability",
    ),
    # product info
    Case(
        "qual a garantia da cafeteira?",
        [(TYPES, {}), (PI, {"product_sku": "CFM-12", "info_type": "warranty"})],
        ["1-year limited warranty"],
        intent="product_info",
    ),
    Case(
        "quanto custa o frete do UHD-4K-55",
        [(PI, {"product_sku": "UHD-4K-55", "info_type": "shipping"})],
        ["freight"],
        intent="product_info",
    ),
    Case(
        "especificações do WEP-2024 por favor",
        [(PI, {"product_sku": "WEP-2024", "info_type": "specs"})],
        ["5.3"],
        intent="product_info",
    ),
    Case(
        "me fala do relogio SWX-300",
        [(PI, {"product_sku": "SWX-300"})],
        ["Smart Watch X3"],
        intent="product_info",
    ),
    # customer info
    Case(
        "quero ver meus dados", [(CI, {})], ["sarah.johnson@example.com", "4242"], intent="account"
    ),
    Case(
        "qual endereço vcs tem no meu cadastro?",
        [(CI, {})],
        ["1450 N Meridian St"],
        intent="account",
    ),
    # return
    Case(
        "quero devolver o fone do pedido ORD-66120, veio com defeito",
        [
            (ST, {"order_id": "ORD-66120"}),
            (
                "process_return",
                {
                    "order_id": "ORD-66120",
                    "reason": "defective",
                    "items_to_return": ["HPN-700-BLK"],
                },
            ),
        ],
        ["HPN-700-BLK"],
        intent="return",
    ),
    Case(
        "devolver pedido 66120, mandaram errado",
        [
            (ST, {"order_id": "ORD-66120"}),
            ("process_return", {"order_id": "ORD-66120", "reason": "wrong_item"}),
        ],
        ["ORD-66120"],
        intent="return",
    ),
    # cancel
    Case(
        "cancela o pedido ORD-92010 pf, comprei por engano",
        [("cancel_order", {"order_id": "ORD-92010", "reason": "ordered by mistake"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    Case(
        "quero cancelar meu ultimo pedido, nao preciso mais",
        [(CI, {}), ("cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    # address change
    Case(
        "muda o endereço do pedido ORD-92010 para Rua Augusta, 1508, Apto 72, São Paulo, "
        "SP 01304-001, Brasil",
        [
            (
                "change_shipping_address",
                {
                    "order_id": "ORD-92010",
                    "address1": "Rua Augusta, 1508",
                    "zip": "01304-001",
                    "country": "Brasil",
                },
            )
        ],
        ["Rua Augusta, 1508"],
        intent="change_address",
    ),
    Case(
        "entregar o pedido 92010 em 500 Pine Ave, Austin, TX 78701",
        [
            (ST, {"order_id": "ORD-92010"}),
            (
                "change_shipping_address",
                {"order_id": "ORD-92010", "address1": "500 Pine Ave", "zip": "78701"},
            ),
        ],
        ["500 Pine Ave"],
        intent="change_address",
    ),
    # payment change
    Case(
        "quero pagar o pedido ORD-92010 com o vale presente",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "gift_card_9821002"},
            ),
        ],
        ["saldo"],
        intent="change_payment",
    ),
    # item change
    Case(
        "quero mudar a cor da mochila do pedido ORD-92010 pra azul marinho",
        [
            (ST, {"order_id": "ORD-92010"}),
            (PI, {"product_sku": "BKP-30L"}),
            (
                "modify_order_items",
                {
                    "order_id": "ORD-92010",
                    "item_ids": ["BKP-30L-GRY"],
                    "new_item_ids": ["BKP-30L-NVY"],
                },
            ),
        ],
        ["BKP-30L-NVY"],
        intent="change_items",
    ),
    # exchange
    Case(
        "da pra trocar o fone do pedido 66120 por um prata?",
        [
            (ST, {"order_id": "ORD-66120"}),
            (PI, {"product_sku": "HPN-700"}),
            (
                "exchange_items",
                {
                    "order_id": "ORD-66120",
                    "item_ids": ["HPN-700-BLK"],
                    "new_item_ids": ["HPN-700-SLV"],
                },
            ),
        ],
        ["HPN-700-SLV"],
        intent="exchange",
    ),
    Case(
        "posso trocar o fone do pedido ORD-30987 por outra cor?",
        [(ST, {"order_id": "ORD-30987"})],
        ["fone", "CFM-12-SS"],
        intent="exchange",
    ),
    # hand-off
    Case(
        "quero falar com um atendente", [("transfer_to_human", {})], ["atendente"], intent="human"
    ),
    Case(
        "me passa pra uma pessoa de verdade pf",
        [("transfer_to_human", {})],
        ["atendente"],
        intent="human",
    ),
    # product types
    Case("o que vcs vendem?", [(TYPES, {})], ["Smart Watch X3 (SWX-300)"], intent="catalog"),
    Case("quais produtos vocês têm?", [(TYPES, {})], ["USB-C Cable 2m (UCC-2M)"], intent="catalog"),
    # not understood
    Case("hmm sei la kkkk", [], ["pessoa"], intent="fallback"),
    # more, from probing
    Case(
        "boa noite, meu pedido ainda nao chegou", [(CI, {})], ["ORD-78342"], intent="order_status"
    ),
    Case(
        "qro saber do meu pedido 78342",
        [(ST, {"order_id": "ORD-78342"})],
        ["em trânsito"],
        intent="order_status",
    ),
    Case(
        "tem o relogio preto de 45mm?",
        [(TYPES, {}), (AV, {"product_sku": "SWX-300"}), (AV, {"product_sku": "SWX-300-45-BLK"})],
        ["SWX-300-45-BLK", "18"],
        intent="availability",
    ),
    Case(
        "tem dois teclados MKR-104?",
        [(AV, {"product_sku": "MKR-104", "quantity_needed": 2})],
        ["49"],
        intent="availability",
    ),
    Case(
        "quanto custa a mochila?",
        [(TYPES, {}), (PI, {"product_sku": "BKP-30L"})],
        ["119,00"],
        intent="product_info",
    ),
    Case(
        "qual o prazo de garantia do teclado mecanico",
        [(TYPES, {}), (PI, {"product_sku": "MKR-104", "info_type": "warranty"})],
        ["2-year limited warranty"],
        intent="product_info",
    ),
    Case(
        "quero return do pedido ORD-66120 pq veio quebrado",
        [
            (ST, {"order_id": "ORD-66120"}),
            ("process_return", {"order_id": "ORD-66120", "reason": "defective"}),
        ],
        ["ORD-66120"],
        intent="return",
    ),
    Case(
        "Tem como trocar o fone do pedido 66120?",
        [(ST, {"order_id": "ORD-66120"}), (PI, {"product_sku": "HPN-700"})],
        ["HPN-700-SLV"],
        intent="exchange",
    ),
    Case("Pode falar com um humano?", [("transfer_to_human", {})], ["atendente"], intent="human"),
    Case(
        "meus dados de cadastro por favor",
        [(CI, {})],
        ["sarah.johnson@example.com"],
        intent="account",
    ),
    Case(
        "92010",
        [(ST, {"order_id": "ORD-92010"})],
        ["ORD-92010"],
        before=["quero cancelar meu pedido"],
        intent="cancel",
    ),
    Case(
        "quero trocar ou devolver o fone do pedido 66120",
        [],
        ["devolver", "trocar"],
        intent="exchange",
    ),
    Case(
        "trocar pelo prata",
        [
            (ST, {"order_id": "ORD-66120"}),
            (PI, {"product_sku": "HPN-700"}),
            (
                "exchange_items",
                {
                    "order_id": "ORD-66120",
                    "item_ids": ["HPN-700-BLK"],
                    "new_item_ids": ["HPN-700-SLV"],
                },
            ),
        ],
        ["HPN-700-SLV"],
        before=["quero trocar ou devolver o fone do pedido 66120"],
        intent="exchange",
    ),
    Case(
        "qual a situacao do pedido 78342",
        [(ST, {"order_id": "ORD-78342"})],
        ["em trânsito"],
        intent="order_status",
    ),
    Case(
        "quero devolucao do pedido 66120, produto com defeito",
        [
            (ST, {"order_id": "ORD-66120"}),
            ("process_return", {"order_id": "ORD-66120", "reason": "defective"}),
        ],
        ["ORD-66120"],
        intent="return",
    ),
    Case(
        "mudar endereco de entrega do pedido 92010",
        [(ST, {"order_id": "ORD-92010"})],
        ["ORD-92010"],
        intent="change_address",
    ),
    Case(
        "troca o tamanho do relogio do pedido 92010 pra 45mm preto",
        [
            (ST, {"order_id": "ORD-92010"}),
            (PI, {"product_sku": "SWX-300"}),
            (
                "modify_order_items",
                {
                    "order_id": "ORD-92010",
                    "item_ids": ["SWX-300-41-BLK"],
                    "new_item_ids": ["SWX-300-45-BLK"],
                },
            ),
        ],
        ["SWX-300-45-BLK"],
        intent="change_items",
    ),
    Case(
        "trocar forma de pagamento do pedido 92010 pro cartao de credito",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "credit_card_9821001"},
            ),
        ],
        ["A loja não pôde aceitar"],
        intent="change_payment",
    ),
    Case(
        "quanto custa o relogio verde",
        [(TYPES, {}), (PI, {"product_sku": "SWX-300"}), (PI, {"product_sku": "SWX-300-45-GRN"})],
        ["229,00", "verde"],
        intent="product_info",
    ),
]
