"""What an order action reads and writes, as prebuilt Core statements on the session.

The checks need a few columns of the order, its lines, its ledger and (for returns and
exchanges) its deliveries; the change is a handful of INSERTs and UPDATEs. Loading ORM
objects with their collections and flushing them through the unit of work cost several
times the queries themselves on this path (issue 15: about 1 ms of CPU per query), so
actions read plain rows of exactly those columns (`OrderState`) and write with Core.
Column types are the mapped ones, so values (Decimal, enums, JSON) are the same as the
ORM's, and Core applies the same column defaults (`updated_at`, `created_at`).

Locking is unchanged: with lock=True the order row is read FOR UPDATE first (PostgreSQL;
SQLite serialises writers with `begin_write`), then the customer's payment methods, then
stock rows, in that order in every action.

One transaction may need the same rows twice (a tool filling defaults from the order,
then the action's plan; a preview naming the payment method the plan checked): what was
read is kept on the session for the rest of the use case and dropped by every write
here, so nothing reads a state older than its own change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, Update, bindparam, insert, select, update
from sqlalchemy.orm import Session

from services.errors import customer_not_found, order_not_found, payment_method_not_found
from services.models import (
    Customer,
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    OrderStatus,
    PaymentMethod,
    PaymentSource,
    Product,
    RequestKind,
    RequestStatus,
    ReturnRequest,
    Variant,
)
from services.views import Address, ReturnRecordView

ADDRESS_FIELDS = ("address1", "address2", "city", "state", "country", "zip")
_MEMO = "storedesk.action_state"  # session.info key: the rows read in this use case


@dataclass(frozen=True)
class OrderState:
    """The columns of an order that actions check, and its collections as rows."""

    id: str
    customer_id: str
    status: OrderStatus
    address1: str
    address2: str
    city: str
    state: str
    country: str
    zip: str
    return_items: list[str] | None
    return_payment_method_id: str | None
    items: list[Any]  # rows: position, item_id, product_id, name, price, options
    ledger: list[Any]  # rows: position, transaction_type, amount, payment_method_id
    fulfillments: list[Any] | None = field(default=None)  # rows: item_ids, delivered_at

    def address(self) -> Address:
        return Address(**{f: getattr(self, f) for f in ADDRESS_FIELDS})


def _order_query(*, scoped: bool, lock: bool) -> Select[Any]:
    query = select(
        Order.id,
        Order.customer_id,
        Order.status,
        *(getattr(Order, f) for f in ADDRESS_FIELDS),
        Order.return_items,
        Order.return_payment_method_id,
    ).where(Order.id == bindparam("order_id"))
    if scoped:
        # Scoping in SQL: another customer's order is not found, like a missing one.
        query = query.where(Order.customer_id == bindparam("customer_id"))
    return query.with_for_update() if lock else query


_ORDER = {(s, lk): _order_query(scoped=s, lock=lk) for s in (False, True) for lk in (False, True)}
_ITEMS = (
    select(
        OrderItem.position,
        OrderItem.item_id,
        OrderItem.product_id,
        OrderItem.name,
        OrderItem.price,
        OrderItem.options,
    )
    .where(OrderItem.order_id == bindparam("order_id"))
    .order_by(OrderItem.position)
)
_LEDGER = (
    select(
        LedgerEntry.position,
        LedgerEntry.transaction_type,
        LedgerEntry.amount,
        LedgerEntry.payment_method_id,
    )
    .where(LedgerEntry.order_id == bindparam("order_id"))
    .order_by(LedgerEntry.position)
)
_FULFILLMENTS = (
    select(Fulfillment.item_ids, Fulfillment.delivered_at)
    .where(Fulfillment.order_id == bindparam("order_id"))
    .order_by(Fulfillment.position)
)


def load_order_state(
    session: Session,
    *,
    order_id: str,
    customer_id: str | None,
    lock: bool,
    fulfillments: bool = False,
) -> OrderState:
    """The order as actions check it (scoped to `customer_id` when given).

    lock=True takes the order row FOR UPDATE (PostgreSQL), so two actions on one order
    run one after the other and the second sees what the first did.
    """
    memo = _memo(session)
    key = ("order", order_id, customer_id, lock)
    state = memo.get(key)
    if state is None:
        connection = session.connection()
        params = {"order_id": order_id}
        if customer_id is None:
            row = connection.execute(_ORDER[False, lock], params).first()
        else:
            row = connection.execute(
                _ORDER[True, lock], {**params, "customer_id": customer_id}
            ).first()
        if row is None:
            raise order_not_found()
        state = OrderState(
            **row._asdict(),
            items=list(connection.execute(_ITEMS, params)),
            ledger=list(connection.execute(_LEDGER, params)),
        )
    if fulfillments and state.fulfillments is None:
        rows = session.connection().execute(_FULFILLMENTS, {"order_id": order_id})
        state = replace(state, fulfillments=list(rows))
    memo[key] = state
    return state


def _memo(session: Session) -> dict[tuple[Any, ...], Any]:
    memo: dict[tuple[Any, ...], Any] = session.info.setdefault(_MEMO, {})
    return memo


def forget(session: Session) -> None:
    """Drop the states read so far: called before every write of an order's rows."""
    session.info.pop(_MEMO, None)


