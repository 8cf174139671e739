"""Customer reads: the profile behind "who am I talking to", and finding a customer."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from services.errors import InvalidRequest, customer_not_found
from services.models import Customer, LedgerEntry, Order, OrderItem, TransactionType
from services.queries import address_of, as_money, load_customer, payment_method_view
from services.uow import UowFactory
from services.views import CustomerMatch, CustomerTotals, CustomerView, OrderSummary

RECENT_ORDERS = 10


def get_customer_info(
    uow_factory: UowFactory,
    *,
    user_id: str,
    customer_id: str | None,
    include_order_history: bool = False,
) -> CustomerView:
    """Profile, tier, totals, payment methods (last four only), every order id and,
    when asked, the 10 most recent orders. A customer may read only their own profile
    (user_id must equal customer_id); anyone else's is "not found". At most six
    queries, however many orders the customer has.
    """
    with uow_factory() as uow:
        s = uow.session
        customer = load_customer(s, user_id=user_id.strip(), customer_id=customer_id)
        order_ids = list(
            s.scalars(
                select(Order.id)
                .where(Order.customer_id == customer.id)
                .order_by(Order.customer_position, Order.id)
            )
        )
        return CustomerView(
            customer_id=customer.id,
            first_name=customer.first_name,
            last_name=customer.last_name,
            email=customer.email,
            phone=customer.phone,
            tier=customer.tier.value,
            member_since=customer.member_since,
            locale=customer.locale,
            address=address_of(customer),
            payment_methods=[payment_method_view(m) for m in customer.payment_methods],
            order_ids=order_ids,
            totals=CustomerTotals(order_count=len(order_ids), net_spent=_net_spent(s, customer.id)),
            recent_orders=_recent_orders(s, customer.id) if include_order_history else None,
        )


def _net_spent(session: Session, customer_id: str) -> Decimal:
    signed = case(
        (LedgerEntry.transaction_type == TransactionType.PAYMENT, LedgerEntry.amount),
        else_=-LedgerEntry.amount,
    )
    total = session.scalar(
        select(func.coalesce(func.sum(signed), 0))
        .join(Order, Order.id == LedgerEntry.order_id)
        .where(Order.customer_id == customer_id)
    )
    return as_money(total)


def _recent_orders(session: Session, customer_id: str) -> list[OrderSummary]:
    # Newest first; imported benchmark orders have no date, so the customer's own list
    # order (latest position first) breaks ties and orders them.
    orders = session.execute(
        select(Order.id, Order.status, Order.placed_at)
        .where(Order.customer_id == customer_id)
        .order_by(Order.placed_at.desc().nulls_last(), Order.customer_position.desc())
        .limit(RECENT_ORDERS)
    ).all()
    ids = [o.id for o in orders]
    lines = {
        row.order_id: (row.n, row.total)
        for row in session.execute(
            select(
                OrderItem.order_id,
                func.count().label("n"),
                func.sum(OrderItem.price).label("total"),
            )
            .where(OrderItem.order_id.in_(ids))
            .group_by(OrderItem.order_id)
        )
    }
    return [
        OrderSummary(
            order_id=o.id,
            status=o.status.value,
            placed_at=o.placed_at,
            item_count=lines.get(o.id, (0, 0))[0],
            total=as_money(lines.get(o.id, (0, 0))[1]),
        )
        for o in orders
    ]


def find_customer_by_email(uow_factory: UowFactory, *, email: str) -> CustomerMatch:
    """Staff/authentication lookup; the email matches case-insensitively."""
    email = email.strip()
    if not email:
        raise InvalidRequest("An email address is needed.", hint="Ask for the account email.")
    with uow_factory() as uow:
        row = uow.session.scalars(
            select(Customer).where(func.lower(Customer.email) == email.lower())
        ).first()
        if row is None:
            raise customer_not_found()
        return CustomerMatch(customer_id=row.id, first_name=row.first_name, last_name=row.last_name)


def find_customer_by_name_zip(
    uow_factory: UowFactory, *, first_name: str, last_name: str, zip_code: str
) -> CustomerMatch:
    """Names compare case-insensitively, the zip exactly (the benchmark's rule). With
    several matches, the first by id, so the answer is stable."""
    with uow_factory() as uow:
        row = uow.session.scalars(
            select(Customer)
            .where(
                Customer.zip == zip_code.strip(),
                func.lower(Customer.first_name) == first_name.strip().lower(),
                func.lower(Customer.last_name) == last_name.strip().lower(),
            )
            .order_by(Customer.id)
        ).first()
        if row is None:
            raise customer_not_found()
        return CustomerMatch(customer_id=row.id, first_name=row.first_name, last_name=row.last_name)
