"""A model's stream with the turn's bounds applied, whatever the adapter or the server.

- **Deadline**: a network stream is read on a worker thread and handed over through a
  queue; the turn waits only until its deadline. A server that trickles keep-alives
  (which the SDK swallows, so the adapter never gets control back) cannot hold the turn
  open: at the deadline the turn ends with `TurnDeadline`, and the worker stops at its
  next event. An adapter that declares ``in_process = True`` (the offline engine, the
  scripted test model) does no I/O, so it is read on the turn's thread with the deadline
  checked between events: a thread handover per event costs more than its decisions.
- **Answer length**: text beyond the turn's remaining allowance is dropped and the
  response ends there as if the model had stopped (finish reason ``length``).
- **Tool calls**: names, call ids and arguments are cleaned (NUL, lone surrogates) and
  bounded before the loop stores anything (`bound_call`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import queue
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from typing import Any

from app.agent.model import (
    ChatMessage,
    ModelAdapter,
    ModelEvent,
    ModelFault,
    ModelFinished,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)
from app.limits import (
    MAX_CALL_ID_CHARS,
    MAX_TOOL_ARGUMENT_CHARS,
    MAX_TOOL_NAME_CHARS,
    TOO_LONG_KEY,
    clean_text,
)
from app.tools.workers import Workers


class TurnDeadline(ModelFault):
    code = "turn_deadline"
    default_message = (
        "The assistant took too long to answer, so this turn was stopped. Please try again."
    )


_END = object()
# Reused daemon threads that read network streams (none started per model request).
STREAMS = Workers("model-stream")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def bound_call(call: ToolCallRequest) -> ToolCallRequest:
    """The call as it may be stored and dispatched: every field cleaned and bounded.

    An over-long name becomes one no tool has (it contains "~"); an over-long call id a
    short one derived from it (the model's later references stay consistent); over-long
    arguments an object the dispatcher refuses as invalid arguments, saying why.
    """
    name = clean_text(call.name)
    if len(name) > MAX_TOOL_NAME_CHARS:
        name = f"{name[:40]}~{_digest(name)[:16]}"
    call_id = clean_text(call.call_id)
    if len(call_id) > MAX_CALL_ID_CHARS:
        call_id = f"call_{_digest(call_id)[:32]}"
    arguments = call.arguments
    if len(arguments) > MAX_TOOL_ARGUMENT_CHARS:
        arguments = json.dumps(
            {
                TOO_LONG_KEY: f"{len(arguments)} characters were sent; the limit "
                f"is {MAX_TOOL_ARGUMENT_CHARS}."
            }
        )
    else:
        arguments = clean_text(arguments)
    if (name, call_id, arguments) == (call.name, call.call_id, call.arguments):
        return call
    return ToolCallRequest(call_id=call_id, name=name, arguments=arguments)


def _pump(
    model: ModelAdapter,
    messages: Sequence[ChatMessage],
    tools: list[dict[str, Any]],
    options: StreamOptions | None,
    out: queue.SimpleQueue[Any],
    stop: threading.Event,
) -> None:
    stream = None
    try:
        stream = model.stream(messages, tools, options)
        for event in stream:
            if stop.is_set():
                break
            out.put(event)
    except BaseException as exc:  # handed to the turn's thread, raised there
        out.put(exc)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            with contextlib.suppress(Exception):
                close()  # ends the HTTP response of an SDK stream
        out.put(_END)


def _read_on_worker(
    model: ModelAdapter,
    messages: Sequence[ChatMessage],
    tools: list[dict[str, Any]],
    options: StreamOptions | None,
    deadline: float,
) -> Generator[Any, None, None]:
    """The adapter's events, read on a reused thread; waits only until ``deadline``."""
    out: queue.SimpleQueue[Any] = queue.SimpleQueue()
    stop = threading.Event()
    STREAMS.submit(functools.partial(_pump, model, messages, tools, options, out, stop))
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TurnDeadline()
            try:
                item = out.get(timeout=remaining)
            except queue.Empty:
                raise TurnDeadline() from None
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


def _read_here(
    model: ModelAdapter,
    messages: Sequence[ChatMessage],
    tools: list[dict[str, Any]],
    options: StreamOptions | None,
    deadline: float,
) -> Generator[Any, None, None]:
    """An in-process adapter's events on the turn's own thread, the deadline checked
    between them: it does no I/O that could hold the turn, so no handover is needed."""
    stream = model.stream(messages, tools, options)
    try:
        for item in stream:
            if time.monotonic() >= deadline:
                raise TurnDeadline()
            yield item
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def bounded_stream(
    model: ModelAdapter,
    messages: Sequence[ChatMessage],
    tools: list[dict[str, Any]],
    options: StreamOptions | None,
    *,
    deadline: float,
    max_chars: int,
) -> Iterator[ModelEvent]:
    """``model.stream(...)`` within ``deadline`` (time.monotonic) and ``max_chars`` of text."""
    read = _read_here if getattr(model, "in_process", False) else _read_on_worker
    allowance = max(0, max_chars)
    events = read(model, messages, tools, options, deadline)
    try:
        for item in events:
            if isinstance(item, TextChunk):
                text = clean_text(item.text)
                if len(text) >= allowance:
                    if allowance:
                        yield TextChunk(text[:allowance])
                    yield ModelFinished(finish_reason="length")
                    return
                allowance -= len(text)
                yield TextChunk(text) if text != item.text else item
            elif isinstance(item, ToolCallRequest):
                yield bound_call(item)
            else:
                yield item
    finally:
        events.close()  # stops the worker (or the in-process stream) at its next event
