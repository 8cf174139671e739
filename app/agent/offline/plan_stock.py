"""Stock questions: the product asked about, or exactly the variant of it asked for.

"Is the smart watch in green available?" must be answered about SWX-300-45-GRN, never
with the watch's total. The first stock check names the product's variants; when the
product id is also one variant's SKU (the check then covers that variant alone), the
product's variants are read from its product info. The variant whose options include
everything asked for is checked on its own; none fitting is said so with what exists,
several fitting get one short "which one?" with each one's stock.
"""

from __future__ import annotations

from typing import Any

from app.agent.offline import render, render_variants
from app.agent.offline.fmt import field
from app.agent.offline.plan_refs import ask_product, product_ref
from app.agent.offline.situation import Action, Reply, Situation
from app.agent.offline.variants import fitting, wanted


def availability(s: Situation) -> Action:
    sku = product_ref(s)
    if not isinstance(sku, str):
        return sku or ask_product(s, "availability")
    done = s.called("check_product_availability", product_sku=sku)
    if done is None:
        return _check(s, sku)
    asked = wanted(s.d.texts)
    variants = render_variants.variants_of(done)
    if not asked or not done.ok or (len(variants) < 2 and fitting(variants, asked)):
        return Reply(render.availability(s.lang, done, sku))
    pool: list[dict[str, Any]] = variants
    if len(variants) < 2:
        product = str(field(done.result, "product_id") or sku)
        info = s.called("get_product_info", product_sku=product)
        if info is None:
            return s.call("get_product_info", product_sku=product, info_type="specs")
        pool = render_variants.variants_of(info)
    name = str(field(done.result, "product_name") or sku)
    product_id = str(field(done.result, "product_id") or sku)
    fits = fitting(pool, asked)
    sold = [v for v in fits if v.get("available") is not False]
    # A discontinued variant is answered as such only when it is the one that fits.
    fits = sold or fits[:1]
    if not fits:
        return Reply(render_variants.no_such_variant(s.lang, name, product_id, pool, asked))
    if len(fits) > 1:
        return Reply(render_variants.which_variant(s.lang, name, fits, asked))
    item = str(fits[0].get("item_id"))
    exact = s.called("check_product_availability", product_sku=item)
    if exact is None:
        return _check(s, item)
    return Reply(render.availability(s.lang, exact, item))


def _check(s: Situation, sku: str) -> Action:
    slots = s.d.slots
    return s.call(
        "check_product_availability",
        product_sku=sku,
        zip_code=slots.zip_code,
        quantity_needed=slots.quantity,
    )
