"""Orders over the past 18 months, each with a life that matches its dates.

Every order follows one timeline (placed -> label created -> picked up -> delivered,
then perhaps a return or an exchange request) and its status is where `as_of` falls on
it, so statuses, fulfillments, tracking events and ledger entries cannot disagree.
Payments equal the item total; a cancellation refunds each method what it paid; a
completed return refunds the returned lines to the method chosen for it.
"""

from __future__ import annotations

import json
import random
from array import array
from dataclasses import dataclass, field
from typing import Any

from seed_data.generator.catalog import SoldVariant
from seed_data.generator.catalog_data import CARRIERS
from seed_data.generator.clock import DAY, HOUR, Clock
from seed_data.generator.customers import CustomerRef

# "#W" and seven digits, the benchmark's form: room for nine million orders.
MAX_ORDERS = 9_000_000
HISTORY_DAYS = 548  # 18 months
ITEM_COUNTS = (1,) * 9 + (2,) * 6 + (3,) * 3 + (4,) + (5,)
CANCEL_SHARE = 0.05
CANCEL_REASONS = ("no longer needed", "ordered by mistake")
RETURN_REASONS = ("changed_mind", "defective", "wrong_size", "not_as_described")
HUBS = ("Memphis, TN", "Louisville, KY", "Indianapolis, IN", "Ontario, CA", "Allentown, PA")
# A fulfillment's id is its order's number times this plus its position: unique, and
# known without counting the fulfillments written before it.
FULFILLMENTS_PER_ORDER = 4
# Label created, picked up, in transit, delivered: how far along the order's parcels are.
LABEL, PICKED_UP, IN_TRANSIT, DELIVERED = 1, 2, 3, 4
# The tracking event (status, description) each step leaves; the label is not an event
# (the carrier has not seen the parcel yet), its tracking number shows it exists.
EVENTS = {
    PICKED_UP: ("picked_up", "Picked up by carrier"),
    IN_TRANSIT: ("in_transit", "Arrived at sort facility"),
    DELIVERED: ("delivered", "Delivered"),
}


@dataclass
class OrderRows:
    orders: list[tuple[Any, ...]] = field(default_factory=list)
    order_items: list[tuple[Any, ...]] = field(default_factory=list)
    ledger_entries: list[tuple[Any, ...]] = field(default_factory=list)
    fulfillments: list[tuple[Any, ...]] = field(default_factory=list)
    tracking_events: list[tuple[Any, ...]] = field(default_factory=list)
    return_requests: list[tuple[Any, ...]] = field(default_factory=list)

    def count(self) -> int:
        return sum(len(v) for v in vars(self).values())


@dataclass
class _Request:
    """A return or exchange the customer asked for (becomes the order's fields and a record)."""

    kind: str  # return | exchange
    items: list[str]
    method: str
    asked: int
    received: int | None = None
    new_items: list[str] | None = None
    difference: int | None = None  # cents, exchanges only
    refund: int | None = None  # cents, returns only


def assign_customers(total: int, customers: int, seed: int) -> tuple[array[int], array[int]]:
    """Whose each order is, and its place in that customer's list, decided up front.

    Done once, in order, so that batches can then be made independently (in parallel
    processes) and still give each customer a contiguous, oldest-first list of orders.
    Two arrays of machine ints: 8 MB for a million orders.
    """
    rng = random.Random(f"{seed}:assign")
    customer_of = array("i", bytes(4 * total))
    position_of = array("i", bytes(4 * total))
    next_position = array("i", bytes(4 * customers))
    pick = rng.randrange
    for n in range(total):
        c = pick(customers)
        customer_of[n] = c
        position_of[n] = next_position[c]
        next_position[c] += 1
    return customer_of, position_of


