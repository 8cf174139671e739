"""Cancel a pending order: refund each payment method its net, give the stock back."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from services.actions.base import ActionResult, ActionSpec, Ctx, Params, Plan, run_action
from services.actions.common import (
    Ledger,
    is_gift_card,
    lock_methods,
    money,
    net_by_method,
    payment_method_of,
    require_status,
)
from services.actions.state import load_order_state, set_balance, set_order
from services.errors import InvalidRequest
from services.formatting import money_text
from services.models import OrderStatus, TransactionType
from services.stock import plan_stock_moves
from services.uow import UowFactory
from services.views import LedgerLine

CANCEL_REASONS = ("no longer needed", "ordered by mistake")


class CancelOrder(Params):
    order_id: str
    reason: str


def plan_cancel(session: Session, p: CancelOrder, ctx: Ctx) -> Plan:
    order = load_order_state(
        session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock
    )
    lock_methods(session, order, lock=ctx.lock)
    require_status(
        order,
        OrderStatus.PENDING,
        verb="cancelled",
        tau_error="Error: non-pending order cannot be cancelled",
    )
    if p.reason not in CANCEL_REASONS:
        raise InvalidRequest(
            "That is not a cancellation reason the store accepts.",
            hint="The reason must be 'no longer needed' or 'ordered by mistake'.",
            tau_error="Error: invalid reason",
        )
    refunds = [(pm, amount) for pm, amount in net_by_method(order) if amount > 0]
    methods = {pm: payment_method_of(session, order, pm) for pm, _ in refunds}
    # A gift card is credited at once; cards and PayPal refund in 5-7 business days.
    balances = {
        pm: money((methods[pm].balance or 0) + amount)
        for pm, amount in refunds
        if is_gift_card(methods[pm])
    }
    moves = plan_stock_moves(
        session, give=[i.item_id for i in order.items], zip_code=order.zip, lock=ctx.lock
    )
    total = money(sum((amount for _, amount in refunds), Decimal(0)))
    effect = ActionResult(
        action="cancel_order",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=OrderStatus.CANCELLED.value,
        summary=f"Cancel order {order.id} ({p.reason}); refund {money_text(total)} to the "
        "original payment method.",
        ledger_entries=[
            LedgerLine(transaction_type="refund", amount=amount, payment_method_id=pm)
            for pm, amount in refunds
        ],
        gift_card_balances=balances,
        refund_amount=total,
        reason=p.reason,
    )

    def apply() -> ActionResult:
        ledger = Ledger(session, order)
        for pm, amount in refunds:
            ledger.append(TransactionType.REFUND, amount, pm)
            if pm in balances:
                set_balance(session, pm, balances[pm])
        set_order(session, order.id, status=OrderStatus.CANCELLED, cancel_reason=p.reason)
        moves()
        session.flush()
        return effect

    return Plan(effect, apply)


CANCEL = ActionSpec(name="cancel_order", params=CancelOrder, plan=plan_cancel)


def cancel_order(
    uow_factory: UowFactory,
    *,
    order_id: str,
    reason: str,
    customer_id: str | None,
    now: datetime | None = None,
) -> ActionResult:
    return run_action(
        uow_factory,
        CANCEL,
        {"order_id": order_id, "reason": reason},
        customer_id=customer_id,
        now=now,
    )
