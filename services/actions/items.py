"""Change items of a pending order to other variants of the same products."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

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
    count_check,
    first_line,
    is_gift_card,
    lock_methods,
    method_label,
    money,
    new_variants_check,
    payment_method_of,
    require_status,
)
from services.actions.state import (
    MethodState,
    OrderState,
    load_order_state,
    set_balance,
    set_line,
    set_order,
)
from services.errors import InsufficientFunds, InvalidRequest
from services.formatting import money_text
from services.models import OrderStatus, TransactionType
from services.stock import plan_stock_moves
from services.uow import UowFactory
from services.views import LedgerLine


class ModifyItems(Params):
    order_id: str
    item_ids: list[str]
    new_item_ids: list[str]
    payment_method_id: str


def length_check(item_ids: list[str], new_item_ids: list[str]) -> None:
    if len(item_ids) != len(new_item_ids):
        raise InvalidRequest(
            "Give one new item for each item to change.",
            hint="item_ids and new_item_ids must have the same length, paired in order.",
            tau_error="Error: the number of items to be exchanged should match",
        )


def non_empty_check(item_ids: list[str]) -> None:
    # Not a benchmark check (its ground truth never sends an empty list), so it runs
    # after the benchmark's own and cannot change which benchmark error is reported.
    if not item_ids:
        raise InvalidRequest("List at least one item.", hint="Name the items to change.")


def check_item_pairs(
    session: Session,
    order: OrderState,
    *,
    item_ids: list[str],
    new_item_ids: list[str],
    payment_method_id: str,
    gift_card_short: str,
    gift_card_tau_error: str,
) -> tuple[dict[str, Any], Decimal, MethodState]:
    """The spec's checks after the status, the same for modify and exchange (steps 3-7 of
    both tables, in their order): ids held, lists paired, new variants, method, gift card.

    Returns the new variants, the price difference and the payment method.
    """
    count_check(order, item_ids, tau_error=None)
    length_check(item_ids, new_item_ids)
    variants, diff = new_variants_check(session, order, item_ids, new_item_ids)
    diff = money(diff)
    method = payment_method_of(session, order, payment_method_id)
    if is_gift_card(method) and (method.balance or 0) < diff:
        raise InsufficientFunds(gift_card_short, tau_error=gift_card_tau_error)
    non_empty_check(item_ids)
    return variants, diff, method


def item_changes(
    order: OrderState, item_ids: list[str], new_item_ids: list[str], variants: dict[str, Any]
) -> list[ItemChange]:
    changes = []
    for old, new in zip(item_ids, new_item_ids, strict=True):
        line = first_line(order, old)
        variant = variants[new]
        changes.append(
            ItemChange(
                item_id=old,
                name=line.name,
                price=line.price,
                new_item_id=new,
                new_price=variant.price,
                new_options=dict(variant.options),
            )
        )
    return changes


def plan_modify_items(session: Session, p: ModifyItems, ctx: Ctx) -> Plan:
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
    variants, diff, method = check_item_pairs(
        session,
        order,
        item_ids=p.item_ids,
        new_item_ids=p.new_item_ids,
        payment_method_id=p.payment_method_id,
        gift_card_short="The gift card balance is too low to pay for the new items.",
        gift_card_tau_error="Error: insufficient gift card balance to pay for the new item",
    )
    moves = plan_stock_moves(
        session, take=p.new_item_ids, give=p.item_ids, zip_code=order.zip, lock=ctx.lock
    )
    kind = TransactionType.PAYMENT if diff > 0 else TransactionType.REFUND
    balances = {method.id: money((method.balance or 0) - diff)} if is_gift_card(method) else {}
    effect = ActionResult(
        action="modify_items",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=OrderStatus.PENDING_ITEM_MODIFIED.value,
        summary=(
            f"Change {len(p.item_ids)} item(s) of order {order.id}; "
            + (f"pay {money_text(diff)}" if diff > 0 else f"refund {money_text(-diff)}")
            + f" with {method_label(method)}. The order cannot be modified or cancelled"
            " afterwards."
        ),
        ledger_entries=[
            LedgerLine(transaction_type=kind.value, amount=abs(diff), payment_method_id=method.id)
        ],
        gift_card_balances=balances,
        items=item_changes(order, p.item_ids, p.new_item_ids, variants),
        price_difference=diff,
        payment_method_id=method.id,
    )

    def apply() -> ActionResult:
        # One ledger entry for the whole difference (a zero difference is a refund of 0).
        Ledger(session, order).append(kind, abs(diff), method.id)
        if balances:
            set_balance(session, method.id, balances[method.id])
        # Pair by pair, the first line *still* holding the old id takes the new one: the
        # benchmark's rule, which maps duplicates onto successive lines.
        held = {line.position: line.item_id for line in order.items}
        for old, new in zip(p.item_ids, p.new_item_ids, strict=True):
            position = next(pos for pos, item_id in held.items() if item_id == old)
            variant = variants[new]
            held[position] = new
            set_line(
                session,
                order.id,
                position,
                item_id=new,
                price=variant.price,
                options=dict(variant.options),
            )
        set_order(session, order.id, status=OrderStatus.PENDING_ITEM_MODIFIED)
        moves()
        session.flush()
        return effect

    return Plan(effect, apply)


MODIFY_ITEMS = ActionSpec(name="modify_items", params=ModifyItems, plan=plan_modify_items)


def modify_items(
    uow_factory: UowFactory,
    *,
    order_id: str,
    item_ids: list[str],
    new_item_ids: list[str],
    payment_method_id: str,
    customer_id: str | None,
    now: datetime | None = None,
) -> ActionResult:
    return run_action(
        uow_factory,
        MODIFY_ITEMS,
        {
            "order_id": order_id,
            "item_ids": item_ids,
            "new_item_ids": new_item_ids,
            "payment_method_id": payment_method_id,
        },
        customer_id=customer_id,
        now=now,
    )
