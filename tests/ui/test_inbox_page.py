"""AppTest: the inbox shows a handed-off conversation and staff can take it over."""

from __future__ import annotations

from services import inbox
from services.models import ConversationStatus, utcnow
from tests.conversation_factory import Turn, add_conversation
from tests.ui.conftest import open_page, texts


def _handed_off(uow) -> str:
    return add_conversation(
        uow,
        turns=[
            Turn(
                "I want a refund for ORD-30987",
                "I've asked a colleague to help.",
                tools=[("transfer_to_human", "ok", 12)],
            )
        ],
        status=ConversationStatus.HANDED_OFF,
        ticket="HT-100",
        at=utcnow(),
    )


def test_inbox_shows_a_handed_off_conversation(uow):
    cid = _handed_off(uow)
    at = open_page("inbox")
    body = texts(at)
    assert "Waiting for a person 1" in body
    assert "Hand-off HT-100" in body and "refund outside the return window" in body
    assert any(b.key == f"inbox_open_{cid}" for b in at.button)
    assert "I want a refund for ORD-30987" in body  # the transcript
    assert any("transfer_to_human" in s.label for s in at.status)  # tool trace


def test_staff_claims_replies_and_the_customer_sees_it(uow):
    cid = _handed_off(uow)
    at = open_page("inbox")
    at.button(key="claim_HT-100").click().run()
    assert inbox.list_tickets(uow)[0].assignee == "Ana"
    at.text_area[0].input("Hello Sarah, I've approved the refund.")
    at.button(key="inbox_send").click().run()
    assert not at.exception
    seen = inbox.staff_messages_since(uow, conversation_id=cid)
    assert [m.content for m in seen] == ["Hello Sarah, I've approved the refund."]
    at.button(key="resolve_HT-100").click().run()
    assert inbox.list_tickets(uow)[0].status == "resolved"


def test_the_customer_sees_the_staff_reply_in_their_chat(uow):
    from tests.ui.conftest import SARAH, app

    cid = _handed_off(uow)
    inbox.reply_as_staff(uow, ticket_id="HT-100", staff_name="Ana", text="Refund approved.")
    at = app(identity=SARAH)
    at.run()
    # the past conversation is in the sidebar; opening it shows the person's reply
    at.button(key=f"chat_past_{cid}").click().run()
    body = texts(at)
    assert "Refund approved." in body and "Ana · store team" in body
    assert "You're chatting with Ana from our team." in body
    assert "Ana joined" in body  # the claim's event, in the transcript


def test_hand_back_and_the_customer_filter(uow):
    cid = _handed_off(uow)
    other = add_conversation(uow, customer_id="CUST-4410", turns=[Turn("hi", "hello")], at=utcnow())
    at = open_page("inbox")
    at.button(key="handback_HT-100").click().run()
    assert inbox.list_tickets(uow)[0].status == "returned_to_ai"
    at.get("button_group")[0].select("All").run()
    at.text_input(key="inbox_customer").input("CUST-4410").run()
    keys = {b.key for b in at.button}
    assert f"inbox_open_{other}" in keys and f"inbox_open_{cid}" not in keys


def test_after_resolve_the_default_view_is_not_a_blank_desk(uow):
    cid = _handed_off(uow)
    at = open_page("inbox")
    assert "needs a reply" in texts(at)  # the row says why it is there
    at.button(key="resolve_HT-100").click().run()
    body = texts(at)
    assert "All caught up" in body and "Recent activity" in body
    assert any(b.key == f"inbox_open_{cid}" for b in at.button)  # still one click away
    assert "Ana marked this resolved" in body  # the event, in the open transcript
