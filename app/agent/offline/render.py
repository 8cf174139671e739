"""Answers about orders and order changes, written from tool results.

Every sentence is filled from the result JSON (`OrderView`, previews, structured
errors); a field the result lacks is left out rather than guessed. An order that is
missing and an order of another customer come back from the store as the same
`not_found`, and are answered with the same sentence.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from app.agent.offline import fmt
from app.agent.offline.fmt import field
from app.agent.offline.i18n import has, t
from app.agent.offline.render_store import (
    account,
    availability,
    catalog,
    handoff,
    method_list,
    order_choices,
    payment_methods,
    product_info,
    product_named,
    product_types,
    variant_list,
)
from app.agent.offline.state import Call
from app.i18n.actions import payment_method_text

__all__ = [
    "account",
    "action_result",
    "availability",
    "cannot",
    "catalog",
    "error",
    "field",
    "first_payment_method",
    "handoff",
    "item_list",
    "method_list",
    "order_choices",
    "order_status",
    "payment_methods",
    "product_info",
    "product_named",
    "product_types",
    "status_of",
    "variant_list",
]


def status_of(call: Call) -> str | None:
    value = field(call.result, "status")
    return str(value) if value is not None else None


def first_payment_method(record: Call) -> str | None:
    history = field(record.result, "payment_history")
    if isinstance(history, list) and history and isinstance(history[0], dict):
        return str(history[0].get("payment_method_id"))
    return None


def item_list(lang: str, lines: Any) -> str:
    """ "Wireless Earbuds Pro (WEP-2024, color: black) and 2× USB-C Cable 2m (UCC-2M)"."""
    if not isinstance(lines, list):
        return ""
    counts: Counter[str] = Counter()
    label: dict[str, str] = {}
    for line in lines:
        if isinstance(line, str):
            counts[line] += 1
            label.setdefault(line, line)
            continue
        if not isinstance(line, dict):
            continue
        item = str(line.get("item_id"))
        counts[item] += 1
        extra = fmt.options(lang, line.get("options"))
        ref = f"{item}, {extra}" if extra else item
        label.setdefault(item, f"{line.get('name') or item} ({ref})")
    return fmt.join(lang, [(f"{n}× " if n > 1 else "") + label[item] for item, n in counts.items()])


def order_status(lang: str, call: Call, order: str) -> str:
    if not call.ok:
        return error(lang, call, order=order)
    r = call.result
    lines = [
        t(
            lang,
            "order_head",
            order=field(r, "order_id") or order,
            status=fmt.status(lang, field(r, "status")),
        )
    ]
    if field(r, "placed_at"):
        lines.append(t(lang, "order_placed", date=fmt.when(lang, field(r, "placed_at"))))
    items = item_list(lang, field(r, "items"))
    if items:
        lines.append(t(lang, "order_items", items=items))
    total = field(r, "totals", "items")
    if total is not None:
        lines.append(t(lang, "order_total", total=fmt.money(lang, total)))
    for shipment in field(r, "fulfillments") or []:
        lines.extend(_shipment(lang, shipment))
    if field(r, "cancel_reason"):
        lines.append(t(lang, "order_cancel_reason", reason=fmt.reason(lang, r["cancel_reason"])))
    for request in field(r, "requests") or []:
        if isinstance(request, dict):
            lines.append(
                t(
                    lang,
                    "order_request",
                    kind=_request_kind(lang, request.get("kind")),
                    id=request.get("id"),
                    status=fmt.status(lang, request.get("status")),
                )
            )
    return "\n".join(lines)


def _request_kind(lang: str, kind: Any) -> str:
    key = f"request_kind.{kind}"
    return t(lang, key) if has(lang, key) else str(kind or "").capitalize()


def _shipment(lang: str, s: Any) -> list[str]:
    if not isinstance(s, dict):
        return []
    out = []
    tracking = ", ".join(str(x) for x in s.get("tracking_ids") or [])
    if s.get("carrier") and tracking:
        out.append(t(lang, "shipment", carrier=s["carrier"], tracking=tracking))
    elif tracking:
        out.append(t(lang, "shipment_tracking", tracking=tracking))
    if s.get("delivered_at"):
        out.append(t(lang, "shipment_delivered", date=fmt.when(lang, s["delivered_at"])))
    elif s.get("estimated_delivery"):
        out.append(t(lang, "shipment_eta", date=fmt.when(lang, s["estimated_delivery"])))
    events = [e for e in s.get("events") or [] if isinstance(e, dict)]
    if events and not s.get("delivered_at"):
        last = events[-1]
        out.append(
            t(
                lang,
                "last_event",
                date=fmt.when(lang, last.get("occurred_at")),
                description=fmt.tracking(lang, last.get("description"), last.get("status")),
                location=last.get("location") or "-",
            )
        )
    return out


def cannot(lang: str, request: str, record: Call | None, order: str) -> str:
    """Why an order cannot take this request, from its looked-up record."""
    if record is None:
        return t(lang, "error_generic")
    if not record.ok:
        return error(lang, record, order=order)
    return t(
        lang,
        "cannot_status",
        order=order,
        status=fmt.status(lang, status_of(record)),
        request=t(lang, f"intent.{request}"),
    )


def action_result(
    lang: str, request: str, call: Call, order: str, methods: dict[str, Any] | None = None
) -> str:
    if not call.ok:
        return error(lang, call, order=order)
    r = call.result
    if field(r, "status") == "confirmation_required" and field(r, "confirmation_id"):
        return preview(lang, request, r, order, methods)
    lines = [t(lang, "done", request=t(lang, f"intent.{request}"), order=order)]
    status = field(r, "status") or field(r, "order", "status")
    if isinstance(status, str):
        lines.append(t(lang, "done_status", status=fmt.status(lang, status)))
    label = field(r, "label_url") or field(r, "return", "label_url")
    if label:
        lines.append(t(lang, "done_label", url=label))
    return "\n".join(lines)


# Preview fields (an `ActionResult`) -> the line that shows each, in display order.
PREVIEW_FIELDS: tuple[tuple[str, str], ...] = (
    ("items", "preview_items"),
    ("address", "preview_address"),
    ("refund_amount", "preview_refund"),
    ("price_difference", "preview_difference"),
    ("payment_method_id", "preview_method"),
    ("reason", "preview_reason"),
    ("pickup_date", "preview_pickup"),
    ("status", "preview_status"),
)
# What the payment method of an action is for.
METHOD_ROLE = {
    "return": "preview_refund_to",
    "cancel": "preview_refund_to",
    "change_items": "preview_difference_method",
    "exchange": "preview_difference_method",
}


def preview(
    lang: str, request: str, r: Any, order: str, methods: dict[str, Any] | None = None
) -> str:
    """What would change, from the tool's preview; the customer confirms outside the chat."""
    details = field(r, "preview") or {}
    lines = [t(lang, "preview_head", order=order, request=t(lang, f"intent.{request}"))]
    for name, key in PREVIEW_FIELDS:
        value = details.get(name)
        if value in (None, "", [], {}):
            continue
        if name == "payment_method_id":
            key = METHOD_ROLE.get(request, key)
            label = details.get("payment_method_label")
            value = (
                payment_method_text(str(label), lang)
                if label
                else fmt.method(lang, (methods or {}).get(value, {"id": value}))
            )
        lines.append("- " + t(lang, key, value=_value(lang, name, value)))
    # A blank line ends the list: in Markdown a line right after a list item is folded
    # into that item.
    lines += ["", t(lang, "preview_footer")]
    return "\n".join(lines)


