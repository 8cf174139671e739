"""Look-ups in the per-language tables, with English as the fallback."""

from __future__ import annotations

import logging
import re
from typing import Any

from app.i18n.locales import en, pt, vi

log = logging.getLogger(__name__)

SUPPORTED_LOCALES = ("en", "vi", "pt")
# Each language named in itself: what the chat's language selector shows.
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt", "pt": "Português"}
CATALOGUES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "vi": vi.MESSAGES, "pt": pt.MESSAGES}

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
