"""Destructive tools of the `support` toolset. Each previews under explicit confirmation
(nothing changes until the customer confirms) and applies at once under automatic."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field
from sqlalchemy.orm import Session

from app.tools.actions import act
from app.tools.base import LenientArgs, PendingConfirmation, Tool
from app.tools.context import ToolContext
from app.tools.support.reads import ORDER_ID
from services.actions import ActionResult
from services.actions.base import Ctx
from services.actions.state import OrderState, first_gift_card, load_order_state
from services.errors import InvalidRequest
from services.models import TransactionType

Result = ActionResult | PendingConfirmation
CONFIRM = "Changes the order: returns a preview and confirmation id; nothing changes until "
CONFIRM += "the customer confirms."
PAYMENT = "Payment method id from the customer's profile; omit for the original one."
ITEM_IDS = "Item ids of the order's lines, one per unit (repeat for duplicates)."


def _original_method(order: OrderState) -> str:
    for entry in order.ledger:
        if entry.transaction_type == TransactionType.PAYMENT:
            return str(entry.payment_method_id)
    raise InvalidRequest(
        "The order has no payment to refund to.", hint="Ask which payment method to use."
    )


def _gift_card(session: Session, order: OrderState) -> str:
    method = first_gift_card(session, owner_id=order.customer_id)
    if method is None:
        raise InvalidRequest(
            "The customer has no gift card.", hint="Offer a refund to the original payment method."
        )
    return method


def _order(session: Session, ctx: Ctx, order_id: str) -> OrderState:
    # The same read as the action's own plan in this transaction (it is not repeated).
    return load_order_state(session, order_id=order_id, customer_id=ctx.customer_id, lock=ctx.lock)


class ReturnArgs(LenientArgs):
    order_id: str = Field(description=ORDER_ID, min_length=1, max_length=64)
    reason: Literal["defective", "wrong_item", "changed_mind", "not_as_described", "other"] = Field(
        description="Why the items come back."
    )
    items_to_return: list[str] | None = Field(
        default=None, description=ITEM_IDS + " Omit to return every item.", max_length=50
    )
    request_pickup: bool = Field(default=False, description="Carrier pickup instead of drop-off.")
    refund_method: str = Field(
        default="original_payment",
        description="original_payment, gift_card, or a payment method id.",
        max_length=64,
    )


def process_return(ctx: ToolContext, args: ReturnArgs) -> Result:
    def prepare(session: Session, tx: Ctx) -> dict[str, Any]:
        order = _order(session, tx, args.order_id)
        if args.refund_method == "original_payment":
            method = _original_method(order)
        elif args.refund_method == "gift_card":
            method = _gift_card(session, order)
        else:
            method = args.refund_method
        return {
            "order_id": order.id,
            "item_ids": args.items_to_return or [line.item_id for line in order.items],
            "payment_method_id": method,
            "reason": args.reason,
            "request_pickup": args.request_pickup,
        }

    return act(ctx, "request_return", prepare)


class CancelArgs(LenientArgs):
    order_id: str = Field(description=ORDER_ID, min_length=1, max_length=64)
    reason: Literal["no longer needed", "ordered by mistake"] = Field(
        description="The customer's reason."
    )


def cancel_order(ctx: ToolContext, args: CancelArgs) -> Result:
    return act(ctx, "cancel_order", args.model_dump())


class AddressArgs(LenientArgs):
    order_id: str = Field(description=ORDER_ID, min_length=1, max_length=64)
    address1: str = Field(description="Street and number.", min_length=1, max_length=200)
    address2: str = Field(default="", description="Apartment, suite.", max_length=200)
    city: str = Field(description="City.", min_length=1, max_length=100)
    state: str = Field(default="", description="State or region code.", max_length=50)
    zip: str = Field(description="Zip or postal code.", min_length=1, max_length=20)
    country: str = Field(default="USA", description="Country.", max_length=60)


def change_shipping_address(ctx: ToolContext, args: AddressArgs) -> Result:
    return act(ctx, "change_shipping_address", args.model_dump())


class PaymentArgs(LenientArgs):
    order_id: str = Field(description=ORDER_ID, min_length=1, max_length=64)
    payment_method_id: str = Field(
        description="Payment method id from the customer's profile.", min_length=1, max_length=64
    )


def change_payment_method(ctx: ToolContext, args: PaymentArgs) -> Result:
    return act(ctx, "change_payment_method", args.model_dump())


class SwapArgs(LenientArgs):
    order_id: str = Field(description=ORDER_ID, min_length=1, max_length=64)
    item_ids: list[str] = Field(description=ITEM_IDS, min_length=1, max_length=50)
    new_item_ids: list[str] = Field(
        description="Replacement item ids (same product, other options), same positions.",
        min_length=1,
        max_length=50,
    )
    payment_method_id: str | None = Field(default=None, description=PAYMENT, max_length=64)


def _swap(ctx: ToolContext, action: str, args: SwapArgs) -> Result:
    def prepare(session: Session, tx: Ctx) -> dict[str, Any]:
        order = _order(session, tx, args.order_id)
        return {
            "order_id": order.id,
            "item_ids": args.item_ids,
            "new_item_ids": args.new_item_ids,
            "payment_method_id": args.payment_method_id or _original_method(order),
        }

    return act(ctx, action, prepare)


def modify_order_items(ctx: ToolContext, args: SwapArgs) -> Result:
    return _swap(ctx, "modify_items", args)


def exchange_items(ctx: ToolContext, args: SwapArgs) -> Result:
    return _swap(ctx, "request_exchange", args)


WRITE_TOOLS = [
    Tool(
        "process_return",
        "Return items of a delivered order for a refund (label, optional pickup). " + CONFIRM,
        ReturnArgs,
        process_return,
        destructive=True,
    ),
    Tool(
        "cancel_order",
        "Cancel a pending order and refund it. Not for shipped orders. " + CONFIRM,
        CancelArgs,
        cancel_order,
        destructive=True,
    ),
    Tool(
        "change_shipping_address",
        "Change where a pending order ships. " + CONFIRM,
        AddressArgs,
        change_shipping_address,
        destructive=True,
    ),
    Tool(
        "change_payment_method",
        "Pay a pending order with another of the customer's methods (the old one is "
        "refunded). " + CONFIRM,
        PaymentArgs,
        change_payment_method,
        destructive=True,
    ),
    Tool(
        "modify_order_items",
        "Swap items of a pending order for other variants of the same product (price "
        "difference charged or refunded); allowed once per order. " + CONFIRM,
        SwapArgs,
        modify_order_items,
        destructive=True,
    ),
    Tool(
        "exchange_items",
        "Exchange items of a delivered order for other variants of the same product. " + CONFIRM,
        SwapArgs,
        exchange_items,
        destructive=True,
    ),
]
