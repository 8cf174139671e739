"""Every markdown attack form, rendered by the real app in Chromium: the page makes zero
requests to any host but 127.0.0.1 and shows no image from elsewhere.

The forms are planted where they reach the screen: the customer's own message (the
chat bubble and the inbox's conversation title), product, customer and tracking data
(the offline engine's answers and the staff Store page).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from sqlalchemy import update

from services.models import Customer, Product, TrackingEvent
from services.uow import UowFactory
from tests.browser.test_customer_journey import TIMEOUT_MS, _ask, _idle
from tests.security.test_sanitizer import IMAGE_FORMS

pytestmark = pytest.mark.browser

ONE_LINE = " ".join(v.replace("\n", " ") for v in IMAGE_FORMS.values())
BLOCK = "\n\n".join(IMAGE_FORMS.values())


def _plant(database_url: str) -> None:
    uow = UowFactory.for_url(database_url)
    with uow() as u:
        u.session.execute(update(Product).values(description=BLOCK, warranty=ONE_LINE[:500]))
        u.session.execute(
            update(Customer).where(Customer.id == "CUST-9821").values(address2=ONE_LINE[:200])
        )
        u.session.execute(update(TrackingEvent).values(description=ONE_LINE[:500]))
        u.commit()


def _watch(context, seen: list[str]) -> None:
    """Record every request; one for another host is recorded and aborted, so the test
    itself never reaches the network."""

    def handle(route) -> None:
        seen.append(route.request.url)
        if urlparse(route.request.url).hostname in ("127.0.0.1", None):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", handle)


def _foreign(seen: list[str]) -> list[str]:
    return [u for u in seen if urlparse(u).hostname not in ("127.0.0.1", None) and not
            u.startswith(("data:", "blob:", "about:"))]  # fmt: skip


def _images(page) -> list[str]:
    return page.eval_on_selector_all("img", "els => els.map(e => e.currentSrc || e.src)")


def test_no_request_leaves_127_0_0_1_whatever_the_text(running_app, browser, artifacts):
    _plant(running_app.database_url)
    seen: list[str] = []

    customer = browser.new_context(viewport={"width": 1280, "height": 900})
    _watch(customer, seen)
    page = customer.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(running_app.url)
    page.get_by_text("How can we help?").wait_for()
    # Sarah has the most orders: she is the demo pick's first (default) choice.
    page.get_by_text("Customer", exact=True).first.wait_for()
    page.get_by_role("button", name="Continue").first.click()
    page.get_by_text("Support chat").wait_for()
    _ask(page, ONE_LINE[:3_900])
    _idle(page)
    _ask(page, "Tell me about the UHD-4K-55 TV")
    _idle(page)
    _ask(page, "Where is my order ORD-78342?")
    _idle(page)
    page.get_by_text(re.compile(r"\(image: pixel\)")).first.wait_for()
    page.screenshot(path=str(artifacts / "security-chat.png"), full_page=True)
    customer_images = _images(page)
    customer.close()

    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    _watch(staff, seen)
    page = staff.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{running_app.url}/inbox")
    page.get_by_text("Staff sign-in").wait_for()
    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Staff password").fill("browser-test-pass")
    page.get_by_role("button", name="Sign in as staff").click()
    page.get_by_text("Ana", exact=True).first.wait_for()
    _idle(page)
    page.get_by_role("link", name="Store").first.click()  # same session, no reload
    page.get_by_role("tab", name="Products").click()
    page.get_by_text("Stock by warehouse").first.wait_for()
    _idle(page)
    page.screenshot(path=str(artifacts / "security-store.png"), full_page=True)
    staff_images = _images(page)
    staff.close()

    # Control: the watcher does catch an outside image when one is really requested.
    control: list[str] = []
    probe = browser.new_context()
    _watch(probe, control)
    probe_page = probe.new_page()
    probe_page.set_content('<img src="https://evil.example/control.png">')
    probe_page.wait_for_timeout(500)
    probe.close()
    assert _foreign(control) == ["https://evil.example/control.png"]

    assert seen, "the watcher saw the app's own requests"
    assert _foreign(seen) == []
    for src in customer_images + staff_images:
        assert urlparse(src).hostname in ("127.0.0.1", None), src