@dataclass(frozen=True)
class MethodState:
    id: str
    source: PaymentSource
    brand: str | None
    last_four: str | None
    balance: Decimal | None


_METHOD = select(
    PaymentMethod.id,
    PaymentMethod.source,
    PaymentMethod.brand,
    PaymentMethod.last_four,
    PaymentMethod.balance,
).where(PaymentMethod.id == bindparam("id"))
_METHOD_OF = _METHOD.where(PaymentMethod.customer_id == bindparam("owner_id"))
_LOCK_METHODS = (
    select(PaymentMethod.id)
    .where(PaymentMethod.customer_id == bindparam("owner_id"))
    .order_by(PaymentMethod.id)
    .with_for_update()
)
_FIRST_GIFT_CARD = (
    select(PaymentMethod.id)
    .where(
        PaymentMethod.customer_id == bindparam("owner_id"),
        PaymentMethod.source == PaymentSource.GIFT_CARD,
    )
    .order_by(PaymentMethod.position)
    .limit(1)
)


def method_of(session: Session, *, payment_method_id: str, owner_id: str) -> MethodState:
    """A payment method of `owner_id`; anyone else's is not found, like a missing one."""
    row = (
        session.connection()
        .execute(_METHOD_OF, {"id": payment_method_id, "owner_id": owner_id})
        .first()
    )
    if row is None:
        raise payment_method_not_found()
    method = MethodState(**row._asdict())
    _memo(session)["method", method.id] = method
    return method


def find_method(session: Session, payment_method_id: str) -> MethodState | None:
    """Any payment method by id, unscoped (for a label of a method already checked): the
    one read in this use case, if it was."""
    method: MethodState | None = _memo(session).get(("method", payment_method_id))
    if method is None:
        row = session.connection().execute(_METHOD, {"id": payment_method_id}).first()
        method = None if row is None else MethodState(**row._asdict())
    return method


def first_gift_card(session: Session, *, owner_id: str) -> str | None:
    """The customer's first gift card in their list of methods, if any."""
    return session.connection().execute(_FIRST_GIFT_CARD, {"owner_id": owner_id}).scalar()


def lock_methods_of(session: Session, *, owner_id: str) -> None:
    session.connection().execute(_LOCK_METHODS, {"owner_id": owner_id}).all()


_CUSTOMER = select(Customer.id).where(Customer.id == bindparam("id"))
_CUSTOMER_LOCKED = _CUSTOMER.with_for_update()


def customer_of(session: Session, *, user_id: str, customer_id: str | None, lock: bool) -> str:
    """The id of customer `user_id`, if the caller may act for them: a customer only for
    themselves (anyone else is not found, like a missing one), staff for anyone."""
    if customer_id is not None and user_id != customer_id:
        raise customer_not_found()
    found = session.connection().execute(_CUSTOMER_LOCKED if lock else _CUSTOMER, {"id": user_id})
    row = found.first()
    if row is None:
        raise customer_not_found()
    return str(row.id)


_VARIANTS = select(
    Variant.item_id, Variant.product_id, Variant.price, Variant.options, Variant.available
).where(Variant.item_id.in_(bindparam("ids", expanding=True)))
_PRODUCTS = select(Product.id, Product.name, Product.returnable, Product.return_window_days).where(
    Product.id.in_(bindparam("ids", expanding=True))
)


def variants_by_id(session: Session, item_ids: set[str]) -> dict[str, Any]:
    rows = session.connection().execute(_VARIANTS, {"ids": sorted(item_ids)})
    return {r.item_id: r for r in rows}


def products_by_id(session: Session, product_ids: set[str]) -> dict[str, Any]:
    rows = session.connection().execute(_PRODUCTS, {"ids": sorted(product_ids)})
    return {r.id: r for r in rows}


