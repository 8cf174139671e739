"""Every sentence of the engine exists in every language, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from app.agent.offline.i18n import CATALOGS


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("lang", ["vi", "pt"])
def test_same_keys_as_english(lang: str) -> None:
    assert set(CATALOGS[lang]) == set(CATALOGS["en"])


@pytest.mark.parametrize("lang", ["vi", "pt"])
def test_same_placeholders_as_english(lang: str) -> None:
    different = {
        key: (_fields(CATALOGS["en"][key]), _fields(text))
        for key, text in CATALOGS[lang].items()
        if _fields(text) != _fields(CATALOGS["en"][key])
    }
    assert different == {}


def _words(template: str) -> int:
    """Letters outside the placeholders: templates of placeholders only need no words."""
    return sum(c.isalpha() for c in re.sub(r"\{[^}]*\}", "", template))


# Sentences that are the same words in both languages.
SAME_IN_BOTH = {("pt", "order_total")}


@pytest.mark.parametrize("lang", ["vi", "pt"])
def test_translations_are_not_english_copies(lang: str) -> None:
    same = [
        k
        for k, v in CATALOGS[lang].items()
        if v == CATALOGS["en"][k] and _words(v) > 8 and (lang, k) not in SAME_IN_BOTH
    ]
    assert same == []
