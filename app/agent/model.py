"""The model-adapter protocol: what every model behind the loop implements.

Adapters (``offline``, ``openai``, ``openai-responses``, ``scripted``) all look the same to
`app.agent.loop.run_turn`:

1. The loop calls ``adapter.stream(messages, tools, options)`` once per *round*.
   - ``messages`` is the whole conversation so far as neutral `ChatMessage` objects: the
     system prompt first, then user / assistant / tool messages in order. An assistant
     message that asked for tools carries ``tool_calls`` (`ToolCallRequest` list); each
     answer to one of them is a ``role="tool"`` message with the matching
     ``tool_call_id``, ``name`` and the dispatcher's JSON string as ``content``.
   - ``tools`` is the toolset rendered in the OpenAI Chat Completions format
     (``[{"type": "function", "function": {"name", "description", "parameters"}}]``);
     adapters for other wire formats convert it (`app.tools.render`).
   - ``options`` (`StreamOptions`) carries limits and session facts an adapter may use
     (the offline engine reads ``actor`` and ``locale``); identity is never taken from it
     by a tool: tools read the `ToolContext` built by the caller.
2. ``stream`` yields `ModelEvent` items, in this order:
   - any number of `TextChunk` (pieces of the visible answer, streamed as they arrive);
   - any number of `ToolCallRequest`, each *complete* (adapters accumulate streamed
     fragments themselves; ``arguments`` is the raw JSON text the model produced, which
     may be malformed: the dispatcher, not the adapter, judges it);
   - exactly one `ModelFinished` last (finish reason, `Usage`, provider response id).
   A response with tool calls ends the round: the loop runs them (concurrently), appends
   the tool messages and calls ``stream`` again. A response without tool calls ends the
   turn.
3. Faults are raised as `ModelFault` subclasses (never a raw SDK or socket exception):
   `ProviderTimeout`, `RateLimited`, `ProviderUnavailable`, `StreamBroken`,
   `BadModelOutput`, `ProviderAuthError`. Each has a stable ``code`` and a ``message`` safe
   to show the user. A fault may come after some `TextChunk`s were already yielded; the
   loop keeps what was said.

Adapters are stateless between calls except for caches: everything they need is in the
messages (the Responses adapter chains ``previous_response_id`` from the
``response_id`` of the last assistant message, falling back to sending the full input).
One adapter instance may serve several conversations, but not concurrently within one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from app.agent.events import Usage

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True)
class ToolCallRequest:
    """One complete tool call the model asked for (also a `ModelEvent`)."""

    call_id: str
    name: str
    arguments: str  # raw JSON text as the model wrote it; may be malformed
    kind: Literal["tool_call"] = "tool_call"

    def to_dict(self) -> dict[str, str]:
        return {"id": self.call_id, "name": self.name, "arguments": self.arguments}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ToolCallRequest:
        return cls(
            call_id=str(data["id"]), name=str(data["name"]), arguments=str(data["arguments"])
        )


@dataclass(frozen=True)
class ChatMessage:
    """A provider-neutral message of the conversation."""

    role: Role
    content: str = ""
    tool_calls: tuple[ToolCallRequest, ...] = ()  # assistant messages only
    tool_call_id: str | None = None  # tool messages only: which call this answers
    name: str | None = None  # tool messages only: the tool's name
    # Assistant messages from the Responses API: the provider's id for that response, so
    # the next request can send only what is new (previous_response_id).
    response_id: str | None = None


@dataclass(frozen=True)
class TextChunk:
    """A piece of the visible answer."""

    text: str
    kind: Literal["text"] = "text"


@dataclass(frozen=True)
class ModelFinished:
    """The last event of every successful ``stream`` call."""

    # stop | tool_calls | length | content_filter | ...; adapters normalise to these words
    finish_reason: str = "stop"
    usage: Usage = field(default_factory=Usage)
    response_id: str | None = None
    model: str = ""
    kind: Literal["finished"] = "finished"


ModelEvent = TextChunk | ToolCallRequest | ModelFinished


@dataclass(frozen=True)
class StreamOptions:
    """Per-call knobs. Adapters ignore what they do not support."""

    max_output_tokens: int | None = 1024
    temperature: float | None = None
    parallel_tool_calls: bool = True
    # Facts about the session, for engines that adapt their wording (offline engine).
    # Informational only: tools take identity from ToolContext, never from here.
    actor: str = "customer"  # customer | staff | system
    locale: str | None = None  # e.g. "en", "vi", "pt" when known
    conversation_id: str | None = None


@runtime_checkable
class ModelAdapter(Protocol):
    """What the loop needs from a model. See the module docstring for the contract."""

    label: str  # shown to users, e.g. "offline engine", "openai: gpt-4o-mini"
    provider: str  # offline | openai | openai-responses | scripted
    model: str  # model name as the provider knows it ("" when not applicable)
    # Optional `in_process = True`: the stream does no I/O (offline engine, scripted
    # model), so the loop reads it on its own thread instead of a worker's.

    def stream(
        self,
        messages: Sequence[ChatMessage],
        tools: list[dict[str, Any]],
        options: StreamOptions | None = None,
    ) -> Iterator[ModelEvent]: ...


class ModelFault(Exception):
    """A provider failure. ``message`` is safe to show; details go to the log only."""

    code = "provider_error"
    default_message = "The assistant is unavailable right now. Please try again in a moment."

    def __init__(self, message: str | None = None, *, retry_after: float | None = None) -> None:
        self.message = message or self.default_message
        self.retry_after = retry_after
        super().__init__(self.message)


class ProviderTimeout(ModelFault):
    code = "provider_timeout"
    default_message = "The assistant took too long to answer. Please try again."


class RateLimited(ModelFault):
    code = "rate_limited"
    default_message = "The assistant is receiving too many requests. Please try again shortly."


class ProviderUnavailable(ModelFault):
    code = "provider_error"
    default_message = "The assistant's service had an error. Please try again in a moment."


class StreamBroken(ModelFault):
    code = "stream_broken"
    default_message = "The connection to the assistant was lost mid-answer. Please try again."


class BadModelOutput(ModelFault):
    code = "bad_model_output"
    default_message = "The assistant sent a reply that could not be understood. Please retry."


class ProviderAuthError(ModelFault):
    code = "provider_auth"
    default_message = (
        "The assistant's API key or settings were refused. Check the provider settings."
    )
