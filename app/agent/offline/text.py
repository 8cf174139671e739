"""Text normalisation shared by every rule of the offline engine.

Vietnamese customers often type without diacritics ("don hang" for "đơn hàng"), so every
keyword is matched on a folded form: lower case, accents stripped, "đ" turned into "d",
punctuation turned into spaces. Keyword tables are folded the same way when loaded, so
they may be written with their proper spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# Keep letters, digits and the few characters ids are made of; the rest separates words.
_SEPARATORS = re.compile(r"[^\w#@.\-]+")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: the form every keyword is matched on."""
    text = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = _SEPARATORS.sub(" ", stripped)
    # A sentence-ending dot or dash is punctuation, not part of a word.
    stripped = re.sub(r"(?<!\w)[.\-]|[.\-](?!\w)", " ", stripped)
    return _SPACES.sub(" ", stripped).strip()


def contains_phrase(folded_text: str, phrase: str) -> bool:
    """True when `phrase` (already folded) occurs in `folded_text` on word boundaries."""
    if not phrase:
        return False
    return f" {phrase} " in f" {folded_text} "


def any_phrase(folded_text: str, phrases: tuple[str, ...]) -> bool:
    return any(contains_phrase(folded_text, p) for p in phrases)
