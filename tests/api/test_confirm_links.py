"""Destructive tools on a webhook only preview; a signed one-time link applies them."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import select

from services.models import LedgerEntry, Order
from services.uow import UowFactory
from tests.api.conftest import SARAH_PENDING, post_turn, turn_body

LINK = re.compile(r"http://127\.0\.0\.1:\d+(/confirm/[A-Za-z0-9._-]+)")


def _order(uow: UowFactory) -> tuple[str, int]:
    with uow() as u:
        order = u.session.get(Order, SARAH_PENDING)
        assert order is not None
        refunds = u.session.scalars(
            select(LedgerEntry).where(
                LedgerEntry.order_id == SARAH_PENDING, LedgerEntry.transaction_type == "refund"
            )
        ).all()
        return str(order.status), len(refunds)


def _preview_link(client: httpx.Client) -> str:
    body = turn_body("cancel_order", {"order_id": SARAH_PENDING, "reason": "no longer needed"})
    response = post_turn(client, body)
    assert response.status_code == 200
    output = response.json()["output"]
    assert "Nothing has changed yet" in output
    match = LINK.search(output)
    assert match, output
    return match.group(1)


def test_the_link_used_twice_applies_once(serve, demo: UowFactory) -> None:
    client = serve(storedesk_webhook_destructive=True)
    path = _preview_link(client)
    assert _order(demo) == ("pending", 0)
    page = client.get(path)
    assert page.status_code == 200 and "Confirm" in page.text and "ORD-92010" in page.text
    assert "<script" not in page.text and "http" not in page.text.split("<body>")[1]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert _order(demo) == ("pending", 0)  # showing the page changes nothing
    first = client.post(path, data={"decision": "confirm"})
    assert first.status_code == 200 and "Done" in first.text
    second = client.post(path, data={"decision": "confirm"})
    assert second.status_code == 200 and "already confirmed" in second.text
    assert _order(demo) == ("cancelled", 1)


def test_cancel_on_the_page_changes_nothing(serve, demo: UowFactory) -> None:
    client = serve(storedesk_webhook_destructive=True)
    path = _preview_link(client)
    assert client.post(path, data={"decision": "cancel"}).status_code == 200
    assert client.post(path, data={"decision": "confirm"}).status_code == 409
    assert _order(demo) == ("pending", 0)


def test_a_forged_or_damaged_link_is_refused(serve, demo: UowFactory) -> None:
    client = serve(storedesk_webhook_destructive=True)
    path = _preview_link(client)
    damaged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    assert client.get(damaged).status_code == 404
    assert client.post(damaged, data={"decision": "confirm"}).status_code == 404
    assert client.get("/confirm/<script>alert(1)</script>").status_code == 404
    assert _order(demo) == ("pending", 0)
