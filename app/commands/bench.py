"""`storedesk bench …`: benchmarks that print their figures (the targets are checked here,
not by timed unit tests). Each command runs one module of `app.bench` and writes its own
section of BENCHMARKS.md; `all` runs them one after the other."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from app.bench import api_load as api_bench
from app.bench import concurrency as concurrency_bench
from app.bench import loop as loop_bench
from app.bench import reads as reads_bench
from app.bench import schemas as schemas_bench
from app.bench import seed as seed_bench
from app.bench import turns as turns_bench
from app.bench import writes as writes_bench
from app.bench.stores import Progress as ProgressFn
from app.bench.table import Result
from seed_data.generator import GenerateSpec, workers_for
from services.errors import DomainError

app = typer.Typer(
    help="Benchmarks (figures printed, ratios against a baseline).", no_args_is_help=True
)
# Wide when piped (make bench | tee): the tables' labels stay on one line.
console = Console(width=None if sys.stdout.isatty() else 160)

OUT = typer.Option(
    "BENCHMARKS.md", "--out", help="Markdown file whose section this bench rewrites ('' : none)."
)
MAX_SECONDS = typer.Option(60.0, "--max-seconds", help="Time bound of each measured series.")


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise typer.BadParameter("sizes: comma-separated numbers, e.g. 10000,1000000") from None
    if not sizes or min(sizes) < 1:
        raise typer.BadParameter("sizes must be positive")
    return sizes


class _Bars:
    """Generation progress for the bench stores (made once, then reused)."""

    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip

    def __enter__(self) -> ProgressFn:
        self.bar = Progress(*self.columns, console=console, transient=True)
        self.bar.__enter__()
        self.tasks: dict[str, TaskID] = {}
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=max(total, 1))
        self.bar.update(self.tasks[stage], completed=done, total=max(total, 1))

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)


@app.command("reads")
def reads_command(
    orders: str = typer.Option("10000,1000000", "--orders", help="Store sizes, comma-separated."),
    n: int = typer.Option(400, "-n", help="Calls per path and size."),
    max_seconds: float = MAX_SECONDS,
    out: str = OUT,
) -> None:
    """Read tools through the dispatcher vs the raw SQL of the same rows (SQLite stores)."""
    with _Bars() as progress:
        result = reads_bench.run(_sizes(orders), n=n, max_seconds=max_seconds, progress=progress)
    result.publish(console, out or None)


@app.command("writes")
def writes_command(
    orders: int = typer.Option(1_000_000, "--orders", help="Store size (SQLite)."),
    n: int = typer.Option(300, "-n", help="Returns previewed and confirmed (one order each)."),
    max_seconds: float = MAX_SECONDS,
    out: str = OUT,
) -> None:
    """process_return preview (dispatcher) and confirm, against a raw SQL write floor."""
    with _Bars() as progress:
        result = writes_bench.run(orders=orders, n=n, max_seconds=max_seconds, progress=progress)
    result.publish(console, out or None)


@app.command("loop")
def loop_command(
    orders: int = typer.Option(10_000, "--orders", help="Store size (SQLite)."),
    turns: int = typer.Option(200, "--turns", help="Turns per conversation."),
    conversations: int = typer.Option(3, "--conversations"),
    max_seconds: float = typer.Option(120.0, "--max-seconds"),
    out: str = OUT,
) -> None:
    """Loop overhead per turn (scripted model), turn 1 against turn 200."""
    with _Bars() as progress:
        result = loop_bench.run(
            orders=orders,
            turns=turns,
            conversations_n=conversations,
            max_seconds=max_seconds,
            progress=progress,
        )
    result.publish(console, out or None)


@app.command("turns")
def turns_command(
    orders: int = typer.Option(10_000, "--orders", help="Store size (PostgreSQL)."),
    n: int = typer.Option(300, "-n", help="Turns."),
    max_seconds: float = MAX_SECONDS,
    out: str = OUT,
) -> None:
    """CPU of one offline turn on PostgreSQL, against the raw SQL of the same turn."""
    with _Bars() as progress:
        result = turns_bench.run(orders=orders, n=n, max_seconds=max_seconds, progress=progress)
    result.publish(console, out or None)


@app.command("concurrency")
def concurrency_command(
    orders: int = typer.Option(10_000, "--orders", help="Store size (PostgreSQL)."),
    workers: str = typer.Option(
        "2,4,6,8", "--workers", help="Serving process counts to try, comma-separated."
    ),
    seconds: float = typer.Option(20.0, "--seconds", help="Measured window of each count."),
    out: str = OUT,
) -> None:
    """Offline turns per second served by several processes on PostgreSQL."""
    counts = [int(n) for n in workers.split(",") if n.strip()]
    with _Bars() as progress:
        result = concurrency_bench.run(
            orders=orders, workers=counts, seconds=seconds, progress=progress
        )
    result.publish(console, out or None)


@app.command("api")
def api_command(
    webhooks: int = typer.Option(50, "--webhooks", help="Signed webhook calls at once."),
    conversations: int = typer.Option(32, "--conversations", help="SSE conversations at once."),
    workers: int = typer.Option(2, "--workers", help="uvicorn worker processes."),
    rounds: int = typer.Option(3, "--rounds", min=1, max=20, help="Bursts of each kind."),
    out: str = OUT,
) -> None:
    """The HTTP API under `storedesk serve --workers N` on PostgreSQL: requests/s, p99."""
    result = api_bench.run(
        webhooks=webhooks, conversations=conversations, workers=workers, rounds=rounds
    )
    result.publish(console, out or None)
    if result.rows and any(row[2] != "0" for row in result.rows):
        raise typer.Exit(1)


@app.command("schemas")
def schemas_command(
    n: int = typer.Option(300, "-n", help="Renders per path."),
    max_seconds: float = typer.Option(20.0, "--max-seconds"),
    out: str = OUT,
) -> None:
    """The toolset's schemas for one model request: rendered each time vs cached."""
    schemas_bench.run(n=n, max_seconds=max_seconds).publish(console, out or None)


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
    out: str = OUT,
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
    with (
        tempfile.TemporaryDirectory(prefix="storedesk-bench-", dir=folder) as tmp,
        _Bars() as progress,
    ):
        result = seed_bench.run(
            spec, naive_orders=naive_orders, folder=Path(tmp), progress=progress
        )
    result.publish(console, out or None)


