"""Full-text search over passages, in the database: FTS5 on SQLite, tsvector on PostgreSQL.

Both rank the same folded words (`text.index_text`); a title hit counts four times a
body hit on SQLite (bm25 column weights) and weight A over B on PostgreSQL. Customers
never see unpublished articles: the filter is in the SQL, not in the caller.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.help_center.text import (
    coverage,
    excerpt,
    fts5_match,
    pg_tsquery,
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
    "p.article_id, p.heading, p.text, p.search_title, p.search_body, a.title, a.locale, a.category"
)
MAX_PER_ARTICLE = 2


def _sqlite_sql(filters: str) -> str:
    return (
        f"SELECT {_COLUMNS}, -bm25(help_passages_fts, 4.0, 1.0) AS score "
        "FROM help_passages_fts JOIN help_passages p ON p.id = help_passages_fts.rowid "
        "JOIN help_articles a ON a.id = p.article_id "
        f"WHERE help_passages_fts MATCH :match{filters} ORDER BY score DESC LIMIT :n"
    )


def _pg_sql(filters: str) -> str:
    return (
        f"SELECT {_COLUMNS}, ts_rank({PG_VECTOR}, q.query) AS score "
        "FROM help_passages p JOIN help_articles a ON a.id = p.article_id, "
        "to_tsquery('simple'::regconfig, :match) AS q(query) "
        f"WHERE {PG_VECTOR} @@ q.query{filters} ORDER BY score DESC LIMIT :n"
    )


def _rows(
    session: Session, terms: list[str], locale: str | None, published_only: bool, n: int
) -> list[Any]:
    postgres = session.get_bind().dialect.name == "postgresql"
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
    sql = _pg_sql(filters) if postgres else _sqlite_sql(filters)
    return list(session.execute(text(sql), params))


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
    groups = query_groups(query, locale)
    terms = query_terms(query, locale)
    if not terms:
        return []
    with uow_factory() as uow:
        rows = _rows(uow.session, terms, locale, not include_unpublished, limit * 4)
        if not rows and locale:
            groups = query_groups(query, None)
            terms = query_terms(query, None)
            rows = _rows(uow.session, terms, None, not include_unpublished, limit * 4)
    hits: list[HelpHit] = []
    per_article: dict[str, int] = {}
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


def rank_articles(
    uow_factory: UowFactory, *, query: str, locale: str | None = None, limit: int = 3
) -> list[str]:
    """Distinct article ids in rank order (what the evaluation scores)."""
    hits = search_help_center(uow_factory, query=query, locale=locale, limit=limit * 2)
    return list(dict.fromkeys(h.article_id for h in hits))[:limit]
