"""A model that replays a script: for tests, demos and hostile-input drills.

Each ``stream`` call consumes the next step of the script. A step is one of:
- a `Step` (text and/or tool calls, optional usage, optional fault raised after some
  chunks) — built with `reply`, `call`, `calls`, `fault`;
- a list of raw `ModelEvent`s and exceptions, replayed verbatim (an exception is raised
  where it stands, after the events before it were yielded);
- a callable ``(messages, tools) -> step`` for replies that depend on what came before
  (e.g. a model that calls a tool forever: ``ScriptedModel(forever=call(...))``).

Every call's input is kept in ``seen`` for assertions.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.agent.events import Usage
from app.agent.model import (
    ChatMessage,
    ModelEvent,
    ModelFault,
    ModelFinished,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)


class ScriptExhausted(ModelFault):
    code = "script_exhausted"
    default_message = "The scripted model has no more replies."


@dataclass(frozen=True)
class Step:
    text: str = ""
    tool_calls: tuple[ToolCallRequest, ...] = ()
    usage: Usage = field(default_factory=lambda: Usage(input_tokens=10, output_tokens=5))
    chunk_size: int = 8  # text is streamed in pieces of this many characters
    fault: BaseException | None = None  # raised after `fault_after_chunks` text chunks
    fault_after_chunks: int = 0
    response_id: str | None = None


_ids = itertools.count(1)


def _args_text(arguments: dict[str, Any] | str) -> str:
    return arguments if isinstance(arguments, str) else json.dumps(arguments)


def call(name: str, arguments: dict[str, Any] | str | None = None, *, call_id: str = "") -> Step:
    """One tool call; ``arguments`` may be a raw (even malformed) JSON string."""
    return calls((name, arguments or {}), call_ids=[call_id] if call_id else None)


def calls(
    *pairs: tuple[str, dict[str, Any] | str], call_ids: Sequence[str] | None = None, text: str = ""
) -> Step:
    """Several tool calls in one response (run concurrently by the loop)."""
    ids = list(call_ids or [f"call_{next(_ids)}" for _ in pairs])
    requests = tuple(
        ToolCallRequest(call_id=cid, name=name, arguments=_args_text(args))
        for cid, (name, args) in zip(ids, pairs, strict=True)
    )
    return Step(text=text, tool_calls=requests)


def reply(text: str, **kwargs: Any) -> Step:
    return Step(text=text, **kwargs)


def fault(exc: BaseException, *, text: str = "", after_chunks: int = 0) -> Step:
    return Step(text=text, fault=exc, fault_after_chunks=after_chunks)


ScriptItem = Step | list[Any] | Callable[[Sequence[ChatMessage], list[dict[str, Any]]], Any]


class ScriptedModel:
    provider = "scripted"
    in_process = True  # no I/O: read on the turn's thread (app.agent.bounded)

    def __init__(
        self,
        script: Sequence[ScriptItem] = (),
        *,
        forever: ScriptItem | None = None,
        model: str = "scripted",
    ) -> None:
        self._script = list(script)
        self._forever = forever
        self.model = model
        self.label = f"scripted: {model}"
        self.seen: list[tuple[list[ChatMessage], list[dict[str, Any]]]] = []

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        self.seen.append((list(messages), list(tools)))
        if self._script:
            item: Any = self._script.pop(0)
        elif self._forever is not None:
            item = self._forever
        else:
            raise ScriptExhausted()
        while callable(item) and not isinstance(item, Step):
            item = item(messages, tools)
        if isinstance(item, Step):
            yield from self._play(item)
        else:
            for event in item:
                if isinstance(event, BaseException):
                    raise event
                yield event

    def _play(self, step: Step) -> Iterator[ModelEvent]:
        size = max(1, step.chunk_size)
        chunks = [step.text[i : i + size] for i in range(0, len(step.text), size)]
        for index, chunk in enumerate(chunks):
            if step.fault is not None and index == step.fault_after_chunks:
                raise step.fault
            yield TextChunk(chunk)
        if step.fault is not None:
            raise step.fault
        yield from step.tool_calls
        yield ModelFinished(
            finish_reason="tool_calls" if step.tool_calls else "stop",
            usage=step.usage,
            response_id=step.response_id,
            model=self.model,
        )

    @property
    def remaining(self) -> int:
        return len(self._script)
