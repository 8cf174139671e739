"""Customers with locale-appropriate names, emails, phones and addresses, and their methods."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from seed_data.generator.clock import DAY, Clock
from seed_data.generator.ids import IdPermutation, digits_for
from seed_data.generator.pools import EMAIL_DOMAINS, LocalePool

PAYMENT_IDS = IdPermutation(7, 4_999_999, 1_000_003)
TIERS = ("standard",) * 12 + ("silver",) * 5 + ("gold",) * 2 + ("platinum",)
METHOD_COUNTS = (1,) * 9 + (2,) * 6 + (3,) * 3 + (4,) * 2
SOURCES = ("credit_card", "credit_card", "paypal", "gift_card")
BRANDS = ("visa", "visa", "mastercard", "mastercard", "amex", "discover")
BR_AREA_CODES = ("11", "21", "31", "41", "51", "61", "71", "81", "85", "91")


@dataclass(frozen=True)
class CustomerRef:
    """What an order needs of its customer (kept for every customer: a few hundred bytes)."""

    id: str
    address: tuple[str, str, str, str, str, str]  # address1, address2, city, state, zip, country
    # (payment method id, source), in the customer's order
    methods: tuple[tuple[str, str], ...]
    locale: str


def customer_batches(
    count: int, pools: dict[str, LocalePool], seed: int, clock: Clock, batch: int
) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[CustomerRef]]]:
    rng = random.Random(f"{seed}:customers")
    rand = rng.random  # arithmetic on random() beats randrange/choice threefold
    locales = [(pool, *pool.names()) for pool in pools.values()]
    suffix = IdPermutation(digits_for(count, 4), 7_919, 4_321)
    if PAYMENT_IDS.modulus < count * 4:
        raise ValueError("too many customers for 7-digit payment method ids")
    customers: list[tuple[Any, ...]] = []
    methods: list[tuple[Any, ...]] = []
    refs: list[CustomerRef] = []
    method_number = 0
    as_of = clock.as_of
    for n in range(count):
        pool, firsts, lasts = locales[n % len(locales)]
        first, first_slug = firsts[int(rand() * len(firsts))]
        last, last_slug = lasts[int(rand() * len(lasts))]
        number = suffix(n)
        customer_id = f"{first_slug}_{last_slug}_{number}"
        domains = EMAIL_DOMAINS[pool.locale]
        email = f"{first_slug}.{last_slug}{number}@{domains[int(rand() * len(domains))]}"
        member_since = as_of - (30 + int(rand() * 6 * 365)) * DAY
        address = (*pool.addresses[int(rand() * len(pool.addresses))], pool.country)
        created = clock.ts(member_since + int(rand() * DAY))
        customers.append(
            (
                customer_id,
                first,
                last,
                email,
                _phone(rng, pool.locale),
                TIERS[int(rand() * len(TIERS))],
                clock.date(member_since),
                pool.locale,
                *address,
                created,
            )
        )
        owned = []
        for position in range(METHOD_COUNTS[int(rand() * len(METHOD_COUNTS))]):
            source = SOURCES[int(rand() * len(SOURCES))]
            method_id = f"{source}_{PAYMENT_IDS(method_number)}"
            method_number += 1
            brand = last_four = balance = None
            if source == "credit_card":
                brand = BRANDS[int(rand() * len(BRANDS))]
                last_four = f"{int(rand() * 10_000):04d}"
            elif source == "gift_card":
                balance = int(rand() * 30_001) / 100
            methods.append(
                (method_id, customer_id, position, source, brand, last_four, balance, created)
            )
            owned.append((method_id, source))
        refs.append(CustomerRef(customer_id, address, tuple(owned), pool.locale))
        if len(customers) >= batch:
            yield customers, methods, refs
            customers, methods, refs = [], [], []
    if customers:
        yield customers, methods, refs


def _phone(rng: random.Random, locale: str) -> str:
    digits = int(rng.random() * 10**10)  # one draw, cut into the parts of the number
    if locale == "vi_VN":
        return f"+84 9{digits % 10} {digits // 10 % 1000:03d} {digits // 10**4 % 10**4:04d}"
    if locale == "pt_BR":
        area = BR_AREA_CODES[digits % len(BR_AREA_CODES)]
        return f"+55 {area} 9{digits // 100 % 10**4:04d}-{digits // 10**6 % 10**4:04d}"
    return f"+1 ({201 + digits % 789}) {200 + digits // 1000 % 800}-{digits // 10**6 % 10**4:04d}"
