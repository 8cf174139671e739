"""Plans for order changes: return, cancel, address, payment method, items / exchange.

Each checks the order first (so a wrong or someone else's order id is reported before
any question), asks for what is missing, then calls the store's tool. Under explicit
confirmation the tool only previews; the engine shows the preview and never confirms.
"""

from __future__ import annotations

from typing import Any

from app.agent.offline import render
from app.agent.offline.extract import extract
from app.agent.offline.names import as_typed, fits_name, product_nouns
from app.agent.offline.plan_refs import ask_order, order_ref
from app.agent.offline.situation import Action, Reply, Situation, choose
from app.agent.offline.state import Call
from app.agent.offline.variants import named_items, order_lines, pick_items

CANCEL_REASONS = ("no_longer_needed", "ordered_by_mistake")
# Our reason codes -> what a return tool may call them, best first.
RETURN_REASONS = {
    "damaged": ("damaged", "defective"),
    "no_longer_needed": ("no_longer_needed", "changed_mind", "no longer needed"),
    "ordered_by_mistake": ("ordered_by_mistake", "changed_mind", "ordered by mistake"),
}
# The tools whose result finishes each request (an item change is a modify before
# shipping and an exchange after delivery).
ACTION_TOOLS = {
    "return": ("process_return",),
    "cancel": ("cancel_order",),
    "change_address": ("change_shipping_address",),
    "change_payment": ("change_payment_method",),
    "change_items": ("modify_order_items", "exchange_items"),
    "exchange": ("modify_order_items", "exchange_items"),
}


def _order(s: Situation, request: str) -> tuple[str, Call | None, Action | None]:
    """The order id and its looked-up record (this turn), or an action that comes first:
    asking which order, or answering with this turn's finished action."""
    order = order_ref(s, request)
    if not isinstance(order, str):
        return "", None, order
    record = s.called("get_order_status", order_id=order)
    return order, record, _finish(s, request, order)


def _refuse(s: Situation, request: str, record: Call | None, order: str) -> Action:
    """The order cannot take this request. If the customer named it, say why; if it was
    only the order discussed before, ask which order they mean instead."""
    why = render.cannot(s.lang, request, record, order)
    if any(order in extract(text).order_ids for text in s.d.texts):
        return Reply(why)
    ask = ask_order(s, request)
    return Reply(f"{why}\n{ask.text}") if isinstance(ask, Reply) else ask


def _not_in_order(s: Situation, record: Call, order: str) -> Action | None:
    """The customer named a kind of product ("the headphones") that no line of the order
    is: say so, with what the order holds, rather than act on another item."""
    lines = order_lines(record)
    nouns = product_nouns(s.d.texts)
    if not nouns or not lines or any(fits_name(nouns, str(i.get("name"))) for i in lines):
        return None
    in_order = {str(i.get(k)) for i in lines for k in ("item_id", "product_id")}
    if any(p in in_order for p in s.d.slots.products):
        return None  # an item id of the order was given as well: that one is meant
    return s.say(
        "not_in_order",
        thing=as_typed(s.d.texts, nouns),
        order=order,
        items=render.item_list(s.lang, lines),
    )


def _look_up(s: Situation, order: str) -> Action:
    return s.call("get_order_status", order_id=order, include_tracking=False)


def _finish(s: Situation, request: str, order: str) -> Action | None:
    """The answer once this turn's action call has come back, else None."""
    for tool in ACTION_TOOLS.get(request, ()):
        done = s.called(tool, order_id=order)
        if done is not None:
            return Reply(render.action_result(s.lang, request, done, order, known_methods(s)))
    return None


def known_methods(s: Situation) -> dict[str, Any]:
    """Payment methods read this turn, by id, so a preview can name them."""
    return {str(m.get("id")): m for m in render.payment_methods(s.called("get_customer_info"))}


