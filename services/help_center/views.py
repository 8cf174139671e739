"""What the help center hands out: allow-listed views, never ORM rows."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class HelpView(BaseModel):
    model_config = ConfigDict(frozen=True)


class ArticleDraft(HelpView):
    """An article as staff write it (or a markdown file holds it)."""

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,88}$")
    locale: str
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(default="", max_length=100_000)
    category: str
    tags: list[str] = Field(default_factory=list, max_length=30)
    published: bool = False


class ArticleView(ArticleDraft):
    id: str
    updated_at: datetime
    updated_by: str
    translations: list[str] = Field(default_factory=list)  # other locales of this slug


class ArticleSummary(HelpView):
    id: str
    slug: str
    locale: str
    title: str
    category: str
    published: bool
    updated_at: datetime
    updated_by: str


class HelpHit(HelpView):
    """One ranked passage: what the assistant reads and cites."""

    article_id: str
    title: str
    section: str
    excerpt: str
    locale: str
    category: str
    score: float  # higher is better; comparable within one search only
    coverage: float  # share of the question's words the passage holds (0..1)
