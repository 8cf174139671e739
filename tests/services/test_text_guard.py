"""`clean_text` replaces exactly NUL and lone surrogates, whatever else the text holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.text_guard import REPLACEMENT, clean_text


def _by_character(text: str) -> str:
    return "".join(REPLACEMENT if ch == "\x00" or "\ud800" <= ch <= "\udfff" else ch for ch in text)


# Built from characters, not st.text(): that strategy never yields lone surrogates.
_PIECES = st.one_of(st.characters(), st.sampled_from(["\x00", "\ud800", "\udc00", "\udfff"]))


@given(st.lists(_PIECES, max_size=60).map("".join))
def test_clean_text_is_the_per_character_rule(text: str) -> None:
    assert clean_text(text) == _by_character(text)
    if any(ch == "\x00" or "\ud800" <= ch <= "\udfff" for ch in text):
        assert clean_text(text) != text


def test_examples() -> None:
    assert clean_text("Đơn hàng\x00 — \ud800ok") == f"Đơn hàng{REPLACEMENT} — {REPLACEMENT}ok"
    assert clean_text("plain ascii") == "plain ascii"
    assert clean_text("a\x00b") == f"a{REPLACEMENT}b"
