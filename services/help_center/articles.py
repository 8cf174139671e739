"""Writing and reading articles. Each save rewrites the article's passages in the same
transaction, so search (the FTS table follows the passages through triggers on SQLite;
PostgreSQL indexes the passage columns) never sees an article half-updated."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.errors import InvalidRequest, NotFound
from services.help_center.text import index_text, split_passages
from services.help_center.views import ArticleDraft, ArticleSummary, ArticleView
from services.models import HELP_CATEGORIES, HELP_LOCALES, HelpArticle, HelpPassage, utcnow
from services.uow import UowFactory


def make_id(slug: str, locale: str) -> str:
    return f"{slug}.{locale}"


def validate(draft: ArticleDraft) -> ArticleDraft:
    if draft.locale not in HELP_LOCALES:
        raise InvalidRequest(f"Locale must be one of {', '.join(HELP_LOCALES)}.")
    if draft.category not in HELP_CATEGORIES:
        raise InvalidRequest(f"Category must be one of {', '.join(HELP_CATEGORIES)}.")
    tags = [" ".join(t.split()) for t in draft.tags]
    if any(not t or len(t) > 40 for t in tags):
        raise InvalidRequest("Tags must be 1 to 40 characters.")
    if not draft.title.strip():
        raise InvalidRequest("An article needs a title.")
    return draft.model_copy(update={"tags": tags, "title": draft.title.strip()})


def make_draft(**fields: object) -> ArticleDraft:
    """An ArticleDraft from loose input, with a domain error instead of pydantic's."""
    try:
        draft = ArticleDraft.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "article"
        raise InvalidRequest(f"{where}: {first['msg']}") from None
    return validate(draft)


def passage_rows(article: HelpArticle) -> list[dict[str, object]]:
    heading_words = " ".join([article.title, *article.tags])
    return [
        {
            "article_id": article.id,
            "position": position,
            "heading": p.heading[:200],
            "text": p.text,
            # A section's own heading counts twice: of two sections of one article (both
            # holding its title), the one whose heading names the question ranks first.
            "search_title": index_text(
                f"{heading_words} {_twice(p.heading, article.title)}", article.locale
            ),
            "search_body": index_text(p.text, article.locale),
        }
        for position, p in enumerate(split_passages(article.title, article.body))
    ]


def _twice(heading: str, title: str) -> str:
    return "" if heading == title else heading


def write_article(session: Session, draft: ArticleDraft, *, author: str, now: datetime) -> str:
    """Insert or replace one article and its passages (inside the caller's transaction)."""
    draft = validate(draft)
    aid = make_id(draft.slug, draft.locale)
    article = session.get(HelpArticle, aid)
    if article is None:
        article = HelpArticle(id=aid, slug=draft.slug, locale=draft.locale)
        session.add(article)
    article.title = draft.title
    article.body = draft.body
    article.category = draft.category
    article.tags = list(draft.tags)
    article.published = draft.published
    article.updated_at = now
    article.updated_by = author[:100]
    session.flush()
    session.execute(delete(HelpPassage).where(HelpPassage.article_id == aid))
    rows = passage_rows(article)
    if rows:
        session.execute(insert(HelpPassage), rows)
    session.expire(article, ["passages"])
    return aid


def save_article(
    uow_factory: UowFactory, *, draft: ArticleDraft, author: str, now: datetime | None = None
) -> ArticleView:
    with uow_factory() as uow:
        aid = write_article(uow.session, draft, author=author, now=now or utcnow())
        uow.commit()
        return _view(uow.session, _get(uow.session, aid))


def save_articles(
    uow_factory: UowFactory, *, drafts: Iterable[ArticleDraft], author: str
) -> list[str]:
    """Save many articles in one transaction (an import): all of them or none."""
    now = utcnow()
    with uow_factory() as uow:
        ids = [write_article(uow.session, d, author=author, now=now) for d in drafts]
        uow.commit()
    return ids


def create_translation(
    uow_factory: UowFactory,
    *,
    article_id: str,
    locale: str,
    title: str,
    body: str,
    author: str,
) -> ArticleView:
    """A new, unpublished article in `locale` linked to the original (same slug)."""
    with uow_factory() as uow:
        original = _get(uow.session, article_id)
        if uow.session.get(HelpArticle, make_id(original.slug, locale)) is not None:
            raise InvalidRequest(f"This article already has a {locale} translation.")
        draft = make_draft(
            slug=original.slug,
            locale=locale,
            title=title,
            body=body,
            category=original.category,
            tags=list(original.tags),
            published=False,
        )
        aid = write_article(uow.session, draft, author=author, now=utcnow())
        uow.commit()
        return _view(uow.session, _get(uow.session, aid))


def set_published(
    uow_factory: UowFactory, *, article_id: str, published: bool, author: str
) -> ArticleView:
    with uow_factory() as uow:
        article = _get(uow.session, article_id)
        article.published = published
        article.updated_at = utcnow()
        article.updated_by = author[:100]
        uow.commit()
        return _view(uow.session, article)


def delete_article(uow_factory: UowFactory, *, article_id: str) -> None:
    with uow_factory() as uow:
        uow.session.delete(_get(uow.session, article_id))
        uow.commit()


def get_article(
    uow_factory: UowFactory, *, article_id: str, include_unpublished: bool = False
) -> ArticleView:
    """One article; an unpublished one is reported exactly like a missing one unless the
    caller (staff) asks for drafts."""
    with uow_factory() as uow:
        article = _get(uow.session, article_id)
        if not (article.published or include_unpublished):
            raise NotFound("No such help article.")
        return _view(uow.session, article)


def list_articles(
    uow_factory: UowFactory, *, locale: str | None = None, include_unpublished: bool = True
) -> list[ArticleSummary]:
    stmt = select(HelpArticle).order_by(HelpArticle.category, HelpArticle.slug, HelpArticle.locale)
    if locale:
        stmt = stmt.where(HelpArticle.locale == locale)
    if not include_unpublished:
        stmt = stmt.where(HelpArticle.published.is_(True))
    with uow_factory() as uow:
        return [
            ArticleSummary(
                id=a.id,
                slug=a.slug,
                locale=a.locale,
                title=a.title,
                category=a.category,
                published=a.published,
                updated_at=a.updated_at,
                updated_by=a.updated_by,
            )
            for a in uow.session.scalars(stmt)
        ]


def all_articles(uow_factory: UowFactory) -> list[ArticleView]:
    """Every article in full (an export)."""
    with uow_factory() as uow:
        articles = uow.session.scalars(
            select(HelpArticle).order_by(HelpArticle.slug, HelpArticle.locale)
        ).all()
        return [_view(uow.session, a) for a in articles]


def _get(session: Session, aid: str) -> HelpArticle:
    article = session.get(HelpArticle, aid)
    if article is None:
        raise NotFound("No such help article.")
    return article


def _view(session: Session, a: HelpArticle) -> ArticleView:
    others = session.scalars(
        select(HelpArticle.locale).where(HelpArticle.slug == a.slug, HelpArticle.id != a.id)
    ).all()
    return ArticleView(
        id=a.id,
        slug=a.slug,
        locale=a.locale,
        title=a.title,
        body=a.body,
        category=a.category,
        tags=list(a.tags),
        published=a.published,
        updated_at=a.updated_at,
        updated_by=a.updated_by,
        translations=sorted(others),
    )
