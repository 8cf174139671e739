"""A hand-off as a support desk works it, customer and staff in two browser contexts
against one server: the customer asks for a person, Ana claims, the assistant stays
silent while she holds the conversation, she replies and resolves, the customer writes
again (a reopen), Ana hands back and the assistant answers again. A refresh keeps each
of them signed in. Screenshots go to test-artifacts/browser/handoff-*.png.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from services.models import Conversation, HandoffTicket, Message
from services.uow import UowFactory
from tests.browser.test_customer_journey import TIMEOUT_MS, _ask, _idle

pytestmark = pytest.mark.browser  # run by make test (not slow): the must-show


def _conversation(uow: UowFactory) -> Conversation:
    with uow() as u:
        row = u.session.scalars(
            select(Conversation).where(Conversation.customer_id == "CUST-9821")
        ).one()
        u.session.expunge(row)
        return row


def _roles_after(uow: UowFactory, conversation_id: str, text: str) -> list[str]:
    """Roles of the visible messages stored after the customer's message `text`."""
    with uow() as u:
        msgs = u.session.execute(
            select(Message.role, Message.content)
            .where(Message.conversation_id == conversation_id)
            .order_by(Message.id)
        ).all()
    start = max(i for i, (role, content) in enumerate(msgs) if role == "user" and content == text)
    return [role for role, _ in msgs[start + 1 :] if role in ("assistant", "staff", "user")]


def test_handoff_claim_silence_resolve_reopen_hand_back(running_app, browser, artifacts):
    uow = UowFactory.for_url(running_app.database_url)
    shot = iter(range(1, 100))

    def snap(page, name: str) -> None:
        page.screenshot(path=str(artifacts / f"handoff-{next(shot):02d}-{name}.png"))

    # --- the customer asks for a person --------------------------------------------------
    customer_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    customer = customer_ctx.new_page()
    customer.set_default_timeout(TIMEOUT_MS)
    customer.goto(running_app.url)
    customer.get_by_text("How can we help?").wait_for()
    customer.get_by_test_id("stMain").get_by_test_id("stSelectbox").first.click()
    customer.get_by_role("option", name=re.compile("Sarah Johnson")).click()
    customer.get_by_role("button", name="Continue").first.click()
    customer.get_by_text("Support chat").wait_for()
    _ask(customer, "I'd like to talk to a person please")
    customer.get_by_text("A person from our team has been asked to join").wait_for()
    _idle(customer)
    assert "customer_token=" in customer.url and "conversation=" in customer.url
    snap(customer, "customer-waiting")
    cid = _conversation(uow).id

    # --- staff sign in, refresh (still signed in), claim ---------------------------------
    staff_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = staff_ctx.new_page()
    staff.set_default_timeout(TIMEOUT_MS)
    staff.goto(f"{running_app.url}/inbox")
    staff.get_by_text("Staff sign-in").wait_for()
    staff.get_by_label("Your name").fill("Ana")
    staff.get_by_label("Staff password").fill("browser-test-pass")
    staff.get_by_role("button", name="Sign in as staff").click()
    staff.get_by_text(re.compile(r"Hand-off HT-")).first.wait_for()
    _idle(staff)
    # the signed session cookie (written by the page once signed in); never the password
    for _ in range(100):
        if any(c["name"] == "storedesk_staff" for c in staff_ctx.cookies()):
            break
        staff.wait_for_timeout(100)
    cookies = {c["name"]: c for c in staff_ctx.cookies()}
    assert cookies["storedesk_staff"]["sameSite"] == "Strict"
    assert not any("browser-test-pass" in c["value"] for c in cookies.values())
    assert "browser-test-pass" not in staff.url
    staff.reload()
    staff.get_by_text(re.compile(r"Hand-off HT-")).first.wait_for()
    assert staff.get_by_text("Staff sign-in").count() == 0
    _idle(staff)
    snap(staff, "staff-inbox-after-refresh")
    staff.get_by_role("button", name="Claim").click()
    staff.get_by_text("Ana joined").first.wait_for()
    _idle(staff)

    # --- the customer sees Ana join; writes; the assistant stays silent ------------------
    customer.get_by_text("Ana joined").first.wait_for()
    customer.get_by_text("You're chatting with Ana from our team.").wait_for()
    question = "Thanks Ana! When will the refund arrive?"
    _ask(customer, question)
    customer.get_by_text(question).first.wait_for()
    _idle(customer)
    assert _roles_after(uow, cid, question) == []  # no assistant answer, no model call
    snap(customer, "customer-with-ana")

    # --- Ana sees it without refreshing, replies, resolves -------------------------------
    staff.get_by_text(question).first.wait_for()
    staff.get_by_label("Reply to the customer").fill("Your refund arrives within 5 days.")
    staff.get_by_role("button", name="Send reply").click()
    customer.get_by_text("Your refund arrives within 5 days.").wait_for()
    _idle(staff)
    staff.get_by_role("button", name="Resolve").click()
    staff.get_by_text("All caught up").wait_for()
    customer.get_by_text("Ana marked this resolved").wait_for()
    snap(customer, "customer-resolved")

    # --- the customer refreshes (still signed in, same conversation) and writes again ----
    customer.reload()
    customer.get_by_text("Ana marked this resolved").wait_for()
    assert customer.get_by_text("How can we help?").count() == 0
    again = "Sorry, one more thing about the refund"
    _ask(customer, again)
    customer.get_by_text("Conversation reopened").wait_for()
    _idle(customer)
    assert _roles_after(uow, cid, again) == []
    with uow() as u:
        ticket = u.session.scalars(select(HandoffTicket)).one()
        assert (ticket.status, ticket.assignee, ticket.reopens) == ("claimed", "Ana", 1)

    # --- Ana sees the reopen in "Needs a reply" live, hands back -------------------------
    staff.get_by_text(again).first.wait_for()
    _idle(staff)
    snap(staff, "staff-reopened")
    staff.get_by_role("button", name="Hand back to AI").click()
    customer.get_by_text("The assistant is back").wait_for()
    _idle(customer)
    _ask(customer, "Where is my order ORD-78342?")
    customer.get_by_text(re.compile("FastShip", re.I)).first.wait_for()
    _idle(customer)
    assert _roles_after(uow, cid, "Where is my order ORD-78342?")[-1] == "assistant"
    snap(customer, "customer-assistant-back")
    customer_ctx.close()
    staff_ctx.close()
