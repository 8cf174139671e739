"""Run scenarios: each on its own copy of its store, through the real loop, dispatcher
and `support` toolset, with confirmations applied outside the model (as the UI's
Confirm/Cancel buttons do, `app.agent.confirm`)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.agent.confirm import cancel_pending, confirm_pending
from app.agent.events import (
    ConfirmationRequired,
    ErrorEvent,
    TextDelta,
    ToolCallStarted,
    TurnFinished,
)
from app.agent.loop import run_turn
from app.agent.model import ModelAdapter, StreamOptions
from app.eval.passk import estimated_cost
from app.eval.scenarios import checks
from app.eval.scenarios.spec import Scenario
from app.eval.scenarios.stores import clock_of
from app.eval.stores import copy_store, open_store
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services import conversations
from services.models import Actor
from services.uow import UowFactory

log = logging.getLogger(__name__)
FREE_PROVIDERS = {"offline", "scripted"}
ModelFactory = Callable[[], ModelAdapter]


@dataclass
class ScenarioRun:
    scenario_id: str
    trial: int
    language: str
    success: bool = False
    precision: float = 0.0
    recall: float = 0.0
    turns: int = 0
    latency_ms: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float | None = 0.0
    failures: list[str] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _parse(arguments: str) -> dict[str, Any]:
    try:
        value = json.loads(arguments or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _context(scenario: Scenario, uow_factory: UowFactory, conversation_id: str) -> ToolContext:
    at = clock_of(scenario)
    extra: dict[str, Any] = {}
    if at is not None:
        fixed: datetime = at
        extra["clock"] = lambda: fixed
    if scenario.is_staff:
        return ToolContext(
            uow_factory=uow_factory,
            actor=Actor.STAFF,
            conversation_id=conversation_id,
            staff_name="eval",
            **extra,
        )
    return ToolContext(
        uow_factory=uow_factory,
        actor=Actor.CUSTOMER,
        customer_id=scenario.signed_in,
        conversation_id=conversation_id,
        **extra,
    )


def run_scenario(
    scenario: Scenario, template: Path, workdir: Path, model: ModelAdapter, trial: int = 0
) -> ScenarioRun:
    """One run on a fresh copy of ``template``; failures are results, not exceptions."""
    run = ScenarioRun(scenario_id=scenario.id, trial=trial, language=scenario.language)
    db = copy_store(template, workdir / f"{scenario.id}-{trial}.db")
    try:
        with open_store(db) as uow_factory:
            _play(scenario, uow_factory, model, run)
    except Exception as exc:  # a crash in one scenario must not stop the suite
        log.exception("scenario %s crashed", scenario.id)
        run.failures.append(f"crashed: {type(exc).__name__}: {exc}")
        run.success = False
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    run.cost = (
        0.0
        if model.provider in FREE_PROVIDERS
        else estimated_cost(model.model, run.input_tokens, run.output_tokens)
    )
    return run


def _play(
    scenario: Scenario, uow_factory: UowFactory, model: ModelAdapter, run: ScenarioRun
) -> None:
    actor = Actor.STAFF if scenario.is_staff else Actor.CUSTOMER
    conv = conversations.start_conversation(
        uow_factory,
        actor=actor,
        customer_id=None if scenario.is_staff else scenario.signed_in,
        channel="eval",
        provider=model.provider,
        model=model.model,
        title=scenario.id,
    )
    ctx = _context(scenario, uow_factory, conv.id)
    options = StreamOptions(actor=str(actor), locale=scenario.language, conversation_id=conv.id)
    before = checks.fingerprint(uow_factory)
    pending: list[str] = []
    actual: list[tuple[str, dict[str, Any]]] = []
    for index, turn in enumerate(scenario.turns):
        if turn.confirm is not None:
            if not pending:
                run.failures.append(f"turn {index + 1}: no preview to confirm or cancel")
            text_parts = []
            for confirmation_id in pending:
                act = confirm_pending if turn.confirm else cancel_pending
                outcome = act(ctx, confirmation_id=confirmation_id, toolset=SUPPORT.name)
                text_parts.append(outcome.message)
                if turn.confirm and not outcome.ok:
                    run.failures.append(f"turn {index + 1}: confirm failed: {outcome.message}")
            pending = []
            text = "\n".join(text_parts)
        else:
            assert turn.user is not None
            run.turns += 1
            text, pending = _user_turn(turn.user, model, ctx, options, run, actual)
        run.replies.append(text)
        for fact in turn.says:
            if not checks.contains(text, fact):
                run.failures.append(f"turn {index + 1}: answer lacks {fact!r}")
        for fact in turn.never:
            if checks.contains(text, fact):
                run.failures.append(f"turn {index + 1}: answer holds {fact!r}")
    run.precision, run.recall = checks.precision_recall(scenario.calls, actual)
    for expected in scenario.calls:
        if not any(checks.call_matches(expected, n, a) for n, a in actual):
            run.failures.append(f"missing call {expected.name}({json.dumps(expected.args)})")
    everything = "\n".join(run.replies)
    run.failures.extend(f"no answer holds {f!r}" for f in scenario.facts
                        if not checks.contains(everything, f))  # fmt: skip
    run.failures.extend(f"an answer holds {f!r}" for f in scenario.never
                        if checks.contains(everything, f))  # fmt: skip
    if scenario.db:
        for check in scenario.db:
            problem = checks.check_db(uow_factory, check, conv.id)
            if problem:
                run.failures.append(f"store: {problem}")
    else:
        changed = checks.changed_parts(before, checks.fingerprint(uow_factory))
        if changed:
            run.failures.append(f"store changed unexpectedly: {', '.join(changed)}")
    run.success = not run.failures


def _user_turn(
    text: str,
    model: ModelAdapter,
    ctx: ToolContext,
    options: StreamOptions,
    run: ScenarioRun,
    actual: list[tuple[str, dict[str, Any]]],
) -> tuple[str, list[str]]:
    parts: list[str] = []
    pending: list[str] = []
    started = time.perf_counter()
    assert ctx.conversation_id
    for event in run_turn(
        conversation_id=ctx.conversation_id,
        user_text=text,
        model=model,
        toolset=SUPPORT,
        ctx=ctx,
        options=options,
    ):
        if isinstance(event, TextDelta):
            parts.append(event.text)
        elif isinstance(event, ToolCallStarted):
            arguments = _parse(event.arguments)
            actual.append((event.name, arguments))
            run.calls.append({"name": event.name, "arguments": arguments})
        elif isinstance(event, ConfirmationRequired):
            pending.append(event.confirmation_id)
        elif isinstance(event, ErrorEvent):
            parts.append(f"\n[{event.code}] {event.message}")
        elif isinstance(event, TurnFinished):
            run.input_tokens += event.usage.input_tokens
            run.output_tokens += event.usage.output_tokens
    run.latency_ms += int((time.perf_counter() - started) * 1000)
    return "".join(parts), pending
