"""A benchmark run: tasks x trials, each on its own copy of the store, resumable.

The expected store of a task is computed once (its ground truth replayed on a fresh
copy) and kept as a hash; a failing trial replays it again to name the differences.
Results are written to the results file after every trial, so a run that stops (crash,
Ctrl-C, a budget) resumes where it was: finished trials are read back, not run again.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.agent.model import ModelAdapter
from app.eval.passk import pass_hat_ks
from app.eval.stores import copy_store, open_store
from app.eval.tau.score import Replay, replay, state_hash, store_state
from app.eval.tau.tasks import TauTask
from app.eval.tau.trial import Judge, TrialResult, run_trial
from app.eval.tau.user import UserFactory
from services.errors import InvalidRequest

log = logging.getLogger(__name__)
RESULTS_VERSION = 1


@dataclass(frozen=True)
class Expected:
    hash: str
    errors: tuple[str, ...]  # ground-truth writes that answered with an error
    task: TauTask
    template: Path
    workdir: Path

    def state(self) -> dict[str, Any]:
        """The expected store again (replayed anew: only failing trials need it, and
        keeping a full store per task in memory or on disk would not scale)."""
        return _replayed(self.task, self.template, self.workdir)[1]


def _replayed(task: TauTask, template: Path, workdir: Path) -> tuple[Replay, dict[str, Any]]:
    db = copy_store(template, workdir / f"expected-{_safe(task.id)}-{uuid.uuid4().hex[:8]}.db")
    try:
        with open_store(db) as uow_factory:
            outcome = replay(uow_factory, task.actions)
            state = store_state(uow_factory)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return outcome, state


def expected_for(task: TauTask, template: Path, workdir: Path) -> Expected:
    outcome, state = _replayed(task, template, workdir)
    return Expected(
        hash=state_hash(state),
        errors=outcome.errors,
        task=task,
        template=template,
        workdir=workdir,
    )


@dataclass
class RunConfig:
    template: Path
    workdir: Path
    policy: str
    agent_factory: Callable[[TauTask], ModelAdapter]
    user_factory: UserFactory
    agent_label: str
    user_label: str
    trials: int = 1
    concurrency: int = 1
    max_turns: int = 30
    judge: Judge | None = None
    results_path: Path | None = None
    # The oracle also fails a task whose ground truth itself hits an error.
    fail_on_ground_truth_errors: bool = False
    on_trial: Callable[[TrialResult], None] | None = None


@dataclass
class RunResults:
    meta: dict[str, Any]
    trials: list[dict[str, Any]] = field(default_factory=list)

    def outcomes(self) -> dict[str, list[bool]]:
        out: dict[str, list[bool]] = {}
        for t in self.trials:
            out.setdefault(str(t["task_id"]), []).append(float(t["reward"]) >= 1.0)
        return out

    def pass_hat(self) -> dict[int, float]:
        return pass_hat_ks(self.outcomes())

    def to_json(self) -> dict[str, Any]:
        return {
            "version": RESULTS_VERSION,
            "meta": self.meta,
            "summary": summary(self),
            "trials": self.trials,
        }


def summary(results: RunResults) -> dict[str, Any]:
    trials = results.trials
    tasks = results.outcomes()
    agent_costs = [t.get("agent_cost") for t in trials]
    known = [c for c in agent_costs if c is not None]
    return {
        "tasks": len(tasks),
        "trials": len(trials),
        "passed_trials": sum(1 for t in trials if float(t["reward"]) >= 1.0),
        "pass_hat_k": {str(k): round(v, 4) for k, v in results.pass_hat().items()},
        "agent_input_tokens": sum(int(t["agent_input_tokens"]) for t in trials),
        "agent_output_tokens": sum(int(t["agent_output_tokens"]) for t in trials),
        "user_input_tokens": sum(int(t["user_input_tokens"]) for t in trials),
        "user_output_tokens": sum(int(t["user_output_tokens"]) for t in trials),
        "agent_cost": round(sum(known), 4) if len(known) == len(agent_costs) else None,
        "seconds": round(sum(float(t["seconds"]) for t in trials), 2),
    }


def load_results(path: Path | None, meta: dict[str, Any]) -> RunResults:
    """Earlier results of the same run (agent and user models must match), or none."""
    if path is None or not path.is_file():
        return RunResults(meta=meta)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise InvalidRequest(f"{path} is not a results file: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != RESULTS_VERSION:
        raise InvalidRequest(f"{path} is not a results file of this version.")
    old = data.get("meta") or {}
    for key in ("agent", "user"):
        if old.get(key) != meta.get(key):
            raise InvalidRequest(
                f"{path} holds results of another {key} ({old.get(key)!r}, now "
                f"{meta.get(key)!r}); choose another --results file."
            )
    return RunResults(meta={**old, **meta}, trials=list(data.get("trials") or []))


def _write(path: Path | None, results: RunResults) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    # Compact: the file is rewritten after every trial of a long run.
    tmp.write_text(json.dumps(results.to_json(), ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # never a half-written results file


def run_tasks(tasks: list[TauTask], config: RunConfig) -> RunResults:
    meta = {"agent": config.agent_label, "user": config.user_label}
    results = load_results(config.results_path, meta)
    done = {(str(t["task_id"]), int(t["trial"])) for t in results.trials}
    todo = [(task, n) for task in tasks for n in range(config.trials) if (task.id, n) not in done]
    config.workdir.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Expected] = {}
    for task in {t.id: t for t, _ in todo}.values():
        expected[task.id] = expected_for(task, config.template, config.workdir)
    lock = threading.Lock()

    def one(task: TauTask, n: int) -> TrialResult:
        try:
            return _one(task, n)
        except Exception as exc:  # a broken trial is a failed trial; the run goes on
            log.exception("trial %s/%s failed", task.id, n)
            return TrialResult(
                task_id=task.id, trial=n, termination="harness_error", error=repr(exc)[:500]
            )

    def _one(task: TauTask, n: int) -> TrialResult:
        exp = expected[task.id]
        result = run_trial(
            task,
            n,
            template=config.template,
            workdir=config.workdir,
            agent=config.agent_factory(task),
            user=config.user_factory(task),
            policy=config.policy,
            expected_hash=exp.hash,
            expected_state=exp.state,
            max_turns=config.max_turns,
            judge=config.judge,
        )
        if config.fail_on_ground_truth_errors and exp.errors:
            result.reward = 0.0
            result.error = "ground truth failed: " + "; ".join(exp.errors)
        return result

    def record(result: TrialResult) -> None:
        with lock:
            results.trials.append(result.to_json())
            results.trials.sort(key=lambda t: (str(t["task_id"]), int(t["trial"])))
            _write(config.results_path, results)
        if config.on_trial:
            config.on_trial(result)

    if config.concurrency <= 1:
        for task, n in todo:
            record(one(task, n))
    else:
        with ThreadPoolExecutor(config.concurrency, thread_name_prefix="tau-trial") as pool:
            futures = [pool.submit(one, task, n) for task, n in todo]
            for future in as_completed(futures):
                record(future.result())
    _write(config.results_path, results)
    return results


def _safe(task_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in task_id)[:60]
