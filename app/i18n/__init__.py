"""Every word a customer sees, in their language: one catalogue for the UI and the engine.

    from app.i18n import t, format_money
    t("chat.confirm.button", "vi")            # -> "Xác nhận"
    format_money("263.99", "pt")              # -> "US$ 263,99" (the store's currency,
                                              #    written the Brazilian way)

The catalogue is one typed table per language (`locales/en.py`, `vi.py`, `pt.py`), keys
namespaced by area (`chat.*`, `status.*`, `handoff.*`, ...). Adding a string is adding one
line to each of the three files; `tests/i18n/test_catalogue.py` fails when a key or a
`{placeholder}` is missing from a language. No streamlit import here: the engine, the CLI
and the pages all use it.
"""

from __future__ import annotations

from app.i18n.catalog import LANGUAGE_NAMES, SUPPORTED_LOCALES, has, normalize_locale, t, term
from app.i18n.formatting import (
    babel_locale,
    format_date,
    format_datetime,
    format_list,
    format_money,
    format_number,
)

__all__ = [
    "LANGUAGE_NAMES",
    "SUPPORTED_LOCALES",
    "babel_locale",
    "format_date",
    "format_datetime",
    "format_list",
    "format_money",
    "format_number",
    "has",
    "normalize_locale",
    "t",
    "term",
]
