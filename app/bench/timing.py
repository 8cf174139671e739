"""Timing helpers: samples, their median / p95 / p99 / spread, and ratios to a baseline.

A ratio is only meaningful when both sides ran under the same load, so `interleave` runs
the measured path and its baseline in alternation (ABAB…), not one after the other. Every
loop is bounded in time as well as in count: a bench on a busy machine ends, with fewer
samples, rather than hanging.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Stats:
    """Figures of one series of samples, in milliseconds."""

    n: int
    median: float
    p95: float
    p99: float
    spread: float  # interquartile range (p75 - p25): how much the middle half varies
    minimum: float
    maximum: float

    @classmethod
    def of(cls, samples_ms: Sequence[float]) -> Stats:
        if not samples_ms:
            return cls(0, float("nan"), float("nan"), float("nan"), float("nan"), 0.0, 0.0)
        data = sorted(samples_ms)
        return cls(
            n=len(data),
            median=statistics.median(data),
            p95=percentile(data, 95),
            p99=percentile(data, 99),
            spread=percentile(data, 75) - percentile(data, 25),
            minimum=data[0],
            maximum=data[-1],
        )

    def ratio(self, baseline: Stats) -> float:
        """Median over the baseline's median (how many times slower than the floor)."""
        return self.median / baseline.median if baseline.median > 0 else float("inf")


def percentile(sorted_data: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile of already sorted data."""
    if not sorted_data:
        return float("nan")
    k = (len(sorted_data) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_data) - 1)
    return sorted_data[lo] + (sorted_data[hi] - sorted_data[lo]) * (k - lo)


def measure(
    fn: Callable[[], object], *, n: int, max_seconds: float, warmup: int = 3
) -> list[float]:
    """Up to ``n`` timings of ``fn`` in ms, stopping early after ``max_seconds``."""
    for _ in range(warmup):
        fn()
    out: list[float] = []
    deadline = time.perf_counter() + max_seconds
    while len(out) < n and time.perf_counter() < deadline:
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def interleave(
    paths: Mapping[str, Callable[[], object]], *, n: int, max_seconds: float, warmup: int = 3
) -> dict[str, list[float]]:
    """Timings of several paths run in alternation, so load spikes hit them all alike."""
    for fn in paths.values():
        for _ in range(warmup):
            fn()
    out: dict[str, list[float]] = {name: [] for name in paths}
    deadline = time.perf_counter() + max_seconds
    for _ in range(n):
        if time.perf_counter() >= deadline:
            break
        for name, fn in paths.items():
            started = time.perf_counter()
            fn()
            out[name].append((time.perf_counter() - started) * 1000)
    return out


def ms(value: float) -> str:
    if value != value:  # NaN: no samples
        return "-"
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def ratio_text(value: float | None) -> str:
    if value is None or value != value:
        return ""
    return f"{value:.1f}x"
