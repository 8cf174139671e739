"""`storedesk chat`: the conversation loop in the terminal, tool calls shown as they run.

The same `run_turn` as the web chat. A previewed change is applied only if the person at
the terminal answers yes to the prompt (the CLI is the caller that confirms).
"""

from __future__ import annotations

import dataclasses
import json

import typer
from pydantic import SecretStr
from rich.console import Console

from app.agent.confirm import cancel_pending, confirm_pending
from app.agent.events import (
    ConfirmationRequired,
    ErrorEvent,
    Event,
    TextDelta,
    ToolCallStarted,
    ToolResult,
    TurnFinished,
)
from app.agent.loop import run_turn
from app.agent.model import ModelAdapter, StreamOptions
from app.agent.providers import ModelParams, ProviderConfigError, make_model
from app.commands.literal import line, literal
from app.commands.session import make_context
from app.tools.context import ToolContext
from app.tools.toolsets import DEFAULT_TOOLSET, get_toolset
from services import conversations
from services.uow import UowFactory

console = Console(highlight=False)
QUIT = {"exit", "quit", ":q", "/exit", "/quit"}


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(event: Event, ctx: ToolContext, toolset: str) -> None:
    # Everything the model, a tool or the store wrote is printed literally (see literal).
    if isinstance(event, TextDelta):
        console.print(literal(event.text), end="")
    elif isinstance(event, ToolCallStarted):
        console.print()
        console.print(line((f"→ {event.name}({_short(event.arguments)})", "dim")))
    elif isinstance(event, ToolResult):
        mark = ("ok", "green") if event.ok else (str(event.error_code), "red")
        console.print(line((f"← {event.name} ", "dim"), mark, (f" {event.duration_ms} ms", "dim")))
    elif isinstance(event, ErrorEvent):
        console.print()
        console.print(line((event.message, "red"), " ", (f"({event.code})", "dim")))
    elif isinstance(event, TurnFinished):
        console.print()
        console.print(
            line(
                (
                    f"{event.model or ''} · {event.rounds} round(s) · {event.tool_calls} tool "
                    f"call(s) · {event.usage.input_tokens}+{event.usage.output_tokens} tokens · "
                    f"{event.latency_ms} ms",
                    "dim",
                )
            )
        )


def ask_confirmation(event: ConfirmationRequired, ctx: ToolContext, toolset: str) -> None:
    console.print()
    console.print(
        line((f"Confirm {event.name}:", "yellow"), " ", str(event.preview.get("summary", "")))
    )
    details = {k: v for k, v in event.preview.items() if k != "summary"}
    console.print(literal(_short(json.dumps(details, ensure_ascii=False), 400), "dim"))
    if typer.confirm("Apply this change?", default=False):
        outcome = confirm_pending(ctx, confirmation_id=event.confirmation_id, toolset=toolset)
        style = "green" if outcome.ok else "red"
    else:
        outcome = cancel_pending(ctx, confirmation_id=event.confirmation_id, toolset=toolset)
        style = "yellow"
    console.print(literal(outcome.message, style))


def chat(
    as_customer: str | None = typer.Option(None, "--as", help="Chat as this customer."),
    staff: bool = typer.Option(False, "--staff", help="Chat as store staff."),
    provider: str | None = typer.Option(
        None, "--provider", help="offline | openai | openai-responses (default: from settings)."
    ),
    model: str | None = typer.Option(None, "--model", help="Model name for openai*."),
    base_url: str | None = typer.Option(
        None,
        "--base-url",
        help="OpenAI-compatible endpoint; sent no key unless it is OPENAI_BASE_URL itself.",
    ),
    toolset: str = typer.Option(DEFAULT_TOOLSET, "--toolset", help="support | tau-retail."),
    auto_confirm: bool = typer.Option(
        False, "--auto-confirm", help="Staff only: apply changes without asking."
    ),
) -> None:
    """Talk to the assistant in the terminal ('exit' to leave)."""
    uow_factory = UowFactory.for_url()
    ctx = make_context(uow_factory, as_customer=as_customer, staff=staff, auto_confirm=auto_confirm)
    try:
        tools = get_toolset(toolset)
        adapter: ModelAdapter = make_model(
            ModelParams(provider=provider, model=model, base_url=base_url, api_key=_no_key())
        )
    except (ProviderConfigError, ValueError) as exc:
        console.print(literal(exc, "red"))
        raise typer.Exit(2) from None
    conv = conversations.start_conversation(
        uow_factory,
        actor=ctx.actor,
        customer_id=ctx.customer_id,
        channel="cli",
        provider=adapter.provider,
        model=adapter.model,
    )
    who = f"customer {ctx.customer_id}" if ctx.customer_id else "staff"
    console.print(line(("Storedesk chat", "bold"), f" · {adapter.label} · {who} · {tools.name}"))
    console.print("[dim]Type 'exit' to leave.[/dim]")
    ctx = dataclasses.replace(ctx, conversation_id=conv.id)
    options = StreamOptions(actor=str(ctx.actor), conversation_id=conv.id)
    while True:
        try:
            text = console.input("\n[bold cyan]you>[/bold cyan] ")
        except (EOFError, KeyboardInterrupt):
            break
        if text.strip().lower() in QUIT:
            break
        if not text.strip():
            continue
        console.print("[bold magenta]assistant>[/bold magenta] ", end="")
        pending: list[ConfirmationRequired] = []
        for event in run_turn(
            conversation_id=conv.id,
            user_text=text,
            model=adapter,
            toolset=tools,
            ctx=ctx,
            options=options,
        ):
            if isinstance(event, ConfirmationRequired):
                pending.append(event)  # asked once the assistant has explained it
            else:
                show(event, ctx, tools.name)
        for event in pending:
            ask_confirmation(event, ctx, tools.name)
    console.print(f"\n[dim]conversation {conv.id} saved[/dim]")


def _no_key() -> SecretStr | None:
    # The key comes from the environment / .env through AppSettings, never a CLI flag
    # (flags end up in shell history and process lists).
    return None
