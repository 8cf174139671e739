"""The engine's phrases are data (`app/agent/offline/phrases/*.toml`): one test per entry.

Every phrase of an intent, said on its own, is read as that intent unless a longer phrase
of another intent covers it (so two tables never fight over the same words unnoticed),
and every example sentence of each language's file is read as the intent it names.
"""

from __future__ import annotations

import pytest

from app.agent.offline import lexicon as lx
from app.agent.offline.intents import PRIORITY, _spans, detect_intent
from app.agent.offline.text import GAP, fold_phrase

PHRASES = [
    (lang, intent, phrase)
    for lang in lx.LANGUAGES
    for intent, phrases in lx.load(lang)["intents"].items()
    for phrase in phrases
]
EXAMPLES = [(lang, text, intent) for lang in lx.LANGUAGES for text, intent in lx.examples(lang)]


@pytest.mark.parametrize(("lang", "intent", "phrase"), PHRASES)
def test_each_phrase_is_read_as_its_intent(lang: str, intent: str, phrase: str) -> None:
    assert intent in PRIORITY, f"{intent} has no place in intents.PRIORITY"
    said = fold_phrase(phrase).replace(f" {GAP} ", " any ")
    found, _ = _spans(said)
    assert intent in found, (lang, phrase, found)


@pytest.mark.parametrize(("lang", "text", "intent"), EXAMPLES)
def test_each_example_sentence_is_read_as_its_intent(lang: str, text: str, intent: str) -> None:
    assert detect_intent(text) == intent


def test_every_language_has_the_same_tables() -> None:
    sections = {lang: set(lx.load(lang)) for lang in lx.LANGUAGES}
    assert sections["vi"] == sections["en"] == sections["pt"]
    words = {lang: set(lx.load(lang)["words"]) for lang in lx.LANGUAGES}
    assert words["vi"] == words["en"] == words["pt"]
