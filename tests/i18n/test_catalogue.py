"""The catalogue: every key in every language, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from app.i18n import SUPPORTED_LOCALES, has, normalize_locale, t, term
from app.i18n.catalog import CATALOGUES

EN = CATALOGUES["en"]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_supported_locale_has_a_catalogue():
    assert set(CATALOGUES) == set(SUPPORTED_LOCALES) == {"en", "vi", "pt"}


@pytest.mark.parametrize("locale", ["vi", "pt"])
def test_every_english_key_exists_in_the_other_languages(locale):
    missing = sorted(set(EN) - set(CATALOGUES[locale]))
    extra = sorted(set(CATALOGUES[locale]) - set(EN))
    assert missing == [], f"{locale} lacks {missing}"
    assert extra == [], f"{locale} has keys English does not: {extra}"


@pytest.mark.parametrize("locale", ["vi", "pt"])
def test_each_translation_has_the_same_placeholders_as_english(locale):
    wrong = {
        key: (placeholders(EN[key]), placeholders(text))
        for key, text in CATALOGUES[locale].items()
        if key in EN and placeholders(EN[key]) != placeholders(text)
    }
    assert wrong == {}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_translation_is_empty(locale):
    assert [k for k, v in CATALOGUES[locale].items() if not v.strip()] == []


def _letters(template: str) -> int:
    """Letters outside the placeholders: a template of placeholders only needs no words."""
    return sum(c.isalpha() for c in re.sub(r"\{[^}]*\}", "", template))


# Messages that are the same words in both languages.
SAME_IN_BOTH = {("pt", "engine.order_total")}


@pytest.mark.parametrize("locale", ["vi", "pt"])
def test_translations_are_not_english_copies(locale):
    same = [
        key
        for key, text in CATALOGUES[locale].items()
        if text == EN.get(key) and _letters(text) > 8 and (locale, key) not in SAME_IN_BOTH
    ]
    assert same == []


def test_keys_are_namespaced_by_area():
    assert [k for k in EN if "." not in k] == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("vi_VN", "vi"),
        ("pt-BR", "pt"),
        ("PT_br", "pt"),
        ("en_US.UTF-8", "en"),
        ("vi", "vi"),
        (None, "en"),
        ("", "en"),
        ("fr_FR", "en"),
    ],
)
def test_normalize_locale_accepts_the_forms_stores_and_browsers_use(value, expected):
    assert normalize_locale(value) == expected


def test_t_speaks_the_customers_language_and_fills_placeholders():
    assert t("chat.confirm.button", "vi") == "Xác nhận"
    assert t("chat.confirm.button", "pt_BR") == "Confirmar"
    assert t("status.in_transit", "vi_VN") == "Đang vận chuyển"
    assert t("status.in_transit", "pt") == "Em trânsito"


def test_t_falls_back_to_english_then_to_the_key(monkeypatch):
    monkeypatch.setitem(CATALOGUES["en"], "test.only_english", "Hello {name}")
    assert t("test.only_english", "vi", name="Lan") == "Hello Lan"
    assert t("test.no_such_key", "pt") == "test.no_such_key"
    assert t("chat.confirm.button", "fr") == "Confirm"


def test_term_translates_the_fixed_vocabulary_and_leaves_store_data_as_it_is():
    assert term("status", "in_transit", "pt") == "Em trânsito"
    assert term("status", "Delivered", "vi") == "Đã giao"
    assert term("status", "lost at sea", "vi") == "lost at sea"
    assert has("status.delivered", "pt")
    assert not has("status.lost at sea")
