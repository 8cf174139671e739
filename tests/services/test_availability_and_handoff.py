"""Availability (stock, nearest warehouse, estimates) and hand-off tickets."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from seed_data.demo import load_demo
from services.availability import add_business_days, check_availability, zip_distance
from services.errors import InvalidRequest, NotFound
from services.handoff import open_handoff
from services.models import Actor, Conversation, HandoffTicket
from services.uow import UowFactory

MONDAY = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)


@pytest.fixture
def demo(uow_factory: UowFactory) -> UowFactory:
    load_demo(uow_factory)
    return uow_factory


def test_zip_prefix_distance_rule() -> None:
    assert zip_distance("46202", "60607") == 144
    assert zip_distance("98101", "98108") == 0
    assert zip_distance("01304-001", "02101") == 8
    assert zip_distance("SW1A 1AA", "60607") is None
    assert add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Fri -> Mon


def test_tv_ships_from_chicago_only(demo: UowFactory) -> None:
    got = check_availability(demo, sku="UHD-4K-55", quantity_needed=2, zip_code="46202", now=MONDAY)
    assert got.can_fulfill and got.total_quantity == 3
    assert got.nearest_warehouse is not None and got.nearest_warehouse.warehouse_id == "WH-CHI"
    assert got.ships_in_days == 1 and got.transit_days == 2
    assert got.estimated_delivery == date(2026, 11, 19)
    per_wh = {w.warehouse_id: w.quantity for w in got.variants[0].warehouses}
    assert per_wh == {"WH-CHI": 3, "WH-DAL": 0, "WH-LAX": 0, "WH-SEA": 0}


def test_too_many_cannot_be_met(demo: UowFactory) -> None:
    got = check_availability(demo, sku="UHD-4K-55", quantity_needed=4)
    assert not got.can_fulfill and got.estimated_delivery is None
    assert got.note == "Only 3 in stock; 4 needed."


def test_nearest_warehouse_holding_the_quantity(demo: UowFactory) -> None:
    got = check_availability(demo, sku="UCC-2M", quantity_needed=50, zip_code="98101")
    assert got.nearest_warehouse and got.nearest_warehouse.warehouse_id == "WH-SEA"
    got = check_availability(demo, sku="UCC-2M", quantity_needed=100, zip_code="98101")
    # Seattle holds 90: the nearest that holds 100 is Los Angeles (981 vs 900)
    assert got.nearest_warehouse and got.nearest_warehouse.warehouse_id == "WH-LAX"
    assert got.ships_in_days == 1


def test_stock_spread_over_warehouses_ships_a_day_later(demo: UowFactory) -> None:
    got = check_availability(demo, sku="BKP-30L-NVY", quantity_needed=10, zip_code="60601")
    assert got.can_fulfill and got.ships_in_days == 2
    assert got.total_quantity == 12


def test_out_of_stock_and_discontinued(demo: UowFactory) -> None:
    green = check_availability(demo, sku="SWX-300-45-GRN")
    assert not green.can_fulfill and green.note == "Out of stock in every warehouse."
    blue = check_availability(demo, sku="MKR-104-BLU")
    assert not blue.can_fulfill and "discontinued" in blue.note


def test_product_id_covers_every_variant(demo: UowFactory) -> None:
    got = check_availability(demo, sku="HPN-700", quantity_needed=1)
    assert {v.item_id for v in got.variants} == {"HPN-700-BLK", "HPN-700-SLV"}
    assert got.total_quantity == 49 + 12
    assert got.transit_days == 5  # no zip: the standard estimate


def test_bad_availability_requests(demo: UowFactory) -> None:
    with pytest.raises(InvalidRequest):
        check_availability(demo, sku="UCC-2M", quantity_needed=0)
    with pytest.raises(NotFound):
        check_availability(demo, sku="NOPE-1")


def test_handoff_opens_a_ticket(demo: UowFactory) -> None:
    with demo() as uow:
        uow.session.add(Conversation(id="conv-1", customer_id="CUST-9821", actor=Actor.CUSTOMER))
        uow.commit()
    view = open_handoff(
        demo,
        summary="  Wants a refund outside the window  ",
        reason_category="policy_exception",
        conversation_id="conv-1",
        customer_id="CUST-9821",
    )
    assert view.ticket_id.startswith("HT-") and view.status == "open"
    with demo() as uow:
        ticket = uow.session.get(HandoffTicket, view.ticket_id)
        assert ticket is not None
        assert ticket.summary == "Wants a refund outside the window"
        assert ticket.conversation_id == "conv-1" and ticket.customer_id == "CUST-9821"
        conversation = uow.session.get(Conversation, "conv-1")
        assert conversation is not None and conversation.status == "waiting"


def test_handoff_validates(demo: UowFactory) -> None:
    with pytest.raises(InvalidRequest):
        open_handoff(demo, summary=" ", customer_id=None)
    with pytest.raises(InvalidRequest):
        open_handoff(demo, summary="x", reason_category="vibes", customer_id=None)
    with pytest.raises(NotFound):
        open_handoff(demo, summary="x", conversation_id="nope", customer_id=None)
    assert open_handoff(demo, summary="staff note", customer_id=None).customer_id is None
