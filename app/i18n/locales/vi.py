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
}
