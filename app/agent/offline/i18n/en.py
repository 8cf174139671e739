"""English."""

TEXT: dict[str, str] = {
    # small talk
    "greeting": "Hello! I'm the store's assistant. I can check an order, look up stock and "
    "product details, and help with returns, cancellations, exchanges and changes to an "
    "order. What can I do for you?",
    "thanks": "You're welcome! Is there anything else I can help with?",
    "help": "I can help you with:\n- where an order is (give me the order number, e.g. "
    "ORD-12345)\n- whether a product is in stock, its specs, warranty and shipping\n- your "
    "account details\n- returning, exchanging or cancelling an order\n- changing an order's "
    "address, payment method or items\n- talking to a human agent\nWhat would you like to do?",
    "not_understood": "Sorry, I didn't understand that. I can track orders, check stock and "
    "product details, and handle returns, cancellations, exchanges and order changes. "
    'Type "help" to see everything.',
    "not_understood_pending": "Sorry, I didn't catch that. We were working on {request}: "
    "could you give me the detail I asked for?",
    "internal_error": "Sorry, something went wrong on my side. Please try again.",
    "unavailable": "Sorry, I can't do that in this session.",
    "confirm_hint": "To go ahead, please press Confirm under the summary above. Nothing "
    "changes until you do.",
    "declined": "All right, I haven't changed anything.",
    # what a request is called inside other sentences
    "intent.order_status": "checking an order",
    "intent.availability": "checking stock",
    "intent.product_info": "product details",
    "intent.account": "your account",
    "intent.catalog": "our products",
    "intent.human": "a transfer to a human agent",
    "intent.return": "a return",
    "intent.cancel": "a cancellation",
    "intent.change_address": "an address change",
    "intent.change_payment": "a payment method change",
    "intent.change_items": "changing items",
    "intent.exchange": "an exchange",
    # questions for missing details
    "ask_order": "Which order is this about ({request})? Please give me the order number, "
    "e.g. ORD-12345 or #W1234567.",
    "ask_order_from_list": "Which order is this about ({request})? Your orders: {orders}.",
    "ask_product": "Which product do you mean ({request})? Please give me its SKU or name.",
    "ask_product_from_list": "Which product do you mean ({request})? We carry: {products}.",
    "policy_which_product": "Return windows depend on the product. "
    "Which product would you like to know about? We carry: {products}.",
    "ask_customer": "Which customer? Please give me their customer id or email.",
    "ask_return_reason": "I can help you return order {order}. What is the reason: "
    "defective, damaged, wrong item, not as described, or you no longer need it?",
    "ask_cancel_reason": "I can help you cancel order {order}. Why would you like to "
    "cancel it: you no longer need it, or it was ordered by mistake?",
    "ask_address": "What is the new shipping address for order {order}? Please write it "
    "in one line: street, apartment (if any), city, state and zip, country. For example: "
    "12 Oak Ave, Apt 3, Springfield, IL 62704, USA.",
    "ask_payment_method": "Which payment method should order {order} use? On your "
    "account: {methods}.",
    "ask_which_item": "Which item of order {order} would you like to change? {items}",
    "ask_which_variant": "What would you like instead of {item}? Available options: "
    "{variants}. Please give me the SKU.",
    "no_other_variant": "Sorry, there is no other option of {item} available right now.",
    # order status
    "order_not_found": "I couldn't find order {order} on your account. Please check the "
    "number (it looks like ORD-12345 or #W1234567).",
    "order_head": "Order {order} is {status}.",
    "order_placed": "Placed on {date}.",
    "order_items": "Items: {items}.",
    "order_total": "Total: {total}.",
    "shipment": "Shipped with {carrier}, tracking number {tracking}.",
    "shipment_tracking": "Tracking number: {tracking}.",
    "shipment_eta": "Expected delivery: {date}.",
    "shipment_delivered": "Delivered on {date}.",
    "last_event": "Latest update ({date}): {description}, {location}.",
    "order_cancel_reason": "Cancellation reason: {reason}.",
    "order_request": "{kind} {id}: {status}.",
    # products and stock
    "product_not_found": "I couldn't find a product {sku}. Please check the SKU or the "
    "product name.",
    "avail_ok": "{name} ({sku}) is in stock: {total} units in total.",
    "avail_nearest": "Nearest warehouse with stock: {city}, {state} ({quantity} units).",
    "avail_eta": "Ordered today, it would arrive around {date}.",
    "avail_short": "{name} ({sku}): only {total} in stock, and you need {needed}.",
    "avail_none": "{name} ({sku}) is out of stock in every warehouse right now.",
    "avail_discontinued": "{name} ({sku}) is no longer sold.",
    "product_head": "{name} ({sku}): {description}",
    "product_price": "Price: {price}.",
    "product_specs": "Specs: {specs}.",
    "product_warranty": "Warranty: {warranty}.",
    "product_shipping": "Shipping options: {options}.",
    "product_returns": "Returns accepted within {days} days of delivery.",
    "product_no_returns": "This product cannot be returned.",
    "product_variants": "Options: {variants}.",
    "shipping_option": "{method} ({days} days, {price})",
    "catalog": "Here is what we sell: {products}.",
    # account
    "customer_not_found": "I couldn't find that customer. Please check the id or email.",
    "account_head": "{name}, {tier} member since {since}. Email: {email}.",
    "account_head_no_date": "{name}, {tier} member. Email: {email}.",
    "account_address": "Default address: {address}.",
    "account_methods": "Payment methods: {methods}.",
    "account_orders": "Recent orders: {orders}.",
    "method_card": "{brand} card ending in {last_four}",
    "method_gift_card": "gift card (balance {balance})",
    "source.credit_card": "credit card",
    "source.gift_card": "gift card",
    "source.paypal": "PayPal",
    "method_paypal": "PayPal",
    # hand-off
    "handoff_done": "I've passed your conversation to a human agent (ticket {ticket}). "
    "Someone from our team will get back to you here.",
    # previews and results of changes
    "preview_head": "Here is what would happen with order {order} ({request}):",
    "preview_items": "Items: {value}",
    "preview_refund": "Refund: {value}",
    "preview_refund_to": "Refund to: {value}",
    "preview_difference": "Price difference: {value}",
    "preview_difference_method": "Difference settled with: {value}",
    "preview_method": "New payment method: {value}",
    "preview_address": "New address: {value}",
    "preview_reason": "Reason: {value}",
    "preview_pickup": "Pickup: {value}",
    "preview_status": "Order status afterwards: {value}",
    "preview_footer": "Nothing has changed yet. Press Confirm to go ahead, or Cancel to "
    "keep the order as it is.",
    "done": "Done: {request} for order {order} has been applied.",
    "done_status": "The order is now {status}.",
    "done_label": "Return label: {url}",
    # errors from the store
    "cannot_status": "Order {order} is {status}, so {request} isn't possible.",
    "error_invalid_state": "That isn't possible for order {order} in its current state: {detail}",
    "error_policy": "Our store policy doesn't allow this: {detail}",
    "error_insufficient_funds": "The gift card balance is too low for this. Would you "
    "like to use another payment method?",
    "error_out_of_stock": "That item isn't available in that quantity: {detail}",
    "error_permission": "I can't do that in this chat. I can transfer you to a human "
    "agent if you like.",
    "error_invalid_request": "The store could not accept that request: {detail}",
    "error_generic": "Sorry, I couldn't complete that right now. Please try again, or ask "
    "for a human agent.",
    # status names
    "status.pending": "pending",
    "status.processed": "being processed",
    "status.shipped": "shipped",
    "status.in_transit": "in transit",
    "status.delivered": "delivered",
    "status.cancelled": "cancelled",
    "status.pending (item modified)": "pending, with modified items",
    "status.return requested": "awaiting your return",
    "status.exchange requested": "awaiting your exchange",
    "status.returned": "returned",
    "reason.no_longer_needed": "no longer needed",
    "reason.ordered_by_mistake": "ordered by mistake",
    "reason.defective": "defective",
    "reason.damaged": "damaged",
    "reason.wrong_item": "wrong item",
    "reason.not_as_described": "not as described",
    "reason.changed_mind": "changed my mind",
    "reason.other": "other",
    "and": "and",
}
