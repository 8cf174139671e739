"""Look-ups in the per-language tables, with English as the fallback."""

from __future__ import annotations

import logging
import re
from importlib import import_module
from typing import Any

from app.i18n.locales import en

log = logging.getLogger(__name__)

# Adding a language: its catalogue app/i18n/locales/<code>.py and one line here.
# code: (the language named in itself, for the selector; the region whose conventions
# write its money and dates, for Babel)
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "en_US"),
    "vi": ("Tiếng Việt", "vi_VN"),
    "pt": ("Português", "pt_BR"),
}
SUPPORTED_LOCALES = tuple(LANGUAGES)
LANGUAGE_NAMES = {code: name for code, (name, _) in LANGUAGES.items()}
BABEL_REGIONS = {code: region for code, (_, region) in LANGUAGES.items()}
CATALOGUES: dict[str, dict[str, str]] = {
    code: import_module(f"app.i18n.locales.{code}").MESSAGES for code in LANGUAGES
}

_SEPARATOR = re.compile(r"[-_.@\s]")


def normalize_locale(value: str | None) -> str:
    """ "vi_VN", "pt-BR", "PT", "en_US.UTF-8" -> "vi", "pt", "pt", "en"; unknown or None -> "en"."""
    if not value:
        return "en"
    language = _SEPARATOR.split(value.strip().lower(), maxsplit=1)[0]
    return language if language in CATALOGUES else "en"


def t(key: str, locale: str, /, **params: Any) -> str:
    """The message `key` in `locale` (any form normalize_locale accepts), `{params}` filled in.

    A key missing from a language falls back to English, then to the key itself, so a
    forgotten string shows up as something searchable instead of crashing a customer's chat.
    """
    template = CATALOGUES[normalize_locale(locale)].get(key)
    if template is None:
        template = en.MESSAGES.get(key)
        if template is None:
            log.warning("i18n: unknown message key %r", key)
            return key
    return template.format(**params) if params else template


def has(key: str, locale: str = "en") -> bool:
    """True when `key` is in the catalogue of `locale` (e.g. a status the store may invent)."""
    return key in CATALOGUES[normalize_locale(locale)]


def term(namespace: str, value: object, locale: str) -> str:
    """A word from the store's fixed vocabulary (a status, a colour, a size) in `locale`.

    `term("status", "in_transit", "pt")` -> "Em trânsito". Store data without an entry is
    shown exactly as it is: never half translated, never dropped.
    """
    text = "" if value is None else str(value)
    key = f"{namespace}.{text.strip().lower()}"
    return t(key, locale) if key in en.MESSAGES else text
