"""`storedesk tools list|call|confirm`: the toolsets from the terminal, through the same
dispatcher as the chat (validation, scoping, time limit, audit record)."""

from __future__ import annotations

import json

import typer
from rich.console import Console

from app.agent.confirm import confirm_pending
from app.commands.literal import literal
from app.commands.session import make_context
from app.tools.base import ToolSet
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.schema import FORMATS, render
from app.tools.toolsets import DEFAULT_TOOLSET, TOOLSETS, get_toolset
from services.models import Actor
from services.uow import UowFactory

app = typer.Typer(help="List and call the tools the assistant uses.", no_args_is_help=True)
err = Console(stderr=True)

TOOLSET_HELP = f"Toolset: {', '.join(TOOLSETS)}."
AS_HELP = "Act as this signed-in customer (customer tools, scoped to them)."


def _toolset(name: str) -> ToolSet:
    try:
        return get_toolset(name)
    except ValueError as exc:
        err.print(literal(exc, "red"))
        raise typer.Exit(2) from None


@app.command("list")
def list_tools(
    toolset: str = typer.Option(DEFAULT_TOOLSET, "--toolset", help=TOOLSET_HELP),
    fmt: str = typer.Option("openai", "--format", help=f"One of: {', '.join(FORMATS)}."),
    as_customer: bool = typer.Option(
        False, "--customer", help="Show what a customer session sees (default: staff)."
    ),
) -> None:
    """Print a toolset's JSON schemas in one platform's format."""
    if fmt not in FORMATS:
        err.print(f"[red]Unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}.[/red]")
        raise typer.Exit(2)
    tools = _toolset(toolset)
    # Listing touches no data: a placeholder identity only selects the audience.
    ctx = ToolContext(
        uow_factory=None,  # type: ignore[arg-type]
        actor=Actor.CUSTOMER if as_customer else Actor.STAFF,
        customer_id="(any customer)" if as_customer else None,
    )
    typer.echo(json.dumps(render(tools.for_context(ctx), fmt), indent=2, ensure_ascii=False))


@app.command("call")
def call_tool(
    name: str = typer.Argument(..., help="Tool name, e.g. get_order_status."),
    arguments: str = typer.Argument("{}", help='Arguments as JSON, e.g. \'{"order_id": "X"}\'.'),
    toolset: str = typer.Option(DEFAULT_TOOLSET, "--toolset", help=TOOLSET_HELP),
    as_customer: str | None = typer.Option(None, "--as", help=AS_HELP),
    staff: bool = typer.Option(False, "--staff", help="Act as store staff."),
    auto_confirm: bool = typer.Option(
        False, "--auto-confirm", help="Staff only: apply changes at once instead of previewing."
    ),
) -> None:
    """Call one tool and print the JSON result the model would get."""
    tools = _toolset(toolset)
    ctx = make_context(
        UowFactory.for_url(), as_customer=as_customer, staff=staff, auto_confirm=auto_confirm
    )
    out = dispatch(tools, ctx, name, arguments)
    typer.echo(out.result)
    if out.confirmation is not None:
        err.print(
            f"[yellow]Nothing changed yet.[/yellow] Apply it with: storedesk tools confirm "
            f"{out.confirmation.confirmation_id} "
            + (f"--as {as_customer}" if as_customer else "--staff")
        )
    if not out.ok:
        raise typer.Exit(1)


@app.command("confirm")
def confirm(
    confirmation_id: str = typer.Argument(..., help="The id a destructive tool returned."),
    as_customer: str | None = typer.Option(None, "--as", help=AS_HELP),
    staff: bool = typer.Option(False, "--staff", help="Act as store staff."),
) -> None:
    """Apply a previewed change (exactly once)."""
    ctx = make_context(UowFactory.for_url(), as_customer=as_customer, staff=staff)
    outcome = confirm_pending(ctx, confirmation_id=confirmation_id)
    if not outcome.ok:
        err.print(literal(outcome.message, "red"))
        raise typer.Exit(1)
    typer.echo(json.dumps(outcome.result, ensure_ascii=False))
    err.print(literal(outcome.message, "green"))
