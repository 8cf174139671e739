"""pass^k as tau-bench computes it, and the cost of a run.

For a task tried n times with c successes, the chance that k trials drawn without
replacement all pass is C(c, k) / C(n, k); pass^k is the mean of that over tasks. With
k = 1 this is the plain success rate. Tasks tried fewer than k times are left out of
pass^k (the estimate does not exist for them), which the report says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from math import comb

from services.pricing import DEFAULT_PRICES, cost_of, price_for


def pass_hat_k(successes: int, trials: int, k: int) -> float:
    """C(c, k) / C(n, k) for one task."""
    if k < 1 or trials < k:
        raise ValueError(f"pass^{k} needs at least {k} trial(s), got {trials}")
    if not 0 <= successes <= trials:
        raise ValueError(f"successes {successes} outside 0..{trials}")
    return comb(successes, k) / comb(trials, k)


def pass_hat_ks(
    outcomes: Mapping[str, Sequence[bool]], max_k: int | None = None
) -> dict[int, float]:
    """{k: pass^k} for k = 1 .. the fewest trials any task has (or ``max_k``)."""
    counts = {task: (sum(1 for ok in runs if ok), len(runs)) for task, runs in outcomes.items()}
    counts = {task: cn for task, cn in counts.items() if cn[1] > 0}
    if not counts:
        return {}
    top = min(n for _, n in counts.values())
    if max_k is not None:
        top = min(top, max_k)
    return {
        k: sum(pass_hat_k(c, n, k) for c, n in counts.values()) / len(counts)
        for k in range(1, top + 1)
    }


def estimated_cost(model: str, input_tokens: int, output_tokens: int) -> float | None:
    """Dollars from the price table (services.pricing); None for a model it lacks."""
    price = price_for(model, DEFAULT_PRICES)
    if price is None:
        return None
    return float(cost_of(price, input_tokens, output_tokens))


def add_costs(values: Iterable[float | None]) -> float | None:
    """The sum, or None when any part is unknown (a partial sum would understate)."""
    total = Decimal(0)
    for value in values:
        if value is None:
            return None
        total += Decimal(str(value))
    return float(total)
