"""The ``openai`` adapter: Chat Completions with streaming and parallel tool calls.

Works against any OpenAI-compatible base URL (OpenAI, DeepSeek, Ollama, vLLM, gateways).
Streamed tool calls arrive in fragments keyed by ``index`` (the id and name in the first
fragment, the arguments spread over many); they are accumulated here and handed to the
loop only once complete. Usage comes in a final chunk with no choices
(``stream_options.include_usage``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.agent.events import Usage
from app.agent.model import (
    ChatMessage,
    ModelEvent,
    ModelFinished,
    StreamBroken,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)
from app.agent.openai_common import OpenAIAdapter, add_options, chat_tools, translate


def to_chat_payload(messages: Sequence[ChatMessage]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in messages:
        if m.role == "tool":
            out.append({"role": "tool", "tool_call_id": m.tool_call_id, "content": m.content})
        elif m.role == "assistant" and m.tool_calls:
            out.append(
                {
                    "role": "assistant",
                    "content": m.content or None,
                    "tool_calls": [
                        {
                            "id": c.call_id,
                            "type": "function",
                            "function": {"name": c.name, "arguments": c.arguments},
                        }
                        for c in m.tool_calls
                    ],
                }
            )
        else:
            out.append({"role": m.role, "content": m.content})
    return out


@dataclass
class _PartialCall:
    call_id: str = ""
    name: str = ""
    arguments: list[str] = field(default_factory=list)


class OpenAIChatModel(OpenAIAdapter):
    provider = "openai"

    def _request(
        self, messages: Sequence[ChatMessage], tools: list[dict[str, Any]], opts: StreamOptions
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": to_chat_payload(messages),
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if opts.max_output_tokens:
            # OpenAI's newer models only take max_completion_tokens; many compatible
            # servers only know max_tokens.
            key = "max_tokens" if self.base_url else "max_completion_tokens"
            body[key] = opts.max_output_tokens
        return add_options(body, chat_tools(tools), opts)

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]:
        opts = options or StreamOptions()
        partial: dict[int, _PartialCall] = {}
        finish_reason: str | None = None
        usage = Usage()
        model_name = self.model
        started = False
        try:
            response = self._client.chat.completions.create(**self._request(messages, tools, opts))
            for chunk in response:
                started = True
                if getattr(chunk, "model", None):
                    model_name = chunk.model
                if chunk.usage is not None:
                    usage = Usage(
                        input_tokens=chunk.usage.prompt_tokens or 0,
                        output_tokens=chunk.usage.completion_tokens or 0,
                    )
                for choice in chunk.choices or []:
                    delta = choice.delta
                    if delta is not None and delta.content:
                        yield TextChunk(delta.content)
                    for frag in (delta.tool_calls if delta is not None else None) or []:
                        slot = partial.setdefault(frag.index, _PartialCall())
                        if frag.id:
                            slot.call_id = frag.id
                        if frag.function is not None:
                            if frag.function.name:
                                slot.name += frag.function.name
                            if frag.function.arguments:
                                slot.arguments.append(frag.function.arguments)
                    if choice.finish_reason:
                        finish_reason = choice.finish_reason
        except Exception as exc:
            raise translate(exc, started_streaming=started) from None
        if finish_reason is None:
            # The body ended cleanly but the answer did not (no finish_reason): a proxy
            # or the server cut the stream.
            raise StreamBroken()
        for index in sorted(partial):
            slot = partial[index]
            yield ToolCallRequest(
                call_id=slot.call_id or f"call_{index}",
                name=slot.name,
                arguments="".join(slot.arguments) or "{}",
            )
        if partial and finish_reason == "stop":
            finish_reason = "tool_calls"  # some servers say stop even when calling tools
        yield ModelFinished(finish_reason=finish_reason, usage=usage, model=model_name)
