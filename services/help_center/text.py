"""Text as search sees it: folding, stemming, passages, safe queries and excerpts.

Both databases index the same folded words, made here in Python, so SQLite and
PostgreSQL rank the same terms and neither needs an extension (PostgreSQL's `unaccent`
is not installable everywhere). Folding: Unicode NFKD with combining marks dropped,
lower case, and Vietnamese đ/Đ -> d (a separate letter, not a d with a mark, so neither
NFKD nor FTS5's remove_diacritics touches it). A query is rebuilt from its bare words
only, so no user text can be FTS syntax (quotes, NEAR, *, -, column filters).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from services.help_center.lexicon import STOP_WORDS, SYNONYMS

LOCALES = ("en", "vi", "pt")
_WORD = re.compile(r"[a-z0-9]+")
_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*\s*$")
_MAX_TERMS = 16
# Sections longer than this are split at paragraphs, so a passage stays one answer.
_MAX_PASSAGE = 1200

# Light suffix stripping for English and Portuguese (longest first); Vietnamese words are
# single syllables and are left whole. Both sides of a search use the same function.
_SUFFIXES = (
    "mente", "coes", "cao", "ings", "ing", "ies", "ied", "edly", "ed", "es",
    "ar", "er", "ir", "am", "em", "os", "as", "ly", "s", "y", "a", "o", "e",
)  # fmt: skip


def fold(text: str) -> str:
    """Lower case, accents off, đ -> d: "Chính sách ĐỔI trả" -> "chinh sach doi tra"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word: str, locale: str | None) -> str:
    if locale == "vi" or len(word) < 4 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    # shipped -> shipp -> ship, so it meets "ship"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def index_text(text: str, locale: str) -> str:
    """The words of `text` as the full-text index stores them."""
    return " ".join(stem(w, locale) for w in words(text))


@cache
def _stop_words(locale: str) -> frozenset[str]:
    return frozenset(words(STOP_WORDS.get(locale, "")))


@cache
def _synonyms(locale: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (" ".join(words(key)), tuple(words(more))) for key, more in SYNONYMS.get(locale, {}).items()
    )


def query_groups(query: str, locale: str | None) -> list[tuple[str, ...]]:
    """One group per meaningful word of the query: its indexed form, then its synonyms'.

    Stop words are dropped. With no locale, every language's stop words and synonyms
    apply (and each one's stemming), so a question in any of them still finds its words.
    """
    locales = (locale,) if locale in LOCALES else LOCALES
    folded = words(query)
    padded = f" {' '.join(folded)} "
    groups: dict[str, list[str]] = {}
    stop = frozenset().union(*(_stop_words(loc) for loc in locales))
    for loc in locales:
        for word in folded:
            if word in stop:
                continue
            group = groups.setdefault(word, [])
            group.append(stem(word, loc))
        for key, more in _synonyms(loc):
            if f" {key} " not in padded:
                continue
            # a phrase's synonyms join the group of its first meaningful word
            owner = next((w for w in key.split() if w in groups), None)
            if owner is not None:
                groups[owner].extend(stem(w, loc) for w in more if w not in stop)
    return [tuple(dict.fromkeys(g)) for g in groups.values()]


def query_terms(query: str, locale: str | None) -> list[str]:
    """Every indexed word a query looks for (its words and their synonyms), bounded."""
    terms = [t for group in query_groups(query, locale) for t in group]
    return list(dict.fromkeys(terms))[:_MAX_TERMS]


def coverage(groups: list[tuple[str, ...]], indexed: str) -> float:
    """Share of the query's words (or a synonym of each) that the indexed text holds."""
    if not groups:
        return 0.0
    present = set(indexed.split())
    return sum(1 for g in groups if present.intersection(g)) / len(groups)


def fts5_match(terms: list[str]) -> str:
    """An FTS5 MATCH expression: each term a quoted string, OR-ed (bm25 ranks the rest)."""
    return " OR ".join(f'"{t}"' for t in terms if _WORD.fullmatch(t))


