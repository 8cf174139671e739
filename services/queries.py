"""Scoped loaders shared by reads and actions, and the ORM -> view conversions.

Customer scoping happens here, in SQL: with a `customer_id` the WHERE clause includes
it, so another customer's order or payment method is simply not found, and the caller
raises exactly the error a missing id gets.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from services.errors import customer_not_found, order_not_found, payment_method_not_found
from services.models import (
    CENT,
    Customer,
    Fulfillment,
    LedgerEntry,
    Order,
    PaymentMethod,
    ReturnRequest,
    TransactionType,
)
from services.views import (
    Address,
    FulfillmentView,
    LedgerLine,
    OrderLine,
    OrderTotals,
    OrderView,
    PaymentMethodView,
    ReturnRecordView,
    TrackingEventView,
)

ZERO = Decimal("0.00")


def as_money(value: object) -> Decimal:
    """A database sum (Decimal, int or None, by backend) as cents."""
    return Decimal(str(value or 0)).quantize(CENT)


def load_order(
    session: Session,
    *,
    order_id: str,
    customer_id: str | None,
    lock: bool = False,
    with_tracking: bool = False,
) -> Order:
    """The order with its lines, ledger and fulfillments (a constant number of queries).

    lock=True takes the order row FOR UPDATE (PostgreSQL), so two actions on one order
    run one after the other and the second sees what the first did.
    """
    query = select(Order).where(Order.id == order_id)
    if customer_id is not None:
        query = query.where(Order.customer_id == customer_id)
    fulfillments = selectinload(Order.fulfillments)
    if with_tracking:
        fulfillments = fulfillments.selectinload(Fulfillment.events)
    query = query.options(
        selectinload(Order.items),
        selectinload(Order.ledger),
        fulfillments,
        selectinload(Order.requests),
    )
    if lock:
        query = query.with_for_update(of=Order).execution_options(populate_existing=True)
    order = session.scalars(query).first()
    if order is None:
        raise order_not_found()
    return order


def load_customer(session: Session, *, user_id: str, customer_id: str | None) -> Customer:
    if customer_id is not None and user_id != customer_id:
        raise customer_not_found()
    customer = session.scalars(
        select(Customer)
        .where(Customer.id == user_id)
        .options(selectinload(Customer.payment_methods))
    ).first()
    if customer is None:
        raise customer_not_found()
    return customer


def load_payment_method(
    session: Session, *, payment_method_id: str, owner_id: str, lock: bool = False
) -> PaymentMethod:
    """A payment method of `owner_id`; anyone else's is not found, like a missing one."""
    query = select(PaymentMethod).where(
        PaymentMethod.id == payment_method_id, PaymentMethod.customer_id == owner_id
    )
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    method = session.scalars(query).first()
    if method is None:
        raise payment_method_not_found()
    return method


def address_of(row: Order | Customer) -> Address:
    return Address(
        address1=row.address1,
        address2=row.address2,
        city=row.city,
        state=row.state,
        country=row.country,
        zip=row.zip,
    )


def ledger_lines(entries: Sequence[LedgerEntry]) -> list[LedgerLine]:
    return [
        LedgerLine(
            transaction_type=e.transaction_type.value,
            amount=e.amount,
            payment_method_id=e.payment_method_id,
        )
        for e in entries
    ]


def return_record_view(r: ReturnRequest) -> ReturnRecordView:
    return ReturnRecordView(
        id=r.id,
        kind=r.kind.value,
        status=r.status.value,
        item_ids=list(r.item_ids),
        new_item_ids=None if r.new_item_ids is None else list(r.new_item_ids),
        reason=r.reason,
        payment_method_id=r.payment_method_id,
        refund_amount=r.refund_amount,
        price_difference=r.price_difference,
        label_url=r.label_url,
        pickup_date=r.pickup_date,
        created_at=r.created_at,
        received_at=r.received_at,
    )


def order_view(order: Order, *, with_tracking: bool = False) -> OrderView:
    paid = sum(
        (e.amount for e in order.ledger if e.transaction_type == TransactionType.PAYMENT), ZERO
    )
    refunded = sum(
        (e.amount for e in order.ledger if e.transaction_type == TransactionType.REFUND), ZERO
    )
    fulfillments = [
        FulfillmentView(
            carrier=f.carrier,
            tracking_ids=list(f.tracking_ids),
            item_ids=list(f.item_ids),
            shipped_at=f.shipped_at,
            estimated_delivery=f.estimated_delivery,
            delivered_at=f.delivered_at,
            events=[
                TrackingEventView(
                    occurred_at=e.occurred_at,
                    location=e.location,
                    status=e.status,
                    description=e.description,
                )
                for e in f.events
            ]
            if with_tracking
            else None,
        )
        for f in order.fulfillments
    ]
    estimates = [f.estimated_delivery for f in order.fulfillments if f.estimated_delivery]
    delivered = [f.delivered_at for f in order.fulfillments]
    return OrderView(
        order_id=order.id,
        customer_id=order.customer_id,
        status=order.status.value,
        placed_at=order.placed_at,
        updated_at=order.updated_at,
        shipping_address=address_of(order),
        items=[
            OrderLine(
                position=i.position,
                item_id=i.item_id,
                product_id=i.product_id,
                name=i.name,
                price=i.price,
                options=dict(i.options),
            )
            for i in order.items
        ],
        totals=OrderTotals(
            items=sum((i.price for i in order.items), ZERO),
            paid=paid,
            refunded=refunded,
            net=paid - refunded,
        ),
        payment_history=ledger_lines(order.ledger),
        fulfillments=fulfillments,
        estimated_delivery=max(estimates) if estimates else None,
        delivered_at=(max(d for d in delivered if d) if delivered and all(delivered) else None),
        cancel_reason=order.cancel_reason,
        return_items=order.return_items,
        return_payment_method_id=order.return_payment_method_id,
        exchange_items=order.exchange_items,
        exchange_new_items=order.exchange_new_items,
        exchange_payment_method_id=order.exchange_payment_method_id,
        exchange_price_difference=order.exchange_price_difference,
        requests=[return_record_view(r) for r in order.requests],
    )


def payment_method_view(m: PaymentMethod) -> PaymentMethodView:
    return PaymentMethodView(
        id=m.id,
        source=m.source.value,
        brand=m.brand,
        last_four=m.last_four,
        balance=m.balance,
    )
