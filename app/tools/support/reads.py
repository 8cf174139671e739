"""Read tools of the `support` toolset: orders, products, stock, the customer, hand-off."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.tools.actions import scope
from app.tools.base import LenientArgs, NoArgs, Tool
from app.tools.context import ToolContext
from services import availability, catalog, customers, handoff, orders
from services.errors import InvalidRequest
from services.views import (
    Availability,
    CustomerMatch,
    CustomerView,
    HandoffView,
    OrderView,
    ProductType,
    ProductView,
)

ORDER_ID = "Order id as the customer gives it, e.g. ORD-78342 or #W1234567."
SKU = "SKU (item id), product id, or product name."


class OrderStatusArgs(LenientArgs):
    order_id: str = Field(description=ORDER_ID, min_length=1, max_length=64)
    include_tracking: bool = Field(default=False, description="Add carrier tracking events.")


def get_order_status(ctx: ToolContext, args: OrderStatusArgs) -> OrderView:
    return orders.get_order_status(
        ctx.uow_factory,
        order_id=args.order_id,
        customer_id=scope(ctx),
        include_tracking=args.include_tracking,
    )


class AvailabilityArgs(LenientArgs):
    product_sku: str = Field(description=SKU, min_length=1, max_length=200)
    zip_code: str | None = Field(default=None, description="Delivery zip for an estimate.")
    quantity_needed: int = Field(default=1, ge=1, le=1000, description="Units wanted.")


def check_product_availability(ctx: ToolContext, args: AvailabilityArgs) -> Availability:
    return availability.check_availability(
        ctx.uow_factory,
        sku=args.product_sku,
        quantity_needed=args.quantity_needed,
        zip_code=args.zip_code,
        now=ctx.clock(),
    )


class ProductInfoArgs(LenientArgs):
    product_sku: str = Field(description=SKU, min_length=1, max_length=200)
    info_type: Literal["specs", "warranty", "shipping", "all"] = Field(
        default="all", description="Which details; shipping includes the return policy."
    )


def get_product_info(ctx: ToolContext, args: ProductInfoArgs) -> ProductView:
    return catalog.get_product_info(
        ctx.uow_factory, product_ref=args.product_sku, info_type=args.info_type
    )


class ProductTypes(BaseModel):
    product_types: list[ProductType]


def list_product_types(ctx: ToolContext, args: NoArgs) -> ProductTypes:
    return ProductTypes(product_types=catalog.list_product_types(ctx.uow_factory))


class OwnProfileArgs(LenientArgs):
    include_order_history: bool = Field(default=False, description="Add the 10 latest orders.")


def get_own_profile(ctx: ToolContext, args: OwnProfileArgs) -> CustomerView:
    assert ctx.customer_id  # customer sessions only (audience), and ToolContext enforces it
    return customers.get_customer_info(
        ctx.uow_factory,
        user_id=ctx.customer_id,
        customer_id=ctx.customer_id,
        include_order_history=args.include_order_history,
    )


class StaffProfileArgs(LenientArgs):
    customer_id: str = Field(description="Customer id or account email.", min_length=1)
    include_order_history: bool = Field(default=False, description="Add the 10 latest orders.")


def get_any_profile(ctx: ToolContext, args: StaffProfileArgs) -> CustomerView:
    user_id = args.customer_id  # trimmed by LenientArgs
    if "@" in user_id:
        user_id = customers.find_customer_by_email(ctx.uow_factory, email=user_id).customer_id
    return customers.get_customer_info(
        ctx.uow_factory,
        user_id=user_id,
        customer_id=None,
        include_order_history=args.include_order_history,
    )


class FindCustomerArgs(LenientArgs):
    email: str | None = Field(default=None, description="Account email.")
    first_name: str | None = Field(default=None, description="With last_name and zip_code.")
    last_name: str | None = Field(default=None, description="With first_name and zip_code.")
    zip_code: str | None = Field(default=None, description="Zip of the default address.")


def find_customer(ctx: ToolContext, args: FindCustomerArgs) -> CustomerMatch:
    if args.email:
        return customers.find_customer_by_email(ctx.uow_factory, email=args.email)
    if args.first_name and args.last_name and args.zip_code:
        return customers.find_customer_by_name_zip(
            ctx.uow_factory,
            first_name=args.first_name,
            last_name=args.last_name,
            zip_code=args.zip_code,
        )
    raise InvalidRequest(
        "Give an email, or first name, last name and zip code.",
        hint="Ask the customer for their account email.",
    )


class HandoffArgs(LenientArgs):
    summary: str = Field(
        description="What the customer needs and what was tried, for the human agent.",
        min_length=1,
        max_length=4000,
    )
    reason: Literal["policy_exception", "complaint", "technical", "out_of_scope", "other"] = Field(
        default="other", description="Why a human is needed."
    )


class HandoffResult(BaseModel):
    ticket: HandoffView
    next_step: str = "Tell the customer a human agent will continue here, and stop acting."


def transfer_to_human(ctx: ToolContext, args: HandoffArgs) -> HandoffResult:
    ticket = handoff.open_handoff(
        ctx.uow_factory,
        summary=args.summary,
        reason_category=args.reason,
        conversation_id=ctx.conversation_id,
        customer_id=ctx.customer_id,
    )
    return HandoffResult(ticket=ticket)


READ_TOOLS = [
    Tool(
        "get_order_status",
        "Status, items, totals, payments and delivery of one order. Use for any question "
        "about an order before answering or acting on it. Read-only.",
        OrderStatusArgs,
        get_order_status,
        read_only=True,
    ),
    Tool(
        "check_product_availability",
        "Stock of a product or SKU across warehouses, with a delivery estimate when a zip "
        "is given. Read-only.",
        AvailabilityArgs,
        check_product_availability,
        read_only=True,
    ),
    Tool(
        "get_product_info",
        "Price, variants (options, item ids), specs, warranty, shipping and return policy "
        "of a product. Read-only.",
        ProductInfoArgs,
        get_product_info,
        read_only=True,
    ),
    Tool(
        "list_product_types",
        "Every product name with its product id. Use to find a product when the customer "
        "gives no id. Read-only.",
        NoArgs,
        list_product_types,
    ),
    Tool(
        "get_customer_info",
        "The signed-in customer's profile: contact, address, payment methods (ids, last "
        "four, gift card balance) and order ids. Read-only.",
        OwnProfileArgs,
        get_own_profile,
        audience="customer",
    ),
    Tool(
        "get_customer_info",
        "A customer's profile: contact, address, payment methods and order ids. Read-only.",
        StaffProfileArgs,
        get_any_profile,
        audience="staff",
    ),
    Tool(
        "find_customer",
        "Find a customer's id by email, or by first name, last name and zip. Read-only.",
        FindCustomerArgs,
        find_customer,
        audience="staff",
    ),
    Tool(
        "transfer_to_human",
        "Hand the conversation to a human agent (opens a ticket). Use when asked for a "
        "person, or the request is out of scope or against policy and the customer insists.",
        HandoffArgs,
        transfer_to_human,
    ),
]
