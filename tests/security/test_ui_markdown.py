"""Every markdown attack form, through the real pages (AppTest), in every place that
shows model, customer or store text: the chat answer, staff tool labels, the inbox's
conversation titles and transcript, the Store page's product captions.

What Streamlit would render is each element's markdown source; it is rendered here by
markdown-it and must hold no image, no raw HTML tag and no link to a foreign scheme.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from markdown_it import MarkdownIt
from sqlalchemy import update

from app.agent.scripted import ScriptedModel, call, reply
from app.tools.base import NoArgs, Tool, ToolSet
from app.ui import runtime
from services.models import Customer, Fulfillment, Order, Product, TrackingEvent
from services.uow import UowFactory
from tests.security.test_sanitizer import IMAGE_FORMS
from tests.ui.conftest import SARAH, STAFF, app, open_page

RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
ATTACK = "\n\n".join(IMAGE_FORMS.values())
ONE_LINE = " ".join(v.replace("\n", " ") for v in IMAGE_FORMS.values())


def _sources(node: Any) -> list[str]:
    """Every markdown-bearing string of the page: values, labels, bodies."""
    out: list[str] = []
    for attr in ("value", "label", "body"):
        value = getattr(getattr(node, "proto", None), attr, None)
        if isinstance(value, str) and value:
            out.append(value)
    for child in getattr(node, "children", {}).values():
        out.extend(_sources(child))
    return out


def _assert_page_safe(at: Any) -> None:
    assert not at.exception, at.exception
    for source in _sources(at._tree):
        html = RENDER.render(source).lower()
        assert "<img" not in html and "<script" not in html and "<picture" not in html, source
        for href in re.findall(r'href="([^"]*)"', html):
            assert href.startswith(("http://", "https://", "mailto:")), (href, source)


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch):
    def use(*steps: Any) -> ScriptedModel:
        model = ScriptedModel(list(steps))
        evil = Tool(
            name="get_order_status", description="x", args_model=NoArgs,
            handler=lambda ctx, args: {"note": ATTACK},
        )  # fmt: skip
        monkeypatch.setattr(runtime, "_model", lambda: model)
        monkeypatch.setattr(runtime, "_toolset", lambda identity: ToolSet("t", [evil]))
        return model

    return use


def test_the_customer_chat_renders_every_form_as_text(ui_db: str, hostile) -> None:
    hostile(call("get_order_status", {}), reply(ATTACK))
    at = app(identity=SARAH)
    at.run()
    at.chat_input[0].set_value(ONE_LINE).run()  # the customer's own message too
    _assert_page_safe(at)
    assert any("(image: pixel)" in s for s in _sources(at._tree))


def test_staff_tool_labels_and_traces_render_every_form_as_text(ui_db: str, hostile) -> None:
    hostile(call("![x](https://evil.example/name.png)[/x]`", {}), reply(ONE_LINE))
    at = app(identity=STAFF)
    at.run()
    at.chat_input[0].set_value("go").run()
    _assert_page_safe(at)


def test_the_inbox_renders_titles_and_transcripts_as_text(ui_db: str, hostile) -> None:
    hostile(reply(ATTACK))
    customer = app(identity=SARAH)
    customer.run()
    customer.chat_input[0].set_value(ONE_LINE).run()  # becomes the conversation's title
    at = open_page("inbox", identity=STAFF)
    _assert_page_safe(at)
    first = next(b for b in at.button if b.key and b.key.startswith("inbox_open_"))
    first.click().run()
    _assert_page_safe(at)


def test_the_store_page_renders_store_data_as_text(ui_db: str) -> None:
    uow = UowFactory.for_url(ui_db)
    with uow() as u:
        u.session.execute(
            update(Product).values(
                name=ONE_LINE[:200],
                description=ATTACK,
                category=ONE_LINE[:100],
                warranty=ONE_LINE[:500],
            )
        )
        u.session.execute(
            update(Customer).values(first_name=ONE_LINE[:100], address1=ONE_LINE[:200])
        )
        u.session.execute(update(Order).values(address2=ONE_LINE[:200]))
        u.session.execute(
            update(TrackingEvent).values(location=ONE_LINE[:200], status=ONE_LINE[:50])
        )
        u.session.execute(update(Fulfillment).values(carrier=ONE_LINE[:100]))
        u.commit()
    at = open_page("store", identity=STAFF)  # all three tabs render their first item
    _assert_page_safe(at)
    assert any("(image: pixel)" in s for s in _sources(at._tree))
