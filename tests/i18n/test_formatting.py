"""Money, dates and lists per locale: the store's currency, the customer's way of writing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.i18n import format_date, format_datetime, format_list, format_money, format_number

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "$263.99"),
        ("pt", f"US${NBSP}263,99"),
        ("pt_BR", f"US${NBSP}263,99"),
        ("vi", f"263,99{NBSP}US$"),
    ],
)
def test_money_keeps_the_store_currency_in_the_locales_format(locale, expected):
    assert format_money(Decimal("263.99"), locale) == expected


def test_money_from_the_decimal_strings_tools_send_never_through_float():
    assert format_money("1234.10", "en") == "$1,234.10"
    assert format_money("0.1", "pt") == f"US${NBSP}0,10"
    assert format_money("-20.5", "en") == "-$20.50"
    assert format_money(12, "vi") == f"12,00{NBSP}US$"


def test_money_in_another_currency_when_the_store_uses_one():
    assert format_money("10", "pt", currency="EUR") == f"€{NBSP}10,00"


def test_money_that_is_not_a_number_is_shown_as_it_is():
    assert format_money("n/a", "vi") == "n/a"
    assert format_money(None, "en") == ""


def test_numbers_use_the_locales_separators():
    assert format_number(Decimal("1234.5"), "en") == "1,234.5"
    assert format_number(Decimal("1234.5"), "pt") == "1.234,5"
    assert format_number(Decimal("1234.5"), "vi") == "1.234,5"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "May 3, 2024"), ("pt", "3 de mai. de 2024"), ("vi", "3 thg 5, 2024")],
)
def test_dates_per_locale(locale, expected):
    assert format_date(date(2024, 5, 3), locale) == expected
    assert format_date("2024-05-03", locale) == expected
    assert format_date("2024-05-03T22:10:00Z", locale) == expected


def test_datetimes_show_the_recorded_clock_time_in_the_locales_pattern():
    stamp = datetime(2024, 5, 3, 14, 5, tzinfo=UTC)
    assert format_datetime(stamp, "en") == "May 3, 2024, 2:05\u202fPM"
    assert format_datetime(stamp, "pt") == "3 de mai. de 2024 14:05"
    assert format_datetime(stamp.replace(tzinfo=None), "vi") == "14:05 3 thg 5, 2024"
    assert format_datetime("2024-05-03T14:05:00Z", "pt") == "3 de mai. de 2024 14:05"


def test_a_date_that_is_not_a_date_is_shown_as_it_is():
    assert format_date("soon", "pt") == "soon"
    assert format_datetime(None, "vi") == ""


def test_lists_join_with_the_locales_word_for_and():
    assert format_list(["a", "b", "c"], "en") == "a, b, and c"
    assert format_list(["a", "b", "c"], "pt") == "a, b e c"
    assert format_list(["a", "b", "c"], "vi") == "a, b và c"
    assert format_list(["a"], "vi") == "a"
