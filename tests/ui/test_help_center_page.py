"""AppTest: the staff Help center page searches, edits, publishes and translates."""

from __future__ import annotations

import pytest

from services.help_center import articles as kb
from services.uow import UowFactory
from tests.ui.conftest import SARAH, app, open_page, texts


def test_staff_search_finds_drafts_and_lists_articles(uow: UowFactory) -> None:
    kb.set_published(uow, article_id="exchanges.en", published=False, author="test")
    at = open_page("help_center")
    at.text_input(key="help_center_query").input("swap colour exchange").run()
    assert not at.exception
    assert "exchanges.en" in texts(at)  # the draft is found for staff


def test_staff_edit_preview_publish_and_translate(uow: UowFactory) -> None:
    kb.delete_article(uow, article_id="exchanges.pt")
    at = open_page("help_center")
    at.session_state["help_center_article"] = "exchanges.en"
    at.run()
    assert not at.exception
    body = next(a for a in at.text_area if a.label == "Body (markdown)")
    body.input("## Swaps\n\n<img src=x onerror=alert(1)> Free **swaps**.")
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception
    saved = kb.get_article(uow, article_id="exchanges.en")
    assert "Free **swaps**" in saved.body and saved.updated_by == "Ana"
    preview = " ".join(m.value for m in at.markdown)
    # shown as data, never as HTML: the tag arrives escaped
    assert "\\<img" in preview and "<img" not in preview.replace("\\<img", "")
    next(b for b in at.button if b.label == "Unpublish").click().run()
    assert not kb.get_article(uow, article_id="exchanges.en", include_unpublished=True).published
    at.selectbox(key="help_center_translate_to").select("pt").run()
    next(b for b in at.button if b.label == "Create translation (draft)").click().run()
    assert not at.exception
    made = kb.get_article(uow, article_id="exchanges.pt", include_unpublished=True)
    assert not made.published and made.slug == "exchanges"


def test_customers_have_no_help_center_page(ui_db: str) -> None:
    at = app(identity=SARAH)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/help_center.py")


def test_a_visitor_must_sign_in_as_staff_first(ui_db: str) -> None:
    at = open_page("help_center", identity=None)
    assert "Sign in as staff" in texts(at)
    assert "Help center" not in [t.value for t in at.title]


def test_a_cited_article_opens_in_the_sidebar_from_the_chat(uow: UowFactory) -> None:
    at = app(identity=SARAH)
    at.run()
    at.chat_input[0].set_value("What is your return policy?").run()
    assert not at.exception, at.exception
    at.run()  # the stored transcript, as after any turn
    links = [b for b in at.button if (b.key or "").startswith("cite_")]
    assert [b.label for b in links] == ["Returns and refunds"]
    links[0].click().run()
    assert not at.exception
    shown = " ".join(m.value for m in at.sidebar.markdown)
    assert "How to return an item" in shown and "prepaid return label" in shown
    next(b for b in at.button if b.key == "help_article_close").click().run()
    assert "How to return an item" not in " ".join(m.value for m in at.sidebar.markdown)
