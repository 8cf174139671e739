"""The stores scenarios start from, prepared once per suite run and copied per scenario."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.eval.scenarios.spec import GeneratedStore, Scenario
from app.eval.stores import build_store
from seed_data.demo import load_demo
from seed_data.generator import GenerateSpec, generate_store


def prepare(scenario: Scenario, folder: Path, cache: dict[str, Path]) -> Path:
    """The prepared store file for this scenario (built on first use)."""
    key = scenario.store_key()
    if key not in cache:
        path = folder / f"template-{key}.db"
        if scenario.store == "demo":
            build_store(path, load_demo)
        else:
            spec = scenario.store.generated
            build_store(path, lambda uf: generate_store(uf, _spec(spec)))
        cache[key] = path
    return cache[key]


def clock_of(scenario: Scenario) -> datetime | None:
    """A generated store is "as of" a date: the tools' clock is set to it."""
    if scenario.store == "demo":
        return None  # the demo is dated relative to when it is seeded
    return scenario.store.generated.as_of


def _spec(store: GeneratedStore) -> GenerateSpec:
    spec = GenerateSpec(
        customers=store.customers,
        orders=store.orders,
        products=store.products,
        warehouses=store.warehouses,
        locales=store.locales,
        seed=store.seed,
        as_of=store.as_of,
    )
    return replace(spec, workers=0)  # small stores: no worker processes
