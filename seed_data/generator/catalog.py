"""The catalogue: warehouses, products with variants, and stock of each variant per warehouse."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from seed_data.generator.catalog_data import (
    BRANDS,
    KINDS,
    LINES,
    SHIPPING_OPTIONS,
    WAREHOUSE_SITES,
)
from seed_data.generator.clock import DAY, Clock
from seed_data.generator.ids import IdPermutation

PRODUCT_IDS = IdPermutation(10, 7_654_321, 1_234_567_891)
ITEM_IDS = IdPermutation(10, 3_141_592_653, 2_718_281_829)
UNAVAILABLE_SHARE = 0.15


@dataclass(frozen=True)
class SoldVariant:
    """What an order line needs of a variant, ready to write."""

    item_id: str
    product_id: str
    name: str
    cents: int
    price: float
    options_json: str
    available: bool


@dataclass
class CatalogueRows:
    warehouses: list[tuple[Any, ...]] = field(default_factory=list)
    products: list[tuple[Any, ...]] = field(default_factory=list)
    variants: list[tuple[Any, ...]] = field(default_factory=list)
    stock_levels: list[tuple[Any, ...]] = field(default_factory=list)


def warehouse_rows(count: int, clock: Clock) -> list[tuple[Any, ...]]:
    created = clock.ts(clock.as_of - 900 * DAY)
    rows = []
    for n in range(count):
        if n < len(WAREHOUSE_SITES):
            wid, name, city, state, zip_code, country = WAREHOUSE_SITES[n]
        else:
            site = WAREHOUSE_SITES[n % len(WAREHOUSE_SITES)]
            wid, name = f"{site[0]}-{n // len(WAREHOUSE_SITES) + 1}", f"{site[1]} {n}"
            city, state, zip_code, country = site[2:]
        rows.append((wid, name, city, state, zip_code, country, created))
    return rows


def product_batches(
    count: int, warehouses: list[tuple[Any, ...]], seed: int, clock: Clock, batch: int
) -> Iterator[tuple[CatalogueRows, list[list[SoldVariant]]]]:
    """Products in batches; each batch's rows and the variants that orders will sell."""
    rng = random.Random(f"{seed}:catalogue")
    used_names: set[str] = set()
    item_number = 0
    rows, sold = CatalogueRows(), []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        name = _unique_name(rng, kind["name"], used_names)
        product_id = PRODUCT_IDS(n)
        created = clock.ts(clock.as_of - rng.randint(600, 900) * DAY)
        brand = name.split(" ", 1)[0]
        specs = {key: rng.choice(values) for key, values in kind["specs"].items()}
        specs["brand"] = brand
        specs["model"] = f"{brand[:3].upper()}-{rng.randint(100, 9999)}"
        window = kind["window"]
        shipping = SHIPPING_OPTIONS[3 if kind["price"][1] >= 800 else rng.randrange(3)]
        rows.products.append(
            (
                product_id,
                name,
                f"{name}: {kind['category'].lower()} by {brand}, "
                f"available in {', '.join(kind['options'])} options.",
                kind["category"],
                json.dumps(specs),
                kind["warranty"],
                json.dumps(shipping),
                1 if window else 0,
                window,
                created,
            )
        )
        combos = list(itertools.product(*kind["options"].values()))
        chosen = rng.sample(combos, min(len(combos), rng.randint(2, 12)))
        base = rng.uniform(*kind["price"])
        variants = []
        for position, combo in enumerate(chosen):
            options = dict(zip(kind["options"], combo, strict=True))
            cents = round(base * rng.uniform(0.9, 1.15) * 100)
            # The first variant stays available so every product can still be bought.
            available = position == 0 or rng.random() >= UNAVAILABLE_SHARE
            item_id = ITEM_IDS(item_number)
            item_number += 1
            options_json = json.dumps(options)
            rows.variants.append(
                (item_id, product_id, position, options_json, cents / 100, int(available), created)
            )
            variants.append(
                SoldVariant(item_id, product_id, name, cents, cents / 100, options_json, available)
            )
            for warehouse in warehouses:
                quantity = 0 if not available or rng.random() < 0.15 else rng.randint(1, 150)
                rows.stock_levels.append((warehouse[0], item_id, quantity))
        sold.append(variants)
        if len(rows.products) >= batch:
            yield rows, sold
            rows, sold = CatalogueRows(), []
    if rows.products:
        yield rows, sold


def _unique_name(rng: random.Random, kind: str, used: set[str]) -> str:
    name = " ".join(p for p in (rng.choice(BRANDS), kind, rng.choice(LINES)) if p)
    while name in used:
        name = f"{name} {rng.randint(2, 99)}"
    used.add(name)
    return name
