"""A generated store of 200 products: a product named in words is found by its name (typos
forgiven), several that fit get a short "which one?" list, and nothing lists the whole
catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from seed_data.generator import GenerateSpec, generate_store
from services import schema
from services.db import get_engine
from services.models import Customer, Product
from services.uow import UowFactory
from tests.agent.offline.live import LiveChat

AS_OF = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[UowFactory, str]]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('catalogue')) / 'store.db'}"
    schema.upgrade(url)
    factory = UowFactory(get_engine(url))
    spec = GenerateSpec(customers=3, orders=0, products=200, warehouses=3, seed=11, as_of=AS_OF)
    generate_store(factory, spec)
    with factory() as uow:
        customer = uow.session.scalars(select(Customer.id).limit(1)).one()
    yield factory, customer
    factory.engine.dispose()


def _chat(store: tuple[UowFactory, str]) -> LiveChat:
    factory, customer = store
    return LiveChat(factory, customer_id=customer, clock=lambda: AS_OF)


def _names(store: tuple[UowFactory, str]) -> dict[str, str]:
    with store[0]() as uow:
        return {name: pid for name, pid in uow.session.execute(select(Product.name, Product.id))}


def _typo(name: str) -> str:
    """The name with one letter dropped from its longest word."""
    longest = max(name.split(), key=len)
    return name.replace(longest, longest[:2] + longest[3:], 1)


def test_a_product_named_in_full_or_with_a_typo_is_the_one_checked(
    store: tuple[UowFactory, str],
) -> None:
    names = _names(store)
    # A name no other name contains, with a long word to misspell.
    name = next(
        n
        for n in sorted(names)
        if not any(o != n and n in o for o in names) and max(map(len, n.split())) >= 7
    )
    for text in (f"is the {name} in stock?", f"{_typo(name)} còn hàng không?"):
        turn = _chat(store).say(text)
        assert turn.calls[0][0] == "list_product_types"
        assert turn.calls[1] == ("check_product_availability", {"product_sku": names[name]})
        assert name in turn.text


def test_a_kind_of_product_gets_a_short_which_one_list(store: tuple[UowFactory, str]) -> None:
    names = _names(store)
    headphones = [n for n in names if "Headphones" in n]
    assert len(headphones) > 5  # the question has more answers than it may list
    turn = _chat(store).say("do you have headphones?")
    assert [name for name, _ in turn.calls] == ["list_product_types"]
    listed = [n for n in names if n in turn.text]
    assert 2 <= len(listed) <= 5 and all("Headphones" in n for n in listed)
    assert "Which one" in turn.text and f"{len(headphones) - 5} more" in turn.text


def test_the_catalogue_is_never_listed_whole(store: tuple[UowFactory, str]) -> None:
    names = _names(store)
    for text in ("what do you sell?", "o que vocês vendem?", "I want to buy something"):
        turn = _chat(store).say(text)
        assert sum(n in turn.text for n in names) <= 12, text
