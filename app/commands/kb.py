"""`storedesk kb import|export`: the help center as a folder of markdown files with front
matter (one sub-folder per language), so articles can live in a repository."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from services.errors import DomainError
from services.help_center.files import export_dir, import_dir
from services.uow import UowFactory

app = typer.Typer(help="Help-center articles: import and export markdown.", no_args_is_help=True)
console = Console(highlight=False)


@app.command("import")
def import_command(
    folder: Path = typer.Argument(..., help="Folder of *.md files with front matter."),
    author: str = typer.Option("import", "--author", help="Recorded as who updated them."),
) -> None:
    """Load (insert or replace) every article in FOLDER, all in one transaction."""
    try:
        ids = import_dir(UowFactory.for_url(), folder, author=author)
    except DomainError as exc:
        console.print(f"[red]Nothing imported:[/red] {exc.message}")
        raise typer.Exit(1) from None
    console.print(f"[green]imported {len(ids)} article(s)[/green] from {folder}")


@app.command("export")
def export_command(
    folder: Path = typer.Argument(..., help="Where to write <locale>/<slug>.md files."),
) -> None:
    """Write every article (published or not) to FOLDER; `kb import` reads it back."""
    written = export_dir(UowFactory.for_url(), folder)
    console.print(f"[green]exported {len(written)} article(s)[/green] to {folder}")
