"""Formatting of tool-result values (money, dates, lists, addresses) per language.

Money, dates and lists go through Babel (app.i18n), so they read the way each language
writes them; the store's fixed vocabulary (statuses, option names and values, tracking
updates) comes from the catalogue, and store data without a translation is shown as it is.
"""

from __future__ import annotations

from typing import Any

from app import i18n
from app.agent.offline.i18n import has, t


def field(result: Any, *path: str) -> Any:
    """result[path[0]][path[1]]..., or None anywhere along the way."""
    for key in path:
        if not isinstance(result, dict):
            return None
        result = result.get(key)
    return result


def money(lang: str, value: Any) -> str:
    """ "$129.99" / "US$ 129,99" / "129,99 US$" from the Decimal-as-string the tools send."""
    return i18n.format_money(value, lang)


def when(lang: str, value: Any) -> str:
    """A date or timestamp the way each language writes a date."""
    return i18n.format_date(value, lang) if value else ""


def join(lang: str, items: list[str]) -> str:
    return i18n.format_list([i for i in items if i], lang)


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


def options(lang: str, value: Any) -> str:
    """ "color: black" / "màu: đen" / "cor: preto": known option names and values translated."""
    if not isinstance(value, dict) or not value:
        return ""
    return ", ".join(
        f"{i18n.term('option', k, lang)}: {i18n.term('value', v, lang)}" for k, v in value.items()
    )


def tracking(lang: str, description: Any, state: Any) -> str:
    """A carrier's tracking update: its known wording translated, else its status, else as is."""
    text = str(description or state or "")
    if lang == "en" or i18n.has(f"tracking.{text.strip().lower()}"):
        return i18n.term("tracking", text, lang)
    if state and i18n.has(f"tracking.{str(state).lower()}"):
        return i18n.term("tracking", state, lang)
    return text


def method(lang: str, m: Any) -> str:
    """A payment method as the customer knows it: never more than the last four digits."""
    if not isinstance(m, dict):
        return str(m)
    source = m.get("source")
    if source == "gift_card":
        return t(lang, "method_gift_card", balance=money(lang, m.get("balance") or 0))
    if source == "paypal":
        return t(lang, "method_paypal")
    if m.get("last_four"):
        brand = str(m.get("brand") or "").capitalize() or t(lang, "card")
        return t(lang, "method_card", brand=brand, last_four=m["last_four"])
    # Only the id is known (no profile read this turn): its kind, then the id itself.
    ident = str(m.get("id") or "")
    kind = next((k for k in ("credit_card", "gift_card", "paypal") if ident.startswith(k)), None)
    return f"{t(lang, f'source.{kind}')} ({ident})" if kind else ident
