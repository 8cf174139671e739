"""English phrasings, typed the way customers type them (casual, typos, shorthand)."""

from tests.agent.offline.phrasings import Case

ST = "get_order_status"
AV = "check_product_availability"
PI = "get_product_info"
CI = "get_customer_info"
TYPES = "list_product_types"

CASES = [
    # order status and tracking
    Case(
        "wheres my order ORD-78342??",
        [(ST, {"order_id": "ORD-78342"})],
        ["in transit", "FSX1234567890"],
        intent="order_status",
    ),
    Case(
        "status of ord78342 pls",
        [(ST, {"order_id": "ORD-78342"})],
        ["in transit"],
        intent="order_status",
    ),
    Case(
        "hey any update on order #91234",
        [(ST, {"order_id": "ORD-91234"})],
        ["being processed", "MKR-104"],
        intent="order_status",
    ),
    Case(
        "my order 66120 - did it get delivered?",
        [(ST, {"order_id": "ORD-66120"})],
        ["delivered", "HPN-700-BLK"],
        intent="order_status",
    ),
    Case(
        "what's the status of my last order?",
        [(CI, {}), (ST, {"order_id": "ORD-92010"})],
        ["ORD-92010", "pending"],
        intent="order_status",
    ),
    Case(
        "when will ORD 78342 arrive",
        [(ST, {"order_id": "ORD-78342"})],
        ["Expected delivery"],
        intent="order_status",
    ),
    Case(
        "can u give me the tracking number for ord-78342",
        [(ST, {"order_id": "ORD-78342", "include_tracking": True})],
        ["FastShip Express", "FSX1234567890"],
        intent="tracking",
    ),
    Case(
        "trackng for ORD78342?",
        [(ST, {"order_id": "ORD-78342"})],
        ["FSX1234567890"],
        intent="tracking",
    ),
    Case(
        "wheres my package, order 80450",
        [(ST, {"order_id": "ORD-80450"})],
        ["DHL Express", "JD014600009912837465"],
        customer="CUST-5530",
        intent="tracking",
    ),
    Case(
        "where is my order",
        [(CI, {}), (ST, {"order_id": "ORD-80450"})],
        ["ORD-80450", "in transit"],
        customer="CUST-5530",
        intent="order_status",
    ),
    # availability
    Case(
        "Is the smart watch in green available?",
        [(TYPES, {}), (AV, {"product_sku": "SWX-300"}), (AV, {"product_sku": "SWX-300-45-GRN"})],
        ["SWX-300-45-GRN", "out of stock"],
        intent="availability",
    ),
    Case(
        "how many MKR-104 keyboards are left",
        [(AV, {"product_sku": "MKR-104"})],
        ["49 units"],
        intent="availability",
    ),
    Case(
        "do you have UHD-4K-55 in stock? need 2",
        [(AV, {"product_sku": "UHD-4K-55", "quantity_needed": 2})],
        ["3 units"],
        intent="availability",
    ),
    Case(
        "any WEP-2024 left near 60607",
        [(AV, {"product_sku": "WEP-2024", "zip_code": "60607"})],
        ["Chicago, IL"],
        intent="availability",
    ),
    Case(
        "got the headphones in silver?",
        [(TYPES, {}), (AV, {"product_sku": "HPN-700"}), (AV, {"product_sku": "HPN-700-SLV"})],
        ["HPN-700-SLV", "12 units"],
        intent="availability",
    ),
    Case(
        "is the backpack in navy in stock, i need 5",
        [
            (TYPES, {}),
            (AV, {"product_sku": "BKP-30L", "quantity_needed": 5}),
            (AV, {"product_sku": "BKP-30L-NVY", "quantity_needed": 5}),
        ],
        ["BKP-30L-NVY", "12 units"],
        intent="availability",
    ),
    Case(
        "smart wach 45mm black available?",
        [(TYPES, {}), (AV, {"product_sku": "SWX-300"}), (AV, {"product_sku": "SWX-300-45-BLK"})],
        ["SWX-300-45-BLK", "18 units"],
        intent="availability",
    ),
    Case(
        "I need 2",
        [
            (TYPES, {}),
            (AV, {"product_sku": "SWX-300", "quantity_needed": 2}),
            (AV, {"product_sku": "SWX-300-45-GRN", "quantity_needed": 2}),
        ],
        ["SWX-300-45-GRN", "out of stock"],
        before=["Is the smart watch in green available?"],
        intent="availability",
    ),
    # product info
    Case(
        "whats the warranty on the coffee maker",
        [(TYPES, {}), (PI, {"product_sku": "CFM-12", "info_type": "warranty"})],
        ["1-year limited warranty"],
        intent="product_info",
    ),
    Case(
        "specs for WEP-2024 pls",
        [(PI, {"product_sku": "WEP-2024", "info_type": "specs"})],
        ["bluetooth: 5.3"],
        intent="product_info",
    ),
    Case(
        "how much is shipping for UHD-4K-55",
        [(PI, {"product_sku": "UHD-4K-55", "info_type": "shipping"})],
        ["freight", "$49.00"],
        intent="product_info",
    ),
    Case(
        "tell me about the travel backpak",
        [(TYPES, {}), (PI, {"product_sku": "BKP-30L"})],
        ["Travel Backpack 30L", "$119.00"],
        intent="product_info",
    ),
    # customer info
    Case(
        "what do you have on file for my account?",
        [(CI, {})],
        ["sarah.johnson@example.com", "4242"],
        intent="account",
    ),
    Case("whats my address on file", [(CI, {})], ["1450 N Meridian St"], intent="account"),
    # return
    Case(
        "i want to return the headphones from ORD-66120, they stopped working",
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
        ["$249.00"],
        intent="return",
    ),
    Case(
        "retrun ORD66120 pls, sent me the wrong item",
        [
            (ST, {"order_id": "ORD-66120"}),
            ("process_return", {"order_id": "ORD-66120", "reason": "wrong_item"}),
        ],
        ["ORD-66120"],
        intent="return",
    ),
    # cancel
    Case(
        "cancel ORD-92010 i ordered it by mistake",
        [("cancel_order", {"order_id": "ORD-92010", "reason": "ordered by mistake"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    Case(
        "pls cancel my last order, dont need it anymore",
        [(CI, {}), ("cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    # address change
    Case(
        "please ship ORD-92010 to 500 Pine Ave, Austin, TX 78701 instead",
        [
            (ST, {"order_id": "ORD-92010"}),
            (
                "change_shipping_address",
                {
                    "order_id": "ORD-92010",
                    "address1": "500 Pine Ave",
                    "city": "Austin",
                    "state": "TX",
                    "zip": "78701",
                },
            ),
        ],
        ["500 Pine Ave, Austin, TX 78701"],
        intent="change_address",
    ),
    Case(
        "new address for order 92010: 12 Oak Ave, Apt 3, Springfield, IL 62704, USA",
        [
            (
                "change_shipping_address",
                {
                    "order_id": "ORD-92010",
                    "address1": "12 Oak Ave",
                    "address2": "Apt 3",
                    "zip": "62704",
                    "country": "USA",
                },
            )
        ],
        ["12 Oak Ave, Apt 3, Springfield, IL 62704, USA"],
        intent="change_address",
    ),
    # payment change
    Case(
        "can i pay for ORD-92010 with my gift card instead",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "gift_card_9821002"},
            ),
        ],
        ["gift card balance is too low"],
        intent="change_payment",
    ),
    Case(
        "switch the payment on ORD-92010 to my visa ending 4242",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "credit_card_9821001"},
            ),
        ],
        ["already paid with that payment method"],
        intent="change_payment",
    ),
    # item change (before shipping)
    Case(
        "change the watch in ORD-92010 to the 45mm black one",
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
        "ORD-92010: can i get the backpack in navy instead",
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
    # exchange (after delivery)
    Case(
        "can I exchange the headphones from ORD-66120 for silver ones",
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
        "Can I exchange the headphones from ORD-30987 for a different color?",
        [(ST, {"order_id": "ORD-30987"})],
        ["headphones", "ORD-30987", "CFM-12-SS"],
        intent="exchange",
    ),
    # hand-off
    Case(
        "let me talk to a real person pls",
        [("transfer_to_human", {})],
        ["human agent"],
        intent="human",
    ),
    Case(
        "this is useless, get me a manager",
        [("transfer_to_human", {})],
        ["human agent"],
        intent="human",
    ),
    Case(
        "yes please",
        [("transfer_to_human", {})],
        ["human agent"],
        before=["asdf qwerty zxcv"],
        intent="human",
    ),
    # product types
    Case(
        "what products do u sell",
        [(TYPES, {})],
        ["Smart Watch X3 (SWX-300)", "Wireless Earbuds Pro (WEP-2024)"],
        intent="catalog",
    ),
    # not understood: what the assistant can do, and a person
    Case("asdf qwerty zxcv", [], ["help", "person"], intent="fallback"),
    # more, from probing
    Case(
        "I'd like to know where my package is",
        [(CI, {})],
        ["ORD-78342", "ORD-92010"],
        intent="order_status",
    ),
    Case(
        "did ORD-78342 ship yet",
        [(ST, {"order_id": "ORD-78342"})],
        ["in transit"],
        intent="tracking",
    ),
    Case(
        "is the earbuds in white in stock",
        [
            (TYPES, {}),
            (AV, {"product_sku": "WEP-2024"}),
            (PI, {"product_sku": "WEP-2024"}),
            (AV, {"product_sku": "WEP-2024-WHT"}),
        ],
        ["WEP-2024-WHT", "white", "28 units"],
        intent="availability",
    ),
    Case(
        "earbuds in purple?",
        [(TYPES, {}), (AV, {"product_sku": "WEP-2024"}), (PI, {"product_sku": "WEP-2024"})],
        ["purple", "WEP-2024-WHT"],
        intent="availability",
    ),
    Case(
        "Are there 4k tvs available?",
        [(TYPES, {}), (AV, {"product_sku": "UHD-4K-55"})],
        ["3 units"],
        intent="availability",
    ),
    Case(
        "do you have two UHD-4K-55?",
        [(AV, {"product_sku": "UHD-4K-55", "quantity_needed": 2})],
        ["3 units"],
        intent="availability",
    ),
    Case(
        "need three of the silver headphones",
        [
            (TYPES, {}),
            (AV, {"product_sku": "HPN-700", "quantity_needed": 3}),
            (AV, {"product_sku": "HPN-700-SLV", "quantity_needed": 3}),
        ],
        ["HPN-700-SLV"],
        intent="availability",
    ),
    Case(
        "price of the smart watch?",
        [(TYPES, {}), (PI, {"product_sku": "SWX-300"})],
        ["$199.00"],
        intent="product_info",
    ),
    Case(
        "i recieved a broken item, order 66120",
        [
            (ST, {"order_id": "ORD-66120"}),
            ("process_return", {"order_id": "ORD-66120", "reason": "defective"}),
        ],
        ["ORD-66120"],
        intent="return",
    ),
    Case("transfer me to an agent", [("transfer_to_human", {})], ["human agent"], intent="human"),
    Case(
        "92010",
        [(ST, {"order_id": "ORD-92010"})],
        ["ORD-92010"],
        before=["cancel my order"],
        intent="cancel",
    ),
    Case(
        "I want to return or exchange the headphones from ORD-66120",
        [],
        ["return", "exchange"],
        intent="exchange",
    ),
    Case(
        "exchange for silver",
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
        before=["I want to return or exchange the headphones from ORD-66120"],
        intent="exchange",
    ),
    Case(
        "what's in my order ORD-92010?",
        [(ST, {"order_id": "ORD-92010"})],
        ["SWX-300-41-BLK", "BKP-30L-GRY"],
        intent="order_status",
    ),
    Case(
        "cancle ORD-92010 pls, ordered by mistake",
        [("cancel_order", {"order_id": "ORD-92010", "reason": "ordered by mistake"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    Case(
        "what kinds of stuff do u guys carry",
        [(TYPES, {})],
        ["Travel Backpack 30L (BKP-30L)"],
        intent="catalog",
    ),
    Case(
        "i want a 45mm watch instead of the 41mm one in ORD-92010",
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
        "what's the price of the green smart watch?",
        [(TYPES, {}), (PI, {"product_sku": "SWX-300"}), (PI, {"product_sku": "SWX-300-45-GRN"})],
        ["$229.00", "green"],
        intent="product_info",
    ),
]
