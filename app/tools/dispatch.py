"""The one door every tool call goes through, whoever makes it (loop, CLI, webhook, eval).

parse JSON -> find the tool visible to this session -> validate -> run the handler under
a time limit -> map the outcome to a JSON string -> write a ToolCallRecord. Model mistakes
(unknown tool, bad JSON, invalid arguments) and domain errors are *results* the model can
act on; anything unexpected becomes a generic internal error whose details go to the log
only. Identity is never read from the arguments: handlers get the caller's ToolContext.
"""

from __future__ import annotations

import json
import logging
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from app.limits import (
    MAX_JSON_DEPTH,
    MAX_RESULT_CHARS,
    MAX_TOOL_ARGUMENT_CHARS,
    TOO_LONG_KEY,
    clean_text,
)
from app.tools.base import PendingConfirmation, Tool, ToolSet
from app.tools.bounds import cap_result, clean_value, too_deep
from app.tools.context import ToolContext
from app.tools.workers import Workers
from services import conversations, deadline
from services.errors import DomainError
from services.uow import CommitGate

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 10.0
# Values in app/limits.py (one place, listed in SECURITY.md); names kept for importers.
MAX_ARGUMENT_CHARS = MAX_TOOL_ARGUMENT_CHARS  # a model sending more is looping or confused

Outcome = Literal["ok", "error", "confirmation_required"]
HANDLERS = Workers("tool")  # the threads tool handlers run on, under their time limit


@dataclass(frozen=True)
class DispatchResult:
    name: str
    result: str  # what the model receives
    outcome: Outcome
    call_id: str | None = None
    error_code: str | None = None
    duration_ms: int = 0
    confirmation: PendingConfirmation | None = None
    # With record=False: the audit row, not yet written; the caller stores it (the loop
    # writes it with the tool's answer, in one transaction).
    audit: conversations.ToolCallAudit | None = None

    @property
    def ok(self) -> bool:
        return self.outcome != "error"


def error_result(code: str, detail: str, hint: str = "") -> str:
    return json.dumps({"error": code, "detail": detail, "hint": hint}, ensure_ascii=False)


class _Failure(Exception):
    """A failure already expressed as the result the model gets."""

    def __init__(self, code: str, result: str) -> None:
        self.code = code
        self.result = result
        super().__init__(code)


def _to_text(output: Any) -> str:
    """The handler's output as the model's text, clean of NUL bytes and lone surrogates."""
    if isinstance(output, BaseModel):
        # Already clean: pydantic's JSON escapes NUL as \u0000 and refuses a lone
        # surrogate (an internal error, as before). Scanning it again cost a tenth of a
        # read call (order JSON with accented names leaves clean_text's ASCII fast path).
        return output.model_dump_json()
    if isinstance(output, str):
        return clean_text(output)
    return clean_text(json.dumps(output, ensure_ascii=False, default=str))


def _cap(text: str) -> str:
    # Valid JSON within the cap by construction; previews are paged, never cut.
    return cap_result(text, MAX_RESULT_CHARS)


def _run_with_timeout(tool: Tool, ctx: ToolContext, args: BaseModel, timeout_s: float) -> Any:
    if tool.read_only and deadline.enforced(ctx.uow_factory.engine):
        # Here, with SQLite interrupting its statements at the deadline: two thread
        # wake-ups fewer, which were most of a read's spread on a busy machine. No commit
        # gate: nothing of the call runs on after it has returned.
        try:
            with deadline.within(timeout_s):
                return tool.handler(ctx, args)
        except deadline.DeadlinePassed:
            raise _Failure("timeout", _timeout_result(tool.name, timeout_s)) from None
    # Python cannot stop a thread, so the deadline closes the call's commit gate instead:
    # a handler still running afterwards can no longer commit (its work rolls back).
    gate = CommitGate()
    gated = replace(ctx, uow_factory=ctx.uow_factory.gated(gate))
    # A reused daemon thread (`app.tools.workers`): a hung handler cannot keep the process
    # alive, and no thread is started per call.
    future = HANDLERS.submit(lambda: tool.handler(gated, args))
    try:
        return future.result(timeout_s)  # re-raises the handler's exception here
    except FutureTimeout:
        if future.done():  # the handler's own TimeoutError, or it finished just now
            return future.result()
        raise _Failure("timeout", _timeout_result(tool.name, timeout_s, gate)) from None


def _timeout_result(name: str, timeout_s: float, gate: CommitGate | None = None) -> str:
    if gate is not None and gate.close():  # a commit got in before the deadline
        return error_result(
            "timeout",
            f"The tool {name} took longer than {timeout_s:g} seconds; part of its change "
            "may already be saved.",
            "Check the current state (for example the order status) before trying again.",
        )
    return error_result(
        "timeout",
        f"The tool {name} took longer than {timeout_s:g} seconds; nothing was changed.",
        "Tell the customer the system is slow and offer to try again or hand off.",
    )


def _domain_error(toolset: ToolSet, exc: DomainError) -> str:
    if toolset.error_style == "tau":
        text = str(exc.details.get("tau_error") or exc.message)
        return text if text.startswith("Error:") else f"Error: {text}"
    return json.dumps(exc.to_dict(), ensure_ascii=False)


