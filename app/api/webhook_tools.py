"""Running one tool for an outside AI platform: who the caller is, which tools it may
use, and the answer, through the same dispatcher as the chat.

- The customer comes from the platform's signed context (a phone number matched to a
  customer), never from the function's arguments.
- A contact the store does not know can use only tools that need no customer.
- Destructive tools are hidden unless the operator turns them on; then they only preview,
  and the customer applies the change through a signed link (`app.api.confirm_links`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.api.settings import ApiSettings
from app.tools.base import PendingConfirmation, ToolSet
from app.tools.context import ToolContext
from app.tools.dispatch import DispatchResult, dispatch, error_result
from app.tools.toolsets import get_toolset
from services.models import Actor
from services.uow import UowFactory

# Tools that read nothing about a customer: the only ones an unknown contact may use.
NO_CUSTOMER_TOOLS = frozenset(
    {
        "get_product_info",
        "check_product_availability",
        "list_product_types",
        "transfer_to_human",
        "list_all_product_types",
        "get_product_details",
        "calculate",
        "think",
        "transfer_to_human_agents",
    }
)

NOT_SUPPORTED = "This function is not supported."


@dataclass(frozen=True)
class WebhookCall:
    """The outcome of one call, before each endpoint words it its own way."""

    name: str
    kind: str  # ok | error | unknown | customer_required | confirmation
    result: str  # the dispatcher's JSON string (or an error result)
    duration_ms: int
    error_code: str | None = None
    confirmation: PendingConfirmation | None = None

    def result_data(self) -> Any:
        try:
            return json.loads(self.result)
        except ValueError:
            return self.result


def offered_tools(toolset: ToolSet, *, destructive: bool) -> ToolSet:
    """The tools a platform's model is offered: the customer's view of the toolset."""
    tools = [
        t
        for t in toolset.tools
        if t.audience in ("all", "customer") and (destructive or not t.destructive)
    ]
    return ToolSet(toolset.name, tools, error_style=toolset.error_style)


def run_webhook_tool(
    uow_factory: UowFactory,
    settings: ApiSettings,
    *,
    name: str,
    arguments: str | dict[str, Any] | None,
    customer_id: str | None,
    call_id: str | None,
) -> WebhookCall:
    offered = offered_tools(
        get_toolset(settings.storedesk_webhook_toolset),
        destructive=settings.storedesk_webhook_destructive,
    )
    known = {t.name for t in offered.tools}
    if name not in known:
        return WebhookCall(
            name=name,
            kind="unknown",
            result=error_result(
                "unknown_tool",
                NOT_SUPPORTED,
                f"Use one of: {', '.join(sorted(known))}.",
            ),
            duration_ms=0,
            error_code="unknown_tool",
        )
    if customer_id is None and name not in NO_CUSTOMER_TOOLS:
        return WebhookCall(
            name=name,
            kind="customer_required",
            result=error_result(
                "customer_required",
                "This function needs a customer of the store, and this contact's number "
                "is not on file.",
                "Ask the customer to write from the phone number on their account, or "
                "offer a transfer to a human.",
            ),
            duration_ms=0,
            error_code="customer_required",
        )
    if customer_id is None:
        # An unknown contact: a system context restricted to the tools that need nobody.
        ctx = ToolContext(uow_factory=uow_factory, actor=Actor.SYSTEM, confirmation="explicit")
        toolset = ToolSet(
            offered.name,
            [t for t in offered.tools if t.name in NO_CUSTOMER_TOOLS],
            error_style=offered.error_style,
        )
    else:
        ctx = ToolContext(
            uow_factory=uow_factory,
            actor=Actor.CUSTOMER,
            customer_id=customer_id,
            confirmation="explicit",  # a platform's model never applies a change itself
        )
        toolset = offered
    outcome: DispatchResult = dispatch(
        toolset,
        ctx,
        name,
        arguments,
        call_id=call_id,
        timeout_s=settings.storedesk_webhook_tool_timeout_s,
    )
    kind = "ok" if outcome.ok else "error"
    if outcome.confirmation is not None:
        kind = "confirmation"
    return WebhookCall(
        name=name,
        kind=kind,
        result=outcome.result,
        duration_ms=outcome.duration_ms,
        error_code=outcome.error_code,
        confirmation=outcome.confirmation,
    )
