"""What a scenario expects, checked: tool calls (precision and recall), the store's
changes, and the facts in the answers."""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.eval.scenarios.spec import DbCheck, ExpectedCall
from services.models import (
    HandoffTicket,
    LedgerEntry,
    Order,
    PaymentMethod,
    ReturnRequest,
    StockLevel,
)
from services.uow import UowFactory

# --- tool calls ---------------------------------------------------------------------


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.strip().lower().split())
    if isinstance(value, list):
        return sorted(json.dumps(_norm(v), sort_keys=True) for v in value)
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def call_matches(expected: ExpectedCall, name: str, arguments: dict[str, Any]) -> bool:
    """Same tool, and every argument the scenario names has that value (case and
    spacing aside, lists as multisets); other arguments are free."""
    if any(call_matches(alt, name, arguments) for alt in expected.alternatives):
        return True
    if expected.name != name:
        return False
    return all(
        key in arguments and _norm(arguments[key]) == _norm(value)
        for key, value in expected.args.items()
    )


def precision_recall(
    expected: list[ExpectedCall], actual: list[tuple[str, dict[str, Any]]]
) -> tuple[float, float]:
    """Recall: share of expected calls that were made. Precision: share of the calls
    made that some expected call describes. No calls expected and none made: 1.0, 1.0."""
    if not expected and not actual:
        return 1.0, 1.0
    hit = sum(1 for e in expected if any(call_matches(e, n, a) for n, a in actual))
    relevant = sum(1 for n, a in actual if any(call_matches(e, n, a) for e in expected))
    recall = hit / len(expected) if expected else 1.0
    precision = relevant / len(actual) if actual else (0.0 if expected else 1.0)
    return precision, recall


# --- facts in the answers -------------------------------------------------------------


def fold(text: str) -> str:
    """Case, spacing and Unicode form aside (accents kept: they carry meaning in vi)."""
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", text)


def contains(text: str, fact: str) -> bool:
    return fold(fact) in fold(text)


# --- the store ----------------------------------------------------------------------


def fingerprint(uow_factory: UowFactory) -> dict[str, Any]:
    """What a support conversation may change, as comparable data."""
    with uow_factory() as uow:
        s = uow.session
        orders = {
            o.id: (o.status.value, o.address1, o.address2, o.city, o.state, o.zip, o.country)
            for o in s.scalars(select(Order))
        }
        ledger: dict[str, int] = {}
        for order_id in s.scalars(select(LedgerEntry.order_id)):
            ledger[order_id] = ledger.get(order_id, 0) + 1
        requests = sorted(s.scalars(select(ReturnRequest.id)))
        stock = {(r.item_id, r.warehouse_id): r.quantity for r in s.scalars(select(StockLevel))}
        balances = {
            p.id: str(p.balance) for p in s.scalars(select(PaymentMethod)) if p.balance is not None
        }
    return {
        "orders": orders,
        "ledger": ledger,
        "requests": requests,
        "stock": stock,
        "balances": balances,
    }


def changed_parts(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for part in before:
        if before[part] != after[part]:
            if isinstance(before[part], dict):
                keys = {k for k in before[part].keys() | after[part].keys()
                        if before[part].get(k) != after[part].get(k)}  # fmt: skip
                out.extend(f"{part}:{k}" for k in sorted(map(str, keys))[:5])
            else:
                out.append(part)
    return out


def check_db(uow_factory: UowFactory, check: DbCheck, conversation_id: str | None) -> str | None:
    """None when the store agrees, else what differs (for the report)."""
    with uow_factory() as uow:
        s = uow.session
        if check.order is not None:
            order = s.get(Order, check.order)
            if order is None:
                return f"order {check.order} missing"
            if check.status is not None and order.status.value != check.status:
                return f"order {check.order} status {order.status.value!r}, want {check.status!r}"
            if check.cancel_reason is not None and order.cancel_reason != check.cancel_reason:
                return f"order {check.order} cancel_reason {order.cancel_reason!r}"
            for field, value in (check.address or {}).items():
                if str(getattr(order, field, None) or "") != value:
                    return f"order {check.order} {field} {getattr(order, field, None)!r}"
            if check.items is not None and [i.item_id for i in order.items] != check.items:
                return f"order {check.order} items {[i.item_id for i in order.items]}"
            if check.payments is not None and len(order.ledger) != check.payments:
                return f"order {check.order} has {len(order.ledger)} ledger entries"
            return None
        if check.returns is not None:
            rows = list(
                s.scalars(select(ReturnRequest).where(ReturnRequest.order_id == check.returns))
            )
            if check.kind is not None:
                rows = [r for r in rows if r.kind.value == check.kind]
            if len(rows) != check.count:
                return f"{len(rows)} request(s) for {check.returns}, want {check.count}"
            if check.items is not None and rows and sorted(rows[0].item_ids) != sorted(check.items):
                return f"request items {rows[0].item_ids}"
            return None
        if check.stock is not None:
            level = s.get(StockLevel, (check.warehouse, check.stock))
            got = level.quantity if level else 0
            return None if got == check.quantity else f"stock {check.stock}@{check.warehouse} {got}"
        if check.balance is not None:
            method = s.get(PaymentMethod, check.balance)
            got_balance = None if method is None else method.balance
            want = Decimal(str(check.amount))
            ok = got_balance is not None and Decimal(got_balance) == want
            return None if ok else f"balance of {check.balance} {got_balance}"
        tickets = list(
            s.scalars(select(HandoffTicket).where(HandoffTicket.conversation_id == conversation_id))
        )
        if bool(tickets) != bool(check.handoff):
            return f"{len(tickets)} hand-off ticket(s)"
        return None
