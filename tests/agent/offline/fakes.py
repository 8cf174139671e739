"""A small fake of the support tools for engine-level tests: canned results shaped like
the store's views, answered by a fake dispatcher, driven round by round as the loop does."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from app.agent.model import ChatMessage, ModelFinished, StreamOptions, TextChunk, ToolCallRequest
from app.agent.offline import OfflineModel


def _tool(name: str, props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        params["required"] = required
    return {
        "type": "function",
        "function": {"name": name, "description": name, "parameters": params},
    }


S = {"type": "string"}
TOOLS = [
    _tool(
        "get_order_status", {"order_id": S, "include_tracking": {"type": "boolean"}}, ["order_id"]
    ),
    _tool(
        "check_product_availability",
        {"product_sku": S, "zip_code": S, "quantity_needed": {"type": "integer"}},
        ["product_sku"],
    ),
    _tool(
        "get_product_info",
        {"product_sku": S, "info_type": {"enum": ["specs", "warranty", "shipping", "all"]}},
        ["product_sku"],
    ),
    _tool("get_customer_info", {"include_order_history": {"type": "boolean"}}),
    _tool("list_product_types", {}),
    _tool(
        "process_return",
        {
            "order_id": S,
            "reason": {
                "enum": [
                    "defective",
                    "wrong_item",
                    "changed_mind",
                    "not_as_described",
                    "other",
                ]
            },
            "items_to_return": {"type": "array", "items": S},
            "request_pickup": {"type": "boolean"},
            "refund_method": {"enum": ["original_payment", "gift_card"]},
        },
        ["order_id", "reason"],
    ),
    _tool(
        "cancel_order",
        {"order_id": S, "reason": {"enum": ["no longer needed", "ordered by mistake"]}},
        ["order_id", "reason"],
    ),
    _tool(
        "change_shipping_address",
        {
            "order_id": S,
            "address1": S,
            "address2": S,
            "city": S,
            "state": S,
            "zip": S,
            "country": S,
        },
    ),
    _tool("change_payment_method", {"order_id": S, "payment_method_id": S}),
    _tool(
        "modify_order_items",
        {
            "order_id": S,
            "item_ids": {"type": "array"},
            "new_item_ids": {"type": "array"},
            "payment_method_id": S,
        },
    ),
    _tool(
        "exchange_items",
        {
            "order_id": S,
            "item_ids": {"type": "array"},
            "new_item_ids": {"type": "array"},
            "payment_method_id": S,
        },
    ),
    _tool("transfer_to_human", {"summary": S, "reason": S}),
]

NOT_FOUND = {
    "error": "not_found",
    "detail": "Order not found.",
    "hint": "Check the id with the customer.",
}


def line(item: str, product: str, name: str, price: str, **options: str) -> dict[str, Any]:
    return {
        "item_id": item,
        "product_id": product,
        "name": name,
        "price": price,
        "options": options,
    }


ORDERS: dict[str, dict[str, Any]] = {
    "ORD-78342": {
        "order_id": "ORD-78342",
        "status": "in_transit",
        "placed_at": "2026-11-17T10:00:00Z",
        "items": [
            line("WEP-2024", "WEP-2024", "Wireless Earbuds Pro", "129.99", color="black"),
            line("UCC-2M", "UCC-2M", "USB-C Cable 2m", "14.99"),
            line("UCC-2M", "UCC-2M", "USB-C Cable 2m", "14.99"),
        ],
        "totals": {"items": "159.97"},
        "payment_history": [
            {
                "transaction_type": "payment",
                "amount": "159.97",
                "payment_method_id": "credit_card_9821001",
            }
        ],
        "shipping_address": {
            "address1": "1450 N Meridian St",
            "address2": "Apt 4B",
            "city": "Indianapolis",
            "state": "IN",
            "zip": "46202",
            "country": "USA",
        },
        "fulfillments": [
            {
                "carrier": "FastShip Express",
                "tracking_ids": ["FSX1234567890"],
                "estimated_delivery": "2026-11-22",
                "delivered_at": None,
                "events": [
                    {
                        "occurred_at": "2026-11-20T12:00:00Z",
                        "location": "Indianapolis, IN",
                        "status": "arrived",
                        "description": "Arrived at destination facility",
                    }
                ],
            }
        ],
    },
    "ORD-66120": {
        "order_id": "ORD-66120",
        "status": "delivered",
        "placed_at": "2026-11-09T10:00:00Z",
        "items": [
            line(
                "HPN-700-BLK",
                "HPN-700",
                "Over-Ear Noise Cancelling Headphones",
                "249.00",
                color="black",
            ),
            line("UCC-2M", "UCC-2M", "USB-C Cable 2m", "14.99"),
        ],
        "totals": {"items": "263.99"},
        "payment_history": [
            {
                "transaction_type": "payment",
                "amount": "263.99",
                "payment_method_id": "credit_card_9821001",
            }
        ],
        "fulfillments": [],
    },
    "ORD-92010": {
        "order_id": "ORD-92010",
        "status": "pending",
        "placed_at": "2026-11-21T08:00:00Z",
        "items": [
            line(
                "SWX-300-41-BLK", "SWX-300", "Smart Watch X3", "199.00", size="41mm", color="black"
            ),
            line("BKP-30L-GRY", "BKP-30L", "Travel Backpack 30L", "119.00", color="grey"),
        ],
        "totals": {"items": "318.00"},
        "payment_history": [
            {
                "transaction_type": "payment",
                "amount": "318.00",
                "payment_method_id": "credit_card_9821001",
            }
        ],
        "shipping_address": {
            "address1": "1450 N Meridian St",
            "address2": "Apt 4B",
            "city": "Indianapolis",
            "state": "IN",
            "zip": "46202",
            "country": "USA",
        },
        "fulfillments": [],
    },
}
CUSTOMER = {
    "customer_id": "CUST-9821",
    "first_name": "Sarah",
    "last_name": "Johnson",
    "email": "sarah.johnson@example.com",
    "tier": "gold",
    "member_since": "2019-03-14",
    "address": {
        "address1": "1450 N Meridian St",
        "address2": "Apt 4B",
        "city": "Indianapolis",
        "state": "IN",
        "zip": "46202",
        "country": "USA",
    },
    "payment_methods": [
        {
            "id": "credit_card_9821001",
            "source": "credit_card",
            "brand": "visa",
            "last_four": "4242",
        },
        {"id": "gift_card_9821002", "source": "gift_card", "balance": "60.00"},
    ],
    "recent_orders": [
        {"order_id": o, "status": s}
        for o, s in (
            ("ORD-78342", "in_transit"),
            ("ORD-66120", "delivered"),
            ("ORD-92010", "pending"),
        )
    ],
}
SWX = {
    "product_id": "SWX-300",
    "name": "Smart Watch X3",
    "item_id": None,
    "description": "Fitness smart watch.",
    "variants": [
        {
            "item_id": "SWX-300-41-BLK",
            "options": {"size": "41mm", "color": "black"},
            "price": "199.00",
            "available": True,
        },
        {
            "item_id": "SWX-300-45-BLK",
            "options": {"size": "45mm", "color": "black"},
            "price": "229.00",
            "available": True,
        },
        {
            "item_id": "SWX-300-45-GRN",
            "options": {"size": "45mm", "color": "green"},
            "price": "229.00",
            "available": True,
        },
    ],
}


def preview(action: str, **details: Any) -> dict[str, Any]:
    return {
        "status": "confirmation_required",
        "action": action,
        "confirmation_id": "CNF-1",
        "summary": f"{action} preview",
        "preview": details,
    }


def store(name: str, args: dict[str, Any]) -> Any:
    """The canned store: what each tool answers."""
    order = ORDERS.get(str(args.get("order_id")))
    if "order_id" in args and order is None:
        return NOT_FOUND
    if name == "get_order_status":
        return order
    if name == "get_customer_info":
        return CUSTOMER
    if name == "list_product_types":
        return {
            "product_types": [
                {"name": "Smart Watch X3", "product_id": "SWX-300"},
                {"name": "55-inch 4K UHD TV", "product_id": "UHD-4K-55"},
            ]
        }
    if name == "get_product_info":
        if args["product_sku"] == "SWX-300":
            return SWX
        return {
            "product_id": "UHD-4K-55",
            "item_id": "UHD-4K-55",
            "name": "55-inch 4K UHD TV",
            "description": "55-inch 4K UHD smart TV.",
            "price": "549.99",
            "warranty": "2-year manufacturer warranty, in-home service",
        }
    if name == "check_product_availability":
        return {
            "sku": args["product_sku"],
            "product_name": "55-inch 4K UHD TV",
            "can_fulfill": True,
            "total_quantity": 3,
            "quantity_needed": 1,
            "variants": [{"item_id": "UHD-4K-55", "available": True}],
            "nearest_warehouse": {"city": "Chicago", "state": "IL", "quantity": 3},
            "estimated_delivery": "2026-11-27",
        }
    if name == "transfer_to_human":
        return {"ticket": {"ticket_id": "HT-0001", "status": "open"}, "next_step": "..."}
    if name == "process_return":
        return preview("process_return", refund_amount="263.99", reason=args["reason"])
    if name == "cancel_order":
        return preview("cancel_order", refund_amount="318.00", reason=args["reason"])
    if name == "change_shipping_address":
        return preview(
            "change_shipping_address", address={k: v for k, v in args.items() if k != "order_id"}
        )
    if name == "change_payment_method":
        return preview("change_payment_method", payment_method_id=args["payment_method_id"])
    if name in ("modify_order_items", "exchange_items"):
        return preview(name, price_difference="30.00")
    return {"error": "unknown_tool", "detail": name, "hint": ""}


Answer = Callable[[str, dict[str, Any]], Any]


class Chat:
    """A conversation with the engine, each turn run round by round like the loop does."""

    def __init__(
        self,
        answer: Answer = store,
        locale: str | None = None,
        actor: str = "customer",
        tools: list[dict[str, Any]] | None = None,
    ) -> None:
        self.model = OfflineModel()
        self.answer = answer
        self.tools = TOOLS if tools is None else tools
        self.options = StreamOptions(actor=actor, locale=locale)
        self.messages: list[ChatMessage] = [ChatMessage(role="system", content="policy")]
        self.calls: list[tuple[str, dict[str, Any]]] = []  # of the last turn

    def say(self, text: str, max_rounds: int = 8) -> str:
        self.messages.append(ChatMessage(role="user", content=text))
        self.calls = []
        for _ in range(max_rounds):
            events = list(self.model.stream(self.messages, self.tools, self.options))
            assert isinstance(events[-1], ModelFinished)
            reply = "".join(e.text for e in events if isinstance(e, TextChunk))
            requests = [e for e in events if isinstance(e, ToolCallRequest)]
            self.messages.append(
                ChatMessage(role="assistant", content=reply, tool_calls=tuple(requests))
            )
            if not requests:
                return reply
            for r in requests:
                args = json.loads(r.arguments)
                self.calls.append((r.name, args))
                result = json.dumps(self.answer(r.name, args))
                self.messages.append(
                    ChatMessage(role="tool", content=result, tool_call_id=r.call_id, name=r.name)
                )
        raise AssertionError("the engine did not answer within the round limit")

    @property
    def tool_names(self) -> list[str]:
        return [name for name, _ in self.calls]
