"""Tiếng Việt (Vietnamese). Same keys and {placeholders} as en.py."""

MESSAGES: dict[str, str] = {
    # --- common --------------------------------------------------------------------------
    "common.and": "và",
    "common.none": "—",
    # --- chat ----------------------------------------------------------------------------
    "chat.language": "Ngôn ngữ",
    "chat.confirm.button": "Xác nhận",
    "chat.cancel.button": "Hủy",
    # --- status --------------------------------------------------------------------------
    "status.pending": "Chờ xử lý",
    "status.processed": "Đang xử lý",
    "status.shipped": "Đã gửi hàng",
    "status.in_transit": "Đang vận chuyển",
    "status.delivered": "Đã giao",
    "status.cancelled": "Đã hủy",
    "status.pending (item modified)": "Chờ xử lý, đã đổi sản phẩm",
    "status.return requested": "Đã yêu cầu trả hàng",
    "status.exchange requested": "Đã yêu cầu đổi hàng",
    "status.returned": "Đã trả hàng",
    "status.requested": "Đã yêu cầu",
    "status.received": "Đã nhận",
    # --- engine: the offline engine's sentences (facts come in as {fields}) --------------
    "engine.greeting": "Xin chào! Tôi là trợ lý của cửa hàng. Tôi có thể kiểm tra đơn hàng, xem "
    "tồn kho và thông tin sản phẩm, và hỗ trợ trả hàng, hủy đơn, đổi hàng hoặc thay đổi "
    "đơn hàng. Tôi có thể giúp gì cho bạn?",
    "engine.thanks": "Không có gì ạ! Bạn cần tôi giúp thêm gì không?",
    "engine.help": "Tôi có thể giúp bạn:\n- xem đơn hàng đang ở đâu (cho tôi mã đơn, ví dụ "
    "ORD-12345)\n- kiểm tra sản phẩm còn hàng không, thông số, bảo hành và vận chuyển\n- "
    "xem thông tin tài khoản\n- trả hàng, đổi hàng hoặc hủy đơn\n- đổi địa chỉ giao hàng, "
    "phương thức thanh toán hoặc sản phẩm trong đơn\n- chuyển sang nhân viên hỗ trợ\nBạn "
    "muốn làm gì?",
    "engine.not_understood": "Xin lỗi, tôi chưa hiểu ý bạn. Tôi có thể tra cứu đơn hàng, kiểm tra "
    "tồn kho và thông tin sản phẩm, hỗ trợ trả hàng, hủy đơn, đổi hàng và thay đổi đơn. "
    'Gõ "giúp" để xem tất cả.',
    "engine.not_understood_pending": "Xin lỗi, tôi chưa hiểu. Chúng ta đang xử lý {request}: bạn "
    "có thể cho tôi thông tin tôi vừa hỏi không?",
    "engine.internal_error": "Xin lỗi, hệ thống của tôi gặp sự cố. Bạn vui lòng thử lại.",
    "engine.unavailable": "Xin lỗi, tôi không thể làm việc này trong phiên trò chuyện này.",
    "engine.confirm_hint": "Để tiếp tục, bạn vui lòng bấm Xác nhận bên dưới phần tóm tắt ở trên. "
    "Chưa có gì thay đổi cho đến khi bạn xác nhận.",
    "engine.declined": "Vâng, tôi chưa thay đổi gì cả.",
    "engine.intent.order_status": "tra cứu đơn hàng",
    "engine.intent.availability": "kiểm tra tồn kho",
    "engine.intent.product_info": "thông tin sản phẩm",
    "engine.intent.account": "tài khoản của bạn",
    "engine.intent.catalog": "sản phẩm của cửa hàng",
    "engine.intent.human": "chuyển sang nhân viên hỗ trợ",
    "engine.intent.return": "trả hàng",
    "engine.intent.cancel": "hủy đơn",
    "engine.intent.change_address": "đổi địa chỉ giao hàng",
    "engine.intent.change_payment": "đổi phương thức thanh toán",
    "engine.intent.change_items": "đổi sản phẩm trong đơn",
    "engine.intent.exchange": "đổi hàng",
    "engine.ask_order": "Bạn hỏi về đơn hàng nào ({request})? Vui lòng cho tôi mã đơn, ví dụ "
    "ORD-12345 hoặc #W1234567.",
    "engine.ask_order_from_list": "Bạn hỏi về đơn hàng nào ({request})? Các đơn của bạn: {orders}.",
    "engine.ask_product": "Bạn hỏi về sản phẩm nào ({request})? Vui lòng cho tôi mã SKU hoặc tên "
    "sản phẩm.",
    "engine.ask_product_from_list": "Bạn hỏi về sản phẩm nào ({request})? Cửa hàng có: {products}.",
    "engine.policy_which_product": "Thời hạn trả hàng tùy theo từng sản phẩm. "
    "Bạn muốn hỏi về sản phẩm nào? Cửa hàng có: {products}.",
    "engine.ask_customer": "Khách hàng nào? Vui lòng cho tôi mã khách hàng hoặc email.",
    "engine.ask_return_reason": "Tôi có thể giúp bạn trả hàng cho đơn {order}. Lý do trả hàng là "
    "gì: sản phẩm bị lỗi, bị hư hại, giao nhầm hàng, không đúng mô tả, hay bạn không cần "
    "nữa?",
    "engine.ask_cancel_reason": "Tôi có thể giúp bạn hủy đơn {order}. Vì sao bạn muốn hủy: bạn "
    "không cần nữa, hay bạn đặt nhầm?",
    "engine.ask_address": "Địa chỉ giao hàng mới cho đơn {order} là gì? Vui lòng viết trên một "
    "dòng: số nhà và đường, căn hộ (nếu có), quận/thành phố, tỉnh và mã bưu chính, quốc gia. "
    "Ví dụ: 12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội 100000, Việt Nam.",
    "engine.ask_payment_method": "Đơn {order} nên dùng phương thức thanh toán nào? Trong tài khoản "
    "của bạn có: {methods}.",
    "engine.ask_which_item": "Bạn muốn đổi sản phẩm nào trong đơn {order}? {items}",
    "engine.ask_which_variant": "Bạn muốn đổi {item} sang loại nào? Các lựa chọn hiện có: "
    "{variants}. Vui lòng cho tôi mã SKU.",
    "engine.no_other_variant": "Rất tiếc, hiện không có loại nào khác của {item}.",
    "engine.order_not_found": "Tôi không tìm thấy đơn hàng {order} trong tài khoản của bạn. Vui "
    "lòng kiểm tra lại mã đơn (dạng ORD-12345 hoặc #W1234567).",
    "engine.order_head": "Đơn hàng {order} {status}.",
    "engine.order_placed": "Đặt ngày {date}.",
    "engine.order_items": "Sản phẩm: {items}.",
    "engine.order_total": "Tổng cộng: {total}.",
    "engine.shipment": "Gửi qua {carrier}, mã vận đơn {tracking}.",
    "engine.shipment_tracking": "Mã vận đơn: {tracking}.",
    "engine.shipment_eta": "Dự kiến giao: {date}.",
    "engine.shipment_delivered": "Đã giao ngày {date}.",
    "engine.last_event": "Cập nhật mới nhất ({date}): {description}, {location}.",
    "engine.order_cancel_reason": "Lý do hủy: {reason}.",
    "engine.order_request": "{kind} {id}: {status}.",
    "engine.product_not_found": "Tôi không tìm thấy sản phẩm {sku}. Vui lòng kiểm tra lại mã SKU "
    "hoặc tên sản phẩm.",
    "engine.avail_ok": "{name} ({sku}) còn hàng: tổng cộng {total} sản phẩm.",
    "engine.avail_nearest": "Kho gần nhất còn hàng: {city}, {state} ({quantity} sản phẩm).",
    "engine.avail_eta": "Nếu đặt hôm nay, hàng sẽ đến khoảng ngày {date}.",
    "engine.avail_short": "{name} ({sku}): chỉ còn {total} sản phẩm, bạn cần {needed}.",
    "engine.avail_none": "{name} ({sku}) hiện đã hết hàng ở tất cả các kho.",
    "engine.avail_discontinued": "{name} ({sku}) đã ngừng kinh doanh.",
    "engine.product_head": "{name} ({sku}): {description}",
    "engine.product_price": "Giá: {price}.",
    "engine.product_specs": "Thông số: {specs}.",
    "engine.product_warranty": "Bảo hành: {warranty}.",
    "engine.product_shipping": "Hình thức vận chuyển: {options}.",
    "engine.product_returns": "Được trả hàng trong vòng {days} ngày kể từ khi nhận hàng.",
    "engine.product_no_returns": "Sản phẩm này không được trả lại.",
    "engine.product_variants": "Các loại: {variants}.",
    "engine.shipping_option": "{method} ({days} ngày, {price})",
    "engine.catalog": "Cửa hàng đang bán: {products}.",
    "engine.customer_not_found": "Tôi không tìm thấy khách hàng này. Vui lòng kiểm tra lại mã hoặc email.",
    "engine.account_head": "{name}, hạng {tier}, thành viên từ {since}. Email: {email}.",
    "engine.account_head_no_date": "{name}, hạng {tier}. Email: {email}.",
    "engine.account_address": "Địa chỉ mặc định: {address}.",
    "engine.account_methods": "Phương thức thanh toán: {methods}.",
    "engine.account_orders": "Đơn hàng gần đây: {orders}.",
    "engine.method_card": "thẻ {brand} đuôi {last_four}",
    "engine.method_gift_card": "thẻ quà tặng (số dư {balance})",
    "engine.source.credit_card": "thẻ tín dụng",
    "engine.source.gift_card": "thẻ quà tặng",
    "engine.source.paypal": "PayPal",
    "engine.method_paypal": "PayPal",
    "engine.handoff_done": "Tôi đã chuyển cuộc trò chuyện của bạn cho nhân viên hỗ trợ (phiếu "
    "{ticket}). Nhân viên của chúng tôi sẽ trả lời bạn tại đây.",
    "engine.preview_head": "Đây là những gì sẽ thay đổi với đơn {order} ({request}):",
    "engine.preview_items": "Sản phẩm: {value}",
    "engine.preview_refund": "Số tiền hoàn: {value}",
    "engine.preview_refund_to": "Hoàn về: {value}",
    "engine.preview_difference": "Chênh lệch giá: {value}",
    "engine.preview_difference_method": "Chênh lệch thanh toán qua: {value}",
    "engine.preview_method": "Phương thức thanh toán mới: {value}",
    "engine.preview_address": "Địa chỉ mới: {value}",
    "engine.preview_reason": "Lý do: {value}",
    "engine.preview_pickup": "Ngày đến lấy hàng: {value}",
    "engine.preview_status": "Trạng thái đơn sau đó: {value}",
    "engine.preview_footer": "Chưa có gì thay đổi. Bấm Xác nhận để tiếp tục, hoặc Hủy để giữ "
    "nguyên đơn hàng.",
    "engine.done": "Xong: yêu cầu {request} cho đơn {order} đã được thực hiện.",
    "engine.done_status": "Đơn hàng hiện {status}.",
    "engine.done_label": "Nhãn trả hàng: {url}",
    "engine.cannot_status": "Đơn hàng {order} {status}, nên không thể {request}.",
    "engine.error_invalid_state": "Không thể thực hiện với đơn {order} ở trạng thái hiện tại: {detail}",
    "engine.error_policy": "Chính sách cửa hàng không cho phép yêu cầu này: {detail}",
    "engine.error_insufficient_funds": "Số dư thẻ quà tặng không đủ. Bạn có muốn dùng phương thức "
    "thanh toán khác không?",
    "engine.error_out_of_stock": "Sản phẩm này không còn đủ số lượng: {detail}",
    "engine.error_permission": "Tôi không thể làm việc này trong cuộc trò chuyện này. Tôi có thể "
    "chuyển bạn sang nhân viên hỗ trợ nếu bạn muốn.",
    "engine.error_invalid_request": "Cửa hàng không thể nhận yêu cầu này: {detail}",
    "engine.error_generic": "Xin lỗi, tôi chưa thể hoàn tất việc này. Bạn vui lòng thử lại hoặc "
    "yêu cầu gặp nhân viên hỗ trợ.",
    "engine.status.pending": "đang chờ xử lý",
    "engine.status.processed": "đang được xử lý",
    "engine.status.shipped": "đã được gửi đi",
    "engine.status.in_transit": "đang được vận chuyển",
    "engine.status.delivered": "đã được giao",
    "engine.status.cancelled": "đã bị hủy",
    "engine.status.pending (item modified)": "đang chờ xử lý (đã đổi sản phẩm)",
    "engine.status.return requested": "đang chờ bạn gửi trả hàng",
    "engine.status.exchange requested": "đang chờ đổi hàng",
    "engine.status.returned": "đã được trả lại",
    "engine.reason.no_longer_needed": "không cần nữa",
    "engine.reason.ordered_by_mistake": "đặt nhầm",
    "engine.reason.defective": "sản phẩm bị lỗi",
    "engine.reason.damaged": "sản phẩm bị hư hại",
    "engine.reason.wrong_item": "giao nhầm hàng",
    "engine.reason.not_as_described": "không đúng mô tả",
    "engine.reason.changed_mind": "đổi ý",
    "engine.reason.other": "lý do khác",
    "engine.and": "và",
}
