"""The conversation suite: customers' phrasings in English, Vietnamese and Portuguese for
every support intent, through the real loop (`run_turn`), `support` toolset and demo
store. Each asserts the tool calls with their arguments and the facts of the answer.

`pytest tests/agent/offline/test_phrasings.py -q -k "[en-"` counts one language's passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from seed_data.demo import load_demo
from services import schema
from services.db import get_engine
from services.uow import UowFactory
from tests.agent.offline.live import LiveChat
from tests.agent.offline.phrasings import Case, en, pt, vi

SUITE = {"en": en.CASES, "vi": vi.CASES, "pt": pt.CASES}
PARAMS = [
    pytest.param(lang, case, id=f"{lang}-{n:02d}-{case.intent}")
    for lang, cases in SUITE.items()
    for n, case in enumerate(cases)
]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UowFactory]:
    """One demo store for the module: the suite's writes stop at previews (nothing is
    confirmed), so cases cannot see each other's changes; hand-offs are per conversation.
    An engine test, not a data-layer one: SQLite only."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('phrasings')) / 'demo.db'}"
    schema.upgrade(url)
    engine = get_engine(url)
    factory = UowFactory(engine)
    load_demo(factory)
    yield factory
    engine.dispose()


def _fits(actual: dict[str, Any], expected: dict[str, Any]) -> bool:
    return all(actual.get(k) == v for k, v in expected.items())


@pytest.mark.parametrize(("lang", "case"), PARAMS)
def test_phrasing(demo_store: UowFactory, lang: str, case: Case) -> None:
    chat = LiveChat(demo_store, customer_id=case.customer)
    for text in case.before:
        chat.say(text)
    turn = chat.say(case.text)
    assert [name for name, _ in turn.calls] == [name for name, _ in case.calls], (
        case.text,
        turn.calls,
        turn.text,
    )
    for (_, args), (_, expected) in zip(turn.calls, case.calls, strict=True):
        assert _fits(args, expected), (case.text, args, expected)
    for word in case.words:
        assert word in turn.text, (case.text, word, turn.text)


@pytest.mark.parametrize("lang", list(SUITE))
def test_at_least_thirty_phrasings_per_language_and_every_intent(lang: str) -> None:
    cases = SUITE[lang]
    assert len(cases) >= 30
    intents = {c.intent for c in cases}
    assert {
        "order_status",
        "tracking",
        "availability",
        "product_info",
        "account",
        "return",
        "cancel",
        "change_address",
        "change_payment",
        "change_items",
        "exchange",
        "human",
        "catalog",
    } <= intents
