"""Change a pending order's shipping address, or a customer's default address."""

from __future__ import annotations

from datetime import datetime

from pydantic import field_validator
from sqlalchemy.orm import Session

from services.actions.base import ActionResult, ActionSpec, Ctx, Params, Plan, run_action
from services.actions.common import require_status
from services.actions.state import (
    ADDRESS_FIELDS,
    customer_of,
    load_order_state,
    set_customer,
    set_order,
)
from services.models import OrderStatus
from services.uow import UowFactory
from services.views import Address


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
    order = load_order_state(
        session, order_id=p.order_id, customer_id=ctx.customer_id, lock=ctx.lock
    )
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
        f"instead of {_one_line(order.address())}.",
        address=new,
    )

    def apply() -> ActionResult:
        set_order(session, order.id, **new.model_dump())
        return effect

    return Plan(effect, apply)


def plan_default_address(session: Session, p: ChangeDefaultAddress, ctx: Ctx) -> Plan:
    # With lock, the customer row is read FOR UPDATE: two address changes apply one after
    # the other.
    customer_id = customer_of(
        session, user_id=p.user_id, customer_id=ctx.customer_id, lock=ctx.lock
    )
    new = p.address()
    effect = ActionResult(
        action="change_default_address",
        order_id=None,
        customer_id=customer_id,
        summary=f"Make {_one_line(new)} the default address of {customer_id}.",
        address=new,
    )

    def apply() -> ActionResult:
        set_customer(session, customer_id, **new.model_dump())
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
