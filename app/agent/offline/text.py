"""Text normalisation shared by every rule of the offline engine.

Vietnamese customers often type without diacritics ("don hang" for "đơn hàng"), so every
keyword is matched on a folded form: lower case, accents stripped, "đ" turned into "d",
punctuation turned into spaces. Keyword tables are folded the same way when loaded, so
they may be written with their proper spelling. A phrase may hold a gap, "*", for up to
four words ("how many * left", "còn * không").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# Keep letters, digits and the few characters ids are made of; the rest separates words.
_SEPARATORS = re.compile(r"[^\w#@.\-]+")
GAP = "*"
GAP_WORDS = 4


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


def fold_phrase(phrase: str) -> str:
    """A table phrase, folded, its gaps kept as " * "."""
    return f" {GAP} ".join(fold(part) for part in phrase.split(GAP)).strip()


@lru_cache(maxsize=8192)
def _pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(p.strip()) for p in phrase.split(GAP)]
    gap = rf"(?: \S+){{0,{GAP_WORDS}}} "
    return re.compile(r"(?<![^ ])" + gap.join(parts) + r"(?![^ ])")


def spans(folded_text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `phrase` (already folded) occurs in `folded_text`, on word boundaries."""
    if not phrase:
        return []
    if GAP not in phrase:
        out = []
        padded = f" {folded_text} "
        at = padded.find(f" {phrase} ")
        while at >= 0:
            out.append((at, at + len(phrase)))
            at = padded.find(f" {phrase} ", at + 1)
        return out
    return [m.span() for m in _pattern(phrase).finditer(folded_text)]


def contains_phrase(folded_text: str, phrase: str) -> bool:
    """True when `phrase` (already folded) occurs in `folded_text` on word boundaries."""
    if GAP in phrase:
        return bool(spans(folded_text, phrase))
    return bool(phrase) and f" {phrase} " in f" {folded_text} "


def any_phrase(folded_text: str, phrases: tuple[str, ...]) -> bool:
    return any(contains_phrase(folded_text, p) for p in phrases)
