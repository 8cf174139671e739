"""The engine's words, per language: `t(lang, key, **fields)`.

Every key exists in every language (a test checks keys and placeholders match), so a
Vietnamese or Portuguese customer never gets an English sentence from the engine itself.
Facts inside the sentences come from tool results, passed in as fields.
"""

from __future__ import annotations

from typing import Any

from app.agent.offline.i18n import en, pt, vi

CATALOGS: dict[str, dict[str, str]] = {"en": en.TEXT, "vi": vi.TEXT, "pt": pt.TEXT}


def t(lang: str, key: str, **fields: Any) -> str:
    catalog = CATALOGS.get(lang, en.TEXT)
    template = catalog.get(key) or en.TEXT.get(key) or key
    return template.format(**fields) if fields else template


def has(lang: str, key: str) -> bool:
    return key in CATALOGS.get(lang, {})
