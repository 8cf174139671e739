"""`storedesk import-tau` / `export-tau`: the tau-bench retail store in and out."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from seed_data.tau import import_tau
from seed_data.tau_export import export_tau
from services.errors import DomainError
from services.uow import UowFactory

console = Console()


def import_tau_command(
    directory: Path = typer.Argument(
        ...,
        exists=True,
        file_okay=False,
        help="Folder with the three JSON files.",
    ),
) -> None:
    """Import the tau-bench retail store (ids and list order kept) into an empty store."""
    started = time.perf_counter()
    try:
        counts = import_tau(UowFactory.for_url(), directory)
    except DomainError as exc:
        console.print(f"[red]{exc.message}[/red] {exc.hint}")
        raise typer.Exit(1) from None
    table = Table("table", "rows", title=f"imported in {time.perf_counter() - started:.2f} s")
    for name, count in counts.items():
        table.add_row(name, str(count))
    console.print(table)


def export_tau_command(
    directory: Path = typer.Argument(..., file_okay=False, help="Folder to write the files to."),
) -> None:
    """Write the store as tau-bench retail users.json, orders.json and products.json."""
    started = time.perf_counter()
    counts = export_tau(UowFactory.for_url(), directory)
    table = Table("file", "entries", title=f"exported in {time.perf_counter() - started:.2f} s")
    for name, count in counts.items():
        table.add_row(f"{name}.json", str(count))
    console.print(table)
