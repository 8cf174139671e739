"""The engine's words, per language: `t(lang, key, **fields)`.

The sentences live in the one catalogue shared with the UI (app/i18n/locales/*.py), under
the `engine.` namespace: add a sentence there, to all three languages (a test checks keys
and placeholders match), so a Vietnamese or Portuguese customer never gets an English
sentence from the engine itself. Facts inside the sentences come from tool results,
passed in as fields.
"""

from __future__ import annotations

from typing import Any

from app import i18n

NAMESPACE = "engine."


def t(lang: str, key: str, **fields: Any) -> str:
    # The buttons' own labels, so a sentence never says "press Confirm" under a button
    # that reads "Xác nhận".
    fields.setdefault("confirm", i18n.t("chat.confirm.button", lang))
    fields.setdefault("cancel", i18n.t("chat.cancel.button", lang))
    return i18n.t(NAMESPACE + key, lang, **fields)


def has(lang: str, key: str) -> bool:
    return i18n.has(NAMESPACE + key, lang)
