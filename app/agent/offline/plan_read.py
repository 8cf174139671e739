"""Plans for questions: order status, stock, product facts, the account, the catalogue,
and the hand-off to a person. Each asks one tool and answers from its result."""

from __future__ import annotations

from app.agent.offline import render
from app.agent.offline.i18n import t
from app.agent.offline.situation import Action, Reply, Situation, choose

# Which of the customer's orders make sense for each request, offered when none is named.
CANDIDATE_STATUSES: dict[str, tuple[str, ...]] = {
    "return": ("delivered",),
    "exchange": ("delivered",),
    "cancel": ("pending",),
    "change_address": ("pending",),
    "change_payment": ("pending",),
    "change_items": ("pending",),
}
TOPIC_INFO_TYPES = {
    "specs": ("specs", "all"),
    "warranty": ("warranty", "all"),
    "shipping": ("shipping", "all"),
    "return_policy": ("returns", "return_policy", "all"),
}


def ask_order(s: Situation, request: str) -> Action:
    """Ask which order, listing the customer's orders that fit (read from the store)."""
    info = s.called("get_customer_info")
    who = _named_customer(s)
    if info is None and s.has("get_customer_info") and (who or not s.staff):
        return s.call("get_customer_info", customer_id=who, include_order_history=True)
    choices = render.order_choices(s.lang, info, CANDIDATE_STATUSES.get(request))
    what = t(s.lang, f"intent.{request}")
    if choices:
        return s.say("ask_order_from_list", request=what, orders=choices)
    return s.say("ask_order", request=what)


def _named_customer(s: Situation) -> str | None:
    """Staff sessions: the customer id or email given in the conversation, if any."""
    if not s.staff:
        return None
    return s.d.focus_customer


def product_ref(s: Situation) -> str | Action | None:
    """The product asked about: a SKU the customer wrote, else one they named ("the smart
    watch"), found in the store's product list, else the product discussed before."""
    products = s.d.slots.products or s.d.entities.products
    if products:
        return products[0]
    types = s.called("list_product_types")
    if types is None and s.has("list_product_types"):
        return s.call("list_product_types")
    named = render.product_named(types, s.d.texts)
    return named or s.d.focus_product


def ask_product(s: Situation, request: str) -> Action:
    types = s.called("list_product_types")
    what = t(s.lang, f"intent.{request}")
    listing = render.product_types(s.lang, types) if types else ""
    if listing:
        return s.say("ask_product_from_list", request=what, products=listing)
    return s.say("ask_product", request=what)


def order_status(s: Situation) -> Action:
    order = s.d.slots.order_id
    if not order:
        return ask_order(s, "order_status")
    done = s.called("get_order_status", order_id=order)
    if done is None:
        return s.call("get_order_status", order_id=order, include_tracking=True)
    return Reply(render.order_status(s.lang, done, order))


def availability(s: Situation) -> Action:
    sku = product_ref(s)
    if not isinstance(sku, str):
        return sku or ask_product(s, "availability")
    done = s.called("check_product_availability", product_sku=sku)
    if done is None:
        slots = s.d.slots
        return s.call(
            "check_product_availability",
            product_sku=sku,
            zip_code=slots.zip_code,
            quantity_needed=slots.quantity,
        )
    return Reply(render.availability(s.lang, done, sku))


def product_info(s: Situation) -> Action:
    sku = product_ref(s)
    if not isinstance(sku, str):
        if sku is None and s.d.slots.topic == "return_policy":
            # Return windows are per product: there is no store-wide figure to quote.
            types = s.called("list_product_types")
            listing = render.product_types(s.lang, types) if types else "-"
            return s.say("policy_which_product", products=listing)
        return sku or ask_product(s, "product_info")
    done = s.called("get_product_info", product_sku=sku)
    if done is None:
        topic = s.d.slots.topic or "all"
        info_type = choose(
            s.tools.get("get_product_info"), "info_type", *TOPIC_INFO_TYPES.get(topic, ("all",))
        )
        return s.call("get_product_info", product_sku=sku, info_type=info_type)
    return Reply(render.product_info(s.lang, done, sku, s.d.slots.topic))


def account(s: Situation) -> Action:
    done = s.called("get_customer_info")
    if done is not None:
        return Reply(render.account(s.lang, done))
    if s.staff:
        who = _named_customer(s)
        if who is None:
            return s.say("ask_customer")
        return s.call("get_customer_info", customer_id=who, include_order_history=True)
    return s.call("get_customer_info", include_order_history=True)


def catalog(s: Situation) -> Action:
    done = s.called("list_product_types")
    if done is None:
        return s.call("list_product_types")
    return Reply(render.catalog(s.lang, done))


def human(s: Situation) -> Action:
    done = s.called("transfer_to_human")
    if done is not None:
        return Reply(render.handoff(s.lang, done))
    return s.call("transfer_to_human", summary=handoff_summary(s), reason="other")


def handoff_summary(s: Situation) -> str:
    """For the person taking over: what was asked, in the customer's own words."""
    asked = [turn.user_text for turn in s.d.history[-3:]] + list(s.d.texts)
    lines = ["Customer asked for a human agent (offline engine)."]
    if s.d.focus_order:
        lines.append(f"Order discussed: {s.d.focus_order}.")
    if asked:
        lines.append("Recent messages: " + " | ".join(m[:200] for m in asked))
    return " ".join(lines)[:1000]
