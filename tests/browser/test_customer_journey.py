"""A customer and a staff member use the real app in Chromium.

Sarah Johnson signs in, tracks ORD-78342, returns delivered ORD-66120 (preview, then a
double-clicked Confirm that must create exactly one return), asks for a person; then a
staff member signs in and finds her hand-off ticket in the inbox. Screenshots of every
step go to test-artifacts/browser/.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from services.models import HandoffTicket, ReturnRequest
from services.uow import UowFactory

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000


def _ask(page, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(state="visible", timeout=TIMEOUT_MS)
    # The input is disabled while an answer streams; wait until it takes text again.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stChatInputTextArea]').disabled",
        timeout=TIMEOUT_MS,
    )
    box.fill(text)
    box.press("Enter")


def _idle(page) -> None:
    """Wait until the script run is over (the app's status widget stops)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT_MS
    )


def _count(uow: UowFactory, model, *where) -> int:
    with uow() as u:
        return int(u.session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_customer_tracks_returns_and_hands_off_then_staff_sees_it(running_app, browser, artifacts):
    uow = UowFactory.for_url(running_app.database_url)
    shot = iter(range(1, 100))

    def snap(page, name: str, *, bottom: bool = True) -> None:
        if bottom:  # the newest messages, as a person at the keyboard sees them
            page.evaluate(
                "() => document.querySelectorAll('[data-testid=stMain], section.main')"
                ".forEach(e => e.scrollTo(0, e.scrollHeight))"
            )
            page.wait_for_timeout(300)
        page.screenshot(path=str(artifacts / f"{next(shot):02d}-{name}.png"), full_page=True)

    customer = browser.new_context(viewport={"width": 1280, "height": 900})
    page = customer.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(running_app.url)
    page.get_by_text("How can we help?").wait_for()
    # The main area's select (the sidebar has the language select).
    page.get_by_test_id("stMain").get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name=re.compile("Sarah Johnson")).click()
    snap(page, "sign-in", bottom=False)
    page.get_by_role("button", name="Continue").first.click()
    page.get_by_text("Support chat").wait_for()
    expect_text = page.get_by_text
    snap(page, "signed-in")

    _ask(page, "Where is my order ORD-78342?")
    expect_text(re.compile("FastShip", re.I)).first.wait_for()
    _idle(page)
    expect_text("Looked up your order").first.wait_for()  # the customer's tool trace
    snap(page, "tracking-answer")

    _ask(page, "I want to return ORD-66120")
    _idle(page)
    _ask(page, "It arrived damaged")
    page.get_by_text("Please confirm").wait_for()
    _idle(page)
    snap(page, "return-preview")
    assert _count(uow, ReturnRequest) == 0  # a preview changes nothing

    page.get_by_role("button", name="Confirm").dblclick()
    expect_text(re.compile(r"^Done:")).first.wait_for()
    _idle(page)
    snap(page, "return-confirmed")
    assert _count(uow, ReturnRequest, ReturnRequest.order_id == "ORD-66120") == 1
    assert _count(uow, ReturnRequest) == 1

    _ask(page, "I'd like to talk to a person please")
    page.get_by_text("A person from our team has been asked to join").wait_for()
    _idle(page)
    snap(page, "handed-off")
    assert _count(uow, HandoffTicket, HandoffTicket.customer_id == "CUST-9821") == 1
    customer.close()

    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    page = staff.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{running_app.url}/inbox")
    page.get_by_text("Staff sign-in").wait_for()
    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Staff password").fill("browser-test-pass")
    page.get_by_role("button", name="Sign in as staff").click()
    page.get_by_text("Waiting for a person", exact=True).wait_for()
    page.get_by_text(re.compile(r"Hand-off HT-")).first.wait_for()
    _idle(page)
    snap(page, "staff-inbox", bottom=False)
    assert page.get_by_text("Sarah Johnson").first.is_visible()
    staff.close()
