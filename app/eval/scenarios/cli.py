"""`storedesk eval scenarios`: load, run, print, write."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape

from app.agent.model import ModelAdapter
from app.agent.providers import ModelParams, ProviderConfigError, make_model
from app.eval.scenarios.runner import ScenarioRun
from app.eval.scenarios.spec import load_suite
from app.eval.scenarios.suite import run_suite
from services.errors import DomainError


def run_scenarios(
    console: Console,
    *,
    path: Path,
    provider: str,
    model: str | None,
    base_url: str | None,
    trials: int,
    only: list[str] | None,
    out: Path | None,
    min_pass: float,
    verbose: bool,
) -> int:
    """0 when the pass rate reaches ``min_pass``, 1 below it, 2 on bad input."""
    params = ModelParams(provider=provider, model=model, base_url=base_url)
    try:
        scenarios = load_suite(path, only)
        make_model(params)  # a bad provider or missing key fails before any run
    except (DomainError, ProviderConfigError) as exc:
        console.print(f"[red]{escape(getattr(exc, 'message', str(exc)))}[/red]")
        return 2

    def factory() -> ModelAdapter:
        return make_model(params)

    def show(run: ScenarioRun) -> None:
        if verbose or not run.success:
            mark = "[green]pass[/green]" if run.success else "[red]fail[/red]"
            why = "" if run.success else " — " + escape("; ".join(run.failures))[:400]
            console.print(f"{run.scenario_id} #{run.trial}: {mark}{why}")

    result = run_suite(scenarios, factory, trials=trials, on_run=show)
    s = result.summary()
    passk = " · ".join(f"pass^{k} {100 * v:.1f}%" for k, v in s["pass_hat_k"].items())
    cost = "unknown" if s["cost"] is None else f"${s['cost']:.4f}"
    console.print(
        f"[bold]{s['passed']}/{s['runs']}[/bold] runs passed "
        f"({100 * s['pass_rate']:.1f}%) over {s['scenarios']} scenarios with "
        f"{escape(result.model)}; {passk}; precision {s['precision']:.2f}, recall "
        f"{s['recall']:.2f}; median latency {s['median_latency_ms']} ms; tokens "
        f"{s['input_tokens']}+{s['output_tokens']}; cost {cost}"
    )
    console.print(
        "by language: " + ", ".join(f"{k} {100 * v:.0f}%" for k, v in s["by_language"].items())
    )
    if out is not None:
        result.write(out)
        console.print(f"[dim]wrote {out / 'scenarios.json'} and scenarios.md[/dim]")
    return 0 if result.pass_rate >= min_pass else 1
