"""Insights figures from a seeded set of conversations, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from seed_data.demo import load_demo
from services.errors import InvalidRequest
from services.insights import compute_insights
from services.models import TicketStatus
from services.pricing import DEFAULT_PRICES, ModelPrice, price_for
from tests.conversation_factory import T0, Turn, add_conversation

DAY = timedelta(days=1)


@pytest.fixture
def seeded(uow_factory):
    load_demo(uow_factory)
    add_conversation(
        uow_factory,
        at=T0,
        turns=[
            Turn(
                "where is ORD-78342",
                "In transit",
                100,
                tools=[("get_order_status", "ok", 10)],
                rating=1,
            ),
            Turn("thanks", "You're welcome", 300, tools=[("get_order_status", "ok", 30)]),
        ],
    )
    add_conversation(
        uow_factory,
        at=T0 + timedelta(hours=2),
        turns=[
            Turn(
                "refund please",
                "Handing you over",
                500,
                model="gpt-4.1-2025-04-14",
                input_tokens=1000,
                output_tokens=200,
                tools=[("process_return", "error", 50)],
                rating=-1,
            )
        ],
        ticket="HT-1",
        ticket_status=TicketStatus.OPEN,
    )
    add_conversation(
        uow_factory,
        at=T0 + DAY,
        turns=[
            Turn(
                "stock of UHD-4K-55",
                "3 in Chicago",
                900,
                model="claude-sonnet-4-5",
                input_tokens=2_000_000,
                output_tokens=100_000,
                tools=[("get_order_status", "ok", 20)],
            )
        ],
    )
    add_conversation(uow_factory, at=T0 + DAY + timedelta(hours=1))  # opened, never answered
    add_conversation(uow_factory, at=T0 - 3 * DAY, turns=[Turn("old", "old", 99_999)])
    return uow_factory


def test_insights_compute_the_seeded_figures(seeded):
    got = compute_insights(seeded, start=T0 - timedelta(hours=1), end=T0 + 2 * DAY)

    assert got.conversations == 4
    assert got.handed_off == 1
    assert got.handoff_rate == 0.25
    assert got.resolved_without_handoff == 2
    assert got.turns == 4
    assert got.turns_per_conversation == 1.0
    # turn latency = answer time + tool time: 110, 330, 550, 920
    assert (got.p50_latency_ms, got.p95_latency_ms) == (330, 920)
    assert (got.tool_calls, got.tool_errors, got.tool_error_rate) == (4, 1, 0.25)
    by_tool = {t.name: t for t in got.tools}
    assert (by_tool["get_order_status"].calls, by_tool["get_order_status"].p95_ms) == (3, 30)
    assert by_tool["process_return"].error_rate == 1.0
    by_model = {m.model: m for m in got.models}
    assert by_model["offline"].cost == Decimal("0")
    assert by_model["gpt-4.1-2025-04-14"].cost == Decimal("0.0036")
    assert by_model["claude-sonnet-4-5"].cost == Decimal("7.5000")
    assert got.total_cost == Decimal("7.5036")
    assert (got.feedback_up, got.feedback_down) == (1, 1)
    assert [(d.day.isoformat(), d.conversations, d.handed_off) for d in got.daily] == [
        ("2026-03-02", 2, 1),
        ("2026-03-03", 2, 0),
    ]


def test_an_empty_range_gives_zeros_not_errors(seeded):
    got = compute_insights(seeded, start=T0 + 10 * DAY, end=T0 + 11 * DAY)
    assert got.conversations == 0 and got.handoff_rate == 0.0
    assert got.p50_latency_ms is None and got.tools == [] and got.total_cost == 0


def test_a_custom_price_table_changes_the_cost(seeded):
    prices = [
        ModelPrice(
            label="Sonnet",
            patterns="sonnet",
            input_per_million=Decimal("1"),
            output_per_million=Decimal("1"),
        )
    ]
    got = compute_insights(seeded, start=T0, end=T0 + 2 * DAY, prices=prices)
    by_model = {m.model: m for m in got.models}
    assert by_model["claude-sonnet-4-5"].cost == Decimal("2.1000")
    assert by_model["gpt-4.1-2025-04-14"].cost is None  # no price: shown as unknown


def test_a_backwards_range_is_refused(uow_factory):
    with pytest.raises(InvalidRequest):
        compute_insights(uow_factory, start=T0, end=T0 - DAY)


@pytest.mark.parametrize(
    ("model", "label"),
    [
        ("gpt-4.1", "GPT-4.1"),
        ("claude-sonnet-4.5", "Claude Sonnet 4.5"),
        ("gemini-2.5-flash", "Gemini 2.5 Flash"),
        ("deepseek-chat", "DeepSeek V3.2"),
        ("offline", "Offline engine"),
    ],
)
def test_default_prices_match_the_usual_model_names(model, label):
    price = price_for(model, DEFAULT_PRICES)
    assert price is not None and price.label == label


def test_the_longest_pattern_wins():
    table = [
        *DEFAULT_PRICES,
        ModelPrice(
            label="mini",
            patterns="gpt-4.1-mini",
            input_per_million=Decimal("0.4"),
            output_per_million=Decimal("1.6"),
        ),
    ]
    assert price_for("gpt-4.1-mini", table).label == "mini"
    assert price_for("llama3", table) is None
