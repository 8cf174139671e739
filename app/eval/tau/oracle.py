"""The oracle: an agent that performs exactly the task's ground-truth actions.

It runs through the same path as a live trial (our loop, the `tau-retail` toolset, the
scorer), so a full score says the store, the tools and the harness agree with the
benchmark's ground truth, and a failing task points at a real difference (or a task that
does not fit this store). Its last answer states the task's `communicate_info`, as the
ground truth says the agent must. The loop allows a bounded number of tool rounds per
turn; the oracle pauses before that bound and the oracle customer asks it to go on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.agent.loop import MAX_TOOL_ROUNDS
from app.agent.model import ChatMessage
from app.agent.scripted import ScriptedModel, Step, call, reply
from app.eval.tau.tasks import TauTask
from app.eval.tau.user import STOP, ScriptedUser

DONE = "All done."
PAUSE = "One moment, I am still working on it."


def oracle_agent(task: TauTask) -> ScriptedModel:
    pending = list(task.actions)
    rounds = [0]

    def next_step(messages: Sequence[ChatMessage], _tools: list[dict[str, Any]]) -> Step:
        if messages and messages[-1].role == "user":
            rounds[0] = 0  # a new customer message: a new turn
        rounds[0] += 1
        if pending and rounds[0] < MAX_TOOL_ROUNDS:
            action = pending.pop(0)
            return call(action.name, action.arguments)
        if pending:
            return reply(PAUSE)
        said = " ".join(task.communicate_info)
        return reply(f"{DONE} {said}".strip())

    return ScriptedModel(forever=next_step, model="oracle")


def oracle_user(task: TauTask) -> ScriptedUser:
    opening = str(task.instructions.get("reason_for_call") or "I need help with my order.")

    def go_on(agent_text: str) -> str:
        return STOP if agent_text.startswith(DONE) else "Please go on."

    return ScriptedUser([opening], forever=go_on)
