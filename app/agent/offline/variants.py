"""Which order line to swap for which variant, from the customer's words and the store.

The old item is a SKU or item id the customer named that is in the order, or the one
line whose product name they used ("the watch"), or the only line. The new item is a
SKU they named that is not in the order, or the one variant of the same product whose
options match what they asked for ("in silver", "em branco", "màu trắng"). Anything
less certain is asked, listing what the store actually has.
"""

from __future__ import annotations

import re
from typing import Any

from app.agent.offline import render
from app.agent.offline.lexicon import phrases
from app.agent.offline.names import best_match
from app.agent.offline.situation import Action, Situation
from app.agent.offline.state import Call
from app.agent.offline.text import any_phrase, fold

# Option values are stored in English; customers say them in their language.
# Vietnamese colours only with "màu" where the bare word folds onto a common one ("đỏ"
# would match Portuguese "do", "trắng" Vietnamese "trang").
OPTION_WORDS: dict[str, str] = {
    "white": "white | branco | branca | màu trắng",
    "black": "black | preto | preta | đen | màu đen",
    "silver": "silver | prata | prateado | màu bạc",
    "red": "red | vermelho | vermelha | màu đỏ",
    "blue": "blue | azul | màu xanh dương | xanh dương",
    "green": "green | verde | xanh lá | màu xanh lá",
    "grey": "grey | gray | cinza | xám | màu xám",
    "navy": "navy | azul marinho | xanh navy",
    "brown": "brown | marrom | màu nâu",
}
SIZE = re.compile(r"\d+(?:[.,]\d+)?(?:mm|cm|in|m|l|gb|tb)")
_OPTION_PHRASES = {value: phrases(words) for value, words in OPTION_WORDS.items()}


def _lines(record: Call) -> list[dict[str, Any]]:
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
    names = {str(line.get("item_id")): str(line.get("name")) for line in _lines(record)}
    named = best_match(names, s.d.texts)
    return [named] if named else []


def _wanted_options(texts: tuple[str, ...]) -> set[str]:
    text = fold(" ".join(texts))
    wanted = {value for value, words in _OPTION_PHRASES.items() if any_phrase(text, words)}
    # Sizes and other literal values ("45mm", "55in") are matched as written.
    wanted |= {w for w in text.split() if SIZE.fullmatch(w)}
    return wanted


def pick_items(s: Situation, record: Call) -> tuple[list[str], list[str]] | Action:
    """(old item ids, new item ids), or the question / lookup that gets them."""
    lines = _lines(record)
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
    wanted = _wanted_options(s.d.texts)
    fits = [
        v
        for v in variants
        if wanted and wanted <= {fold(str(x)) for x in (v.get("options") or {}).values()}
    ]
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