def _parse(arguments: str | dict[str, Any] | None) -> dict[str, Any]:
    if isinstance(arguments, dict):
        return clean_value(arguments)
    text = (arguments or "").strip() or "{}"
    if len(text) > MAX_ARGUMENT_CHARS:
        raise _Failure(
            "invalid_arguments",
            error_result("invalid_arguments", "The arguments are too long.", "Send less."),
        )
    if too_deep(text):
        raise _Failure(
            "invalid_arguments",
            error_result(
                "invalid_arguments",
                f"The arguments nest deeper than {MAX_JSON_DEPTH} levels.",
                "Send one flat JSON object matching the tool's schema.",
            ),
        )
    try:
        value = clean_value(json.loads(text))
    except RecursionError:  # belt and braces: too_deep should have caught it
        raise _Failure(
            "invalid_arguments",
            error_result("invalid_arguments", "The arguments nest too deep.", "Send less."),
        ) from None
    except json.JSONDecodeError as exc:
        raise _Failure(
            "invalid_arguments",
            error_result(
                "invalid_arguments",
                f"The arguments are not valid JSON (line {exc.lineno}, column {exc.colno}).",
                "Send the arguments as one JSON object matching the tool's schema.",
            ),
        ) from None
    if isinstance(value, dict) and set(value) == {TOO_LONG_KEY}:
        # What the loop stored instead of over-long arguments (app.agent.bounded).
        raise _Failure(
            "invalid_arguments",
            error_result(
                "invalid_arguments",
                f"The arguments are too long: {str(value[TOO_LONG_KEY])[:100]}",
                "Send only the arguments the tool's schema asks for.",
            ),
        )
    if not isinstance(value, dict):
        raise _Failure(
            "invalid_arguments",
            error_result(
                "invalid_arguments",
                "The arguments must be a JSON object.",
                'Send an object such as {"order_id": "ORD-12345"}.',
            ),
        )
    return value


def _raw_arguments(arguments: str | dict[str, Any] | None) -> str:
    """The arguments as text for the audit row, bounded before anything is stored."""
    if isinstance(arguments, str):
        return arguments[:MAX_ARGUMENT_CHARS]
    try:
        return json.dumps(arguments or {}, ensure_ascii=False, default=str)[:MAX_ARGUMENT_CHARS]
    except (RecursionError, ValueError):
        return "{}"


def _validation_message(exc: ValidationError) -> str:
    # Field locations and pydantic's short messages only; never the input values, which
    # may be long or hostile.
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(arguments)"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def dispatch(
    toolset: ToolSet,
    ctx: ToolContext,
    name: str,
    arguments: str | dict[str, Any] | None,
    *,
    call_id: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    record: bool = True,
) -> DispatchResult:
    """Run one tool call for this session and return the model-facing JSON string."""
    started = time.perf_counter()
    raw_args = clean_text(_raw_arguments(arguments))
    confirmation: PendingConfirmation | None = None
    outcome: Outcome = "ok"
    error_code: str | None = None
    try:
        tool = toolset.get(name, ctx)
        if tool is None:
            # Same answer for a tool that exists but is staff-only: no probing for tools.
            known = ", ".join(toolset.names(ctx))
            raise _Failure(
                "unknown_tool",
                error_result(
                    "unknown_tool",
                    f"There is no tool named {name[:64]!r}.",
                    f"Use one of: {known}.",
                ),
            )
        try:
            args = tool.args_model.model_validate(_parse(arguments))
        except ValidationError as exc:
            raise _Failure(
                "invalid_arguments",
                error_result(
                    "invalid_arguments",
                    _validation_message(exc),
                    "Fix these arguments (see the tool's schema) and call again.",
                ),
            ) from None
        output = _run_with_timeout(tool, ctx, args, timeout_s)
        if isinstance(output, PendingConfirmation):
            outcome, confirmation = "confirmation_required", output
        result = _cap(_to_text(output))
    except _Failure as failure:
        outcome, error_code, result = "error", failure.code, failure.result
    except DomainError as exc:
        outcome, error_code, result = "error", exc.code, _domain_error(toolset, exc)
    except Exception:
        log.exception("tool %s failed unexpectedly (call %s)", name[:64], call_id)
        outcome, error_code = "error", "internal_error"
        result = error_result(
            "internal_error",
            "The tool failed unexpectedly.",
            "Apologise, do not retry more than once, and offer a transfer to a human.",
        )
    duration_ms = int((time.perf_counter() - started) * 1000)
    audit = conversations.ToolCallAudit(
        conversation_id=ctx.conversation_id,
        call_id=call_id,
        name=name,
        arguments=raw_args[:MAX_ARGUMENT_CHARS],
        outcome=outcome,
        error_code=error_code,
        duration_ms=duration_ms,
        actor=ctx.actor,
        customer_id=ctx.customer_id,
        toolset=toolset.name,
    )
    if record:
        _record(ctx, audit)
    return DispatchResult(
        name=name,
        result=result,
        outcome=outcome,
        call_id=call_id,
        error_code=error_code,
        duration_ms=duration_ms,
        confirmation=confirmation,
        audit=None if record else audit,
    )


def _record(ctx: ToolContext, audit: conversations.ToolCallAudit) -> None:
    try:
        conversations.write_audit(ctx.uow_factory, audit)
    except Exception:
        # The audit row failing must not turn a done action into a reported failure.
        log.exception("could not record tool call %s", audit.name[:64])
