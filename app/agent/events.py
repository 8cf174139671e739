"""Typed events that `run_turn` yields: the UI streams them, the CLI prints them, tests
assert on them. Each is a frozen dataclass with a `kind` tag for easy matching."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class TextDelta:
    text: str
    kind: Literal["text_delta"] = "text_delta"


@dataclass(frozen=True)
class ToolCallStarted:
    call_id: str
    name: str
    arguments: str  # the raw JSON text the model sent
    kind: Literal["tool_call_started"] = "tool_call_started"


@dataclass(frozen=True)
class ToolResult:
    call_id: str
    name: str
    result: str  # the JSON string returned to the model
    ok: bool
    error_code: str | None = None
    duration_ms: int = 0
    kind: Literal["tool_result"] = "tool_result"


@dataclass(frozen=True)
class ConfirmationRequired:
    call_id: str
    name: str
    confirmation_id: str
    # what would change: summary text, amounts, items; shown next to Confirm / Cancel
    preview: dict[str, Any] = field(default_factory=dict)
    kind: Literal["confirmation_required"] = "confirmation_required"


@dataclass(frozen=True)
class ErrorEvent:
    code: str  # e.g. provider_timeout, rate_limited, provider_error, limit_reached
    message: str  # safe to show the user
    kind: Literal["error"] = "error"


@dataclass(frozen=True)
class HeldForPerson:
    """The customer's message was stored and a person holds (or is awaited in) the
    conversation: the assistant does not answer this turn (`services.handoff`)."""

    state: str  # waiting | with_person
    assignee: str | None = None
    kind: Literal["held_for_person"] = "held_for_person"


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True)
class TurnFinished:
    text: str  # the assistant's full answer for this turn
    usage: Usage = field(default_factory=Usage)
    latency_ms: int = 0
    model: str = ""
    rounds: int = 0
    tool_calls: int = 0
    kind: Literal["turn_finished"] = "turn_finished"


Event = (
    TextDelta
    | ToolCallStarted
    | ToolResult
    | ConfirmationRequired
    | ErrorEvent
    | HeldForPerson
    | TurnFinished
)
