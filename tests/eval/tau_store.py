"""A tiny store in the tau2-bench `db.json` shape, and tasks on it, for harness tests
that need no benchmark data and no network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ADDRESS = {
    "address1": "1 Elm St",
    "address2": "",
    "city": "Austin",
    "country": "USA",
    "state": "TX",
    "zip": "78701",
}
USER_ID = "ada_lovelace_1815"
PENDING = "#W0000001"
DELIVERED = "#W0000002"
SHIRT = "1000000001"
SHIRT_BLUE = "1000000002"


def db() -> dict[str, Any]:
    return {
        "users": {
            USER_ID: {
                "name": {"first_name": "Ada", "last_name": "Lovelace"},
                "address": ADDRESS,
                "email": "ada@example.com",
                "payment_methods": {
                    "credit_card_1000001": {
                        "source": "credit_card",
                        "brand": "visa",
                        "last_four": "1111",
                        "id": "credit_card_1000001",
                    },
                    "gift_card_1000002": {
                        "source": "gift_card",
                        "balance": 20.0,
                        "id": "gift_card_1000002",
                    },
                },
                "orders": [PENDING, DELIVERED],
            }
        },
        "orders": {
            oid: {
                "order_id": oid,
                "user_id": USER_ID,
                "address": ADDRESS,
                "items": [
                    {
                        "name": "T-Shirt",
                        "product_id": "9000000001",
                        "item_id": SHIRT,
                        "price": 25.5,
                        "options": {"color": "red"},
                    }
                ],
                "fulfillments": [] if status == "pending" else [
                    {"tracking_id": ["123456789012"], "item_ids": [SHIRT]}
                ],
                "status": status,
                "payment_history": [
                    {
                        "transaction_type": "payment",
                        "amount": 25.5,
                        "payment_method_id": "credit_card_1000001",
                    }
                ],
            }
            for oid, status in ((PENDING, "pending"), (DELIVERED, "delivered"))
        },
        "products": {
            "9000000001": {
                "name": "T-Shirt",
                "product_id": "9000000001",
                "variants": {
                    SHIRT: {"item_id": SHIRT, "options": {"color": "red"}, "available": True,
                            "price": 25.5},
                    SHIRT_BLUE: {"item_id": SHIRT_BLUE, "options": {"color": "blue"},
                                 "available": True, "price": 27.0},
                },
            }
        },
    }  # fmt: skip


def task(task_id: str, actions: list[tuple[str, dict[str, Any]]], **criteria: Any) -> dict:
    return {
        "id": task_id,
        "description": {"purpose": None},
        "user_scenario": {
            "persona": None,
            "instructions": {
                "domain": "retail",
                "reason_for_call": f"Task {task_id}.",
                "known_info": "You are Ada Lovelace, ada@example.com.",
                "unknown_info": None,
                "task_instructions": "Be brief.",
            },
        },
        "initial_state": None,
        "evaluation_criteria": {
            "actions": [
                {"action_id": f"{task_id}_{i}", "name": n, "arguments": a, "info": None}
                for i, (n, a) in enumerate(actions)
            ],
            "communicate_info": criteria.get("communicate_info", []),
            "nl_assertions": criteria.get("nl_assertions"),
            "reward_basis": ["DB", "COMMUNICATE"],
        },
    }


CANCEL = ("cancel_pending_order", {"order_id": PENDING, "reason": "no longer needed"})
FIND = ("find_user_id_by_email", {"email": "ada@example.com"})
TRANSFER = ("transfer_to_human_agents", {"summary": "Ada wants a person."})
RETURN = (
    "return_delivered_order_items",
    {"order_id": DELIVERED, "item_ids": [SHIRT], "payment_method_id": "gift_card_1000002"},
)


def tasks() -> list[dict]:
    return [
        task("cancel", [FIND, CANCEL], communicate_info=["25.5"]),
        task("transfer", [FIND, TRANSFER]),
        task("return", [FIND, RETURN]),
    ]


def write(folder: Path) -> tuple[Path, Path]:
    """db.json and tasks.json in ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / "db.json"
    store.write_text(json.dumps(db()))
    (folder / "policy.md").write_text("# Retail agent policy\nAuthenticate the user first.\n")
    tasks_path = folder / "tasks.json"
    tasks_path.write_text(json.dumps(tasks()))
    return store, tasks_path
