"""How the store names money and payment methods in text meant for people (previews,
summaries, pages). Raw ids stay in the structured fields beside the text."""

from __future__ import annotations

from decimal import Decimal

from services.models import PaymentMethod


def money_text(amount: Decimal) -> str:
    """`$1,234.50`; the store's prices are in US dollars."""
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def payment_label(method: PaymentMethod) -> str:
    if method.source == "credit_card":
        return f"{method.brand or 'Card'} •••• {method.last_four or '????'}"
    if method.source == "gift_card":
        return "Gift card"
    return "PayPal"