_OPEN_RETURN = (
    select(
        ReturnRequest.id,
        ReturnRequest.kind,
        ReturnRequest.status,
        ReturnRequest.item_ids,
        ReturnRequest.new_item_ids,
        ReturnRequest.reason,
        ReturnRequest.payment_method_id,
        ReturnRequest.refund_amount,
        ReturnRequest.price_difference,
        ReturnRequest.label_url,
        ReturnRequest.pickup_date,
        ReturnRequest.created_at,
        ReturnRequest.received_at,
    )
    .where(
        ReturnRequest.order_id == bindparam("order_id"),
        ReturnRequest.kind == RequestKind.RETURN,
        ReturnRequest.status == RequestStatus.REQUESTED,
    )
    .order_by(ReturnRequest.created_at)
    .limit(1)
)


def open_return(session: Session, order_id: str) -> Any:
    """The order's first return request not yet received (oldest first), if any."""
    return session.connection().execute(_OPEN_RETURN, {"order_id": order_id}).first()


# Writes. Each UPDATE is built once per set of columns, with its values bound at run time.
_UPDATES: dict[tuple[Any, tuple[str, ...]], Update] = {}


def _update(table: Any, key: Any, columns: tuple[str, ...]) -> Update:
    statement = _UPDATES.get((table, columns))
    if statement is None:
        statement = (
            update(table)
            .where(key == bindparam("b_key"))
            .values({c: bindparam(f"v_{c}") for c in columns})
        )
        _UPDATES[table, columns] = statement
    return statement


def _set(session: Session, table: Any, key: Any, key_value: Any, values: dict[str, Any]) -> None:
    forget(session)
    statement = _update(table, key, tuple(sorted(values)))
    params = {f"v_{c}": v for c, v in values.items()}
    session.connection().execute(statement, {"b_key": key_value, **params})


def set_order(session: Session, order_id: str, **values: Any) -> None:
    _set(session, Order, Order.id, order_id, values)


def set_customer(session: Session, customer_id: str, **values: Any) -> None:
    _set(session, Customer, Customer.id, customer_id, values)


def set_balance(session: Session, payment_method_id: str, balance: Decimal) -> None:
    _set(session, PaymentMethod, PaymentMethod.id, payment_method_id, {"balance": balance})


def set_request(session: Session, request_id: str, **values: Any) -> None:
    _set(session, ReturnRequest, ReturnRequest.id, request_id, values)


_SET_LINE = (
    update(OrderItem)
    .where(OrderItem.order_id == bindparam("b_order"), OrderItem.position == bindparam("b_pos"))
    .values(
        item_id=bindparam("v_item_id"), price=bindparam("v_price"), options=bindparam("v_options")
    )
)


def set_line(
    session: Session,
    order_id: str,
    position: int,
    *,
    item_id: str,
    price: Decimal,
    options: dict[str, str],
) -> None:
    forget(session)
    session.connection().execute(
        _SET_LINE,
        {
            "b_order": order_id,
            "b_pos": position,
            "v_item_id": item_id,
            "v_price": price,
            "v_options": options,
        },
    )


_INSERT_LEDGER = insert(LedgerEntry)
_INSERT_REQUEST = insert(ReturnRequest)


def add_ledger(session: Session, order_id: str, **values: Any) -> None:
    forget(session)
    session.connection().execute(_INSERT_LEDGER, {"order_id": order_id, **values})


def add_request(session: Session, **values: Any) -> ReturnRecordView:
    """Insert a return/exchange record; returns it as shown (see `request_view`)."""
    forget(session)
    session.connection().execute(_INSERT_REQUEST, values)
    return request_view(values)


def request_view(values: dict[str, Any]) -> ReturnRecordView:
    """A record's view from its column values (a row's `_asdict()` or inserted values);
    what is not given has the column's default."""
    return ReturnRecordView(
        id=values["id"],
        kind=RequestKind(values["kind"]).value,
        status=RequestStatus(values["status"]).value,
        item_ids=list(values["item_ids"]),
        new_item_ids=values.get("new_item_ids"),
        reason=values.get("reason", "other"),
        payment_method_id=values["payment_method_id"],
        refund_amount=values.get("refund_amount"),
        price_difference=values.get("price_difference"),
        label_url=values.get("label_url"),
        pickup_date=values.get("pickup_date"),
        created_at=values["created_at"],
        received_at=values.get("received_at"),
    )
