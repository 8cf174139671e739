"""The conversation loop: one user message in, a stream of typed events out.

``run_turn`` stores the user's message, asks the model, runs the tools it requests
(concurrently within one response, each through the dispatcher and its own transaction),
feeds the results back, and repeats until the model answers in text or a bound is hit.
Every message and tool call is committed as it happens, so a fault at any point (model,
tool, database) loses nothing already said. The last event is always `TurnFinished`.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import logging
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait

from app import limits
from app.agent import window
from app.agent.bounded import bounded_stream
from app.agent.confirm import (
    CONFIRM_TOOL_NAME,
    confirm_pending,
    is_affirmative,
    pending_from_last_answer,
    prompt_for_yes,
)
from app.agent.events import (
    ConfirmationRequired,
    ErrorEvent,
    Event,
    HeldForPerson,
    TextDelta,
    ToolCallStarted,
    ToolResult,
    TurnFinished,
    Usage,
)
from app.agent.model import (
    ChatMessage,
    ModelAdapter,
    ModelFault,
    ModelFinished,
    StreamOptions,
    TextChunk,
    ToolCallRequest,
)
from app.agent.prompt import system_prompt as default_system_prompt
from app.i18n import has, normalize_locale, t
from app.limits import MAX_ANSWER_CHARS, clean_text
from app.tools.base import ToolSet
from app.tools.context import ToolContext
from app.tools.dispatch import DEFAULT_TIMEOUT_S, DispatchResult, dispatch, error_result
from app.tools.schema import rendered
from app.tools.workers import Workers
from services import conversations, handoff
from services.errors import DomainError, NotFound

log = logging.getLogger(__name__)

MAX_TOOL_ROUNDS = 8  # model responses with tool calls per turn (llm and the Agents SDK: 10)
MAX_TOOL_CALLS_PER_TURN = 16
MAX_PARALLEL_TOOL_CALLS = 4  # threads per response; SQLite serialises writers anyway
CALLS = Workers("tool-call")  # reused threads for the calls of one response
MAX_INPUT_CHARS = limits.MAX_INPUT_CHARS  # one user message (all bounds: app/limits.py)
MAX_CONTEXT_CHARS = 60_000  # history sent to the model (about 15k tokens)
MAX_TURN_TOKENS = 100_000  # input + output tokens over all rounds of one turn

# The fixed messages, in English; a turn says them in its context's locale (app/i18n).
LIMIT_MESSAGE = t("error.limit_reached", "en")
EMPTY_MESSAGE = t("error.empty_answer", "en")
INTERNAL_MESSAGE = t("error.internal_error", "en")
NOT_FOUND = ErrorEvent(code="not_found", message="This conversation was not found.")


@dataclasses.dataclass
class _Turn:
    """What one turn has accumulated; read for `TurnFinished`."""

    started: float
    deadline: float = float("inf")  # time.monotonic() by which the turn must end
    text: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    rounds: int = 0
    tool_calls: int = 0
    model_name: str = ""

    def finished(self) -> TurnFinished:
        return TurnFinished(
            text=self.text,
            usage=Usage(input_tokens=self.input_tokens, output_tokens=self.output_tokens),
            latency_ms=int((time.perf_counter() - self.started) * 1000),
            model=self.model_name,
            rounds=self.rounds,
            tool_calls=self.tool_calls,
        )


def run_turn(
    *,
    conversation_id: str,
    user_text: str,
    model: ModelAdapter,
    toolset: ToolSet,
    ctx: ToolContext,
    options: StreamOptions | None = None,
    system_prompt: str | None = None,
    tool_timeout_s: float = DEFAULT_TIMEOUT_S,
    confirm_on_yes: bool = False,
    answer_while_waiting: bool = False,
    deadline_s: float | None = None,
) -> Iterator[Event]:
    """Run one turn of ``conversation_id``; see the module docstring.

    ``confirm_on_yes`` is for chat-only channels (no Confirm button): a message that is
    just "yes" applies the one preview the previous answer offered, without asking the
    model (`app.agent.confirm`).

    While a person holds the conversation (and, unless ``answer_while_waiting``, while
    it waits for one) the message is stored and the turn ends without a model call:
    services decide, in the same transaction that stores the message.
    """
    turn = _Turn(
        started=time.perf_counter(),
        model_name=model.model,
        deadline=time.monotonic() + (deadline_s if deadline_s is not None else _deadline_s()),
    )
    if ctx.conversation_id != conversation_id:
        ctx = dataclasses.replace(ctx, conversation_id=conversation_id)
    if options is not None and options.locale and normalize_locale(ctx.locale) == "en":
        ctx = dataclasses.replace(ctx, locale=normalize_locale(options.locale))
    text = clean_text(user_text).strip()  # NUL and lone surrogates never reach storage
    invalid: ErrorEvent | None = None
    if not text:
        invalid = ErrorEvent(code="empty_input", message=t("error.empty_input", ctx.locale))
    elif len(text) > MAX_INPUT_CHARS:
        invalid = ErrorEvent(
            code="input_too_long",
            message=t("error.input_too_long", ctx.locale, limit=MAX_INPUT_CHARS),
        )
    if invalid is not None:
        # Whose conversation it is comes first, as for any message: a stranger learns
        # nothing about it from which error they get.
        yield _not_the_callers(ctx, conversation_id) or invalid
        yield turn.finished()
        return
    try:
        try:
            # The ownership check is in the same transaction that stores the message.
            admission = handoff.accept_customer_message(
                ctx.uow_factory,
                conversation_id=conversation_id,
                content=text,
                customer_id=_owner(ctx),
                allow_while_waiting=answer_while_waiting,
            )
        except NotFound:
            yield NOT_FOUND
            yield turn.finished()
            return
        if not admission.may_answer:
            yield HeldForPerson(state=admission.state, assignee=admission.assignee)
            yield turn.finished()
            return
        if confirm_on_yes and is_affirmative(text):
            pending = pending_from_last_answer(ctx)
            if len(pending) == 1:
                yield from _confirm_by_reply(turn, ctx, pending[0], toolset.name)
                yield turn.finished()
                return
        previews: list[ConfirmationRequired] = []
        for event in _rounds(
            turn, conversation_id, model, toolset, ctx, options, system_prompt, tool_timeout_s
        ):
            if isinstance(event, ConfirmationRequired):
                previews.append(event)
            yield event
        if confirm_on_yes and len(previews) == 1:
            # The channel's own question, last: only a "yes" right after it applies it.
            asked = prompt_for_yes(
                ctx,
                confirmation_id=previews[0].confirmation_id,
                summary=str(previews[0].preview.get("summary") or ""),
                locale=ctx.locale,
            )
            prefix = "\n\n" if turn.text else ""
            turn.text += prefix + asked
            yield TextDelta(prefix + asked)
    except Exception:
        # Storage down or a bug: whatever was committed stays; the user gets a clear line.
        log.exception("turn failed in conversation %s", conversation_id)
        internal = t("error.internal_error", ctx.locale)
        _notice(ctx, conversation_id, "internal_error", internal)
        yield ErrorEvent(code="internal_error", message=internal)
    yield turn.finished()


def _deadline_s() -> float:
    from app.settings import app_settings

    return app_settings().storedesk_turn_deadline_s


def _owner(ctx: ToolContext) -> str | None:
    """The customer who must own the conversation; None for staff (any conversation)."""
    return None if ctx.is_staff else ctx.customer_id


def _not_the_callers(ctx: ToolContext, conversation_id: str) -> ErrorEvent | None:
    """Refuse a conversation that is not the caller's (a customer's own only), before
    anything is stored; same answer for another customer's and a missing one."""
    try:
        conversations.check_owner(
            ctx.uow_factory, conversation_id=conversation_id, customer_id=_owner(ctx)
        )
    except DomainError:
        return NOT_FOUND
    except Exception:
        log.exception("could not load conversation %s", conversation_id[:64])
        return ErrorEvent(code="internal_error", message=INTERNAL_MESSAGE)
    return None


