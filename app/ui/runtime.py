"""The bridge from a browser session to the agent: build the model, the toolset and the
tool context from the signed-in identity, run turns, confirm pending changes.

Identity flows one way: from `session.Identity` into `ToolContext`. Nothing typed in
the chat, and nothing the model says, can choose the customer a turn acts for.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from app.agent.confirm import cancel_pending, confirm_pending, handled_confirmations
from app.agent.events import Event
from app.agent.loop import run_turn
from app.agent.model import StreamOptions
from app.agent.providers import ProviderConfigError, make_model
from app.i18n import t
from app.settings import AppSettings
from app.tools.context import ToolContext
from app.tools.toolsets import get_toolset
from app.ui import deps, language, model_settings, session
from app.ui.session import Identity
from services import conversations
from services.models import Actor
from services.uow import UowFactory

log = logging.getLogger(__name__)


class SetupError(Exception):
    """The chat cannot start (provider misconfigured, missing engine); message is safe."""


def context(identity: Identity, conversation_id: str | None = None) -> ToolContext:
    if identity.is_staff:
        return ToolContext(
            uow_factory=deps.uow_factory(),
            actor=Actor.STAFF,
            conversation_id=conversation_id,
            confirmation="explicit",
            staff_name=identity.name,
        )
    return ToolContext(
        uow_factory=deps.uow_factory(),
        actor=Actor.CUSTOMER,
        customer_id=identity.customer_id,
        conversation_id=conversation_id,
        confirmation="explicit",
        locale=language.current(identity),
    )


def start_conversation(identity: Identity) -> str:
    s = model_settings.for_identity(identity.is_staff)
    info = conversations.start_conversation(
        deps.uow_factory(),
        actor=Actor.STAFF if identity.is_staff else Actor.CUSTOMER,
        customer_id=identity.customer_id,
        provider=s.provider,
        model=model_settings.model_name(s),
    )
    return info.id


def stream_turn(identity: Identity, *, conversation_id: str, text: str) -> Iterator[Event]:
    model = _model()
    toolset = _toolset(identity)
    options = StreamOptions(
        temperature=model_settings.for_identity(identity.is_staff).temperature,
        actor="staff" if identity.is_staff else "customer",
        locale=language.current(identity),
        conversation_id=conversation_id,
    )
    return run_turn(
        conversation_id=conversation_id,
        user_text=text,
        model=model,
        toolset=toolset,
        ctx=context(identity, conversation_id),
        options=options,
        answer_while_waiting=AppSettings().storedesk_assistant_while_waiting,
    )


def _model() -> Any:
    # A customer's turn always uses the operator's default provider: nothing a customer
    # session holds can choose the endpoint, the model or the key. The signed-in identity
    # is read here, from the server-side session, not passed in by the page.
    identity = session.current()
    staff = identity is not None and identity.is_staff
    s = model_settings.for_identity(staff)
    try:
        return make_model(model_settings.params(s))
    except ProviderConfigError as exc:
        if staff:
            raise SetupError(f"{exc} Change it on the Settings page.") from exc
        # The operator's configuration is not the customer's business (nor in their
        # language): they get a fixed line, the log gets the reason.
        log.warning("chat unavailable for a customer: %s", exc)
        raise SetupError(t("chat.unavailable", language.current(identity))) from exc


def _toolset_name(identity: Identity) -> str:
    # Customers always get the support toolset, whatever a shared settings page says.
    return model_settings.get().toolset if identity.is_staff else "support"


def _toolset(identity: Identity) -> Any:
    name = _toolset_name(identity)
    return get_toolset(name)


def confirm(identity: Identity, pending: dict[str, Any]) -> tuple[bool, str]:
    """Apply a previewed change; (ok, message for the person).

    The agent writes the outcome into the conversation (an assistant "Done: …" or a
    notice), so the next turn of the model knows it; confirming twice changes nothing.
    """
    outcome = confirm_pending(
        ctx=context(identity, pending["conversation_id"]),
        confirmation_id=pending["confirmation_id"],
        toolset=_toolset_name(identity),
    )
    return bool(outcome.ok), str(outcome.message)


def cancel(identity: Identity, pending: dict[str, Any]) -> tuple[bool, str]:
    """Decline a previewed change: it can no longer be confirmed, and the chat says so."""
    outcome = cancel_pending(
        context(identity, pending["conversation_id"]),
        confirmation_id=pending["confirmation_id"],
        toolset=_toolset_name(identity),
    )
    return bool(outcome.ok), str(outcome.message)


def add_feedback(uow: UowFactory, *, conversation_id: str, message_id: int, rating: int) -> None:
    conversations.add_feedback(
        uow, conversation_id=conversation_id, message_id=message_id, rating=rating
    )


def open_previews(t: Any) -> list[dict[str, Any]]:
    """Previews of the latest answer not yet confirmed or declined, rebuilt from the stored
    conversation: a reload or reopening a past conversation shows their card again."""
    last_user = max((i for i, m in enumerate(t.messages) if m.role == "user"), default=-1)
    handled = handled_confirmations(t.tool_calls)
    found = []
    for m in t.messages[last_user + 1 :]:
        if m.role != "tool":
            continue
        try:
            body = json.loads(m.content)
        except ValueError:
            continue
        if not isinstance(body, dict) or body.get("status") != "confirmation_required":
            continue
        cid = str(body.get("confirmation_id") or "")
        if cid and cid not in handled:
            found.append(
                {
                    "conversation_id": t.conversation.id,
                    "confirmation_id": cid,
                    "name": m.name or str(body.get("action") or ""),
                    "call_id": m.tool_call_id or "",
                    "preview": {"summary": body.get("summary", ""), **(body.get("preview") or {})},
                }
            )
    return found
