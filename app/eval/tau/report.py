"""The results as markdown: a leaderboard-shaped row (model, pass^1..pass^k) and a
per-task table with cost, tokens and time, to set beside the published figures."""

from __future__ import annotations

from typing import Any

from app.eval.tau.run import RunResults, summary

# tau2-bench leaderboard, retail, tau3 v1.0.1 (as cited in issue 14): pass^1 / pass^4.
PUBLISHED = (
    ("Qwen3.5-397B", 84.4, 59.6),
    ("GPT-5.2", 81.6, 51.8),
    ("Claude Opus 4.5", 79.6, 51.8),
)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def leaderboard_table(results: RunResults, label: str) -> str:
    passes = results.pass_hat()
    top = max([4, *passes])
    head = "| model | " + " | ".join(f"pass^{k}" for k in range(1, top + 1)) + " |"
    rule = "|---|" + "---:|" * top
    ours = (
        f"| **{label}** (this run) | "
        + " | ".join(_pct(passes.get(k)) for k in range(1, top + 1))
        + " |"
    )
    rows = [head, rule, ours]
    for name, p1, p4 in PUBLISHED:
        cells = [f"{p1:.1f}" if k == 1 else f"{p4:.1f}" if k == 4 else "–"
                 for k in range(1, top + 1)]  # fmt: skip
        rows.append(f"| {name} (leaderboard) | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def task_table(results: RunResults) -> str:
    by_task: dict[str, list[dict[str, Any]]] = {}
    for trial in results.trials:
        by_task.setdefault(str(trial["task_id"]), []).append(trial)
    rows = [
        "| task | passed | endings | agent tokens (in+out) | agent cost $ | seconds |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for task_id, trials in by_task.items():
        passed = sum(1 for t in trials if float(t["reward"]) >= 1.0)
        endings = ", ".join(sorted({str(t["termination"]) for t in trials}))
        tin = sum(int(t["agent_input_tokens"]) for t in trials)
        tout = sum(int(t["agent_output_tokens"]) for t in trials)
        costs = [t.get("agent_cost") for t in trials]
        known = [float(c) for c in costs if c is not None]
        cost = "?" if len(known) < len(costs) else f"{sum(known):.4f}"
        secs = sum(float(t["seconds"]) for t in trials)
        rows.append(
            f"| {task_id} | {passed}/{len(trials)} | {endings} | {tin}+{tout} | {cost} "
            f"| {secs:.1f} |"
        )
    return "\n".join(rows)


def markdown(results: RunResults, label: str) -> str:
    s = summary(results)
    cost = (
        "unknown (model not in the price table)"
        if s["agent_cost"] is None
        else (f"${s['agent_cost']:.4f}")
    )
    return (
        "\n\n".join(
            [
                f"# tau-bench retail: {label}",
                f"{s['tasks']} task(s), {s['trials']} trial(s), {s['passed_trials']} passed; "
                f"agent tokens {s['agent_input_tokens']}+{s['agent_output_tokens']}, "
                f"estimated agent cost {cost}, {s['seconds']:.1f} s of trials.",
                leaderboard_table(results, label),
                task_table(results),
            ]
        )
        + "\n"
    )
