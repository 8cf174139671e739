"""`storedesk api-key create|list|revoke`: staff keys of the HTTP API (stored hashed)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from services import api_keys
from services.errors import DomainError
from services.uow import UowFactory

app = typer.Typer(help="Staff API keys of the HTTP API.", no_args_is_help=True)
console = Console()


@app.command("create")
def create(name: str = typer.Option(..., "--name", help="Who or what uses the key.")) -> None:
    """Create a key; it is printed once and only its hash is stored."""
    try:
        info, key = api_keys.create_key(UowFactory.for_url(), name=name)
    except DomainError as exc:
        console.print(f"[red]{exc.message}[/red]")
        raise typer.Exit(2) from None
    console.print(
        f"Created API key {info.name!r} ({info.prefix}…). Store it now; it is not shown again:"
    )
    typer.echo(key)


@app.command("list")
def list_keys() -> None:
    table = Table("name", "prefix", "created", "revoked")
    for info in api_keys.list_keys(UowFactory.for_url()):
        table.add_row(info.name, info.prefix + "…", f"{info.created_at:%Y-%m-%d %H:%M}",
                      f"{info.revoked_at:%Y-%m-%d %H:%M}" if info.revoked_at else "")  # fmt: skip
    console.print(table)


@app.command("revoke")
def revoke(name: str = typer.Option(..., "--name")) -> None:
    try:
        api_keys.revoke_key(UowFactory.for_url(), name=name)
    except DomainError as exc:
        console.print(f"[red]{exc.message}[/red]")
        raise typer.Exit(2) from None
    console.print(f"Revoked API key {name!r}.")
