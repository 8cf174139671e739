"""`storedesk doctor`: check the store's invariants; exit 1 if any is broken."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import typer
from rich.console import Console

from services.doctor import check_store
from services.uow import UowFactory

console = Console()


def doctor_command(
    limit: int = typer.Option(50, "--limit", min=1, help="Violations listed per rule at most."),
    now: str | None = typer.Option(
        None, "--now", help="Judge dates against this moment (ISO, UTC) instead of the clock."
    ),
) -> None:
    """Check the store: references, ledgers, statuses, dates, stock, balances, emails."""
    moment = None
    if now is not None:
        try:
            moment = datetime.fromisoformat(now)
        except ValueError:
            raise typer.BadParameter("use an ISO date or date-time", param_hint="--now") from None
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    started = time.perf_counter()
    report = check_store(UowFactory.for_url(), now=moment, limit_per_rule=limit)
    elapsed = time.perf_counter() - started
    for v in report.violations:
        console.print(
            f"[red]✗[/red] [bold]{v.rule}[/bold] {v.subject}: {v.message}", highlight=False
        )
    for rule, found in sorted(report.found.items()):
        listed = sum(1 for v in report.violations if v.rule == rule)
        if found > listed:
            console.print(f"  … and {found - listed} more [bold]{rule}[/bold] violations")
    checked = f"{report.orders_checked:,} orders checked in {elapsed:.1f} s"
    if report.ok:
        console.print(f"[green]✓ store is consistent[/green] ({checked})")
        return
    console.print(f"[red]{report.total:,} violation(s)[/red] ({checked})")
    raise typer.Exit(1)
