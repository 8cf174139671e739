"""English: the reference catalogue (every other language has exactly these keys).

Keys are namespaced by area; keep each namespace together and add a key to all three
files at once. Values are str.format templates: `{name}` is filled in by t(key, locale,
name=...). Literal braces are written `{{` and `}}`.
"""

MESSAGES: dict[str, str] = {
    # --- common --------------------------------------------------------------------------
    "common.and": "and",
    "common.none": "—",
    # --- chat: the customer's chat page --------------------------------------------------
    "chat.language": "Language",
    "chat.confirm.button": "Confirm",
    "chat.cancel.button": "Cancel",
    # --- status: order, return and exchange statuses as a customer reads them ------------
    "status.pending": "Pending",
    "status.processed": "Being processed",
    "status.shipped": "Shipped",
    "status.in_transit": "In transit",
    "status.delivered": "Delivered",
    "status.cancelled": "Cancelled",
    "status.pending (item modified)": "Pending, items changed",
    "status.return requested": "Return requested",
    "status.exchange requested": "Exchange requested",
    "status.returned": "Returned",
    "status.requested": "Requested",
    "status.received": "Received",
}
