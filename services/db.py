"""Engine and session factories for SQLite (embedded default) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from services.settings import database_settings

log = logging.getLogger(__name__)


def normalize_url(url: str | URL) -> URL:
    """`postgresql://` and `postgres://` mean psycopg 3 here, not psycopg2."""
    parsed = make_url(str(url).replace("postgres://", "postgresql://", 1))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str | URL | None = None, **kwargs: Any) -> Engine:
    settings = database_settings()
    parsed = normalize_url(url or settings.database_url)
    kwargs.setdefault("echo", settings.database_echo)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, settings.sqlite_busy_timeout_ms, **kwargs)
    if kwargs.pop("pool_pre_ping", None) is None:
        engine = create_engine(parsed, **kwargs)
        _ping_when_idle(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True, **kwargs)


# A connection back from the pool within this many seconds of its last use is not pinged.
PING_AFTER_IDLE_S = 5.0


def _ping_when_idle(engine: Engine) -> None:
    """`pool_pre_ping`, for connections that sat idle only.

    Pinging on every checkout was one extra round trip per transaction, six per turn. A
    connection used moments ago is alive unless the server went away in between; then
    the statement fails with a disconnect error, SQLAlchemy invalidates the pool, and the
    next transaction reconnects (the same as a server dying mid-transaction).
    """

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is not None and time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the pool replaces this connection and retries
            raise DisconnectionError(str(exc)) from exc


def _sqlite_engine(url: URL, busy_timeout_ms: int, **kwargs: Any) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    kwargs.setdefault("connect_args", {"check_same_thread": False})
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite opens transactions lazily and commits before DDL, which breaks
        # transactional migrations and SAVEPOINTs; take over BEGIN ourselves (the
        # recipe from SQLAlchemy's SQLite dialect docs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if url.database and url.database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            # Checkpoints run on a background thread (`_checkpoint_in_background`), not
            # inside whichever request's commit crosses SQLite's threshold.
            cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    if url.database and url.database != ":memory:":
        _checkpoint_in_background(engine, url.database)
    return engine


# Commits between two checkpoints: a turn's message writes add a few pages each, so the
# WAL stays near SQLite's own threshold (1,000 pages) between checkpoints.
CHECKPOINT_EVERY_COMMITS = 200


def _checkpoint_in_background(engine: Engine, path: str) -> None:
    """Copy the WAL into the database file on a thread of its own, every
    `CHECKPOINT_EVERY_COMMITS` commits of this engine.

    With SQLite's automatic checkpoint, the commit that crosses its threshold copies the
    pages itself: on a 1.5 GB store that was an 8-14 ms stall inside one customer's
    request (most of the write tools' p99). A PASSIVE checkpoint waits for no reader or
    writer, so requests go on while it runs; the last connection to close checkpoints
    whatever is left, as before.
    """
    lock = threading.Lock()
    state = {"commits": 0, "running": False}

    def checkpoint() -> None:
        try:
            connection = sqlite3.connect(path, timeout=5)
            try:
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                connection.close()
        except sqlite3.Error:
            log.warning("background WAL checkpoint of %s failed", path, exc_info=True)
        finally:
            with lock:
                state["running"] = False

    @event.listens_for(engine, "commit")
    def _count(_conn: Any) -> None:
        with lock:
            state["commits"] += 1
            if state["commits"] < CHECKPOINT_EVERY_COMMITS or state["running"]:
                return
            state["commits"], state["running"] = 0, True
        threading.Thread(target=checkpoint, name="sqlite-checkpoint", daemon=True).start()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: use cases build their result models after commit.
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def get_engine(url: str | URL | None = None) -> Engine:
    """One engine (and pool) per URL per process."""
    key = str(normalize_url(url or database_settings().database_url))
    with _lock:
        if key not in _engines:
            _engines[key] = make_engine(key)
        return _engines[key]


def dispose_engines() -> None:
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def begin_write(session: Session) -> None:
    """Serialise writers on SQLite from the start of the transaction.

    PostgreSQL uses row locks (SELECT ... FOR UPDATE). SQLite ignores FOR UPDATE, and a
    transaction that reads and then writes fails at once ("database is locked", no busy
    wait) when another writer committed in between. An empty UPDATE takes the write lock
    now, so a concurrent writer waits (busy_timeout) and then reads what the first one
    committed. Call it first in any use case that reads and then writes.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE idempotency_records SET key = key WHERE 0 = 1"))
