"""Vietnamese phrasings: with and without diacritics, shorthand (ko, k, dc, sp), "shop ơi"."""

from tests.agent.offline.phrasings import Case

ST = "get_order_status"
AV = "check_product_availability"
PI = "get_product_info"
CI = "get_customer_info"
TYPES = "list_product_types"

CASES = [
    # order status and tracking
    Case(
        "shop ơi đơn ORD-78342 của mình đâu rồi",
        [(ST, {"order_id": "ORD-78342"})],
        ["đang được vận chuyển", "FSX1234567890"],
        intent="order_status",
    ),
    Case(
        "don hang ord78342 cua toi dau roi",
        [(ST, {"order_id": "ORD-78342"})],
        ["FSX1234567890"],
        intent="order_status",
    ),
    Case(
        "đơn mới nhất của tôi đâu?",
        [(CI, {}), (ST, {"order_id": "ORD-92010"})],
        ["ORD-92010", "đang chờ xử lý"],
        intent="order_status",
    ),
    Case(
        "kiểm tra đơn 91234 giúp mình",
        [(ST, {"order_id": "ORD-91234"})],
        ["MKR-104"],
        intent="order_status",
    ),
    Case(
        "đơn #66120 giao chưa vậy",
        [(ST, {"order_id": "ORD-66120"})],
        ["đã được giao", "HPN-700-BLK"],
        intent="order_status",
    ),
    Case(
        "khi nào đơn ORD 78342 tới",
        [(ST, {"order_id": "ORD-78342"})],
        ["FSX1234567890"],
        intent="order_status",
    ),
    Case(
        "cho mình mã vận đơn của đơn ORD-78342",
        [(ST, {"order_id": "ORD-78342", "include_tracking": True})],
        ["FastShip Express", "FSX1234567890"],
        intent="tracking",
    ),
    Case(
        "theo doi don hang ORD70021",
        [(ST, {"order_id": "ORD-70021"})],
        ["DHL Express", "JD014600003828374612"],
        customer="CUST-7702",
        intent="tracking",
    ),
    Case(
        "đơn hàng của tôi tới đâu rồi",
        [(CI, {}), (ST, {"order_id": "ORD-70021"})],
        ["ORD-70021", "đã được giao"],
        customer="CUST-7702",
        intent="order_status",
    ),
    # availability
    Case(
        "còn tai nghe WEP-2024 không shop?",
        [(AV, {"product_sku": "WEP-2024"})],
        ["còn hàng", "107"],
        intent="availability",
    ),
    Case("con MKR-104 ko", [(AV, {"product_sku": "MKR-104"})], ["49"], intent="availability"),
    Case(
        "đồng hồ màu xanh lá còn hàng không",
        [(TYPES, {}), (AV, {"product_sku": "SWX-300"}), (AV, {"product_sku": "SWX-300-45-GRN"})],
        ["SWX-300-45-GRN", "hết hàng"],
        intent="availability",
    ),
    Case(
        "UHD-4K-55 còn không, mình cần 2 cái",
        [(AV, {"product_sku": "UHD-4K-55", "quantity_needed": 2})],
        ["3"],
        intent="availability",
    ),
    Case(
        "ba lô màu xám còn hàng ko",
        [(TYPES, {}), (AV, {"product_sku": "BKP-30L"}), (AV, {"product_sku": "BKP-30L-GRY"})],
        ["BKP-30L-GRY", "37"],
        intent="availability",
    ),
    Case(
        "tai nghe HPN-700 còn bao nhiêu",
        [(AV, {"product_sku": "HPN-700"})],
        ["61"],
        intent="availability",
    ),
    # product info
    Case(
        "phí vận chuyển của WEP-2024 là bao nhiêu?",
        [(PI, {"product_sku": "WEP-2024", "info_type": "shipping"})],
        ["standard", "express"],
        intent="product_info",
    ),
    Case(
        "bảo hành của máy pha cà phê thế nào",
        [(TYPES, {}), (PI, {"product_sku": "CFM-12", "info_type": "warranty"})],
        ["1-year limited warranty"],
        intent="product_info",
    ),
    Case(
        "thong so cua WEP-2024",
        [(PI, {"product_sku": "WEP-2024", "info_type": "specs"})],
        ["5.3"],
        intent="product_info",
    ),
    Case(
        "cho mình xem thông tin sản phẩm SWX-300",
        [(PI, {"product_sku": "SWX-300"})],
        ["Smart Watch X3", "SWX-300-45-GRN"],
        intent="product_info",
    ),
    # customer info
    Case(
        "cho tôi xem thông tin tài khoản",
        [(CI, {})],
        ["sarah.johnson@example.com", "4242"],
        intent="account",
    ),
    Case(
        "tai khoan cua minh co nhung gi",
        [(CI, {})],
        ["sarah.johnson@example.com"],
        intent="account",
    ),
    # return
    Case(
        "mình muốn trả tai nghe đơn ORD-66120, bị hỏng rồi",
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
        "giao sai san pham, tra hang don ORD66120",
        [
            (ST, {"order_id": "ORD-66120"}),
            ("process_return", {"order_id": "ORD-66120", "reason": "wrong_item"}),
        ],
        ["ORD-66120"],
        intent="return",
    ),
    # cancel
    Case(
        "hủy đơn ORD-92010 giúp mình, mình đặt nhầm",
        [("cancel_order", {"order_id": "ORD-92010", "reason": "ordered by mistake"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    Case(
        "huy don 92010, khong can nua",
        [("cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    # address change
    Case(
        "đổi địa chỉ giao đơn ORD-92010 sang 500 Pine Ave, Austin, TX 78701",
        [
            (ST, {"order_id": "ORD-92010"}),
            (
                "change_shipping_address",
                {
                    "order_id": "ORD-92010",
                    "address1": "500 Pine Ave",
                    "city": "Austin",
                    "zip": "78701",
                },
            ),
        ],
        ["500 Pine Ave, Austin, TX 78701"],
        intent="change_address",
    ),
    Case(
        "doi dia chi don ORD-92010: 12 Oak Ave, Apt 3, Springfield, IL 62704, USA",
        [
            (
                "change_shipping_address",
                {"order_id": "ORD-92010", "address1": "12 Oak Ave", "zip": "62704"},
            )
        ],
        ["12 Oak Ave"],
        intent="change_address",
    ),
    # payment change
    Case(
        "đơn ORD-92010 mình muốn thanh toán bằng thẻ quà tặng",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "gift_card_9821002"},
            ),
        ],
        ["thẻ quà tặng không đủ"],
        intent="change_payment",
    ),
    # item change
    Case(
        "sửa đơn ORD-92010, đổi đồng hồ sang loại 45mm màu đen",
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
    # exchange
    Case("đồng hồ bị trầy, đổi được ko", [(CI, {})], ["ORD-66120", "ORD-30987"], intent="exchange"),
    Case(
        "đổi tai nghe đơn ORD-66120 sang màu bạc",
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
        "doi tai nghe don ORD-30987 duoc ko",
        [(ST, {"order_id": "ORD-30987"})],
        ["tai nghe", "CFM-12-SS"],
        intent="exchange",
    ),
    # hand-off
    Case("cho mình gặp nhân viên", [("transfer_to_human", {})], ["nhân viên"], intent="human"),
    Case(
        "toi muon noi chuyen voi nguoi that",
        [("transfer_to_human", {})],
        ["nhân viên"],
        intent="human",
    ),
    # product types
    Case("shop bán những gì vậy", [(TYPES, {})], ["Smart Watch X3 (SWX-300)"], intent="catalog"),
    Case(
        "có những loại sản phẩm nào",
        [(TYPES, {})],
        ["Travel Backpack 30L (BKP-30L)"],
        intent="catalog",
    ),
    # not understood
    Case("ờ thì cái kia", [], ["nhân viên"], intent="fallback"),
    # more, from probing
    Case(
        "shop ơi, đơn hàng gần nhất của em giao tới đâu rồi ạ",
        [(CI, {}), (ST, {"order_id": "ORD-92010"})],
        ["ORD-92010", "đang chờ xử lý"],
        intent="order_status",
    ),
    Case(
        "cho e hỏi đồng hồ thông minh còn size 45mm màu đen ko",
        [(TYPES, {}), (AV, {"product_sku": "SWX-300"}), (AV, {"product_sku": "SWX-300-45-BLK"})],
        ["SWX-300-45-BLK", "18"],
        intent="availability",
    ),
    Case(
        "còn 2 cái UHD-4K-55 ko",
        [(AV, {"product_sku": "UHD-4K-55", "quantity_needed": 2})],
        ["3"],
        intent="availability",
    ),
    Case(
        "sp WEP-2024 gia bao nhieu",
        [(PI, {"product_sku": "WEP-2024"})],
        ["129,99"],
        intent="product_info",
    ),
    Case(
        "tôi muốn hoàn tiền đơn 66120 vì tai nghe bị lỗi",
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
        "cancel đơn ORD-92010 giúp mình, đặt nhầm",
        [("cancel_order", {"order_id": "ORD-92010", "reason": "ordered by mistake"})],
        ["ORD-92010"],
        intent="cancel",
    ),
    Case(
        "mình muốn đổi sang thẻ visa cho đơn 92010",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "credit_card_9821001"},
            ),
        ],
        ["không thể nhận yêu cầu"],
        intent="change_payment",
    ),
    Case(
        "đơn ORD-92010 đổi địa chỉ được không",
        [(ST, {"order_id": "ORD-92010"})],
        ["ORD-92010"],
        intent="change_address",
    ),
    Case(
        "chuyen cho toi nhan vien ho tro",
        [("transfer_to_human", {})],
        ["nhân viên"],
        intent="human",
    ),
    Case("em muốn xem lịch sử mua hàng", [(CI, {})], ["ORD-78342"], intent="account"),
    Case(
        "92010",
        [(ST, {"order_id": "ORD-92010"})],
        ["ORD-92010"],
        before=["huỷ đơn giúp mình"],
        intent="cancel",
    ),
    Case("đổi hay trả tai nghe đơn 66120 được", [], ["trả hàng", "đổi"], intent="exchange"),
    Case(
        "trả hàng nha, tai nghe bị lỗi",
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
        before=["đổi hay trả tai nghe đơn 66120 được"],
        intent="return",
    ),
    Case(
        "dia chi giao hang moi cua don 92010 la 12 Oak Ave, Apt 3, Springfield, IL 62704, USA",
        [
            (
                "change_shipping_address",
                {
                    "order_id": "ORD-92010",
                    "address1": "12 Oak Ave",
                    "address2": "Apt 3",
                    "zip": "62704",
                },
            )
        ],
        ["12 Oak Ave"],
        intent="change_address",
    ),
    Case(
        "tai nghe chup tai con mau bac khong",
        [(TYPES, {}), (AV, {"product_sku": "HPN-700"}), (AV, {"product_sku": "HPN-700-SLV"})],
        ["HPN-700-SLV", "12"],
        intent="availability",
    ),
    Case("cho minh xem don hang", [(CI, {})], ["ORD-78342"], intent="account"),
    Case(
        "đổi size đồng hồ trong đơn 92010 sang 45mm",
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
        "đổi thanh toán đơn 92010 sang thẻ quà tặng",
        [
            (ST, {"order_id": "ORD-92010"}),
            (CI, {}),
            (
                "change_payment_method",
                {"order_id": "ORD-92010", "payment_method_id": "gift_card_9821002"},
            ),
        ],
        ["thẻ quà tặng"],
        intent="change_payment",
    ),
    Case(
        "đồng hồ màu xanh lá giá bao nhiêu",
        [(TYPES, {}), (PI, {"product_sku": "SWX-300"}), (PI, {"product_sku": "SWX-300-45-GRN"})],
        ["229,00", "xanh lá"],
        intent="product_info",
    ),
]
