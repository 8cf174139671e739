"""Scoring as the benchmark does: the store's final state against a ground-truth replay.

`store_state` is the store in the benchmark's own shape (`services.tau_shape`, the same
functions `export-tau` uses), so two stores are equal here exactly when their tau-bench
exports are equal: money to the cent, list order kept. Conversations, audit rows and
hand-off tickets are not part of that shape and do not count, as in the benchmark.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.eval.tau.tasks import Action
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.tau import TAU_RETAIL
from app.tools.tau.writes import WRITE_TOOLS
from services import tau_shape
from services.models import Actor, Customer, Order, Product
from services.uow import UowFactory

BATCH = 500
WRITE_NAMES = frozenset(tool.name for tool in WRITE_TOOLS)


def store_state(uow_factory: UowFactory) -> dict[str, dict[str, Any]]:
    """{"users": …, "orders": …, "products": …} keyed by id, as tau-bench holds it."""
    out: dict[str, dict[str, Any]] = {}
    with uow_factory() as uow:
        session = uow.session
        tables: tuple[tuple[str, Any, Any, Any], ...] = (
            ("users", Customer.id, tau_shape.load_users, tau_shape.user_to_tau),
            ("orders", Order.id, tau_shape.load_orders, tau_shape.order_to_tau),
            ("products", Product.id, tau_shape.load_products, tau_shape.product_to_tau),
        )
        for key, column, load, shape in tables:
            ids = sorted(session.scalars(select(column)))
            table: dict[str, Any] = {}
            for start in range(0, len(ids), BATCH):
                for row in load(session, ids[start : start + BATCH]):
                    table[row.id] = shape(row)
                session.expunge_all()
            out[key] = table
    return out


def state_hash(state: dict[str, Any]) -> str:
    canonical = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def state_diff(expected: dict[str, Any], actual: dict[str, Any], limit: int = 5) -> list[str]:
    """The first few entries that differ ("orders/#W123"), for the report."""
    diffs: list[str] = []
    for table in ("users", "orders", "products"):
        left, right = expected.get(table, {}), actual.get(table, {})
        for key in sorted(set(left) | set(right)):
            if left.get(key) != right.get(key):
                diffs.append(f"{table}/{key}")
                if len(diffs) >= limit:
                    return diffs
    return diffs


def bench_context(uow_factory: UowFactory, conversation_id: str | None = None) -> ToolContext:
    """The benchmark's agent: a staff session whose changes apply at once (the policy asks
    for the user's explicit yes in the conversation, which the benchmark's tools assume)."""
    return ToolContext(
        uow_factory=uow_factory,
        actor=Actor.STAFF,
        conversation_id=conversation_id,
        confirmation="automatic",
        staff_name="tau-bench agent",
    )


@dataclass(frozen=True)
class Replay:
    outputs: tuple[str, ...]
    # "name: output" of every write that answered with an error. (Reads may fail in the
    # ground truth itself: a sample task looks up a product id the store does not have.)
    errors: tuple[str, ...]


def replay(uow_factory: UowFactory, actions: Sequence[Action]) -> Replay:
    """Run the ground-truth actions, in order, through the `tau-retail` toolset."""
    ctx = bench_context(uow_factory)
    outputs, errors = [], []
    for action in actions:
        result = dispatch(TAU_RETAIL, ctx, action.name, action.arguments, record=False)
        outputs.append(result.result)
        failed = not result.ok or result.result.startswith("Error")
        if failed and action.name in WRITE_NAMES:
            errors.append(f"{action.name}: {result.result[:200]}")
    return Replay(tuple(outputs), tuple(errors))


def communicated(info: Iterable[str], replies: Sequence[str]) -> tuple[bool, list[str]]:
    """tau-bench's output check: each string appears in some agent reply, ignoring case
    and commas in the reply ("1,234" counts as "1234"). Returns (all found, missing)."""
    texts = [reply.lower().replace(",", "") for reply in replies]
    missing = [item for item in info if not any(item.lower() in text for text in texts)]
    return not missing, missing
