"""`storedesk bench seed`: the store generator against a naive per-row ORM insert
(`seed_data.bench`), as a result table for the terminal and BENCHMARKS.md."""

from __future__ import annotations

from pathlib import Path

from app.bench.stores import Progress
from app.bench.table import Result
from seed_data.bench import bench_seed
from seed_data.generator import GenerateSpec


def run(
    spec: GenerateSpec, *, naive_orders: int, folder: Path, progress: Progress | None
) -> Result:
    found = bench_seed(spec, naive_orders=naive_orders, folder=folder, progress=progress)
    result = Result(
        "seed",
        "seed generate (SQLite file) vs naive ORM (add + flush per row)",
        ["", "generator", "naive ORM (add + flush per row)"],
    )
    result.rows += [
        ["orders", f"{found.orders:,}", f"{found.naive_orders:,}"],
        ["rows written", f"{found.rows:,}", f"{found.naive_rows:,} (order tables only)"],
        ["time", f"{found.seconds:.1f} s", f"{found.naive_seconds:.1f} s"],
        ["CPU time", f"{found.cpu_main:.1f} s main + {found.cpu_workers:.1f} s workers", ""],
        [
            "orders per second",
            f"{found.orders / found.seconds:,.0f}",
            f"{found.naive_orders / found.naive_seconds:,.0f}",
        ],
        [
            "peak RSS",
            f"{found.peak_rss_mib:,.0f} MiB main + {found.workers} worker(s) "
            f"of at most {found.worker_peak_rss_mib:,.0f} MiB",
            "",
        ],
    ]
    result.notes += [
        f"speed ratio (time per order, naive / generator): {found.ratio:,.1f}x",
        f"load average {found.load_before:.1f} before, {found.load_after:.1f} after "
        "(other processes share these CPUs)",
    ]
    return result
