"""Help center (staff): search, write, translate and publish the articles the assistant
answers policy questions from; see which it cites most and which questions found nothing."""

from __future__ import annotations

import streamlit as st

from app.ui import deps
from app.ui.components.gate import require_staff
from app.ui.components.text import plain, safe_markdown
from services.errors import DomainError
from services.help_center import articles as kb
from services.help_center.search import search_help_center
from services.help_center.usage import cited_articles, unanswered_questions
from services.models import HELP_CATEGORIES, HELP_LOCALES

me = require_staff()
uow = deps.uow_factory()
SELECTED = "help_center_article"

st.title("Help center")
browse, edit, usage = st.tabs(["Articles", "Edit", "Assistant usage"])


def _select(article_id: str | None) -> None:
    st.session_state[SELECTED] = article_id


with browse:
    left, right = st.columns([3, 1])
    query = left.text_input("Search (drafts included)", key="help_center_query")
    locale = right.selectbox("Language", ["any", *HELP_LOCALES], key="help_center_locale")
    wanted = None if locale == "any" else locale
    if query.strip():
        hits = search_help_center(
            uow, query=query, locale=wanted, limit=8, include_unpublished=True
        )
        if not hits:
            st.info("Nothing matches. The gap list (Assistant usage) shows what customers ask.")
        for hit in hits:
            with st.container(border=True):
                st.markdown(f"**{plain(hit.title)}** · {plain(hit.section)} · `{hit.article_id}`")
                st.caption(plain(hit.excerpt, 320))
                st.button(
                    "Edit", key=f"hit_{hit.article_id}_{hit.section}", on_click=_select,
                    args=(hit.article_id,),
                )  # fmt: skip
    listed = kb.list_articles(uow, locale=wanted)
    st.dataframe(
        [
            {
                "id": a.id,
                "title": a.title,
                "language": a.locale,
                "category": a.category,
                "published": a.published,
                "updated": a.updated_at,
                "by": a.updated_by,
            }
            for a in listed
        ],
        hide_index=True,
        width="stretch",
    )
    ids = [a.id for a in listed]
    pick = st.selectbox("Open an article", ["(new article)", *ids], key="help_center_pick")
    st.button(
        "Open", on_click=_select, args=(None if pick == "(new article)" else pick,),
        key="help_center_open",
    )  # fmt: skip

with edit:
    current = st.session_state.get(SELECTED)
    article = None
    if current:
        try:
            article = kb.get_article(uow, article_id=current, include_unpublished=True)
        except DomainError:
            st.warning("That article no longer exists.")
            _select(None)
    st.subheader(article.title if article else "New article")
    with st.form(f"help_center_form_{current}"):
        a, b, c = st.columns(3)
        slug = a.text_input("Slug (shared by translations)", value=article.slug if article else "")
        lang = b.selectbox(
            "Language", HELP_LOCALES,
            index=HELP_LOCALES.index(article.locale) if article else 0,
        )  # fmt: skip
        category = c.selectbox(
            "Category", HELP_CATEGORIES,
            index=HELP_CATEGORIES.index(article.category) if article else 0,
        )  # fmt: skip
        title = st.text_input("Title", value=article.title if article else "")
        tags = st.text_input(
            "Tags (comma-separated)", value=", ".join(article.tags if article else [])
        )
        body = st.text_area("Body (markdown)", value=article.body if article else "", height=320)
        published = st.checkbox("Published (customers and the assistant see it)",
                                value=article.published if article else False)  # fmt: skip
        saved = st.form_submit_button("Save", type="primary")
    if saved:
        try:
            draft = kb.make_draft(
                slug=slug.strip(), locale=lang, title=title, body=body, category=category,
                tags=[t.strip() for t in tags.split(",") if t.strip()], published=published,
            )  # fmt: skip
            view = kb.save_article(uow, draft=draft, author=me.name)
        except DomainError as exc:
            st.error(exc.message)
        else:
            _select(view.id)
            st.success(f"Saved {view.id}.")
            st.rerun()
    with st.expander("Preview", expanded=True):
        # Staff text is still shown as data: the same sanitiser as every chat message.
        st.markdown(safe_markdown(body))
    if article:
        p, t = st.columns(2)
        label = "Unpublish" if article.published else "Publish"
        if p.button(label, key="help_center_publish"):
            kb.set_published(
                uow, article_id=article.id, published=not article.published, author=me.name
            )
            st.rerun()
        missing = [x for x in HELP_LOCALES if x != article.locale and x not in article.translations]
        if missing:
            target = t.selectbox("Translate into", missing, key="help_center_translate_to")
            if t.button("Create translation (draft)", key="help_center_translate"):
                try:
                    made = kb.create_translation(
                        uow, article_id=article.id, locale=target, title=article.title,
                        body=article.body, author=me.name,
                    )  # fmt: skip
                except DomainError as exc:
                    st.error(exc.message)
                else:
                    _select(made.id)
                    st.rerun()
        else:
            t.caption(f"Translations: {', '.join(article.translations)}")

with usage:
    st.subheader("Cited most by the assistant")
    cited = cited_articles(uow)
    if cited:
        st.dataframe(
            [{"article": c.article_id, "title": c.title, "citations": c.citations} for c in cited],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No citations yet.")
    st.subheader("Questions that found nothing")
    gaps = unanswered_questions(uow)
    if gaps:
        st.dataframe(
            [
                {
                    "question": g.question,
                    "language": g.locale or "any",
                    "asked": g.asked,
                    "last asked": g.last_asked,
                }
                for g in gaps
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("Every question the assistant searched found an answer.")
