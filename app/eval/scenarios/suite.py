"""A suite run: every scenario k times, pass^k, and the reports (JSON and markdown)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

from app.agent.model import ModelAdapter
from app.eval.passk import add_costs, pass_hat_ks
from app.eval.scenarios import stores
from app.eval.scenarios.runner import ScenarioRun, run_scenario
from app.eval.scenarios.spec import Scenario

ModelFactory = Callable[[], ModelAdapter]


@dataclass
class SuiteResult:
    model: str
    runs: list[ScenarioRun] = field(default_factory=list)

    def outcomes(self) -> dict[str, list[bool]]:
        out: dict[str, list[bool]] = {}
        for run in self.runs:
            out.setdefault(run.scenario_id, []).append(run.success)
        return out

    @property
    def pass_rate(self) -> float:
        return sum(r.success for r in self.runs) / len(self.runs) if self.runs else 0.0

    def summary(self) -> dict[str, Any]:
        runs = self.runs
        n = len(runs) or 1
        by_lang: dict[str, list[bool]] = {}
        for run in runs:
            by_lang.setdefault(run.language, []).append(run.success)
        return {
            "model": self.model,
            "scenarios": len(self.outcomes()),
            "runs": len(runs),
            "passed": sum(r.success for r in runs),
            "pass_rate": round(self.pass_rate, 4),
            "pass_hat_k": {str(k): round(v, 4) for k, v in pass_hat_ks(self.outcomes()).items()},
            "by_language": {lang: round(sum(v) / len(v), 4) for lang, v in sorted(by_lang.items())},
            "precision": round(sum(r.precision for r in runs) / n, 4),
            "recall": round(sum(r.recall for r in runs) / n, 4),
            "turns": sum(r.turns for r in runs),
            "median_latency_ms": int(median(r.latency_ms for r in runs)) if runs else 0,
            "input_tokens": sum(r.input_tokens for r in runs),
            "output_tokens": sum(r.output_tokens for r in runs),
            "cost": add_costs(r.cost for r in runs),
        }

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "runs": [r.to_json() for r in self.runs]}

    def markdown(self) -> str:
        s = self.summary()
        passk = " · ".join(f"pass^{k} {100 * v:.1f}%" for k, v in s["pass_hat_k"].items())
        cost = "unknown" if s["cost"] is None else f"${s['cost']:.4f}"
        lines = [
            f"# Scenario suite: {self.model}",
            "",
            f"{s['passed']}/{s['runs']} runs passed ({100 * s['pass_rate']:.1f}%) over "
            f"{s['scenarios']} scenarios; {passk}; tool-call precision {s['precision']:.2f}, "
            f"recall {s['recall']:.2f}; median latency {s['median_latency_ms']} ms; tokens "
            f"{s['input_tokens']}+{s['output_tokens']}; estimated cost {cost}.",
            "",
            "| scenario | lang | passed | precision | recall | turns | latency ms | tokens "
            "| why it failed |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        by_id: dict[str, list[ScenarioRun]] = {}
        for run in self.runs:
            by_id.setdefault(run.scenario_id, []).append(run)
        for sid, runs in by_id.items():
            k = len(runs)
            precision = sum(r.precision for r in runs) / k
            recall = sum(r.recall for r in runs) / k
            why = "; ".join(sorted({f for r in runs for f in r.failures}))[:300]
            lines.append(
                f"| {sid} | {runs[0].language} | {sum(r.success for r in runs)}/{k} "
                f"| {precision:.2f} | {recall:.2f} "
                f"| {runs[0].turns} | {sum(r.latency_ms for r in runs) // k} "
                f"| {sum(r.input_tokens + r.output_tokens for r in runs) // k} "
                f"| {why.replace('|', '/')} |"
            )
        return "\n".join(lines) + "\n"

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "scenarios.json").write_text(
            json.dumps(self.to_json(), indent=1, ensure_ascii=False), encoding="utf-8"
        )
        (folder / "scenarios.md").write_text(self.markdown(), encoding="utf-8")


def run_suite(
    scenarios: list[Scenario],
    make_model: ModelFactory,
    *,
    trials: int = 1,
    workdir: Path | None = None,
    on_run: Callable[[ScenarioRun], None] | None = None,
) -> SuiteResult:
    """Each scenario ``trials`` times, a fresh store copy and a fresh model each time."""
    label = make_model().label
    result = SuiteResult(model=label)
    with tempfile.TemporaryDirectory(prefix="storedesk-scenarios-", dir=workdir) as tmp:
        folder = Path(tmp)
        cache: dict[str, Path] = {}
        for scenario in scenarios:
            template = stores.prepare(scenario, folder, cache)
            for trial in range(trials):
                run = run_scenario(scenario, template, folder, make_model(), trial)
                result.runs.append(run)
                if on_run:
                    on_run(run)
    return result
