"""Which product a customer means by its name, in any of the three languages.

Product names are stored in English ("Smart Watch X3"); a Portuguese customer says
"relógio", a Vietnamese one "đồng hồ". The words of a message, plus the English words
its local ones stand for, are matched against the words of each name.
"""

from __future__ import annotations

from app.agent.offline.lexicon import phrases
from app.agent.offline.text import any_phrase, fold

# English name word -> what customers call it (folded when loaded).
LOCAL_NAMES: dict[str, str] = {
    "watch": "watch | smartwatch | relógio | relogio | đồng hồ",
    "headphones": "headphones | headphone | fone de ouvido | fones de ouvido | tai nghe chụp",
    "earbuds": "earbuds | earphones | fone sem fio | tai nghe không dây | tai nghe nhét",
    "backpack": "backpack | mochila | ba lô | balo",
    "coffee": "coffee | cafeteira | café | cà phê | máy pha cà phê",
    "keyboard": "keyboard | teclado | bàn phím",
    "cable": "cable | cabo | cáp | dây sạc",
    "tv": "tv | television | televisão | televisor | tivi",
}
_LOCAL = {word: phrases(local) for word, local in LOCAL_NAMES.items()}
# Ambiguous on purpose: "fone" and "tai nghe" fit headphones and earbuds alike.
_EITHER = {
    "headphones": phrases("fone | fones | tai nghe"),
    "earbuds": phrases("fone | fones | tai nghe"),
}


def said_words(texts: tuple[str, ...] | list[str]) -> set[str]:
    """The message's own longer words and the English name words it stands for."""
    text = fold(" ".join(texts))
    words = {w for w in text.split() if len(w) >= 4}
    words |= {w for w, local in _LOCAL.items() if any_phrase(text, local)}
    words |= {w for w, local in _EITHER.items() if any_phrase(text, local)}
    return words


def name_score(name: str, words: set[str]) -> int:
    return len(set(fold(name).split()) & words)


def best_match(names: dict[str, str], texts: tuple[str, ...] | list[str]) -> str | None:
    """The key of the one name that fits the messages best; None when none or a tie."""
    words = said_words(texts)
    scores = {key: name_score(name, words) for key, name in names.items()}
    best = max(scores.values(), default=0)
    leaders = [key for key, score in scores.items() if score == best]
    return leaders[0] if best and len(leaders) == 1 else None
