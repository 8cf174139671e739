"""`storedesk` command line. Each command group lives in `app/commands/`; this file only
wires them together, so adding a command never touches another group's code."""

from __future__ import annotations

import os

import typer

from app.commands import api_keys as api_key_commands
from app.commands import bench as bench_commands
from app.commands import chat as chat_commands
from app.commands import db as db_commands
from app.commands import doctor as doctor_commands
from app.commands import eval as eval_commands
from app.commands import kb as kb_commands
from app.commands import seed as seed_commands
from app.commands import serve as serve_commands
from app.commands import tau as tau_commands
from app.commands import tools as tools_commands

app = typer.Typer(
    help="Storedesk: AI customer-service desk for online stores.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold secrets
)


@app.callback()
def _global(
    database_url: str | None = typer.Option(
        None,
        "--database-url",
        help="Database to use (default: $DATABASE_URL or ./var/).",
        show_default=False,
    ),
) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        from services.settings import database_settings

        database_settings.cache_clear()


app.add_typer(db_commands.app, name="db")
app.add_typer(seed_commands.app, name="seed")
app.add_typer(bench_commands.app, name="bench")
app.add_typer(api_key_commands.app, name="api-key")
app.command("import-tau")(tau_commands.import_tau_command)
app.add_typer(tools_commands.app, name="tools")
app.command("chat")(chat_commands.chat)
app.command("export-tau")(tau_commands.export_tau_command)
app.command("doctor")(doctor_commands.doctor_command)
app.add_typer(eval_commands.app, name="eval")
app.command("serve")(serve_commands.serve)
app.add_typer(kb_commands.app, name="kb")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
