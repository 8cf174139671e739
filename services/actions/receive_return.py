"""Receive returned items (staff): refund, credit a gift card at once, restock.

The benchmark stops at `return requested`; this is the store's next step. The refund is
one ledger entry of the amount computed when the return was requested, to the method
chosen then. An imported order already in `return requested` has no RET- record: one is
made from the order's `return_items` and `return_payment_method_id`.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from services.actions.base import (
    ActionResult,
    ActionSpec,
    Ctx,
    ItemChange,
    Params,
    Plan,
    run_action,
)
from services.actions.common import (
    Ledger,
    is_gift_card,
    lock_methods,
    method_label,
    money,
    payment_method_of,
    require_status,
    successive_lines,
)
from services.actions.returns import new_request_id
from services.actions.state import (
    add_request,
    load_order_state,
    open_return,
    request_view,
    set_balance,
    set_order,
    set_request,
)
from services.errors import InvalidState
from services.formatting import money_text
from services.models import OrderStatus, RequestKind, RequestStatus, TransactionType
from services.stock import plan_stock_moves
from services.uow import UowFactory
from services.views import LedgerLine


class ReceiveReturn(Params):
    order_id: str


def plan_receive(session: Session, p: ReceiveReturn, ctx: Ctx) -> Plan:
    order = load_order_state(
        session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock
    )
    lock_methods(session, order, lock=ctx.lock)
    require_status(
        order,
        OrderStatus.RETURN_REQUESTED,
        verb="received back",
    )
    record = open_return(session, order.id)
    item_ids = list(record.item_ids if record else order.return_items or [])
    method_id = record.payment_method_id if record else order.return_payment_method_id
    if not item_ids or method_id is None:
        raise InvalidState(
            "This order has no return to receive.", hint="Check the order's return request."
        )
    lines = successive_lines(order, item_ids)
    refund = (
        record.refund_amount
        if record and record.refund_amount is not None
        else money(sum((line.price for line in lines), Decimal(0)))
    )
    method = payment_method_of(session, order, method_id)
    balances = {method.id: money((method.balance or 0) + refund)} if is_gift_card(method) else {}
    moves = plan_stock_moves(session, give=item_ids, zip_code=order.zip, lock=ctx.lock)
    effect = ActionResult(
        action="receive_return",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=OrderStatus.RETURNED.value,
        summary=f"Received {len(item_ids)} item(s) of order {order.id}; refund "
        f"{money_text(refund)} to {method_label(method)}.",
        ledger_entries=[
            LedgerLine(transaction_type="refund", amount=refund, payment_method_id=method.id)
        ],
        gift_card_balances=balances,
        items=[ItemChange(item_id=i.item_id, name=i.name, price=i.price) for i in lines],
        refund_amount=refund,
        payment_method_id=method.id,
    )

    def apply() -> ActionResult:
        if record is None:
            received = add_request(
                session,
                id=new_request_id("RET"),
                order_id=order.id,
                customer_id=order.customer_id,
                kind=RequestKind.RETURN,
                status=RequestStatus.RECEIVED,
                item_ids=sorted(item_ids),
                payment_method_id=method.id,
                refund_amount=refund,
                created_at=ctx.now,
                received_at=ctx.now,
            )
        else:
            set_request(session, record.id, status=RequestStatus.RECEIVED, received_at=ctx.now)
            received = request_view(
                {**record._asdict(), "status": RequestStatus.RECEIVED, "received_at": ctx.now}
            )
        Ledger(session, order).append(TransactionType.REFUND, refund, method.id)
        if balances:
            set_balance(session, method.id, balances[method.id])
        set_order(session, order.id, status=OrderStatus.RETURNED)
        moves()
        session.flush()
        return effect.model_copy(update={"request": received})

    return Plan(effect, apply)


RECEIVE_RETURN = ActionSpec(
    name="receive_return", params=ReceiveReturn, plan=plan_receive, staff_only=True
)


def receive_return(
    uow_factory: UowFactory, *, order_id: str, now: datetime | None = None
) -> ActionResult:
    """Staff only: there is no customer_id, the caller must be staff or system."""
    return run_action(
        uow_factory, RECEIVE_RETURN, {"order_id": order_id}, customer_id=None, now=now
    )
