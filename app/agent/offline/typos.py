"""Typos in the engine's own words ("cancle", "retrun", "exchnage", "trackng").

A word the engine does not know is replaced by the one lexicon word it is closest to,
within one edit for short words and two for long ones (Damerau-Levenshtein, so a swapped
pair of letters is one edit), with rapidfuzz (C-speed; a message takes microseconds).
Words shorter than five letters are never changed: too many real words sit one letter
apart at that length ("there"/"where" is kept by the list of known words).
"""

from __future__ import annotations

from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from app.agent.offline import lexicon as lx

MIN_LENGTH = 5


@cache
def _vocabulary() -> tuple[tuple[str, ...], frozenset[str], dict[str, frozenset[str]]]:
    """(words a typo may be corrected to, every word the engine knows, what each means)."""
    meaning: dict[str, set[str]] = {}
    tables = {
        "intent": lx.FOLDED_INTENTS,
        "reason": lx.FOLDED_REASONS,
        "topic": lx.FOLDED_TOPICS,
        "option": lx.OPTION_PHRASES,
        "product": lx.PRODUCT_WORDS,
        "word": {k: lx.WORDS[k] for k in ("latest", "order_cues", "order_words")},
    }
    for section, table in tables.items():
        for key, words in table.items():
            for w in {w for phrase in words for w in phrase.split() if len(w) >= MIN_LENGTH}:
                meaning.setdefault(w, set()).add(f"{section}.{key}")
    known = set(meaning)
    for words in lx.WORDS.values():
        known |= {w for phrase in words for w in phrase.split()}
    frozen = {w: frozenset(m) for w, m in meaning.items()}
    return tuple(sorted(meaning)), frozenset(known), frozen


@lru_cache(maxsize=8192)
def correct_word(word: str) -> str:
    targets, known, meaning = _vocabulary()
    if len(word) < MIN_LENGTH or word in known or not word.isalpha():
        return word
    limit = 1 if len(word) < 8 else 2
    best = process.extract(
        word, targets, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=5
    )
    if not best:
        return word
    closest = [str(hit[0]) for hit in best if hit[1] == best[0][1]]
    # Equally close words that mean different things ("cancle": cancel; "cancele" is
    # Portuguese for the same): not sure, keep what was typed.
    if len(closest) > 1 and not frozenset.intersection(*(meaning[w] for w in closest)):
        return word
    return closest[0]


@lru_cache(maxsize=4096)
def fix(folded: str) -> str:
    """The folded text with each unknown word replaced by the lexicon word it misspells."""
    return " ".join(correct_word(w) for w in folded.split())


@lru_cache(maxsize=4096)
def normalise(raw: str) -> str:
    """The folded message with typos of the engine's words corrected."""
    from app.agent.offline.text import fold

    return fix(fold(raw))
