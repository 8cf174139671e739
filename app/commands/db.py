"""`storedesk db …`: schema migrations (Alembic)."""

from __future__ import annotations

import typer
from rich.console import Console

from services import schema

app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
console = Console()


@app.command()
def upgrade(revision: str = typer.Argument("head")) -> None:
    """Migrate the database to REVISION (default: the newest)."""
    schema.upgrade(revision=revision)
    console.print(f"[green]database at {revision}[/green]")


@app.command()
def downgrade(revision: str = typer.Argument("base")) -> None:
    """Migrate the database down to REVISION (default: empty)."""
    schema.downgrade(revision=revision)
    console.print(f"[yellow]database at {revision}[/yellow]")


@app.command()
def check() -> None:
    """Fail if the models and the migrated database differ."""
    schema.check()
    console.print("[green]no drift between models and database[/green]")
