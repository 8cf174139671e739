"""The ``openai-responses`` adapter: the Responses API flow.

A response's tool calls are ``function_call`` output items, each with a ``call_id``; the
answers go back as ``function_call_output`` items, all of one response together in the
next request. Two modes:
- chained (default): the next request names ``previous_response_id`` (the ``response_id``
  of the last assistant message) and sends only what came after it; the server keeps the
  rest. Without a known response id (e.g. history loaded from the database) the full
  input is sent and the chain starts again.
- stateless: always the full input and ``store: false``, for servers that keep no state.
"""

from __future__ import annotations

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
from app.agent.openai_common import make_client, translate
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


class OpenAIResponsesModel:
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
        self.model = model
        self.stateless = stateless
        self.label = f"openai-responses: {model}"
        self._client = make_client(
            api_key=api_key, base_url=base_url, timeout_s=timeout_s, max_retries=max_retries
        )

    def _request(
        self, messages: Sequence[ChatMessage], tools: list[dict[str, Any]], opts: StreamOptions
    ) -> dict[str, Any]:
        instructions = "\n\n".join(m.content for m in messages if m.role == "system")
        previous, fresh = (None, messages) if self.stateless else split_for_chain(messages)
        body: dict[str, Any] = {
            "model": self.model,
            "input": to_input_items(fresh),
            "stream": True,
        }
        if instructions:
            body["instructions"] = instructions  # not inherited through previous_response_id
        if previous:
            body["previous_response_id"] = previous
        if self.stateless:
            body["store"] = False
        if tools:
            body["tools"] = chat_to_responses(tools)
            if not opts.parallel_tool_calls:
                body["parallel_tool_calls"] = False
        if opts.max_output_tokens:
            body["max_output_tokens"] = opts.max_output_tokens
        if opts.temperature is not None:
            body["temperature"] = opts.temperature
        return body

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
        try:
            response = self._client.responses.create(**self._request(messages, tools, opts))
            for event in response:
                started = True
                kind = getattr(event, "type", "")
                if kind == "response.output_text.delta":
                    if event.delta:
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
