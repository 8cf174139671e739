"""`storedesk eval ...`: how good is the agent, measured before customers find out.

`scenarios` runs the YAML scenario suite (evals/scenarios/) against any adapter; `tau`
scores a model on the tau-bench retail benchmark (or replays its ground truth with
`--oracle`). Other issues add their own evaluations to this group (e.g. `eval kb`).
The work itself lives in `app/eval/`; this file only parses options and prints.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(
    help="Evaluations: the scenario suite and the tau-bench retail harness.",
    no_args_is_help=True,
)
console = Console(highlight=False)


def _ids(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [x.strip() for x in value.split(",") if x.strip()]


@app.command("tau")
def tau_command(
    store: Path = typer.Option(
        ..., "--store", help="tau-bench retail folder (users/orders/products.json) or db.json."
    ),
    tasks_file: Path = typer.Option(..., "--tasks", help="Tasks in the tau2-bench format."),
    oracle: bool = typer.Option(
        False, "--oracle", help="Replay each task's ground truth instead of a model."
    ),
    provider: str | None = typer.Option(
        None, "--provider", help="Agent: offline | openai | openai-responses."
    ),
    model: str | None = typer.Option(None, "--model", help="Agent model name."),
    base_url: str | None = typer.Option(None, "--base-url", help="Agent endpoint."),
    user_model: str | None = typer.Option(
        None, "--user-model", help="Simulated customer's model (any OpenAI-compatible)."
    ),
    user_base_url: str | None = typer.Option(
        None, "--user-base-url", help="Simulated customer's endpoint (default: OpenAI)."
    ),
    judge_model: str | None = typer.Option(
        None, "--judge-model", help="Judge natural-language assertions with this model."
    ),
    judge_base_url: str | None = typer.Option(None, "--judge-base-url"),
    trials: int = typer.Option(1, "--trials", min=1, help="Trials per task (pass^1..pass^k)."),
    concurrency: int = typer.Option(1, "--concurrency", min=1, help="Trials run at once."),
    task_ids: str | None = typer.Option(
        None, "--task-ids", "--tasks-ids", help="Only these task ids (comma-separated)."
    ),
    max_turns: int = typer.Option(30, "--max-turns", min=1, help="Customer messages per trial."),
    policy_file: Path | None = typer.Option(
        None, "--policy", help="Agent policy (default: policy.md next to the store)."
    ),
    results: Path | None = typer.Option(
        None, "--results", help="Results JSON; a rerun skips the trials it already holds."
    ),
    out: Path | None = typer.Option(None, "--out", help="Folder for results.json and results.md."),
    workdir: Path | None = typer.Option(
        None, "--workdir", help="Scratch folder for store copies (default: a temporary one)."
    ),
) -> None:
    """Score a model on tau-bench retail (or check the harness with --oracle)."""
    from app.eval.tau.cli import TauOptions, run_tau

    code = run_tau(
        TauOptions(
            store=store,
            tasks_file=tasks_file,
            oracle=oracle,
            provider=provider,
            model=model,
            base_url=base_url,
            user_model=user_model,
            user_base_url=user_base_url,
            judge_model=judge_model,
            judge_base_url=judge_base_url,
            trials=trials,
            concurrency=concurrency,
            task_ids=_ids(task_ids),
            max_turns=max_turns,
            policy_file=policy_file,
            results=results,
            out=out,
            workdir=workdir,
        ),
        console,
    )
    raise typer.Exit(code)


SCENARIOS_DIR = Path(__file__).resolve().parents[2] / "evals" / "scenarios"


@app.command("scenarios")
def scenarios_command(
    path: Path = typer.Option(SCENARIOS_DIR, "--path", help="Scenario folder or YAML file."),
    provider: str = typer.Option(
        "offline", "--provider", help="offline | openai | openai-responses."
    ),
    model: str | None = typer.Option(None, "--model", help="Model name for openai*."),
    base_url: str | None = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint."),
    trials: int = typer.Option(1, "--trials", min=1, help="Runs per scenario (pass^k)."),
    only: str | None = typer.Option(
        None, "--only", help="Only these scenario ids or tags (comma-separated)."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Folder for scenarios.json and scenarios.md."
    ),
    min_pass: float = typer.Option(
        0.0, "--min-pass", min=0.0, max=1.0, help="Exit 1 when the pass rate is below this."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every run."),
) -> None:
    """Run the scenario suite against a model adapter; report success, precision and
    recall of tool calls, turns, latency, tokens and cost."""
    from app.eval.scenarios.cli import run_scenarios

    code = run_scenarios(
        console,
        path=path,
        provider=provider,
        model=model,
        base_url=base_url,
        trials=trials,
        only=_ids(only),
        out=out,
        min_pass=min_pass,
        verbose=verbose,
    )
    raise typer.Exit(code)


@app.command("kb")
def kb_command(
    questions: Path | None = typer.Option(
        None, "--questions", help="Evaluation set (default: evals/kb/questions.json)."
    ),
    any_language: bool = typer.Option(
        False, "--any-language", help="Search every language instead of the question's."
    ),
) -> None:
    """Help-center search: recall@1, recall@3 and mean latency over the evaluation set.

    Runs on the configured database (--database-url): the demo articles are written in a
    transaction that is rolled back, so the database is left as it was.
    """
    from app.eval.kb import QUESTIONS, evaluate, load_questions
    from services import schema
    from services.uow import UowFactory

    if not schema.is_migrated():
        console.print("[red]The database has no schema.[/red] Run `storedesk db upgrade` first.")
        raise typer.Exit(2)
    asked = load_questions(questions or QUESTIONS)
    report = evaluate(UowFactory.for_url(), asked, with_locale=not any_language)
    console.print(f"help-center search on {report.backend}: {report.total} questions")
    for locale, (n, at1, at3) in sorted(report.by_locale.items()):
        console.print(f"  {locale}: recall@1 {at1 / n:.3f}  recall@3 {at3 / n:.3f}  ({n})")
    console.print(
        f"recall@1 {report.recall_at_1:.3f}  recall@3 {report.recall_at_3:.3f}  "
        f"mean latency {report.mean_latency_ms:.2f} ms"
    )
    for question, ranked in report.misses:
        console.print(f"  missed ({question.locale}) {question.q!r}: {', '.join(ranked) or '-'}")
