"""Change the payment method of a pending order: pay with the new, refund the old."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from services.actions.base import ActionResult, ActionSpec, Ctx, Params, Plan, run_action
from services.actions.common import (
    Ledger,
    is_gift_card,
    lock_methods,
    method_label,
    money,
    payment_method_of,
    require_status,
)
from services.actions.state import load_order_state, set_balance
from services.errors import InsufficientFunds, InvalidRequest, InvalidState
from services.formatting import money_text
from services.models import OrderStatus, TransactionType
from services.uow import UowFactory
from services.views import LedgerLine


class ChangePaymentMethod(Params):
    order_id: str
    payment_method_id: str


def plan_payment_change(session: Session, p: ChangePaymentMethod, ctx: Ctx) -> Plan:
    order = load_order_state(
        session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock
    )
    lock_methods(session, order, lock=ctx.lock)
    require_status(
        order,
        OrderStatus.PENDING,
        verb="modified",
        tau_error="Error: non-pending order cannot be modified",
    )
    new = payment_method_of(session, order, p.payment_method_id)
    ledger = order.ledger
    if len(ledger) != 1 or ledger[0].transaction_type != TransactionType.PAYMENT:
        raise InvalidState(
            "This order's payment was already changed or refunded; it cannot be changed again.",
            hint="Offer a transfer to a human agent.",
            tau_error="Error: there should be exactly one payment for a pending order",
        )
    paid = ledger[0]
    if paid.payment_method_id == new.id:
        raise InvalidRequest(
            "The order is already paid with that payment method.",
            hint="Ask which other payment method the customer wants to use.",
            tau_error="Error: the new payment method should be different from the current one",
        )
    amount = paid.amount
    if is_gift_card(new) and (new.balance or 0) < amount:
        raise InsufficientFunds(
            "The gift card balance is too low to pay for this order.",
            tau_error="Error: insufficient gift card balance to pay for the order",
        )
    old = payment_method_of(session, order, paid.payment_method_id)
    balances = {}
    if is_gift_card(new):
        balances[new.id] = money((new.balance or 0) - amount)
    if is_gift_card(old):
        balances[old.id] = money((old.balance or 0) + amount)
    effect = ActionResult(
        action="change_payment_method",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=order.status.value,
        summary=f"Pay {money_text(amount)} for order {order.id} with {method_label(new)}; "
        f"refund {method_label(old)}.",
        ledger_entries=[
            LedgerLine(transaction_type="payment", amount=amount, payment_method_id=new.id),
            LedgerLine(transaction_type="refund", amount=amount, payment_method_id=old.id),
        ],
        gift_card_balances=balances,
        refund_amount=amount,
        payment_method_id=new.id,
    )

    def apply() -> ActionResult:
        ledger = Ledger(session, order)
        ledger.append(TransactionType.PAYMENT, amount, new.id)
        ledger.append(TransactionType.REFUND, amount, old.id)
        for method_id, balance in balances.items():
            set_balance(session, method_id, balance)
        return effect

    return Plan(effect, apply)


PAYMENT = ActionSpec(
    name="change_payment_method", params=ChangePaymentMethod, plan=plan_payment_change
)


def change_payment_method(
    uow_factory: UowFactory,
    *,
    order_id: str,
    payment_method_id: str,
    customer_id: str | None,
    now: datetime | None = None,
) -> ActionResult:
    return run_action(
        uow_factory,
        PAYMENT,
        {"order_id": order_id, "payment_method_id": payment_method_id},
        customer_id=customer_id,
        now=now,
    )
