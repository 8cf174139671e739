"""SQLite's WAL is checkpointed on a background thread, never inside a request's commit."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import services.db
from services.db import make_engine


def test_checkpoints_run_in_the_background_and_lose_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.db"
    opened: list[str] = []
    connect = sqlite3.connect

    def spy(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(str(database))
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(services.db, "CHECKPOINT_EVERY_COMMITS", 10)
    monkeypatch.setattr(services.db.sqlite3, "connect", spy)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            # No request's commit copies pages into the database file itself.
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))

        def insert(rows: range) -> None:
            for i in rows:
                with engine.begin() as connection:
                    connection.execute(text("INSERT INTO t VALUES (:x)"), {"x": i})

        def checkpoints(at_least: int) -> int:
            deadline = time.monotonic() + 5
            while opened.count(str(path)) < at_least and time.monotonic() < deadline:
                time.sleep(0.02)
            return opened.count(str(path))

        insert(range(8))  # 9 commits with the CREATE: none yet
        time.sleep(0.2)
        assert checkpoints(0) == 0
        insert(range(8, 9))  # the 10th commit starts one, on a connection of its own
        assert checkpoints(1) == 1
        time.sleep(0.2)
        insert(range(9, 25))  # 16 more: one more
        assert checkpoints(2) == 2
    finally:
        engine.dispose()
    # Disposed: the last connection closed; a new reader sees every row.
    with connect(path) as reader:
        assert reader.execute("SELECT count(*), sum(x) FROM t").fetchone() == (25, 300)