def _rounds(
    turn: _Turn,
    conversation_id: str,
    model: ModelAdapter,
    toolset: ToolSet,
    ctx: ToolContext,
    options: StreamOptions | None,
    system_prompt: str | None,
    tool_timeout_s: float,
) -> Iterator[Event]:
    # The session facts come from the context, whatever options the caller passed.
    options = dataclasses.replace(
        options or StreamOptions(), actor=str(ctx.actor), conversation_id=conversation_id
    )
    tools = rendered(toolset, ctx, "openai")  # cached per toolset and audience
    prompt = system_prompt if system_prompt is not None else default_system_prompt(ctx)
    # The window kept since the last turn plus the messages stored since (app.agent.window):
    # the same messages as bounding the whole history, at a cost that does not grow.
    messages = window.context_messages(
        ctx.uow_factory, conversation_id=conversation_id, max_chars=MAX_CONTEXT_CHARS
    )
    while True:
        if turn.rounds >= MAX_TOOL_ROUNDS or turn.input_tokens + turn.output_tokens >= (
            MAX_TURN_TOKENS
        ):
            yield from _limit(turn, ctx, conversation_id)
            return
        turn.rounds += 1
        round_started = time.perf_counter()
        text_parts: list[str] = []
        calls: list[ToolCallRequest] = []
        finished: ModelFinished | None = None
        try:
            for event in bounded_stream(
                model,
                [ChatMessage(role="system", content=prompt), *messages],
                tools,
                options,
                deadline=turn.deadline,
                max_chars=MAX_ANSWER_CHARS - len(turn.text),
            ):
                if isinstance(event, TextChunk):
                    if event.text:
                        text_parts.append(event.text)
                        yield TextDelta(event.text)
                elif isinstance(event, ToolCallRequest):
                    calls.append(event)
                elif isinstance(event, ModelFinished):
                    finished = event
        except ModelFault as fault:
            log.warning("model fault %s in conversation %s", fault.code, conversation_id)
            yield from _fault(turn, ctx, conversation_id, "".join(text_parts), fault, model)
            return
        except Exception:
            log.exception("model adapter %s failed", model.provider)
            yield from _fault(turn, ctx, conversation_id, "".join(text_parts), ModelFault(), model)
            return
        latency_ms = int((time.perf_counter() - round_started) * 1000)
        usage = finished.usage if finished else Usage()
        turn.input_tokens += usage.input_tokens
        turn.output_tokens += usage.output_tokens
        if finished and finished.model:
            turn.model_name = finished.model
        reply = "".join(text_parts)
        turn.text += reply
        conversations.append_message(
            ctx.uow_factory,
            conversation_id=conversation_id,
            role="assistant",
            content=reply,
            tool_calls=[c.to_dict() for c in calls] or None,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            latency_ms=latency_ms,
            model=turn.model_name or None,
        )
        messages.append(
            ChatMessage(
                role="assistant",
                content=reply,
                tool_calls=tuple(calls),
                response_id=finished.response_id if finished else None,
            )
        )
        if not calls:
            if not reply.strip():
                # An empty final answer (length cut, content filter, a confused model)
                # would leave the user looking at nothing.
                empty = t("error.empty_answer", ctx.locale)
                _notice(ctx, conversation_id, "empty_answer", empty)
                yield ErrorEvent(code="empty_answer", message=empty)
            return
        for call in calls:
            yield ToolCallStarted(call_id=call.call_id, name=call.name, arguments=call.arguments)
        for result in _run_calls(turn, calls, toolset, ctx, tool_timeout_s):
            _store_result(ctx, conversation_id, result)
            messages.append(
                ChatMessage(
                    role="tool",
                    content=result.result,
                    tool_call_id=result.call_id,
                    name=result.name,
                )
            )
            yield ToolResult(
                call_id=result.call_id or "",
                name=result.name,
                result=result.result,
                ok=result.ok,
                error_code=result.error_code,
                duration_ms=result.duration_ms,
            )
            if result.confirmation is not None:
                yield ConfirmationRequired(
                    call_id=result.call_id or "",
                    name=result.name,
                    confirmation_id=result.confirmation.confirmation_id,
                    preview={
                        "summary": result.confirmation.summary,
                        **result.confirmation.preview,
                    },
                )


