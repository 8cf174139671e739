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
    # --- engine: the offline engine's sentences (facts come in as {fields}) --------------
    # small talk
    "engine.greeting": "Hello! I'm the store's assistant. I can check an order, look up stock and "
    "product details, and help with returns, cancellations, exchanges and changes to an "
    "order. What can I do for you?",
    "engine.thanks": "You're welcome! Is there anything else I can help with?",
    "engine.help": "I can help you with:\n- where an order is (give me the order number, e.g. "
    "ORD-12345)\n- whether a product is in stock, its specs, warranty and shipping\n- your "
    "account details\n- returning, exchanging or cancelling an order\n- changing an order's "
    "address, payment method or items\n- talking to a human agent\nWhat would you like to do?",
    "engine.not_understood": "Sorry, I didn't understand that. I can track orders, check stock and "
    "product details, and handle returns, cancellations, exchanges and order changes. "
    'Type "help" to see everything.',
    "engine.not_understood_pending": "Sorry, I didn't catch that. We were working on {request}: "
    "could you give me the detail I asked for?",
    "engine.internal_error": "Sorry, something went wrong on my side. Please try again.",
    "engine.unavailable": "Sorry, I can't do that in this session.",
    "engine.confirm_hint": "To go ahead, please press Confirm under the summary above. Nothing "
    "changes until you do.",
    "engine.declined": "All right, I haven't changed anything.",
    # what a request is called inside other sentences
    "engine.intent.order_status": "checking an order",
    "engine.intent.availability": "checking stock",
    "engine.intent.product_info": "product details",
    "engine.intent.account": "your account",
    "engine.intent.catalog": "our products",
    "engine.intent.human": "a transfer to a human agent",
    "engine.intent.return": "a return",
    "engine.intent.cancel": "a cancellation",
    "engine.intent.change_address": "an address change",
    "engine.intent.change_payment": "a payment method change",
    "engine.intent.change_items": "changing items",
    "engine.intent.exchange": "an exchange",
    # questions for missing details
    "engine.ask_order": "Which order is this about ({request})? Please give me the order number, "
    "e.g. ORD-12345 or #W1234567.",
    "engine.ask_order_from_list": "Which order is this about ({request})? Your orders: {orders}.",
    "engine.ask_product": "Which product do you mean ({request})? Please give me its SKU or name.",
    "engine.ask_product_from_list": "Which product do you mean ({request})? We carry: {products}.",
    "engine.policy_which_product": "Return windows depend on the product. "
    "Which product would you like to know about? We carry: {products}.",
    "engine.ask_customer": "Which customer? Please give me their customer id or email.",
    "engine.ask_return_reason": "I can help you return order {order}. What is the reason: "
    "defective, damaged, wrong item, not as described, or you no longer need it?",
    "engine.ask_cancel_reason": "I can help you cancel order {order}. Why would you like to "
    "cancel it: you no longer need it, or it was ordered by mistake?",
    "engine.ask_address": "What is the new shipping address for order {order}? Please write it "
    "in one line: street, apartment (if any), city, state and zip, country. For example: "
    "12 Oak Ave, Apt 3, Springfield, IL 62704, USA.",
    "engine.ask_payment_method": "Which payment method should order {order} use? On your "
    "account: {methods}.",
    "engine.ask_which_item": "Which item of order {order} would you like to change? {items}",
    "engine.ask_which_variant": "What would you like instead of {item}? Available options: "
    "{variants}. Please give me the SKU.",
    "engine.no_other_variant": "Sorry, there is no other option of {item} available right now.",
    # order status
    "engine.order_not_found": "I couldn't find order {order} on your account. Please check the "
    "number (it looks like ORD-12345 or #W1234567).",
    "engine.order_head": "Order {order} is {status}.",
    "engine.order_placed": "Placed on {date}.",
    "engine.order_items": "Items: {items}.",
    "engine.order_total": "Total: {total}.",
    "engine.shipment": "Shipped with {carrier}, tracking number {tracking}.",
    "engine.shipment_tracking": "Tracking number: {tracking}.",
    "engine.shipment_eta": "Expected delivery: {date}.",
    "engine.shipment_delivered": "Delivered on {date}.",
    "engine.last_event": "Latest update ({date}): {description}, {location}.",
    "engine.order_cancel_reason": "Cancellation reason: {reason}.",
    "engine.order_request": "{kind} {id}: {status}.",
    # products and stock
    "engine.product_not_found": "I couldn't find a product {sku}. Please check the SKU or the "
    "product name.",
    "engine.avail_ok": "{name} ({sku}) is in stock: {total} units in total.",
    "engine.avail_nearest": "Nearest warehouse with stock: {city}, {state} ({quantity} units).",
    "engine.avail_eta": "Ordered today, it would arrive around {date}.",
    "engine.avail_short": "{name} ({sku}): only {total} in stock, and you need {needed}.",
    "engine.avail_none": "{name} ({sku}) is out of stock in every warehouse right now.",
    "engine.avail_discontinued": "{name} ({sku}) is no longer sold.",
    "engine.product_head": "{name} ({sku}): {description}",
    "engine.product_price": "Price: {price}.",
    "engine.product_specs": "Specs: {specs}.",
    "engine.product_warranty": "Warranty: {warranty}.",
    "engine.product_shipping": "Shipping options: {options}.",
    "engine.product_returns": "Returns accepted within {days} days of delivery.",
    "engine.product_no_returns": "This product cannot be returned.",
    "engine.product_variants": "Options: {variants}.",
    "engine.shipping_option": "{method} ({days} days, {price})",
    "engine.catalog": "Here is what we sell: {products}.",
    # account
    "engine.customer_not_found": "I couldn't find that customer. Please check the id or email.",
    "engine.account_head": "{name}, {tier} member since {since}. Email: {email}.",
    "engine.account_head_no_date": "{name}, {tier} member. Email: {email}.",
    "engine.account_address": "Default address: {address}.",
    "engine.account_methods": "Payment methods: {methods}.",
    "engine.account_orders": "Recent orders: {orders}.",
    "engine.method_card": "{brand} card ending in {last_four}",
    "engine.method_gift_card": "gift card (balance {balance})",
    "engine.source.credit_card": "credit card",
    "engine.source.gift_card": "gift card",
    "engine.source.paypal": "PayPal",
    "engine.method_paypal": "PayPal",
    # hand-off
    "engine.handoff_done": "I've passed your conversation to a human agent (ticket {ticket}). "
    "Someone from our team will get back to you here.",
    # previews and results of changes
    "engine.preview_head": "Here is what would happen with order {order} ({request}):",
    "engine.preview_items": "Items: {value}",
    "engine.preview_refund": "Refund: {value}",
    "engine.preview_refund_to": "Refund to: {value}",
    "engine.preview_difference": "Price difference: {value}",
    "engine.preview_difference_method": "Difference settled with: {value}",
    "engine.preview_method": "New payment method: {value}",
    "engine.preview_address": "New address: {value}",
    "engine.preview_reason": "Reason: {value}",
    "engine.preview_pickup": "Pickup: {value}",
    "engine.preview_status": "Order status afterwards: {value}",
    "engine.preview_footer": "Nothing has changed yet. Press Confirm to go ahead, or Cancel to "
    "keep the order as it is.",
    "engine.done": "Done: {request} for order {order} has been applied.",
    "engine.done_status": "The order is now {status}.",
    "engine.done_label": "Return label: {url}",
    # errors from the store
    "engine.cannot_status": "Order {order} is {status}, so {request} isn't possible.",
    "engine.error_invalid_state": "That isn't possible for order {order} in its current state: {detail}",
    "engine.error_policy": "Our store policy doesn't allow this: {detail}",
    "engine.error_insufficient_funds": "The gift card balance is too low for this. Would you "
    "like to use another payment method?",
    "engine.error_out_of_stock": "That item isn't available in that quantity: {detail}",
    "engine.error_permission": "I can't do that in this chat. I can transfer you to a human "
    "agent if you like.",
    "engine.error_invalid_request": "The store could not accept that request: {detail}",
    "engine.error_generic": "Sorry, I couldn't complete that right now. Please try again, or ask "
    "for a human agent.",
    # status names
    "engine.status.pending": "pending",
    "engine.status.processed": "being processed",
    "engine.status.shipped": "shipped",
    "engine.status.in_transit": "in transit",
    "engine.status.delivered": "delivered",
    "engine.status.cancelled": "cancelled",
    "engine.status.pending (item modified)": "pending, with modified items",
    "engine.status.return requested": "awaiting your return",
    "engine.status.exchange requested": "awaiting your exchange",
    "engine.status.returned": "returned",
    "engine.reason.no_longer_needed": "no longer needed",
    "engine.reason.ordered_by_mistake": "ordered by mistake",
    "engine.reason.defective": "defective",
    "engine.reason.damaged": "damaged",
    "engine.reason.wrong_item": "wrong item",
    "engine.reason.not_as_described": "not as described",
    "engine.reason.changed_mind": "changed my mind",
    "engine.reason.other": "other",
    "engine.and": "and",
}
