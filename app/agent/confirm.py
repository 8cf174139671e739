"""The caller's side of two-step actions: apply a previewed change the customer confirmed.

The model can only *preview* a destructive action (the tool returns a confirmation id and
the loop emits `ConfirmationRequired`). The change is applied here, by the caller:
- the UI's Confirm button or the CLI prompt calls `confirm_pending(ctx=..., confirmation_id=...)`;
- in chat-only channels, `run_turn(..., confirm_on_yes=True)` ends a turn that made
  exactly one preview with the channel's own question (`prompt_for_yes`), and calls it
  when the customer's next message is a plain "yes" (`is_affirmative`) right after that
  question. The model's words never trigger it, and a model's question in between (or
  any other message) means the "yes" goes to the model instead.

Either way the outcome is written to the conversation (an assistant message saying what
was done, or a notice saying why not) and to the tool-call audit, so the next model turn
knows it, and confirming the same id twice changes nothing more.
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.i18n import has, normalize_locale, t
from app.i18n.actions import action_summary
from app.tools.actions import confirm_action, scope
from app.tools.base import RESERVED_TOOL_NAMES
from app.tools.context import ToolContext
from services import conversations
from services.actions import ActionResult
from services.confirmations import ConversationNotFound
from services.errors import DomainError

log = logging.getLogger(__name__)

CONFIRM_TOOL_NAME = "confirm_action"  # how confirmations appear in the tool-call audit
# Author of the channel's own "reply yes to apply" message (never a model's or staff's).
CONFIRM_PROMPT_AUTHOR = "storedesk:confirm-prompt"
assert CONFIRM_TOOL_NAME in RESERVED_TOOL_NAMES


@dataclass(frozen=True)
class ConfirmOutcome:
    ok: bool
    message: str  # safe to show the user
    confirmation_id: str
    action: str | None = None
    result: dict[str, Any] | None = None  # the ActionResult as JSON data
    error_code: str | None = None


def confirm_pending(
    ctx: ToolContext, *, confirmation_id: str, toolset: str = "support"
) -> ConfirmOutcome:
    """Apply the previewed change ``confirmation_id`` for this session (see module doc)."""
    started = time.perf_counter()
    try:
        # Checks first, in the confirm's own transaction, that the conversation is the
        # caller's: another's (or a missing one) is refused with nothing applied or written.
        result = confirm_action(ctx, confirmation_id)
    except ConversationNotFound:
        return _conversation_not_found(confirmation_id)
    except DomainError as exc:
        outcome = ConfirmOutcome(
            ok=False,
            message=_refusal(ctx, exc),
            confirmation_id=confirmation_id,
            error_code=exc.code,
        )
    except Exception:
        log.exception("confirmation %s failed", confirmation_id[:64])
        outcome = ConfirmOutcome(
            ok=False,
            message=t("confirm.failed_internal", ctx.locale),
            confirmation_id=confirmation_id,
            error_code="internal_error",
        )
    else:
        outcome = ConfirmOutcome(
            ok=True,
            message=t("confirm.done", ctx.locale, summary=_summary(ctx, result)),
            confirmation_id=confirmation_id,
            action=result.action,
            result=result.model_dump(mode="json", exclude_none=True),
        )
    _record(ctx, outcome, int((time.perf_counter() - started) * 1000), toolset)
    return outcome


def cancel_pending(
    ctx: ToolContext, *, confirmation_id: str, toolset: str = "support"
) -> ConfirmOutcome:
    """The customer declined: the preview can no longer be confirmed, and it is said."""
    refused = _not_the_callers(ctx, confirmation_id)
    if refused is not None:
        return refused
    expired = conversations.expire_preview(
        ctx.uow_factory, confirmation_id=confirmation_id, customer_id=scope(ctx)
    )
    outcome = ConfirmOutcome(
        ok=expired,
        message=t("confirm.cancelled" if expired else "confirm.nothing_to_cancel", ctx.locale),
        confirmation_id=confirmation_id,
        error_code=None if expired else "not_found",
    )
    _record(ctx, outcome, 0, toolset, declined=True)
    return outcome


def _refusal(ctx: ToolContext, exc: DomainError) -> str:
    """Why a confirm did not apply: the store's own (English) words, or a fixed sentence
    per error code in the customer's language."""
    if normalize_locale(ctx.locale) == "en":
        return exc.message
    key = f"confirm.error.{exc.code}"
    return t(key if has(key) else "confirm.error.other", ctx.locale)


def _summary(ctx: ToolContext, result: ActionResult) -> str:
    """What was done, in the customer's language: the service's own English summary, or
    the same facts rendered from the structured result for another language."""
    if normalize_locale(ctx.locale) == "en":
        return result.summary
    data = result.model_dump(mode="json", exclude_none=True)
    return action_summary(data, ctx.locale, with_status=True)


