"""Help-center articles and the passages search runs over.

An article is one language's text; its translations share a `slug` (the group key), so
``returns-and-refunds`` in en, vi and pt are three rows with ids ``returns-and-refunds.en``
and so on. Search never looks at whole articles: each article is split into passages (its
sections) and every passage carries a folded copy of its words (`search_title`,
`search_body`: lower case, accents removed, đ -> d, light stemming) that both databases
index. The SQLite FTS5 table and the PostgreSQL GIN index over those columns are made by
migration 0003 only (they are not tables or indexes SQLAlchemy can describe).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.models.base import Base, CreatedAt, utcnow

HELP_LOCALES = ("en", "vi", "pt")
HELP_CATEGORIES = ("returns", "shipping", "payments", "orders", "warranty", "account", "contact")


class HelpArticle(CreatedAt, Base):
    __tablename__ = "help_articles"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # "<slug>.<locale>"
    slug: Mapped[str] = mapped_column(String(90))  # shared by an article's translations
    locale: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # markdown
    category: Mapped[str] = mapped_column(String(20))
    tags: Mapped[list[str]] = mapped_column(default=list)
    published: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")

    passages: Mapped[list[HelpPassage]] = relationship(
        back_populates="article",
        order_by="HelpPassage.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        UniqueConstraint("slug", "locale"),
        Index("ix_help_articles_locale", "locale", "published"),
    )


class HelpPassage(Base):
    """One section of an article: what search ranks and what the assistant cites."""

    __tablename__ = "help_passages"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("help_articles.id", ondelete="CASCADE", onupdate="CASCADE")
    )
    position: Mapped[int]
    heading: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # the section's markdown
    # Folded, stemmed words (services.help_center.text.index_text): what the FTS indexes.
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_body: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[HelpArticle] = relationship(back_populates="passages")

    __table_args__ = (Index("ix_help_passages_article_id", "article_id", "position"),)
