"""What every order action shares: its context, its plan, its result, and how it runs.

An action is a pydantic params model plus a `plan` function. `plan` runs every check
(the benchmark's, in the benchmark's order, then the store's own) and works out the
effect without changing anything; it returns the effect and an `apply` closure that
makes the change. Direct calls, previews and confirmations all go through the same
`plan`, so a preview shows exactly what a confirm would do. What plans read and applies
write goes through `services.actions.state` (plain rows, prebuilt Core statements).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session

from services.db import begin_write
from services.errors import InvalidRequest, PermissionDenied
from services.models import utcnow
from services.uow import UowFactory
from services.views import Address, LedgerLine, ReturnRecordView, View


class Params(BaseModel):
    # Exact: arguments are taken as given, so the tau-retail tools answer as the benchmark
    # does (" no longer needed " is an invalid reason there). Trimming what a model typed
    # is a leniency of the support toolset (`app.tools.base.LenientArgs`).
    model_config = ConfigDict(extra="forbid", frozen=True)


P = TypeVar("P", bound=Params)


class ItemChange(View):
    item_id: str
    name: str
    price: Decimal
    new_item_id: str | None = None
    new_price: Decimal | None = None
    new_options: dict[str, str] | None = None


class ActionResult(View):
    """What an action changed (or, in a preview, would change).

    order_id / customer_id let a caller re-read the changed order or customer.
    """

    action: str
    order_id: str | None
    customer_id: str
    status_before: str | None = None
    status: str | None = None
    summary: str
    # Entries appended to the order's payment history, and gift cards' new balances.
    ledger_entries: list[LedgerLine] = Field(default_factory=list)
    gift_card_balances: dict[str, Decimal] = Field(default_factory=dict)
    items: list[ItemChange] = Field(default_factory=list)
    refund_amount: Decimal | None = None
    price_difference: Decimal | None = None
    payment_method_id: str | None = None
    address: Address | None = None
    reason: str | None = None
    pickup_date: date | None = None
    request: ReturnRecordView | None = None  # the return/exchange record, once made


@dataclass(frozen=True)
class Ctx:
    customer_id: str | None  # None: staff or system, unscoped
    now: datetime
    lock: bool  # True when applying: take row locks before reading what changes
    idempotency_key: str | None = None


@dataclass
class Plan:
    effect: ActionResult
    apply: Callable[[], ActionResult]


# An action's arguments as given, or worked out inside the action's own transaction from
# what the store holds (a tool's defaults, such as "the order's original payment method"),
# so the rows read for them are read once, under the same locks as the plan's.
Prepare = Callable[[Session, Ctx], dict[str, Any]]
Arguments = BaseModel | dict[str, Any] | Prepare


@dataclass(frozen=True)
class ActionSpec(Generic[P]):
    name: str
    params: type[P]
    plan: Callable[[Session, P, Ctx], Plan]
    staff_only: bool = False

    def parse(self, params: BaseModel | dict[str, Any]) -> P:
        if isinstance(params, self.params):
            return params
        raw = params.model_dump() if isinstance(params, BaseModel) else params
        try:
            return self.params.model_validate(raw)
        except ValidationError as exc:
            fields = sorted({".".join(str(p) for p in e["loc"]) for e in exc.errors()})
            raise InvalidRequest(
                "The action's arguments are not valid.",
                hint=f"Check these arguments: {', '.join(fields) or 'all'}.",
            ) from None

    def arguments(self, session: Session, arguments: Arguments, ctx: Ctx) -> P:
        if isinstance(arguments, BaseModel | dict):
            return self.parse(arguments)
        return self.parse(arguments(session, ctx))

    def check_actor(self, customer_id: str | None) -> None:
        if self.staff_only and customer_id is not None:
            raise PermissionDenied()


def run_action(
    uow_factory: UowFactory,
    spec: ActionSpec[P],
    params: Arguments,
    *,
    customer_id: str | None,
    now: datetime | None = None,
) -> ActionResult:
    """Apply an action at once, in one transaction (staff/system, or automatic policy)."""
    if not callable(params):
        params = spec.parse(params)  # invalid arguments fail before any transaction
    spec.check_actor(customer_id)
    with uow_factory() as uow:
        begin_write(uow.session)
        ctx = Ctx(customer_id=customer_id, now=now or utcnow(), lock=True)
        parsed = spec.arguments(uow.session, params, ctx)
        result = spec.plan(uow.session, parsed, ctx).apply()
        uow.commit()
        return result
