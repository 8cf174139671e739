"""Prepared stores for evaluation runs: build once, copy per trial.

A store is built once into a SQLite file (migrated, then seeded or imported), and every
scenario or trial gets its own byte copy of that file. Copying a file is far cheaper
than seeding again, and it guarantees each run starts from exactly the same state.
Engines are disposed before a copy so that SQLite has checkpointed its WAL into the
main file (the copy would otherwise miss committed pages).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from services import schema
from services.db import make_engine
from services.errors import InvalidRequest
from services.uow import UowFactory

SIDE_FILES = ("-wal", "-shm", "-journal")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@contextmanager
def open_store(path: Path) -> Iterator[UowFactory]:
    """A unit-of-work factory on the SQLite file ``path``, with its own engine.

    Not the process-wide engine cache: eval runs open hundreds of short-lived copies,
    and each engine is disposed when its run ends (which also checkpoints the WAL).
    """
    engine: Engine = make_engine(sqlite_url(path))
    try:
        yield UowFactory(engine)
    finally:
        engine.dispose()


def build_store(path: Path, fill: Callable[[UowFactory], Any]) -> Path:
    """Migrate a new SQLite file at ``path`` and fill it; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    # Alembic's environment (migrations/env.py) opens and disposes its own engine, so
    # nothing holds the file open here; the process's other engines are left alone.
    schema.upgrade(sqlite_url(path))
    with open_store(path) as uow_factory:
        fill(uow_factory)
    return path


def copy_store(template: Path, dest: Path) -> Path:
    """A fresh copy of a prepared (closed) store file."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    for suffix in SIDE_FILES:
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, dest)
    for suffix in SIDE_FILES:
        side = Path(f"{template}{suffix}")
        if side.exists():  # a store someone left open: copy what it has committed too
            shutil.copyfile(side, Path(f"{dest}{suffix}"))
    return dest


def tau_source_dir(store: Path, scratch: Path) -> Path:
    """The folder `import_tau` reads, for a tau-bench folder or a tau2-bench ``db.json``.

    tau2-bench keeps the same three tables in one file, ``{"users":…, "orders":…,
    "products":…}`` keyed by id; it is split into the three files in ``scratch``.
    """
    store = Path(store)
    if store.is_dir():
        if (store / "users.json").is_file():
            return store
        if (store / "db.json").is_file():
            store = store / "db.json"
        else:
            raise InvalidRequest(
                f"{store} holds neither users.json/orders.json/products.json nor db.json."
            )
    if not store.is_file():
        raise InvalidRequest(f"No store at {store}.")
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidRequest(f"{store} is not readable JSON: {exc}") from None
    missing = [k for k in ("users", "orders", "products") if not isinstance(data.get(k), dict)]
    if missing:
        raise InvalidRequest(f"{store} lacks the tables: {', '.join(missing)}.")
    scratch.mkdir(parents=True, exist_ok=True)
    for key in ("users", "orders", "products"):
        (scratch / f"{key}.json").write_text(json.dumps(data[key]), encoding="utf-8")
    return scratch


def prepare_tau_store(store: Path, dest: Path) -> Path:
    """Build the benchmark's store (folder or db.json) into the SQLite file ``dest``."""
    from seed_data.tau import import_tau

    with tempfile.TemporaryDirectory(prefix="storedesk-tau-src-") as tmp:
        source = tau_source_dir(store, Path(tmp))
        return build_store(dest, lambda uf: import_tau(uf, source))
