"""Shared helpers of the mock-store tests."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from seed_data.generator import GenerateSpec
from seed_data.tau_export import export_tau
from services.uow import UowFactory

AS_OF = datetime(2026, 6, 30, tzinfo=UTC)


def small_spec(**changes: object) -> GenerateSpec:
    values: dict[str, object] = {
        "customers": 40,
        "orders": 300,
        "products": 25,
        "warehouses": 3,
        "locales": ("en_US", "vi_VN", "pt_BR"),
        "seed": 7,
        "as_of": AS_OF,
        "batch_size": 64,  # several batches (and parts) even for a small store
    }
    values.update(changes)
    return GenerateSpec(**values)  # type: ignore[arg-type]


def content_hash(uow_factory: UowFactory, folder: Path) -> str:
    """A fingerprint of the store's content: its tau-bench export, keys sorted (PostgreSQL's
    JSONB keeps option keys in its own order)."""
    export_tau(uow_factory, folder)
    digest = hashlib.sha256()
    for name in ("users.json", "orders.json", "products.json"):
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()