def _confirm_by_reply(
    turn: _Turn, ctx: ToolContext, confirmation_id: str, toolset_name: str
) -> Iterator[Event]:
    outcome = confirm_pending(ctx, confirmation_id=confirmation_id, toolset=toolset_name)
    yield ToolResult(
        call_id=confirmation_id,
        name=CONFIRM_TOOL_NAME,
        result=json.dumps(outcome.result or {"error": outcome.error_code}),
        ok=outcome.ok,
        error_code=outcome.error_code,
    )
    if outcome.ok:
        turn.text = outcome.message
        yield TextDelta(outcome.message)
    else:
        yield ErrorEvent(code=outcome.error_code or "confirmation_failed", message=outcome.message)


def _run_calls(
    turn: _Turn,
    calls: list[ToolCallRequest],
    toolset: ToolSet,
    ctx: ToolContext,
    timeout_s: float,
) -> Iterator[DispatchResult]:
    """Run the calls of one response concurrently; yield each result as it completes.

    Calls past the per-turn budget are answered with an error without running, because
    every call id must get an answer for the conversation to stay valid.
    """
    budget = max(0, MAX_TOOL_CALLS_PER_TURN - turn.tool_calls)
    runnable, refused = calls[:budget], calls[budget:]
    turn.tool_calls += len(runnable)
    for call in refused:
        yield DispatchResult(
            name=call.name,
            call_id=call.call_id,
            outcome="error",
            error_code="limit_reached",
            result=error_result(
                "limit_reached",
                "Too many tool calls in this turn; this one was not run.",
                "Answer the customer with what you already know.",
            ),
        )
    if not runnable:
        return
    if len(runnable) == 1:
        # One call (the usual case): run it here; the dispatcher keeps it under the time
        # limit (its handler on a worker thread, or a read-only one here with SQLite
        # interrupting its statements at the deadline: app.tools.dispatch).
        call = runnable[0]
        yield dispatch(
            toolset,
            ctx,
            call.name,
            call.arguments,
            call_id=call.call_id,
            timeout_s=timeout_s,
            record=False,  # the audit row is written with the result (`_store_result`)
        )
        return
    # Several: at most MAX_PARALLEL_TOOL_CALLS at a time, on reused threads.
    waiting = iter(runnable)
    running: set[Future[DispatchResult]] = set()

    def start(call: ToolCallRequest) -> None:
        running.add(
            CALLS.submit(
                functools.partial(
                    dispatch,
                    toolset,
                    ctx,
                    call.name,
                    call.arguments,
                    call_id=call.call_id,
                    timeout_s=timeout_s,
                    record=False,  # written with the result (`_store_result`)
                )
            )
        )

    for call in itertools.islice(waiting, MAX_PARALLEL_TOOL_CALLS):
        start(call)
    while running:
        done, running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            if (following := next(waiting, None)) is not None:
                start(following)
            yield future.result()  # dispatch never raises: failures are results


