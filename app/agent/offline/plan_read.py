"""Plans for questions: order status, stock, product facts, the account, the catalogue,
and the hand-off to a person. Each asks one tool and answers from its result."""

from __future__ import annotations

from app.agent.offline import render, render_variants
from app.agent.offline.fmt import field
from app.agent.offline.plan_refs import ask_product, named_customer, order_ref, product_ref
from app.agent.offline.situation import Action, Reply, Situation, choose
from app.agent.offline.variants import fitting, wanted

TOPIC_INFO_TYPES = {
    "specs": ("specs", "all"),
    "warranty": ("warranty", "all"),
    "shipping": ("shipping", "all"),
    "return_policy": ("returns", "return_policy", "all"),
}


def order_status(s: Situation) -> Action:
    order = order_ref(s, "order_status")
    if not isinstance(order, str):
        return order
    done = s.called("get_order_status", order_id=order)
    if done is None:
        return s.call("get_order_status", order_id=order, include_tracking=True)
    return Reply(render.order_status(s.lang, done, order))


def product_info(s: Situation) -> Action:
    sku = product_ref(s)
    if not isinstance(sku, str):
        if sku is None and s.d.slots.topic == "return_policy":
            # Return windows are per product: there is no store-wide figure to quote.
            types = s.called("list_product_types")
            listing = render.product_types(s.lang, types) if types else "-"
            return s.say("policy_which_product", products=listing)
        return sku or ask_product(s, "product_info")
    topic = s.d.slots.topic or "all"
    info_type = choose(
        s.tools.get("get_product_info"), "info_type", *TOPIC_INFO_TYPES.get(topic, ("all",))
    )
    done = s.called("get_product_info", product_sku=sku)
    if done is None:
        return s.call("get_product_info", product_sku=sku, info_type=info_type)
    asked = wanted(s.d.texts)
    variants = render_variants.variants_of(done)
    if not asked or not done.ok or len(variants) < 2:
        return Reply(render.product_info(s.lang, done, sku, s.d.slots.topic))
    # "the price of the green watch": the facts of that variant, not the product's.
    name, product = str(field(done.result, "name")), str(field(done.result, "product_id"))
    fits = fitting(variants, asked)
    if not fits:
        return Reply(render_variants.no_such_variant(s.lang, name, product, variants, asked))
    if len(fits) > 1:
        return Reply(render_variants.which_variant(s.lang, name, fits, asked))
    item = str(fits[0].get("item_id"))
    exact = s.called("get_product_info", product_sku=item)
    if exact is None:
        return s.call("get_product_info", product_sku=item, info_type=info_type)
    return Reply(render.product_info(s.lang, exact, item, s.d.slots.topic))


def account(s: Situation) -> Action:
    done = s.called("get_customer_info")
    if done is not None:
        return Reply(render.account(s.lang, done))
    if s.staff:
        who = named_customer(s)
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
