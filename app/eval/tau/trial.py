"""One trial: the simulated customer talks to our loop on a fresh copy of the store.

The loop (`app.agent.loop.run_turn`) is the agent, with the benchmark's policy as its
system prompt and the `tau-retail` toolset in a staff session whose changes apply at once
(the benchmark's tools have no confirmation step; the policy asks the agent to get the
user's yes in the conversation). The trial ends when the customer writes a control token,
the agent transfers, the agent's model fails, or the turn bound is hit; then the store is
scored against the ground truth (`score.py`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.agent.events import ErrorEvent, TextDelta, ToolCallStarted, ToolResult, TurnFinished
from app.agent.loop import run_turn
from app.agent.model import ModelAdapter
from app.eval.passk import add_costs, estimated_cost
from app.eval.stores import copy_store, open_store
from app.eval.tau.score import bench_context, communicated, state_diff, state_hash, store_state
from app.eval.tau.tasks import TauTask
from app.eval.tau.user import GREETING, OUT_OF_SCOPE, STOP, TRANSFER, SimulatedUser, UserReply
from app.eval.tau.user import ends_conversation as user_token
from app.tools.tau import TAU_RETAIL
from services import conversations
from services.models import Actor

log = logging.getLogger(__name__)

AGENT_INSTRUCTIONS = """<instructions>
You are a customer service agent that helps the user according to the <policy> below.
In each turn you can either send a message to the user or make a tool call, not both.
Try to be helpful and always follow the policy.
</instructions>
<policy>
{policy}
</policy>"""

# Errors the loop reports that are not the model failing: the trial goes on.
NON_FATAL = {"limit_reached", "empty_answer"}
# The loop refusing the simulated customer's message (empty, too long): its fault.
USER_FAULTS = {"empty_input", "input_too_long"}
FREE_PROVIDERS = {"scripted", "offline"}
TERMINATIONS_SCORED = {"user_stop", "transfer", "out_of_scope"}

Judge = Callable[[TauTask, list[dict[str, str]]], tuple[bool, list[dict[str, Any]]]]


@dataclass
class TrialResult:
    task_id: str
    trial: int
    reward: float = 0.0
    termination: str = (
        ""  # user_stop | transfer | out_of_scope | max_turns | agent_error | user_error
    )
    db_match: bool = False
    communicate_ok: bool = True
    missing_info: list[str] = field(default_factory=list)
    nl_ok: bool | None = None  # None: not judged (no --judge-model, or no assertions)
    nl_results: list[dict[str, Any]] = field(default_factory=list)
    db_diff: list[str] = field(default_factory=list)
    error: str | None = None
    turns: int = 0  # customer messages
    tool_calls: list[dict[str, str]] = field(default_factory=list)
    agent_input_tokens: int = 0
    agent_output_tokens: int = 0
    user_input_tokens: int = 0
    user_output_tokens: int = 0
    agent_cost: float | None = 0.0
    user_cost: float | None = 0.0
    seconds: float = 0.0
    transcript: list[dict[str, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.reward >= 1.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def agent_prompt(policy: str) -> str:
    return AGENT_INSTRUCTIONS.format(policy=policy.strip())


def run_trial(
    task: TauTask,
    trial: int,
    *,
    template: Path,
    workdir: Path,
    agent: ModelAdapter,
    user: SimulatedUser,
    policy: str,
    expected_hash: str,
    expected_state: Callable[[], dict[str, Any]],
    max_turns: int = 30,
    judge: Judge | None = None,
    keep_db: bool = False,
) -> TrialResult:
    """Run one trial on its own copy of ``template``; never raises for model faults."""
    started = time.perf_counter()
    result = TrialResult(task_id=task.id, trial=trial)
    db = copy_store(template, workdir / f"trial-{_safe(task.id)}-{trial}.db")
    try:
        with open_store(db) as uow_factory:
            conv = conversations.start_conversation(
                uow_factory,
                actor=Actor.STAFF,
                channel="eval",
                provider=agent.provider,
                model=agent.model,
                title=f"tau task {task.id} trial {trial}",
            )
            ctx = bench_context(uow_factory, conv.id)
            _converse(task, result, agent, user, ctx, agent_prompt(policy), max_turns)
            replies = [m["text"] for m in result.transcript if m["role"] == "assistant"]
            state = store_state(uow_factory)
        result.db_match = state_hash(state) == expected_hash
        if not result.db_match:
            result.db_diff = state_diff(expected_state(), state)
        result.communicate_ok, result.missing_info = communicated(task.communicate_info, replies)
        if judge is not None and task.nl_assertions and result.termination in TERMINATIONS_SCORED:
            try:
                result.nl_ok, result.nl_results = judge(task, result.transcript)
            except Exception as exc:  # the judge failing is recorded, not a crash
                log.warning("judge failed on task %s: %s", task.id, exc)
                result.nl_ok, result.error = False, f"judge failed: {type(exc).__name__}: {exc}"
        scored = result.termination in TERMINATIONS_SCORED
        ok = scored and result.db_match and result.communicate_ok and result.nl_ok is not False
        result.reward = 1.0 if ok else 0.0
    finally:
        if not keep_db:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    # Scripted agents (tests, the oracle) and the offline engine cost nothing.
    result.agent_cost = (
        0.0
        if agent.provider in FREE_PROVIDERS
        else estimated_cost(agent.model, result.agent_input_tokens, result.agent_output_tokens)
    )
    result.user_cost = (
        estimated_cost(user.model, result.user_input_tokens, result.user_output_tokens)
        if result.user_input_tokens or result.user_output_tokens
        else 0.0
    )
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _converse(
    task: TauTask,
    result: TrialResult,
    agent: ModelAdapter,
    user: SimulatedUser,
    ctx: Any,
    prompt: str,
    max_turns: int,
) -> None:
    agent_text = GREETING
    result.transcript.append({"role": "assistant", "text": GREETING})
    for _ in range(max_turns):
        try:
            reply: UserReply = user.respond(agent_text)
        except Exception as exc:
            result.termination, result.error = "user_error", f"{type(exc).__name__}: {exc}"
            return
        result.user_input_tokens += reply.input_tokens
        result.user_output_tokens += reply.output_tokens
        result.transcript.append({"role": "user", "text": reply.text})
        token = user_token(reply.text)
        if token is not None:
            result.termination = {
                STOP: "user_stop",
                TRANSFER: "transfer",
                OUT_OF_SCOPE: "out_of_scope",
            }[token]
            return
        result.turns += 1
        try:
            text, fault, transferred = _agent_turn(result, agent, ctx, prompt, reply.text)
        except _UserFault as exc:
            result.termination, result.error = "user_error", str(exc)
            return
        result.transcript.append({"role": "assistant", "text": text})
        if fault is not None:
            result.termination, result.error = "agent_error", fault
            return
        if transferred:
            result.termination = "transfer"
            return
        agent_text = text
    result.termination = "max_turns"


def _agent_turn(
    result: TrialResult, agent: ModelAdapter, ctx: Any, prompt: str, user_text: str
) -> tuple[str, str | None, bool]:
    parts: list[str] = []
    fault: str | None = None
    user_fault: str | None = None
    transferred = False
    for event in run_turn(
        conversation_id=ctx.conversation_id,
        user_text=user_text,
        model=agent,
        toolset=TAU_RETAIL,
        ctx=ctx,
        system_prompt=prompt,
    ):
        if isinstance(event, TextDelta):
            parts.append(event.text)
        elif isinstance(event, ToolCallStarted):
            result.tool_calls.append({"name": event.name, "arguments": event.arguments})
        elif isinstance(event, ToolResult):
            if event.name == "transfer_to_human_agents" and event.ok:
                transferred = True
        elif isinstance(event, ErrorEvent) and event.code in USER_FAULTS:
            user_fault = f"{event.code}: {event.message}"
        elif isinstance(event, ErrorEvent) and event.code not in NON_FATAL:
            fault = f"{event.code}: {event.message}"
        elif isinstance(event, TurnFinished):
            result.agent_input_tokens += event.usage.input_tokens
            result.agent_output_tokens += event.usage.output_tokens
    if user_fault is not None:
        raise _UserFault(user_fault)
    return "".join(parts), fault, transferred


class _UserFault(Exception):
    pass


def _safe(task_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in task_id)[:60]


def total_cost(results: list[TrialResult]) -> float | None:
    return add_costs(r.agent_cost for r in results)
