"""Request an exchange of delivered items for other variants of the same products.

As the benchmark: no ledger entry and no line changes, only the request fields and the
rounded price difference (settled when the exchange is processed). The store also
records an EXC- request and holds the replacement units in stock for the customer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from services.actions.base import ActionResult, ActionSpec, Ctx, Params, Plan, run_action
from services.actions.common import lock_methods, method_label, require_status
from services.actions.items import check_item_pairs, item_changes
from services.actions.returns import new_request_id, reason_check, window_check
from services.actions.state import add_request, load_order_state, set_order
from services.formatting import money_text
from services.models import OrderStatus, RequestKind, RequestStatus
from services.stock import plan_stock_moves
from services.uow import UowFactory


class RequestExchange(Params):
    order_id: str
    item_ids: list[str]
    new_item_ids: list[str]
    payment_method_id: str
    reason: str = "other"
    note: str = ""


def plan_exchange(session: Session, p: RequestExchange, ctx: Ctx) -> Plan:
    order = load_order_state(
        session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock, fulfillments=True
    )
    lock_methods(session, order, lock=ctx.lock)
    require_status(
        order,
        OrderStatus.DELIVERED,
        verb="exchanged",
        tau_error="Error: non-delivered order cannot be exchanged",
    )
    variants, diff, method = check_item_pairs(
        session,
        order,
        item_ids=p.item_ids,
        new_item_ids=p.new_item_ids,
        payment_method_id=p.payment_method_id,
        gift_card_short="The gift card balance is too low to pay the price difference.",
        gift_card_tau_error=(
            "Error: insufficient gift card balance to pay for the price difference"
        ),
    )
    reason_check(p.reason)
    window_check(session, order, p.item_ids, ctx.now)
    moves = plan_stock_moves(session, take=p.new_item_ids, zip_code=order.zip, lock=ctx.lock)
    effect = ActionResult(
        action="request_exchange",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=OrderStatus.EXCHANGE_REQUESTED.value,
        summary=(
            f"Exchange {len(p.item_ids)} item(s) of order {order.id}; price difference "
            f"{money_text(abs(diff))} ({'to pay' if diff > 0 else 'to refund'}) with "
            f"{method_label(method)}."
        ),
        items=item_changes(order, p.item_ids, p.new_item_ids, variants),
        price_difference=diff,
        payment_method_id=method.id,
        reason=p.reason,
    )

    def apply() -> ActionResult:
        record = add_request(
            session,
            id=new_request_id("EXC"),
            order_id=order.id,
            customer_id=order.customer_id,
            kind=RequestKind.EXCHANGE,
            status=RequestStatus.REQUESTED,
            item_ids=sorted(p.item_ids),
            new_item_ids=sorted(p.new_item_ids),
            reason=p.reason,
            note=p.note,
            payment_method_id=method.id,
            price_difference=diff,
            idempotency_key=ctx.idempotency_key,
            created_at=ctx.now,
        )
        set_order(
            session,
            order.id,
            status=OrderStatus.EXCHANGE_REQUESTED,
            exchange_items=sorted(p.item_ids),
            exchange_new_items=sorted(p.new_item_ids),
            exchange_payment_method_id=method.id,
            exchange_price_difference=diff,
        )
        moves()
        session.flush()
        return effect.model_copy(update={"request": record})

    return Plan(effect, apply)


EXCHANGE = ActionSpec(name="request_exchange", params=RequestExchange, plan=plan_exchange)


def request_exchange(
    uow_factory: UowFactory,
    *,
    order_id: str,
    item_ids: list[str],
    new_item_ids: list[str],
    payment_method_id: str,
    customer_id: str | None,
    reason: str = "other",
    note: str = "",
    now: datetime | None = None,
) -> ActionResult:
    return run_action(
        uow_factory,
        EXCHANGE,
        {
            "order_id": order_id,
            "item_ids": item_ids,
            "new_item_ids": new_item_ids,
            "payment_method_id": payment_method_id,
            "reason": reason,
            "note": note,
        },
        customer_id=customer_id,
        now=now,
    )
