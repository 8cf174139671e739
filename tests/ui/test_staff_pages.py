"""AppTest: the staff pages render the demo store and act through services."""

from __future__ import annotations

from tests.ui.conftest import open_page, texts


def test_store_page_shows_an_orders_story(ui_db):
    at = open_page("store")
    at.text_input(key="store_order_q").input("ORD-78342").run()
    assert not at.exception
    body = texts(at)
    assert "ORD-78342" in body and "FastShip Express" in body and "Sarah Johnson" in body


def test_mock_store_page_counts_the_store(ui_db):
    at = open_page("mock_store")
    counts = {m.label: m.value for m in at.metric}
    assert counts["Customers"] == "4" and counts["Orders"] != "0"