def _store_result(ctx: ToolContext, conversation_id: str, result: DispatchResult) -> None:
    """The tool's answer and its audit row, in one transaction, before the next model call.

    If that write fails, the audit row is still attempted on its own (a change a tool
    committed must stay accounted for), and the failure goes on to end the turn.
    """
    try:
        conversations.append_message(
            ctx.uow_factory,
            conversation_id=conversation_id,
            role="tool",
            content=result.result,
            tool_call_id=result.call_id,
            name=result.name,
            latency_ms=result.duration_ms,
            audit=result.audit,
        )
    except Exception:
        if result.audit is not None:
            try:
                conversations.write_audit(ctx.uow_factory, result.audit)
            except Exception:
                log.exception("could not record tool call %s", result.name[:64])
        raise


def _notice(ctx: ToolContext, conversation_id: str, code: str, message: str) -> None:
    """Keep a record of what the user was told; never lets a second failure escape."""
    try:
        conversations.append_message(
            ctx.uow_factory,
            conversation_id=conversation_id,
            role="system",
            content=f"[{code}] {message}",
        )
    except Exception:
        log.exception("could not store notice %s", code)


def _fault(
    turn: _Turn,
    ctx: ToolContext,
    conversation_id: str,
    partial: str,
    fault: ModelFault,
    model: ModelAdapter,
) -> Iterator[Event]:
    if partial:
        # What the user already saw on screen stays in the transcript.
        turn.text += partial
        conversations.append_message(
            ctx.uow_factory,
            conversation_id=conversation_id,
            role="assistant",
            content=partial,
            model=model.model or None,
        )
    message = fault.message
    if normalize_locale(ctx.locale) != "en":
        # The provider's words are English: the customer gets the fixed line for its code.
        key = f"error.{fault.code}"
        message = t(key if has(key) else "error.provider_error", ctx.locale)
    _notice(ctx, conversation_id, fault.code, message)
    yield ErrorEvent(code=fault.code, message=message)


def _limit(turn: _Turn, ctx: ToolContext, conversation_id: str) -> Iterator[Event]:
    limit = t("error.limit_reached", ctx.locale)
    conversations.append_message(
        ctx.uow_factory,
        conversation_id=conversation_id,
        role="assistant",
        content=limit,
        model=turn.model_name or None,
    )
    prefix = "\n\n" if turn.text else ""
    turn.text += prefix + limit
    yield TextDelta(prefix + limit)
    yield ErrorEvent(code="limit_reached", message=limit)
