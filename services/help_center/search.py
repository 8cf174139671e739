"""Full-text search over passages, in the database: FTS5 on SQLite, tsvector on PostgreSQL.

Both rank the same folded words (`text.index_text`); a title hit counts four times a
body hit on SQLite (bm25 column weights) and weight A over B on PostgreSQL. Customers
never see unpublished articles: the filter is in the SQL, not in the caller.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from services.help_center.text import (
    Groups,
    coverage,
    excerpt,
    fts5_match,
    fts5_match_any_of,
    pg_tsquery,
    pg_tsquery_any_of,
    query_groups,
    query_terms,
)
from services.help_center.views import HelpHit
from services.uow import UowFactory

# The expression the GIN index of migration 0003 is built on; a query must repeat it
# exactly for PostgreSQL to use the index.
PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, p.search_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, p.search_body), 'B'))"
)
_COLUMNS = (
    "p.article_id, p.position, p.heading, p.text, p.search_title, p.search_body, a.title, "
    "a.locale, a.category"
)
# An article's opening passage states its rule; its later sections, details. Within a
# narrow margin the opening one is the better answer to a general question.
OPENING_BONUS = 1.1
MAX_PER_ARTICLE = 2
MAX_GROUPS = 6  # words of a question combined in the AND tiers (the rarest)
MAX_COMBINATIONS = 20  # a tier with more combinations than this is skipped
CANDIDATES = 200


def _sqlite_sql(filters: str) -> str:
    return (
        f"SELECT {_COLUMNS}, -bm25(help_passages_fts, 4.0, 1.0) AS score "
        "FROM help_passages_fts JOIN help_passages p ON p.id = help_passages_fts.rowid "
        "JOIN help_articles a ON a.id = p.article_id "
        f"WHERE help_passages_fts MATCH :match{filters} ORDER BY score DESC LIMIT :n"
    )


# ts_rank's default weights (A = 1.0) saturate near 1 for short passages, so two sections
# of one article tied; smaller weights keep them apart.
PG_RANK = f"ts_rank(ARRAY[0.02, 0.04, 0.08, 0.2]::float4[], {PG_VECTOR}, q.query)"


def _pg_sql(filters: str) -> str:
    return (
        f"SELECT {_COLUMNS}, {PG_RANK} AS score "
        "FROM help_passages p JOIN help_articles a ON a.id = p.article_id, "
        "to_tsquery('simple'::regconfig, :match) AS q(query) "
        f"WHERE {PG_VECTOR} @@ q.query{filters} ORDER BY score DESC LIMIT :n"
    )


def _rows(
    session: Session,
    terms: list[str],
    locale: str | None,
    published_only: bool,
    n: int,
    tier: list[Groups] | None = None,
    need: int = 1,
) -> list[Any]:
    postgres = session.get_bind().dialect.name == "postgresql"
    if tier:
        match = pg_tsquery_any_of(tier) if postgres else fts5_match_any_of(tier)
    else:
        match = pg_tsquery(terms) if postgres else fts5_match(terms)
    if not match:
        return []
    filters = ""
    params: dict[str, Any] = {"match": match, "n": n}
    if published_only:
        filters += " AND a.published = :published"
        params["published"] = True
    if locale:
        filters += " AND a.locale = :locale"
        params["locale"] = locale
    if postgres:
        return list(session.execute(text(_pg_sql(filters)), params))
    return _sqlite_rows(session, filters, params, n, need)


def _sqlite_rows(
    session: Session, filters: str, params: dict[str, Any], n: int, need: int
) -> list[Any]:
    # Ranking first, alone in the FTS table, then reading only the best CANDIDATES
    # passages: joining every match before sorting cost ten times more on a large store.
    ranked = session.execute(
        text(
            "SELECT rowid, bm25(help_passages_fts, 4.0, 1.0) FROM help_passages_fts "
            f"WHERE help_passages_fts MATCH :match ORDER BY 2 LIMIT {CANDIDATES}"
        ),
        {"match": params["match"]},
    ).all()
    if not ranked:
        return []
    rank = {int(rowid): -float(value) for rowid, value in ranked}
    filter_params = {k: v for k, v in params.items() if k not in ("match", "n")}

    def select(columns: str, ids: list[int]) -> str:
        listed = ", ".join(str(i) for i in ids)  # integers from the database itself
        # CROSS JOIN keeps the passages as the outer loop: otherwise SQLite may walk
        # every article of the language (its index) instead of these few passages.
        return (
            f"SELECT {columns} FROM help_passages p CROSS JOIN help_articles a "
            f"ON a.id = p.article_id WHERE p.id IN ({listed}){filters}"
        )

    allowed = set(session.execute(text(select("p.id", list(rank))), filter_params).scalars())
    best = [i for i in rank if i in allowed][:n]
    if len(best) < need and len(ranked) == CANDIDATES:
        # the best candidates were mostly other languages or drafts: rank every match
        return list(session.execute(text(_sqlite_sql(filters)), params))
    if not best:
        return []
    found = session.execute(text(select(f"p.id, {_COLUMNS}", best)), filter_params).all()
    return sorted(
        (_Row(**row._asdict(), score=rank[row.id]) for row in found), key=lambda r: -r.score
    )


@dataclass(frozen=True)
class _Row:
    id: int
    article_id: str
    position: int
    heading: str
    text: str
    search_title: str
    search_body: str
    title: str
    locale: str
    category: str
    score: float


def _tiers(session: Session, groups: list[tuple[str, ...]]) -> list[list[Groups]]:
    """Ever looser demands, each a list of word combinations to AND (any combination
    will do): all the question's words, then all but one, ... down to two of them.

    On SQLite the FTS5 vocabulary says how many passages hold each word: words that no
    passage holds are left out, and only the MAX_GROUPS rarest words are combined (the
    common ones still rank through the final OR). PostgreSQL tries all words, then the OR.
    """
    if len(groups) < 2:
        return []
    if session.get_bind().dialect.name != "sqlite":
        return [[tuple(groups)]]
    docs = _doc_counts(session, sorted({t for g in groups for t in g}))
    present = [g for g in groups if docs is None or any(docs.get(t) for t in g)]
    if docs is not None:
        present.sort(key=lambda g: sum(docs.get(t, 0) for t in g))
    present = present[:MAX_GROUPS]
    return [
        list(itertools.combinations(present, m))
        for m in range(len(present), 1, -1)
        if math.comb(len(present), m) <= MAX_COMBINATIONS
    ]


def _doc_counts(session: Session, words: list[str]) -> dict[str, int] | None:
    params = {f"t{i}": w for i, w in enumerate(words)}
    # one equality per word: fts5vocab seeks `term = ?` but scans the whole list for IN
    sql = " UNION ALL ".join(
        f"SELECT term, doc FROM help_passages_fts_vocab WHERE term = :{k}" for k in params
    )
    try:
        return {term: count for term, count in session.execute(text(sql), params)}
    except OperationalError:  # a database made before the vocabulary table
        return None


def search_help_center(
    uow_factory: UowFactory,
    *,
    query: str,
    locale: str | None = None,
    limit: int = 5,
    include_unpublished: bool = False,
) -> list[HelpHit]:
    """The best passages for `query`, at most MAX_PER_ARTICLE from one article.

    With a locale, articles in that language; if none matches, every language (a
    customer may write in another language than their profile's).
    """
    with uow_factory() as uow:
        return search_session(
            uow.session,
            query=query,
            locale=locale,
            limit=limit,
            include_unpublished=include_unpublished,
        )


def search_session(
    session: Session,
    *,
    query: str,
    locale: str | None = None,
    limit: int = 5,
    include_unpublished: bool = False,
) -> list[HelpHit]:
    """`search_help_center` inside the caller's transaction (the evaluation searches
    articles it wrote in a transaction it then rolls back)."""
    groups = query_groups(query, locale)
    terms = query_terms(query, locale)
    if not terms:
        return []
    published_only = not include_unpublished
    rows: list[Any] = []
    # Passages holding every word first, then the rarest words only: on a large help
    # center an OR of common words matches thousands of passages and bm25 scores each
    # one, while the passages that hold the question's rare words are few and the best.
    for tier in _tiers(session, groups):
        rows = _rows(session, terms, locale, published_only, limit * 4, tier, need=limit)
        if len(rows) >= limit:
            break
    if len(rows) < limit:
        rows = _rows(session, terms, locale, published_only, limit * 4, need=limit)
    if not rows and locale:
        groups = query_groups(query, None)
        terms = query_terms(query, None)
        rows = _rows(session, terms, None, published_only, limit * 4)
    hits: list[HelpHit] = []
    per_article: dict[str, int] = {}
    rows.sort(key=lambda r: -float(r.score) * (OPENING_BONUS if r.position == 0 else 1.0))
    for row in rows:
        if per_article.get(row.article_id, 0) >= MAX_PER_ARTICLE:
            continue
        per_article[row.article_id] = per_article.get(row.article_id, 0) + 1
        hits.append(
            HelpHit(
                article_id=row.article_id,
                title=row.title,
                section=row.heading,
                excerpt=excerpt(row.text, terms, row.locale),
                locale=row.locale,
                category=row.category,
                score=round(float(row.score), 4),
                coverage=round(coverage(groups, f"{row.search_title} {row.search_body}"), 2),
            )
        )
        if len(hits) >= limit:
            break
    return hits


def ranked_articles(hits: list[HelpHit], limit: int = 3) -> list[str]:
    """Distinct article ids in rank order (what the evaluation scores)."""
    return list(dict.fromkeys(h.article_id for h in hits))[:limit]
