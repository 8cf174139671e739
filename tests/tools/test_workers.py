"""Reused daemon threads for tool calls (`app.tools.workers`)."""

from __future__ import annotations

import threading
import time

import pytest

from app.tools.workers import Workers


def test_threads_are_reused_and_results_and_errors_come_back() -> None:
    workers = Workers("test")
    assert workers.submit(lambda: 41 + 1).result(5) == 42
    for _ in range(20):
        workers.submit(threading.current_thread).result(5)
    assert workers.threads == 1  # one call at a time: one thread, reused
    with pytest.raises(ZeroDivisionError):
        workers.submit(lambda: 1 / 0).result(5)
    assert workers.submit(lambda: threading.current_thread().daemon).result(5) is True


def test_a_hung_call_does_not_hold_up_the_next() -> None:
    workers = Workers("test")
    release = threading.Event()
    hung = workers.submit(lambda: release.wait(10))
    started = time.perf_counter()
    assert workers.submit(lambda: "next").result(5) == "next"
    assert time.perf_counter() - started < 2
    assert workers.threads == 2 and not hung.done()
    release.set()
    assert hung.result(5) is True
