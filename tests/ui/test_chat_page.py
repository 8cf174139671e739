"""AppTest: the chat on the offline engine, with a tool trace and a confirmed return."""

from __future__ import annotations

from sqlalchemy import func, select

from services.models import ReturnRequest
from tests.ui.conftest import SARAH, STAFF, app, texts


def _say(at, text: str):
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception
    return at


def _returns(uow) -> int:
    with uow() as u:
        return int(u.session.scalar(select(func.count()).select_from(ReturnRequest)))


def test_customer_tracks_an_order_and_sees_the_tool_trace(uow):
    at = app(identity=SARAH)
    at.run()
    _say(at, "Where is my order ORD-78342?")
    body = texts(at)
    assert "FastShip" in body  # the tracking answer
    labels = [s.label for s in at.status]
    assert "Looked up your order" in labels  # friendly label, no raw tool name
    assert not any("get_order_status" in label for label in labels)
    assert "offline engine" in body


def test_staff_see_tool_arguments_and_results(uow):
    at = app(identity=STAFF)
    at.run()
    _say(at, "What is the status of ORD-78342?")
    labels = [s.label for s in at.status]
    assert any("get_order_status" in label for label in labels)
    assert any('"order_id": "ORD-78342"' in c.value for c in at.code)


def test_a_return_preview_is_confirmed_once_despite_a_double_click(uow):
    at = app(identity=SARAH)
    at.run()
    _say(at, "I want to return ORD-66120")
    _say(at, "It arrived damaged")
    confirm = [b for b in at.button if (b.key or "").startswith("confirm_yes_")]
    assert len(confirm) == 1, texts(at)
    assert "Please confirm" in texts(at) and _returns(uow) == 0  # preview changed nothing

    button = confirm[0]
    button.click()
    at.run()
    button.click()  # the second click of a double click, on the same button
    at.run()
    assert not at.exception
    assert _returns(uow) == 1
    assert "Done:" in texts(at)
    assert not [b for b in at.button if (b.key or "").startswith("confirm_yes_")]


def test_cancel_changes_nothing(uow):
    at = app(identity=SARAH)
    at.run()
    _say(at, "I want to return ORD-66120")
    _say(at, "It arrived damaged")
    next(b for b in at.button if (b.key or "").startswith("confirm_no_")).click()
    at.run()
    assert _returns(uow) == 0
    assert "nothing was changed" in texts(at)


def test_thumbs_feedback_is_stored(uow):
    from services.inbox import list_conversations, ratings

    at = app(identity=SARAH)
    at.run()
    _say(at, "Where is my order ORD-78342?")
    at.feedback[-1].set_value(1).run()  # thumbs up (st.feedback: 1 up, 0 down)
    cid = list_conversations(uow, customer_id="CUST-9821")[0].id
    assert list(ratings(uow, conversation_id=cid).values()) == [1]


def test_an_open_preview_comes_back_when_the_conversation_is_reopened(uow):
    at = app(identity=SARAH)
    at.run()
    _say(at, "I want to return ORD-66120")
    _say(at, "It arrived damaged")
    cid = at.session_state["chat_conversation_id"]

    again = app(identity=SARAH)  # a new browser session: a reload, another tab
    again.run()
    again.button(key=f"chat_past_{cid}").click().run()
    confirm = [b for b in again.button if (b.key or "").startswith("confirm_yes_")]
    assert len(confirm) == 1
    confirm[0].click().run()
    assert _returns(uow) == 1


def test_a_cancelled_preview_cannot_be_confirmed_later(uow):
    at = app(identity=SARAH)
    at.run()
    _say(at, "I want to return ORD-66120")
    _say(at, "It arrived damaged")
    cid = at.session_state["chat_conversation_id"]
    next(b for b in at.button if (b.key or "").startswith("confirm_no_")).click()
    at.run()

    again = app(identity=SARAH)
    again.run()
    again.button(key=f"chat_past_{cid}").click().run()
    assert not [b for b in again.button if (b.key or "").startswith("confirm_yes_")]
    assert _returns(uow) == 0


def test_a_suggestion_is_sent_like_a_typed_message(uow):
    at = app(identity=SARAH)
    at.run()
    suggestions = at.get("button_group")[0]
    first = next(o for o in suggestions.options if "Where is my order" in o)
    assert "ORD-92010" in first  # Sarah's most recent order
    suggestions.select(first).run()
    assert not at.exception
    assert "ORD-92010" in texts(at) and "Looked up your order" in [s.label for s in at.status]
