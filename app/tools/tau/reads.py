"""Read tools of the `tau-retail` toolset: the benchmark's names, arguments and outputs.

Outputs are what the benchmark returns: a bare user id, ``json.dumps`` of the record in
the benchmark's shape (`services.tau_shape`, default separators, so byte-for-byte the
same text), ``"Transfer successful"``, or ``""``. Errors carry the benchmark's exact
strings (``Error: user not found``) through the dispatcher's tau error style.
"""

from __future__ import annotations

import json

from pydantic import Field

from app.tools.base import NoArgs, Tool, ToolArgs
from app.tools.context import ToolContext
from app.tools.tau.calc import calculate
from services import catalog, customers, handoff, tau_shape
from services.errors import customer_not_found, order_not_found, product_not_found

TAU_ORDER_ID = "The order id, such as '#W0000000' (mind the leading '#')."
TAU_USER_ID = "The user id, such as 'sara_doe_496'."


class EmailArgs(ToolArgs):
    email: str = Field(description="The email of the user, such as 'something@example.com'.")


def _exact(*values: str) -> None:
    # The benchmark compares values as given: one with surrounding spaces (or none at all)
    # matches no user there, while the store's lookups forgive stray spaces.
    if any(not v or v != v.strip() for v in values):
        raise customer_not_found()  # the benchmark: no such user, not a bad request


def find_user_id_by_email(ctx: ToolContext, args: EmailArgs) -> str:
    _exact(args.email)
    return customers.find_customer_by_email(ctx.uow_factory, email=args.email).customer_id


class NameZipArgs(ToolArgs):
    first_name: str = Field(description="The first name of the customer, such as 'John'.")
    last_name: str = Field(description="The last name of the customer, such as 'Doe'.")
    zip: str = Field(description="The zip code of the customer, such as '12345'.")


def find_user_id_by_name_zip(ctx: ToolContext, args: NameZipArgs) -> str:
    _exact(args.first_name, args.last_name, args.zip)
    return customers.find_customer_by_name_zip(
        ctx.uow_factory, first_name=args.first_name, last_name=args.last_name, zip_code=args.zip
    ).customer_id


class UserArgs(ToolArgs):
    user_id: str = Field(description=TAU_USER_ID)


def user_json(ctx: ToolContext, user_id: str) -> str:
    """The user as the benchmark prints it (also the answer of modify_user_address)."""
    with ctx.uow_factory() as uow:
        user = tau_shape.load_user(uow.session, user_id)
        if user is None:
            raise customer_not_found()
        return json.dumps(tau_shape.user_to_tau(user))


def get_user_details(ctx: ToolContext, args: UserArgs) -> str:
    return user_json(ctx, args.user_id)


class OrderArgs(ToolArgs):
    order_id: str = Field(description=TAU_ORDER_ID)


def order_json(ctx: ToolContext, order_id: str) -> str:
    """The order as the benchmark prints it (also the answer of every order write)."""
    with ctx.uow_factory() as uow:
        order = tau_shape.load_order(uow.session, order_id)
        if order is None:
            raise order_not_found()
        return json.dumps(tau_shape.order_to_tau(order))


def get_order_details(ctx: ToolContext, args: OrderArgs) -> str:
    return order_json(ctx, args.order_id)


class ProductArgs(ToolArgs):
    product_id: str = Field(
        description="The product id, such as '6086499569'. It differs from the item id."
    )


def get_product_details(ctx: ToolContext, args: ProductArgs) -> str:
    with ctx.uow_factory() as uow:
        product = tau_shape.load_product(uow.session, args.product_id)
        if product is None:
            raise product_not_found()
        return json.dumps(tau_shape.product_to_tau(product))


def list_all_product_types(ctx: ToolContext, args: NoArgs) -> str:
    types = catalog.list_product_types(ctx.uow_factory)  # sorted by name, as the benchmark
    return json.dumps({t.name: t.product_id for t in types})


class ExpressionArgs(ToolArgs):
    expression: str = Field(
        description="Arithmetic such as '2 + 2': numbers, + - * /, parentheses and spaces."
    )


def calculate_tool(ctx: ToolContext, args: ExpressionArgs) -> str:
    return calculate(args.expression)


class ThoughtArgs(ToolArgs):
    thought: str = Field(description="A thought to think about.")


def think(ctx: ToolContext, args: ThoughtArgs) -> str:
    return ""


class SummaryArgs(ToolArgs):
    summary: str = Field(description="A summary of the user's issue.")


def transfer_to_human_agents(ctx: ToolContext, args: SummaryArgs) -> str:
    handoff.open_handoff(
        ctx.uow_factory,
        summary=args.summary or "(no summary)",
        reason_category="other",
        conversation_id=ctx.conversation_id,
        customer_id=ctx.customer_id,
    )
    return "Transfer successful"


READ_TOOLS = [
    Tool(
        "calculate",
        "Calculate the result of an arithmetic expression. Read-only.",
        ExpressionArgs,
        calculate_tool,
        audience="staff",
    ),
    Tool(
        "find_user_id_by_email",
        "Find a user id by email. Read-only; the first step of authentication.",
        EmailArgs,
        find_user_id_by_email,
        audience="staff",
    ),
    Tool(
        "find_user_id_by_name_zip",
        "Find a user id by first name, last name and zip code; use only when the user "
        "cannot be found by email. Read-only.",
        NameZipArgs,
        find_user_id_by_name_zip,
        audience="staff",
    ),
    Tool(
        "get_order_details",
        "Get the status and details of an order. Read-only.",
        OrderArgs,
        get_order_details,
        audience="staff",
    ),
    Tool(
        "get_product_details",
        "Get a product's details and all its variants (item ids, options, price, "
        "availability). Read-only.",
        ProductArgs,
        get_product_details,
        audience="staff",
    ),
    Tool(
        "get_user_details",
        "Get a user's profile, payment methods and order ids. Read-only.",
        UserArgs,
        get_user_details,
        audience="staff",
    ),
    Tool(
        "list_all_product_types",
        "List every product type (name) with its product id. Read-only.",
        NoArgs,
        list_all_product_types,
        audience="staff",
    ),
    Tool(
        "think",
        "Think something through; gets no information and changes nothing.",
        ThoughtArgs,
        think,
        audience="staff",
    ),
    Tool(
        "transfer_to_human_agents",
        "Transfer the user to a human agent with a summary of the issue. Only when the "
        "user asks for a human, or the issue cannot be solved with the available tools.",
        SummaryArgs,
        transfer_to_human_agents,
        audience="staff",
    ),
]
