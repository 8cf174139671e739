"""`storedesk bench …`: benchmarks that print their figures (the targets are checked here,
not by timed unit tests)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from seed_data.bench import bench_seed
from seed_data.generator import GenerateSpec, workers_for
from services.errors import DomainError

app = typer.Typer(
    help="Benchmarks (figures printed, ratios against a baseline).", no_args_is_help=True
)
console = Console()


@app.command("seed")
def seed_command(
    orders: int = typer.Option(1_000_000, "--orders", help="Orders in the generated store."),
    customers: int = typer.Option(100_000, "--customers"),
    products: int = typer.Option(2_000, "--products"),
    warehouses: int = typer.Option(5, "--warehouses"),
    locales: str = typer.Option("en_US,vi_VN,pt_BR", "--locales"),
    naive_orders: int = typer.Option(
        10_000, "--naive-orders", help="Orders in the slice the naive ORM baseline writes."
    ),
    workers: int | None = typer.Option(
        None, "--workers", help="Generator workers (default: auto)."
    ),
    seed: int = typer.Option(1, "--seed"),
    folder: Path | None = typer.Option(
        None, "--dir", help="Where to put the two SQLite files (default: a temporary folder)."
    ),
) -> None:
    """Time and peak memory of `seed generate` (SQLite file) against a naive per-row ORM insert."""
    spec = GenerateSpec(
        customers=customers,
        orders=orders,
        products=products,
        warehouses=warehouses,
        locales=tuple(x.strip() for x in locales.split(",") if x.strip()),
        seed=seed,
        as_of=datetime(2026, 1, 1, tzinfo=UTC),
        workers=workers,
    )
    try:
        spec.validate()
    except DomainError as exc:
        console.print(f"[red]{exc.message}[/red]")
        raise typer.Exit(2) from None
    # Decided before the progress bar starts its refresh thread (the generator forks
    # workers only from a single-threaded process).
    spec = replace(spec, workers=workers_for(spec, "sqlite"))
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with (
        tempfile.TemporaryDirectory(prefix="storedesk-bench-", dir=folder) as tmp,
        Progress(*columns, console=console, transient=True) as bar,
    ):
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=max(total, 1))
            bar.update(tasks[stage], completed=done, total=max(total, 1))

        result = bench_seed(spec, naive_orders=naive_orders, folder=Path(tmp), progress=progress)
    table = Table("", "generator", "naive ORM (add + flush per row)", title="storedesk bench seed")
    table.add_row("orders", f"{result.orders:,}", f"{result.naive_orders:,}")
    table.add_row("rows written", f"{result.rows:,}", f"{result.naive_rows:,} (order tables only)")
    table.add_row("time", f"{result.seconds:.1f} s", f"{result.naive_seconds:.1f} s")
    table.add_row(
        "CPU time",
        f"{result.cpu_main:.1f} s main + {result.cpu_workers:.1f} s workers",
        "",
    )
    table.add_row(
        "orders per second",
        f"{result.orders / result.seconds:,.0f}",
        f"{result.naive_orders / result.naive_seconds:,.0f}",
    )
    table.add_row(
        "peak RSS",
        f"{result.peak_rss_mib:,.0f} MiB main + {result.workers} worker(s) "
        f"of at most {result.worker_peak_rss_mib:,.0f} MiB",
        "",
    )
    console.print(table)
    console.print(
        f"speed ratio (time per order, naive / generator): [bold]{result.ratio:,.1f}x[/bold]\n"
        f"machine: {os.cpu_count()} CPUs, load average {result.load_before:.1f} before, "
        f"{result.load_after:.1f} after (other processes share these CPUs)"
    )
