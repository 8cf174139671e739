"""`storedesk seed …`: fill the store (demo store; the generator lives beside it)."""

from __future__ import annotations

import typer
from rich.console import Console

from seed_data.demo import load_demo
from services.admin import reset_store
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
