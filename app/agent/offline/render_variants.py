"""Answers about one product's variants (a colour, a size), written from the
`check_product_availability` result: every number is the tool's own per-variant count."""

from __future__ import annotations

from typing import Any

from app import i18n
from app.agent.offline import fmt
from app.agent.offline.fmt import field
from app.agent.offline.i18n import t
from app.agent.offline.state import Call

MAX_VARIANTS = 6  # longer lists end with "and N more"


def variants_of(call: Call | None) -> list[dict[str, Any]]:
    if call is None or not call.ok:
        return []
    return [v for v in field(call.result, "variants") or [] if isinstance(v, dict)]


def _values(lang: str, v: dict[str, Any]) -> str:
    """ "45mm, green" / "45mm, verde": the option values, translated where known."""
    return ", ".join(i18n.term("value", x, lang) for x in (v.get("options") or {}).values())


def _asked(lang: str, asked: set[str]) -> str:
    return fmt.join(lang, [i18n.term("value", a, lang) for a in sorted(asked)])


def capped(lang: str, items: list[str], limit: int = MAX_VARIANTS, sep: str = ", ") -> str:
    if len(items) <= limit:
        return sep.join(items) if sep != ", " else fmt.join(lang, items)
    return t(lang, "more_items", items=sep.join(items[:limit]), count=len(items) - limit)


def stock_lines(lang: str, variants: list[dict[str, Any]]) -> str:
    """ "41mm, black (SWX-300-41-BLK): 30; 45mm, green (SWX-300-45-GRN): out of stock"."""
    out = []
    for v in variants:
        if v.get("available") is False:
            continue
        # An availability result counts "total_quantity"; a product info, "in_stock".
        quantity = v.get("total_quantity", v.get("in_stock")) or 0
        key = "avail_variant" if quantity else "avail_variant_out"
        out.append(t(lang, key, options=_values(lang, v), sku=v.get("item_id"), quantity=quantity))
    # Options hold commas ("45mm, green"): variants are separated by semicolons.
    return capped(lang, out, sep="; ")


def by_variant(lang: str, call: Call) -> str:
    """The per-variant line under a product's total, when it has several variants."""
    variants = [v for v in variants_of(call) if v.get("available") is not False]
    if len(variants) < 2:
        return ""
    return t(lang, "avail_variants", variants=stock_lines(lang, variants))


def no_such_variant(
    lang: str, name: str, product_id: str, variants: list[dict[str, Any]], asked: set[str]
) -> str:
    offered = [f"{_values(lang, v)} ({v.get('item_id')})" for v in variants]
    return t(
        lang,
        "avail_no_variant",
        name=name,
        sku=product_id,
        asked=_asked(lang, asked),
        variants=capped(lang, offered, sep="; "),
    )


def which_variant(lang: str, name: str, fits: list[dict[str, Any]], asked: set[str]) -> str:
    return t(
        lang,
        "avail_which_variant",
        name=name,
        asked=_asked(lang, asked),
        variants=stock_lines(lang, fits),
    )
