"""Read-only browsing of the store for staff pages: customers, orders, products, stock.

Lists are searched and paged in SQL (a tau-bench store has 500 customers and 1,000
orders; a generated one can have far more), and every row is an allow-listed pydantic
model, never an ORM object. Customer sign-in lookups live here too: they are reads that
the chat page needs before any customer context exists.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel
from sqlalchemy import Select, Subquery, func, or_, select

from services.errors import customer_not_found
from services.models import Customer, Order, OrderItem, Product, StockLevel, Variant
from services.uow import UowFactory

MAX_ROWS = 500


class CustomerRow(BaseModel):
    id: str
    name: str
    email: str
    tier: str
    city: str
    country: str
    locale: str
    orders: int = 0


class OrderRow(BaseModel):
    id: str
    customer_id: str
    customer_name: str
    status: str
    placed_at: datetime | None
    items: int
    total: Decimal


class ProductRow(BaseModel):
    id: str
    name: str
    category: str
    variants: int
    min_price: Decimal | None
    max_price: Decimal | None
    in_stock: int


def _like(text: str) -> str:
    escaped = text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_ROWS))


def search_customers(
    uow_factory: UowFactory, *, query: str = "", limit: int = 50
) -> list[CustomerRow]:
    """Customers whose id, name, email or zip contains `query` (case-insensitive)."""
    order_count = (
        select(func.count(Order.id)).where(Order.customer_id == Customer.id).scalar_subquery()
    )
    stmt: Select = select(Customer, order_count.label("orders")).order_by(
        Customer.last_name, Customer.first_name, Customer.id
    )
    if query.strip():
        pattern = _like(query)
        full_name = func.lower(Customer.first_name + " " + Customer.last_name)
        stmt = stmt.where(
            or_(
                func.lower(Customer.id).like(pattern, escape="\\"),
                full_name.like(pattern, escape="\\"),
                func.lower(Customer.email).like(pattern, escape="\\"),
                func.lower(Customer.zip).like(pattern, escape="\\"),
            )
        )
    with uow_factory() as uow:
        rows = uow.session.execute(stmt.limit(_limit(limit))).all()
        return [_customer_row(c, n) for c, n in rows]


def _customer_row(customer: Customer, orders: int = 0) -> CustomerRow:
    return CustomerRow(
        id=customer.id,
        name=customer.name,
        email=customer.email,
        tier=str(customer.tier),
        city=customer.city,
        country=customer.country,
        locale=customer.locale,
        orders=orders or 0,
    )


def get_customer(uow_factory: UowFactory, *, customer_id: str) -> CustomerRow:
    with uow_factory() as uow:
        customer = uow.session.get(Customer, customer_id)
        if customer is None:
            raise customer_not_found()
        return _customer_row(customer)


def customer_by_email(uow_factory: UowFactory, *, email: str) -> CustomerRow:
    """Sign-in by email: exact match, case-insensitive (the unique index is on lower(email))."""
    with uow_factory() as uow:
        customer = uow.session.scalars(
            select(Customer).where(func.lower(Customer.email) == email.strip().lower())
        ).first()
        if customer is None:
            raise customer_not_found()
        return _customer_row(customer)


def customer_by_name_zip(
    uow_factory: UowFactory, *, first_name: str, last_name: str, zip_code: str
) -> CustomerRow:
    """Sign-in by first name, last name and zip code; all three must match."""
    with uow_factory() as uow:
        customers = uow.session.scalars(
            select(Customer).where(
                Customer.zip == zip_code.strip(),
                func.lower(Customer.first_name) == first_name.strip().lower(),
                func.lower(Customer.last_name) == last_name.strip().lower(),
            )
        ).all()
        # Two customers with the same name in one zip cannot be told apart this way.
        if len(customers) != 1:
            raise customer_not_found()
        return _customer_row(customers[0])


def _order_totals() -> Subquery:
    return (
        select(
            OrderItem.order_id,
            func.count(OrderItem.id).label("n_items"),
            func.coalesce(func.sum(OrderItem.price), 0).label("total"),
        )
        .group_by(OrderItem.order_id)
        .subquery()
    )


def search_orders(
    uow_factory: UowFactory,
    *,
    query: str = "",
    status: str | None = None,
    customer_id: str | None = None,
    limit: int = 100,
) -> list[OrderRow]:
    """Orders newest first, filtered by id/customer text, status and customer."""
    totals = _order_totals()
    stmt = (
        select(
            Order.id,
            Order.customer_id,
            Customer.first_name,
            Customer.last_name,
            Order.status,
            Order.placed_at,
            func.coalesce(totals.c.n_items, 0),
            func.coalesce(totals.c.total, 0),
        )
        .join(Customer, Customer.id == Order.customer_id)
        .outerjoin(totals, totals.c.order_id == Order.id)
        .order_by(Order.placed_at.desc().nulls_last(), Order.id)
    )
    if query.strip():
        pattern = _like(query)
        stmt = stmt.where(
            or_(
                func.lower(Order.id).like(pattern, escape="\\"),
                func.lower(Order.customer_id).like(pattern, escape="\\"),
                func.lower(Customer.first_name + " " + Customer.last_name).like(
                    pattern, escape="\\"
                ),
            )
        )
    if status:
        stmt = stmt.where(Order.status == status)
    if customer_id:
        stmt = stmt.where(Order.customer_id == customer_id)
    with uow_factory() as uow:
        rows = uow.session.execute(stmt.limit(_limit(limit))).all()
    return [
        OrderRow(
            id=r[0],
            customer_id=r[1],
            customer_name=f"{r[2]} {r[3]}",
            status=str(r[4]),
            placed_at=r[5],
            items=int(r[6]),
            total=Decimal(r[7]).quantize(Decimal("0.01")),
        )
        for r in rows
    ]


def search_products(
    uow_factory: UowFactory, *, query: str = "", category: str | None = None, limit: int = 100
) -> list[ProductRow]:
    """Products with their variant count, price range and units in stock."""
    stock = (
        select(Variant.product_id, func.coalesce(func.sum(StockLevel.quantity), 0).label("qty"))
        .join(StockLevel, StockLevel.item_id == Variant.item_id)
        .group_by(Variant.product_id)
        .subquery()
    )
    prices = (
        select(
            Variant.product_id,
            func.count(Variant.item_id).label("n"),
            func.min(Variant.price).label("lo"),
            func.max(Variant.price).label("hi"),
        )
        .group_by(Variant.product_id)
        .subquery()
    )
    stmt = (
        select(
            Product.id,
            Product.name,
            Product.category,
            func.coalesce(prices.c.n, 0),
            prices.c.lo,
            prices.c.hi,
            func.coalesce(stock.c.qty, 0),
        )
        .outerjoin(prices, prices.c.product_id == Product.id)
        .outerjoin(stock, stock.c.product_id == Product.id)
        .order_by(Product.name, Product.id)
    )
    if query.strip():
        pattern = _like(query)
        sku_match = select(Variant.product_id).where(
            func.lower(Variant.item_id).like(pattern, escape="\\")
        )
        stmt = stmt.where(
            or_(
                func.lower(Product.id).like(pattern, escape="\\"),
                func.lower(Product.name).like(pattern, escape="\\"),
                func.lower(Product.category).like(pattern, escape="\\"),
                Product.id.in_(sku_match),
            )
        )
    if category:
        stmt = stmt.where(Product.category == category)
    with uow_factory() as uow:
        rows = uow.session.execute(stmt.limit(_limit(limit))).all()
    return [
        ProductRow(
            id=r[0],
            name=r[1],
            category=r[2],
            variants=int(r[3]),
            min_price=r[4],
            max_price=r[5],
            in_stock=int(r[6]),
        )
        for r in rows
    ]


def product_categories(uow_factory: UowFactory) -> list[str]:
    with uow_factory() as uow:
        return list(
            uow.session.scalars(select(Product.category).distinct().order_by(Product.category))
        )
