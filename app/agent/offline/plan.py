"""What the engine does next: call a tool, or answer.

`decide` is called once per model round with the derived dialogue state. It looks at
what the current turn has already asked the tools (`Dialogue.calls`) and either asks
for the next tool call or writes the answer from the results. Nothing is answered from
the engine's own knowledge: every fact in a reply comes from a tool result, and a
missing detail is asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from app.agent.offline import plan_policy, plan_read, plan_stock, plan_write
from app.agent.offline.i18n import t
from app.agent.offline.situation import Action, Situation


def decide(s: Situation) -> Action:
    if s.d.calls and s.d.calls[-1].result is None:
        # A call without an answer should not happen (the loop answers every call);
        # never act twice on an unanswered request.
        return s.say("internal_error")
    handler = HANDLERS.get(s.d.intent or "", _fallback)
    return handler(s)


def _fallback(s: Situation) -> Action:
    if s.d.pending:
        return s.say("not_understood_pending", request=t(s.lang, f"intent.{s.d.pending}"))
    return s.say("not_understood")


def _small_talk(key: str) -> Callable[[Situation], Action]:
    return lambda s: s.say(key)


HANDLERS: dict[str, Callable[[Situation], Action]] = {
    "greeting": _small_talk("greeting"),
    "thanks": _small_talk("thanks"),
    "help": _small_talk("help"),
    "confirm_yes": _small_talk("confirm_hint"),
    "confirm_no": _small_talk("declined"),
    "order_status": plan_read.order_status,
    "availability": plan_stock.availability,
    "product_info": plan_read.product_info,
    "account": plan_read.account,
    "catalog": plan_read.catalog,
    "human": plan_read.human,
    "return": plan_write.return_items,
    "cancel": plan_write.cancel,
    "change_address": plan_write.change_address,
    "change_payment": plan_write.change_payment,
    "change_items": plan_write.change_items,
    "exchange": plan_write.change_items,
    "policy": plan_policy.answer,
    "return_or_exchange": _small_talk("ask_return_or_exchange"),
}
