"""Answers about products, stock, the account, the catalogue and hand-offs, written from
the tool results (`Availability`, `ProductView`, `CustomerView`, product types)."""

from __future__ import annotations

from typing import Any

from app import i18n
from app.agent.offline import fmt
from app.agent.offline.fmt import field
from app.agent.offline.i18n import t
from app.agent.offline.names import best_match
from app.agent.offline.render_variants import by_variant, capped
from app.agent.offline.state import Call

MAX_CATALOGUE = 12  # a longer catalogue is shown as its first names "and N more"


def _error(lang: str, call: Call, sku: str | None = None) -> str:
    from app.agent.offline.render import error  # one error vocabulary for every answer

    return error(lang, call, sku=sku)


def availability(lang: str, call: Call, sku: str) -> str:
    if not call.ok:
        return _error(lang, call, sku)
    r = call.result
    name = field(r, "product_name") or sku
    ref = field(r, "sku") or sku
    variants = [v for v in field(r, "variants") or [] if isinstance(v, dict)]
    if len(variants) == 1 and variants[0].get("options"):
        # One variant checked: say which ("SWX-300-45-GRN, size: 45mm, color: green").
        ref = f"{ref}, {fmt.options(lang, variants[0]['options'])}"
    if variants and not any(v.get("available") for v in variants):
        return t(lang, "avail_discontinued", name=name, sku=ref)
    total = field(r, "total_quantity") or 0
    if not field(r, "can_fulfill"):
        if not total:
            return t(lang, "avail_none", name=name, sku=ref)
        return t(
            lang, "avail_short", name=name, sku=ref, total=total, needed=field(r, "quantity_needed")
        )
    lines = [t(lang, "avail_ok", name=name, sku=ref, total=total)]
    per_variant = by_variant(lang, call)
    if per_variant:
        lines.append(per_variant)
    nearest = field(r, "nearest_warehouse")
    if isinstance(nearest, dict):
        lines.append(
            t(
                lang,
                "avail_nearest",
                city=nearest.get("city"),
                state=nearest.get("state"),
                quantity=nearest.get("quantity"),
            )
        )
    if field(r, "estimated_delivery"):
        lines.append(t(lang, "avail_eta", date=fmt.when(lang, field(r, "estimated_delivery"))))
    return "\n".join(lines)


def variant_list(lang: str, variants: Any) -> str:
    out = []
    for v in variants if isinstance(variants, list) else []:
        if not isinstance(v, dict):
            continue
        details = [fmt.options(lang, v.get("options")), fmt.money(lang, v.get("price"))]
        if v.get("available") is False:
            continue
        out.append(f"{v.get('item_id')} ({', '.join(d for d in details if d)})")
    return capped(lang, out)


def product_info(lang: str, call: Call, sku: str, topic: str | None) -> str:
    if not call.ok:
        return _error(lang, call, sku)
    r = call.result
    ref = field(r, "item_id") or field(r, "product_id") or sku
    chosen = [
        v
        for v in field(r, "variants") or []
        if isinstance(v, dict) and v.get("item_id") == field(r, "item_id")
    ]
    if chosen and chosen[0].get("options"):
        # One variant asked about: say which ("SWX-300-45-GRN, size: 45mm, color: green").
        ref = f"{ref}, {fmt.options(lang, chosen[0]['options'])}"
    lines = [
        t(
            lang,
            "product_head",
            name=field(r, "name"),
            sku=ref,
            description=field(r, "description") or "",
        )
    ]
    if field(r, "price") is not None:
        lines.append(t(lang, "product_price", price=fmt.money(lang, field(r, "price"))))
    specs = field(r, "specs")
    if isinstance(specs, dict) and specs:
        text = "; ".join(
            f"{i18n.term('spec', k.replace('_', ' '), lang)}: {i18n.term('value', v, lang)}"
            for k, v in specs.items()
        )
        lines.append(t(lang, "product_specs", specs=text))
    if field(r, "warranty"):
        lines.append(t(lang, "product_warranty", warranty=field(r, "warranty")))
    shipping = [s for s in field(r, "shipping_options") or [] if isinstance(s, dict)]
    if shipping:
        options = [
            t(
                lang,
                "shipping_option",
                method=s.get("method"),
                days=s.get("days"),
                price=fmt.money(lang, s.get("price")),
            )
            for s in shipping
        ]
        lines.append(t(lang, "product_shipping", options=fmt.join(lang, options)))
    if field(r, "returnable") is False:
        lines.append(t(lang, "product_no_returns"))
    elif field(r, "return_window_days"):
        lines.append(t(lang, "product_returns", days=field(r, "return_window_days")))
    if topic is None and not field(r, "item_id"):
        listing = variant_list(lang, field(r, "variants"))
        if listing:
            lines.append(t(lang, "product_variants", variants=listing))
    return "\n".join(lines)


