"""`storedesk eval tau`: options in, a run, results out (JSON, markdown, the console)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from app.agent.model import ModelAdapter
from app.agent.providers import ModelParams, ProviderConfigError, make_model
from app.eval.stores import prepare_tau_store
from app.eval.tau.judge import LLMJudge
from app.eval.tau.oracle import oracle_agent, oracle_user
from app.eval.tau.report import markdown
from app.eval.tau.run import RunConfig, RunResults, run_tasks, summary
from app.eval.tau.tasks import TauTask, load_tasks
from app.eval.tau.trial import TrialResult
from app.eval.tau.user import LLMUser, SimulatedUser, UserFactory
from services.errors import DomainError


@dataclass(frozen=True)
class TauOptions:
    store: Path
    tasks_file: Path
    oracle: bool = False
    provider: str | None = None
    model: str | None = None
    base_url: str | None = None
    user_model: str | None = None
    user_base_url: str | None = None
    judge_model: str | None = None
    judge_base_url: str | None = None
    trials: int = 1
    concurrency: int = 1
    task_ids: list[str] | None = None
    max_turns: int = 30
    policy_file: Path | None = None
    results: Path | None = None
    out: Path | None = None
    workdir: Path | None = None


def _policy(options: TauOptions) -> str:
    if options.policy_file is not None:
        path = options.policy_file
    else:
        base = options.store if options.store.is_dir() else options.store.parent
        path = base / "policy.md"
    if not path.is_file():
        if options.oracle:
            return ""  # the oracle reads no policy
        raise DomainError(f"No agent policy at {path}; pass --policy FILE.")
    return path.read_text(encoding="utf-8")


def run_tau(options: TauOptions, console: Console) -> int:
    """Exit code: 0 when every trial passed, 1 when some failed, 2 on bad input."""
    try:
        tasks = load_tasks(options.tasks_file, options.task_ids)
        policy = _policy(options)
        agent_label, user_label, make_agent, make_user = _actors(options)
    except (DomainError, ProviderConfigError) as exc:
        console.print(f"[red]{getattr(exc, 'message', str(exc))}[/red]")
        return 2
    if not tasks:
        console.print("[red]No tasks to run.[/red]")
        return 2
    with tempfile.TemporaryDirectory(prefix="storedesk-tau-", dir=options.workdir) as tmp:
        workdir = Path(tmp)
        try:
            template = prepare_tau_store(options.store, workdir / "store.db")
        except DomainError as exc:
            console.print(f"[red]{exc.message}[/red]")
            return 2
        results_path = options.results or (
            options.out / "results.json" if options.out is not None else None
        )
        judge = (
            LLMJudge(model=options.judge_model, base_url=options.judge_base_url)
            if options.judge_model
            else None
        )
        config = RunConfig(
            template=template,
            workdir=workdir,
            policy=policy,
            agent_factory=make_agent,
            user_factory=make_user,
            agent_label=agent_label,
            user_label=user_label,
            trials=options.trials,
            concurrency=options.concurrency,
            max_turns=options.max_turns,
            judge=judge,
            results_path=results_path,
            fail_on_ground_truth_errors=options.oracle,
            on_trial=lambda r: _progress(console, r),
        )
        try:
            results = run_tasks(tasks, config)
        except DomainError as exc:
            console.print(f"[red]{exc.message}[/red]")
            return 2
    # The results file may hold more (other tasks, more trials): report this run's.
    wanted = {t.id for t in tasks}
    results.trials = [
        t for t in results.trials
        if str(t["task_id"]) in wanted and int(t["trial"]) < options.trials
    ]  # fmt: skip
    _print(console, results, agent_label)
    if options.out is not None:
        options.out.mkdir(parents=True, exist_ok=True)
        (options.out / "results.md").write_text(markdown(results, agent_label), encoding="utf-8")
        console.print(f"[dim]wrote {options.out / 'results.json'} and results.md[/dim]")
    expected_trials = len(tasks) * options.trials
    passed = sum(1 for t in results.trials if float(t["reward"]) >= 1.0)
    return 0 if passed == expected_trials else 1


def _actors(
    options: TauOptions,
) -> tuple[str, str, Callable[[TauTask], ModelAdapter], UserFactory]:
    if options.oracle:
        return "oracle (ground truth)", "oracle user", oracle_agent, oracle_user
    if not options.user_model:
        raise DomainError("Live mode needs --user-model (the simulated customer's model).")
    params = ModelParams(provider=options.provider, model=options.model, base_url=options.base_url)
    probe = make_model(params)  # fails early on a bad provider or a missing key

    def make_agent(_task: TauTask) -> ModelAdapter:
        return make_model(params)

    def make_user(task: TauTask) -> SimulatedUser:
        assert options.user_model
        return LLMUser(task, model=options.user_model, base_url=options.user_base_url)

    user_label = f"{options.user_model} @ {options.user_base_url or 'default endpoint'}"
    return probe.label, user_label, make_agent, make_user


def _progress(console: Console, result: TrialResult) -> None:
    mark = "[green]pass[/green]" if result.passed else "[red]fail[/red]"
    why = "" if result.passed else _why(result)
    console.print(
        f"task {result.task_id} trial {result.trial}: {mark} ({result.termination}, "
        f"{result.turns} turn(s), {result.seconds:.1f} s){why}"
    )


def _why(result: TrialResult) -> str:
    parts = []
    if result.error:
        parts.append(result.error)
    if not result.db_match:
        parts.append("store differs" + (f": {', '.join(result.db_diff)}" if result.db_diff else ""))
    if result.missing_info:
        parts.append(f"not said: {', '.join(result.missing_info)}")
    if result.nl_ok is False:
        parts.append("NL assertions not met")
    return " — " + "; ".join(parts) if parts else ""


def _print(console: Console, results: RunResults, label: str) -> None:
    s = summary(results)
    table = Table("model", *[f"pass^{k}" for k in results.pass_hat()], title="tau-bench retail")
    table.add_row(label, *[f"{100 * v:.1f}" for v in results.pass_hat().values()])
    console.print(table)
    cost = "unknown" if s["agent_cost"] is None else f"${s['agent_cost']:.4f}"
    console.print(
        f"{s['passed_trials']}/{s['trials']} trial(s) passed over {s['tasks']} task(s); "
        f"agent tokens {s['agent_input_tokens']}+{s['agent_output_tokens']}, cost {cost}"
    )
