"""The engine's vocabulary, loaded from one data file per language (`phrases/*.toml`).

Each file holds the phrases of every intent, the reasons, product topics, option words
(colours), product words, the small word lists (yes, no, latest, ...) and examples of
whole sentences with the intent they mean (a test reads every one). Phrases are written
with their proper spelling and folded on load. The three languages are merged into one
table per meaning: a Portuguese word in an English sentence still means what it means.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from app.agent.offline.text import fold_phrase

LANGUAGES = ("en", "vi", "pt")
PHRASES_DIR = Path(__file__).with_name("phrases")


@cache
def load(lang: str) -> dict[str, Any]:
    with (PHRASES_DIR / f"{lang}.toml").open("rb") as fh:
        return tomllib.load(fh)


def phrases(words: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Folded phrases, longest first (tried before their parts); a string is "|"-separated."""
    items = words.split("|") if isinstance(words, str) else list(words)
    return tuple(sorted({fold_phrase(p) for p in items if p.strip()}, key=lambda p: (-len(p), p)))


def _table(section: str) -> dict[str, tuple[str, ...]]:
    """section -> key -> the phrases of every language."""
    merged: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for key, words in load(lang).get(section, {}).items():
            merged.setdefault(key, []).extend(words)
    return {key: phrases(words) for key, words in merged.items()}


def examples(lang: str) -> list[tuple[str, str]]:
    """(sentence, intent) pairs of one language's data file."""
    return list(load(lang).get("examples", {}).items())


FOLDED_INTENTS = _table("intents")
FOLDED_REASONS = _table("reasons")
FOLDED_TOPICS = _table("topics")
OPTION_PHRASES = _table("options")  # option value as stored (English) -> phrases
PRODUCT_WORDS = _table("products")  # English product-name word -> phrases
WORDS = _table("words")

FOLDED_YES = WORDS["yes"]
FOLDED_NO = WORDS["no"]
WITHDRAW = WORDS["withdraw"]
FOLDED_PICKUP = WORDS["pickup"]
FOLDED_GIFT_CARD = WORDS["gift_card"]
FOLDED_PAYPAL = WORDS["paypal"]
FOLDED_CREDIT_CARD = WORDS["credit_card"]
FOLDED_ORIGINAL = WORDS["original_payment"]
LATEST = WORDS["latest"]
ORDER_CUES = WORDS["order_cues"]
CHANGE_VERBS = WORDS["change_verbs"]
ADDRESS_WORDS = WORDS["address_words"]
ADDRESS_DIRECT = WORDS["address_direct"]
PAYMENT_WORDS = WORDS["payment_words"]
PAY_VERBS = WORDS["pay_verbs"]
ORDER_WORDS = WORDS["order_words"]
PAYMENT_SOURCES = FOLDED_GIFT_CARD + FOLDED_PAYPAL + FOLDED_CREDIT_CARD + FOLDED_ORIGINAL

# Words that tell which language a message is in (folded), per language.
MARKERS: dict[str, frozenset[str]] = {
    lang: frozenset(phrases(load(lang)["words"]["markers"])) for lang in LANGUAGES
}
# Letters only Vietnamese writes, and spellings only Portuguese has ("não", "ações").
VI_CHARS = frozenset("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ")
PT_SPELLINGS = ("ç", "õ", "ão", "ãe", "ãs")
