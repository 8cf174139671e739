"""Store actions (returns, cancellations, ...) told to the customer in their language.

Services stay language-neutral: an action's result is structured data (`ActionResult`:
action, order id, items, amounts, address) plus an English `summary` for the model and
the audit. What a customer reads (the card's title and summary, the "Done: ..." line) is
rendered here from that data, so no English summary leaks into a Vietnamese chat.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.i18n.catalog import t, term
from app.i18n.formatting import format_money


def payment_method_text(label: str, locale: str) -> str:
    """The store's label of a payment method ("visa •••• 4242", "Gift card", "PayPal") in
    the customer's language: the generic words come from the catalogue, brands and digits
    stay as they are. The card and the chat text both use it, so their labels match."""
    if label == "Gift card":
        return t("payment.gift_card", locale)
    if label.startswith("Card "):
        return t("payment.card", locale) + label[len("Card") :]
    return label


# Tool names of every toolset (support, tau) -> the store action they run.
ALIASES = {
    "process_return": "request_return",
    "return_delivered_order_items": "request_return",
    "cancel_pending_order": "cancel_order",
    "exchange_items": "request_exchange",
    "exchange_delivered_order_items": "request_exchange",
    "modify_order_items": "modify_items",
    "modify_pending_order_items": "modify_items",
    "modify_pending_order_address": "change_shipping_address",
    "modify_user_address": "change_default_address",
    "modify_pending_order_payment": "change_payment_method",
}
ACTIONS = (
    "request_return",
    "cancel_order",
    "request_exchange",
    "modify_items",
    "change_shipping_address",
    "change_default_address",
    "change_payment_method",
    "receive_return",
)


def action_name(name: str | None) -> str:
    """The store action behind a tool or action name; "other" when it is not one we know."""
    canonical = ALIASES.get(name or "", name or "")
    return canonical if canonical in ACTIONS else "other"


def action_title(name: str | None, locale: str) -> str:
    """ "Return" / "Trả hàng" / "Devolução": the card's heading."""
    return t(f"action.title.{action_name(name)}", locale)


def one_line_address(value: Any) -> str:
    if not isinstance(value, Mapping):
        return "" if value is None else str(value)
    parts = [value.get(k) for k in ("address1", "address2", "city")]
    region = " ".join(str(value.get(k)) for k in ("state", "zip") if value.get(k))
    return ", ".join(str(p) for p in [*parts, region, value.get("country")] if p)


def action_summary(
    result: Mapping[str, Any],
    locale: str,
    *,
    name: str | None = None,
    method_label: str | None = None,
    with_status: bool = False,
) -> str:
    """One or two sentences from an action's structured result (a preview or the outcome).

    `name` is the tool's name when the result does not carry its `action`; `method_label`
    is the payment method as the customer knows it ("Visa •••• 4242"), looked up by the
    caller. Money is written the locale's way; store data (addresses) is shown as stored.
    """
    action = action_name(str(result.get("action") or name or ""))
    items = result.get("items")
    order = str(result.get("order_id") or "")
    method = method_label or str(result.get("payment_method_id") or "")
    sentences = [
        t(
            f"action.summary.{action}",
            locale,
            order=order,
            count=len(items) if isinstance(items, list) else 0,
            address=one_line_address(result.get("address")),
            method=method,
        )
        if action != "other"
        else t("action.summary.other", locale, order=order)
    ]
    if result.get("refund_amount") not in (None, ""):
        amount = format_money(result["refund_amount"], locale)
        sentences.append(t("action.summary.refund", locale, amount=amount))
    if result.get("price_difference") not in (None, ""):
        amount = format_money(result["price_difference"], locale)
        sentences.append(t("action.summary.difference", locale, amount=amount))
    if with_status and result.get("status"):
        status = term("status", result["status"], locale)
        sentences.append(t("action.summary.status", locale, status=status.lower()))
    return " ".join(sentences)
