"""Write tools of the `tau-retail` toolset, over the store's order actions.

The services run the benchmark's checks in its order and raise its exact error strings;
on success the tool answers as the benchmark does, with the changed order (or user) as
JSON. Under explicit confirmation they preview like every destructive tool; the benchmark
harness runs them with confirmation="automatic".
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from app.tools.actions import act
from app.tools.base import PendingConfirmation, Tool, ToolArgs
from app.tools.context import ToolContext
from app.tools.tau.reads import TAU_ORDER_ID, TAU_USER_ID, order_json, user_json
from services.actions.cancel import CANCEL_REASONS

CONFIRM = " Explain the details and get the user's explicit yes before calling. Changes the store."
ITEMS = "Item ids such as '1008292230'; repeat an id for each unit."
PAYMENT = "Payment method id such as 'gift_card_0000000' or 'credit_card_0000000'."


def _run(ctx: ToolContext, action: str, params: dict[str, Any]) -> str | PendingConfirmation:
    result = act(ctx, action, params)
    if isinstance(result, PendingConfirmation):
        return result
    return order_json(ctx, params["order_id"])


class CancelArgs(ToolArgs):
    order_id: str = Field(description=TAU_ORDER_ID)
    # Any text is taken and checked by the action, after the order's own checks, as the
    # benchmark does ("Error: invalid reason"); the schema still lists the two reasons.
    reason: str = Field(
        description="The reason for cancellation.",
        json_schema_extra={"enum": list(CANCEL_REASONS)},
    )


def cancel_pending_order(ctx: ToolContext, args: CancelArgs) -> str | PendingConfirmation:
    return _run(ctx, "cancel_order", args.model_dump())


class OrderAddressArgs(ToolArgs):
    order_id: str = Field(description=TAU_ORDER_ID)
    address1: str = Field(description="First address line, such as '123 Main St'.")
    address2: str = Field(description="Second address line, such as 'Apt 1' or ''.")
    city: str = Field(description="The city, such as 'San Francisco'.")
    state: str = Field(description="The state or province, such as 'CA'.")
    country: str = Field(description="The country, such as 'USA'.")
    zip: str = Field(description="The zip code, such as '12345'.")


def modify_pending_order_address(
    ctx: ToolContext, args: OrderAddressArgs
) -> str | PendingConfirmation:
    return _run(ctx, "change_shipping_address", args.model_dump())


class UserAddressArgs(ToolArgs):
    user_id: str = Field(description=TAU_USER_ID)
    address1: str = Field(description="First address line, such as '123 Main St'.")
    address2: str = Field(description="Second address line, such as 'Apt 1' or ''.")
    city: str = Field(description="The city, such as 'San Francisco'.")
    state: str = Field(description="The state or province, such as 'CA'.")
    country: str = Field(description="The country, such as 'USA'.")
    zip: str = Field(description="The zip code, such as '12345'.")


def modify_user_address(ctx: ToolContext, args: UserAddressArgs) -> str | PendingConfirmation:
    result = act(ctx, "change_default_address", args.model_dump())
    if isinstance(result, PendingConfirmation):
        return result
    return user_json(ctx, args.user_id)


class PaymentArgs(ToolArgs):
    order_id: str = Field(description=TAU_ORDER_ID)
    payment_method_id: str = Field(description=PAYMENT)


def modify_pending_order_payment(ctx: ToolContext, args: PaymentArgs) -> str | PendingConfirmation:
    return _run(ctx, "change_payment_method", args.model_dump())


class SwapArgs(ToolArgs):
    order_id: str = Field(description=TAU_ORDER_ID)
    item_ids: list[str] = Field(description="The item ids to change. " + ITEMS)
    new_item_ids: list[str] = Field(
        description="The new item ids, same positions, each of the same product. " + ITEMS
    )
    payment_method_id: str = Field(description=PAYMENT + " Pays or is refunded the difference.")


def modify_pending_order_items(ctx: ToolContext, args: SwapArgs) -> str | PendingConfirmation:
    return _run(ctx, "modify_items", args.model_dump())


def exchange_delivered_order_items(ctx: ToolContext, args: SwapArgs) -> str | PendingConfirmation:
    return _run(ctx, "request_exchange", args.model_dump())


class ReturnArgs(ToolArgs):
    order_id: str = Field(description=TAU_ORDER_ID)
    item_ids: list[str] = Field(description="The item ids to return. " + ITEMS)
    payment_method_id: str = Field(
        description=PAYMENT + " Must be the original payment method or a gift card."
    )


def return_delivered_order_items(ctx: ToolContext, args: ReturnArgs) -> str | PendingConfirmation:
    return _run(ctx, "request_return", args.model_dump())


WRITE_TOOLS = [
    Tool(
        "cancel_pending_order",
        "Cancel a pending order; the payment is refunded (gift card at once, else in 5-7 "
        "business days)." + CONFIRM,
        CancelArgs,
        cancel_pending_order,
        audience="staff",
        destructive=True,
    ),
    Tool(
        "exchange_delivered_order_items",
        "Exchange items of a delivered order for other items of the same product; only "
        "once per delivered order." + CONFIRM,
        SwapArgs,
        exchange_delivered_order_items,
        audience="staff",
        destructive=True,
    ),
    Tool(
        "modify_pending_order_address",
        "Change the shipping address of a pending order." + CONFIRM,
        OrderAddressArgs,
        modify_pending_order_address,
        audience="staff",
        destructive=True,
    ),
    Tool(
        "modify_pending_order_items",
        "Change items of a pending order to other items of the same product; only once "
        "per pending order." + CONFIRM,
        SwapArgs,
        modify_pending_order_items,
        audience="staff",
        destructive=True,
    ),
    Tool(
        "modify_pending_order_payment",
        "Change the payment method of a pending order." + CONFIRM,
        PaymentArgs,
        modify_pending_order_payment,
        audience="staff",
        destructive=True,
    ),
    Tool(
        "modify_user_address",
        "Change a user's default address." + CONFIRM,
        UserAddressArgs,
        modify_user_address,
        audience="staff",
        destructive=True,
    ),
    Tool(
        "return_delivered_order_items",
        "Return items of a delivered order; the refund goes to the original payment method "
        "or a gift card once the items arrive. Only once per delivered order." + CONFIRM,
        ReturnArgs,
        return_delivered_order_items,
        audience="staff",
        destructive=True,
    ),
]