@app.command("all")
def all_command(
    max_seconds: float = MAX_SECONDS,
    out: str = OUT,
) -> None:
    """Every bench at its default size, one after the other (`make bench`; not seed,
    which rebuilds a 1M store: run `storedesk bench seed` on its own)."""
    runs: list[Callable[[ProgressFn], Result]] = [
        lambda p: reads_bench.run([10_000, 1_000_000], max_seconds=max_seconds, progress=p),
        lambda p: writes_bench.run(max_seconds=max_seconds, progress=p),
        lambda p: loop_bench.run(max_seconds=2 * max_seconds, progress=p),
        lambda p: turns_bench.run(max_seconds=max_seconds, progress=p),
        lambda p: concurrency_bench.run(progress=p),
        lambda p: schemas_bench.run(),
    ]
    for bench in runs:
        with _Bars() as progress:
            result = bench(progress)
        result.publish(console, out or None)


@app.command("kb")
def kb_command(
    articles: int = typer.Option(10_000, "--articles", min=30, help="Articles in the store."),
    n: int = typer.Option(500, "-n", help="Searches timed."),
    max_seconds: float = MAX_SECONDS,
    out: str = OUT,
) -> None:
    """Help-center search over generated articles (SQLite FTS5) vs a bare FTS5 query."""
    from app.bench import kb as kb_bench

    kb_bench.run(articles=articles, n=n, max_seconds=max_seconds).publish(console, out or None)


@app.command("chat-ui")
def chat_ui_command(
    turns: int = typer.Option(100, "--turns", min=2, help="The late turn measured."),
    sends: int = typer.Option(3, "--sends", min=1, help="Messages timed per turn."),
    out: str = OUT,
) -> None:
    """The chat in Chromium: Send to first text and to finished answer, turn 1 vs 100."""
    from app.bench import chat_ui as chat_ui_bench

    try:
        result = chat_ui_bench.run(turns=turns, sends=sends)
    except RuntimeError as exc:
        console.print(f"[red]chat-ui bench could not run:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    result.publish(console, out or None)
