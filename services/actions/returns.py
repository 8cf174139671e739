"""Request a return of delivered items: a RET- record, a label, and no money moves yet.

Store rules beyond the benchmark, checked after its own: the reason is one of
RETURN_REASONS; each product must be returnable and its return window (days from the
delivery of the shipment that carried the item; 30 by default) still open. An order
with no delivery date (imported benchmark data) is within the window. The refund amount
is computed here from the order lines (duplicates take successive lines), never taken
from the caller.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
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
    count_check,
    is_gift_card,
    method_label,
    money,
    payment_method_of,
    require_status,
    successive_lines,
)
from services.actions.items import non_empty_check
from services.actions.state import (
    OrderState,
    add_request,
    load_order_state,
    products_by_id,
    set_order,
)
from services.availability import add_business_days
from services.errors import InvalidRequest, PolicyViolation
from services.formatting import money_text
from services.models import OrderStatus, RequestKind, RequestStatus
from services.settings import store_settings
from services.uow import UowFactory

RETURN_REASONS = ("defective", "wrong_item", "changed_mind", "not_as_described", "other")


class RequestReturn(Params):
    order_id: str
    item_ids: list[str]
    payment_method_id: str
    reason: str = "other"
    request_pickup: bool = False
    note: str = ""


def delivered_on(order: OrderState, item_id: str) -> datetime | None:
    """When the shipment carrying the item arrived (any shipment if none names it)."""
    shipments = order.fulfillments or []
    carrying = [f for f in shipments if item_id in f.item_ids] or shipments
    dates = [f.delivered_at for f in carrying if f.delivered_at is not None]
    return max(dates) if dates else None


def window_check(session: Session, order: OrderState, item_ids: list[str], now: datetime) -> None:
    """Needs the order's deliveries (`load_order_state(..., fulfillments=True)`)."""
    product_ids = {line.product_id for line in order.items if line.item_id in item_ids}
    products = products_by_id(session, product_ids)
    for item_id in dict.fromkeys(item_ids):
        line = next(i for i in order.items if i.item_id == item_id)
        product = products[line.product_id]
        if not product.returnable:
            raise PolicyViolation(
                f"{product.name} cannot be returned.",
                hint="Explain that this product is final sale; offer a hand-off if they insist.",
                item_id=item_id,
            )
        delivered = delivered_on(order, item_id)
        if delivered is None:
            continue
        closes = delivered + timedelta(days=product.return_window_days)
        if now > closes:
            raise PolicyViolation(
                f"The {product.return_window_days}-day return window for {product.name} "
                f"closed on {closes.date().isoformat()}.",
                hint="Explain the return window; offer a warranty claim or a hand-off.",
                item_id=item_id,
            )


def reason_check(reason: str) -> None:
    if reason not in RETURN_REASONS:
        raise InvalidRequest(
            "That is not a return reason the store knows.",
            hint=f"Use one of: {', '.join(RETURN_REASONS)}.",
        )


def original_or_gift_card(order: OrderState, method_id: str, is_gift: bool) -> None:
    original = order.ledger[0].payment_method_id if order.ledger else None
    if not is_gift and method_id != original:
        raise PolicyViolation(
            "Refunds go to the original payment method or to a gift card.",
            hint="Offer the original payment method or one of the customer's gift cards.",
            tau_error=(
                "Error: payment method should be either the original payment method or a gift card"
            ),
        )


def new_request_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(5).upper()}"


def plan_return(session: Session, p: RequestReturn, ctx: Ctx) -> Plan:
    order = load_order_state(
        session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock, fulfillments=True
    )
    require_status(
        order,
        OrderStatus.DELIVERED,
        verb="returned",
        tau_error="Error: non-delivered order cannot be returned",
    )
    method = payment_method_of(session, order, p.payment_method_id)
    original_or_gift_card(order, method.id, is_gift_card(method))
    count_check(order, p.item_ids, tau_error="Error: some item not found")
    non_empty_check(p.item_ids)
    reason_check(p.reason)
    window_check(session, order, p.item_ids, ctx.now)
    lines = successive_lines(order, p.item_ids)
    refund = money(sum((line.price for line in lines), Decimal(0)))
    pickup: date | None = add_business_days(ctx.now.date(), 1) if p.request_pickup else None
    effect = ActionResult(
        action="request_return",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=OrderStatus.RETURN_REQUESTED.value,
        summary=(
            f"Return {len(lines)} item(s) of order {order.id}; {money_text(refund)} will be "
            f"refunded to {method_label(method)} once they arrive"
            + (f"; pickup on {pickup.isoformat()}." if pickup else "; a prepaid label is sent.")
        ),
        items=[ItemChange(item_id=i.item_id, name=i.name, price=i.price) for i in lines],
        refund_amount=refund,
        payment_method_id=method.id,
        reason=p.reason,
        pickup_date=pickup,
    )

    def apply() -> ActionResult:
        rid = new_request_id("RET")
        record = add_request(
            session,
            id=rid,
            order_id=order.id,
            customer_id=order.customer_id,
            kind=RequestKind.RETURN,
            status=RequestStatus.REQUESTED,
            item_ids=sorted(p.item_ids),
            reason=p.reason,
            note=p.note,
            payment_method_id=method.id,
            refund_amount=refund,
            label_url=f"{store_settings().label_base_url.rstrip('/')}/{rid}.pdf",
            pickup_date=pickup,
            idempotency_key=ctx.idempotency_key,
            created_at=ctx.now,
        )
        set_order(
            session,
            order.id,
            status=OrderStatus.RETURN_REQUESTED,
            return_items=sorted(p.item_ids),
            return_payment_method_id=method.id,
        )
        return effect.model_copy(update={"request": record})

    return Plan(effect, apply)


RETURN = ActionSpec(name="request_return", params=RequestReturn, plan=plan_return)


def request_return(
    uow_factory: UowFactory,
    *,
    order_id: str,
    item_ids: list[str],
    payment_method_id: str,
    customer_id: str | None,
    reason: str = "other",
    request_pickup: bool = False,
    note: str = "",
    now: datetime | None = None,
) -> ActionResult:
    return run_action(
        uow_factory,
        RETURN,
        {
            "order_id": order_id,
            "item_ids": item_ids,
            "payment_method_id": payment_method_id,
            "reason": reason,
            "request_pickup": request_pickup,
            "note": note,
        },
        customer_id=customer_id,
        now=now,
    )
