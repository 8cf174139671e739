"""Running a store action from a tool: at once, or as a preview awaiting confirmation.

Under confirmation="explicit" a destructive tool only previews (every check runs, nothing
changes) and returns a `PendingConfirmation` with the confirmation id; the change happens
when the *caller* confirms that id (`confirm_action`: the UI button, the CLI, or the
customer's own "yes" in chat-only channels), exactly once. The model has no tool that
confirms. Under confirmation="automatic" (staff, benchmark) the action applies at once.
"""

from __future__ import annotations

from app.tools.base import PendingConfirmation
from app.tools.context import ToolContext
from services import confirmations
from services.actions import ACTIONS, ActionResult
from services.actions.base import Arguments, run_action
from services.errors import InvalidRequest


def scope(ctx: ToolContext) -> str | None:
    """The customer a call is limited to: the session's customer, or None for staff."""
    return None if ctx.is_staff else ctx.customer_id


def act(ctx: ToolContext, action: str, params: Arguments) -> ActionResult | PendingConfirmation:
    """`params`: the action's arguments, or a function working them out in the action's
    own transaction (`services.actions.base.Prepare`)."""
    spec = ACTIONS.get(action)
    if spec is None:  # a toolset naming an action the store does not have: a bug
        raise InvalidRequest("This action is not available.", hint="Offer a transfer to a human.")
    if ctx.confirmation == "automatic":
        return run_action(ctx.uow_factory, spec, params, customer_id=scope(ctx), now=ctx.clock())
    shown = confirmations.preview(
        ctx.uow_factory, action=action, params=params, customer_id=scope(ctx), now=ctx.clock()
    )
    preview = shown.effect.model_dump(
        mode="json",
        exclude_none=True,
        exclude_defaults=True,
        exclude={"summary", "action", "customer_id"},
    )
    if shown.payment_method_label is not None:
        # The label the card shows ("visa •••• 4242"), so a chat-only channel's text names
        # the method the same way and never by its internal id.
        preview["payment_method_label"] = shown.payment_method_label
    return PendingConfirmation(
        action=action,
        confirmation_id=shown.confirmation_id,
        summary=shown.summary,
        preview=preview,
    )


def confirm_action(ctx: ToolContext, confirmation_id: str) -> ActionResult:
    """Apply a previewed action for this session (never offered to the model as a tool).

    Scoped like every call: a customer can confirm only their own previews, and only in
    their own conversation (`ConversationNotFound` otherwise); staff any. Confirming the
    same id twice returns the first result and changes nothing more.
    """
    return confirmations.confirm(
        ctx.uow_factory,
        confirmation_id=confirmation_id,
        customer_id=scope(ctx),
        now=ctx.clock(),
        conversation_id=ctx.conversation_id or None,
    )
