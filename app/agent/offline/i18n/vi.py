"""Tiếng Việt."""

TEXT: dict[str, str] = {
    "greeting": "Xin chào! Tôi là trợ lý của cửa hàng. Tôi có thể kiểm tra đơn hàng, xem "
    "tồn kho và thông tin sản phẩm, và hỗ trợ trả hàng, hủy đơn, đổi hàng hoặc thay đổi "
    "đơn hàng. Tôi có thể giúp gì cho bạn?",
    "thanks": "Không có gì ạ! Bạn cần tôi giúp thêm gì không?",
    "help": "Tôi có thể giúp bạn:\n- xem đơn hàng đang ở đâu (cho tôi mã đơn, ví dụ "
    "ORD-12345)\n- kiểm tra sản phẩm còn hàng không, thông số, bảo hành và vận chuyển\n- "
    "xem thông tin tài khoản\n- trả hàng, đổi hàng hoặc hủy đơn\n- đổi địa chỉ giao hàng, "
    "phương thức thanh toán hoặc sản phẩm trong đơn\n- chuyển sang nhân viên hỗ trợ\nBạn "
    "muốn làm gì?",
    "not_understood": "Xin lỗi, tôi chưa hiểu ý bạn. Tôi có thể tra cứu đơn hàng, kiểm tra "
    "tồn kho và thông tin sản phẩm, hỗ trợ trả hàng, hủy đơn, đổi hàng và thay đổi đơn. "
    'Gõ "giúp" để xem tất cả.',
    "not_understood_pending": "Xin lỗi, tôi chưa hiểu. Chúng ta đang xử lý {request}: bạn "
    "có thể cho tôi thông tin tôi vừa hỏi không?",
    "internal_error": "Xin lỗi, hệ thống của tôi gặp sự cố. Bạn vui lòng thử lại.",
    "unavailable": "Xin lỗi, tôi không thể làm việc này trong phiên trò chuyện này.",
    "confirm_hint": "Để tiếp tục, bạn vui lòng bấm Xác nhận bên dưới phần tóm tắt ở trên. "
    "Chưa có gì thay đổi cho đến khi bạn xác nhận.",
    "declined": "Vâng, tôi chưa thay đổi gì cả.",
    "intent.order_status": "tra cứu đơn hàng",
    "intent.availability": "kiểm tra tồn kho",
    "intent.product_info": "thông tin sản phẩm",
    "intent.account": "tài khoản của bạn",
    "intent.catalog": "sản phẩm của cửa hàng",
    "intent.human": "chuyển sang nhân viên hỗ trợ",
    "intent.return": "trả hàng",
    "intent.cancel": "hủy đơn",
    "intent.change_address": "đổi địa chỉ giao hàng",
    "intent.change_payment": "đổi phương thức thanh toán",
    "intent.change_items": "đổi sản phẩm trong đơn",
    "intent.exchange": "đổi hàng",
    "ask_order": "Bạn hỏi về đơn hàng nào ({request})? Vui lòng cho tôi mã đơn, ví dụ "
    "ORD-12345 hoặc #W1234567.",
    "ask_order_from_list": "Bạn hỏi về đơn hàng nào ({request})? Các đơn của bạn: {orders}.",
    "ask_product": "Bạn hỏi về sản phẩm nào ({request})? Vui lòng cho tôi mã SKU hoặc tên "
    "sản phẩm.",
    "ask_product_from_list": "Bạn hỏi về sản phẩm nào ({request})? Cửa hàng có: {products}.",
    "policy_which_product": "Thời hạn trả hàng tùy theo từng sản phẩm. "
    "Bạn muốn hỏi về sản phẩm nào? Cửa hàng có: {products}.",
    "ask_customer": "Khách hàng nào? Vui lòng cho tôi mã khách hàng hoặc email.",
    "ask_return_reason": "Tôi có thể giúp bạn trả hàng cho đơn {order}. Lý do trả hàng là "
    "gì: sản phẩm bị lỗi, bị hư hại, giao nhầm hàng, không đúng mô tả, hay bạn không cần "
    "nữa?",
    "ask_cancel_reason": "Tôi có thể giúp bạn hủy đơn {order}. Vì sao bạn muốn hủy: bạn "
    "không cần nữa, hay bạn đặt nhầm?",
    "ask_address": "Địa chỉ giao hàng mới cho đơn {order} là gì? Vui lòng viết trên một "
    "dòng: số nhà và đường, căn hộ (nếu có), quận/thành phố, tỉnh và mã bưu chính, quốc gia. "
    "Ví dụ: 12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội 100000, Việt Nam.",
    "ask_payment_method": "Đơn {order} nên dùng phương thức thanh toán nào? Trong tài khoản "
    "của bạn có: {methods}.",
    "ask_which_item": "Bạn muốn đổi sản phẩm nào trong đơn {order}? {items}",
    "ask_which_variant": "Bạn muốn đổi {item} sang loại nào? Các lựa chọn hiện có: "
    "{variants}. Vui lòng cho tôi mã SKU.",
    "no_other_variant": "Rất tiếc, hiện không có loại nào khác của {item}.",
    "order_not_found": "Tôi không tìm thấy đơn hàng {order} trong tài khoản của bạn. Vui "
    "lòng kiểm tra lại mã đơn (dạng ORD-12345 hoặc #W1234567).",
    "order_head": "Đơn hàng {order} {status}.",
    "order_placed": "Đặt ngày {date}.",
    "order_items": "Sản phẩm: {items}.",
    "order_total": "Tổng cộng: {total}.",
    "shipment": "Gửi qua {carrier}, mã vận đơn {tracking}.",
    "shipment_tracking": "Mã vận đơn: {tracking}.",
    "shipment_eta": "Dự kiến giao: {date}.",
    "shipment_delivered": "Đã giao ngày {date}.",
    "last_event": "Cập nhật mới nhất ({date}): {description}, {location}.",
    "order_cancel_reason": "Lý do hủy: {reason}.",
    "order_request": "{kind} {id}: {status}.",
    "product_not_found": "Tôi không tìm thấy sản phẩm {sku}. Vui lòng kiểm tra lại mã SKU "
    "hoặc tên sản phẩm.",
    "avail_ok": "{name} ({sku}) còn hàng: tổng cộng {total} sản phẩm.",
    "avail_nearest": "Kho gần nhất còn hàng: {city}, {state} ({quantity} sản phẩm).",
    "avail_eta": "Nếu đặt hôm nay, hàng sẽ đến khoảng ngày {date}.",
    "avail_short": "{name} ({sku}): chỉ còn {total} sản phẩm, bạn cần {needed}.",
    "avail_none": "{name} ({sku}) hiện đã hết hàng ở tất cả các kho.",
    "avail_discontinued": "{name} ({sku}) đã ngừng kinh doanh.",
    "product_head": "{name} ({sku}): {description}",
    "product_price": "Giá: {price}.",
    "product_specs": "Thông số: {specs}.",
    "product_warranty": "Bảo hành: {warranty}.",
    "product_shipping": "Hình thức vận chuyển: {options}.",
    "product_returns": "Được trả hàng trong vòng {days} ngày kể từ khi nhận hàng.",
    "product_no_returns": "Sản phẩm này không được trả lại.",
    "product_variants": "Các loại: {variants}.",
    "shipping_option": "{method} ({days} ngày, {price})",
    "catalog": "Cửa hàng đang bán: {products}.",
    "customer_not_found": "Tôi không tìm thấy khách hàng này. Vui lòng kiểm tra lại mã hoặc email.",
    "account_head": "{name}, hạng {tier}, thành viên từ {since}. Email: {email}.",
    "account_head_no_date": "{name}, hạng {tier}. Email: {email}.",
    "account_address": "Địa chỉ mặc định: {address}.",
    "account_methods": "Phương thức thanh toán: {methods}.",
    "account_orders": "Đơn hàng gần đây: {orders}.",
    "method_card": "thẻ {brand} đuôi {last_four}",
    "method_gift_card": "thẻ quà tặng (số dư {balance})",
    "source.credit_card": "thẻ tín dụng",
    "source.gift_card": "thẻ quà tặng",
    "source.paypal": "PayPal",
    "method_paypal": "PayPal",
    "handoff_done": "Tôi đã chuyển cuộc trò chuyện của bạn cho nhân viên hỗ trợ (phiếu "
    "{ticket}). Nhân viên của chúng tôi sẽ trả lời bạn tại đây.",
    "preview_head": "Đây là những gì sẽ thay đổi với đơn {order} ({request}):",
    "preview_items": "Sản phẩm: {value}",
    "preview_refund": "Số tiền hoàn: {value}",
    "preview_refund_to": "Hoàn về: {value}",
    "preview_difference": "Chênh lệch giá: {value}",
    "preview_difference_method": "Chênh lệch thanh toán qua: {value}",
    "preview_method": "Phương thức thanh toán mới: {value}",
    "preview_address": "Địa chỉ mới: {value}",
    "preview_reason": "Lý do: {value}",
    "preview_pickup": "Ngày đến lấy hàng: {value}",
    "preview_status": "Trạng thái đơn sau đó: {value}",
    "preview_footer": "Chưa có gì thay đổi. Bấm Xác nhận để tiếp tục, hoặc Hủy để giữ "
    "nguyên đơn hàng.",
    "done": "Xong: yêu cầu {request} cho đơn {order} đã được thực hiện.",
    "done_status": "Đơn hàng hiện {status}.",
    "done_label": "Nhãn trả hàng: {url}",
    "cannot_status": "Đơn hàng {order} {status}, nên không thể {request}.",
    "error_invalid_state": "Không thể thực hiện với đơn {order} ở trạng thái hiện tại: {detail}",
    "error_policy": "Chính sách cửa hàng không cho phép yêu cầu này: {detail}",
    "error_insufficient_funds": "Số dư thẻ quà tặng không đủ. Bạn có muốn dùng phương thức "
    "thanh toán khác không?",
    "error_out_of_stock": "Sản phẩm này không còn đủ số lượng: {detail}",
    "error_permission": "Tôi không thể làm việc này trong cuộc trò chuyện này. Tôi có thể "
    "chuyển bạn sang nhân viên hỗ trợ nếu bạn muốn.",
    "error_invalid_request": "Cửa hàng không thể nhận yêu cầu này: {detail}",
    "error_generic": "Xin lỗi, tôi chưa thể hoàn tất việc này. Bạn vui lòng thử lại hoặc "
    "yêu cầu gặp nhân viên hỗ trợ.",
    "status.pending": "đang chờ xử lý",
    "status.processed": "đang được xử lý",
    "status.shipped": "đã được gửi đi",
    "status.in_transit": "đang được vận chuyển",
    "status.delivered": "đã được giao",
    "status.cancelled": "đã bị hủy",
    "status.pending (item modified)": "đang chờ xử lý (đã đổi sản phẩm)",
    "status.return requested": "đang chờ bạn gửi trả hàng",
    "status.exchange requested": "đang chờ đổi hàng",
    "status.returned": "đã được trả lại",
    "reason.no_longer_needed": "không cần nữa",
    "reason.ordered_by_mistake": "đặt nhầm",
    "reason.defective": "sản phẩm bị lỗi",
    "reason.damaged": "sản phẩm bị hư hại",
    "reason.wrong_item": "giao nhầm hàng",
    "reason.not_as_described": "không đúng mô tả",
    "reason.changed_mind": "đổi ý",
    "reason.other": "lý do khác",
    "and": "và",
}
