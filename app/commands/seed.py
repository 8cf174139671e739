"""`storedesk seed …`: fill the store (demo store; the generator lives beside it)."""

from __future__ import annotations

import time as time_module
from dataclasses import replace
from datetime import UTC, datetime, time

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from seed_data.demo import load_demo
from seed_data.generator import GenerateSpec, generate_store, workers_for
from services.admin import reset_store
from services.errors import DomainError
from services.stats import is_empty
from services.uow import UowFactory

app = typer.Typer(help="Fill the store with data.", no_args_is_help=True)
console = Console()


@app.command()
def demo(
    if_empty: bool = typer.Option(False, "--if-empty", help="Do nothing if the store has data."),
    reset: bool = typer.Option(False, "--reset", help="Wipe the store first."),
) -> None:
    """Load the small hand-made demo store."""
    uow_factory = UowFactory.for_url()
    if reset:
        reset_store(uow_factory)
    elif not is_empty(uow_factory):
        if if_empty:
            console.print("store already has data; demo store not loaded")
            return
        console.print("[red]The store is not empty.[/red] Use --reset to replace it.")
        raise typer.Exit(1)
    counts = load_demo(uow_factory)
    console.print(
        f"[green]demo store loaded[/green]: {counts['customers']} customers, "
        f"{counts['products']} products, {counts['orders']} orders"
    )


def _as_of(value: str | None) -> datetime:
    if value is None:
        return datetime.combine(datetime.now(UTC).date(), time(), UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("use a date (2026-06-30) or an ISO date-time") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


@app.command()
def generate(
    customers: int = typer.Option(1_000, "--customers", help="Number of customers."),
    orders: int = typer.Option(5_000, "--orders", help="Number of orders."),
    products: int = typer.Option(200, "--products", help="Number of products."),
    warehouses: int = typer.Option(5, "--warehouses", help="Number of warehouses."),
    locales: str = typer.Option(
        "en_US", "--locales", help="Comma-separated customer locales: en_US, vi_VN, pt_BR."
    ),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed, the same store."),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="The store's 'now' (date or ISO date-time, UTC); default: today 00:00 UTC. "
        "Fix it for a store that is the same whenever it is generated.",
    ),
    reset: bool = typer.Option(False, "--reset", help="Wipe the store first."),
    workers: int | None = typer.Option(
        None, "--workers", help="Worker processes (SQLite; default: automatic, 0: none)."
    ),
) -> None:
    """Generate a realistic mock store of any size, reproducible from --seed and --as-of."""
    spec = GenerateSpec(
        customers=customers,
        orders=orders,
        products=products,
        warehouses=warehouses,
        locales=tuple(loc.strip() for loc in locales.split(",") if loc.strip()),
        seed=seed,
        as_of=_as_of(as_of),
        workers=workers,
    )
    try:
        spec.validate()
    except DomainError as exc:
        console.print(f"[red]{exc.message}[/red]")
        raise typer.Exit(2) from None
    uow_factory = UowFactory.for_url()
    # Decided before the progress bar starts its refresh thread (the generator forks
    # workers only from a single-threaded process).
    spec = replace(spec, workers=workers_for(spec, uow_factory.engine.dialect.name))
    if reset:
        reset_store(uow_factory)
    elif not is_empty(uow_factory):
        console.print("[red]The store is not empty.[/red] Use --reset to replace its data.")
        raise typer.Exit(1)
    started = time_module.perf_counter()
    columns = (
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as bar:
        tasks = {
            stage: bar.add_task(stage, total=1, start=False)
            for stage in ("catalogue", "customers", "orders")
        }

        def progress(stage: str, done: int, total: int) -> None:
            bar.start_task(tasks[stage])
            bar.update(tasks[stage], completed=done, total=max(total, 1))

        try:
            counts = generate_store(uow_factory, spec, progress=progress)
        except DomainError as exc:
            bar.stop()
            console.print(f"[red]{exc.message}[/red] {exc.hint}")
            raise typer.Exit(1) from None
    table = Table(
        "table", "rows", title=f"generated in {time_module.perf_counter() - started:.1f} s"
    )
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    console.print(table)
