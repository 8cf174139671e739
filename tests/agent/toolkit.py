"""Small tools for loop and dispatcher tests: each reads or writes the real database."""

from __future__ import annotations

import threading
import time

from pydantic import BaseModel, Field
from sqlalchemy import func, select

from app.tools.base import NoArgs, PendingConfirmation, Tool, ToolArgs, ToolSet
from app.tools.context import ToolContext
from services.errors import NotFound
from services.models import Message


class EchoArgs(ToolArgs):
    text: str = Field(description="Text to echo back.", max_length=200)


class EchoOut(BaseModel):
    echo: str
    actor: str
    customer_id: str | None


def echo(ctx: ToolContext, args: EchoArgs) -> EchoOut:
    return EchoOut(echo=args.text, actor=str(ctx.actor), customer_id=ctx.customer_id)


class CountOut(BaseModel):
    messages: int


def count_messages(ctx: ToolContext, args: NoArgs) -> CountOut:
    with ctx.uow_factory() as uow:
        n = uow.session.scalar(
            select(func.count())
            .select_from(Message)
            .where(Message.conversation_id == ctx.conversation_id)
        )
    return CountOut(messages=int(n or 0))


class WaitArgs(ToolArgs):
    seconds: float = Field(default=0.0, description="How long to sleep.")


# Two calls meet at this barrier only if they run at the same time.
BARRIER = threading.Barrier(2, timeout=5)


def rendezvous(ctx: ToolContext, args: NoArgs) -> dict[str, bool]:
    BARRIER.wait()
    return {"met": True}


def sleep(ctx: ToolContext, args: WaitArgs) -> dict[str, float]:
    time.sleep(args.seconds)
    return {"slept": args.seconds}


def missing(ctx: ToolContext, args: NoArgs) -> dict[str, str]:
    raise NotFound("Order not found.", hint="Check the id.", tau_error="order not found")


def boom(ctx: ToolContext, args: NoArgs) -> dict[str, str]:
    raise RuntimeError("secret database password is hunter2")


def huge(ctx: ToolContext, args: NoArgs) -> dict[str, str]:
    return {"blob": "x" * 100_000}


def cancel_preview(ctx: ToolContext, args: EchoArgs) -> PendingConfirmation | dict[str, str]:
    if ctx.confirmation == "automatic":
        return {"status": "cancelled", "order": args.text}
    return PendingConfirmation(
        action="cancel_order",
        confirmation_id="CONF-TEST-1",
        summary=f"Cancel order {args.text}",
        preview={"refund": "10.00"},
    )


def make_toolset(error_style: str = "structured") -> ToolSet:
    return ToolSet(
        "test",
        [
            Tool("echo", "Echo text back.", EchoArgs, echo),
            Tool("count_messages", "Count stored messages.", NoArgs, count_messages),
            Tool("rendezvous", "Wait for a second concurrent call.", NoArgs, rendezvous),
            Tool("sleep", "Sleep.", WaitArgs, sleep),
            Tool("missing", "Always not found.", NoArgs, missing),
            Tool("boom", "Always crashes.", NoArgs, boom),
            Tool("huge", "Returns a huge result.", NoArgs, huge),
            Tool("staff_echo", "Staff only echo.", EchoArgs, echo, audience="staff"),
            Tool("cancel", "Cancels (destructive).", EchoArgs, cancel_preview, destructive=True),
        ],
        error_style=error_style,  # type: ignore[arg-type]
    )
