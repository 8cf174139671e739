"""Change a pending order's shipping address, or a customer's default address."""

from __future__ import annotations

from datetime import datetime

from pydantic import field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.actions.base import ActionResult, ActionSpec, Ctx, Params, Plan, run_action
from services.actions.common import require_status
from services.models import Customer, OrderStatus
from services.queries import address_of, load_customer, load_order
from services.uow import UowFactory
from services.views import Address

ADDRESS_FIELDS = ("address1", "address2", "city", "state", "country", "zip")


class AddressParams(Params):
    address1: str
    address2: str = ""
    city: str
    state: str = ""
    country: str
    zip: str

    @field_validator("address1", "city", "country", "zip")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    def address(self) -> Address:
        return Address(**{f: getattr(self, f) for f in ADDRESS_FIELDS})


class ChangeShippingAddress(AddressParams):
    order_id: str


class ChangeDefaultAddress(AddressParams):
    user_id: str


def plan_shipping_address(session: Session, p: ChangeShippingAddress, ctx: Ctx) -> Plan:
    order = load_order(session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock)
    require_status(
        order,
        OrderStatus.PENDING,
        verb="modified",
        tau_error="Error: non-pending order cannot be modified",
    )
    new = p.address()
    effect = ActionResult(
        action="change_shipping_address",
        order_id=order.id,
        customer_id=order.customer_id,
        status_before=order.status.value,
        status=order.status.value,
        summary=f"Ship order {order.id} to {_one_line(new)} "
        f"instead of {_one_line(address_of(order))}.",
        address=new,
    )

    def apply() -> ActionResult:
        for f in ADDRESS_FIELDS:
            setattr(order, f, getattr(new, f))
        session.flush()
        return effect

    return Plan(effect, apply)


def plan_default_address(session: Session, p: ChangeDefaultAddress, ctx: Ctx) -> Plan:
    if ctx.lock:
        # Lock the customer row so two address changes apply one after the other.
        session.scalars(select(Customer.id).where(Customer.id == p.user_id).with_for_update())
    customer = load_customer(session, user_id=p.user_id, customer_id=ctx.customer_id)
    new = p.address()
    effect = ActionResult(
        action="change_default_address",
        order_id=None,
        customer_id=customer.id,
        summary=f"Make {_one_line(new)} the default address of {customer.id}.",
        address=new,
    )

    def apply() -> ActionResult:
        for f in ADDRESS_FIELDS:
            setattr(customer, f, getattr(new, f))
        session.flush()
        return effect

    return Plan(effect, apply)


def _one_line(a: Address) -> str:
    return ", ".join(x for x in (a.address1, a.address2, a.city, a.state, a.zip, a.country) if x)


SHIPPING_ADDRESS = ActionSpec(
    name="change_shipping_address", params=ChangeShippingAddress, plan=plan_shipping_address
)
DEFAULT_ADDRESS = ActionSpec(
    name="change_default_address", params=ChangeDefaultAddress, plan=plan_default_address
)


def change_shipping_address(
    uow_factory: UowFactory,
    *,
    order_id: str,
    address: Address | dict[str, str],
    customer_id: str | None,
    now: datetime | None = None,
) -> ActionResult:
    fields = address.model_dump() if isinstance(address, Address) else dict(address)
    return run_action(
        uow_factory,
        SHIPPING_ADDRESS,
        {"order_id": order_id, **fields},
        customer_id=customer_id,
        now=now,
    )


def change_default_address(
    uow_factory: UowFactory,
    *,
    user_id: str,
    address: Address | dict[str, str],
    customer_id: str | None,
    now: datetime | None = None,
) -> ActionResult:
    fields = address.model_dump() if isinstance(address, Address) else dict(address)
    return run_action(
        uow_factory,
        DEFAULT_ADDRESS,
        {"user_id": user_id, **fields},
        customer_id=customer_id,
        now=now,
    )