def return_items(s: Situation) -> Action:
    order, record, first = _order(s, "return")
    if first is not None:
        return first
    # The order is read first: to report a wrong order before asking anything, and to
    # know which of its items the customer named ("the headphones").
    if record is None:
        return _look_up(s, order)
    absent = _not_in_order(s, record, order) if record.ok else None
    if absent is not None:
        return absent
    if not record.ok or render.status_of(record) != "delivered":
        return _refuse(s, "return", record, order)
    reason = s.d.slots.reason
    if not reason:
        return s.say("ask_return_reason", order=order)
    schema = s.tools.get("process_return")
    payment = s.d.slots.payment
    refund = None
    if payment.source == "gift_card":
        refund = choose(schema, "refund_method", "gift_card", "store_credit")
    elif payment.original or payment.source:
        refund = choose(schema, "refund_method", "original_payment", "original")
    return s.call(
        "process_return",
        order_id=order,
        reason=choose(schema, "reason", *RETURN_REASONS.get(reason, (reason,)), "other"),
        items_to_return=list(s.d.slots.products) or named_items(s, record) or None,
        request_pickup=s.d.slots.pickup,
        refund_method=refund,
    )


def cancel(s: Situation) -> Action:
    order, record, first = _order(s, "cancel")
    if first is not None:
        return first
    reason = s.d.slots.reason
    if reason not in CANCEL_REASONS:
        if record is None:
            return _look_up(s, order)
        if not record.ok or render.status_of(record) != "pending":
            return _refuse(s, "cancel", record, order)
        return s.say("ask_cancel_reason", order=order)
    return s.call("cancel_order", order_id=order, reason=reason)


def change_address(s: Situation) -> Action:
    order, record, first = _order(s, "change_address")
    if first is not None:
        return first
    address = s.d.slots.address
    if record is None and (address is None or not address.get("country")):
        return _look_up(s, order)
    if address is None:
        if record is None or not record.ok or render.status_of(record) != "pending":
            return _refuse(s, "change_address", record, order)
        return s.say("ask_address", order=order)
    if not address.get("country") and record is not None and record.ok:
        # The customer gave a street, city, state and zip but no country: it stays the
        # order's current country (shown in the preview before anything changes).
        current = render.field(record.result, "shipping_address", "country")
        address = {**address, "country": current or ""}
    schema = s.tools.get("change_shipping_address") or {}
    if "address" in schema.get("properties", {}):
        return s.call("change_shipping_address", order_id=order, address=address)
    return s.call("change_shipping_address", order_id=order, **address)


def change_payment(s: Situation) -> Action:
    order, record, first = _order(s, "change_payment")
    if first is not None:
        return first
    if record is None:
        return _look_up(s, order)
    if not record.ok or render.status_of(record) != "pending":
        return _refuse(s, "change_payment", record, order)
    info = s.called("get_customer_info")
    if info is None:
        # Staff sessions name the customer; it is the order's own, read from the store.
        owner = render.field(record.result, "customer_id") if s.staff else None
        return s.call("get_customer_info", customer_id=owner, include_order_history=False)
    methods = render.payment_methods(info)
    chosen = _match_method(methods, s)
    if chosen is None:
        return s.say("ask_payment_method", order=order, methods=render.method_list(s.lang, methods))
    return s.call("change_payment_method", order_id=order, payment_method_id=chosen)


def _match_method(methods: list[dict[str, Any]], s: Situation) -> str | None:
    hint = s.d.slots.payment
    ids = [str(m.get("id")) for m in methods]
    if hint.method_id:
        return hint.method_id if hint.method_id in ids else None
    fits = [
        m
        for m in methods
        if (hint.source is None or m.get("source") == hint.source)
        and (hint.last_four is None or m.get("last_four") == hint.last_four)
    ]
    if (hint.source or hint.last_four) and len(fits) == 1:
        return str(fits[0].get("id"))
    return None


def change_items(s: Situation) -> Action:
    """Swap items for other variants: before shipping (modify) or after delivery (exchange)."""
    request = s.d.intent or "change_items"
    order, record, first = _order(s, request)
    if first is not None:
        return first
    if record is None:
        return _look_up(s, order)
    absent = _not_in_order(s, record, order) if record.ok else None
    if absent is not None:
        return absent
    status = render.status_of(record)
    if not record.ok or status not in ("pending", "delivered"):
        return _refuse(s, request, record, order)
    picked = pick_items(s, record)
    if not isinstance(picked, tuple):
        return picked
    old, new = picked
    tool = "modify_order_items" if status == "pending" else "exchange_items"
    return s.call(
        tool,
        order_id=order,
        item_ids=old,
        new_item_ids=new,
        payment_method_id=render.first_payment_method(record),
    )
