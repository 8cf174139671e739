"""Who a CLI command acts as: `--as CUSTOMER_ID` or `--staff`, turned into a ToolContext.

The identity comes from the command line (the operator's own terminal), never from
anything a model says; a customer id that does not exist is refused before anything runs.
"""

from __future__ import annotations

import typer
from rich.console import Console

from app.tools.context import ToolContext
from services.models import Actor, Customer
from services.uow import UowFactory

err = Console(stderr=True)


def make_context(
    uow_factory: UowFactory,
    *,
    as_customer: str | None,
    staff: bool,
    auto_confirm: bool = False,
    conversation_id: str | None = None,
) -> ToolContext:
    if bool(as_customer) == staff:
        err.print("[red]Choose exactly one of --as CUSTOMER_ID or --staff.[/red]")
        raise typer.Exit(2)
    if staff:
        return ToolContext(
            uow_factory=uow_factory,
            actor=Actor.STAFF,
            conversation_id=conversation_id,
            confirmation="automatic" if auto_confirm else "explicit",
            staff_name="cli",
        )
    assert as_customer is not None
    with uow_factory() as uow:
        exists = uow.session.get(Customer, as_customer) is not None
    if not exists:
        err.print(f"[red]No customer with id {as_customer!r} in this store.[/red]")
        raise typer.Exit(2)
    if auto_confirm:
        err.print("[red]--auto-confirm is for staff sessions only.[/red]")
        raise typer.Exit(2)
    return ToolContext(
        uow_factory=uow_factory,
        actor=Actor.CUSTOMER,
        customer_id=as_customer,
        conversation_id=conversation_id,
    )
