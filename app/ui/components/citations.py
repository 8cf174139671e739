"""Help-center articles an answer cites, as small links that open the article in the
sidebar.

An answer cites an article by its title in square brackets ("[Returns and refunds]"), as
the system prompt asks and the offline engine writes; only titles that a
`search_help_center` result of the same conversation returned count, so a model cannot
make the chat link to anything else. The article is read again when opened: customers
see published articles only, rendered through the same sanitiser as every message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import streamlit as st

from app.i18n import normalize_locale, t
from app.ui import deps
from app.ui.components.text import plain, safe_markdown
from services.errors import DomainError
from services.help_center.articles import get_article

TOOL = "search_help_center"
OPEN = "help_article_open"


def offered(messages: Iterable[Any]) -> dict[str, str]:
    """title -> article id of every article the help center returned in a conversation."""
    found: dict[str, str] = {}
    for m in messages:
        if getattr(m, "role", "") != "tool" or getattr(m, "name", "") != TOOL:
            continue
        try:
            data = json.loads(m.content or "")
        except ValueError:
            continue
        hits = data.get("results") if isinstance(data, dict) else None
        for hit in hits if isinstance(hits, list) else []:
            if isinstance(hit, dict) and hit.get("title") and hit.get("article_id"):
                found[str(hit["title"])] = str(hit["article_id"])
    return found


def cited(content: str, titles: dict[str, str]) -> list[tuple[str, str]]:
    """(article id, title) of each offered article the answer names as [title]."""
    return [(aid, title) for title, aid in titles.items() if f"[{title}]" in content]


def links(content: str, titles: dict[str, str], *, key: str, locale: str | None) -> None:
    sources = cited(content, titles)
    if not sources:
        return
    st.caption(t("help.cited", normalize_locale(locale)))
    for aid, title in sources:
        st.button(
            plain(title, 80),
            key=f"cite_{key}_{aid}",
            icon=":material/article:",
            type="tertiary",
            on_click=_open,
            args=(aid,),
        )


def _open(article_id: str) -> None:
    st.session_state[OPEN] = article_id


def _close() -> None:
    st.session_state.pop(OPEN, None)


def panel(locale: str | None) -> None:
    """The opened article, in the sidebar (published articles only)."""
    article_id = st.session_state.get(OPEN)
    if not article_id:
        return
    lang = normalize_locale(locale)
    with st.sidebar, st.container(border=True):
        try:
            article = get_article(deps.uow_factory(), article_id=article_id)
        except DomainError:
            st.caption(t("help.gone", lang))
        else:
            st.subheader(plain(article.title, 120))
            st.markdown(safe_markdown(article.body))
        st.button(t("help.close", lang), key="help_article_close", on_click=_close)
