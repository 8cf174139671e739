"""Which order line to swap for which variant, from the customer's words and the store.

The old item is a SKU or item id the customer named that is in the order, or the one
line whose product name they used ("the watch"), or the only line. The new item is a
SKU they named that is not in the order, or the one variant of the same product whose
options match what they asked for ("in silver", "em branco", "màu trắng"). Anything
less certain is asked, listing what the store actually has.
"""

from __future__ import annotations

from typing import Any

from app.agent.offline import render
from app.agent.offline.extract import extract
from app.agent.offline.names import best_match
from app.agent.offline.situation import Action, Situation
from app.agent.offline.state import Call
from app.agent.offline.text import fold


def order_lines(record: Call) -> list[dict[str, Any]]:
    items = render.field(record.result, "items")
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _old_items(s: Situation, lines: list[dict[str, Any]]) -> list[str]:
    ids = {str(line.get("item_id")) for line in lines}
    by_product = {str(line.get("product_id")): str(line.get("item_id")) for line in lines}
    old = [p for p in s.d.slots.products if p in ids]
    old += [by_product[p] for p in s.d.slots.products if p not in ids and p in by_product]
    if old:
        return list(dict.fromkeys(old))
    names = {str(line.get("item_id")): str(line.get("name")) for line in lines}
    named = best_match(names, s.d.texts)
    if named:
        return [named]
    if len(ids) == 1:
        return [next(iter(ids))]
    return []


def named_items(s: Situation, record: Call) -> list[str]:
    """The order line the customer named in words ("the headphones"), if exactly one."""
    names = {str(line.get("item_id")): str(line.get("name")) for line in order_lines(record)}
    named = best_match(names, s.d.texts)
    return [named] if named else []


def wanted(texts: tuple[str, ...]) -> set[str]:
    """Option values asked for (colours, sizes), from the newest message that names any:
    "in green" ... "and in black?" asks about black."""
    for text in reversed(texts):
        found = extract(text).options
        if found:
            return set(found)
    return set()


def fitting(variants: list[dict[str, Any]], asked: set[str]) -> list[dict[str, Any]]:
    """The variants whose options include every value asked for."""
    return [
        v
        for v in variants
        if asked and asked <= {fold(str(x)) for x in (v.get("options") or {}).values()}
    ]


def _closest(
    fits: list[dict[str, Any]], lines: list[dict[str, Any]], old: str
) -> list[dict[str, Any]]:
    """Of the variants that fit, the ones keeping most of the old item's other options:
    "a 45mm instead" of a black 41mm watch is the black 45mm one."""
    if len(fits) < 2:
        return fits
    kept = {
        str(v)
        for line in lines
        if str(line.get("item_id")) == old
        for v in (line.get("options") or {}).values()
    }

    def same(v: dict[str, Any]) -> int:
        return len(kept & {str(x) for x in (v.get("options") or {}).values()})

    best = max(same(v) for v in fits)
    return [v for v in fits if same(v) == best]


def pick_items(s: Situation, record: Call) -> tuple[list[str], list[str]] | Action:
    """(old item ids, new item ids), or the question / lookup that gets them."""
    lines = order_lines(record)
    order = str(render.field(record.result, "order_id") or s.d.slots.order_id)
    old = _old_items(s, lines)
    if not old:
        return s.say("ask_which_item", order=order, items=render.item_list(s.lang, lines))
    in_order = {str(line.get("item_id")) for line in lines}
    new = [p for p in s.d.slots.products if p not in in_order and p not in old]
    if len(new) == len(old):
        return old, new
    product_id = next(
        (str(line.get("product_id")) for line in lines if line.get("item_id") == old[0]), old[0]
    )
    info = s.called("get_product_info", product_sku=product_id)
    if info is None:
        return s.call("get_product_info", product_sku=product_id, info_type="all")
    variants = [
        v
        for v in (render.field(info.result, "variants") or [])
        if isinstance(v, dict) and v.get("item_id") != old[0]
    ]
    # "45mm instead of the 41mm one": what the old item already is, is not what is wanted.
    had = {
        fold(str(v))
        for line in lines
        if line.get("item_id") == old[0]
        for v in (line.get("options") or {}).values()
    }
    fits = _closest(fitting(variants, wanted(s.d.texts) - had), lines, old[0])
    if len(old) == 1 and len(fits) == 1:
        return old, [str(fits[0]["item_id"])]
    listing = render.variant_list(s.lang, variants)
    if not listing:
        return s.say("no_other_variant", item=old[0])
    return s.say(
        "ask_which_variant",
        item=old[0],
        variants=listing,
    )
