"""How the assistant used the help center: the articles it cited most, and the questions
the help center could not answer (a list of articles for staff to write).

Read from what conversations already record: each `search_help_center` call's arguments
(ToolCallRecord) and result (the tool message), and the assistant's replies. An article
counts as cited when a reply after the search names its title in square brackets, as the
system prompt and the offline engine both write citations.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from services.models import Message, ToolCallRecord
from services.uow import UowFactory

TOOL = "search_help_center"
WEAK = 0.5  # best passage's coverage below this: the question found nothing useful
SCAN = 5000  # most recent messages read


class CitedArticle(BaseModel):
    model_config = ConfigDict(frozen=True)
    article_id: str
    title: str
    citations: int


class Gap(BaseModel):
    model_config = ConfigDict(frozen=True)
    question: str
    locale: str | None
    asked: int
    last_asked: datetime


def _results(content: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(content)
    except ValueError:
        return []
    found = data.get("results") if isinstance(data, dict) else None
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def cited_articles(uow_factory: UowFactory, *, limit: int = 10) -> list[CitedArticle]:
    with uow_factory() as uow:
        rows = uow.session.execute(
            select(Message.conversation_id, Message.role, Message.name, Message.content)
            .where(
                (Message.role == "assistant") | ((Message.role == "tool") & (Message.name == TOOL))
            )
            .order_by(Message.id.desc())
            .limit(SCAN)
        ).all()
    counts: Counter[str] = Counter()
    titles: dict[str, str] = {}
    offered: dict[str, dict[str, str]] = {}  # conversation -> title -> article id
    for conversation, role, _name, content in reversed(rows):
        if role == "tool":
            hits = _results(content or "")
            offered[conversation] = {
                str(h["title"]): str(h["article_id"]) for h in hits if "title" in h
            }
            continue
        for title, article in offered.pop(conversation, {}).items():
            if f"[{title}]" in (content or ""):
                counts[article] += 1
                titles[article] = title
    return [
        CitedArticle(article_id=a, title=titles[a], citations=n)
        for a, n in counts.most_common(limit)
    ]


def unanswered_questions(uow_factory: UowFactory, *, limit: int = 20) -> list[Gap]:
    """Questions whose search found nothing, or nothing that held half their words."""
    with uow_factory() as uow:
        calls = uow.session.execute(
            select(ToolCallRecord.call_id, ToolCallRecord.arguments, ToolCallRecord.created_at)
            .where(ToolCallRecord.name == TOOL, ToolCallRecord.outcome == "ok")
            .order_by(ToolCallRecord.id.desc())
            .limit(SCAN)
        ).all()
        ids = [c.call_id for c in calls if c.call_id]
        results: dict[str | None, str] = {}
        if ids:
            found = uow.session.execute(
                select(Message.tool_call_id, Message.content).where(
                    Message.role == "tool", Message.tool_call_id.in_(ids)
                )
            )
            # (a Result has keys(), so dict(result) would take it for a mapping)
            results = {call_id: content for call_id, content in found}
    gaps: dict[tuple[str, str | None], Gap] = {}
    for call_id, arguments, created_at in calls:
        content = results.get(call_id)
        if content is None:
            continue
        hits = _results(content)
        if hits and float(hits[0].get("coverage") or 0) >= WEAK:
            continue
        try:
            args = json.loads(arguments or "{}")
        except ValueError:
            continue
        question = " ".join(str(args.get("query") or "").split())
        if not question:
            continue
        locale = args.get("locale") if isinstance(args.get("locale"), str) else None
        key = (question.lower(), locale)
        seen = gaps.get(key)
        gaps[key] = Gap(
            question=question,
            locale=locale,
            asked=(seen.asked if seen else 0) + 1,
            last_asked=max(created_at, seen.last_asked) if seen else created_at,
        )
    return sorted(gaps.values(), key=lambda g: (-g.asked, g.question))[:limit]
