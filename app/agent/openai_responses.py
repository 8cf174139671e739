"""The ``openai-responses`` adapter: the Responses API flow.

A response's tool calls are ``function_call`` output items, each with a ``call_id``; the
answers go back as ``function_call_output`` items, all of one response together in the
next request. Two modes:
- chained (default): the next request names ``previous_response_id`` (the ``response_id``
  of the last assistant message, or, for history loaded from the database, the id this
  adapter remembers for that exact prefix: `ChainCache`) and sends only what came after
  it; the server keeps the rest. With no known id the full input is sent and the chain
  starts again.
- stateless: always the full input and ``store: false``, for servers that keep no state.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import SecretStr

from app.agent.events import Usage
from app.agent.model import (
    ChatMessage,
    ModelEvent,
    ModelFinished,
    ProviderUnavailable,
    StreamBroken,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)
from app.agent.openai_common import OpenAIAdapter, add_options, translate
from app.tools.schema import chat_to_responses


def to_input_items(messages: Sequence[ChatMessage]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for m in messages:
        if m.role == "system":
            continue  # sent as `instructions`
        if m.role == "tool":
            items.append(
                {"type": "function_call_output", "call_id": m.tool_call_id, "output": m.content}
            )
            continue
        if m.content:
            items.append({"role": m.role, "content": m.content})
        for c in m.tool_calls:
            items.append(
                {
                    "type": "function_call",
                    "call_id": c.call_id,
                    "name": c.name,
                    "arguments": c.arguments,
                }
            )
    return items


def split_for_chain(
    messages: Sequence[ChatMessage],
) -> tuple[str | None, Sequence[ChatMessage]]:
    """(previous_response_id, the messages the server has not seen yet)."""
    for index in range(len(messages) - 1, -1, -1):
        m = messages[index]
        if m.role == "assistant" and m.response_id:
            return m.response_id, messages[index + 1 :]
    return None, messages


def _prefix_digests(items: list[dict[str, Any]]) -> list[str]:
    """digests[k] identifies items[:k]; one running hash, so linear in the input size."""
    running = hashlib.sha256()
    out = [running.hexdigest()]
    for item in items:
        running.update(json.dumps(item, sort_keys=True).encode())
        out.append(running.hexdigest())
    return out


class ChainCache:
    """Which response id continues which conversation prefix, across turns.

    Messages loaded from the database carry no response id; the input they convert to
    does. After each response we remember the digest of "everything sent + what the
    model answered"; the next request finds its longest remembered prefix and sends only
    the rest. Bounded, process-local: a miss just means sending the full input.
    """

    def __init__(self, size: int = 256) -> None:
        self._ids: OrderedDict[str, str] = OrderedDict()
        self._size = size

    def remember(self, items: list[dict[str, Any]], response_id: str) -> None:
        key = _prefix_digests(items)[-1]
        self._ids[key] = response_id
        self._ids.move_to_end(key)
        while len(self._ids) > self._size:
            self._ids.popitem(last=False)

    def split(self, items: list[dict[str, Any]]) -> tuple[str | None, list[dict[str, Any]]]:
        digests = _prefix_digests(items)
        for k in range(len(items), 0, -1):
            found = self._ids.get(digests[k])
            if found:
                return found, items[k:]
        return None, items


class OpenAIResponsesModel(OpenAIAdapter):
    provider = "openai-responses"

    def __init__(
        self,
        *,
        model: str,
        api_key: str | SecretStr | None = None,
        base_url: str | None = None,
        timeout_s: float = 60.0,
        max_retries: int = 2,
        stateless: bool = False,
    ) -> None:
        super().__init__(
            model=model,
            api_key=api_key,
            base_url=base_url,
            timeout_s=timeout_s,
            max_retries=max_retries,
        )
        self.stateless = stateless
        self._chain = ChainCache()

    def _request(
        self, messages: Sequence[ChatMessage], tools: list[dict[str, Any]], opts: StreamOptions
    ) -> dict[str, Any]:
        instructions = "\n\n".join(m.content for m in messages if m.role == "system")
        if self.stateless:
            previous, items = None, to_input_items(messages)
        else:
            previous, fresh = split_for_chain(messages)
            items = to_input_items(fresh)
            if previous is None:
                previous, items = self._chain.split(items)
        body: dict[str, Any] = {"model": self.model, "input": items, "stream": True}
        if instructions:
            body["instructions"] = instructions  # not inherited through previous_response_id
        if previous:
            body["previous_response_id"] = previous
        if self.stateless:
            body["store"] = False
        if opts.max_output_tokens:
            body["max_output_tokens"] = opts.max_output_tokens
        return add_options(body, chat_to_responses(tools), opts)

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        opts = options or StreamOptions()
        calls: dict[str, ToolCallRequest] = {}
        finished: ModelFinished | None = None
        started = False
        text = ""
        try:
            response = self._client.responses.create(**self._request(messages, tools, opts))
            for event in response:
                started = True
                kind = getattr(event, "type", "")
                if kind == "response.output_text.delta":
                    if event.delta:
                        text += event.delta
                        yield TextChunk(event.delta)
                elif kind == "response.output_item.done":
                    self._collect(event.item, calls)
                elif kind in ("response.completed", "response.incomplete"):
                    finished = self._finish(event.response, calls, kind)
                elif kind in ("response.failed", "error"):
                    raise ProviderUnavailable()
        except Exception as exc:
            raise translate(exc, started_streaming=started) from None
        if finished is None:
            raise StreamBroken()
        if finished.response_id and not self.stateless:
            reply = ChatMessage(role="assistant", content=text, tool_calls=tuple(calls.values()))
            self._chain.remember(to_input_items([*messages, reply]), finished.response_id)
        yield from calls.values()
        if calls:
            finished = ModelFinished(
                finish_reason="tool_calls",
                usage=finished.usage,
                response_id=finished.response_id,
                model=finished.model,
            )
        yield finished

    @staticmethod
    def _collect(item: Any, calls: dict[str, ToolCallRequest]) -> None:
        if getattr(item, "type", "") != "function_call":
            return
        call_id = item.call_id or item.id or f"call_{len(calls)}"
        calls.setdefault(
            call_id,
            ToolCallRequest(
                call_id=call_id, name=item.name or "", arguments=item.arguments or "{}"
            ),
        )

    def _finish(self, resp: Any, calls: dict[str, ToolCallRequest], kind: str) -> ModelFinished:
        # Servers that skip output_item.done events still list the calls in the response.
        for item in getattr(resp, "output", None) or []:
            self._collect(item, calls)
        usage = getattr(resp, "usage", None)
        return ModelFinished(
            finish_reason="length" if kind == "response.incomplete" else "stop",
            usage=Usage(
                input_tokens=getattr(usage, "input_tokens", 0) or 0,
                output_tokens=getattr(usage, "output_tokens", 0) or 0,
            ),
            response_id=getattr(resp, "id", None),
            model=getattr(resp, "model", None) or self.model,
        )
