"""Money, dates and numbers the way each language writes them (Babel's CLDR data).

The currency is always the store's (USD by default): only the way it is written follows
the customer's language, e.g. "$263.99" (en), "US$ 263,99" (pt), "263,99 US$" (vi).
Babel puts a no-break space between amount and symbol so the two never wrap apart.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers

from app.i18n.catalog import BABEL_REGIONS, normalize_locale


def babel_locale(locale: str | None) -> str:
    """The region whose conventions write money and dates: en_US, vi_VN, pt_BR."""
    return BABEL_REGIONS[normalize_locale(locale)]


def _decimal(amount: Any) -> Decimal | None:
    if isinstance(amount, Decimal):
        return amount
    try:
        # Through str, never float: "263.99" stays 263.99.
        return Decimal(str(amount).strip())
    except (InvalidOperation, ValueError):
        return None


def format_money(amount: Any, locale: str | None, currency: str = "USD") -> str:
    """The amount (Decimal, int or the Decimal-as-string tools send) in the store's currency.

    A value that is not a number is returned as it is rather than raising.
    """
    value = _decimal(amount)
    if value is None or not value.is_finite():
        return "" if amount is None else str(amount)
    return babel_numbers.format_currency(value, currency, locale=babel_locale(locale))


def format_number(value: Any, locale: str | None) -> str:
    number = _decimal(value)
    if number is None or not number.is_finite():
        return "" if value is None else str(value)
    return babel_numbers.format_decimal(number, locale=babel_locale(locale))


def _parse(value: Any) -> date | datetime | None:
    if isinstance(value, date):  # datetime is a date too
        return value
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        return (
            datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
        )
    except ValueError:
        return None


def format_date(value: Any, locale: str | None) -> str:
    """ "May 3, 2024" / "3 thg 5, 2024" / "3 de mai. de 2024"; a date, datetime or ISO text.

    Text that is not a date is returned as it is.
    """
    parsed = _parse(value)
    if parsed is None:
        return "" if value is None else str(value)
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    return babel_dates.format_date(day, "medium", locale=babel_locale(locale))


def format_datetime(value: Any, locale: str | None) -> str:
    """Date and time (hours and minutes) of a timestamp, written as stored (UTC in our data).

    The clock time is not shifted to another zone: the store records UTC and says so in
    its pages. A plain date is written as a date.
    """
    parsed = _parse(value)
    if parsed is None:
        return "" if value is None else str(value)
    if not isinstance(parsed, datetime):
        return format_date(parsed, locale)
    loc = babel_locale(locale)
    wall = parsed.replace(tzinfo=None)  # as recorded; Babel would otherwise convert it
    day = babel_dates.format_date(wall.date(), "medium", locale=loc)
    clock = babel_dates.format_time(wall.time(), "short", locale=loc)
    pattern = babel_dates.get_datetime_format("medium", locale=loc)
    return str(pattern).replace("'", "").replace("{0}", clock).replace("{1}", day)


def format_list(items: list[str], locale: str | None) -> str:
    """ "a, b and c" / "a, b và c" / "a, b e c"."""
    items = [i for i in items if i]
    if not items:
        return ""
    return babel_lists.format_list(items, locale=babel_locale(locale))
