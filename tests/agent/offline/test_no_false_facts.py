"""No false facts: in every availability, order and product answer of the offline engine,
over the demo store and a generated store, each number, order status, colour and date
appears in what the tools answered in that turn (see `facts.unsupported`).

The generated store is small, from a fixed seed and as-of date, and the tools' clock is
set to that date, so delivery estimates are the store's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from seed_data.demo import ORDERS, PRODUCTS, load_demo
from seed_data.generator import GenerateSpec, generate_store
from services import schema
from services.db import get_engine
from services.models import Order, Product, Variant
from services.uow import UowFactory
from tests.agent.offline.facts import unsupported
from tests.agent.offline.live import LiveChat

AS_OF = datetime(2026, 3, 2, tzinfo=UTC)
QUESTIONS = {
    "availability": {
        "en": ["is {p} in stock?", "how many {p} are left? i need 3"],
        "vi": ["{p} còn hàng không?", "còn {p} ko, mình cần 3 cái"],
        "pt": ["tem {p} em estoque?", "ainda tem {p}? preciso de 3"],
    },
    "colour": {
        "en": ["is the {p} in {c} available?"],
        "vi": ["{p} màu {c} còn hàng không?"],
        "pt": ["tem o {p} na cor {c}?"],
    },
    "product": {
        "en": ["tell me about {p}", "what's the warranty and shipping for {p}?"],
        "vi": ["thông tin sản phẩm {p}", "bảo hành và phí ship của {p}?"],
        "pt": ["me fala do {p}", "qual a garantia e o frete do {p}?"],
    },
    "order": {
        "en": ["where is {o}?"],
        "vi": ["đơn {o} đâu rồi?"],
        "pt": ["cadê o pedido {o}?"],
    },
}


def _store(tmp: pytest.TempPathFactory, name: str) -> UowFactory:
    url = f"sqlite:///{Path(tmp.mktemp(name)) / 'store.db'}"
    schema.upgrade(url)
    return UowFactory(get_engine(url))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UowFactory]:
    store = _store(tmp_path_factory, "demo")
    load_demo(store)
    yield store
    store.engine.dispose()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UowFactory]:
    store = _store(tmp_path_factory, "generated")
    spec = GenerateSpec(
        customers=12,
        orders=40,
        products=12,
        warehouses=3,
        locales=("en_US", "vi_VN", "pt_BR"),
        seed=2026,
        as_of=AS_OF,
    )
    generate_store(store, spec)
    yield store
    store.engine.dispose()


def _check(chat: LiveChat, text: str, lang: str) -> list[str]:
    turn = chat.say(text)
    assert turn.results, (text, turn.text)  # every such answer rests on a tool result
    problems = unsupported(turn.text, turn.results, lang, text)
    return [f"{text!r}: {p} in {turn.text!r}" for p in problems]


@pytest.mark.parametrize("lang", ["en", "vi", "pt"])
def test_demo_store_answers_state_only_tool_facts(demo: UowFactory, lang: str) -> None:
    problems: list[str] = []
    products = [p["id"] for p in PRODUCTS]
    variants = [v[0] for p in PRODUCTS for v in p["variants"] if v[0] not in products]
    for sku in products + variants:
        for kind in ("availability", "product"):
            # Every phrasing for a product, the first for each of its variants.
            for q in QUESTIONS[kind][lang][: 2 if sku in products else 1]:
                problems += _check(LiveChat(demo), q.format(p=sku), lang)
    for product, colour in (("smart watch", "green"), ("headphones", "silver")):
        for q in QUESTIONS["colour"][lang]:
            problems += _check(LiveChat(demo), q.format(p=product, c=colour), lang)
    for order in ORDERS:
        chat = LiveChat(demo, customer_id=order["customer"])
        for q in QUESTIONS["order"][lang]:
            problems += _check(chat, q.format(o=order["id"]), lang)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "vi", "pt"])
def test_generated_store_answers_state_only_tool_facts(generated: UowFactory, lang: str) -> None:
    with generated() as uow:
        products = uow.session.execute(select(Product.id, Product.name).order_by(Product.id)).all()
        colours = {
            pid: opts.get("color")
            for pid, opts in uow.session.execute(select(Variant.product_id, Variant.options))
            if isinstance(opts, dict) and opts.get("color")
        }
        orders = uow.session.execute(
            select(Order.id, Order.customer_id).order_by(Order.id).limit(10)
        ).all()
    assert products and orders

    def chat(customer: str = orders[0][1]) -> LiveChat:
        return LiveChat(generated, customer_id=customer, clock=lambda: AS_OF)

    problems: list[str] = []
    for pid, name in products[:8]:
        for kind in ("availability", "product"):
            for q in QUESTIONS[kind][lang]:
                problems += _check(chat(), q.format(p=pid), lang)
        colour = colours.get(pid)
        if colour:
            for q in QUESTIONS["colour"][lang]:
                problems += _check(chat(), q.format(p=name, c=colour), lang)
    for order_id, customer_id in orders:
        for q in QUESTIONS["order"][lang]:
            problems += _check(chat(customer_id), q.format(o=order_id), lang)
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_number_status_colour_or_date_no_tool_gave() -> None:
    results = [{"total_quantity": 30, "status": "in_transit", "options": {"color": "black"}}]
    assert unsupported("X is in stock: 30 units, black.", results, "en", "") == []
    assert unsupported("X is in stock: 48 units.", results, "en", "") == ["48"]
    assert unsupported("Order A is delivered.", results, "en", "") == ["delivered"]
    assert unsupported("SWX-300 in green: 30.", results, "en", "") == ["300", "green"]
    assert unsupported("Arrives Dec 9, 2026.", results, "en", "") == ["9", "2026"]
