"""How the loop reads a model's stream: in-process engines on the turn's thread, network
adapters on a reused worker thread; the turn's deadline holds either way."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from app.agent.bounded import STREAMS, TurnDeadline, bounded_stream
from app.agent.model import ChatMessage, ModelEvent, ModelFinished, StreamOptions, TextChunk


class Slow:
    """Yields a word every ``every_s`` seconds; records the thread that reads it."""

    provider, model, label = "test", "slow", "slow"

    def __init__(self, *, in_process: bool, words: int = 50, every_s: float = 0.05) -> None:
        self.in_process = in_process
        self.words, self.every_s = words, every_s
        self.threads: set[int] = set()
        self.closed = False

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        try:
            for i in range(self.words):
                self.threads.add(threading.get_ident())
                time.sleep(self.every_s)
                yield TextChunk(f"w{i} ")
            yield ModelFinished()
        finally:
            self.closed = True


def _read(model: Slow, *, deadline_s: float, max_chars: int = 10_000) -> list[ModelEvent]:
    events: list[ModelEvent] = []
    stream = bounded_stream(
        model, [], [], None, deadline=time.monotonic() + deadline_s, max_chars=max_chars
    )
    for event in stream:
        events.append(event)
    return events


def test_an_in_process_engine_is_read_on_the_turns_thread() -> None:
    model = Slow(in_process=True, words=3, every_s=0)
    events = _read(model, deadline_s=5)
    assert model.threads == {threading.get_ident()}
    assert [e.text for e in events if isinstance(e, TextChunk)] == ["w0 ", "w1 ", "w2 "]
    assert isinstance(events[-1], ModelFinished) and model.closed


@pytest.mark.parametrize("in_process", [True, False])
def test_the_deadline_ends_a_slow_stream_either_way(in_process: bool) -> None:
    model = Slow(in_process=in_process, words=100, every_s=0.05)
    started = time.monotonic()
    with pytest.raises(TurnDeadline):
        _read(model, deadline_s=0.3)
    assert time.monotonic() - started < 2
    if not in_process:
        assert threading.get_ident() not in model.threads


def test_network_streams_reuse_their_reader_threads() -> None:
    model = Slow(in_process=False, words=2, every_s=0)
    _read(model, deadline_s=5)
    time.sleep(0.05)  # the reader marks itself idle just after handing over the end
    started = STREAMS.threads
    for _ in range(5):
        _read(model, deadline_s=5)
        time.sleep(0.05)
    assert STREAMS.threads == started  # one request at a time: the same idle thread


def test_the_answer_allowance_cuts_an_in_process_stream_and_closes_it() -> None:
    model = Slow(in_process=True, words=10, every_s=0)
    events = _read(model, deadline_s=5, max_chars=7)
    assert "".join(e.text for e in events if isinstance(e, TextChunk)) == "w0 w1 w"
    assert isinstance(events[-1], ModelFinished) and events[-1].finish_reason == "length"
    assert model.closed
