"""Conversations with the offline engine through the real loop (`run_turn`), the real
`support` toolset and dispatcher, on the demo store, in English, Vietnamese and
Portuguese. Sarah Johnson (CUST-9821) is signed in: ORD-78342 is in transit, ORD-66120
delivered five days ago, ORD-30987 delivered outside the return window, ORD-92010
pending; ORD-60215 is Michael Chen's."""

from __future__ import annotations

import pytest

from seed_data.demo import load_demo
from services.uow import UowFactory
from tests.agent.offline.live import LiveChat
from tests.agent.offline.scenarios import CONVERSATIONS


@pytest.fixture
def chat(uow_factory: UowFactory) -> LiveChat:
    load_demo(uow_factory)
    return LiveChat(uow_factory)


@pytest.mark.parametrize(
    ("intent", "lang"), [(i, lang) for i, by in CONVERSATIONS.items() for lang in by]
)
def test_every_intent_in_every_language(chat: LiveChat, intent: str, lang: str) -> None:
    for text, tools, words in CONVERSATIONS[intent][lang]:
        turn = chat.say(text)
        assert turn.tools == tools, text
        for word in words:
            assert word in turn.text, (text, turn.text)