def _value(lang: str, name: str, value: Any) -> str:
    if name == "items":
        return changes(lang, value)
    if name in ("refund_amount", "price_difference"):
        return fmt.money(lang, value)
    if name == "address":
        return fmt.address(value) if isinstance(value, dict) else str(value)
    if name == "reason":
        return fmt.reason(lang, value)
    if name == "pickup_date":
        return fmt.when(lang, value)
    if name == "status":
        return fmt.status(lang, value)
    return str(value)


def changes(lang: str, items: Any) -> str:
    """Item changes of a preview: "Smart Watch X3 (SWX-300-41-BLK → SWX-300-45-GRN)"."""
    if not isinstance(items, list):
        return str(items)
    if not any(isinstance(i, dict) and i.get("new_item_id") for i in items):
        return item_list(lang, items)
    out = []
    for i in items:
        if isinstance(i, dict):
            new = f" → {i['new_item_id']}" if i.get("new_item_id") else ""
            out.append(f"{i.get('name') or i.get('item_id')} ({i.get('item_id')}{new})")
    return fmt.join(lang, out)


def error(lang: str, call: Call, *, order: str | None = None, sku: str | None = None) -> str:
    """A structured tool error in the customer's words; never more than the store said."""
    code = call.error or ""
    detail = str(field(call.result, "detail") or "")
    if code == "not_found":
        lowered = detail.lower()
        if "product" in lowered:
            return t(lang, "product_not_found", sku=sku or call.args.get("product_sku", ""))
        if "customer" in lowered:
            return t(lang, "customer_not_found")
        if "order" in lowered or order:
            return t(lang, "order_not_found", order=order or call.args.get("order_id", ""))
        return t(lang, "error_invalid_request", detail=detail)
    keys = {
        "invalid_state": "error_invalid_state",
        "policy_violation": "error_policy",
        "insufficient_funds": "error_insufficient_funds",
        "out_of_stock": "error_out_of_stock",
        "permission_denied": "error_permission",
        "invalid_request": "error_invalid_request",
        "invalid_arguments": "error_invalid_request",
    }
    if code in keys and (detail or keys[code] in ("error_insufficient_funds", "error_permission")):
        return t(lang, keys[code], detail=detail, order=order or "")
    return t(lang, "error_generic")
