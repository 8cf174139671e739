"""What a tool is, and a toolset: a named list of tools a session may see.

A tool is a name, a description written for the model, a pydantic argument model
(``extra="forbid"``, every field described) and a handler ``(ctx, args) -> output model``.
The JSON schema is derived from the argument model (`app.tools.schema`), never written by
hand, so validation and what the model is told cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from app.tools.context import ToolContext

NAME_PATTERN = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
MAX_TOOLS_PER_SET = 128
# Names no tool may take: the audit's record of a caller's confirmation
# (app.agent.confirm); a model calling it must meet an unknown tool.
RESERVED_TOOL_NAMES = frozenset({"confirm_action"})

# Who may see a tool: everyone, staff (and system) sessions only, or customer sessions
# only (customer variants of a tool read the customer from the context instead of taking
# an id argument).
Audience = Literal["all", "staff", "customer"]


class ToolArgs(BaseModel):
    """Base of every argument model: unknown arguments are an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


class LenientArgs(ToolArgs):
    """Arguments with surrounding white space trimmed: for toolsets that forgive a model's
    stray spaces (support). The tau-retail tools take values exactly, as the benchmark."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class NoArgs(ToolArgs):
    """For tools that take no arguments."""


Handler = Callable[[ToolContext, Any], BaseModel | dict[str, Any] | list[Any] | str]


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    args_model: type[BaseModel]
    handler: Handler
    audience: Audience = "all"
    # Changes the store (cancel, return, ...). With confirmation="explicit" the handler
    # returns a `PendingConfirmation` preview instead of applying the change.
    destructive: bool = False
    # Only reads, through `UowFactory.reading`, and its time is its SQL: where the
    # database can interrupt a statement at the deadline (SQLite, `services.deadline`),
    # the dispatcher runs it on the caller's thread instead of handing it to a worker.
    read_only: bool = False

    def __post_init__(self) -> None:
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"tool name {self.name!r} must match {NAME_PATTERN.pattern}")
        if self.name in RESERVED_TOOL_NAMES:
            raise ValueError(f"tool name {self.name!r} is reserved")
        if not self.description.strip():
            raise ValueError(f"tool {self.name!r} needs a description")
        if self.args_model.model_config.get("extra") != "forbid":
            raise ValueError(f"tool {self.name!r}: argument model must set extra='forbid'")
        if self.read_only and self.destructive:
            raise ValueError(f"tool {self.name!r} cannot be both read-only and destructive")
        undocumented = [n for n, f in self.args_model.model_fields.items() if not f.description]
        if undocumented:
            raise ValueError(f"tool {self.name!r}: describe argument(s) {undocumented}")

    def visible_to(self, ctx: ToolContext) -> bool:
        if self.audience == "all":
            return True
        if self.audience == "staff":
            return ctx.is_staff
        return not ctx.is_staff


class ToolSet:
    """A named collection of tools; `for_context` gives what one session may see."""

    def __init__(
        self,
        name: str,
        tools: Iterable[Tool],
        *,
        description: str = "",
        error_style: Literal["structured", "tau"] = "structured",
    ) -> None:
        self.name = name
        self.description = description
        # structured: domain errors become {"error", "detail", "hint"} JSON;
        # tau: the benchmark's plain "Error: ..." strings.
        self.error_style = error_style
        self.tools: tuple[Tool, ...] = tuple(tools)
        self._check(self.tools)

    @staticmethod
    def _check(tools: tuple[Tool, ...]) -> None:
        # The same name may appear twice only as a staff / customer pair of variants.
        for audience in ("staff", "customer"):
            names = [t.name for t in tools if t.audience in ("all", audience)]
            dupes = sorted({n for n in names if names.count(n) > 1})
            if dupes:
                raise ValueError(f"duplicate tool names for {audience} sessions: {dupes}")
            if len(names) > MAX_TOOLS_PER_SET:
                raise ValueError(f"more than {MAX_TOOLS_PER_SET} tools in one set")

    def for_context(self, ctx: ToolContext) -> list[Tool]:
        return [t for t in self.tools if t.visible_to(ctx)]

    def get(self, name: str, ctx: ToolContext) -> Tool | None:
        for tool in self.tools:
            if tool.name == name and tool.visible_to(ctx):
                return tool
        return None

    def names(self, ctx: ToolContext) -> list[str]:
        return [t.name for t in self.for_context(ctx)]


class PendingConfirmation(BaseModel):
    """What a destructive tool returns under confirmation="explicit": nothing changed yet.

    The loop turns it into a `ConfirmationRequired` event; the change is applied only when
    the caller confirms ``confirmation_id`` (`app.agent.confirm.confirm_pending`).
    """

    status: Literal["confirmation_required"] = "confirmation_required"
    action: str
    confirmation_id: str
    summary: str
    preview: dict[str, Any]
    instructions: str = (
        "Nothing has changed yet. Show the customer this summary and ask them to confirm. "
        "The change is applied only when the customer confirms; you cannot confirm it."
    )
