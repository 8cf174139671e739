"""AppTest: the chat's history is paged, an oversize paste is explained, and the
assistant stays silent while a person holds the conversation."""

from __future__ import annotations

from app.agent.loop import MAX_INPUT_CHARS
from services import conversations, handoff, inbox
from services.models import Actor
from tests.ui.conftest import SARAH, app, texts


def _long_conversation(uow, turns: int) -> str:
    cid = conversations.start_conversation(uow, actor=Actor.CUSTOMER, customer_id="CUST-9821").id
    for i in range(turns):
        conversations.append_message(uow, conversation_id=cid, role="user", content=f"q{i}")
        conversations.append_message(uow, conversation_id=cid, role="assistant", content=f"a{i}")
    return cid


def test_a_long_conversation_shows_its_newest_messages_and_pages_back(uow):
    cid = _long_conversation(uow, 60)  # 120 messages
    at = app(identity=SARAH, chat_conversation_id=cid)
    at.run()
    body = texts(at)
    assert "a59" in body and "q52" in body and "a51" not in body  # the newest 16
    earlier = at.button(key="chat_show_earlier")
    assert "104 more" in earlier.label
    earlier.click().run()
    body = texts(at)
    assert "q44" in body and "a43" not in body
    assert "88 more" in at.button(key="chat_show_earlier").label


def test_an_oversize_paste_gets_a_clear_message_and_nothing_is_stored(uow):
    at = app(identity=SARAH)
    at.run()
    pasted = "x" * (MAX_INPUT_CHARS + 1)
    at.chat_input[0].set_value(pasted).run()
    assert not at.exception
    assert any("the limit is 4,000" in e.value for e in at.error)
    assert any(c.value == pasted for c in at.code)  # the text, to shorten and resend
    assert inbox.list_conversations(uow, customer_id="CUST-9821") == []


def test_while_a_person_holds_it_the_assistant_is_silent(uow):
    cid = _long_conversation(uow, 1)
    ticket = handoff.open_handoff(
        uow, summary="wants a person", conversation_id=cid, customer_id="CUST-9821"
    ).ticket_id
    inbox.claim_ticket(uow, ticket_id=ticket, staff_name="Ana")
    at = app(identity=SARAH, chat_conversation_id=cid)
    at.run()
    at.chat_input[0].set_value("Thanks Ana! When will the refund arrive?").run()
    assert not at.exception
    t = inbox.transcript(uow, conversation_id=cid)
    assert [m.role for m in t.messages if m.role in ("user", "assistant")][-2:] == [
        "assistant",
        "user",
    ]
    body = texts(at)
    assert "Ana joined" in body and "You're chatting with Ana from our team." in body
