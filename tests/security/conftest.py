"""Fixtures of the adversarial suite: the demo store on SQLite and PostgreSQL, customer
and staff sessions, a database dump to prove nothing changed, and a turn runner."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.agent.events import Event
from app.agent.loop import run_turn
from app.agent.model import ModelAdapter
from app.tools.base import ToolSet
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services.models import Base
from services.uow import UowFactory
from tests.agent.conftest import (  # noqa: F401  (fixtures re-exported for this folder)
    MICHAEL,
    SARAH,
    customer_ctx,
    demo,
    michael,
    sarah,
    staff,
    staff_auto,
)
from tests.ui.conftest import demo_template, ui_db  # noqa: F401  (AppTest fixtures)

# What a conversation records about itself; everything else is the store.
AUDIT_TABLES = frozenset({"conversations", "messages", "tool_call_records", "feedback"})


def dump(uow_factory: UowFactory, *, skip: frozenset[str] = AUDIT_TABLES) -> dict[str, Any]:
    """Every row of every store table, as comparable text."""
    out: dict[str, Any] = {}
    with uow_factory() as uow:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            cols = list(table.columns)
            rows = uow.session.execute(select(*cols).order_by(*table.primary_key.columns))
            out[table.name] = [tuple(str(v) for v in row) for row in rows]
    return out


def turn(
    ctx: ToolContext,
    model: ModelAdapter,
    text: str,
    *,
    toolset: ToolSet = SUPPORT,
    conversation_id: str | None = None,
    **kwargs: Any,
) -> list[Event]:
    return list(
        run_turn(
            conversation_id=conversation_id or ctx.conversation_id or "",
            user_text=text,
            model=model,
            toolset=toolset,
            ctx=ctx,
            **kwargs,
        )
    )
