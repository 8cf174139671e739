"""Formatting of tool-result values (money, dates, lists, addresses) per language."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.agent.offline.i18n import has, t

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def field(result: Any, *path: str) -> Any:
    """result[path[0]][path[1]]..., or None anywhere along the way."""
    for key in path:
        if not isinstance(result, dict):
            return None
        result = result.get(key)
    return result


def money(value: Any) -> str:
    """ "$129.99" from the Decimal-as-string the tools send; never through float."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def when(lang: str, value: Any) -> str:
    """A date or timestamp the way each language writes a date."""
    if not value:
        return ""
    try:
        text = str(value).replace("Z", "+00:00")
        day = datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text)
    except ValueError:
        return str(value)
    if lang == "en":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def join(lang: str, items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t(lang, 'and')} " + items[-1]


def status(lang: str, value: Any) -> str:
    key = f"status.{value}"
    return t(lang, key) if has(lang, key) else str(value)


def reason(lang: str, value: Any) -> str:
    key = f"reason.{str(value).replace(' ', '_')}"
    return t(lang, key) if has(lang, key) else str(value).replace("_", " ")


def address(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    parts = [value.get(k) for k in ("address1", "address2", "city")]
    region = " ".join(str(value.get(k)) for k in ("state", "zip") if value.get(k))
    return ", ".join(str(p) for p in [*parts, region, value.get("country")] if p)


def options(value: Any) -> str:
    if not isinstance(value, dict) or not value:
        return ""
    return ", ".join(f"{k}: {v}" for k, v in value.items())


def method(lang: str, m: Any) -> str:
    """A payment method as the customer knows it: never more than the last four digits."""
    if not isinstance(m, dict):
        return str(m)
    source = m.get("source")
    if source == "gift_card":
        return t(lang, "method_gift_card", balance=money(m.get("balance") or 0))
    if source == "paypal":
        return t(lang, "method_paypal")
    if m.get("last_four"):
        brand = str(m.get("brand") or "").capitalize() or "Card"
        return t(lang, "method_card", brand=brand, last_four=m["last_four"])
    # Only the id is known (no profile read this turn): its kind, then the id itself.
    ident = str(m.get("id") or "")
    kind = next((k for k in ("credit_card", "gift_card", "paypal") if ident.startswith(k)), None)
    return f"{t(lang, f'source.{kind}')} ({ident})" if kind else ident
