"""Which order and which product a request is about.

An order is the one the customer named; else, read from their account, the most recent
one when they said "my last order", or their only order; else a short question listing
the orders that fit the request. A product is a SKU they wrote, else the one whose name
they used (typos forgiven), else the product discussed before; several names that fit
equally are offered as a short "which one?" list, never the whole catalogue.
"""

from __future__ import annotations

from typing import Any

from app.agent.offline import render
from app.agent.offline.fmt import field
from app.agent.offline.i18n import t
from app.agent.offline.names import MAX_CHOICES, ranked
from app.agent.offline.render_variants import capped
from app.agent.offline.situation import Action, Situation
from app.agent.offline.state import Call

# Which of the customer's orders make sense for each request, offered when none is named.
CANDIDATE_STATUSES: dict[str, tuple[str, ...]] = {
    "return": ("delivered",),
    "exchange": ("delivered",),
    "cancel": ("pending",),
    "change_address": ("pending",),
    "change_payment": ("pending",),
    "change_items": ("pending",),
}
# A catalogue longer than this is never listed in a question: the customer is asked for
# the product's name instead.
MAX_LISTED_PRODUCTS = 8


def named_customer(s: Situation) -> str | None:
    """Staff sessions: the customer id or email given in the conversation, if any."""
    if not s.staff:
        return None
    return s.d.focus_customer


def _own_orders(info: Call | None) -> tuple[list[str], list[dict[str, Any]]]:
    """(every order id of the account, the recent orders with their dates)."""
    if info is None or not info.ok:
        return [], []
    ids = [str(i) for i in field(info.result, "order_ids") or []]
    recent = [o for o in field(info.result, "recent_orders") or [] if isinstance(o, dict)]
    return ids, recent


def order_ref(s: Situation, request: str) -> str | Action:
    """The order id this request is about, or the call or question that finds it."""
    if s.d.slots.order_id:
        return s.d.slots.order_id
    return _from_account(s, request, pick=True)


def ask_order(s: Situation, request: str) -> Action:
    """Ask which order, listing the customer's orders that fit (read from the store)."""
    found = _from_account(s, request, pick=False)
    return found if not isinstance(found, str) else s.say("internal_error")


def _from_account(s: Situation, request: str, *, pick: bool) -> str | Action:
    info = s.called("get_customer_info")
    who = named_customer(s)
    if info is None and s.has("get_customer_info") and (who or not s.staff):
        return s.call("get_customer_info", customer_id=who, include_order_history=True)
    ids, recent = _own_orders(info)
    if pick and s.d.slots.latest and recent:
        newest = max(recent, key=lambda o: str(o.get("placed_at") or ""))
        return str(newest.get("order_id"))
    if pick and len(ids) == 1:
        return ids[0]  # one order: nothing to ask
    choices = render.order_choices(s.lang, info, CANDIDATE_STATUSES.get(request))
    what = t(s.lang, f"intent.{request}")
    if choices:
        return s.say("ask_order_from_list", request=what, orders=choices)
    return s.say("ask_order", request=what)


def _catalogue(types: Call | None) -> dict[str, str]:
    if types is None or not types.ok:
        return {}
    result = types.result
    rows = result if isinstance(result, list) else field(result, "product_types")
    return {
        str(p["product_id"]): str(p.get("name"))
        for p in rows or []
        if isinstance(p, dict) and p.get("product_id")
    }


def product_ref(s: Situation) -> str | Action | None:
    """The product asked about: a SKU the customer wrote, else one they named ("the smart
    watch"), found in the store's product list, else the product discussed before."""
    products = s.d.slots.products or s.d.entities.products
    if products:
        return products[0]
    types = s.called("list_product_types")
    if types is None and s.has("list_product_types"):
        return s.call("list_product_types")
    names = _catalogue(types)
    leaders = ranked(names, s.d.texts)
    if len(leaders) == 1:
        return leaders[0]
    if len(leaders) > 1:
        listing = [f"{names[k]} ({k})" for k in leaders]
        return s.say("ask_product_choices", products=capped(s.lang, listing, MAX_CHOICES))
    return s.d.focus_product


def ask_product(s: Situation, request: str) -> Action:
    names = _catalogue(s.called("list_product_types"))
    what = t(s.lang, f"intent.{request}")
    if names and len(names) <= MAX_LISTED_PRODUCTS:
        listing = render.product_types(s.lang, s.called("list_product_types"))
        return s.say("ask_product_from_list", request=what, products=listing)
    return s.say("ask_product_name", request=what)
