"""Dialogue state, derived from the message history alone.

Nothing is kept in the engine between calls: the loop passes the whole conversation,
and `derive` folds it, turn by turn, into what the engine needs (the customer's
language, the order and product being discussed, the request still waiting for a
detail). A restarted process, or a conversation begun with another model, therefore
picks up exactly where it was.

A turn is one user message plus the tool calls and answers that followed it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.agent.model import ChatMessage
from app.agent.offline import lexicon as lx
from app.agent.offline.extract import Entities, PaymentHint, extract
from app.agent.offline.intents import (
    ORDER_ACTIONS,
    SMALL_TALK,
    detect_intents,
    detect_language,
    normalise,
)
from app.agent.offline.names import product_nouns
from app.agent.offline.text import any_phrase

# The tool that settles each intent: once it has been called, the request is answered.
FINAL_TOOL = {
    "order_status": "get_order_status",
    "availability": "check_product_availability",
    "product_info": "get_product_info",
    "account": "get_customer_info",
    "return": "process_return",
    "cancel": "cancel_order",
    "change_address": "change_shipping_address",
    "change_payment": "change_payment_method",
    "change_items": "modify_order_items",
    "exchange": "exchange_items",
    "human": "transfer_to_human",
    "catalog": "list_product_types",
}
PRODUCT_TOOLS = ("check_product_availability", "get_product_info")
PRODUCT_QUESTIONS = frozenset({"availability", "product_info"})
CHOOSE_RETURN_OR_EXCHANGE = "return_or_exchange"
# modify and exchange are one request to the customer; the order's status picks the tool.
SETTLES = {
    "change_items": {"modify_order_items", "exchange_items"},
    "exchange": {"modify_order_items", "exchange_items"},
}


@dataclass(frozen=True)
class Call:
    """A tool call of this conversation and what the dispatcher answered."""

    name: str
    args: dict[str, Any]
    result: Any = None  # parsed JSON; None while unanswered

    @property
    def error(self) -> str | None:
        if isinstance(self.result, dict) and isinstance(self.result.get("error"), str):
            return str(self.result["error"])
        return None

    @property
    def ok(self) -> bool:
        return self.result is not None and self.error is None


@dataclass(frozen=True)
class Turn:
    user_text: str
    calls: tuple[Call, ...] = ()
    reply: str = ""
    # Assistant messages after the answer: the caller's outcome of a Confirm or Cancel
    # pressed under a preview ("Done: ..."), written by `app.agent.confirm`.
    settled_by_caller: bool = False


@dataclass(frozen=True)
class Slots:
    """Details collected for a request, over one or more customer messages."""

    order_id: str | None = None
    products: tuple[str, ...] = ()
    reason: str | None = None
    zip_code: str | None = None
    quantity: int | None = None
    topic: str | None = None
    payment: PaymentHint = field(default_factory=PaymentHint)
    pickup: bool = False
    address: dict[str, str] | None = None
    emails: tuple[str, ...] = ()
    customer_ids: tuple[str, ...] = ()
    latest: bool = False  # "my last order": the most recent order, read from the account

    def merge(self, ent: Entities) -> Slots:
        """Newer details win; what the new message does not say is kept."""
        payment = (
            ent.payment
            if (ent.payment.source or ent.payment.method_id or ent.payment.original)
            else self.payment
        )
        return Slots(
            order_id=ent.order_ids[0] if ent.order_ids else self.order_id,
            # Items add up over the answers ("HPN-700-BLK" ... "for HPN-700-SLV").
            products=tuple(dict.fromkeys(self.products + ent.products)),
            reason=ent.reason or self.reason,
            zip_code=ent.zip_code or self.zip_code,
            quantity=ent.quantity or self.quantity,
            topic=ent.topic or self.topic,
            payment=payment,
            pickup=ent.pickup or self.pickup,
            address=ent.address or self.address,
            emails=ent.emails or self.emails,
            customer_ids=ent.customer_ids or self.customer_ids,
            latest=(ent.latest or self.latest) and not ent.order_ids,
        )


@dataclass(frozen=True)
class Dialogue:
    lang: str = "en"
    intent: str | None = None  # what the current message asks (or continues)
    intents: tuple[str, ...] = ()  # everything the current message expresses
    slots: Slots = field(default_factory=Slots)
    entities: Entities = field(default_factory=Entities)
    focus_order: str | None = None
    focus_product: str | None = None
    focus_customer: str | None = None  # staff sessions: the customer id or email given
    pending: str | None = None  # an intent from an earlier turn still waiting for a detail
    previewed: str | None = None  # the request whose preview ended the previous turn
    # The customer's messages that make up the current request (one, or several when
    # details came in answer to questions).
    texts: tuple[str, ...] = ()
    calls: tuple[Call, ...] = ()  # tool calls already made in the current turn
    history: tuple[Turn, ...] = ()  # the earlier, finished turns
    last_intent: str | None = None  # what the previous turn was about (for follow-ups)
    offered_human: bool = False  # the previous answer did not understand, offered a person


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def split_turns(messages: Sequence[ChatMessage]) -> list[Turn]:
    """User messages, each with the tool calls and final text that followed it."""
    turns: list[Turn] = []
    calls: dict[str, Call] = {}
    order: list[str] = []
    replies: list[str] = []

    def close() -> None:
        if turns:
            turns[-1] = replace(
                turns[-1],
                calls=tuple(calls[c] for c in order),
                reply=replies[0] if replies else "",
                settled_by_caller=len(replies) > 1,
            )

    for m in messages:
        if m.role == "user":
            close()
            turns.append(Turn(user_text=m.content or ""))
            calls, order, replies = {}, [], []
        elif not turns:
            continue  # the system prompt, or anything before the first user message
        elif m.role == "assistant":
            if m.tool_calls:
                replies = []  # text said before more tool calls is not the answer
            for tc in m.tool_calls or ():
                calls[tc.call_id] = Call(name=tc.name, args=_dict_or_empty(tc.arguments))
                order.append(tc.call_id)
            if m.content:
                replies.append(m.content)
        elif m.role == "tool" and m.tool_call_id in calls:
            call = calls[m.tool_call_id]
            calls[m.tool_call_id] = replace(call, result=_parse(m.content))
    close()
    return turns


def _dict_or_empty(arguments: str) -> dict[str, Any]:
    parsed = _parse(arguments)
    return parsed if isinstance(parsed, dict) else {}


def _step(state: Dialogue, turn: Turn) -> Dialogue:
    """The state after reading one customer message (its tool calls not yet applied)."""
    lang = detect_language(turn.user_text) or state.lang
    ent = extract(turn.user_text)
    intents = tuple(detect_intents(turn.user_text))
    real = [i for i in intents if i not in SMALL_TALK]
    focus_order = ent.order_ids[0] if ent.order_ids else state.focus_order
    focus_product = ent.products[0] if ent.products else state.focus_product
    focus_customer = (ent.customer_ids or ent.emails or (state.focus_customer,))[0]
    # Products are not carried over into a new request: "return it" after asking about a
    # TV's warranty must not return the TV; the planner falls back on focus_product itself.
    # "My last order" is looked up, not the order discussed before.
    base = Slots(order_id=None if ent.latest else focus_order)
    texts: tuple[str, ...] = (turn.user_text,)
    intent: str | None
    follow_up = (
        not intents
        and not ent.order_ids
        and state.last_intent in PRODUCT_QUESTIONS
        and (ent.quantity or ent.options or ent.zip_code)
    )
    if {"return", "exchange"} <= set(real):
        # "return or exchange the headphones": one short question, not a guess.
        intent, slots = CHOOSE_RETURN_OR_EXCHANGE, base.merge(ent)
    elif real and state.last_intent == CHOOSE_RETURN_OR_EXCHANGE and real[0] in ORDER_ACTIONS:
        # The answer to that question: the same order and items, now with the choice.
        intent = real[0]
        slots = state.slots.merge(ent)
        texts = (*state.texts, turn.user_text)
    elif real and real[0] == state.previewed and _withdraws(turn.user_text):
        # "pensando bem, não quero mais devolver" right after the return's preview: the
        # customer takes the request back; it is declined, not previewed again.
        intent, slots = "confirm_no", state.slots
    elif real:
        intent = real[0]
        slots = base.merge(ent)
    elif follow_up:
        # "I need 2", "and in black?", "near 60607": the same product, asked again.
        intent = "availability" if ent.quantity or ent.zip_code else state.last_intent
        slots = state.slots.merge(ent)
        texts = (*state.texts, turn.user_text)
    elif state.offered_human and ent.yes and not ent.no and not intents:
        intent, slots = "human", state.slots
    elif state.previewed and (ent.yes or ent.no) and not intents:
        # "yes" to a preview: only the customer's own Confirm applies it, never the chat.
        intent, slots = ("confirm_yes" if ent.yes and not ent.no else "confirm_no"), state.slots
    elif state.pending and "thanks" not in intents:
        # Whatever the answer to a question is, the request it answers goes on; the
        # plan asks again (with the choices) if the answer did not contain the detail.
        intent = state.pending
        slots = state.slots.merge(ent)
        texts = (*state.texts, turn.user_text)
    elif ent.reason and ent.reason != "no_longer_needed" and not intents:
        # "My headphones arrived broken", "a broken item, order 66120": a return.
        intent, slots = "return", base.merge(ent)
    elif ent.order_ids and not intents:
        intent, slots = "order_status", base.merge(ent)
    elif (ent.emails or ent.customer_ids) and not intents:
        intent, slots = "account", base.merge(ent)
    elif (ent.products or product_nouns((turn.user_text,))) and not intents:
        # "the smartwatch 45mm black, need 3" asks for stock, as "UHD-4K-55 delivered to
        # 90021?" does (stock near a zip); a product alone, about it.
        stock = ent.options or ent.quantity or ent.zip_code
        intent, slots = ("availability" if stock else "product_info"), base.merge(ent)
    else:
        intent = intents[0] if intents else None
        slots = state.slots if intent is None and state.pending else base.merge(ent)
    return replace(
        state,
        lang=lang,
        intent=intent,
        intents=intents,
        slots=slots,
        entities=ent,
        texts=texts,
        focus_order=focus_order,
        focus_product=focus_product,
        focus_customer=focus_customer,
        pending=state.pending if intent is None else None,
        previewed=None,
    )


def _settle(state: Dialogue, calls: Sequence[Call]) -> Dialogue:
    """Apply a finished turn's tool calls: what was answered, what is still waiting."""
    focus = state.focus_order
    product = state.focus_product
    for call in calls:
        sku = call.args.get("product_sku")
        if call.name in PRODUCT_TOOLS and call.ok and isinstance(sku, str):
            product = sku  # a product found by name is the one discussed from now on
        order_id = call.args.get("order_id")
        if isinstance(order_id, str) and call.error == "not_found" and order_id == focus:
            focus = None  # no such order on this account: stop talking about it
        elif call.name == "get_order_status" and call.ok and isinstance(order_id, str):
            focus = order_id  # found from "my last order": the one discussed from now on
    intent = state.intent
    settled = intent is not None and any(
        c.name in SETTLES.get(intent, {FINAL_TOOL.get(intent, "")}) for c in calls
    )
    waiting = intent if intent in FINAL_TOOL and not settled else None
    last = calls[-1].result if calls else None
    shown = isinstance(last, dict) and last.get("status") == "confirmation_required"
    return replace(
        state,
        focus_order=focus,
        focus_product=product,
        pending=waiting,
        previewed=intent if shown else None,
        last_intent=intent,
        # The fallback answer offers a person: a "yes" next is taken as asking for one.
        offered_human=intent is None and state.pending is None and not calls,
    )


def _after(state: Dialogue, turn: Turn) -> Dialogue:
    settled = _settle(_step(state, turn), turn.calls)
    # Confirmed or cancelled with the button already: a "yes" now is not about it.
    return replace(settled, previewed=None) if turn.settled_by_caller else settled


def derive(messages: Sequence[ChatMessage], default_lang: str | None = None) -> Dialogue:
    """The state for answering the last user message of `messages`."""
    turns = split_turns(messages)
    state = Dialogue(lang=default_lang or "en")
    for turn in turns[:-1]:
        state = _after(state, turn)
    if not turns:
        return state
    current = turns[-1]
    state = _step(state, current)
    return replace(state, calls=current.calls, history=tuple(turns[:-1]))


def _withdraws(raw: str) -> bool:
    return any_phrase(normalise(raw), lx.WITHDRAW)