def payment_methods(info: Call | None) -> list[dict[str, Any]]:
    methods = field(info.result, "payment_methods") if info is not None else None
    return [m for m in methods or [] if isinstance(m, dict)]


def method_list(lang: str, methods: list[dict[str, Any]]) -> str:
    return fmt.join(lang, [f"{fmt.method(lang, m)} [{m.get('id')}]" for m in methods])


def _orders(info: Call | None) -> list[dict[str, Any]]:
    if info is None or not info.ok:
        return []
    recent = field(info.result, "recent_orders")
    if isinstance(recent, list):
        return [o for o in recent if isinstance(o, dict)]
    ids = field(info.result, "order_ids") or []
    return [{"order_id": i} for i in ids]


def order_choices(lang: str, info: Call | None, statuses: tuple[str, ...] | None) -> str:
    """The customer's orders that fit a request, as "ORD-66120 (delivered)"."""
    out = []
    for o in _orders(info):
        status = o.get("status")
        if statuses and status not in statuses:
            continue
        out.append(
            f"{o.get('order_id')} ({fmt.status(lang, status)})"
            if status
            else str(o.get("order_id"))
        )
    return fmt.join(lang, out)


def account(lang: str, call: Call) -> str:
    if not call.ok:
        return _error(lang, call)
    r = call.result
    name = " ".join(str(x) for x in (field(r, "first_name"), field(r, "last_name")) if x)
    since = fmt.when(lang, field(r, "member_since"))
    lines = [
        t(
            lang,
            "account_head" if since else "account_head_no_date",
            name=name,
            email=field(r, "email"),
            tier=i18n.term("tier", field(r, "tier") or "", lang).capitalize(),
            since=since,
        )
    ]
    address = fmt.address(field(r, "address"))
    if address:
        lines.append(t(lang, "account_address", address=address))
    methods = payment_methods(call)
    if methods:
        listing = fmt.join(lang, [fmt.method(lang, m) for m in methods])
        lines.append(t(lang, "account_methods", methods=listing))
    orders = order_choices(lang, call, None)
    if orders:
        lines.append(t(lang, "account_orders", orders=orders))
    return "\n".join(lines)


def product_types(lang: str, call: Call | None, limit: int = MAX_CATALOGUE) -> str:
    if call is None or not call.ok:
        return ""
    result = call.result
    types = result if isinstance(result, list) else field(result, "product_types")
    out = [f"{p.get('name')} ({p.get('product_id')})" for p in types or [] if isinstance(p, dict)]
    return capped(lang, out, limit)


def product_named(call: Call | None, texts: tuple[str, ...]) -> str | None:
    """The one product whose name the customer used ("the smart watch"), by product id."""
    if call is None or not call.ok:
        return None
    result = call.result
    types = result if isinstance(result, list) else field(result, "product_types")
    names = {
        str(p["product_id"]): str(p.get("name"))
        for p in types or []
        if isinstance(p, dict) and p.get("product_id")
    }
    return best_match(names, texts)


def catalog(lang: str, call: Call) -> str:
    if not call.ok:
        return _error(lang, call)
    return t(lang, "catalog", products=product_types(lang, call) or "-")


def handoff(lang: str, call: Call) -> str:
    if not call.ok:
        return _error(lang, call)
    ticket = field(call.result, "ticket", "ticket_id") or field(call.result, "ticket_id") or "-"
    return t(lang, "handoff_done", ticket=ticket)