Groups = tuple[tuple[str, ...], ...]


def fts5_match_any_of(combos: list[Groups]) -> str:
    """Passages holding every group of at least one combination (a group: a word of the
    question or one of its synonyms): "at least m of the question's words"."""
    ands = [" AND ".join(f"({fts5_match(list(g))})" for g in combo) for combo in combos]
    return " OR ".join(f"({a})" for a in ands if a)


def pg_tsquery_any_of(combos: list[Groups]) -> str:
    ands = [" & ".join(f"({pg_tsquery(list(g))})" for g in combo) for combo in combos]
    return " | ".join(f"({a})" for a in ands if a)


def pg_tsquery(terms: list[str]) -> str:
    """A to_tsquery('simple', ...) text: terms OR-ed; terms are bare [a-z0-9] words."""
    return " | ".join(t for t in terms if _WORD.fullmatch(t))


@dataclass(frozen=True)
class Passage:
    heading: str
    text: str


def split_passages(title: str, body: str) -> list[Passage]:
    """An article's sections (by markdown heading), long ones split at paragraphs."""
    sections: list[Passage] = []
    heading, lines = title, list[str]()
    for line in body.splitlines():
        m = _HEADING.match(line)
        if m:
            sections.append(Passage(heading, "\n".join(lines).strip()))
            heading, lines = m.group(2), []
        else:
            lines.append(line)
    sections.append(Passage(heading, "\n".join(lines).strip()))
    out: list[Passage] = []
    for section in sections:
        if not section.text:
            continue
        chunk = ""
        for para in re.split(r"\n\s*\n", section.text):
            if chunk and len(chunk) + len(para) > _MAX_PASSAGE:
                out.append(Passage(section.heading, chunk.strip()))
                chunk = ""
            chunk += para + "\n\n"
        if chunk.strip():
            out.append(Passage(section.heading, chunk.strip()))
    return out or [Passage(title, title)]


_MARKDOWN = re.compile(r"[*_`>#|]+|\[([^\]]*)\]\([^)]*\)")
_ITEM = re.compile(r"^\s*(?:[-+*]|\d+\.)\s+")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def plain_text(markdown: str) -> str:
    """Markdown without its marks (links keep their text), on one line."""
    text = _MARKDOWN.sub(lambda m: m.group(1) or " ", markdown)
    return " ".join(text.split())


def sentences(markdown: str) -> list[str]:
    """Plain sentences: wrapped lines joined, each list item and table row its own."""
    units: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if not line.strip() or _ITEM.match(line) or line.lstrip().startswith("|"):
            if current:
                units.append(" ".join(current))
            current = []
        if line.strip() and not _TABLE_RULE.match(line):
            current.append(_ITEM.sub("", line).strip())
    if current:
        units.append(" ".join(current))
    out = [plain_text(s) for unit in units for s in _SENTENCE.split(unit)]
    return [s for s in out if s]


def excerpt(markdown: str, terms: list[str], locale: str, limit: int = 320) -> str:
    """The run of consecutive sentences (at most `limit` characters) of the passage that
    holds the most query terms, as plain text; a short passage is given whole."""
    found = sentences(markdown)
    if not found:
        return ""
    wanted = set(terms)
    hits = [len(wanted.intersection(stem(w, locale) for w in words(s))) for s in found]
    best, best_score = (0, 1), -1
    for start in range(len(found)):
        end, size = start, 0
        while end < len(found) and size + len(found[end]) + 1 <= limit:
            size += len(found[end]) + 1
            end += 1
        end = max(end, start + 1)
        score = sum(hits[start:end])
        if score > best_score:
            best, best_score = (start, end), score
    chosen = found[best[0] : best[1]]
    # list items and table rows carry no full stop; keep them apart when joined
    text = " ".join(s if s[-1] in ".!?:;" or i == len(chosen) - 1 else f"{s};"
                    for i, s in enumerate(chosen))  # fmt: skip
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