def _not_the_callers(ctx: ToolContext, confirmation_id: str) -> ConfirmOutcome | None:
    """A customer acts only in their own conversation: another's (or a missing one) is
    refused before anything is applied or written."""
    if not ctx.conversation_id:
        return None
    try:
        conversations.check_owner(
            ctx.uow_factory,
            conversation_id=ctx.conversation_id,
            customer_id=None if ctx.is_staff else ctx.customer_id,
        )
    except DomainError:
        return _conversation_not_found(confirmation_id)
    return None


def _conversation_not_found(confirmation_id: str) -> ConfirmOutcome:
    return ConfirmOutcome(
        ok=False,
        message="This conversation was not found.",
        confirmation_id=confirmation_id,
        error_code="not_found",
    )


def _record(
    ctx: ToolContext,
    outcome: ConfirmOutcome,
    duration_ms: int,
    toolset: str,
    *,
    declined: bool = False,
) -> None:
    audit = conversations.ToolCallAudit(
        conversation_id=ctx.conversation_id,
        call_id=outcome.confirmation_id,
        name=CONFIRM_TOOL_NAME,
        arguments=json.dumps(
            {"confirmation_id": outcome.confirmation_id, "action": outcome.action}
        ),
        outcome=("declined" if declined else "ok") if outcome.ok else "error",
        error_code=outcome.error_code,
        duration_ms=duration_ms,
        actor=ctx.actor,
        customer_id=ctx.customer_id,
        toolset=toolset,
    )
    if not ctx.conversation_id:
        conversations.write_audit(ctx.uow_factory, audit)
        return
    # The audit row and what the customer is told, in one transaction; if that fails,
    # the audit row alone (the change is applied: it must stay accounted for).
    try:
        conversations.append_message(
            ctx.uow_factory,
            conversation_id=ctx.conversation_id,
            # A success is said to the customer (and the model reads it next turn); a
            # refusal is a notice, and the model is told through the next turn's history.
            role="assistant" if outcome.ok else "system",
            content=outcome.message if outcome.ok else f"[{outcome.error_code}] {outcome.message}",
            audit=audit,
        )
    except Exception:
        conversations.write_audit(ctx.uow_factory, audit)
        raise


_YES = {
    # en
    "yes", "y", "yes please", "yes confirm", "confirm", "i confirm", "confirmed", "ok",
    "okay", "sure", "go ahead", "do it", "yes do it", "yes go ahead", "please do",
    # pt
    "sim", "confirmo", "sim confirmo", "pode", "pode sim", "pode fazer", "claro",
    "sim por favor", "com certeza",
    # vi (accents folded)
    "co", "vang", "dong y", "toi dong y", "xac nhan", "toi xac nhan", "co xac nhan",
    "ok lam di", "duoc", "dung roi",
}  # fmt: skip


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


def is_affirmative(text: str) -> bool:
    """A message that is nothing but a plain yes (en, pt, vi); anything more is not."""
    return _fold(text) in _YES


def handled_confirmations(records: Iterable[Any]) -> set[str]:
    """Confirmation ids already confirmed, refused or declined by the caller.

    Only this module's own audit rows count. The name is reserved (no toolset may have a
    tool called ``confirm_action``), so a model's call with that name reaches the
    dispatcher as an unknown tool and is recorded with ``unknown_tool``: it can never
    mark a preview as handled, whatever call id it chose.
    """
    return {
        str(r.call_id)
        for r in records
        if r.name == CONFIRM_TOOL_NAME and r.error_code != "unknown_tool" and r.call_id
    }


def prompt_for_yes(
    ctx: ToolContext, *, confirmation_id: str, summary: str, locale: str | None
) -> str:
    """Store (and return) the channel's own question for a chat-only "yes".

    Written by the loop, not the model, as the very last thing of the turn: a later
    "yes" applies this preview only if this prompt is still the last thing shown.
    """
    text = t("confirm.reply_yes", locale or "en", summary=summary.strip())
    assert ctx.conversation_id
    conversations.append_message(
        ctx.uow_factory,
        conversation_id=ctx.conversation_id,
        # A system row: the customer was shown it (the loop streams it), the model is
        # not (history leaves system rows out), so the engine's own reading of the
        # conversation is unchanged.
        role="system",
        content=text,
        name=confirmation_id[:64],
        author=CONFIRM_PROMPT_AUTHOR,
    )
    return text


def pending_from_last_answer(ctx: ToolContext) -> list[str]:
    """The preview a plain "yes" answers: the one the channel asked about in the message
    just before it (`prompt_for_yes`), if not handled since. Anything else in between
    (another answer, a question of the model's, a notice) and there is none."""
    assert ctx.conversation_id
    stored = conversations.load_messages(ctx.uow_factory, conversation_id=ctx.conversation_id)
    if len(stored) < 2 or stored[-1].role != "user":
        return []
    asked = stored[-2]
    if asked.role != "system" or asked.author != CONFIRM_PROMPT_AUTHOR or not asked.name:
        return []
    records = conversations.list_tool_calls(ctx.uow_factory, conversation_id=ctx.conversation_id)
    if asked.name in handled_confirmations(records):
        return []
    return [asked.name]
