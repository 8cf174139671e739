"""Which product a customer means by its name, in any of the three languages, typos
included.

Product names are stored in English ("Smart Watch X3"); a Portuguese customer says
"relógio", a Vietnamese one "đồng hồ" (the `[products]` tables of `phrases/*.toml`).
The words of a message, plus the English words its local ones stand for, are matched
against the words of each name; a word one typo away from a name word ("headphnes")
counts as that word (rapidfuzz, over the store's own name words).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from app.agent.offline import lexicon as lx
from app.agent.offline.text import fold, spans
from app.agent.offline.typos import normalise

MAX_CHOICES = 5  # a question lists at most this many products ("which one?")


def said_words(texts: tuple[str, ...] | list[str]) -> set[str]:
    """The message's own longer words and the English name words it stands for."""
    text = normalise(" ".join(texts))
    words = {w for w in text.split() if len(w) >= 4 or _model_like(w)}
    words |= {w[:-1] for w in words if len(w) >= 5 and w.endswith("s")}  # "tvs", "bags"
    return words | _nouns(text)


@lru_cache(maxsize=2048)
def _nouns(text: str) -> frozenset[str]:
    """Product words named, the longer phrase winning where two overlap: "tai nghe chụp"
    is headphones alone, bare "tai nghe" headphones or earbuds."""
    hits = [
        (start, end, noun)
        for noun, local in lx.PRODUCT_WORDS.items()
        for phrase in local
        for start, end in spans(text, phrase)
    ]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for start, end, noun in hits:
        if (start, end) in taken or all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            found.add(noun)
    return frozenset(found)


def _model_like(word: str) -> bool:
    """Short words that name a model: "4k", "x3", "30l", "30"."""
    return len(word) >= 2 and any(c.isdigit() for c in word)


def product_nouns(texts: tuple[str, ...] | list[str]) -> set[str]:
    """The lexicon's product words the customer used ("headphones" for "tai nghe")."""
    return set(_nouns(normalise(" ".join(texts))))


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in fold(name).split() if len(w) >= 2)


@lru_cache(maxsize=64)
def _vocabulary(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({w for name in names for w in _name_words(name) if len(w) >= 5}))


def _fuzzy(words: set[str], names: tuple[str, ...]) -> set[str]:
    """`words` plus the name word each one misspells."""
    vocabulary = _vocabulary(names)
    out = set(words)
    for word in words:
        if len(word) < 5 or word in vocabulary:
            continue
        limit = 1 if len(word) < 8 else 2
        hit = process.extractOne(
            word, vocabulary, scorer=DamerauLevenshtein.distance, score_cutoff=limit
        )
        if hit is not None:
            out.add(str(hit[0]))
    return out


def name_score(name: str, words: set[str]) -> int:
    return len(_name_words(name) & words)


def ranked(names: dict[str, str], texts: tuple[str, ...] | list[str]) -> list[str]:
    """The keys of the names that fit the messages best (several at a tie), best first."""
    if not names:
        return []
    words = _fuzzy(said_words(texts), tuple(sorted(set(names.values()))))
    # Most name words said first; at a tie, the one name said in full, if any ("Aurora
    # Smart Watch Mini" over "Aurora Smart Watch Mini 30"; "relógio aurora" is either).
    scores = {key: name_score(name, words) for key, name in names.items()}
    best = max(scores.values(), default=0)
    if not best:
        return []
    leaders = [key for key, score in scores.items() if score == best]
    whole = [key for key in leaders if not _name_words(names[key]) - words]
    return whole if len(whole) == 1 else leaders


def best_match(names: dict[str, str], texts: tuple[str, ...] | list[str]) -> str | None:
    """The key of the one name that fits the messages best; None when none or a tie."""
    leaders = ranked(names, texts)
    return leaders[0] if len(leaders) == 1 else None


def fits_name(nouns: set[str], name: str) -> bool:
    """Whether a product name is one of the things the customer named."""
    folded = fold(name)
    return bool(nouns & product_nouns([name])) or any(n in folded.split() for n in nouns)


def as_typed(texts: tuple[str, ...] | list[str], nouns: set[str]) -> str:
    """The customer's own words for the product they named ("tai nghe", "headphones")."""
    for text in texts:
        raw = [w.strip(".,!?;:()\"'") for w in text.split()]
        folded = [fold(w) for w in raw]
        for noun in sorted(nouns):
            for phrase in lx.PRODUCT_WORDS.get(noun, ()):
                size = len(phrase.split())
                for i in range(len(folded) - size + 1):
                    if " ".join(folded[i : i + size]) == phrase:
                        return " ".join(raw[i : i + size])
    return ", ".join(sorted(nouns))