class OrderMaker:
    def __init__(
        self,
        *,
        total: int,
        customers: list[CustomerRef],
        variants: list[list[SoldVariant]],
        warehouse_cities: list[str],
        clock: Clock,
        seed: int,
        compact: bool = False,
    ) -> None:
        """`compact`: order lines carry only (order, position, item) and fulfillments the
        facts their tracking events follow from; SQL completes both (SQLite parts)."""
        if total > MAX_ORDERS:
            raise ValueError(f"at most {MAX_ORDERS} orders")
        self.total = total
        self.compact = compact
        # Ids grow with the order number (random-looking steps within a stride): every
        # index keyed by order id is then appended to, not updated all over, which makes
        # SQLite's load several times faster than random ids would.
        self.first_id = 1_000_000
        self.stride = max(1, MAX_ORDERS // max(total, 1))
        self.customers = customers
        # Orders buy what is on sale today; an unavailable variant is simply never sold.
        self.available = [[v for v in vs if v.available] for vs in variants]
        self.by_product = {vs[0].product_id: vs for vs in self.available if vs}
        self.cities = warehouse_cities
        self.clock = clock
        self.seed = seed
        self.start = clock.as_of - HISTORY_DAYS * DAY
        self.span = HISTORY_DAYS * DAY - HOUR
        self.customer_of, self.position_of = assign_customers(total, len(customers), seed)

    def batch(self, first: int, count: int) -> OrderRows:
        # One generator per batch, seeded by the batch's first order number.
        rng = random.Random(f"{self.seed}:orders:{first}")
        rows = OrderRows()
        for n in range(first, min(first + count, self.total)):
            self._order(rng, n, rows)
        return rows

    def _order(self, rng: random.Random, n: int, rows: OrderRows) -> None:
        # rng.random() arithmetic instead of randrange/choice/randint: a third of the cost,
        # in the loop that runs a million times.
        ts, as_of, rand = self.clock.ts, self.clock.as_of, rng.random
        order_id = f"#W{self.first_id + n * self.stride + (n * 7919) % self.stride}"
        customer = self.customers[self.customer_of[n]]
        position = self.position_of[n]
        placed = min(self.start + (n * self.span) // self.total + int(rand() * HOUR), as_of - 60)
        placed_text = ts(placed)

        # Lines: popular products (the front of the catalogue) sell more.
        products = self.available
        lines = []
        for _ in range(ITEM_COUNTS[int(rand() * len(ITEM_COUNTS))]):
            choices = products[int(len(products) * rand() ** 2)]
            lines.append(choices[int(rand() * len(choices))])
        items = rows.order_items
        total = 0
        for pos, v in enumerate(lines):
            if self.compact:
                items.append((order_id, pos, v.item_id))
            else:
                items.append(
                    (order_id, pos, v.item_id, v.product_id, v.name, v.price, v.options_json)
                )
            total += v.cents

        payments = self._payments(rng, customer, total)
        ledger = rows.ledger_entries
        for pos, (method, cents) in enumerate(payments):
            ledger.append((order_id, pos, "payment", cents / 100, method, placed_text))

        label = placed + 2 * HOUR + int(rand() * 18 * HOUR)
        shipped = label + 4 * HOUR + int(rand() * 32 * HOUR)
        delivered = shipped + DAY + int(rand() * 4 * DAY)
        cancel_reason: str | None = None
        request: _Request | None = None
        stage = 0
        if rand() < CANCEL_SHARE:
            # Cancelled while still pending, before any label.
            status = "cancelled"
            updated = placed + int((min(label, as_of) - placed) * rng.random())
            cancel_reason = rng.choice(CANCEL_REASONS)
            for pos, (method, cents) in enumerate(payments, start=len(payments)):
                ledger.append((order_id, pos, "refund", cents / 100, method, ts(updated)))
        elif as_of < label:
            status, updated = "pending", placed
        elif as_of < shipped:
            status, stage, updated = "processed", LABEL, label
        elif as_of < shipped + 12 * HOUR:
            status, stage, updated = "shipped", PICKED_UP, shipped
        elif as_of < delivered:
            status, stage, updated = "in_transit", IN_TRANSIT, shipped + 12 * HOUR
        else:
            stage = DELIVERED
            status, updated, request = self._after_delivery(
                rng, lines, customer, payments, delivered
            )
            if request is not None:
                updated = request.received or request.asked
                self._record_request(rows, n, order_id, customer, request, rng)
                if request.received is not None and request.refund is not None:
                    ledger.append(
                        (order_id, len(payments), "refund", request.refund / 100, request.method,
                         ts(request.received))
                    )  # fmt: skip
        if stage:
            self._ship(rng, rows, n, order_id, lines, customer, stage, (shipped, delivered))

        is_return = request is not None and request.kind == "return"
        is_exchange = request is not None and request.kind == "exchange"
        rows.orders.append(
            (
                order_id,
                customer.id,
                position,
                status,
                placed_text,
                ts(updated),
                placed_text,
                *customer.address,
                cancel_reason,
                json.dumps(request.items) if request and is_return else None,
                request.method if request and is_return else None,
                json.dumps(request.items) if request and is_exchange else None,
                json.dumps(request.new_items) if request and is_exchange else None,
                request.method if request and is_exchange else None,
                request.difference / 100 if request and request.difference is not None else None,
            )
        )

    @staticmethod
    def _payments(rng: random.Random, customer: CustomerRef, total: int) -> list[tuple[str, int]]:
        """Mostly one method; now and then a gift card pays part and another method the rest."""
        methods = customer.methods
        if len(methods) > 1 and total > 100 and rng.random() < 0.1:
            gift = [m for m, s in methods if s == "gift_card"]
            others = [m for m, s in methods if s != "gift_card"]
            if gift and others:
                part = rng.randrange(1, total)
                return [(gift[0], part), (rng.choice(others), total - part)]
        return [(methods[int(rng.random() * len(methods))][0], total)]

    def _after_delivery(
        self,
        rng: random.Random,
        lines: list[SoldVariant],
        customer: CustomerRef,
        payments: list[tuple[str, int]],
        delivered: int,
    ) -> tuple[str, int, _Request | None]:
        since = self.clock.as_of - delivered
        roll = rng.random()
        if since <= 30 * DAY and roll < 0.12:
            asked = delivered + int(since * rng.random())
            chosen = rng.sample(lines, rng.randint(1, len(lines)))
            if roll < 0.07:
                method = self._refund_method(rng, customer, payments)
                return "return requested", asked, self._return(chosen, method, asked)
            new = [rng.choice(self._siblings(v)) for v in chosen]
            request = _Request(
                "exchange",
                sorted(v.item_id for v in chosen),
                payments[0][0],
                asked,
                new_items=sorted(w.item_id for w in new),
                difference=sum(w.cents for w in new) - sum(v.cents for v in chosen),
            )
            return "exchange requested", asked, request
        if since > 12 * DAY and roll < 0.05:
            asked = delivered + rng.randint(DAY, 5 * DAY)
            chosen = rng.sample(lines, rng.randint(1, len(lines)))
            method = self._refund_method(rng, customer, payments)
            request = self._return(chosen, method, asked)
            request.received = asked + rng.randint(2 * DAY, 6 * DAY)
            return "returned", request.received, request
        return "delivered", delivered, None

    @staticmethod
    def _return(chosen: list[SoldVariant], method: str, asked: int) -> _Request:
        return _Request(
            "return",
            sorted(v.item_id for v in chosen),
            method,
            asked,
            refund=sum(v.cents for v in chosen),
        )

    @staticmethod
    def _refund_method(
        rng: random.Random, customer: CustomerRef, payments: list[tuple[str, int]]
    ) -> str:
        # The benchmark's rule: the original method or one of the customer's gift cards.
        gift = [m for m, s in customer.methods if s == "gift_card"]
        return rng.choice(gift) if gift and rng.random() < 0.3 else payments[0][0]

    def _siblings(self, v: SoldVariant) -> list[SoldVariant]:
        # An exchange is for another available variant of the same product (or the same
        # one, which the benchmark allows).
        return self.by_product.get(v.product_id) or [v]

    def _record_request(
        self,
        rows: OrderRows,
        n: int,
        order_id: str,
        customer: CustomerRef,
        request: _Request,
        rng: random.Random,
    ) -> None:
        ts = self.clock.ts
        prefix = "RET" if request.kind == "return" else "EXC"
        rows.return_requests.append(
            (
                f"{prefix}-{order_id[2:]}",
                order_id,
                customer.id,
                request.kind,
                "requested" if request.received is None else "received",
                json.dumps(request.items),
                None if request.new_items is None else json.dumps(request.new_items),
                rng.choice(RETURN_REASONS),
                "",
                request.method,
                None if request.refund is None else request.refund / 100,
                None if request.difference is None else request.difference / 100,
                ts(request.asked),
                None if request.received is None else ts(request.received),
            )
        )

    def _ship(
        self,
        rng: random.Random,
        rows: OrderRows,
        n: int,
        order_id: str,
        lines: list[SoldVariant],
        customer: CustomerRef,
        stage: int,
        times: tuple[int, int],
    ) -> None:
        ts, rand = self.clock.ts, rng.random
        shipped, delivered = times
        item_ids = [v.item_id for v in lines]
        parts = [item_ids]
        if len(item_ids) >= 2 and rand() < 0.15:
            cut = 1 + int(rand() * (len(item_ids) - 1))
            parts = [item_ids[:cut], item_ids[cut:]]
        origin = self.cities[int(rand() * len(self.cities))]
        destination = f"{customer.address[2]}, {customer.address[3]}"
        for pos, part in enumerate(parts):
            fid = n * FULFILLMENTS_PER_ORDER + pos + 1
            shipment = (
                fid,
                order_id,
                pos,
                CARRIERS[int(rand() * len(CARRIERS))],
                f'["{10**11 + int(rand() * 9 * 10**11)}"]',
                # ids are digits: no escaping needed, and json.dumps is slow
                '["' + '", "'.join(part) + '"]',
                ts(shipped) if stage >= PICKED_UP else None,
                self.clock.date(shipped + 5 * DAY),
                ts(delivered) if stage >= DELIVERED else None,
            )
            hub = HUBS[int(rand() * len(HUBS))] if stage >= IN_TRANSIT else None
            transit = ts(shipped + 12 * HOUR) if stage >= IN_TRANSIT else None
            if self.compact:
                # The events are derived from these columns by SQL (see parallel.py).
                rows.fulfillments.append((*shipment, origin, hub, transit, destination, stage))
                continue
            rows.fulfillments.append(shipment)
            at_place = {
                PICKED_UP: (shipment[6], origin),
                IN_TRANSIT: (transit, hub),
                DELIVERED: (shipment[8], destination),
            }
            for step in range(PICKED_UP, stage + 1):
                rows.tracking_events.append((fid, *at_place[step], *EVENTS[step]))
