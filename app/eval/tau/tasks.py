"""Tasks in the tau2-bench format (`../shared/data/tau-retail/sample_tasks.json`).

Only what scoring and simulation need is kept: the user scenario (given to the simulated
customer), the ground-truth actions (replayed for the expected store), the strings the
agent must communicate, and the natural-language assertions (judged by an LLM on demand).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from services.errors import InvalidRequest


@dataclass(frozen=True)
class Action:
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class TauTask:
    id: str
    instructions: dict[str, Any]  # reason_for_call, known_info, unknown_info, task_instructions
    persona: str | None = None
    actions: tuple[Action, ...] = ()
    communicate_info: tuple[str, ...] = ()
    nl_assertions: tuple[str, ...] = ()
    reward_basis: tuple[str, ...] = ("DB",)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def scenario_text(self) -> str:
        """The user scenario as the simulated customer reads it."""
        lines = []
        if self.persona:
            lines.append(f"Persona:\n{self.persona}")
        for key, title in (
            ("domain", "Domain"),
            ("reason_for_call", "Reason for call"),
            ("known_info", "Known info"),
            ("unknown_info", "Unknown info"),
            ("task_instructions", "Task instructions"),
        ):
            value = self.instructions.get(key)
            if value:
                lines.append(f"{title}:\n{value}")
        return "\n\n".join(lines)


def parse_task(raw: Any, index: int = 0) -> TauTask:
    """One task of the tau2-bench format; ``index`` names it in errors."""
    if not isinstance(raw, dict) or "id" not in raw:
        raise InvalidRequest(f"Task #{index} is not a tau2-bench task (no 'id').")
    task_id = str(raw["id"])
    if raw.get("initial_state"):
        raise InvalidRequest(
            f"Task {task_id} has an initial_state; tasks that change the store before the "
            "conversation are not supported (the retail tasks have none)."
        )
    scenario = raw.get("user_scenario") or {}
    instructions = scenario.get("instructions")
    if isinstance(instructions, str):
        instructions = {"task_instructions": instructions}
    if not isinstance(instructions, dict):
        raise InvalidRequest(f"Task {task_id} has no user_scenario.instructions.")
    criteria = raw.get("evaluation_criteria") or {}
    actions = []
    for action in criteria.get("actions") or []:
        if not isinstance(action, dict) or not isinstance(action.get("name"), str):
            raise InvalidRequest(f"Task {task_id} has an action without a name.")
        arguments = action.get("arguments") or {}
        if not isinstance(arguments, dict):
            raise InvalidRequest(f"Task {task_id}: arguments of {action['name']} not an object.")
        actions.append(Action(name=action["name"], arguments=arguments))
    return TauTask(
        id=task_id,
        instructions=instructions,
        persona=scenario.get("persona"),
        actions=tuple(actions),
        communicate_info=tuple(str(x) for x in criteria.get("communicate_info") or ()),
        nl_assertions=tuple(str(x) for x in criteria.get("nl_assertions") or ()),
        reward_basis=tuple(criteria.get("reward_basis") or ("DB",)),
        raw=raw,
    )


def load_tasks(path: Path, task_ids: list[str] | None = None) -> list[TauTask]:
    """Tasks from ``path`` (a JSON list), optionally only ``task_ids`` (in file order)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidRequest(f"Cannot read tasks file {path}: {exc.strerror}.") from None
    except ValueError as exc:
        raise InvalidRequest(f"Tasks file {path} is not valid JSON: {exc}.") from None
    if isinstance(data, dict) and isinstance(data.get("tasks"), list):
        data = data["tasks"]
    if not isinstance(data, list):
        raise InvalidRequest(f"Tasks file {path} must hold a JSON list of tasks.")
    tasks = [parse_task(raw, i) for i, raw in enumerate(data)]
    ids = [t.id for t in tasks]
    if len(set(ids)) != len(ids):
        raise InvalidRequest(f"Tasks file {path} repeats task ids.")
    if task_ids:
        unknown = [t for t in task_ids if t not in set(ids)]
        if unknown:
            raise InvalidRequest(f"No task with id {', '.join(unknown)} in {path}.")
        wanted = set(task_ids)
        tasks = [t for t in tasks if t.id in wanted]
    return tasks
